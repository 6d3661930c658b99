package org.zerocarbon.diagram;

/**
 * A width and height in diagram units, as returned by {@link Painter#textExtent(String)} (SWT's
 * {@code GC.textExtent} returns a {@code Point} with the same meaning).
 *
 * @param width  the width
 * @param height the height
 */
public record Size(int width, int height) {
}
