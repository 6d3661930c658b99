package org.zerocarbon.lang.validation;

import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.validation.Check;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.lang.units.ExpectedKinds.Expectation;
import org.zerocarbon.model.zc.Comparison;
import org.zerocarbon.model.zc.ComparisonOperator;
import org.zerocarbon.model.zc.Expression;
import org.zerocarbon.model.zc.NameLiteral;
import org.zerocarbon.model.zc.PathExpression;
import org.zerocarbon.model.zc.Quantifier;
import org.zerocarbon.model.zc.QuantityLiteral;
import org.zerocarbon.model.zc.Variable;
import org.zerocarbon.model.zc.ZcPackage;
import org.zerocarbon.model.zc.ZcPackage.Literals;

/**
 * Criteria written as data: quantified variables are metamodel classes, attribute paths name features of them (or,
 * through an abstract type such as Provider, of a subclass), comparisons compare values of one kind.
 */
public class CriteriaValidator extends ZcRuleValidator {

	@Check
	public void checkVariableType(Variable variable) {
		if (variable.getType() != null && classNamed(variable.getType()) == null) {
			String close = closest(variable.getType(), ZcPackage.eINSTANCE.getEClassifiers().stream()
					.filter(c -> c instanceof EClass eClass && !eClass.isAbstract()).map(EClassifier::getName).toList());
			error("Unknown element type '" + variable.getType() + "'" + (close == null ? "" : "; did you mean '" + close + "'?")
					+ " Types are metamodel class names such as Machine, Meter, Asset, Line", variable, Literals.VARIABLE__TYPE,
					ZcIssueCodes.UNKNOWN_TYPE, close == null ? new String[0] : new String[] { close });
		}
	}

	@Check
	public void checkPath(PathExpression path) {
		resolvePath(path, true);
	}

	@Check
	public void checkQuantifierCollection(Quantifier quantifier) {
		if (!(quantifier.getCollection() instanceof PathExpression collection) || collection.getFeatures().isEmpty()) {
			return;
		}
		EStructuralFeature feature = resolvePath(collection, false);
		if (feature == null) {
			return;
		}
		if (!(feature instanceof EReference) || !feature.isMany()) {
			error("'" + feature.getName() + "' is not a list of elements, so '" + quantifier.getVariable().getName()
					+ "' cannot range over it", quantifier, Literals.QUANTIFIER__COLLECTION, ZcIssueCodes.NOT_A_COLLECTION);
			return;
		}
		EClass type = classNamed(quantifier.getVariable().getType());
		if (type != null && !type.isSuperTypeOf(((EReference) feature).getEReferenceType())
				&& !((EReference) feature).getEReferenceType().isSuperTypeOf(type)) {
			error("'" + feature.getName() + "' holds " + ((EReference) feature).getEReferenceType().getName() + " elements, not "
					+ type.getName(), quantifier.getVariable(), Literals.VARIABLE__TYPE, ZcIssueCodes.NOT_A_COLLECTION);
		}
	}

	@Check
	public void checkComparison(Comparison comparison) {
		Expression left = comparison.getLeft();
		Expression right = comparison.getRight();
		if (!(left instanceof PathExpression path)) {
			return;
		}
		EStructuralFeature feature = resolvePath(path, false);
		if (feature == null) {
			return;
		}
		if (right instanceof QuantityLiteral literal && literal.getValue() != null) {
			Expectation expected = ExpectedKinds.of(feature);
			if (!(feature instanceof EReference reference) || reference.getEReferenceType() != ZcPackage.Literals.QUANTITY) {
				error("'" + feature.getName() + "' is not a quantity, so it cannot be compared with " + text(literal.getValue()), comparison,
						Literals.COMPARISON__RIGHT, ZcIssueCodes.INCOMPATIBLE_COMPARISON);
			} else if (expected != null && literal.getValue().getUnit() != null
					&& expected.kinds().stream().noneMatch(k -> k.accepts(literal.getValue().getUnit()))) {
				error("'" + feature.getName() + "' is " + expected.describe() + ", so it cannot be compared with "
						+ text(literal.getValue()), comparison, Literals.COMPARISON__RIGHT, ZcIssueCodes.INCOMPATIBLE_COMPARISON);
			}
		} else if (right instanceof NameLiteral literal && literal.getValue() != null) {
			if (!(feature.getEType() instanceof EEnum eEnum)) {
				error("'" + feature.getName() + "' is not an enumeration, so it cannot be compared with '" + literal.getValue() + "'",
						comparison, Literals.COMPARISON__RIGHT, ZcIssueCodes.INCOMPATIBLE_COMPARISON);
			} else if (eEnum.getEEnumLiteralByLiteral(literal.getValue()) == null) {
				error("'" + literal.getValue() + "' is not a value of " + feature.getName() + "; expected one of "
						+ String.join(", ", eEnum.getELiterals().stream().map(l -> l.getLiteral()).toList()), comparison,
						Literals.COMPARISON__RIGHT, ZcIssueCodes.INCOMPATIBLE_COMPARISON);
			} else if (feature.isMany() != (comparison.getOperator() == ComparisonOperator.HAS)) {
				error(feature.isMany() ? "'" + feature.getName() + "' holds several values: test it with 'has'"
						: "'has' tests a list, but '" + feature.getName() + "' holds one value: use '='", comparison,
						Literals.COMPARISON__OPERATOR, ZcIssueCodes.INCOMPATIBLE_COMPARISON);
			}
		}
	}

	/** Walks a path through the metamodel; reports unknown features when asked; returns the last feature or null. */
	private EStructuralFeature resolvePath(PathExpression path, boolean report) {
		Variable variable = path.getVariable();
		if (variable == null || variable.eIsProxy()) {
			return null;
		}
		EClass current = classNamed(variable.getType());
		EStructuralFeature feature = null;
		for (int i = 0; i < path.getFeatures().size(); i++) {
			if (current == null) {
				if (report) {
					error("'" + feature.getName() + "' has no attributes to follow", path, Literals.PATH_EXPRESSION__FEATURES, i,
							ZcIssueCodes.UNKNOWN_FEATURE);
				}
				return null;
			}
			String name = path.getFeatures().get(i);
			feature = featureOf(current, name);
			if (feature == null) {
				if (report) {
					List<String> names = current.getEAllStructuralFeatures().stream().map(EStructuralFeature::getName).toList();
					String close = closest(name, names);
					error(current.getName() + " has no attribute '" + name + "'" + (close == null ? "" : "; did you mean '" + close + "'?"),
							path, Literals.PATH_EXPRESSION__FEATURES, i, ZcIssueCodes.UNKNOWN_FEATURE,
							close == null ? new String[0] : new String[] { close });
				}
				return null;
			}
			current = feature instanceof EReference reference ? reference.getEReferenceType() : null;
		}
		return feature;
	}

	/**
	 * A feature of a class or, for an abstract reference type such as Provider (a factor or a process), of one of its
	 * subclasses: {@code c.factor.kind} is the kind when the credit's provider is a factor.
	 */
	public static EStructuralFeature featureOf(EClass type, String name) {
		EStructuralFeature feature = type.getEStructuralFeature(name);
		if (feature != null) {
			return feature;
		}
		for (EClassifier classifier : ZcPackage.eINSTANCE.getEClassifiers()) {
			if (classifier instanceof EClass sub && sub != type && type.isSuperTypeOf(sub) && sub.getEStructuralFeature(name) != null) {
				return sub.getEStructuralFeature(name);
			}
		}
		return null;
	}

	/** The concrete or abstract metamodel class of that name (case-sensitive), or null. */
	public static EClass classNamed(String name) {
		return name != null && ZcPackage.eINSTANCE.getEClassifier(name) instanceof EClass eClass ? eClass : null;
	}

	static String closest(String name, List<String> candidates) {
		String lower = name.toLowerCase(Locale.ROOT);
		for (String candidate : candidates) {
			if (candidate.toLowerCase(Locale.ROOT).equals(lower)) {
				return candidate;
			}
		}
		for (String candidate : candidates) {
			String c = candidate.toLowerCase(Locale.ROOT);
			if (c.startsWith(lower) || lower.startsWith(c)) {
				return candidate;
			}
		}
		return null;
	}
}
