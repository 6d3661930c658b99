package org.zerocarbon.interop;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The life-cycle modules of EN 15804 as the language writes them: single modules (A1 … D) and forward ranges
 * (A1-A3, C1-C4). EPD files write them the same way (ILCD+EPD {@code epd:module="A1-A3"}) or without the hyphen
 * (openEPD scopes {@code A1A2A3}, {@code C1C2C3C4}).
 */
public final class EpdModules {

	/** Every EN 15804 module, in order. */
	public static final List<String> MODULES = List.of("A1", "A2", "A3", "A4", "A5", "B1", "B2", "B3", "B4", "B5", "B6", "B7", "C1",
			"C2", "C3", "C4", "D");

	private EpdModules() {
	}

	/**
	 * The label in the language's form, or empty when it is not an EN 15804 module or range: {@code "a1-a3"},
	 * {@code "A1A2A3"}, {@code "A1–A3"} → {@code A1-A3}; {@code "A4"} → {@code A4}; {@code "A1-A1"} → {@code A1}.
	 */
	public static Optional<String> normalize(String label) {
		if (label == null) {
			return Optional.empty();
		}
		String text = label.trim().toUpperCase(Locale.ROOT).replace('\u2013', '-').replace('\u2012', '-').replace(" ", "");
		if (MODULES.contains(text)) {
			return Optional.of(text);
		}
		String[] parts = text.split("-");
		if (parts.length == 2 && MODULES.contains(parts[0]) && MODULES.contains(parts[1])) {
			return range(parts[0], parts[1]);
		}
		// openEPD: concatenated modules, e.g. A1A2A3, C1C2C3C4 (must be consecutive)
		if (text.length() >= 4 && text.length() % 2 == 0) {
			int first = -1;
			int previous = -1;
			for (int i = 0; i < text.length(); i += 2) {
				int index = MODULES.indexOf(text.substring(i, i + 2));
				if (index < 0 || previous >= 0 && index != previous + 1) {
					return Optional.empty();
				}
				if (first < 0) {
					first = index;
				}
				previous = index;
			}
			return range(MODULES.get(first), MODULES.get(previous));
		}
		return Optional.empty();
	}

	private static Optional<String> range(String from, String to) {
		int a = MODULES.indexOf(from);
		int b = MODULES.indexOf(to);
		if (a > b) {
			return Optional.empty();
		}
		return Optional.of(a == b ? from : from + "-" + to);
	}
}
