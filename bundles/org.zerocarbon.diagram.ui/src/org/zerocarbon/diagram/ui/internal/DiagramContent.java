package org.zerocarbon.diagram.ui.internal;

import java.util.List;
import java.util.Map;

import org.zerocarbon.diagram.Scene;

/**
 * One drawing of a model file, made on the language thread and shown on the UI thread: the diagrams the file
 * offers, the laid-out scene of the one shown, and the facts about each figure's element.
 *
 * @param subjects the lines, loops and parks of the file, in text order
 * @param subject  the one drawn, or {@code null} if the file has none
 * @param scene    its laid-out scene, or {@code null}
 * @param figures  figure id to element facts
 * @param version  the document version it was drawn from
 */
public record DiagramContent(List<Subject> subjects, Subject subject, Scene scene, Map<String, ElementInfo> figures,
		long version) {

	/**
	 * A diagram a file offers.
	 *
	 * @param key      the element's qualified name (or its URI fragment if it has no name): the tab and sidecar key
	 * @param label    the tab label, e.g. {@code Line Cell}
	 * @param type     the diagram type
	 * @param fragment the element's URI fragment
	 */
	public record Subject(String key, String label, Scene.Type type, String fragment) {
	}

	/** The facts about a figure's element, or {@code null}. */
	public ElementInfo info(String figureId) {
		return figures.get(figureId);
	}
}
