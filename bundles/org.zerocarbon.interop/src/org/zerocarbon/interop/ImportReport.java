package org.zerocarbon.interop;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an import did: the products written or replaced, and, in plain words, what was ignored (other
 * indicators, LCI exchanges, scenarios' descriptions ...) and warnings (an expired EPD, a split that does not add
 * up and was left out). Thread-safe.
 */
public final class ImportReport {
	private final List<String> added = new ArrayList<>();
	private final List<String> replaced = new ArrayList<>();
	private final List<String> ignored = new ArrayList<>();
	private final List<String> warnings = new ArrayList<>();

	public synchronized void added(String product) {
		added.add(product);
	}

	public synchronized void replaced(String product) {
		replaced.add(product);
	}

	public synchronized void ignored(String what) {
		ignored.add(what);
	}

	public synchronized void warning(String what) {
		warnings.add(what);
	}

	/** Names of products new in the library. */
	public List<String> added() {
		return Collections.unmodifiableList(added);
	}

	/** Names of products replaced (same EPD UUID). */
	public List<String> replaced() {
		return Collections.unmodifiableList(replaced);
	}

	/** What was read but not imported, one line each. */
	public List<String> ignored() {
		return Collections.unmodifiableList(ignored);
	}

	/** Warnings, one line each. */
	public List<String> warnings() {
		return Collections.unmodifiableList(warnings);
	}
}
