package org.zerocarbon.diagram;

/**
 * Everything the diagram kit draws goes through this interface, so a diagram in a report (SVG) and on
 * screen (SWT) is the same picture.
 * <p>
 * The interface is modelled on SWT's {@code GC} so that the GC painter is a one-line delegation per method:
 * integer coordinates in diagram units with the origin top left; a <em>foreground</em> colour for lines,
 * outlines and text and a <em>background</em> colour for fills; {@code drawText} places the top-left corner
 * of the text's line box (not the baseline) and is transparent; arcs of round rectangles are full
 * diameters as in {@code GC.drawRoundRectangle}. State (colours, line width, dash, font, alpha) persists
 * until changed.
 * <p>
 * Painters are not thread-safe.
 */
public interface Painter {

	/** Sets the colour for lines, outlines and text ({@code GC.setForeground}). */
	void setForeground(Rgb colour);

	/** Sets the colour for fills ({@code GC.setBackground}). */
	void setBackground(Rgb colour);

	/** Sets the opacity of everything drawn from now on, 0 (invisible) to 255 ({@code GC.setAlpha}). */
	void setAlpha(int alpha);

	/** Sets the line width in diagram units ({@code GC.setLineWidth}). */
	void setLineWidth(int width);

	/**
	 * Sets the dash pattern ({@code GC.setLineDash}); {@code null} or empty draws solid lines.
	 *
	 * @param dashes alternating dash and gap lengths
	 */
	void setLineDash(int[] dashes);

	/** Sets the font for {@link #drawText} and {@link #textExtent} ({@code GC.setFont}). */
	void setFont(FontSpec font);

	/** The extent of a single line of text in the current font ({@code GC.textExtent}). */
	Size textExtent(String text);

	/** The ascent of the current font ({@code GC.getFontMetrics().getAscent()}). */
	int ascent();

	/** Outlines a rectangle ({@code GC.drawRectangle}). */
	void drawRectangle(int x, int y, int width, int height);

	/** Fills a rectangle with the background colour ({@code GC.fillRectangle}). */
	void fillRectangle(int x, int y, int width, int height);

	/** Outlines a rectangle with rounded corners ({@code GC.drawRoundRectangle}). */
	void drawRoundRectangle(int x, int y, int width, int height, int arcWidth, int arcHeight);

	/** Fills a rectangle with rounded corners ({@code GC.fillRoundRectangle}). */
	void fillRoundRectangle(int x, int y, int width, int height, int arcWidth, int arcHeight);

	/** Outlines the ellipse inscribed in the rectangle ({@code GC.drawOval}). */
	void drawOval(int x, int y, int width, int height);

	/** Fills the ellipse inscribed in the rectangle ({@code GC.fillOval}). */
	void fillOval(int x, int y, int width, int height);

	/** Draws a straight line ({@code GC.drawLine}). */
	void drawLine(int x1, int y1, int x2, int y2);

	/**
	 * Draws connected lines ({@code GC.drawPolyline}).
	 *
	 * @param points x0, y0, x1, y1, ...
	 */
	void drawPolyline(int[] points);

	/**
	 * Fills a closed polygon with the background colour ({@code GC.fillPolygon}).
	 *
	 * @param points x0, y0, x1, y1, ...
	 */
	void fillPolygon(int[] points);

	/** Outlines a path ({@code GC.drawPath}). */
	void drawPath(PathSpec path);

	/** Fills a path with the background colour ({@code GC.fillPath}). */
	void fillPath(PathSpec path);

	/**
	 * Draws one line of text in the foreground colour, transparent ({@code GC.drawText(text, x, y, true)}).
	 *
	 * @param x the left edge of the text
	 * @param y the top of the text's line box
	 */
	void drawText(String text, int x, int y);

	/**
	 * Marks the start of a logical element (a node, an edge) so that output formats that can carry
	 * structure (SVG groups with an id and a title) do; GC ignores it.
	 *
	 * @param id      a stable identifier, for example the model element's name path
	 * @param kind    the figure kind, for example {@code node} or {@code edge}
	 * @param tooltip a tooltip, may be {@code null}
	 */
	default void beginGroup(String id, String kind, String tooltip) {
	}

	/** Ends the element started by the matching {@link #beginGroup}. */
	default void endGroup() {
	}
}
