package org.zerocarbon.diagram.ui.internal;

import org.eclipse.core.resources.IFile;
import org.zerocarbon.lang.ui.edit.ModelElementRef;

/**
 * What the UI thread may know about the model element behind a figure. Figures hold the EMF objects of the
 * language thread's resource, which that thread keeps changing; the UI reads these immutable facts instead.
 *
 * @param figureId      the figure's id in the scene
 * @param fragment      the element's URI fragment in its resource, or {@code null} for a synthetic figure
 * @param qualifiedName the element's qualified name (the sidecar key), or {@code null} if it has none
 * @param name          the element's simple name, or {@code null}
 * @param type          the element's EClass name, e.g. {@code Machine}
 * @param offset        offset of the element's text, or -1
 * @param length        length of the element's text
 * @param nameOffset    offset of the element's name (what "show in text" selects), or -1
 * @param nameLength    length of the name
 * @param ref           the element as the workbench selection holds it (the Properties view shows it), or
 *                      {@code null} for a synthetic figure
 * @param definition    where an element of another file is defined (a background process of a library, a
 *                      park's line): Show in Text opens it there; {@code null} for elements of the drawn file and
 *                      synthetic figures. Such an element has no fragment, qualified name or name here: the
 *                      diagram does not edit it, and pins it by figure id.
 */
public record ElementInfo(String figureId, String fragment, String qualifiedName, String name, String type, int offset,
		int length, int nameOffset, int nameLength, ModelElementRef ref, Definition definition) {

	/**
	 * The text of an element in another workspace file.
	 *
	 * @param file       the file
	 * @param nameOffset offset of the element's name in it
	 * @param nameLength length of the name
	 */
	public record Definition(IFile file, int nameOffset, int nameLength) {
	}

	/** Whether the figure shows a model element (rather than a synthetic hub or legend). */
	public boolean hasElement() {
		return fragment != null;
	}

	/**
	 * The key of the figure's pinned position in the sidecar file: the element's qualified name, which survives
	 * edits elsewhere in the text, or {@code #<figure id>} for a figure without a named element.
	 */
	public String pinKey() {
		return qualifiedName != null ? qualifiedName : "#" + figureId;
	}

	/** Whether the text offset lies in the element's text. */
	public boolean contains(int textOffset) {
		return offset >= 0 && textOffset >= offset && textOffset < offset + Math.max(1, length);
	}
}
