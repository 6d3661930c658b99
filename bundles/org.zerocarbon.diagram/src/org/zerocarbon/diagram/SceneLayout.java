package org.zerocarbon.diagram;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.CenterEdgeLabelPlacementStrategy;
import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.NodeLabelPlacement;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out a {@link Scene} with ELK layered: left to right (a line too wide for that top to bottom, see
 * {@link #MAX_FLOW_WIDTH}), orthogonal edge routing, edge labels placed between layers so they overlap neither
 * nodes nor each other, feedback edges for control loops (the edge back into a loop is routed around it instead
 * of reversing the flow), and hierarchical layout across park compartments.
 * <p>
 * ELK's {@code ServiceLoader} discovery does not cross OSGi bundles, so this class registers the layered
 * algorithm itself, once.
 */
public final class SceneLayout {

	/**
	 * The widest a line is laid out left to right, in diagram pixels; a line wider than this left to right is laid
	 * out top to bottom, if that is narrower (it is for any line that is long rather than broad).
	 * <p>
	 * Why 1,600: the diagram editor opens a diagram at 75 % at the least (below that its text is greeked), and
	 * 1,600 px at 75 % are 1,200 screen pixels, the canvas of an editor maximized in a 1,280 to 1,400 px wide
	 * window. A line of four machines of the usual width (250 px, with labelled gaps of about 150 px: 1,450 px)
	 * stays one row, read at a glance; the example's housing cell, 2,960 px left to right, goes top to bottom.
	 * <p>
	 * Why top to bottom and not ELK's graph wrapping (rows of the left-to-right layout stacked like lines of
	 * text, {@code wrapping.strategy}): a line's shared utilities feed machines all along it, and wrapping would
	 * route each of those edges back across the whole width from the end of one row to the start of the next; and
	 * in ELK 0.12 it does not work for labelled edges: {@code SINGLE_EDGE} throws in its label-dummy switcher on
	 * the example and on a plain chain, {@code MULTI_EDGE} left the example 1,810 px wide with an edge that missed
	 * its target. Top to bottom, every flow points down, edges stay short, and a long line scrolls the way the
	 * mouse wheel does.
	 */
	public static final int MAX_FLOW_WIDTH = 1600;
	/** Margin around the drawing. */
	static final int MARGIN = 16;
	/** Height of the title band above the diagram. */
	static final int TITLE_BAND = 34;

	private static volatile boolean registered;

	private SceneLayout() {
	}

	private static void register() {
		if (!registered) {
			synchronized (SceneLayout.class) {
				if (!registered) {
					LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
					registered = true;
				}
			}
		}
	}

	/**
	 * Positions every node, routes every edge, places edge labels and sets the scene's size (including the
	 * title band and the legend). Deterministic: the same scene gives the same coordinates.
	 *
	 * @param scene a scene from {@link SceneBuilder}, with preferred node sizes
	 * @return the same scene, laid out
	 */
	public static Scene layout(Scene scene) {
		return layout(scene, Map.of());
	}

	/**
	 * Lays the scene out like {@link #layout(Scene)}, then moves pinned nodes to their pins (with everything
	 * inside them) and re-routes the edges whose ends moved apart, orthogonally. The scene grows to hold what
	 * moved. Pins of unknown node ids are ignored; a pin above or left of the drawing area is clamped to it, and
	 * a pinned node inside a compartment stays inside it.
	 *
	 * @param scene a scene from {@link SceneBuilder}, with preferred node sizes
	 * @param pins  node id to the node's top-left corner: absolute for top-level nodes, relative to the
	 *              compartment's top-left corner for nested ones
	 * @return the same scene, laid out
	 */
	public static Scene layout(Scene scene, Map<String, Position> pins) {
		register();
		Graph graph = run(scene, Direction.RIGHT);
		scene.vertical = false;
		if (scene.type() == Scene.Type.LINE && graph.root().getWidth() > MAX_FLOW_WIDTH) {
			Graph down = run(scene, Direction.DOWN);
			if (down.root().getWidth() < graph.root().getWidth()) {
				graph = down;
				scene.vertical = true;
			}
		}
		ElkNode root = graph.root();
		Map<Node, ElkNode> elk = graph.nodes();
		Map<Edge, ElkEdge> edges = graph.edges();

		int dx = MARGIN;
		int dy = MARGIN + TITLE_BAND;
		for (Node n : scene.roots()) {
			fromElk(n, elk, dx, dy);
		}
		for (Edge e : scene.edges()) {
			ElkEdge ee = edges.get(e);
			KVector offset = absolute(ee.getContainingNode(), root);
			double ox = offset.x + dx;
			double oy = offset.y + dy;
			int[] pts = new int[0];
			for (ElkEdgeSection s : ee.getSections()) {
				List<ElkBendPoint> bends = s.getBendPoints();
				int[] p = new int[4 + 2 * bends.size()];
				int k = 0;
				p[k++] = round(s.getStartX() + ox);
				p[k++] = round(s.getStartY() + oy);
				for (ElkBendPoint b : bends) {
					p[k++] = round(b.getX() + ox);
					p[k++] = round(b.getY() + oy);
				}
				p[k++] = round(s.getEndX() + ox);
				p[k++] = round(s.getEndY() + oy);
				int[] joined = new int[pts.length + p.length];
				System.arraycopy(pts, 0, joined, 0, pts.length);
				System.arraycopy(p, 0, joined, pts.length, p.length);
				pts = joined;
			}
			e.points = pts;
			for (int i = 0; i < e.labels().size() && i < ee.getLabels().size(); i++) {
				ElkLabel l = ee.getLabels().get(i);
				Edge.Label label = e.labels().get(i);
				label.x = round(l.getX() + ox);
				label.y = round(l.getY() + oy);
				label.width = round(l.getWidth());
				label.height = round(l.getHeight());
			}
		}
		int w = round(root.getWidth());
		int h = round(root.getHeight());
		int titleWidth = FontMetricsTable.INSTANCE.extent(scene.title(), ScenePainter.TITLE_FONT).width();
		int legendWidth = 0;
		for (String line : ScenePainter.legendLines(scene)) {
			legendWidth = Math.max(legendWidth, FontMetricsTable.INSTANCE.extent(line, FontSpec.NORMAL).width());
		}
		scene.width = MARGIN + Math.max(w, Math.max(titleWidth, legendWidth + 2 * NodeMetrics.PAD)) + MARGIN;
		scene.height = dy + h + ScenePainter.legendHeight(scene) + MARGIN;
		PinnedLayout.apply(scene, pins);
		return scene;
	}

	/**
	 * A key of everything {@link #layout(Scene, Map)} depends on: the nodes (ids, nesting, preferred sizes), the
	 * edges (ends, stroke widths, labels), the title, the legend and the pins. Two scenes with equal keys get the
	 * same layout, so an editor that redraws after every change of the text can skip ELK when the change did not
	 * touch the drawing's geometry (a description, a comment, a figure that keeps its width) and copy the previous
	 * layout with {@link #copyLayout}.
	 *
	 * @param scene a scene from {@link SceneBuilder}, not laid out yet
	 * @param pins  the pins it will be laid out with
	 * @return the key
	 */
	public static String layoutKey(Scene scene, Map<String, Position> pins) {
		StringBuilder key = new StringBuilder(64 * (scene.nodes().size() + scene.edges().size()));
		key.append(scene.type()).append('|').append(scene.title()).append('|').append(scene.legend())
				.append(scene.problems()).append('|').append(new java.util.TreeMap<>(pins)).append('|');
		for (Node n : scene.nodes()) {
			key.append(n.id()).append('<').append(n.parent() == null ? "" : n.parent().id()).append(':')
					.append(n.width()).append('x').append(n.height()).append(n.isCompartment() ? "c" : "").append(';');
		}
		for (Edge e : scene.edges()) {
			key.append(e.id()).append(':').append(e.source().id()).append('>').append(e.target().id()).append('/')
					.append(e.strokeWidth());
			for (Edge.Label l : e.labels()) {
				key.append('"').append(l.text());
			}
			key.append(';');
		}
		return key.toString();
	}

	/**
	 * Gives a scene the layout of another with the same {@link #layoutKey}, without running ELK.
	 *
	 * @param laidOut a scene laid out by {@link #layout(Scene, Map)}
	 * @param scene   a scene built again, not laid out, whose key equals the key {@code laidOut} had
	 * @return {@code scene}, laid out like {@code laidOut}
	 * @throws IllegalArgumentException if the two scenes do not have the same figures
	 */
	public static Scene copyLayout(Scene laidOut, Scene scene) {
		List<Node> from = laidOut.nodes();
		List<Node> to = scene.nodes();
		if (from.size() != to.size() || laidOut.edges().size() != scene.edges().size()) {
			throw new IllegalArgumentException("the scenes have different figures: lay the new one out instead");
		}
		for (int i = 0; i < from.size(); i++) {
			Node a = from.get(i);
			Node b = to.get(i);
			if (!a.id().equals(b.id())) {
				throw new IllegalArgumentException("the scenes have different nodes (" + a.id() + ", " + b.id() + ")");
			}
			b.x = a.x;
			b.y = a.y;
			b.width = a.width;
			b.height = a.height;
		}
		for (int i = 0; i < laidOut.edges().size(); i++) {
			Edge a = laidOut.edges().get(i);
			Edge b = scene.edges().get(i);
			if (!a.id().equals(b.id()) || a.labels().size() != b.labels().size()) {
				throw new IllegalArgumentException("the scenes have different edges (" + a.id() + ", " + b.id() + ")");
			}
			b.points = a.points.clone();
			for (int k = 0; k < a.labels().size(); k++) {
				Edge.Label la = a.labels().get(k);
				Edge.Label lb = b.labels().get(k);
				lb.x = la.x;
				lb.y = la.y;
				lb.width = la.width;
				lb.height = la.height;
			}
		}
		scene.width = laidOut.width;
		scene.height = laidOut.height;
		scene.vertical = laidOut.vertical;
		return scene;
	}

	/** The ELK graph of a scene, laid out, and which ELK element stands for which figure. */
	private record Graph(ElkNode root, Map<Node, ElkNode> nodes, Map<Edge, ElkEdge> edges) {
	}

	/** Builds the ELK graph of the scene with the flow in the given direction, and lays it out. */
	private static Graph run(Scene scene, Direction direction) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(CoreOptions.DIRECTION, direction);
		root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(CoreOptions.RANDOM_SEED, 1);
		root.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, 12.0);
		root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
		root.setProperty(CoreOptions.SPACING_EDGE_EDGE, 12.0);
		root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
		if (direction == Direction.DOWN) {
			// Top to bottom, the labels of one layer stand side by side, so their widths add up. By default a long
			// edge's label sits in its middle layer: the shared utility's labels then crowd one row, far from the
			// machines they are about. In the layer just above its target, each label stands by the machine that
			// draws what it says, and the labels spread over the machines' rows. Linear-segments node placement keeps
			// those long edges straight and the column narrow: the example line is 997 px wide with both, 1,479 px
			// with ELK's defaults (median layer, Brandes-Köpf) and 1,310 px with the head layer alone.
			root.setProperty(LayeredOptions.EDGE_LABELS_CENTER_LABEL_PLACEMENT_STRATEGY,
					CenterEdgeLabelPlacementStrategy.HEAD_LAYER);
			root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.LINEAR_SEGMENTS);
		}
		if (scene.type() == Scene.Type.LOOP) {
			// The builder adds sensors, controllers, actuators, assets in that order; breaking cycles by that
			// order makes exactly the asset → sensor edges the reversed ones, and feedback-edge routing takes
			// them around the loop instead of turning the loop around.
			root.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
			root.setProperty(LayeredOptions.FEEDBACK_EDGES, true);
		}
		if (scene.type() == Scene.Type.PARK) {
			root.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
		}
		Map<Node, ElkNode> elk = new IdentityHashMap<>();
		for (Node n : scene.roots()) {
			toElk(n, root, elk);
		}
		Map<Edge, ElkEdge> edges = new HashMap<>();
		for (Edge e : scene.edges()) {
			ElkEdge ee = ElkGraphUtil.createSimpleEdge(elk.get(e.source()), elk.get(e.target()));
			ElkGraphUtil.updateContainment(ee);
			ee.setProperty(CoreOptions.EDGE_THICKNESS, (double) e.strokeWidth());
			for (Edge.Label l : e.labels()) {
				Size s = FontMetricsTable.INSTANCE.extent(l.text(), FontSpec.SMALL);
				ElkLabel label = ElkGraphUtil.createLabel(l.text(), ee);
				label.setWidth(s.width() + 6);
				label.setHeight(s.height() + 2);
				label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.CENTER);
			}
			edges.put(e, ee);
		}
		int nodeCount = elk.size();
		if (nodeCount > 200) {
			// Crossing minimisation dominates on big graphs; fewer random restarts cost little on a
			// mostly linear line and keep 1,000 machines near a second.
			root.setProperty(LayeredOptions.THOROUGHNESS, 2);
		}
		runLayout(root, nodeCount);
		return new Graph(root, elk, edges);
	}

	/**
	 * Runs ELK. Some of its phases recurse once per node of a connected component (a line of 5,000
	 * machines is one long chain), which overflows a default thread stack, so big graphs get a thread
	 * with a stack sized for them.
	 */
	private static void runLayout(ElkNode root, int nodeCount) {
		if (nodeCount <= 500) {
			new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
			return;
		}
		RuntimeException[] failure = new RuntimeException[1];
		Error[] error = new Error[1];
		long stack = Math.max(16L << 20, nodeCount * 16L << 10); // 16 kB per node, at least 16 MB
		Thread worker = new Thread(null, () -> {
			try {
				new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
			} catch (RuntimeException e) {
				failure[0] = e;
			} catch (Error e) {
				error[0] = e;
			}
		}, "zerocarbon-diagram-layout", stack);
		worker.start();
		try {
			worker.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while laying out the diagram", e);
		}
		if (failure[0] != null) {
			throw failure[0];
		}
		if (error[0] != null) {
			throw error[0];
		}
	}

	private static void toElk(Node n, ElkNode parent, Map<Node, ElkNode> elk) {
		ElkNode en = ElkGraphUtil.createNode(parent);
		en.setIdentifier(n.id());
		elk.put(n, en);
		en.setWidth(n.width());
		en.setHeight(n.height());
		if (n.isCompartment()) {
			int p = NodeMetrics.PAD + 4;
			en.setProperty(CoreOptions.PADDING, new ElkPadding(NodeMetrics.header(n) + p, p, p, p));
			en.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
			en.setProperty(CoreOptions.NODE_SIZE_MINIMUM, new KVector(n.width(), n.height()));
			en.setProperty(CoreOptions.NODE_LABELS_PLACEMENT, NodeLabelPlacement.fixed());
			for (Node c : n.children()) {
				toElk(c, en, elk);
			}
		}
	}

	private static void fromElk(Node n, Map<Node, ElkNode> elk, double ox, double oy) {
		ElkNode en = elk.get(n);
		double ax = en.getX() + ox;
		double ay = en.getY() + oy;
		n.x = round(ax);
		n.y = round(ay);
		n.width = round(en.getWidth());
		n.height = round(en.getHeight());
		for (Node c : n.children()) {
			fromElk(c, elk, ax, ay);
		}
	}

	private static KVector absolute(ElkNode node, ElkNode root) {
		KVector v = new KVector();
		for (ElkNode n = node; n != null && n != root; n = n.getParent()) {
			v.x += n.getX();
			v.y += n.getY();
		}
		return v;
	}

	private static int round(double v) {
		return (int) Math.round(v);
	}
}
