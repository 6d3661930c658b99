package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Figure;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Park;

class LayoutTest {

	@TempDir
	Path dir;

	private Scene laidOut(EObject subject) {
		return SceneLayout.layout(new SceneBuilder().build(subject));
	}

	@Test
	void lineNodesDoNotOverlapAndEdgesAreAttachedAndOrthogonal() throws Exception {
		Scene scene = laidOut(Models.find(Models.load(dir, Models.LINE), Line.class, "Mini"));
		assertWellFormed(scene);
		Node saw = scene.node("Saw").orElseThrow();
		Node mill = scene.node("Mill").orElseThrow();
		assertTrue(saw.x() + saw.width() < mill.x(), "left to right: the flow's source comes first");
	}

	@Test
	void loopLayoutIsWellFormedAndFlowsFromSensorsToAssets() throws Exception {
		Scene scene = laidOut(Models.find(Models.load(dir, Models.LOOP), EnergyLoop.class, "Air"));
		assertWellFormed(scene);
		// Feedback edges must not turn the loop around: sensors left of controllers, actuators left of assets.
		assertTrue(scene.node("P").orElseThrow().x() < scene.node("Closed").orElseThrow().x());
		assertTrue(scene.node("Closed").orElseThrow().x() < scene.node("Vfd").orElseThrow().x());
		assertTrue(scene.node("Vfd").orElseThrow().x() < scene.node("Comp").orElseThrow().x());
	}

	@Test
	void parkChildrenStayInsideTheirCompartments() throws Exception {
		Scene scene = laidOut(Models.find(Models.load(dir, Models.PARK), Park.class, "P"));
		assertWellFormed(scene);
		for (Node system : scene.roots()) {
			for (Node child : system.children()) {
				assertTrue(system.encloses(child), child + " outside " + system);
			}
		}
	}

	@Test
	void hitTestingFindsTheInnermostNodeAndEdges() throws Exception {
		Scene scene = laidOut(Models.find(Models.load(dir, Models.PARK), Park.class, "P"));
		Node grid = scene.node("Grid").orElseThrow();
		Figure hit = scene.hit(grid.x() + grid.width() / 2, grid.y() + 3).orElseThrow();
		assertEquals(grid, hit);
		Node supply = scene.node("Supply").orElseThrow();
		assertEquals(supply, scene.hit(supply.x() + 2, supply.y() + 2).orElseThrow());
		assertTrue(scene.hit(1, 1).isEmpty(), "the margin is background");
		Edge edge = scene.edges().get(0);
		int[] p = edge.points();
		assertEquals(edge, scene.hit((p[0] + p[2]) / 2, (p[1] + p[3]) / 2).orElseThrow());
	}

	/** Invariants of every laid-out scene. */
	static void assertWellFormed(Scene scene) {
		List<Node> nodes = scene.nodes();
		for (Node n : nodes) {
			assertTrue(n.width() > 0 && n.height() > 0, n::toString);
			assertTrue(n.x() >= 0 && n.y() >= 0 && n.x() + n.width() <= scene.width()
					&& n.y() + n.height() <= scene.height(), () -> n + " outside the drawing");
		}
		for (int i = 0; i < nodes.size(); i++) {
			for (int j = i + 1; j < nodes.size(); j++) {
				Node a = nodes.get(i);
				Node b = nodes.get(j);
				if (!isAncestor(a, b) && !isAncestor(b, a)) {
					assertFalse(a.overlaps(b), () -> a + " overlaps " + b);
				}
			}
		}
		List<int[]> labelBoxes = new ArrayList<>();
		for (Edge e : scene.edges()) {
			int[] p = e.points();
			assertTrue(p.length >= 4, () -> e + " has no route");
			assertTrue(onBorder(e.source(), p[0], p[1]), () -> e + " does not start on its source: " + p[0] + "," + p[1]);
			assertTrue(onBorder(e.target(), p[p.length - 2], p[p.length - 1]), () -> e + " does not end on its target");
			for (int k = 0; k + 3 < p.length; k += 2) {
				int x1 = p[k], y1 = p[k + 1], x2 = p[k + 2], y2 = p[k + 3];
				assertTrue(Math.abs(x1 - x2) <= 1 || Math.abs(y1 - y2) <= 1,
						() -> e + " has a diagonal segment " + x1 + "," + y1 + " → " + x2 + "," + y2);
			}
			for (Edge.Label l : e.labels()) {
				for (Node n : nodes) {
					if (!n.isCompartment()) {
						assertFalse(boxesOverlap(l.x(), l.y(), l.width(), l.height(), n.x(), n.y(), n.width(), n.height()),
								() -> "label " + l.text() + " overlaps " + n);
					}
				}
				for (int[] other : labelBoxes) {
					assertFalse(boxesOverlap(l.x(), l.y(), l.width(), l.height(), other[0], other[1], other[2], other[3]),
							() -> "label " + l.text() + " overlaps another label");
				}
				labelBoxes.add(new int[] { l.x(), l.y(), l.width(), l.height() });
			}
		}
	}

	private static boolean isAncestor(Node a, Node b) {
		for (Node p = b.parent(); p != null; p = p.parent()) {
			if (p == a) {
				return true;
			}
		}
		return false;
	}

	private static boolean onBorder(Node n, int x, int y) {
		int t = 2; // rounding of ELK's doubles
		boolean inside = x >= n.x() - t && x <= n.x() + n.width() + t && y >= n.y() - t && y <= n.y() + n.height() + t;
		boolean nearEdge = Math.abs(x - n.x()) <= t || Math.abs(x - n.x() - n.width()) <= t || Math.abs(y - n.y()) <= t
				|| Math.abs(y - n.y() - n.height()) <= t;
		return inside && nearEdge;
	}

	private static boolean boxesOverlap(int ax, int ay, int aw, int ah, int bx, int by, int bw, int bh) {
		return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
	}
}
