package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;
import static org.zerocarbon.core.calc.Names.qualifiedName;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.FunctionalUnit;
import org.zerocarbon.model.zc.GenericSystem;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ParkItem;
import org.zerocarbon.model.zc.ParkSystem;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.StateUse;

/**
 * The methodology's functional units for a subject (module D excluded). A unit the subject has no data for is not
 * emitted; a finding {@code functionalUnitNotComputed} says why. A unit that does not apply to the kind of subject (a
 * machine-hour of a park, floor area of a line) is only noted: nothing is missing.
 */
final class FunctionalUnits {

	private FunctionalUnits() {
	}

	static List<FunctionalUnitResult> line(LineInventory built, InventoryCalculation.Solved inventory, Methodology methodology,
			List<String> notes, List<Finding> findings) {
		Line line = built.line();
		double hours = built.hours();
		double life = built.life();
		int machines = line.getMachines().size();
		double total = inventory.total;
		List<FunctionalUnitResult> units = new ArrayList<>();
		for (FunctionalUnit unit : methodology.getFunctionalUnits()) {
			switch (unit.getKind()) {
				case MACHINE_HOUR -> add(units, unit, hours * life * machines, total, null,
						machines(machines) + " × " + format(hours) + " h a year × " + format(life) + " a", line, notes, findings);
				case YEAR -> add(units, unit, life, total, null, "service life " + format(life) + " a", line, notes, findings);
				case MACHINE -> add(units, unit, machines, total, null, machines(machines), line, notes, findings);
				case STATE_HOURS -> {
					List<EnergyState> states = unit.getStates();
					double shares = 0;
					for (Machine machine : line.getMachines()) {
						for (StateUse state : machine.getStates()) {
							if (states.contains(state.getState())) {
								shares += Quantities.fraction(state.getShare(), "machine " + machine.getName() + ", state " + state.getState().getLiteral());
							}
						}
					}
					String names = String.join(", ", states.stream().map(EnergyState::getLiteral).toList());
					add(units, unit, shares * hours * life, total, null, "hours in " + names + ": Σ machines' share of time in them ("
							+ format(shares) + " machine-equivalents) × " + format(hours) + " h a year × " + format(life) + " a", line, notes,
							states.isEmpty() ? null : findings);
					if (states.isEmpty()) {
						notComputed(unit, "it names no energy states", line, notes, findings);
					}
				}
				case PIECE -> {
					Quantity output = line.getProfile() == null ? null : line.getProfile().getOutput();
					Double perHour = output == null ? null : perHour(output);
					if (perHour == null) {
						notComputed(unit, output == null ? "the line's profile states no output rate ('output 32 parts/h')"
								: "the output rate " + output.getValue().toPlainString() + " " + output.getUnit() + " is not a rate per time", line, notes,
								findings);
					} else {
						add(units, unit, perHour * hours * life, total, null, format(perHour) + " parts/h × " + format(hours) + " h a year × "
								+ format(life) + " a", line, notes, findings);
					}
				}
				case DELIVERED -> {
					boolean any = false;
					for (Equipment e : inventory.equipment) {
						if (e.supply() != null && e.supply().delivered() > 0) {
							any = true;
							units.add(new FunctionalUnitResult(unit.getName(), e.supply().delivered(), e.supply().kgCO2ePerUnit(), e.element(),
									format(e.supply().delivered()) + " " + e.supply().unit() + " delivered over the life by " + e.element()
											+ " (its footprint, leaks included, per unit delivered)"));
						}
					}
					if (!any) {
						notComputed(unit, "the line has no shared utility that delivers to its machines", line, notes, findings);
					}
				}
				case AREA -> notApplicable(unit, "floor area is a unit of parks' buildings, not of lines", line, notes);
				default -> notComputed(unit, "the engine does not know this kind of unit", line, notes, findings);
			}
		}
		return units;
	}

	static List<FunctionalUnitResult> park(ParkInventory built, InventoryCalculation.Solved inventory, Methodology methodology,
			List<String> notes, List<Finding> findings) {
		List<FunctionalUnitResult> units = new ArrayList<>();
		double total = inventory.total;
		boolean year = false;
		for (FunctionalUnit unit : methodology.getFunctionalUnits()) {
			switch (unit.getKind()) {
				case YEAR -> {
					year = true;
					units.add(new FunctionalUnitResult(unit.getName(), 1, total, null, "one year of park operation"));
				}
				case AREA -> {
					double area = 0;
					int items = 0;
					for (ParkSystem system : built.park().getSystems()) {
						if (system instanceof GenericSystem generic) {
							for (ParkItem item : generic.getItems()) {
								if (item.getArea() != null) {
									area += Quantities.in(item.getArea(), "m2", "item " + item.getName() + ", area");
									items++;
								}
							}
						}
					}
					add(units, unit, area, total, null, format(area) + " m2 of floor area of " + format(items) + " items, one year", built.park(),
							notes, findings);
				}
				default -> notApplicable(unit, "a park is assessed per year; '" + unit.getKind().getLiteral() + "' is a unit of lines", built.park(),
						notes);
			}
		}
		if (!year) {
			units.add(0, new FunctionalUnitResult("year", 1, total, null, "one year of park operation"));
		}
		return units;
	}

	/** A unit of another kind of subject: noted, not a finding, since the model lacks nothing. */
	private static void notApplicable(FunctionalUnit unit, String why, EObject subject, List<String> notes) {
		notes.add("Functional unit '" + unit.getName() + "' (" + unit.getKind().getLiteral() + ") does not apply to " + qualifiedName(subject)
				+ ": " + why + ".");
	}

	private static void add(List<FunctionalUnitResult> units, FunctionalUnit unit, double amount, double total, String element, String basis,
			EObject subject, List<String> notes, List<Finding> findings) {
		if (amount > 0) {
			units.add(new FunctionalUnitResult(unit.getName(), amount, total / amount, element, basis));
		} else if (findings != null) {
			notComputed(unit, "its amount is 0 (" + basis + ")", subject, notes, findings);
		}
	}

	private static void notComputed(FunctionalUnit unit, String why, EObject subject, List<String> notes, List<Finding> findings) {
		String message = "Functional unit '" + unit.getName() + "' (" + unit.getKind().getLiteral() + ") is not computed for "
				+ qualifiedName(subject) + ": " + why + ".";
		notes.add(message);
		findings.add(new Finding("info", "functionalUnitNotComputed", message, qualifiedName(unit), Names.uri(unit)));
	}

	/** An output rate in units per hour ("32 parts/h", "0.5 parts/min"), or null when it is not a rate per time. */
	private static Double perHour(Quantity output) {
		String unit = output.getUnit() == null ? "" : output.getUnit().trim();
		int slash = unit.lastIndexOf('/');
		if (slash < 0) {
			return null;
		}
		try {
			// value per time unit tu -> per hour: value × (how many tu in one hour)
			return output.getValue().doubleValue() * Quantities.convert(1, "h", unit.substring(slash + 1).trim());
		} catch (RuntimeException e) {
			return null;
		}
	}

	/** "1 machine", "8 machines". */
	private static String machines(int count) {
		return format(count) + (count == 1 ? " machine" : " machines");
	}
}
