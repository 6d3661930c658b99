package org.zerocarbon.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.notify.AdapterFactory;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.ItemPropertyDescriptorDecorator;
import org.zerocarbon.model.zc.ZcPackage;
import org.zerocarbon.model.zc.provider.ZcEditPlugin;

/**
 * The property descriptors of a model element, as a property sheet shows them: the generated ones with a category
 * and the metamodel's documentation as description, and one for each quantity (rated power, rate, value ...),
 * which EMF.Edit treats as a child and not as a property, but which engineers edit like one.
 */
public final class ZcProperties {

	/** Name and description. */
	public static final String GENERAL = "General";
	/** Quantities and numbers. */
	public static final String FIGURES = "Figures";
	/** References to other elements. */
	public static final String REFERENCES = "References";
	/** Everything else: provenance, notes, flags. */
	public static final String DETAILS = "Details";

	private ZcProperties() {
	}

	/** The category a feature's property is shown in. */
	public static String category(EStructuralFeature feature) {
		EClassifier type = feature.getEType();
		if (feature == ZcPackage.Literals.NAMED_ELEMENT__NAME || feature == ZcPackage.Literals.NAMED_ELEMENT__DESCRIPTION
				|| type instanceof EEnum) {
			return GENERAL;
		}
		if (type == ZcPackage.Literals.QUANTITY || isNumber(type)) {
			return FIGURES;
		}
		if (feature instanceof EReference reference && !reference.isContainment()) {
			return REFERENCES;
		}
		return DETAILS;
	}

	/** What a feature means: its documentation in the metamodel, or a sentence made from its names. */
	public static String description(EStructuralFeature feature) {
		String documentation = EcoreUtil.getDocumentation(feature);
		if (documentation != null && !documentation.isBlank()) {
			return documentation;
		}
		String owner = ZcLabels.typeName(feature.getEContainingClass()).toLowerCase(Locale.ROOT);
		String what = ZcLabels.featureName(feature).toLowerCase(Locale.ROOT);
		if (feature.getEType() == ZcPackage.Literals.QUANTITY) {
			return "The " + what + " of the " + owner + ", a number with its unit (e.g. 15 kW).";
		}
		if (feature instanceof EReference reference && !reference.isContainment()) {
			return "The " + ZcLabels.typeName(reference.getEReferenceType()).toLowerCase(Locale.ROOT)
					+ (reference.isMany() ? "s" : "") + " the " + owner + " refers to (" + what + ").";
		}
		return "The " + what + " of the " + owner + ".";
	}

	/**
	 * The descriptors for an element: {@code generated} (from its item provider) with categories and
	 * descriptions, then one per single quantity of the element that has none.
	 *
	 * @param root the adapter factory the descriptors use for labels of values
	 */
	static List<IItemPropertyDescriptor> of(EObject element, List<IItemPropertyDescriptor> generated, AdapterFactory root) {
		List<IItemPropertyDescriptor> result = new ArrayList<>();
		List<Object> features = new ArrayList<>();
		for (IItemPropertyDescriptor descriptor : generated) {
			Object feature = descriptor.getFeature(element);
			features.add(feature);
			result.add(feature instanceof EStructuralFeature structural ? new Described(element, descriptor, structural)
					: descriptor);
		}
		for (EReference reference : element.eClass().getEAllContainments()) {
			if (!reference.isMany() && reference.getEReferenceType() == ZcPackage.Literals.QUANTITY
					&& !features.contains(reference)) {
				result.add(new ItemPropertyDescriptor(root, ZcEditPlugin.INSTANCE, ZcLabels.featureName(reference),
						description(reference), reference, true, false, false, null, FIGURES, null));
			}
		}
		return List.copyOf(result);
	}

	private static boolean isNumber(EClassifier type) {
		return type == EcorePackage.Literals.EINT || type == EcorePackage.Literals.EBIG_DECIMAL
				|| type == EcorePackage.Literals.EDOUBLE || type == EcorePackage.Literals.ELONG
				|| type == EcorePackage.Literals.EFLOAT;
	}

	/** A generated descriptor with the category and description of its feature. */
	private static final class Described extends ItemPropertyDescriptorDecorator {
		private final EStructuralFeature feature;

		Described(Object object, IItemPropertyDescriptor descriptor, EStructuralFeature feature) {
			super(object, descriptor);
			this.feature = feature;
		}

		@Override
		public String getCategory(Object thisObject) {
			return category(feature);
		}

		@Override
		public String getDescription(Object thisObject) {
			return description(feature);
		}
	}

}
