package org.zerocarbon.diagram;

/**
 * A font request: size in pixels (the diagram's user units) and style. The family is deliberately not a
 * choice: every painter uses one sans-serif family whose advance widths match {@link FontMetricsTable}
 * (Helvetica/Arial/Liberation Sans), so that measured text and painted text agree on every renderer.
 *
 * @param size   the em size in diagram units (pixels at 100 % zoom)
 * @param bold   whether the font is bold
 * @param italic whether the font is italic
 */
public record FontSpec(int size, boolean bold, boolean italic) {

	/** The family list written to SVG and used to pick the SWT font. */
	public static final String FAMILY = "Liberation Sans, Arial, Helvetica, sans-serif";

	/** The default label font. */
	public static final FontSpec NORMAL = new FontSpec(12, false, false);
	/** Node titles. */
	public static final FontSpec TITLE = new FontSpec(13, true, false);
	/** Badges, edge labels and legends. */
	public static final FontSpec SMALL = new FontSpec(10, false, false);

	/** Checks the size is positive. */
	public FontSpec {
		if (size <= 0) {
			throw new IllegalArgumentException("font size must be positive: " + size);
		}
	}
}
