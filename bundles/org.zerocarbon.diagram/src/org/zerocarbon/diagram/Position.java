package org.zerocarbon.diagram;

/**
 * A point in diagram units. As a pin ({@link SceneLayout#layout(Scene, java.util.Map)}) it is the top-left
 * corner of a node relative to its compartment's top-left corner, or absolute for top-level nodes.
 *
 * @param x the x coordinate
 * @param y the y coordinate
 */
public record Position(int x, int y) {
}
