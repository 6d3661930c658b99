package org.zerocarbon.diagram;

/**
 * Measures text without a display. The scene builder sizes nodes and labels with it before layout; a
 * painter must measure the same way so that text fits the boxes laid out for it.
 */
public interface TextMetrics {

	/**
	 * The extent of a single line of text.
	 *
	 * @param text the text, not {@code null}; line breaks are not interpreted
	 * @param font the font
	 * @return the advance width and the line height
	 */
	Size extent(String text, FontSpec font);
}
