package org.zerocarbon.diagram.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Device;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Transform;
import org.zerocarbon.diagram.FontMetricsTable;
import org.zerocarbon.diagram.FontSpec;
import org.zerocarbon.diagram.Painter;
import org.zerocarbon.diagram.PathSpec;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.diagram.Size;

/**
 * The {@link Painter} on an SWT {@link GC}: the diagram editor's canvas and PNG export draw through it, the
 * reports through the SVG painter, and both get the same calls from {@code ScenePainter}.
 * <p>
 * Text is measured with {@link FontMetricsTable}, exactly as the scene builder sized the boxes and as the SVG
 * painter measures, so centring and placement are identical on screen and in SVG. The screen font is the first
 * installed of Liberation Sans, Arial and Helvetica, which share those metrics; if none is installed (or a
 * glyph falls back to a wider font) a line that would be wider than measured is condensed horizontally to the
 * measured width, so text never runs out of its box or into a neighbour. The baseline is placed where the SVG
 * painter places it (the table's ascent below the top of the line box).
 * <p>
 * Coordinates are diagram units; zoom and scrolling are the GC's transform, set by the caller. Colours and fonts
 * come from a {@link Resources} cache that outlives single paints; the painter itself holds no OS resources.
 */
public final class GcPainter implements Painter {

	/**
	 * Fonts and colours for painters on one device, cached across paints. Dispose it when the canvas (or the
	 * export) that owns it is done.
	 */
	public static final class Resources {

		private static final String[] FAMILIES = { "Liberation Sans", "Arial", "Helvetica" };

		private final Device device;
		private final Map<FontSpec, Font> fonts = new HashMap<>();
		/** Fonts for zoomed text, by tenths of a pixel, bold and italic. */
		private final Map<List<Integer>, Font> scaled = new HashMap<>();
		private final Map<Rgb, Color> colours = new HashMap<>();
		private final String family;

		/** A cache for painters on the given device (a display, or a printer). */
		public Resources(Device device) {
			this.device = device;
			this.family = family(device);
		}

		private static String family(Device device) {
			for (String name : FAMILIES) {
				if (device.getFontList(name, true).length > 0) {
					return name;
				}
			}
			// The toolkit's sans-serif alias; condensing keeps its text inside the measured boxes.
			return "Sans";
		}

		/** The font family text is drawn with. */
		public String family() {
			return family;
		}

		/** The SWT font for a font request, created on first use. */
		public Font font(FontSpec spec) {
			return fonts.computeIfAbsent(spec, s -> create(s.size(), s));
		}

		/** The font for a font request drawn at a zoom factor (its pixel size times the zoom). */
		public Font font(FontSpec spec, double zoom) {
			int tenths = (int) Math.round(spec.size() * zoom * 10);
			return scaled.computeIfAbsent(List.of(tenths, spec.bold() ? 1 : 0, spec.italic() ? 1 : 0),
					k -> create(tenths / 10f, spec));
		}

		private Font create(float pixels, FontSpec spec) {
			// FontSpec sizes are pixels at 100 %; SWT font heights are points.
			float points = pixels * 72f / device.getDPI().y;
			int style = (spec.bold() ? SWT.BOLD : SWT.NORMAL) | (spec.italic() ? SWT.ITALIC : SWT.NORMAL);
			FontData data = new FontData(family, 10, style);
			data.height = points;
			return new Font(device, data);
		}

		/** The SWT colour of an RGB value. */
		public Color colour(Rgb rgb) {
			return colours.computeIfAbsent(rgb, c -> new Color(device, c.red(), c.green(), c.blue()));
		}

		/** Releases the fonts and colours. */
		public void dispose() {
			fonts.values().forEach(Font::dispose);
			fonts.clear();
			scaled.values().forEach(Font::dispose);
			scaled.clear();
			colours.values().forEach(Color::dispose);
			colours.clear();
		}
	}

	/** Zoomed text smaller than this many pixels is greeked. */
	static final double GREEK_BELOW = 4;
	/**
	 * The zoom below which text is greeked: the smallest text of a diagram ({@link FontSpec#SMALL}: edge labels,
	 * badges, legends) first, larger text further down.
	 */
	public static final double TEXT_HIDDEN_BELOW = GREEK_BELOW / FontSpec.SMALL.size();

	private final GC gc;
	private final Resources resources;
	/** The GC's transform when the painter was created: device = user × zoom + (dx, dy). */
	private final float[] transform = new float[6];
	private final boolean zoomed;
	private FontSpec font = FontSpec.NORMAL;

	/**
	 * A painter on a GC. Switches on anti-aliasing and round line joins (as the SVG is drawn). The caller sets
	 * the GC's transform (zoom and scrolling: a uniform scale and a translation) before creating the painter;
	 * text is then drawn with a font of the zoomed size in device space, so that it is hinted for the size it
	 * appears at instead of being a scaled copy of a small font.
	 *
	 * @param gc        the target, owned by the caller
	 * @param resources fonts and colours for the GC's device
	 */
	public GcPainter(GC gc, Resources resources) {
		this.gc = gc;
		this.resources = resources;
		Transform current = new Transform(gc.getDevice());
		try {
			gc.getTransform(current);
			current.getElements(transform);
		} finally {
			current.dispose();
		}
		zoomed = transform[1] == 0 && transform[2] == 0 && transform[0] == transform[3]
				&& Math.abs(transform[0] - 1) > 1e-4;
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		gc.setLineJoin(SWT.JOIN_ROUND);
		gc.setLineCap(SWT.CAP_FLAT);
		gc.setFont(resources.font(font));
	}

	@Override
	public void setForeground(Rgb colour) {
		gc.setForeground(resources.colour(colour));
	}

	@Override
	public void setBackground(Rgb colour) {
		gc.setBackground(resources.colour(colour));
	}

	@Override
	public void setAlpha(int alpha) {
		gc.setAlpha(Math.max(0, Math.min(255, alpha)));
	}

	@Override
	public void setLineWidth(int width) {
		gc.setLineWidth(Math.max(0, width));
	}

	@Override
	public void setLineDash(int[] dashes) {
		if (dashes == null || dashes.length == 0) {
			gc.setLineStyle(SWT.LINE_SOLID);
		} else {
			gc.setLineDash(dashes.clone());
		}
	}

	@Override
	public void setFont(FontSpec font) {
		this.font = font;
		gc.setFont(resources.font(font));
	}

	@Override
	public Size textExtent(String text) {
		return FontMetricsTable.INSTANCE.extent(text, font);
	}

	@Override
	public int ascent() {
		return FontMetricsTable.ascent(font);
	}

	@Override
	public void drawRectangle(int x, int y, int width, int height) {
		gc.drawRectangle(x, y, width, height);
	}

	@Override
	public void fillRectangle(int x, int y, int width, int height) {
		gc.fillRectangle(x, y, width, height);
	}

	@Override
	public void drawRoundRectangle(int x, int y, int width, int height, int arcWidth, int arcHeight) {
		gc.drawRoundRectangle(x, y, width, height, arcWidth, arcHeight);
	}

	@Override
	public void fillRoundRectangle(int x, int y, int width, int height, int arcWidth, int arcHeight) {
		gc.fillRoundRectangle(x, y, width, height, arcWidth, arcHeight);
	}

	@Override
	public void drawOval(int x, int y, int width, int height) {
		gc.drawOval(x, y, width, height);
	}

	@Override
	public void fillOval(int x, int y, int width, int height) {
		gc.fillOval(x, y, width, height);
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2) {
		gc.drawLine(x1, y1, x2, y2);
	}

	@Override
	public void drawPolyline(int[] points) {
		gc.drawPolyline(points);
	}

	@Override
	public void fillPolygon(int[] points) {
		gc.fillPolygon(points);
	}

	@Override
	public void drawPath(PathSpec path) {
		Path p = path(path);
		try {
			gc.drawPath(p);
		} finally {
			p.dispose();
		}
	}

	@Override
	public void fillPath(PathSpec path) {
		Path p = path(path);
		try {
			gc.fillPath(p);
		} finally {
			p.dispose();
		}
	}

	private Path path(PathSpec spec) {
		Path p = new Path(gc.getDevice());
		for (PathSpec.Segment s : spec.segments()) {
			int[] c = s.coordinates();
			switch (s.op()) {
			case MOVE -> p.moveTo(c[0], c[1]);
			case LINE -> p.lineTo(c[0], c[1]);
			case CUBIC -> p.cubicTo(c[0], c[1], c[2], c[3], c[4], c[5]);
			case CLOSE -> p.close();
			}
		}
		return p;
	}

	@Override
	public void drawText(String text, int x, int y) {
		if (zoomed) {
			drawZoomedText(text, x, y);
			return;
		}
		int measured = textExtent(text).width();
		Point actual = gc.textExtent(text, SWT.DRAW_TRANSPARENT);
		// Put the baseline where the SVG painter puts it: the table's ascent below the top of the line box.
		int top = y + ascent() - gc.getFontMetrics().getAscent();
		if (actual.x <= measured || actual.x == 0) {
			gc.drawText(text, x, top, true);
			return;
		}
		Transform saved = new Transform(gc.getDevice());
		Transform condensed = new Transform(gc.getDevice());
		try {
			gc.getTransform(saved);
			gc.getTransform(condensed);
			condensed.translate(x, top);
			condensed.scale((float) measured / actual.x, 1);
			gc.setTransform(condensed);
			gc.drawText(text, 0, 0, true);
			gc.setTransform(saved);
		} finally {
			saved.dispose();
			condensed.dispose();
		}
	}

	/** Draws text at its zoomed size in device space (see the constructor). */
	private void drawZoomedText(String text, int x, int y) {
		double zoom = transform[0];
		if (font.size() * zoom < GREEK_BELOW) {
			greek(text, x, y);
			return;
		}
		float px = (float) (x * zoom + transform[4]);
		float py = (float) (y * zoom + transform[5]);
		double measured = textExtent(text).width() * zoom;
		Transform user = new Transform(gc.getDevice(), transform);
		Transform condensed = null;
		try {
			gc.setTransform(null);
			gc.setFont(resources.font(font, zoom));
			float top = py + (float) (ascent() * zoom) - gc.getFontMetrics().getAscent();
			Point actual = gc.textExtent(text, SWT.DRAW_TRANSPARENT);
			if (actual.x <= measured + 0.5 || actual.x == 0) {
				gc.drawText(text, Math.round(px), Math.round(top), true);
			} else {
				condensed = new Transform(gc.getDevice());
				condensed.translate(px, top);
				condensed.scale((float) (measured / actual.x), 1);
				gc.setTransform(condensed);
				gc.drawText(text, 0, 0, true);
			}
		} finally {
			gc.setTransform(user);
			gc.setFont(resources.font(font));
			user.dispose();
			if (condensed != null) {
				condensed.dispose();
			}
		}
	}

	/**
	 * Text too small to read is drawn as a faint bar of its measured size ("greeking", as GEF does): at an
	 * overview zoom a line of thousands of machines paints in a fraction of the time, and looks the same.
	 */
	private void greek(String text, int x, int y) {
		Size size = textExtent(text);
		Color background = gc.getBackground();
		int alpha = gc.getAlpha();
		gc.setBackground(gc.getForeground());
		gc.setAlpha(alpha / 3);
		gc.fillRectangle(x, y + size.height() / 4, size.width(), Math.max(1, size.height() / 2));
		gc.setAlpha(alpha);
		gc.setBackground(background);
	}

	/**
	 * The width the GC's current font really gives a text, in diagram units (for tests and diagnostics: the
	 * painter draws it no wider than {@link #textExtent}).
	 */
	public int actualWidth(String text) {
		return gc.textExtent(text, SWT.DRAW_TRANSPARENT).x;
	}
}
