package org.zerocarbon.core.calc;

import java.util.Locale;

/**
 * Numbers for people: about four significant digits, grouped, never in exponent notation for everyday magnitudes
 * ("5.499", "0.2483", "329,966" rather than "3.300e+05"). Used by the engine's notes, the command line's summary
 * and the language server's code lenses, so that one figure reads the same everywhere.
 */
public final class SignificantFigures {

	private SignificantFigures() {
	}

	/** Four significant digits below 1,000; whole, grouped numbers from 1,000 on. */
	public static String of(double value) {
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		if (Math.abs(value) >= 1000) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return String.format(Locale.ROOT, "%.4g", value);
	}
}
