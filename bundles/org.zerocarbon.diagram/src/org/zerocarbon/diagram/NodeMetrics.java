package org.zerocarbon.diagram;

/**
 * The box geometry of a node, shared by the builder (preferred sizes) and the painter (where each text
 * line goes), so text always fits the box it was measured for.
 */
final class NodeMetrics {

	static final int PAD = 8;
	static final int GLYPH = 26;
	static final int GAP = 8;
	static final FontSpec GLYPH_FONT = new FontSpec(10, true, false);

	private NodeMetrics() {
	}

	/** Left edge of the text column relative to the node. */
	static int textLeft(Node n) {
		return n.glyph() == null ? PAD : PAD + GLYPH + GAP;
	}

	/** Height of the header of a compartment: title and subtitle. */
	static int header(Node n) {
		int h = PAD + FontMetricsTable.lineHeight(FontSpec.TITLE);
		if (n.subtitle() != null) {
			h += FontMetricsTable.lineHeight(FontSpec.SMALL);
		}
		return h + PAD;
	}

	static void preferredSize(Node n, TextMetrics metrics) {
		int w = metrics.extent(n.title(), FontSpec.TITLE).width();
		int h = FontMetricsTable.lineHeight(FontSpec.TITLE);
		if (n.subtitle() != null) {
			w = Math.max(w, metrics.extent(n.subtitle(), n.isCompartment() ? FontSpec.SMALL : FontSpec.NORMAL).width());
			h += FontMetricsTable.lineHeight(n.isCompartment() ? FontSpec.SMALL : FontSpec.NORMAL);
		}
		if (n.isCompartment()) {
			// Children decide the rest; this is the minimum the header needs.
			n.size(PAD + w + PAD, header(n) + 2 * PAD);
			return;
		}
		for (String b : n.badges()) {
			w = Math.max(w, metrics.extent(b, FontSpec.SMALL).width());
			h += FontMetricsTable.lineHeight(FontSpec.SMALL) + 2;
		}
		if (n.flag() != null) {
			w = Math.max(w, metrics.extent(n.flag(), FontSpec.SMALL).width());
			h += FontMetricsTable.lineHeight(FontSpec.SMALL) + 2;
		}
		int height = Math.max(PAD + h + PAD, PAD + GLYPH + PAD);
		n.size(textLeft(n) + w + PAD, height);
	}
}
