package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.List;

/**
 * An outline made of straight and cubic segments, for {@link Painter#drawPath} and {@link Painter#fillPath}.
 * It mirrors SWT's {@code Path} ({@code moveTo}, {@code lineTo}, {@code cubicTo}, {@code close}) so the GC
 * painter can replay it one call per segment.
 */
public final class PathSpec {

	/** One segment: the SWT {@code Path} operation and its coordinates. */
	public record Segment(Op op, int[] coordinates) {
	}

	/** The segment kinds, each a method of SWT's {@code Path}. */
	public enum Op {
		/** Starts a sub-path at (x, y). */
		MOVE,
		/** A straight line to (x, y). */
		LINE,
		/** A cubic Bézier through (c1x, c1y), (c2x, c2y) to (x, y). */
		CUBIC,
		/** Closes the current sub-path. */
		CLOSE
	}

	private final List<Segment> segments = new ArrayList<>();

	/** Starts a sub-path. */
	public PathSpec moveTo(int x, int y) {
		segments.add(new Segment(Op.MOVE, new int[] { x, y }));
		return this;
	}

	/** Adds a straight segment. */
	public PathSpec lineTo(int x, int y) {
		segments.add(new Segment(Op.LINE, new int[] { x, y }));
		return this;
	}

	/** Adds a cubic Bézier segment. */
	public PathSpec cubicTo(int c1x, int c1y, int c2x, int c2y, int x, int y) {
		segments.add(new Segment(Op.CUBIC, new int[] { c1x, c1y, c2x, c2y, x, y }));
		return this;
	}

	/** Closes the current sub-path. */
	public PathSpec close() {
		segments.add(new Segment(Op.CLOSE, new int[0]));
		return this;
	}

	/** The segments in order; read-only. */
	public List<Segment> segments() {
		return List.copyOf(segments);
	}
}
