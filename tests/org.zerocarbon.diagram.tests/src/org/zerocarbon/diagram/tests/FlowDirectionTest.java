package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.model.zc.Line;

/**
 * Issue 17: a line too wide to read left to right is laid out top to bottom; a short one stays left to right.
 */
class FlowDirectionTest {

	@Test
	void aChainOfTwelveMachinesIsLaidOutTopToBottomWithinTheThreshold() {
		// By hand: each machine box is glyph column 8 + 26 + 8, its widest text "machine" at 12 px
		// (m 833 + a 556 + c 500 + h 556 + i 222 + n 556 + e 556 = 3,779 / 1000 em → 45.3, 46 px), and 8 px of
		// padding: 96 px. Left to right, 12 boxes and 11 gaps of at least 48 px between layers are
		// 1,152 + 528 = 1,680 px, more than the 1,600 px threshold, before any rate label.
		assertEquals(1600, SceneLayout.MAX_FLOW_WIDTH);
		Scene scene = SceneLayout.layout(new SceneBuilder().build(Models.chain(12)));
		assertTrue(scene.vertical(), "laid out top to bottom");
		assertTrue(scene.width() <= SceneLayout.MAX_FLOW_WIDTH, "no wider than the threshold: " + scene.width());
		LayoutTest.assertWellFormed(scene);
		for (Edge e : scene.edges()) {
			assertFlowsDown(e);
		}
	}

	@Test
	void aShortLineStaysLeftToRight() {
		// By hand: 3 boxes of 96 px (see above) and 2 gaps with a 51 px rate label between layers of 48 px
		// spacing each side: about 288 + 2 × (48 + 51 + 48) = 582 px, far below the threshold.
		Scene scene = SceneLayout.layout(new SceneBuilder().build(Models.chain(3)));
		assertFalse(scene.vertical());
		Node m0 = scene.node("M0").orElseThrow();
		Node m1 = scene.node("M1").orElseThrow();
		Node m2 = scene.node("M2").orElseThrow();
		assertTrue(m0.x() + m0.width() < m1.x() && m1.x() + m1.width() < m2.x(), "left to right");
		assertEquals(m0.y(), m1.y(), "on one row");
		LayoutTest.assertWellFormed(scene);
	}

	@Test
	void theExampleLineIsLaidOutTopToBottomWithinTheThresholdAndTheSameEachTime() throws Exception {
		Line cell = Models.find(Models.examples(), Line.class, "Cell");
		Scene scene = SceneLayout.layout(new SceneBuilder().build(cell));
		assertTrue(scene.vertical(), "the housing cell's eight machines and compressed-air station read top to bottom");
		assertTrue(scene.width() <= SceneLayout.MAX_FLOW_WIDTH, "no wider than the threshold: " + scene.width());
		LayoutTest.assertWellFormed(scene);
		for (Edge e : scene.edges()) {
			if (e.kind() == Edge.Kind.MATERIAL) {
				assertFlowsDown(e);
			}
		}
		// The evidence package needs byte-identical diagrams on a rerun.
		assertEquals(svg(scene), svg(SceneLayout.layout(new SceneBuilder().build(cell))));
	}

	@Test
	void aPinnedNodeOfATopToBottomLineIsEnteredFromAbove() {
		Line line = Models.chain(12);
		Scene unpinned = SceneLayout.layout(new SceneBuilder().build(line));
		Node m5 = unpinned.node("M5").orElseThrow();
		// M6 pinned 200 px right of where M5 is, level with it: the flow M5 → M6 leaves M5's bottom and enters
		// M6's top, going round both, as a top-to-bottom flow reads.
		Scene scene = SceneLayout.layout(new SceneBuilder().build(line),
				Map.of("M6", new Position(m5.x() + m5.width() + 200, m5.y())));
		assertTrue(scene.vertical());
		Node pinned = scene.node("M6").orElseThrow();
		assertEquals(m5.x() + m5.width() + 200, pinned.x());
		LayoutTest.assertWellFormed(scene);
		Edge flow = scene.edges().stream().filter(e -> e.target() == pinned).findFirst().orElseThrow();
		int[] p = flow.points();
		assertEquals(m5.y() + m5.height(), p[1], "leaves the source's bottom");
		assertEquals(pinned.y(), p[p.length - 1], "enters the pinned machine's top");
		assertTrue(p[p.length - 3] < pinned.y(), "from above: the last segment points down");
	}

	private static void assertFlowsDown(Edge e) {
		Node s = e.source();
		Node t = e.target();
		assertTrue(s.y() + s.height() < t.y(), () -> e.id() + ": " + t + " is not below " + s);
	}

	private static String svg(Scene scene) {
		SvgPainter painter = new SvgPainter(scene.width(), scene.height());
		ScenePainter.paint(scene, painter);
		return painter.toSvg();
	}
}
