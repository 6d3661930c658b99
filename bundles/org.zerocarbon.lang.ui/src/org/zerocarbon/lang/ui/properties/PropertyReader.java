package org.zerocarbon.lang.ui.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.zerocarbon.lang.ide.contentassist.ZcIdeContentProposalProvider;
import org.zerocarbon.lang.resource.ZcResourceDescriptionStrategy;
import org.zerocarbon.lang.ui.edit.ModelElementRef;
import org.zerocarbon.lang.ui.properties.ElementProperties.Kind;
import org.zerocarbon.lang.ui.properties.ElementProperties.Property;
import org.zerocarbon.model.edit.ZcEditing;
import org.zerocarbon.model.edit.ZcLabels;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage;

/**
 * Reads an element's properties on the language thread: the EMF.Edit descriptors of org.zerocarbon.model.edit
 * (names, categories, descriptions), the values as written in the DSL, and for references the names in scope.
 */
final class PropertyReader {

	/** More candidates than this make a reference list unusable; the text editor's content assist has them all. */
	private static final int MAX_CANDIDATES = 1000;

	private PropertyReader() {
	}

	/** The element a caret at the offset is in: the innermost element, or the element a quantity belongs to. */
	static EObject elementAt(XtextResource resource, int offset) {
		EObject element = resource.getResourceServiceProvider().get(org.eclipse.xtext.resource.EObjectAtOffsetHelper.class)
				.resolveContainedElementAt(resource, offset);
		while (element instanceof Quantity && element.eContainer() != null) {
			element = element.eContainer();
		}
		if (element == null && !resource.getContents().isEmpty()) {
			element = resource.getContents().get(0);
		}
		return element;
	}

	static ElementProperties read(IFile file, EObject element) {
		ComposedAdapterFactory factory = ZcEditing.createAdapterFactory();
		try {
			List<Property> properties = new ArrayList<>();
			for (IItemPropertyDescriptor descriptor : ZcEditing.propertyDescriptors(factory, element)) {
				if (descriptor.getFeature(element) instanceof EStructuralFeature feature) {
					properties.add(property(element, descriptor, feature));
				}
			}
			return new ElementProperties(ModelElementRef.of(file, element), List.copyOf(properties));
		} finally {
			factory.dispose();
		}
	}

	private static Property property(EObject element, IItemPropertyDescriptor descriptor, EStructuralFeature feature) {
		Kind kind = kind(element, feature, descriptor.canSetProperty(element));
		List<String> choices = switch (kind) {
			case CHOICE -> literals((EEnum) feature.getEType());
			case BOOLEAN -> List.of("true", "false");
			case REFERENCE -> candidates(element, (EReference) feature);
			default -> List.of();
		};
		return new Property(feature.getName(), descriptor.getDisplayName(element), descriptor.getCategory(element),
				descriptor.getDescription(element), kind, value(element, feature), choices,
				feature.getLowerBound() == 0 && kind != Kind.NAME);
	}

	private static Kind kind(EObject element, EStructuralFeature feature, boolean settable) {
		if (!settable || feature.isMany() || !feature.isChangeable()) {
			return Kind.READ_ONLY;
		}
		if (feature == ZcPackage.Literals.NAMED_ELEMENT__NAME) {
			return Kind.NAME;
		}
		if (feature instanceof EReference reference) {
			if (!reference.isContainment()) {
				return Kind.REFERENCE;
			}
			return reference.getEReferenceType() == ZcPackage.Literals.QUANTITY ? Kind.QUANTITY : Kind.READ_ONLY;
		}
		Object type = feature.getEType();
		if (type instanceof EEnum) {
			return Kind.CHOICE;
		}
		if (type == EcorePackage.Literals.EBOOLEAN || type == EcorePackage.Literals.EBOOLEAN_OBJECT) {
			return Kind.BOOLEAN;
		}
		if (type == EcorePackage.Literals.EINT || type == EcorePackage.Literals.EINTEGER_OBJECT) {
			return Kind.INTEGER;
		}
		if (type == EcorePackage.Literals.EBIG_DECIMAL) {
			return Kind.DECIMAL;
		}
		return type == EcorePackage.Literals.ESTRING ? Kind.TEXT : Kind.READ_ONLY;
	}

	/** The value as written in the DSL; empty when unset. */
	private static String value(EObject element, EStructuralFeature feature) {
		if (!element.eIsSet(feature) && !(feature.getEType() instanceof EEnum)) {
			return "";
		}
		Object value = element.eGet(feature);
		if (feature.isMany()) {
			return ((List<?>) value).stream().map(PropertyReader::text).collect(Collectors.joining(", "));
		}
		if (feature instanceof EReference reference && !reference.isContainment()) {
			List<INode> nodes = NodeModelUtils.findNodesForFeature(element, feature);
			// As written (the name under which it is visible here); the target's own name if it has no text.
			return nodes.isEmpty() ? text(value) : NodeModelUtils.getTokenText(nodes.get(0));
		}
		return text(value);
	}

	private static String text(Object value) {
		if (value instanceof Quantity quantity) {
			return ZcLabels.text(quantity);
		}
		if (value instanceof NamedElement named) {
			return named.getName() == null ? "" : named.getName();
		}
		if (value instanceof Enumerator literal) {
			return literal.getLiteral();
		}
		if (value instanceof EObject other) {
			return ZcLabels.label(other);
		}
		return value == null ? "" : String.valueOf(value);
	}

	private static List<String> literals(EEnum type) {
		return type.getELiterals().stream().map(EEnumLiteral::getLiteral).toList();
	}

	/** The names under which elements of the reference's type are visible from the element, sorted. */
	private static List<String> candidates(EObject element, EReference reference) {
		XtextResource resource = (XtextResource) element.eResource();
		IScopeProvider scopes = resource.getResourceServiceProvider().get(IScopeProvider.class);
		IQualifiedNameConverter names = resource.getResourceServiceProvider().get(IQualifiedNameConverter.class);
		FactorKind kind = ZcIdeContentProposalProvider.factorKindFor(reference);
		TreeSet<String> found = new TreeSet<>();
		for (IEObjectDescription description : scopes.getScope(element, reference).getAllElements()) {
			if (kind == null || kind.getLiteral().equals(description.getUserData(ZcResourceDescriptionStrategy.FACTOR_KIND))) {
				found.add(names.toString(description.getName()));
			}
			if (found.size() >= MAX_CANDIDATES) {
				break;
			}
		}
		return List.copyOf(found);
	}
}
