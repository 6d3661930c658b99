package org.zerocarbon.lang.ide.edit;

import java.util.Iterator;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Finds the elements a change works on, in the fresh model the change receives: by URI fragment (what diagrams
 * and selections keep, see {@link #fragment}) or by name. Missing elements are reported with a
 * {@link ModelEditException} that says so in words, because they usually mean the text changed meanwhile.
 */
public final class ModelElements {

	private ModelElements() {
	}

	/**
	 * The URI fragment of an element in its resource: stable as long as the text up to the element does not change
	 * its structure, and the same in every parse of the same text.
	 */
	public static String fragment(EObject element) {
		Resource resource = element.eResource();
		if (resource == null) {
			throw new IllegalArgumentException(element.eClass().getName() + " is not in a resource");
		}
		return resource.getURIFragment(element);
	}

	/**
	 * The element at a URI fragment.
	 *
	 * @throws ModelEditException if there is no element of that type there
	 */
	public static <T extends EObject> T at(ZcModel model, String fragment, Class<T> type) {
		Resource resource = model.eResource();
		EObject element = resource == null || fragment == null ? null : resource.getEObject(fragment);
		if (!type.isInstance(element)) {
			String file = resource == null ? "the model" : ModelChanges.fileName(resource.getURI());
			throw new ModelEditException("The " + words(type) + " to change is no longer in " + file
					+ " (the text changed meanwhile). Try again on the current model.");
		}
		return type.cast(element);
	}

	/**
	 * The first element of the type with the given (simple) name below {@code scope}, in text order.
	 *
	 * @throws ModelEditException if there is none
	 */
	public static <T extends NamedElement> T named(EObject scope, Class<T> type, String name) {
		for (Iterator<EObject> it = scope.eAllContents(); it.hasNext();) {
			EObject next = it.next();
			if (type.isInstance(next) && name.equals(((NamedElement) next).getName())) {
				return type.cast(next);
			}
		}
		throw new ModelEditException("There is no " + words(type) + " named '" + name + "'"
				+ (scope instanceof NamedElement named && named.getName() != null ? " in " + named.getName() : "") + ".");
	}

	/** Whether an element of the type with the name exists below {@code scope}. */
	public static boolean exists(EObject scope, Class<? extends NamedElement> type, String name) {
		for (TreeIterator<EObject> it = scope.eAllContents(); it.hasNext();) {
			EObject next = it.next();
			if (type.isInstance(next) && name.equals(((NamedElement) next).getName())) {
				return true;
			}
		}
		return false;
	}

	/** "material flow" for MaterialFlow. */
	private static String words(Class<?> type) {
		return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
	}
}
