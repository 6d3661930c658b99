package org.zerocarbon.diagram;

import org.eclipse.emf.ecore.EObject;

/**
 * An element of a {@link Scene} that can be hit by a point: a {@link Node} or an {@link Edge}. Coordinates
 * are absolute diagram units once the scene is laid out.
 */
public sealed interface Figure permits Node, Edge {

	/** A stable identifier, unique in the scene (used as SVG id and for sidecar positions later). */
	String id();

	/** The model element the figure shows, or {@code null} for synthetic figures (a legend, a hub). */
	EObject element();

	/**
	 * Whether the point hits this figure.
	 *
	 * @param x         absolute x
	 * @param y         absolute y
	 * @param tolerance how far from a line still counts as on it
	 */
	boolean hits(int x, int y, int tolerance);
}
