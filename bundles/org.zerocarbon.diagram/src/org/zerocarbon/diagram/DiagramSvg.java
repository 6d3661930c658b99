package org.zerocarbon.diagram;

import org.eclipse.emf.ecore.EObject;

/**
 * The one-call entry point for reports and exports: model element in, SVG text out.
 * <p>
 * The result is a self-contained SVG document (starting with the XML declaration) and byte-identical for
 * the same model. To embed it inline in HTML, strip the first line ({@link #inline}).
 */
public final class DiagramSvg {

	private DiagramSvg() {
	}

	/**
	 * The SVG of a line, energy loop or park.
	 *
	 * @param subject a {@code Line}, {@code EnergyLoop} or {@code Park}
	 * @return the SVG document
	 * @throws IllegalArgumentException if there is no diagram for the element's type
	 *                                  ({@link SceneBuilder#supports})
	 */
	public static String of(EObject subject) {
		Scene scene = SceneLayout.layout(new SceneBuilder().build(subject));
		SvgPainter painter = new SvgPainter(scene.width(), scene.height());
		ScenePainter.paint(scene, painter);
		return painter.toSvg();
	}

	/**
	 * The SVG of the element without the XML declaration, to put inline in an HTML page.
	 *
	 * @param subject a {@code Line}, {@code EnergyLoop} or {@code Park}
	 * @return the {@code <svg>} element
	 */
	public static String inline(EObject subject) {
		String svg = of(subject);
		return svg.substring(svg.indexOf('\n') + 1);
	}
}
