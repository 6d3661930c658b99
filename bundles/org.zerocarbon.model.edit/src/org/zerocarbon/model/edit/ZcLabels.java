package org.zerocarbon.model.edit;

import java.util.Locale;
import java.util.MissingResourceException;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.common.util.Enumerator;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage;
import org.zerocarbon.model.zc.provider.ZcEditPlugin;

/**
 * Labels of model elements: what the element is, its name, and its key figure, e.g. "Machine VMC1 (25 kW)",
 * "Material Flow TC1 → VMC1 (12 parts/h)", "State Use standby (1.8 kW)". Written for every class of the
 * metamodel from its structure, so classes added later get good labels too: the name is the {@code name}, or for
 * an unnamed element its source and target, its first enumeration value or text; the key figure is its first
 * quantity (a process's: its reference output).
 */
public final class ZcLabels {

	private ZcLabels() {
	}

	/** The label of an element; a quantity's label is its value and unit. */
	public static String label(EObject element) {
		if (element instanceof Quantity quantity) {
			return text(quantity);
		}
		StringBuilder label = new StringBuilder(typeName(element.eClass()));
		String name = name(element);
		if (name != null && !name.isEmpty()) {
			label.append(' ').append(name);
		}
		String figure = keyFigure(element);
		if (figure != null) {
			label.append(" (").append(figure).append(')');
		}
		return label.toString();
	}

	/** The name of the element's class for people, e.g. "Emission Factor". */
	public static String typeName(EClass type) {
		try {
			return ZcEditPlugin.INSTANCE.getString("_UI_" + type.getName() + "_type");
		} catch (MissingResourceException e) {
			return words(type.getName());
		}
	}

	/** The display name of a feature, e.g. "Rated Power". */
	public static String featureName(EStructuralFeature feature) {
		try {
			return ZcEditPlugin.INSTANCE
					.getString("_UI_" + feature.getEContainingClass().getName() + "_" + feature.getName() + "_feature");
		} catch (MissingResourceException e) {
			return words(feature.getName());
		}
	}

	/** What names the element: its name, "source → target" for a flow, else its first value that reads as a name. */
	public static String name(EObject element) {
		if (element instanceof NamedElement named) {
			return named.getName();
		}
		if (element instanceof MaterialFlow flow) {
			return nameOf(flow.getSource()) + " → " + nameOf(flow.getTarget());
		}
		for (EStructuralFeature feature : element.eClass().getEAllStructuralFeatures()) {
			if (feature.isMany() || !element.eIsSet(feature)) {
				continue;
			}
			Object value = element.eGet(feature);
			if (feature instanceof EAttribute attribute && (attribute.getEType() instanceof EEnum
					|| attribute.getEType() == EcorePackage.Literals.ESTRING)) {
				return value instanceof Enumerator literal ? literal.getLiteral() : String.valueOf(value);
			}
			if (feature instanceof EReference reference && !reference.isContainment() && value instanceof NamedElement target) {
				return target.getName();
			}
		}
		return null;
	}

	/** The element's first quantity as written, e.g. "25 kW", or {@code null}. */
	public static String keyFigure(EObject element) {
		if (element instanceof org.zerocarbon.model.zc.Process process && process.getOutput() != null
				&& process.getOutput().getAmount() != null) {
			return "output " + text(process.getOutput().getAmount()); // a process's figure is its reference output
		}
		for (EReference reference : element.eClass().getEAllContainments()) {
			if (!reference.isMany() && reference.getEReferenceType() == ZcPackage.Literals.QUANTITY
					&& element.eGet(reference) instanceof Quantity quantity) {
				return text(quantity);
			}
		}
		return null;
	}

	/**
	 * A quantity as written in the DSL: "25 kW", "0.38 kgCO2e/kWh", "3" (no unit); an expression with its evaluated
	 * value: "Spindle + 4 kW = 19 kW".
	 */
	public static String text(Quantity quantity) {
		if (quantity instanceof org.zerocarbon.model.zc.QuantityOperation || quantity instanceof org.zerocarbon.model.zc.ParameterReference) {
			return expression(quantity, 0) + " = " + literal(quantity);
		}
		return literal(quantity);
	}

	private static String literal(Quantity quantity) {
		String value = quantity.getValue() == null ? "?" : quantity.getValue().stripTrailingZeros().toPlainString();
		return quantity.getUnit() == null || quantity.getUnit().isEmpty() ? value : value + " " + quantity.getUnit();
	}

	/** An expression in the DSL's syntax, parenthesized where precedence needs it. */
	private static String expression(Quantity quantity, int outer) {
		if (quantity instanceof org.zerocarbon.model.zc.ParameterReference reference) {
			return reference.getParameter() == null || reference.getParameter().eIsProxy() ? "?" : nameOf(reference.getParameter());
		}
		if (quantity instanceof org.zerocarbon.model.zc.QuantityOperation operation) {
			var op = operation.getOperator();
			int precedence = op == org.zerocarbon.model.zc.ArithmeticOperator.TIMES || op == org.zerocarbon.model.zc.ArithmeticOperator.DIVIDE ? 2 : 1;
			String text = (operation.getLeft() == null ? "?" : expression(operation.getLeft(), precedence)) + " " + (op == null ? "?" : op.getLiteral())
					+ " " + (operation.getRight() == null ? "?" : expression(operation.getRight(), precedence + 1));
			return precedence < outer ? "(" + text + ")" : text;
		}
		String text = literal(quantity);
		// a literal with a unit is bracketed after '/' or '*' so that the unit does not swallow the operator
		return outer >= 2 && quantity.getUnit() != null && !quantity.getUnit().isEmpty() ? "(" + text + ")" : text;
	}

	private static String nameOf(NamedElement element) {
		return element == null || element.getName() == null ? "?" : element.getName();
	}

	/** "ratedPower" → "Rated Power". */
	static String words(String camelCase) {
		String spaced = camelCase.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
		return spaced.isEmpty() ? spaced : spaced.substring(0, 1).toUpperCase(Locale.ROOT) + spaced.substring(1);
	}
}
