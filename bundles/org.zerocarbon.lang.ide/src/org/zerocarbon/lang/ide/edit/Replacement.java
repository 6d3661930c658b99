package org.zerocarbon.lang.ide.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replace {@code length} characters at {@code offset} of a text with {@code text}. Offsets refer to the text the
 * replacement was computed for.
 */
public record Replacement(int offset, int length, String text) {

	/**
	 * The text after the replacements, which must not overlap.
	 *
	 * @throws IllegalArgumentException if a replacement lies outside the text or overlaps another
	 */
	public static String apply(String text, List<Replacement> replacements) {
		List<Replacement> sorted = new ArrayList<>(replacements);
		sorted.sort(Comparator.comparingInt(Replacement::offset));
		StringBuilder result = new StringBuilder(text.length() + 64);
		int at = 0;
		for (Replacement replacement : sorted) {
			if (replacement.offset() < at || replacement.offset() + replacement.length() > text.length()) {
				throw new IllegalArgumentException("Replacement " + replacement + " overlaps another or lies outside the text");
			}
			result.append(text, at, replacement.offset()).append(replacement.text());
			at = replacement.offset() + replacement.length();
		}
		return result.append(text, at, text.length()).toString();
	}
}
