package org.zerocarbon.lang.ui.properties;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.zerocarbon.lang.ide.edit.ModelEditException;
import org.zerocarbon.lang.ide.edit.ModelElements;
import org.zerocarbon.lang.ui.properties.ElementProperties.Kind;
import org.zerocarbon.lang.ui.properties.ElementProperties.Property;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.model.zc.ZcModel;

/**
 * A property set in the Properties view as a model change: the text as typed (or the choice) becomes a value of
 * the element's feature, in the fresh model {@code ModelEdits} hands the change.
 */
final class PropertyChanges {

	/** An identifier of the DSL. */
	private static final Pattern NAME = Pattern.compile("\\^?[a-zA-Z_][a-zA-Z0-9_]*");
	/** A number and an optional unit: "27.5 kW", "-3", "12 parts/h", "5 %". */
	private static final Pattern QUANTITY = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(\\S.*)?");

	private PropertyChanges() {
	}

	/** Why the text cannot be the property's value, or {@code null} if it can. */
	static String problem(Property property, String text) {
		String value = text.strip();
		return switch (property.kind()) {
			case NAME -> NAME.matcher(value).matches() ? null
					: "A name starts with a letter or _ and has only letters, digits and _.";
			case INTEGER -> value.matches("-?\\d+") ? null : "Enter a whole number.";
			case DECIMAL -> value.matches("-?\\d+(\\.\\d+)?") ? null : "Enter a number, e.g. 1.5.";
			case QUANTITY -> value.isEmpty() && property.optional() || QUANTITY.matcher(value).matches() ? null
					: "Enter a number and its unit, e.g. 27.5 kW.";
			default -> null;
		};
	}

	/** The change that sets the property of the element at the fragment to the text. */
	static Consumer<ZcModel> set(String fragment, Property property, String text) {
		String value = text.strip();
		String problem = problem(property, value);
		if (problem != null) {
			throw new ModelEditException(property.displayName() + ": " + problem);
		}
		return model -> {
			EObject element = ModelElements.at(model, fragment, EObject.class);
			EStructuralFeature feature = element.eClass().getEStructuralFeature(property.id());
			if (feature == null) {
				throw new ModelEditException("A " + element.eClass().getName() + " has no " + property.displayName()
						+ " any more.");
			}
			if (value.isEmpty() && property.optional() && property.kind() != Kind.BOOLEAN) {
				element.eUnset(feature);
				return;
			}
			switch (property.kind()) {
				case NAME, TEXT -> element.eSet(feature, value);
				case INTEGER -> element.eSet(feature, Integer.valueOf(value));
				case DECIMAL -> element.eSet(feature, new BigDecimal(value));
				case BOOLEAN -> element.eSet(feature, Boolean.valueOf(value));
				case CHOICE -> element.eSet(feature, literal((EEnum) feature.getEType(), value, property));
				case QUANTITY -> setQuantity(element, feature, value);
				case REFERENCE -> element.eSet(feature, target(element, (EReference) feature, value, property));
				case READ_ONLY -> throw new ModelEditException(property.displayName() + " is edited in the text.");
			}
		};
	}

	private static Object literal(EEnum type, String text, Property property) {
		EEnumLiteral literal = type.getEEnumLiteralByLiteral(text);
		if (literal == null) {
			throw new ModelEditException("'" + text + "' is not a " + property.displayName().toLowerCase(Locale.ROOT)
					+ "; choose one of " + String.join(", ", property.choices()) + ".");
		}
		return literal.getInstance();
	}

	private static void setQuantity(EObject element, EStructuralFeature feature, String text) {
		Matcher matcher = QUANTITY.matcher(text);
		matcher.matches();
		Quantity quantity = element.eGet(feature) instanceof Quantity existing ? existing : ZcFactory.eINSTANCE.createQuantity();
		quantity.setValue(new BigDecimal(matcher.group(1)));
		quantity.setUnit(matcher.group(2) == null ? null : matcher.group(2).strip());
		if (quantity.eContainer() == null) {
			element.eSet(feature, quantity);
		}
	}

	/** The element visible under the name from the element's reference. */
	private static EObject target(EObject element, EReference reference, String name, Property property) {
		XtextResource resource = (XtextResource) element.eResource();
		IQualifiedNameConverter names = resource.getResourceServiceProvider().get(IQualifiedNameConverter.class);
		IEObjectDescription found = resource.getResourceServiceProvider().get(IScopeProvider.class)
				.getScope(element, reference).getSingleElement(names.toQualifiedName(name));
		if (found == null) {
			throw new ModelEditException("There is no " + property.displayName().toLowerCase(Locale.ROOT) + " named '"
					+ name + "' that can be used here.");
		}
		return EcoreUtil.resolve(found.getEObjectOrProxy(), element);
	}
}
