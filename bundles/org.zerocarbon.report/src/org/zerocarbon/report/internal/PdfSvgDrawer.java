package org.zerocarbon.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.File;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.openhtmltopdf.css.sheet.FontFaceRule;
import com.openhtmltopdf.css.style.CssContext;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.extend.SVGDrawer;
import com.openhtmltopdf.layout.SharedContext;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;

/**
 * Draws the SVG subset that {@link SvgCharts} produces ({@code svg}, {@code g}, {@code rect}, {@code line} with
 * solid fills and strokes) into the PDF as vector graphics.
 * <p>
 * openhtmltopdf's own SVG support is Apache Batik: dozens of jars without OSGi manifests and AWT fonts. Our
 * charts carry no text, so this small drawer is all the PDF needs, and it keeps the report bundle light.
 */
public final class PdfSvgDrawer implements SVGDrawer {

	@Override
	public void importFontFaceRules(List<FontFaceRule> fontFaces, SharedContext shared) {
		// Charts carry no text.
	}

	@Override
	public void addFontFile(File fontFile, String family, Integer weight, FontStyle style) {
		// Charts carry no text.
	}

	@Override
	public void close() {
		// Nothing held.
	}

	@Override
	public SVGImage buildSVGImage(Element svg, Box box, CssContext css, double cssWidth, double cssHeight, double dotsPerPixel) {
		double width = attr(svg, "width", 100);
		double height = attr(svg, "height", 100);
		double[] viewBox = { 0, 0, width, height };
		String vb = svg.getAttribute("viewBox");
		if (!vb.isBlank()) {
			String[] parts = vb.trim().split("[\\s,]+");
			if (parts.length == 4) {
				for (int i = 0; i < 4; i++) {
					viewBox[i] = Double.parseDouble(parts[i]);
				}
			}
		}
		// cssWidth and cssHeight are in dots, or negative when CSS does not set them.
		double w = cssWidth > 0 ? cssWidth / dotsPerPixel : width;
		double h = cssHeight > 0 ? cssHeight / dotsPerPixel : height;
		return new Image(svg, w, h, viewBox, dotsPerPixel);
	}

	private record Image(Element svg, double width, double height, double[] viewBox, double dotsPerPixel) implements SVGImage {

		@Override
		public int getIntrinsicWidth() {
			return (int) Math.round(width * dotsPerPixel);
		}

		@Override
		public int getIntrinsicHeight() {
			return (int) Math.round(height * dotsPerPixel);
		}

		@Override
		public void drawSVG(OutputDevice outputDevice, RenderingContext ctx, double x, double y) {
			outputDevice.drawWithGraphics((float) x, (float) y, (float) width, (float) height, g -> {
				Graphics2D g2 = (Graphics2D) g.create();
				try {
					g2.scale(width / viewBox[2], height / viewBox[3]);
					g2.translate(-viewBox[0], -viewBox[1]);
					paintChildren(g2, svg);
				} finally {
					g2.dispose();
				}
			});
		}
	}

	static void paintChildren(Graphics2D g, Element parent) {
		for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
			if (n instanceof Element e) {
				String name = e.getLocalName() != null ? e.getLocalName() : e.getNodeName();
				switch (name) {
				case "g" -> paintChildren(g, e);
				case "rect" -> {
					Rectangle2D r = new Rectangle2D.Double(attr(e, "x", 0), attr(e, "y", 0), attr(e, "width", 0), attr(e, "height", 0));
					Color fill = colour(e.getAttribute("fill"));
					if (fill != null) {
						g.setColor(fill);
						g.fill(r);
					}
					Color stroke = colour(e.getAttribute("stroke"));
					if (stroke != null) {
						g.setColor(stroke);
						g.setStroke(new BasicStroke((float) attr(e, "stroke-width", 1)));
						g.draw(r);
					}
				}
				case "line" -> {
					Color stroke = colour(e.getAttribute("stroke"));
					if (stroke != null) {
						g.setColor(stroke);
						g.setStroke(new BasicStroke((float) attr(e, "stroke-width", 1)));
						g.draw(new Line2D.Double(attr(e, "x1", 0), attr(e, "y1", 0), attr(e, "x2", 0), attr(e, "y2", 0)));
					}
				}
				default -> {
					// Not produced by SvgCharts.
				}
				}
			}
		}
	}

	static double attr(Element e, String name, double fallback) {
		String v = e.getAttribute(name);
		if (v == null || v.isBlank()) {
			return fallback;
		}
		try {
			return Double.parseDouble(v.trim().replace("px", ""));
		} catch (NumberFormatException ex) {
			return fallback;
		}
	}

	static Color colour(String v) {
		if (v == null || v.isBlank() || v.equals("none")) {
			return null;
		}
		if (v.startsWith("#") && v.length() == 7) {
			return new Color(Integer.parseInt(v.substring(1), 16));
		}
		return Color.BLACK;
	}
}
