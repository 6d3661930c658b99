package org.zerocarbon.parameters;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.zerocarbon.model.zc.ArithmeticOperator;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.ParameterReference;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.QuantityOperation;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * Evaluates parameters and quantity expressions, with their units, into the {@link Quantity#getValue() value} and
 * {@link Quantity#getUnit() unit} of every expression node, so that every reader of a quantity (validators, the
 * engine, diagrams, reports) sees a number with a unit and needs to know nothing about parameters.
 * <p>
 * An evaluation is a function of the model and the overrides (a scenario's {@code set} values): running it again
 * with other overrides rewrites every expression node, so one loaded model can be evaluated for one scenario after
 * another. Nodes whose evaluation fails (a cycle, a unit mismatch, an unresolved parameter) get no value
 * ({@code null}), and the failure is returned as a {@link Problem} on the node, for the validator to report at its
 * line.
 * <p>
 * Hand-written: an expression evaluator over our own metamodel, with units through {@link ZcUnits} (Indriya); no
 * library evaluates EMF expression trees.
 */
public final class ParameterEvaluator {

	/** Issue codes, shared with the validator and docs/language.md. */
	public static final String CYCLE = "parameterCycle";
	public static final String UNIT_MISMATCH = "parameterUnitMismatch";
	public static final String UNRESOLVED = "parameterUnresolved";

	/**
	 * A failure to evaluate.
	 *
	 * @param where   the node (expression, parameter reference or parameter) to report it on
	 * @param code    one of {@link #CYCLE}, {@link #UNIT_MISMATCH}, {@link #UNRESOLVED}
	 * @param message the message, in the user's words
	 */
	public record Problem(EObject where, String code, String message) {
	}

	/** An evaluated value: a number in a unit (null: a plain number). */
	public record Value(double value, String unit) {

		@Override
		public String toString() {
			return format(value) + (unit == null || unit.isEmpty() ? "" : " " + unit);
		}
	}

	/** Thrown inside an evaluation; the problem is recorded once, at the innermost node. */
	private static final class Failure extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Failure() {
			super(null, null, false, false);
		}
	}

	private final Map<Parameter, Quantity> overrides;
	private final Map<Parameter, Value> values = new IdentityHashMap<>();
	private final Map<Parameter, Boolean> failed = new IdentityHashMap<>();
	private final Deque<Parameter> evaluating = new ArrayDeque<>();
	private final List<Problem> problems = new ArrayList<>();

	private ParameterEvaluator(Map<Parameter, Quantity> overrides) {
		this.overrides = overrides;
	}

	/**
	 * Evaluates every expression in {@code resources} with the parameters' own values.
	 *
	 * @return the problems found (empty when every expression has a value)
	 */
	public static List<Problem> evaluate(Iterable<? extends Resource> resources) {
		return evaluate(resources, Map.of());
	}

	/**
	 * Evaluates every expression in {@code resources}, taking {@code overrides}' value (itself a quantity or an
	 * expression, evaluated in the same run) instead of a parameter's own.
	 *
	 * @return the problems found (empty when every expression has a value)
	 */
	public static List<Problem> evaluate(Iterable<? extends Resource> resources, Map<Parameter, Quantity> overrides) {
		return evaluate(plan(resources, false), overrides);
	}

	/**
	 * What an evaluation visits: the parameters and the outermost expressions of the resources, found once. A model
	 * evaluated again and again with other overrides (the scenarios of a comparison) keeps its plan, so each
	 * evaluation costs its expressions, not a walk over the whole model.
	 */
	public static final class Plan {
		private final List<EObject> roots;

		private Plan(List<EObject> roots) {
			this.roots = roots;
		}

		/** How many parameters and outermost expressions it evaluates. */
		public int size() {
			return roots.size();
		}
	}

	/**
	 * The plan of {@code resources}.
	 *
	 * @param engineOnly leave out the scenarios' own expressions (their {@code set} values are evaluated when a
	 *                   scenario's overrides use them): what a calculation needs, not what validation checks
	 */
	public static Plan plan(Iterable<? extends Resource> resources, boolean engineOnly) {
		List<EObject> roots = new ArrayList<>();
		for (Resource resource : List.copyOf(asList(resources))) {
			for (TreeIterator<EObject> contents = resource.getAllContents(); contents.hasNext();) {
				EObject next = contents.next();
				if (engineOnly && next instanceof org.zerocarbon.model.zc.Scenario) {
					contents.prune();
				} else if (next instanceof Parameter) {
					roots.add(next);
				} else if (next instanceof Quantity quantity) {
					if (isExpression(quantity)) {
						roots.add(quantity);
					}
					contents.prune();
				}
			}
		}
		return new Plan(List.copyOf(roots));
	}

	/** Evaluates what {@code plan} holds with {@code overrides}; see {@link #evaluate(Iterable, Map)}. */
	public static List<Problem> evaluate(Plan plan, Map<Parameter, Quantity> overrides) {
		ParameterEvaluator evaluator = new ParameterEvaluator(overrides);
		for (EObject root : plan.roots) {
			if (root instanceof Parameter parameter) {
				evaluator.rootParameter(parameter);
			} else {
				evaluator.root((Quantity) root);
			}
		}
		return List.copyOf(evaluator.problems);
	}

	/**
	 * The value of one parameter in a model already evaluated with the same overrides, or of a quantity node; for
	 * hovers and the Properties view.
	 *
	 * @return the value, or null when the node has none (evaluation failed or not run)
	 */
	public static Value valueOf(Quantity quantity) {
		if (quantity == null || quantity.getValue() == null) {
			return null;
		}
		return new Value(quantity.getValue().doubleValue(), quantity.getUnit());
	}

	/** Whether the quantity is written as an expression or a parameter (not a plain number with a unit). */
	public static boolean isExpression(Quantity quantity) {
		return quantity instanceof QuantityOperation || quantity instanceof ParameterReference;
	}

	private static <T> List<T> asList(Iterable<T> items) {
		List<T> list = new ArrayList<>();
		items.forEach(list::add);
		return list;
	}

	private void root(Quantity quantity) {
		try {
			eval(quantity);
		} catch (Failure e) {
			// recorded where it happened; the nodes on the way up keep no value
		}
	}

	private void rootParameter(Parameter parameter) {
		try {
			parameter(parameter, parameter);
			if (overrides.containsKey(parameter) && parameter.getValue() != null && isExpression(parameter.getValue())) {
				root(parameter.getValue()); // its own expression is checked too, even when a scenario replaces it
			}
		} catch (Failure e) {
			// recorded where it happened
		}
	}

	private Value eval(Quantity quantity) {
		if (quantity instanceof ParameterReference reference) {
			clear(quantity);
			Parameter parameter = reference.getParameter();
			if (parameter == null || parameter.eIsProxy()) {
				throw fail(quantity, UNRESOLVED, "The parameter is not defined");
			}
			Value value = parameter(parameter, quantity);
			return store(quantity, value);
		}
		if (quantity instanceof QuantityOperation operation) {
			clear(quantity);
			Value left = eval(operation.getLeft());
			Value right = eval(operation.getRight());
			return store(quantity, combine(operation, left, right));
		}
		if (quantity.getValue() == null) {
			throw fail(quantity, UNRESOLVED, "A value is missing");
		}
		return new Value(quantity.getValue().doubleValue(), blankToNull(quantity.getUnit()));
	}

	private Value parameter(Parameter parameter, EObject at) {
		Value known = values.get(parameter);
		if (known != null) {
			return known;
		}
		if (failed.containsKey(parameter)) {
			throw new Failure();
		}
		if (evaluating.contains(parameter)) {
			List<Parameter> cycle = new ArrayList<>();
			for (var it = evaluating.descendingIterator(); it.hasNext();) {
				Parameter p = it.next();
				if (p == parameter || !cycle.isEmpty()) {
					cycle.add(p);
				}
			}
			cycle.add(parameter);
			String names = cycle.stream().map(ParameterEvaluator::name).collect(Collectors.joining(" → "));
			for (Parameter p : cycle.subList(0, cycle.size() - 1)) {
				failed.put(p, Boolean.TRUE);
				problems.add(new Problem(p, CYCLE, "The parameters form a cycle: " + names));
			}
			throw new Failure();
		}
		Quantity expression = overrides.containsKey(parameter) ? overrides.get(parameter) : parameter.getValue();
		if (expression == null) {
			throw fail(at, UNRESOLVED, "Parameter " + name(parameter) + " has no value");
		}
		evaluating.push(parameter);
		try {
			Value value = eval(expression);
			values.put(parameter, value);
			return value;
		} catch (Failure e) {
			failed.put(parameter, Boolean.TRUE);
			throw e;
		} finally {
			evaluating.pop();
		}
	}

	private Value combine(QuantityOperation operation, Value left, Value right) {
		ArithmeticOperator operator = operation.getOperator();
		String symbol = operator == null ? "?" : operator.getLiteral();
		if (operator == ArithmeticOperator.PLUS || operator == ArithmeticOperator.MINUS) {
			double r;
			String unit = left.unit() != null ? left.unit() : right.unit();
			if (left.unit() == null && right.unit() == null) {
				r = right.value();
			} else {
				String from = right.unit() == null ? null : right.unit();
				if (from == null || left.unit() == null || !ZcUnits.isCompatible(from, unit)) {
					throw fail(operation, UNIT_MISMATCH, "Cannot " + (operator == ArithmeticOperator.PLUS ? "add " : "subtract ") + right + " ("
							+ kind(right.unit()) + ") " + (operator == ArithmeticOperator.PLUS ? "to " : "from ") + left + " (" + kind(left.unit())
							+ "): the units must have the same dimension");
				}
				r = ZcUnits.convert(right.value(), from, unit);
			}
			return new Value(operator == ArithmeticOperator.PLUS ? left.value() + r : left.value() - r, unit);
		}
		boolean times = operator == ArithmeticOperator.TIMES;
		if (!times && right.value() == 0) {
			throw fail(operation, UNIT_MISMATCH, "Division by zero: " + left + " " + symbol + " " + right);
		}
		double value = times ? left.value() * right.value() : left.value() / right.value();
		if (right.unit() == null) {
			return new Value(value, left.unit());
		}
		if (left.unit() == null) {
			if (times) {
				return new Value(value, right.unit());
			}
			throw fail(operation, UNIT_MISMATCH, "Cannot divide the plain number " + left + " by " + right
					+ ": the result would have no unit we can write; divide a quantity with a unit instead");
		}
		String combined = left.unit() + (times ? "*" : "/") + (times ? right.unit() : inverted(right.unit()));
		if (ZcUnits.tryParse(combined).isEmpty()) {
			throw fail(operation, UNIT_MISMATCH, "The unit of " + left + " " + symbol + " " + right + " (" + combined + ") is not a unit we know");
		}
		if (ZcUnits.isCompatible(combined, "%")) {
			return new Value(ZcUnits.convert(value, combined, "%") / 100, null);
		}
		for (String simpler : new String[] { left.unit(), right.unit() }) {
			if (ZcUnits.isCompatible(combined, simpler)) {
				return new Value(ZcUnits.convert(value, combined, simpler), simpler);
			}
		}
		return new Value(value, combined);
	}

	/**
	 * {@code u} with its operators swapped, so that {@code a/} + the result reads as a divided by u in the units
	 * library's left-to-right syntax: {@code a/(m/s)} is written {@code a/m*s}.
	 */
	static String inverted(String unit) {
		StringBuilder out = new StringBuilder(unit.length());
		for (char c : unit.toCharArray()) {
			out.append(c == '*' ? '/' : c == '/' ? '*' : c);
		}
		return out.toString();
	}

	private Failure fail(EObject where, String code, String message) {
		problems.add(new Problem(where, code, message));
		return new Failure();
	}

	private static String kind(String unit) {
		if (unit == null) {
			return "a plain number";
		}
		return ZcUnits.kindOf(unit).map(QuantityKind::toString).map(k -> k.toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
				.orElse(unit);
	}

	private static void clear(Quantity quantity) {
		if (quantity.getValue() != null) {
			quantity.setValue(null);
		}
		if (quantity.getUnit() != null) {
			quantity.setUnit(null);
		}
	}

	private static Value store(Quantity quantity, Value value) {
		quantity.setValue(BigDecimal.valueOf(value.value()));
		quantity.setUnit(value.unit());
		return value;
	}

	private static String blankToNull(String unit) {
		return unit == null || unit.isBlank() ? null : unit;
	}

	/** A parameter's name qualified by its containers (Line.Machine.Param). */
	public static String name(Parameter parameter) {
		StringBuilder name = new StringBuilder(String.valueOf(parameter.getName()));
		for (EObject c = parameter.eContainer(); c != null; c = c.eContainer()) {
			if (c instanceof org.zerocarbon.model.zc.NamedElement named && named.getName() != null) {
				name.insert(0, named.getName() + ".");
			}
		}
		return name.toString();
	}

	/** A number for messages: up to 6 significant digits, no exponent for everyday magnitudes. */
	public static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return new BigDecimal(value).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
	}

	/** The parameters declared in {@code resources}, by qualified name (for hovers, reports and sensitivity). */
	public static Map<String, Parameter> parameters(Iterable<? extends Resource> resources) {
		Map<String, Parameter> found = new LinkedHashMap<>();
		for (Resource resource : asList(resources)) {
			for (TreeIterator<EObject> contents = resource.getAllContents(); contents.hasNext();) {
				EObject next = contents.next();
				if (next instanceof Parameter parameter) {
					found.putIfAbsent(name(parameter), parameter);
				} else if (next instanceof Quantity) {
					contents.prune();
				}
			}
		}
		return found;
	}
}
