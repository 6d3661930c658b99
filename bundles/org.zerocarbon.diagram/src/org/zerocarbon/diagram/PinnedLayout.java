package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves pinned nodes to the positions a user gave them after ELK has laid the scene out, and re-routes the edges
 * whose ends moved apart.
 * <p>
 * ELK layered has no constraint for absolute node positions (its interactive strategies only keep the relative
 * order), so pins are applied afterwards: a pinned node and everything inside it move to the pin, and the edges
 * touching it get a new orthogonal route from the source's downstream side to the target's upstream side. This router is
 * hand-written because the graph is already placed and the routes only need to be orthogonal and attached; the
 * obstacle-avoiding routers that could do better (libavoid) are not on Maven Central.
 */
final class PinnedLayout {

	/** Distance of a detour from the nodes it goes around. */
	private static final int GAP = 16;

	private PinnedLayout() {
	}

	static void apply(Scene scene, Map<String, Position> pins) {
		if (pins.isEmpty()) {
			return;
		}
		Map<Node, int[]> shifts = new IdentityHashMap<>();
		for (Node root : scene.roots()) {
			move(root, 0, 0, pins, shifts);
		}
		for (Edge e : scene.edges()) {
			int[] s = shifts.getOrDefault(e.source(), new int[2]);
			int[] t = shifts.getOrDefault(e.target(), new int[2]);
			if (s[0] == t[0] && s[1] == t[1]) {
				translate(e, s[0], s[1]);
			} else {
				reroute(e, scene.vertical());
			}
		}
		grow(scene);
	}

	private static void move(Node n, int inheritedDx, int inheritedDy, Map<String, Position> pins,
			Map<Node, int[]> shifts) {
		n.x += inheritedDx;
		n.y += inheritedDy;
		int dx = inheritedDx;
		int dy = inheritedDy;
		Position pin = pins.get(n.id());
		if (pin != null) {
			int tx;
			int ty;
			Node parent = n.parent();
			if (parent == null) {
				tx = Math.max(SceneLayout.MARGIN, pin.x());
				ty = Math.max(SceneLayout.MARGIN + SceneLayout.TITLE_BAND, pin.y());
			} else {
				// A pinned child stays inside its compartment: the compartment was sized for its children.
				int pad = NodeMetrics.PAD;
				tx = parent.x + clamp(pin.x(), pad, parent.width - n.width - pad);
				ty = parent.y + clamp(pin.y(), NodeMetrics.header(parent) + pad, parent.height - n.height - pad);
			}
			dx += tx - n.x;
			dy += ty - n.y;
			n.x = tx;
			n.y = ty;
		}
		if (dx != 0 || dy != 0) {
			shifts.put(n, new int[] { dx, dy });
		}
		for (Node c : n.children()) {
			move(c, dx, dy, pins, shifts);
		}
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(Math.max(min, max), value));
	}

	private static void translate(Edge e, int dx, int dy) {
		if (dx == 0 && dy == 0) {
			return;
		}
		for (int i = 0; i + 1 < e.points.length; i += 2) {
			e.points[i] += dx;
			e.points[i + 1] += dy;
		}
		for (Edge.Label l : e.labels()) {
			l.x += dx;
			l.y += dy;
		}
	}

	/**
	 * An orthogonal route out of the source's downstream side into the target's upstream side, around both if need
	 * be: right into left in a left-to-right layout, bottom into top in a {@linkplain Scene#vertical() vertical}
	 * one (the same route with x and y swapped), so an arrow still points the way the flow reads.
	 */
	static void reroute(Edge e, boolean vertical) {
		int[] s = box(e.source(), vertical);
		int[] t = box(e.target(), vertical);
		int sx = s[0] + s[2];
		int sy = s[1] + s[3] / 2;
		int tx = t[0];
		int ty = t[1] + t[3] / 2;
		int[] route;
		if (tx - sx >= 2 * GAP) {
			int mx = (sx + tx) / 2;
			route = sy == ty ? new int[] { sx, sy, tx, ty } : new int[] { sx, sy, mx, sy, mx, ty, tx, ty };
		} else {
			// The target is upstream of (or right beside) the source: leave downstream, pass beside both, enter
			// from upstream, so the arrow still points into the target's upstream side.
			int past = Math.max(s[1] + s[3], t[1] + t[3]) + GAP; // below both, or right of both when vertical
			route = new int[] { sx, sy, sx + GAP, sy, sx + GAP, past, tx - GAP, past, tx - GAP, ty, tx, ty };
		}
		if (vertical) {
			swapAxes(route);
		}
		e.points = route;
		placeLabels(e);
	}

	/** A node's box, {x, y, width, height}, with x and y swapped when the flow is vertical. */
	private static int[] box(Node n, boolean vertical) {
		return vertical ? new int[] { n.y, n.x, n.height, n.width } : new int[] { n.x, n.y, n.width, n.height };
	}

	private static void swapAxes(int[] points) {
		for (int i = 0; i + 1 < points.length; i += 2) {
			int x = points[i];
			points[i] = points[i + 1];
			points[i + 1] = x;
		}
	}

	/** Stacks the labels on the route's longest segment: above a horizontal one, right of a vertical one. */
	private static void placeLabels(Edge e) {
		int[] p = e.points;
		int best = 0;
		int longest = -1;
		for (int i = 0; i + 3 < p.length; i += 2) {
			int length = Math.abs(p[i + 2] - p[i]) + Math.abs(p[i + 3] - p[i + 1]);
			if (length > longest) {
				longest = length;
				best = i;
			}
		}
		int mx = (p[best] + p[best + 2]) / 2;
		int my = (p[best + 1] + p[best + 3]) / 2;
		boolean horizontal = p[best + 1] == p[best + 3];
		int offset = 0;
		for (Edge.Label l : e.labels()) {
			if (horizontal) {
				l.x = mx - l.width / 2;
				l.y = my - e.strokeWidth() / 2 - 2 - l.height - offset;
			} else {
				l.x = mx + e.strokeWidth() / 2 + 4;
				l.y = my - l.height / 2 + offset;
			}
			offset += l.height + 2;
		}
	}

	/** Makes the scene large enough for everything that moved, keeping the legend below the drawing. */
	private static void grow(Scene scene) {
		int right = 0;
		int bottom = 0;
		List<int[]> boxes = new ArrayList<>();
		for (Node n : scene.nodes()) {
			boxes.add(new int[] { n.x + n.width, n.y + n.height });
		}
		for (Edge e : scene.edges()) {
			for (int i = 0; i + 1 < e.points.length; i += 2) {
				boxes.add(new int[] { e.points[i] + e.strokeWidth(), e.points[i + 1] + e.strokeWidth() });
			}
			for (Edge.Label l : e.labels()) {
				boxes.add(new int[] { l.x + l.width, l.y + l.height });
			}
		}
		for (int[] b : boxes) {
			right = Math.max(right, b[0]);
			bottom = Math.max(bottom, b[1]);
		}
		scene.width = Math.max(scene.width, right + SceneLayout.MARGIN);
		scene.height = Math.max(scene.height, bottom + ScenePainter.legendHeight(scene) + SceneLayout.MARGIN);
	}
}
