package org.zerocarbon.core.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult.Status;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.model.zc.BinaryExpression;
import org.zerocarbon.model.zc.BooleanLiteral;
import org.zerocarbon.model.zc.Comparison;
import org.zerocarbon.model.zc.ComparisonOperator;
import org.zerocarbon.model.zc.Criterion;
import org.zerocarbon.model.zc.Expression;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.NameLiteral;
import org.zerocarbon.model.zc.NotExpression;
import org.zerocarbon.model.zc.PathExpression;
import org.zerocarbon.model.zc.Quantifier;
import org.zerocarbon.model.zc.QuantifierKind;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.QuantityLiteral;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.model.zc.StringLiteral;
import org.zerocarbon.model.zc.Variable;
import org.zerocarbon.units.ZcUnits;

/**
 * Evaluates the criteria rule-sets of a methodology against the loaded models. The criteria are data written
 * by standards engineers in the DSL's expression language; this class only interprets that language:
 * <ul>
 * <li>{@code every|some|no T x [in path] [where filter] satisfies body}: quantifies over the elements of type
 * {@code T} (by metamodel class name, subtypes included) in all loaded models, or over a path;</li>
 * <li>paths navigate features by name ({@code m.twin.loads}); a path through a missing value is absent;</li>
 * <li>comparisons convert quantities with units ({@code m.ratedPower > 5 kW} holds for 5.5 kW and for 6000 W),
 * compare enumeration values with names ({@code m.type = vmc}), elements by identity, and {@code has} tests
 * membership; a comparison with an absent value is false.</li>
 * </ul>
 * Outcome of a criterion: a top-level {@code every} passes when every element of its domain satisfies the body
 * (not applicable when the domain is empty), with each element as evidence; {@code some} passes when at least
 * one does; {@code no} when none does; any other expression is evaluated once.
 */
public final class CriteriaChecker {

	private final Measurements measurements;

	/** A checker without measured data: {@code m.measured} paths are absent. */
	public CriteriaChecker() {
		this(Measurements.NONE);
	}

	/** A checker whose criteria can use the measured facts of meters ({@code x.measured.coverage >= 95 %}). */
	public CriteriaChecker(Measurements measurements) {
		this.measurements = measurements == null ? Measurements.NONE : measurements;
	}

	/**
	 * Results of every criterion of the methodology's rule-sets and of the stand-alone rule-sets (criteria sets
	 * written outside any methodology) among the models, in the order they are written.
	 */
	public List<CriterionResult> check(Methodology methodology, ResourceSet models) {
		List<RuleSet> ruleSets = new ArrayList<>(methodology.getRuleSets());
		ruleSets.addAll(new ModelSet(models).standaloneRuleSets());
		return check(ruleSets, models);
	}

	/** Results of every criterion of the given rule-sets, in order. */
	public List<CriterionResult> check(List<RuleSet> ruleSets, ResourceSet models) {
		MeasuredFacts.attach(models, measurements);
		List<CriterionResult> results = new ArrayList<>();
		for (RuleSet ruleSet : ruleSets) {
			for (Criterion criterion : ruleSet.getCriteria()) {
				results.add(check(ruleSet, criterion, models));
			}
		}
		return results;
	}

	private CriterionResult check(RuleSet ruleSet, Criterion criterion, ResourceSet models) {
		String id = ruleSet.getName() + "." + criterion.getName();
		String clause = criterion.getClause() != null ? criterion.getClause() : ruleSet.getReference();
		String severity = criterion.getSeverity() == null ? "error" : criterion.getSeverity().getLiteral();
		String title = criterion.getDescription() != null ? criterion.getDescription() : criterion.getName();
		Evaluation evaluation = new Evaluation(models);
		try {
			Expression condition = criterion.getCondition();
			if (condition instanceof Quantifier quantifier) {
				List<EObject> domain = evaluation.domain(quantifier, new HashMap<>());
				List<Evidence> evidence = new ArrayList<>();
				int satisfied = 0;
				for (EObject element : domain) {
					Map<Variable, Object> scope = new HashMap<>();
					scope.put(quantifier.getVariable(), element);
					boolean ok = evaluation.truth(quantifier.getBody(), scope);
					satisfied += ok ? 1 : 0;
					evidence.add(new Evidence(FootprintCalculator.qualifiedName(element), EcoreUtil.getURI(element).toString(), ok,
							ok ? "satisfied" : criterion.getMessage()));
				}
				if (domain.isEmpty()) {
					return new CriterionResult(id, title, clause, severity, Status.NOT_APPLICABLE,
							"No " + quantifier.getVariable().getType() + " in the models the criterion applies to.", List.of());
				}
				boolean pass = switch (quantifier.getKind()) {
					case EVERY -> satisfied == domain.size();
					case SOME -> satisfied > 0;
					case NO -> satisfied == 0;
				};
				String message = pass ? satisfied + " of " + domain.size() + " satisfied"
						: criterion.getMessage() + " (" + (quantifier.getKind() == QuantifierKind.NO ? satisfied : domain.size() - satisfied)
								+ " of " + domain.size() + ")";
				return new CriterionResult(id, title, clause, severity, pass ? Status.PASS : Status.FAIL, message, evidence);
			}
			boolean pass = evaluation.truth(condition, new HashMap<>());
			return new CriterionResult(id, title, clause, severity, pass ? Status.PASS : Status.FAIL,
					pass ? "satisfied" : criterion.getMessage(), List.of());
		} catch (CalculationException e) {
			return new CriterionResult(id, title, clause, severity, Status.FAIL, "Cannot evaluate the criterion: " + e.getMessage(),
					List.of());
		}
	}

	/** Evaluation of the expression language over one resource set. */
	private static final class Evaluation {
		private final ResourceSet models;
		private final Map<String, List<EObject>> instancesByType = new HashMap<>();

		Evaluation(ResourceSet models) {
			this.models = models;
		}

		List<EObject> domain(Quantifier quantifier, Map<Variable, Object> scope) {
			String type = quantifier.getVariable().getType();
			Collection<?> candidates = quantifier.getCollection() == null ? instances(type)
					: asCollection(value(quantifier.getCollection(), scope));
			List<EObject> domain = new ArrayList<>();
			for (Object candidate : candidates) {
				if (candidate instanceof EObject element && isA(element.eClass(), type)) {
					if (quantifier.getFilter() != null) {
						Map<Variable, Object> inner = new HashMap<>(scope);
						inner.put(quantifier.getVariable(), element);
						if (!truth(quantifier.getFilter(), inner)) {
							continue;
						}
					}
					domain.add(element);
				}
			}
			return domain;
		}

		boolean truth(Expression expression, Map<Variable, Object> scope) {
			if (expression instanceof BinaryExpression binary) {
				boolean left = truth(binary.getLeft(), scope);
				return switch (binary.getOperator()) {
					case AND -> left && truth(binary.getRight(), scope);
					case OR -> left || truth(binary.getRight(), scope);
					case IMPLIES -> !left || truth(binary.getRight(), scope);
				};
			}
			if (expression instanceof NotExpression not) {
				return !truth(not.getOperand(), scope);
			}
			if (expression instanceof Quantifier quantifier) {
				List<EObject> domain = domain(quantifier, scope);
				int satisfied = 0;
				for (EObject element : domain) {
					Map<Variable, Object> inner = new HashMap<>(scope);
					inner.put(quantifier.getVariable(), element);
					if (truth(quantifier.getBody(), inner)) {
						satisfied++;
						if (quantifier.getKind() == QuantifierKind.SOME) {
							return true;
						}
					}
				}
				return switch (quantifier.getKind()) {
					case EVERY -> satisfied == domain.size();
					case SOME -> false;
					case NO -> satisfied == 0;
				};
			}
			if (expression instanceof Comparison comparison) {
				return compare(value(comparison.getLeft(), scope), comparison.getOperator(), comparison.getRight(), scope);
			}
			Object value = value(expression, scope);
			if (value instanceof Boolean bool) {
				return bool;
			}
			throw new CalculationException("'" + describe(expression) + "' is not a condition (true or false)");
		}

		private boolean compare(Object left, ComparisonOperator operator, Expression rightExpression, Map<Variable, Object> scope) {
			if (operator == ComparisonOperator.HAS) {
				Object right = value(rightExpression, scope);
				for (Object member : asCollection(left)) {
					if (equal(member, right, rightExpression)) {
						return true;
					}
				}
				return false;
			}
			Object right = value(rightExpression, scope);
			if (left == null || right == null) {
				return false;
			}
			if (operator == ComparisonOperator.EQ || operator == ComparisonOperator.NE) {
				boolean equal = equal(left, right, rightExpression);
				return operator == ComparisonOperator.EQ ? equal : !equal;
			}
			double[] numbers = numbers(left, right, rightExpression);
			return switch (operator) {
				case LT -> numbers[0] < numbers[1];
				case LE -> numbers[0] <= numbers[1];
				case GT -> numbers[0] > numbers[1];
				case GE -> numbers[0] >= numbers[1];
				default -> false;
			};
		}

		private boolean equal(Object left, Object right, Expression rightExpression) {
			if (left instanceof Enumerator literal && right instanceof String name) {
				return literal.getLiteral().equals(name) || literal.getName().equalsIgnoreCase(name);
			}
			if (left instanceof Quantity || right instanceof Quantity || left instanceof Number) {
				if (right == null) {
					return false;
				}
				double[] numbers = numbers(left, right, rightExpression);
				return numbers[0] == numbers[1];
			}
			return Objects.equals(left, right);
		}

		/** Both sides as numbers in the left side's unit. */
		private double[] numbers(Object left, Object right, Expression rightExpression) {
			if (left instanceof Quantity l && right instanceof Quantity r) {
				String unit = l.getUnit() == null ? "" : l.getUnit();
				try {
					double rightValue = r.getUnit() == null || r.getUnit().isEmpty() || unit.isEmpty() ? r.getValue().doubleValue()
							: ZcUnits.convert(r.getValue().doubleValue(), r.getUnit(), unit);
					return new double[] { l.getValue().doubleValue(), rightValue };
				} catch (IllegalArgumentException e) {
					throw new CalculationException("cannot compare " + l.getValue().toPlainString() + " " + unit + " with '"
							+ describe(rightExpression) + "': " + e.getMessage());
				}
			}
			Double l = left instanceof Number n ? Double.valueOf(n.doubleValue())
					: left instanceof Quantity q ? Double.valueOf(q.getValue().doubleValue()) : null;
			Double r = right instanceof Number n ? Double.valueOf(n.doubleValue())
					: right instanceof Quantity q ? Double.valueOf(q.getValue().doubleValue()) : null;
			if (l == null || r == null) {
				throw new CalculationException("'" + describe(rightExpression) + "' cannot be compared by size with " + left);
			}
			return new double[] { l, r };
		}

		Object value(Expression expression, Map<Variable, Object> scope) {
			if (expression instanceof PathExpression path) {
				Object current = scope.get(path.getVariable());
				for (String featureName : path.getFeatures()) {
					if (current == null) {
						return null;
					}
					if (!(current instanceof EObject element)) {
						throw new CalculationException("'" + describe(path) + "': cannot navigate '" + featureName + "' from a value");
					}
					EStructuralFeature feature = element.eClass().getEStructuralFeature(featureName);
					if (feature == null) {
						throw new CalculationException("'" + describe(path) + "': " + element.eClass().getName() + " has no '" + featureName + "'");
					}
					current = element.eGet(feature);
				}
				return current;
			}
			if (expression instanceof QuantityLiteral literal) {
				return literal.getValue();
			}
			if (expression instanceof StringLiteral literal) {
				return literal.getValue();
			}
			if (expression instanceof BooleanLiteral literal) {
				return literal.isValue();
			}
			if (expression instanceof NameLiteral literal) {
				return literal.getValue();
			}
			return truth(expression, scope);
		}

		private List<EObject> instances(String type) {
			return instancesByType.computeIfAbsent(type, t -> {
				List<EObject> result = new ArrayList<>();
				for (Resource resource : List.copyOf(models.getResources())) {
					for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
						EObject element = it.next();
						if (isA(element.eClass(), t)) {
							result.add(element);
						}
					}
				}
				result.sort(FootprintCalculator.BY_NAME);
				return result;
			});
		}

		private static boolean isA(EClass eClass, String type) {
			return eClass.getName().equals(type) || eClass.getEAllSuperTypes().stream().anyMatch(s -> s.getName().equals(type));
		}

		private static Collection<?> asCollection(Object value) {
			if (value == null) {
				return List.of();
			}
			return value instanceof Collection<?> collection ? collection : List.of(value);
		}

		private static String describe(Expression expression) {
			if (expression instanceof PathExpression path) {
				return (path.getVariable() == null ? "?" : path.getVariable().getName())
						+ (path.getFeatures().isEmpty() ? "" : "." + String.join(".", path.getFeatures()));
			}
			if (expression instanceof QuantityLiteral literal && literal.getValue() != null) {
				BigDecimal value = literal.getValue().getValue();
				return (value == null ? "?" : value.toPlainString()) + " " + Objects.toString(literal.getValue().getUnit(), "");
			}
			if (expression instanceof NameLiteral literal) {
				return literal.getValue();
			}
			return expression.eClass().getName();
		}
	}
}
