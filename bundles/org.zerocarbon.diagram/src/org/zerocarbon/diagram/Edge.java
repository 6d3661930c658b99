package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

/**
 * A directed connection between two nodes, with optional labels and a stroke width. After layout it has an
 * orthogonal route: absolute points from the source's border to the target's border.
 */
public final class Edge implements Figure {

	/** What an edge stands for; painters choose colour and dash by it. */
	public enum Kind {
		/** Material flowing from machine to machine. */
		MATERIAL,
		/** A sensor's measurement read by a controller. */
		SIGNAL,
		/** A controller driving an actuator. */
		COMMAND,
		/** An actuator acting on an asset. */
		ACTION,
		/** The asset's state measured by a sensor: the edge that closes a control loop. */
		FEEDBACK,
		/** Annual energy, width proportional to the amount. */
		ENERGY,
		/** A background process supplying what uses it: a machine, a utility or another process's input. */
		PROVIDES
	}

	/** A text placed along the edge; its box is set by the layout. */
	public static final class Label {
		private final String text;
		int x;
		int y;
		int width;
		int height;

		Label(String text) {
			this.text = text;
		}

		/** The text. */
		public String text() {
			return text;
		}

		/** Absolute x of the label box. */
		public int x() {
			return x;
		}

		/** Absolute y of the label box. */
		public int y() {
			return y;
		}

		/** The width of the label box. */
		public int width() {
			return width;
		}

		/** The height of the label box. */
		public int height() {
			return height;
		}
	}

	private final String id;
	private final Kind kind;
	private final EObject element;
	private final Node source;
	private final Node target;
	private final List<Label> labels = new ArrayList<>();
	private int strokeWidth = 2;
	int[] points = new int[0];

	/**
	 * An edge between two nodes of the same scene.
	 *
	 * @param id      unique in the scene
	 * @param kind    what it stands for
	 * @param element the model element, or {@code null}
	 * @param source  the node it starts at
	 * @param target  the node it ends at
	 */
	public Edge(String id, Kind kind, EObject element, Node source, Node target) {
		this.id = id;
		this.kind = kind;
		this.element = element;
		this.source = source;
		this.target = target;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public EObject element() {
		return element;
	}

	/** What the edge stands for. */
	public Kind kind() {
		return kind;
	}

	/** The node it starts at. */
	public Node source() {
		return source;
	}

	/** The node it ends at. */
	public Node target() {
		return target;
	}

	/** The labels; read-only. */
	public List<Label> labels() {
		return Collections.unmodifiableList(labels);
	}

	/** Adds a label. */
	public Edge label(String text) {
		labels.add(new Label(text));
		return this;
	}

	/** The stroke width in diagram units. */
	public int strokeWidth() {
		return strokeWidth;
	}

	/** Sets the stroke width (energy edges: proportional to the amount). */
	public Edge strokeWidth(int width) {
		strokeWidth = Math.max(1, width);
		return this;
	}

	/** The route after layout: x0, y0, x1, y1, ...; empty before layout. */
	public int[] points() {
		return points.clone();
	}

	/**
	 * The bounding box of the route and the labels, {x, y, width, height}; all zero before layout. Arrowheads
	 * and the stroke reach up to {@code strokeWidth() + 12} beyond it.
	 */
	public int[] bounds() {
		if (points.length < 2) {
			return new int[4];
		}
		int minX = Integer.MAX_VALUE;
		int minY = Integer.MAX_VALUE;
		int maxX = Integer.MIN_VALUE;
		int maxY = Integer.MIN_VALUE;
		for (int i = 0; i + 1 < points.length; i += 2) {
			minX = Math.min(minX, points[i]);
			maxX = Math.max(maxX, points[i]);
			minY = Math.min(minY, points[i + 1]);
			maxY = Math.max(maxY, points[i + 1]);
		}
		for (Label l : labels) {
			minX = Math.min(minX, l.x);
			maxX = Math.max(maxX, l.x + l.width);
			minY = Math.min(minY, l.y);
			maxY = Math.max(maxY, l.y + l.height);
		}
		return new int[] { minX, minY, maxX - minX, maxY - minY };
	}

	@Override
	public boolean hits(int px, int py, int tolerance) {
		int t = tolerance + strokeWidth / 2;
		for (int i = 0; i + 3 < points.length; i += 2) {
			if (distanceToSegment(px, py, points[i], points[i + 1], points[i + 2], points[i + 3]) <= t) {
				return true;
			}
		}
		for (Label l : labels) {
			if (px >= l.x && px <= l.x + l.width && py >= l.y && py <= l.y + l.height) {
				return true;
			}
		}
		return false;
	}

	private static double distanceToSegment(int px, int py, int x1, int y1, int x2, int y2) {
		double dx = x2 - x1;
		double dy = y2 - y1;
		double len = dx * dx + dy * dy;
		double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
		return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
	}

	@Override
	public String toString() {
		return kind + " " + source.id() + " -> " + target.id();
	}
}
