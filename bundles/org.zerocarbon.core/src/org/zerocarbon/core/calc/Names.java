package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.ZcModel;

/** How the engine names model elements and formats numbers in notes. */
final class Names {

	/** Orders elements by qualified name; used to keep outputs deterministic. */
	static final Comparator<EObject> BY_NAME = Comparator.comparing(Names::qualifiedName);

	private Names() {
	}

	/**
	 * Qualified name as the language gives it: the file's package plus the names of the containers, e.g.
	 * {@code housing.Cell.VMC1}; emission factors and processes are named in their package without the library name
	 * ({@code zc.lib.grid.DE_2023}), as the language's qualified-name provider does.
	 */
	static String qualifiedName(EObject element) {
		if (element instanceof org.zerocarbon.model.zc.DeclaredModule module && module.eContainer() != null) {
			return qualifiedName(module.eContainer()) + " " + DeclaredProducts.label(module)
					+ (module.getScenario() == null ? "" : " (" + module.getScenario() + ")");
		}
		List<String> segments = new ArrayList<>();
		boolean inLibrary = element != null && element.eContainer() instanceof FactorLibrary;
		for (EObject e = element; e != null; e = e.eContainer()) {
			if (e instanceof FactorLibrary && inLibrary) {
				continue;
			}
			if (e instanceof ZcModel model) {
				if (model.getName() != null) {
					segments.add(model.getName());
				}
			} else {
				var nameFeature = e.eClass().getEStructuralFeature("name");
				Object name = nameFeature == null ? null : e.eGet(nameFeature);
				if (name != null) {
					segments.add(name.toString());
				}
			}
		}
		Collections.reverse(segments);
		return String.join(".", segments);
	}

	/** The model file's name, or "" for an element outside a resource. */
	static String fileOf(EObject element) {
		return element.eResource() == null ? "" : element.eResource().getURI().lastSegment();
	}

	/** A number for notes: integers with thousands separators, others with four significant digits. */
	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		return SignificantFigures.of(value);
	}

	/** The EMF URI of an element as a string, or null. */
	static String uri(EObject element) {
		return element == null ? null : org.eclipse.emf.ecore.util.EcoreUtil.getURI(element).toString();
	}

	/** The top-level elements of every file in the resource set (lines, parks, sites, libraries, ...), in file order. */
	static List<EObject> topLevelElements(org.eclipse.emf.ecore.resource.ResourceSet set) {
		List<EObject> elements = new java.util.ArrayList<>();
		for (var resource : List.copyOf(set.getResources())) {
			for (EObject root : resource.getContents()) {
				if (root instanceof org.zerocarbon.model.zc.ZcModel model) {
					elements.addAll(model.getElements());
				}
			}
		}
		return elements;
	}
}
