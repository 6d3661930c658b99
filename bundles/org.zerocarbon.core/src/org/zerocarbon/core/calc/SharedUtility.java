package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.UtilitySupply;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * What a shared utility (compressed air, cooling, vacuum ...) delivers over a line's life and to whom: each
 * machine's demand (a rate over the operating time or over the time it spends in one energy state, or an amount
 * per year), the total delivered, and the amount generated once leaks are counted
 * ({@code delivered / (1 − leakage)}). The footprint calculator makes the utility a process of the product system
 * whose reference output is what it delivers and makes each machine demand its part, so the utility's footprint
 * (leaks included) is allocated in proportion to demand and counted once.
 */
final class SharedUtility {

	/** A machine's demand over the assessed period, in {@link Result#unit()}. */
	record Demand(Machine machine, double amount) {
	}

	/**
	 * @param utility   the utility
	 * @param unit      the unit of its product as reported: "Nm3" or "m3" (a volume), "kWh" (an energy)
	 * @param demands   per supply statement, in declaration order
	 * @param delivered the sum of the demands
	 * @param leakage   the share (0..1) of what it generates that leaks
	 */
	record Result(Utility utility, String unit, List<Demand> demands, double delivered, double leakage) {

		/** What it generates: what it delivers plus what leaks. */
		double generated() {
			return delivered / (1 - leakage);
		}

		/** The unit calculations use: "m3" for volumes (Nm3 is the same unit), "kWh" for energies. */
		String calculationUnit() {
			return "kWh".equals(unit) ? "kWh" : "m3";
		}
	}

	private SharedUtility() {
	}

	/**
	 * The demands on a utility over {@code life} years of {@code hours} operating hours.
	 *
	 * @throws CalculationException at the supply statement when its amount is neither a volume nor an energy (rate or
	 *                              per year), or the utility mixes the two, or leaks are 100 % or more
	 */
	static Result of(Utility utility, double hours, double life, List<String> notes) {
		String where = "utility " + utility.getName();
		String unit = null;
		List<Demand> demands = new ArrayList<>();
		double delivered = 0;
		for (UtilitySupply supply : utility.getSupplies()) {
			Quantity amount = supply.getAmount();
			Optional<QuantityKind> kind = amount == null || amount.getUnit() == null ? Optional.empty() : ZcUnits.kindOf(amount.getUnit());
			boolean volume = kind.filter(k -> k == QuantityKind.VOLUME || k == QuantityKind.VOLUME_FLOW).isPresent();
			boolean energy = kind.filter(k -> k == QuantityKind.ENERGY || k == QuantityKind.POWER).isPresent();
			if (!volume && !energy) {
				throw new CalculationException(supply, where + " supplies " + (amount == null ? "nothing" : amount.getValue() + " " + amount.getUnit())
						+ " to " + name(supply.getMachine()) + ": the amount must be a volume or an energy, per hour or per year");
			}
			String product = volume ? (amount.getUnit().startsWith("Nm3") ? "Nm3" : "m3") : "kWh";
			if (unit == null) {
				unit = product;
			} else if (volume != !"kWh".equals(unit)) {
				throw new CalculationException(supply, where + " supplies both volumes and energies; a utility delivers one product");
			}
			double value = demand(supply, volume, hours, life, where, notes);
			demands.add(new Demand(supply.getMachine(), value));
			delivered += value;
		}
		double leakage = utility.getLeakage() == null ? 0 : Quantities.fraction(utility.getLeakage(), where + ", leaks");
		if (!(leakage >= 0 && leakage < 1)) {
			throw new CalculationException(utility.getLeakage(), where + " leaks " + FootprintCalculator.format(100 * leakage)
					+ " % of what it generates; leaks must be below 100 %");
		}
		return new Result(utility, unit == null ? "m3" : unit, demands, delivered, leakage);
	}

	/** One supply's demand over the life, in m3 or kWh. */
	private static double demand(UtilitySupply supply, boolean volume, double hours, double life, String where, List<String> notes) {
		String context = where + ", supply of " + name(supply.getMachine());
		if (supply.isAnnual()) {
			return Quantities.in(supply.getAmount(), volume ? "m3" : "kWh", context) * life;
		}
		double perHour = Quantities.in(supply.getAmount(), volume ? "m3/h" : "kW", context);
		double share = 1;
		if (supply.isSetState()) {
			share = 0;
			boolean found = false;
			for (StateUse state : supply.getMachine().getStates()) {
				if (state.getState() == supply.getState()) {
					share += Quantities.fraction(state.getShare(), context + ", state " + state.getState().getLiteral());
					found = true;
				}
			}
			if (!found) {
				notes.add("Machine " + name(supply.getMachine()) + " declares no " + supply.getState().getLiteral() + " state: it draws nothing from "
						+ where + " in that state.");
			}
		}
		return perHour * share * hours * life;
	}

	private static String name(Machine machine) {
		return machine == null ? "?" : machine.getName();
	}
}
