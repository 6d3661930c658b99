package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Site;
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
 */
record LineInventory(Line line, double life, double hours, List<Activity> activities, Topology topology, List<String> notes) {

	/** Builds the inventory of a line under a methodology (its service-life rule and allocation rules). */
	static LineInventory of(Line line, Methodology methodology) {
		List<String> notes = new ArrayList<>();
		String where = "line " + line.getName();
		double life = serviceLifeYears(line, methodology, notes);
		double hours = line.getProfile() != null && line.getProfile().getHoursPerYear() != null
				? Quantities.in(line.getProfile().getHoursPerYear(), "h", where + ", hours per year")
				: missing(notes, where + " has no operating hours per year; 4,000 h assumed", 4000);
		notes.add("Use stage over " + format(life) + " years of " + format(hours) + " operating hours each.");
		Site site = line.getSite();
		EmissionFactor grid = site == null ? null : site.getGrid();
		if (grid == null) {
			notes.add("Missing data: " + where + " has no site grid factor; electricity (B6, A5) is not counted.");
		}
		List<Activity> activities = new ArrayList<>();
		Map<EObject, Allocation.Result> allocations = new LinkedHashMap<>();
		List<EObject> owners = new ArrayList<>(line.getMachines());
		owners.addAll(line.getUtilities());
		for (Machine machine : line.getMachines()) {
			EquipmentInventory.equipmentActivities(EquipmentInventory.Inventoried.of(machine), grid, life, hours, activities, notes);
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
			EquipmentInventory.equipmentActivities(EquipmentInventory.Inventoried.of(utility), grid, life, hours, activities, notes);
			EquipmentInventory.utilityElectricity(supplied, grid, life, activities, notes);
			notes.add(EquipmentInventory.utilityNote(supplied));
		}
		notes.add("Spare parts (B4) are replaced ceil(life / interval) − 1 times; consumables (B2) used life / interval times.");
		notes.add("Market-based scope 2 equals location-based: no energy contract or direct green-power supply is modelled for "
				+ (site == null ? "the line" : "site " + site.getName()) + ".");
		return new LineInventory(line, life, hours, activities, new Topology(owners, allocations, utilities), notes);
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
