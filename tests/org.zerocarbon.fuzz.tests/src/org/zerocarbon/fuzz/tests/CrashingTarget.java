package org.zerocarbon.fuzz.tests;

import java.nio.charset.StandardCharsets;

/**
 * A fuzz target with a planted bug, to prove that {@link JazzerRun} reports a crash: it throws on any input that
 * holds the word "machine" (every example line does), so Jazzer finds it on the seeds.
 */
public final class CrashingTarget {

	private CrashingTarget() {
	}

	/** Throws on inputs holding "machine". */
	public static void fuzzerTestOneInput(byte[] input) {
		if (new String(input, StandardCharsets.UTF_8).contains("machine")) {
			throw new IllegalStateException("planted");
		}
	}
}
