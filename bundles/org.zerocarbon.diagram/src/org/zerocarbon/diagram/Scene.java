package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A diagram: a title, a tree of {@link Node}s (compartments hold children), {@link Edge}s between any two
 * nodes, and legend lines. {@link SceneBuilder} creates it from a model, {@link SceneLayout} positions it and
 * {@link ScenePainter} draws it on any {@link Painter}.
 */
public final class Scene {

	/** The diagram types. */
	public enum Type {
		/** A production line: machines and material flows. */
		LINE,
		/** An energy loop: sensors, controllers, actuators, assets. */
		LOOP,
		/** A park: six systems and their energy flows. */
		PARK
	}

	private final Type type;
	private final String title;
	private final List<Node> roots = new ArrayList<>();
	private final List<Edge> edges = new ArrayList<>();
	private final List<String> legend = new ArrayList<>();
	private final List<String> problems = new ArrayList<>();
	int width;
	int height;
	boolean vertical;

	/**
	 * An empty scene.
	 *
	 * @param type  the diagram type
	 * @param title the title drawn above the diagram
	 */
	public Scene(Type type, String title) {
		this.type = type;
		this.title = title;
	}

	/** The diagram type. */
	public Type type() {
		return type;
	}

	/** The title. */
	public String title() {
		return title;
	}

	/** The top-level nodes; read-only. */
	public List<Node> roots() {
		return Collections.unmodifiableList(roots);
	}

	/** Adds a top-level node. */
	public Node add(Node node) {
		roots.add(node);
		return node;
	}

	/** The edges; read-only. */
	public List<Edge> edges() {
		return Collections.unmodifiableList(edges);
	}

	/** Adds an edge. */
	public Edge add(Edge edge) {
		edges.add(edge);
		return edge;
	}

	/** The legend lines; read-only. */
	public List<String> legend() {
		return Collections.unmodifiableList(legend);
	}

	/** Adds a legend line. */
	public void legend(String line) {
		legend.add(line);
	}

	/** Problems found while building, for example an open control loop; read-only. */
	public List<String> problems() {
		return Collections.unmodifiableList(problems);
	}

	/** Records a problem; it is drawn in the legend in red. */
	public void problem(String text) {
		problems.add(text);
	}

	/** Every node, parents before their children, in building order. */
	public List<Node> nodes() {
		List<Node> all = new ArrayList<>();
		for (Node n : roots) {
			collect(n, all);
		}
		return all;
	}

	private static void collect(Node node, List<Node> into) {
		into.add(node);
		for (Node c : node.children()) {
			collect(c, into);
		}
	}

	/** The node with the given id. */
	public Optional<Node> node(String id) {
		return nodes().stream().filter(n -> n.id().equals(id)).findFirst();
	}

	/** The width of the whole drawing (after layout). */
	public int width() {
		return width;
	}

	/**
	 * Whether the layout runs the flow top to bottom (a line too long to read left to right) rather than left to
	 * right (after layout).
	 */
	public boolean vertical() {
		return vertical;
	}

	/** The height of the whole drawing (after layout). */
	public int height() {
		return height;
	}

	/**
	 * The figure at a point: edges first (they are drawn on top), then the innermost node.
	 *
	 * @param x absolute x
	 * @param y absolute y
	 * @return the figure, or empty on the background
	 */
	public Optional<Figure> hit(int x, int y) {
		for (int i = edges.size() - 1; i >= 0; i--) {
			if (edges.get(i).hits(x, y, 3)) {
				return Optional.of(edges.get(i));
			}
		}
		List<Node> all = nodes();
		Node best = null;
		for (Node n : all) {
			// Later in the list is deeper or drawn later, so the last hit is the one on top.
			if (n.hits(x, y, 0)) {
				best = n;
			}
		}
		return Optional.ofNullable(best);
	}
}
