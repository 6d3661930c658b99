package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

/**
 * A box in a diagram: a title, an optional subtitle, badges (short facts, one per line), a glyph (two or
 * three letters naming the kind) and a fill colour. A node with children is a <em>compartment</em>: its
 * header shows the title and its body holds the children, laid out inside it.
 * <p>
 * Builders set the content and the preferred size; {@link SceneLayout} sets the position (absolute) and,
 * for compartments, the size.
 */
public final class Node implements Figure {

	/** What a node stands for; painters choose shape and colours by it. */
	public enum Kind {
		/** A machine of a line. */
		MACHINE,
		/** A sensor of an energy loop. */
		SENSOR,
		/** A controller of an energy loop. */
		CONTROLLER,
		/** An actuator of an energy loop. */
		ACTUATOR,
		/** A controlled asset of an energy loop. */
		ASSET,
		/** A park system (a compartment). */
		SYSTEM,
		/** An energy source of a park. */
		SOURCE,
		/** The distribution point energy flows through (a microgrid, or a synthetic park grid). */
		HUB,
		/** A consumer or other item of a park system. */
		ITEM,
		/** A production line referenced by a park. */
		LINE,
		/** A user-defined background process a line's equipment uses (its definition: the model element). */
		PROCESS,
		/** The collapsed summary of a line's background processes (synthetic). */
		PROCESSES
	}

	private final String id;
	private final Kind kind;
	private final EObject element;
	private final String title;
	private String subtitle;
	private String glyph;
	private final List<String> badges = new ArrayList<>();
	private final List<Node> children = new ArrayList<>();
	private Node parent;
	private Rgb fill = Rgb.WHITE;
	private String flag;
	private String tooltip;
	int x;
	int y;
	int width;
	int height;

	/**
	 * A node without content yet.
	 *
	 * @param id      unique in the scene
	 * @param kind    what it stands for
	 * @param element the model element, or {@code null}
	 * @param title   the title line
	 */
	public Node(String id, Kind kind, EObject element, String title) {
		this.id = id;
		this.kind = kind;
		this.element = element;
		this.title = title;
	}

	@Override
	public String id() {
		return id;
	}

	@Override
	public EObject element() {
		return element;
	}

	/** What the node stands for. */
	public Kind kind() {
		return kind;
	}

	/** The title line. */
	public String title() {
		return title;
	}

	/** The line under the title, or {@code null}. */
	public String subtitle() {
		return subtitle;
	}

	/** Sets the line under the title; {@code null} for none. */
	public Node subtitle(String text) {
		subtitle = text;
		return this;
	}

	/** The short kind glyph, or {@code null}. */
	public String glyph() {
		return glyph;
	}

	/** Sets the short kind glyph (two or three letters); {@code null} for none. */
	public Node glyph(String text) {
		glyph = text;
		return this;
	}

	/** The badges in order; read-only. */
	public List<String> badges() {
		return Collections.unmodifiableList(badges);
	}

	/** Adds a badge line. */
	public Node badge(String text) {
		badges.add(text);
		return this;
	}

	/** The fill colour. */
	public Rgb fill() {
		return fill;
	}

	/** Sets the fill colour. */
	public Node fill(Rgb colour) {
		fill = colour;
		return this;
	}

	/** A problem to show on the node (drawn in red), or {@code null}. */
	public String flag() {
		return flag;
	}

	/** Flags the node with a problem, shown on it in red. */
	public Node flag(String problem) {
		flag = problem;
		return this;
	}

	/** The tooltip (SVG title), or {@code null}. */
	public String tooltip() {
		return tooltip;
	}

	/** Sets the tooltip. */
	public Node tooltip(String text) {
		tooltip = text;
		return this;
	}

	/** The nested nodes of a compartment; read-only. */
	public List<Node> children() {
		return Collections.unmodifiableList(children);
	}

	/** Adds a nested node, making this node a compartment. */
	public Node add(Node child) {
		child.parent = this;
		children.add(child);
		return child;
	}

	/** The compartment this node is in, or {@code null} at the top level. */
	public Node parent() {
		return parent;
	}

	/** Whether the node holds other nodes. */
	public boolean isCompartment() {
		return !children.isEmpty() || kind == Kind.SYSTEM;
	}

	/**
	 * The box of the title line relative to the node's top-left corner, {x, y, width, height}: where a painter
	 * draws the title and where an editor puts its in-place rename field.
	 */
	public int[] titleBox() {
		Size s = FontMetricsTable.INSTANCE.extent(title, FontSpec.TITLE);
		return new int[] { NodeMetrics.textLeft(this), NodeMetrics.PAD, s.width(), s.height() };
	}

	/** Absolute x of the left edge. */
	public int x() {
		return x;
	}

	/** Absolute y of the top edge. */
	public int y() {
		return y;
	}

	/** The width. */
	public int width() {
		return width;
	}

	/** The height. */
	public int height() {
		return height;
	}

	/** Sets the size (builders: the preferred size; layout: the final size). */
	public void size(int w, int h) {
		width = w;
		height = h;
	}

	/** Whether the two nodes' bounds overlap (touching edges do not count). */
	public boolean overlaps(Node other) {
		return x < other.x + other.width && other.x < x + width && y < other.y + other.height
				&& other.y < y + height;
	}

	/** Whether {@code other}'s bounds lie inside this node's bounds. */
	public boolean encloses(Node other) {
		return other.x >= x && other.y >= y && other.x + other.width <= x + width
				&& other.y + other.height <= y + height;
	}

	@Override
	public boolean hits(int px, int py, int tolerance) {
		return px >= x && px <= x + width && py >= y && py <= y + height;
	}

	@Override
	public String toString() {
		return kind + " " + id + " [" + x + "," + y + " " + width + "x" + height + "]";
	}
}
