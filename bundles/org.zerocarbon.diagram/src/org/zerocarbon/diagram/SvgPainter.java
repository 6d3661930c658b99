package org.zerocarbon.diagram;

import java.util.HashSet;
import java.util.Set;

/**
 * A {@link Painter} that writes a self-contained SVG 1.1 document: no scripts, no external fonts, images or
 * style sheets. Output is deterministic: integer coordinates, attributes in a fixed order and no time
 * stamps, so the same drawing calls give byte-identical text.
 * <p>
 * Text is measured with {@link FontMetricsTable}, the table the scene builder sizes boxes with.
 */
public final class SvgPainter implements Painter {

	private final int width;
	private final int height;
	private final StringBuilder body = new StringBuilder(4096);
	private final Set<String> ids = new HashSet<>();
	private int depth = 1;
	private Rgb foreground = Rgb.BLACK;
	private Rgb background = Rgb.WHITE;
	private int alpha = 255;
	private int lineWidth = 1;
	private int[] dash;
	private FontSpec font = FontSpec.NORMAL;

	/**
	 * A painter for a drawing of the given size.
	 *
	 * @param width  the width of the canvas in diagram units
	 * @param height the height of the canvas in diagram units
	 */
	public SvgPainter(int width, int height) {
		this.width = Math.max(1, width);
		this.height = Math.max(1, height);
	}

	@Override
	public void setForeground(Rgb colour) {
		foreground = colour;
	}

	@Override
	public void setBackground(Rgb colour) {
		background = colour;
	}

	@Override
	public void setAlpha(int alpha) {
		this.alpha = Math.max(0, Math.min(255, alpha));
	}

	@Override
	public void setLineWidth(int width) {
		lineWidth = Math.max(0, width);
	}

	@Override
	public void setLineDash(int[] dashes) {
		dash = dashes == null || dashes.length == 0 ? null : dashes.clone();
	}

	@Override
	public void setFont(FontSpec font) {
		this.font = font;
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
	public void drawRectangle(int x, int y, int w, int h) {
		open("rect").num("x", x).num("y", y).num("width", w).num("height", h);
		stroke();
	}

	@Override
	public void fillRectangle(int x, int y, int w, int h) {
		open("rect").num("x", x).num("y", y).num("width", w).num("height", h);
		fill();
	}

	@Override
	public void drawRoundRectangle(int x, int y, int w, int h, int arcWidth, int arcHeight) {
		open("rect").num("x", x).num("y", y).num("width", w).num("height", h).num("rx", arcWidth / 2)
				.num("ry", arcHeight / 2);
		stroke();
	}

	@Override
	public void fillRoundRectangle(int x, int y, int w, int h, int arcWidth, int arcHeight) {
		open("rect").num("x", x).num("y", y).num("width", w).num("height", h).num("rx", arcWidth / 2)
				.num("ry", arcHeight / 2);
		fill();
	}

	@Override
	public void drawOval(int x, int y, int w, int h) {
		ellipse(x, y, w, h);
		stroke();
	}

	@Override
	public void fillOval(int x, int y, int w, int h) {
		ellipse(x, y, w, h);
		fill();
	}

	private void ellipse(int x, int y, int w, int h) {
		// Twice the centre keeps the numbers integral: cx = x + w/2 may be a half unit.
		open("ellipse").attr("cx", half(2 * x + w)).attr("cy", half(2 * y + h)).attr("rx", half(w))
				.attr("ry", half(h));
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2) {
		open("line").num("x1", x1).num("y1", y1).num("x2", x2).num("y2", y2);
		stroke();
	}

	@Override
	public void drawPolyline(int[] points) {
		open("polyline").attr("points", points(points));
		stroke();
	}

	@Override
	public void fillPolygon(int[] points) {
		open("polygon").attr("points", points(points));
		fill();
	}

	@Override
	public void drawPath(PathSpec path) {
		open("path").attr("d", pathData(path));
		stroke();
	}

	@Override
	public void fillPath(PathSpec path) {
		open("path").attr("d", pathData(path));
		fill();
	}

	@Override
	public void drawText(String text, int x, int y) {
		open("text").num("x", x).num("y", y + ascent()).attr("font-family", FontSpec.FAMILY)
				.num("font-size", font.size());
		if (font.bold()) {
			attr("font-weight", "bold");
		}
		if (font.italic()) {
			attr("font-style", "italic");
		}
		attr("fill", foreground.hex());
		opacity();
		body.append('>').append(escape(text)).append("</text>\n");
	}

	@Override
	public void beginGroup(String id, String kind, String tooltip) {
		indent();
		body.append("<g");
		attr("id", uniqueId(id));
		attr("class", kind);
		body.append(">\n");
		depth++;
		if (tooltip != null && !tooltip.isEmpty()) {
			indent();
			body.append("<title>").append(escape(tooltip)).append("</title>\n");
		}
	}

	@Override
	public void endGroup() {
		if (depth > 1) {
			depth--;
		}
		indent();
		body.append("</g>\n");
	}

	/**
	 * The complete SVG document.
	 *
	 * @return the document, starting with the XML declaration
	 */
	public String toSvg() {
		StringBuilder out = new StringBuilder(body.length() + 256);
		out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(width)
				.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
				.append(height).append("\">\n");
		out.append(body);
		for (int i = depth; i > 1; i--) {
			out.append("</g>\n");
		}
		out.append("</svg>\n");
		return out.toString();
	}

	private SvgPainter open(String element) {
		indent();
		body.append('<').append(element);
		return this;
	}

	private void indent() {
		for (int i = 0; i < depth; i++) {
			body.append(' ');
		}
	}

	private SvgPainter num(String name, int value) {
		return attr(name, Integer.toString(value));
	}

	private SvgPainter attr(String name, String value) {
		body.append(' ').append(name).append("=\"").append(escape(value)).append('"');
		return this;
	}

	private void stroke() {
		attr("fill", "none").attr("stroke", foreground.hex()).num("stroke-width", lineWidth);
		if (dash != null) {
			StringBuilder d = new StringBuilder();
			for (int i = 0; i < dash.length; i++) {
				d.append(i == 0 ? "" : " ").append(dash[i]);
			}
			attr("stroke-dasharray", d.toString());
		}
		attr("stroke-linejoin", "round");
		opacity();
		body.append("/>\n");
	}

	private void fill() {
		attr("fill", background.hex()).attr("stroke", "none");
		opacity();
		body.append("/>\n");
	}

	private void opacity() {
		if (alpha < 255) {
			attr("opacity", String.format(java.util.Locale.ROOT, "%.3f", alpha / 255.0));
		}
	}

	private String uniqueId(String id) {
		StringBuilder clean = new StringBuilder();
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			clean.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.' ? c : '_');
		}
		if (clean.isEmpty() || !Character.isLetter(clean.charAt(0))) {
			clean.insert(0, "e_");
		}
		String candidate = clean.toString();
		for (int n = 2; !ids.add(candidate); n++) {
			candidate = clean + "-" + n;
		}
		return candidate;
	}

	private static String half(int twice) {
		return twice % 2 == 0 ? Integer.toString(twice / 2) : (twice / 2) + ".5";
	}

	private static String points(int[] points) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i + 1 < points.length; i += 2) {
			s.append(i == 0 ? "" : " ").append(points[i]).append(',').append(points[i + 1]);
		}
		return s.toString();
	}

	private static String pathData(PathSpec path) {
		StringBuilder d = new StringBuilder();
		for (PathSpec.Segment s : path.segments()) {
			if (!d.isEmpty()) {
				d.append(' ');
			}
			d.append(switch (s.op()) {
			case MOVE -> 'M';
			case LINE -> 'L';
			case CUBIC -> 'C';
			case CLOSE -> 'Z';
			});
			int[] c = s.coordinates();
			for (int i = 0; i < c.length; i++) {
				d.append(i % 2 == 0 ? " " : ",").append(c[i]);
			}
		}
		return d.toString();
	}

	/** Escapes XML special characters and drops characters XML 1.0 cannot carry. */
	static String escape(String text) {
		StringBuilder s = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
			case '<' -> s.append("&lt;");
			case '>' -> s.append("&gt;");
			case '&' -> s.append("&amp;");
			case '"' -> s.append("&quot;");
			default -> {
				if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
					if (c != 0xFFFE && c != 0xFFFF) {
						s.append(c);
					}
				}
			}
			}
		}
		return s.toString();
	}
}
