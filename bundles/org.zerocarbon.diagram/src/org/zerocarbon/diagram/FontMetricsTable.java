package org.zerocarbon.diagram;

/**
 * Text measurement from a fixed table of advance widths, so that measuring needs neither SWT nor AWT and
 * gives the same numbers on every machine (which keeps layouts and SVG output byte-identical).
 * <p>
 * The table holds the published advance widths of Helvetica and Helvetica-Bold for printable ASCII, in
 * 1/1000 em. Arial and Liberation Sans, which {@link FontSpec#FAMILY} names first, are metric-compatible
 * with Helvetica, so text rendered by a browser or by SWT with those fonts has these widths. Characters
 * outside ASCII are measured generously (0.6 em, symbols 1 em), and italics like the upright face.
 * <p>
 * The line height is 1.15 em and the ascent 0.905 em (Arial's ascent), the figures SWT's
 * {@code GC.textExtent} and {@code FontMetrics.getAscent} return for Arial to within a pixel.
 * <p>
 * We use a table rather than {@code java.awt.font}: AWT needs fonts installed on the build and CI
 * machines and yields machine-dependent widths, which would break deterministic output.
 */
public final class FontMetricsTable implements TextMetrics {

	/** The shared instance; the table is immutable. */
	public static final FontMetricsTable INSTANCE = new FontMetricsTable();

	// Advance widths for ' ' (32) .. '~' (126), 1/1000 em.
	private static final short[] REGULAR = { 278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
			278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667,
			722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
			667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222,
			833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584 };
	private static final short[] BOLD = { 278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278,
			278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722,
			722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
			667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889,
			611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584 };

	private FontMetricsTable() {
	}

	@Override
	public Size extent(String text, FontSpec font) {
		short[] table = font.bold() ? BOLD : REGULAR;
		long milli = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (cp >= 32 && cp <= 126) {
				milli += table[cp - 32];
			} else if (cp >= 0x2000) {
				milli += 1000;
			} else {
				milli += 600;
			}
		}
		int width = (int) Math.ceil(milli * font.size() / 1000.0);
		return new Size(width, lineHeight(font));
	}

	/** The line height of the font: 1.15 em, rounded up. */
	public static int lineHeight(FontSpec font) {
		return (int) Math.ceil(font.size() * 1.15);
	}

	/** The ascent of the font (top of the line box to the baseline): 0.905 em, rounded. */
	public static int ascent(FontSpec font) {
		return (int) Math.round(font.size() * 0.905);
	}
}
