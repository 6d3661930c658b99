package org.zerocarbon.lang.ui.edit;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.lang.ide.edit.ModelElements;
import org.zerocarbon.model.edit.ZcLabels;

/**
 * A model element as a workbench selection holds it: its file and its URI fragment, which find it again in any
 * parse of the same text (see {@link ModelElements#at}), plus its kind and label for display. Plain data, so it
 * can leave the language thread; no EMF object is kept.
 * <p>
 * Editors that show model elements (the text editor at the caret, its outline, diagrams) put these in their
 * selection; the Properties view shows and edits the element's properties when the part returns a
 * {@code org.zerocarbon.lang.ui.properties.ModelPropertySheetPage} from {@code getAdapter(IPropertySheetPage.class)}.
 * It adapts to {@link IFile} and {@link IResource} (for "Show In", markers and the like) and to whatever adapter
 * factories contribute.
 *
 * @param file     the workspace file of the element
 * @param fragment the element's URI fragment in the file's resource
 * @param type     the name of the element's metamodel class, e.g. {@code Machine}
 * @param label    what to call it, e.g. "Machine VMC1 (25 kW)"
 */
public record ModelElementRef(IFile file, String fragment, String type, String label) implements IAdaptable {

	/** The reference to an element of a parsed file. Call where the element lives (the language thread). */
	public static ModelElementRef of(IFile file, EObject element) {
		return new ModelElementRef(file, ModelElements.fragment(element), element.eClass().getName(),
				ZcLabels.label(element));
	}

	/** The element's EMF URI: {@code platform:/resource/<project>/<path>#<fragment>}. */
	public URI uri() {
		return URI.createPlatformResourceURI(file.getFullPath().toString(), true).appendFragment(fragment);
	}

	/** The same element with a label computed again (after a change). */
	public ModelElementRef withLabel(String newLabel) {
		return new ModelElementRef(file, fragment, type, newLabel);
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter.isInstance(file) && (adapter == IFile.class || adapter == IResource.class)) {
			return adapter.cast(file);
		}
		return Platform.getAdapterManager().getAdapter(this, adapter);
	}

	@Override
	public String toString() {
		return label + " in " + file.getFullPath();
	}
}
