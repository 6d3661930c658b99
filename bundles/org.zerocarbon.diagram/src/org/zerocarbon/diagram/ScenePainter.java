package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a laid-out {@link Scene} on a {@link Painter}: title, compartments, nodes, edges with arrowheads and
 * labels, and the legend. The same code draws the SVG for reports and (later) the SWT editor.
 */
public final class ScenePainter {

	static final FontSpec TITLE_FONT = new FontSpec(16, true, false);
	static final Rgb INK = new Rgb(0x22, 0x2b, 0x36);
	static final Rgb MUTED = new Rgb(0x5b, 0x67, 0x74);
	static final Rgb BORDER = new Rgb(0x8a, 0x96, 0xa3);
	static final Rgb PROBLEM = new Rgb(0xc6, 0x28, 0x28);
	static final Rgb GLYPH = new Rgb(0x3b, 0x4a, 0x5a);
	static final Rgb MATERIAL = new Rgb(0x33, 0x44, 0x55);
	static final Rgb SIGNAL = new Rgb(0x1f, 0x6f, 0xb4);
	static final Rgb COMMAND = new Rgb(0xb7, 0x79, 0x1f);
	static final Rgb ACTION = new Rgb(0x6a, 0x4c, 0x93);
	static final Rgb FEEDBACK = new Rgb(0xc0, 0x39, 0x2b);
	static final Rgb ENERGY = new Rgb(0x2e, 0x9d, 0x8f);
	static final Rgb PROVIDES = new Rgb(0x8c, 0x6a, 0x3c);

	private ScenePainter() {
	}

	/**
	 * Paints the scene; the painter's canvas should be {@link Scene#width()} × {@link Scene#height()}.
	 *
	 * @param scene   a scene laid out by {@link SceneLayout}
	 * @param painter the target
	 */
	public static void paint(Scene scene, Painter painter) {
		paint(scene, painter, 0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE);
	}

	/**
	 * Paints the figures that intersect a rectangle, for a screen that shows only part of a large diagram; the
	 * painter may clip the rest. Nodes are skipped as a whole (a compartment with its children), edges by the
	 * bounding box of their route and labels.
	 *
	 * @param scene   a scene laid out by {@link SceneLayout}
	 * @param painter the target
	 * @param x       left of the visible area in diagram units
	 * @param y       top of the visible area
	 * @param width   width of the visible area
	 * @param height  height of the visible area
	 */
	public static void paint(Scene scene, Painter painter, int x, int y, int width, int height) {
		long right = (long) x + width;
		long bottom = (long) y + height;
		painter.setBackground(Rgb.WHITE);
		painter.fillRectangle(0, 0, scene.width(), scene.height());
		painter.setForeground(INK);
		painter.setFont(TITLE_FONT);
		painter.drawText(scene.title(), SceneLayout.MARGIN, SceneLayout.MARGIN);
		for (Node n : scene.roots()) {
			if (n.x() <= right && n.x() + n.width() >= x && n.y() <= bottom && n.y() + n.height() >= y) {
				paintNode(n, painter);
			}
		}
		for (Edge e : scene.edges()) {
			if (intersects(e, x, y, right, bottom)) {
				paintEdge(e, painter);
			}
		}
		paintLegend(scene, painter);
	}

	private static boolean intersects(Edge e, int x, int y, long right, long bottom) {
		int[] b = e.bounds();
		// Arrowheads and thick strokes reach beyond the route.
		int reach = e.strokeWidth() + 12;
		return b[0] - reach <= right && b[0] + b[2] + reach >= x && b[1] - reach <= bottom && b[1] + b[3] + reach >= y;
	}

	private static void paintNode(Node n, Painter p) {
		p.beginGroup(n.id(), n.isCompartment() ? "compartment" : "node " + n.kind().name().toLowerCase(),
				n.tooltip());
		int arc = n.isCompartment() ? 6 : 12;
		p.setAlpha(255);
		p.setLineDash(null);
		p.setBackground(n.fill());
		p.fillRoundRectangle(n.x(), n.y(), n.width(), n.height(), arc, arc);
		boolean flagged = n.flag() != null;
		p.setForeground(flagged ? PROBLEM : BORDER);
		p.setLineWidth(flagged ? 3 : 1);
		p.drawRoundRectangle(n.x(), n.y(), n.width(), n.height(), arc, arc);
		p.setLineWidth(1);
		int left = n.x() + NodeMetrics.textLeft(n);
		int y = n.y() + NodeMetrics.PAD;
		if (n.glyph() != null) {
			int g = NodeMetrics.GLYPH;
			int gx = n.x() + NodeMetrics.PAD;
			p.setBackground(flagged ? PROBLEM : GLYPH);
			p.fillOval(gx, y, g, g);
			p.setForeground(Rgb.WHITE);
			p.setFont(NodeMetrics.GLYPH_FONT);
			Size s = p.textExtent(n.glyph());
			p.drawText(n.glyph(), gx + (g - s.width()) / 2, y + (g - s.height()) / 2);
		}
		p.setForeground(INK);
		p.setFont(FontSpec.TITLE);
		p.drawText(n.title(), left, y);
		y += FontMetricsTable.lineHeight(FontSpec.TITLE);
		if (n.subtitle() != null) {
			FontSpec f = n.isCompartment() ? FontSpec.SMALL : FontSpec.NORMAL;
			p.setForeground(MUTED);
			p.setFont(f);
			p.drawText(n.subtitle(), left, y);
			y += FontMetricsTable.lineHeight(f);
		}
		if (n.isCompartment()) {
			p.setForeground(BORDER);
			int line = n.y() + NodeMetrics.header(n);
			p.drawLine(n.x(), line, n.x() + n.width(), line);
		} else {
			p.setFont(FontSpec.SMALL);
			p.setForeground(INK);
			for (String b : n.badges()) {
				y += 2;
				p.drawText(b, left, y);
				y += FontMetricsTable.lineHeight(FontSpec.SMALL);
			}
			if (flagged) {
				y += 2;
				p.setForeground(PROBLEM);
				p.drawText(n.flag(), left, y);
			}
		}
		for (Node c : n.children()) {
			paintNode(c, p);
		}
		p.endGroup();
	}

	private static void paintEdge(Edge e, Painter p) {
		int[] pts = e.points();
		if (pts.length < 4) {
			return;
		}
		p.beginGroup(e.id(), "edge " + e.kind().name().toLowerCase(), e.source().id() + " → " + e.target().id());
		Rgb colour = switch (e.kind()) {
		case MATERIAL -> MATERIAL;
		case SIGNAL -> SIGNAL;
		case COMMAND -> COMMAND;
		case ACTION -> ACTION;
		case FEEDBACK -> FEEDBACK;
		case ENERGY -> ENERGY;
		case PROVIDES -> PROVIDES;
		};
		int w = e.strokeWidth();
		p.setForeground(colour);
		p.setBackground(colour);
		p.setAlpha(e.kind() == Edge.Kind.ENERGY ? 170 : 255);
		p.setLineWidth(w);
		p.setLineDash(e.kind() == Edge.Kind.FEEDBACK ? new int[] { 6, 4 }
				: e.kind() == Edge.Kind.PROVIDES && e.source().kind() == Node.Kind.PROCESSES ? new int[] { 3, 3 } : null);
		int n = pts.length;
		int head = Math.max(9, w + 6);
		// Stop the line where the arrowhead starts so a thick stroke does not poke through its tip.
		int[] line = pts.clone();
		int ex = pts[n - 2];
		int ey = pts[n - 1];
		int dx = Integer.signum(ex - pts[n - 4]);
		int dy = Integer.signum(ey - pts[n - 3]);
		int segment = Math.abs(ex - pts[n - 4]) + Math.abs(ey - pts[n - 3]);
		int cut = Math.min(head - 1, segment);
		line[n - 2] = ex - dx * cut;
		line[n - 1] = ey - dy * cut;
		p.drawPolyline(line);
		p.setLineDash(null);
		int half = Math.max(5, w / 2 + 4);
		p.fillPolygon(new int[] { ex, ey, ex - dx * head - dy * half, ey - dy * head - dx * half,
				ex - dx * head + dy * half, ey - dy * head + dx * half });
		p.setAlpha(255);
		p.setLineWidth(1);
		p.setFont(FontSpec.SMALL);
		for (Edge.Label l : e.labels()) {
			p.setBackground(Rgb.WHITE);
			p.fillRoundRectangle(l.x(), l.y(), l.width(), l.height(), 4, 4);
			p.setForeground(e.kind() == Edge.Kind.FEEDBACK ? FEEDBACK : INK);
			Size s = p.textExtent(l.text());
			p.drawText(l.text(), l.x() + (l.width() - s.width()) / 2, l.y() + (l.height() - s.height()) / 2);
		}
		p.endGroup();
	}

	static List<String> legendLines(Scene scene) {
		List<String> lines = new ArrayList<>(scene.problems().size() + scene.legend().size());
		for (String problem : scene.problems()) {
			lines.add("⚠ " + problem);
		}
		lines.addAll(scene.legend());
		return lines;
	}

	static int legendHeight(Scene scene) {
		int lines = legendLines(scene).size();
		return lines == 0 ? 0 : 16 + 2 * NodeMetrics.PAD + lines * FontMetricsTable.lineHeight(FontSpec.NORMAL);
	}

	private static void paintLegend(Scene scene, Painter p) {
		List<String> lines = legendLines(scene);
		if (lines.isEmpty()) {
			return;
		}
		p.beginGroup("legend", "legend", null);
		int top = scene.height() - SceneLayout.MARGIN - legendHeight(scene) + 16;
		int width = scene.width() - 2 * SceneLayout.MARGIN;
		p.setBackground(new Rgb(0xf6, 0xf7, 0xf9));
		p.fillRoundRectangle(SceneLayout.MARGIN, top, width, legendHeight(scene) - 16, 6, 6);
		p.setForeground(BORDER);
		p.drawRoundRectangle(SceneLayout.MARGIN, top, width, legendHeight(scene) - 16, 6, 6);
		p.setFont(FontSpec.NORMAL);
		int y = top + NodeMetrics.PAD;
		int problems = scene.problems().size();
		for (int i = 0; i < lines.size(); i++) {
			p.setForeground(i < problems ? PROBLEM : INK);
			p.drawText(lines.get(i), SceneLayout.MARGIN + NodeMetrics.PAD, y);
			y += FontMetricsTable.lineHeight(FontSpec.NORMAL);
		}
		p.endGroup();
	}
}
