package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Utility;

/**
 * The inventory of a line over its service life (openLCA's product-system builder, for one subject kind): the
 * activities of every machine and shared utility, the split of multi-function machines and what each utility
 * delivers to whom. {@link InventoryCalculation} turns it into a product system.
 *
 * @param line       the line
 * @param life       service life in years
 * @param hours      operating hours per year
 * @param activities every activity, in model order
 * @param topology   the equipment that owns the activities
 * @param notes      assumptions and missing data found while building it
 * @param missing    the element each missing-data note is about
 * @param measured   the measured data of the line's meters and what its reconciliation found
 */
record LineInventory(Line line, double life, double hours, List<Activity> activities, Topology topology, List<String> notes,
		Map<String, EObject> missing, MeasuredUse measured) {

	/** Stands for the line's electricity supply until its consumption is known ({@link #withSupply}). */
	static final ElectricitySupply.Mix PENDING = new ElectricitySupply.Mix("pending", null, 0, 0, 0);

	/** The line's electricity consumption per year (kWh), from its activities. */
	double annualKWh() {
		return activities.stream().filter(a -> a.mix() != null).mapToDouble(Activity::amount).sum() / life;
	}

	/** The inventory with its electricity drawn from {@code mix}, or left out (null mix). */
	LineInventory withSupply(ElectricitySupply.Mix mix) {
		List<Activity> supplied = new ArrayList<>();
		for (Activity a : activities) {
			if (a.mix() == null) {
				supplied.add(a);
			} else if (mix != null) {
				supplied.add(Activity.electricity(a.element(), a.module(), a.description(), a.amount(), mix, a.owner()));
			}
		}
		return new LineInventory(line, life, hours, supplied, topology, notes, missing, measured);
	}

	/**
	 * Builds the inventory of a line under a methodology (its service-life rule, allocation and accounting rules).
	 * Electricity activities draw on {@link #PENDING} until {@link #withSupply} is applied.
	 */
	static LineInventory of(Line line, Methodology methodology, Measurements measurements) {
		List<String> notes = new ArrayList<>();
		Map<String, EObject> missing = new java.util.HashMap<>();
		String where = "line " + line.getName();
		double life = serviceLifeYears(line, methodology, notes);
		double hours = line.getProfile() != null && line.getProfile().getHoursPerYear() != null
				? Quantities.in(line.getProfile().getHoursPerYear(), "h", where + ", hours per year")
				: missing(notes, where + " has no operating hours per year; 4,000 h assumed", 4000);
		notes.add("Use stage over " + format(life) + " years of " + format(hours) + " operating hours each.");
		ElectricitySupply.Mix grid = PENDING;
		Scope1 scope1 = new Scope1(methodology, notes);
		List<Activity> activities = new ArrayList<>();
		Map<EObject, Allocation.Result> allocations = new LinkedHashMap<>();
		List<EObject> owners = new ArrayList<>(line.getMachines());
		owners.addAll(line.getUtilities());
		MeasuredUse measured = new MeasuredUse(measurements, methodology);
		for (Machine machine : line.getMachines()) {
			MeasuredUse.Use use = measured.machine(machine, hours, life, notes);
			EquipmentInventory.Inventoried inventoried = EquipmentInventory.Inventoried.of(machine);
			EquipmentInventory.equipmentActivities(use == null ? inventoried : inventoried.withoutStates(), grid, life, hours, activities, notes,
					missing);
			if (use != null) {
				activities.addAll(MeasuredUse.activities(use, life, grid));
			}
			scope1.add(machine, machine, "machine " + machine.getName(), machine.getFuels(), machine.getRefrigerants(),
					machine.getProcessEmissions(), life, true, activities);
			Allocation.Result allocation = Allocation.of(machine, methodology, notes);
			if (allocation != null) {
				allocations.put(machine, allocation);
				notes.add("Machine " + machine.getName() + " is split between its functions by the methodology's '" + allocation.describe() + "': "
						+ String.join(", ", allocation.shares().stream().map(s -> s.function().getName() + " "
								+ String.format(Locale.ROOT, "%.2f %%", 100 * s.factor())).toList()) + ".");
			}
		}
		Map<Utility, SharedUtility.Result> utilities = new LinkedHashMap<>();
		for (Utility utility : line.getUtilities()) {
			SharedUtility.Result supplied = SharedUtility.of(utility, hours, life, notes);
			utilities.put(utility, supplied);
			EquipmentInventory.equipmentActivities(EquipmentInventory.Inventoried.of(utility), grid, life, hours, activities, notes, missing);
			EquipmentInventory.utilityElectricity(supplied, grid, life, activities, notes);
			scope1.add(utility, utility, "utility " + utility.getName(), utility.getFuels(), utility.getRefrigerants(),
					utility.getProcessEmissions(), life, true, activities);
			notes.add(EquipmentInventory.utilityNote(supplied));
		}
		notes.add("Spare parts (B4) are replaced ceil(life / interval) − 1 times; consumables (B2) used life / interval times.");
		return new LineInventory(line, life, hours, activities, new Topology(owners, allocations, utilities), notes, missing, measured);
	}

	private static double serviceLifeYears(Line line, Methodology methodology, List<String> notes) {
		String where = "line " + line.getName();
		if (line.getProfile() != null && line.getProfile().getServiceLife() != null) {
			double life = Quantities.in(line.getProfile().getServiceLife(), "a", where + ", service life");
			var rule = methodology.getServiceLife();
			if (rule != null && rule.getMinLife() != null && rule.getMaxLife() != null) {
				double min = Quantities.in(rule.getMinLife(), "a", "methodology service-life rule");
				double max = Quantities.in(rule.getMaxLife(), "a", "methodology service-life rule");
				if (life < min || life > max) {
					notes.add("The service life of " + format(life) + " years is outside the methodology's range " + format(min) + "–"
							+ format(max) + " years.");
				}
			}
			return life;
		}
		if (methodology.getServiceLife() != null && methodology.getServiceLife().getDefaultLife() != null) {
			double life = Quantities.in(methodology.getServiceLife().getDefaultLife(), "a", "methodology service life");
			notes.add(where + " states no service life; the methodology's reference service life of " + format(life) + " years is used.");
			return life;
		}
		return missing(notes, where + " states no service life and the methodology has none; 10 years assumed", 10);
	}

	private static double missing(List<String> notes, String note, double assumed) {
		notes.add("Assumption: " + note + ".");
		return assumed;
	}
}
