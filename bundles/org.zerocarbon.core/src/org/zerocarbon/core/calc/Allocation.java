package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zerocarbon.model.zc.AllocationKind;
import org.zerocarbon.model.zc.AllocationRule;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ProcessFunction;
import org.zerocarbon.model.zc.Quantity;

/**
 * The allocation of a multi-function machine (e.g. a mill-turn centre that mills and turns) between its
 * {@link ProcessFunction functions}, by the rule the methodology names for the machine's type (ISO 14044 4.3.4:
 * the inputs of a multi-output process are partitioned between its outputs). The factors come from the amounts
 * the functions declare for the rule's basis (hours, capacity, output, mass, energy, economic value) or are
 * declared directly (shares); either way they are checked to add up to 1.
 * <p>
 * The footprint calculator then splits the machine's process in the product system into one process per function,
 * each demanding its factor of the machine (see {@link FootprintCalculator}).
 */
final class Allocation {

	/** Relative tolerance of the sum of the factors. */
	static final double TOLERANCE = 1e-9;

	/**
	 * @param machine the allocated machine
	 * @param rule    the methodology's rule that applies to it
	 * @param unit    the unit of the basis amounts ("" for bare numbers such as economic values)
	 * @param shares  the functions in declaration order, with their amount and factor
	 */
	record Result(Machine machine, AllocationRule rule, String unit, List<Share> shares) {

		/** The basis as the methodology writes it, e.g. "hours". */
		String basis() {
			return rule.getBasis().getLiteral();
		}

		/** The rule as written in the methodology, e.g. "allocation by hours for millturn". */
		String describe() {
			return Allocation.describe(rule);
		}
	}

	/** One function's part: its basis amount (in {@link Result#unit()}) and its allocation factor (0..1). */
	record Share(ProcessFunction function, double amount, double factor) {
	}

	private Allocation() {
	}

	/**
	 * The rule of the methodology for the machine: the first rule naming the machine's type, otherwise the first
	 * rule without a type, otherwise null.
	 */
	static AllocationRule ruleFor(Machine machine, Methodology methodology) {
		AllocationRule general = null;
		for (AllocationRule rule : methodology.getAllocations()) {
			if (rule.isSetMachineType()) {
				if (rule.getMachineType() == machine.getType()) {
					return rule;
				}
			} else if (general == null) {
				general = rule;
			}
		}
		return general;
	}

	/**
	 * Allocates a machine that declares functions.
	 *
	 * @return the allocation, or null when the machine declares no function or the methodology has no rule for it
	 *         (then a note says the machine is reported undivided)
	 * @throws CalculationException naming the function at fault when a function lacks the rule's basis amount, the
	 *                              amounts cannot be compared, or the factors do not add up to 1
	 */
	static Result of(Machine machine, Methodology methodology, List<String> notes) {
		List<ProcessFunction> functions = machine.getFunctions();
		if (functions.isEmpty()) {
			return null;
		}
		AllocationRule rule = ruleFor(machine, methodology);
		String where = "machine " + machine.getName();
		if (rule == null || rule.getBasis() == null) {
			notes.add("Machine " + machine.getName() + " declares " + functions.size() + " functions, but the methodology has no allocation rule for "
					+ (machine.getType() == null ? "its type" : machine.getType().getLiteral() + " machines") + ": its footprint is reported undivided.");
			return null;
		}
		AllocationKind basis = rule.getBasis();
		String keyword = keyword(basis);
		String unit = null;
		List<Share> shares = new ArrayList<>();
		double sum = 0;
		for (ProcessFunction function : functions) {
			Quantity quantity = amountOf(function, basis);
			if (quantity == null || quantity.getValue() == null) {
				throw new CalculationException(function, "The methodology allocates " + where + " by " + basis.getLiteral() + " ('" + describe(rule)
						+ "'), but its function " + function.getName() + " declares no " + keyword + ": add '" + keyword + " <amount>' to every function of "
						+ machine.getName());
			}
			if (unit == null) {
				unit = basis == AllocationKind.DECLARED ? "%" : quantity.getUnit() == null ? "" : quantity.getUnit();
			}
			if (unit.isEmpty() != (quantity.getUnit() == null)) {
				throw new CalculationException(function, "The " + keyword + " amounts of the functions of " + where + " must all be bare "
						+ "numbers or all have a unit; function " + function.getName() + (quantity.getUnit() == null ? " has none" : " has '"
								+ quantity.getUnit() + "'"));
			}
			double amount = unit.isEmpty() ? quantity.getValue().doubleValue()
					: Quantities.in(quantity, unit, where + ", function " + function.getName() + ", " + keyword);
			if (amount < 0 || !Double.isFinite(amount)) {
				throw new CalculationException(function, "The " + keyword + " of function " + function.getName() + " of " + where
						+ " must not be negative");
			}
			shares.add(new Share(function, amount, 0));
			sum += amount;
		}
		if (basis == AllocationKind.DECLARED) {
			if (Math.abs(sum - 100) > 100 * TOLERANCE) {
				throw new CalculationException(machine, "The declared allocation shares of the functions of " + where + " add up to "
						+ String.format(Locale.ROOT, "%s %%", FootprintCalculator.format(sum)) + ", not 100 %");
			}
		} else if (!(sum > 0)) {
			throw new CalculationException(machine, "The " + keyword + " of every function of " + where + " is zero: the methodology's '"
					+ describe(rule) + "' cannot split the machine");
		}
		List<Share> result = new ArrayList<>();
		double total = 0;
		for (Share share : shares) {
			double factor = share.amount() / sum;
			total += factor;
			result.add(new Share(share.function(), share.amount(), factor));
		}
		if (Math.abs(total - 1) > TOLERANCE) { // cannot happen with amounts divided by their sum; kept as the rule's own check
			throw new CalculationException(machine, "The allocation factors of " + where + " add up to " + total + ", not 1");
		}
		return new Result(machine, rule, unit, result);
	}

	private static String describe(AllocationRule rule) {
		return "allocation by " + rule.getBasis().getLiteral() + (rule.isSetMachineType() ? " for " + rule.getMachineType().getLiteral() : "");
	}

	/** The amount a function declares for a basis, or null. */
	static Quantity amountOf(ProcessFunction function, AllocationKind basis) {
		return switch (basis) {
			case OPERATING_HOURS -> function.getHours();
			case CAPACITY -> function.getCapacity();
			case OUTPUT -> function.getOutput();
			case MASS -> function.getMass();
			case ENERGY -> function.getEnergy();
			case ECONOMIC -> function.getValue();
			case DECLARED -> function.getShare();
		};
	}

	/** The statement a function writes the basis amount with, e.g. "hours" or "value". */
	static String keyword(AllocationKind basis) {
		return switch (basis) {
			case OPERATING_HOURS -> "hours";
			case CAPACITY -> "capacity";
			case OUTPUT -> "output";
			case MASS -> "mass";
			case ENERGY -> "energy";
			case ECONOMIC -> "value";
			case DECLARED -> "share";
		};
	}
}
