package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Painter;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Park;

/** Pinned positions (the diagram editor's moved nodes) and painting only a visible part. */
class PinnedLayoutTest {

	@TempDir
	Path dir;

	@Test
	void aPinnedNodeSitsAtItsPinAndItsEdgesAreReroutedOrthogonally() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		// Saw feeds Mill; pin Mill far below and left of Saw, so the route has to go around.
		Scene scene = SceneLayout.layout(new SceneBuilder().build(line), Map.of("Mill", new Position(20, 400)));
		Node mill = scene.node("Mill").orElseThrow();
		assertEquals(20, mill.x());
		assertEquals(400, mill.y());
		LayoutTest.assertWellFormed(scene);
		Edge flow = scene.edges().get(0);
		int[] p = flow.points();
		assertEquals(mill.x(), p[p.length - 2], "the flow enters the pinned machine from the left");
		assertTrue(scene.height() > mill.y() + mill.height(), "the drawing grew to hold the pinned machine");
	}

	@Test
	void pinsOutsideTheDrawingAreClampedAndUnknownIdsIgnored() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		Scene unpinned = SceneLayout.layout(new SceneBuilder().build(line));
		Scene scene = SceneLayout.layout(new SceneBuilder().build(line),
				Map.of("Saw", new Position(-50, -50), "NoSuchMachine", new Position(5, 5)));
		Node saw = scene.node("Saw").orElseThrow();
		assertTrue(saw.x() >= 0 && saw.y() > 0, "a pin above the drawing is clamped into it: " + saw);
		assertEquals(unpinned.node("Spare").orElseThrow().x(), scene.node("Spare").orElseThrow().x(),
				"unpinned nodes keep their layout");
	}

	@Test
	void aPinnedCompartmentTakesItsChildrenAlong() throws Exception {
		Park park = Models.find(Models.load(dir, Models.PARK), Park.class, "P");
		Scene before = SceneLayout.layout(new SceneBuilder().build(park));
		Node supply = before.node("Supply").orElseThrow();
		Node grid = before.node("Grid").orElseThrow();
		int offsetX = grid.x() - supply.x();
		int offsetY = grid.y() - supply.y();
		Scene after = SceneLayout.layout(new SceneBuilder().build(park),
				Map.of("Supply", new Position(supply.x() + 300, supply.y() + 200)));
		Node moved = after.node("Supply").orElseThrow();
		Node movedGrid = after.node("Grid").orElseThrow();
		assertEquals(supply.x() + 300, moved.x());
		assertEquals(offsetX, movedGrid.x() - moved.x());
		assertEquals(offsetY, movedGrid.y() - moved.y());
		assertTrue(moved.encloses(movedGrid));
	}

	@Test
	void aSceneWithTheSameLayoutKeyTakesTheLayoutOverWithoutElk() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		Map<String, Position> pins = Map.of("Spare", new Position(30, 300));
		Scene first = new SceneBuilder().build(line);
		String key = SceneLayout.layoutKey(first, pins);
		SceneLayout.layout(first, pins);
		Scene again = new SceneBuilder().build(line);
		assertEquals(key, SceneLayout.layoutKey(again, pins), "nothing changed: the same key");
		SceneLayout.copyLayout(first, again);
		Scene fresh = SceneLayout.layout(new SceneBuilder().build(line), pins);
		SvgPainter copied = new SvgPainter(again.width(), again.height());
		ScenePainter.paint(again, copied);
		SvgPainter laidOut = new SvgPainter(fresh.width(), fresh.height());
		ScenePainter.paint(fresh, laidOut);
		assertEquals(laidOut.toSvg(), copied.toSvg(), "the copied layout is the layout");

		line.getMachines().get(0).setName("Bandsaw");
		assertFalse(key.equals(SceneLayout.layoutKey(new SceneBuilder().build(line), pins)), "a renamed node changes the key");
		assertFalse(key.equals(SceneLayout.layoutKey(first, Map.of())), "so do other pins");
	}

	@Test
	void paintingAPartSkipsFiguresOutsideIt() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		Scene scene = SceneLayout.layout(new SceneBuilder().build(line));
		Node saw = scene.node("Saw").orElseThrow();
		Node mill = scene.node("Mill").orElseThrow();
		assertFalse(saw.x() + saw.width() >= mill.x(), "the machines are side by side");
		SvgPainter all = new SvgPainter(scene.width(), scene.height());
		ScenePainter.paint(scene, all);
		SvgPainter part = new SvgPainter(scene.width(), scene.height());
		ScenePainter.paint(scene, (Painter) part, saw.x(), saw.y(), saw.width(), saw.height());
		assertTrue(all.toSvg().contains("id=\"Mill\""));
		assertTrue(part.toSvg().contains("id=\"Saw\""));
		assertFalse(part.toSvg().contains("id=\"Mill\""), "Mill is outside the painted part");
	}
}
