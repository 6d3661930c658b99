package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Consumable;
import org.zerocarbon.model.zc.ConsumableKind;
import org.zerocarbon.model.zc.Credit;
import org.zerocarbon.model.zc.DataKind;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.EndOfLife;
import org.zerocarbon.model.zc.Installation;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MaterialUse;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.Subassembly;
import org.zerocarbon.model.zc.Transport;
import org.zerocarbon.model.zc.Utility;

/**
 * The inventory of one piece of a line's equipment (a machine or a shared utility) over the line's life: its
 * materials and declared values (A1), transport (A4), installation (A5), consumables and spare parts (B2, B4),
 * electricity in its energy states (B6), end of life (C3, C4, or D for a credit) and declared credits (D).
 */
final class EquipmentInventory {

	private EquipmentInventory() {
	}

	/** What machines and shared utilities have in common: an inventory over the line's life. */
	record Inventoried(EObject owner, String where, List<Subassembly> parts, List<Transport> transports, Installation installation,
			List<Consumable> consumables, List<StateUse> states, List<EndOfLife> endOfLife, List<Credit> credits) {

		static Inventoried of(Machine m) {
			return new Inventoried(m, "machine " + m.getName(), m.getParts(), m.getTransports(), m.getInstallation(), m.getConsumables(),
					m.getStates(), m.getEndOfLife(), m.getCredits());
		}

		/** The same equipment without its declared energy states (its B6 comes from measurement). */
		Inventoried withoutStates() {
			return new Inventoried(owner, where, parts, transports, installation, consumables, List.of(), endOfLife, credits);
		}

		static Inventoried of(Utility u) {
			return new Inventoried(u, "utility " + u.getName(), u.getParts(), u.getTransports(), u.getInstallation(), u.getConsumables(),
					u.getStates(), u.getEndOfLife(), u.getCredits());
		}
	}

	/** A missing-data note, with the element it is about, so that its finding can be marked there. */
	private static void missing(List<String> notes, java.util.Map<String, EObject> missing, EObject element, String note) {
		notes.add(note);
		missing.putIfAbsent(note, element);
	}

	/**
	 * The electricity of a shared utility given per year or per unit generated (B6); energy states are counted like
	 * a machine's by {@link #equipmentActivities}.
	 */
	static void utilityElectricity(SharedUtility.Result supplied, ElectricitySupply.Mix grid, double life, List<Activity> activities,
			List<String> notes) {
		Utility utility = supplied.utility();
		String where = "utility " + utility.getName();
		double kwh;
		String description;
		if (utility.getElectricity() != null) {
			kwh = Quantities.in(utility.getElectricity(), "kWh", where + ", electricity per year") * life;
			description = "electricity";
		} else if (utility.getSpecificEnergy() != null) {
			double specific = Quantities.in(utility.getSpecificEnergy(), "kWh/" + supplied.calculationUnit(), where + ", specific energy");
			kwh = specific * supplied.generated();
			description = "electricity, " + format(specific) + " kWh per " + supplied.unit() + " generated";
		} else {
			return;
		}
		if (grid == null || kwh == 0) {
			return;
		}
		activities.add(Activity.electricity(utility, Module.B6, description, kwh, grid, utility));
	}

	static String utilityNote(SharedUtility.Result supplied) {
		Utility utility = supplied.utility();
		if (supplied.delivered() == 0) {
			return "Shared utility " + utility.getName() + " delivers nothing to the line's machines: its footprint is counted in the line but "
					+ "allocated to no machine.";
		}
		return "Shared utility " + utility.getName() + " delivers " + format(supplied.delivered()) + " " + supplied.unit() + " over the life to "
				+ machines(supplied.demands().stream().map(d -> d.machine().getName()).distinct().count())
				+ (supplied.leakage() > 0 ? " and loses " + format(100 * supplied.leakage()) + " % of what it generates to leaks ("
						+ format(supplied.generated()) + " " + supplied.unit() + " generated)" : "")
				+ "; its footprint, leaks included, is allocated to the machines in proportion to their demand.";
	}

	/** A subassembly declared by an EPD: every module value of the product, times the amount in its declared unit. */
	private static void declaredProduct(Subassembly part, String where, boolean primary, EObject owner, List<Activity> activities,
			List<String> notes) {
		org.zerocarbon.model.zc.DeclaredProduct product = part.getProduct();
		String unit = Quantities.referenceUnit(product, where + ", subassembly " + part.getName());
		double amount;
		try {
			amount = Quantities.convert(part.getDeclared().getValue().doubleValue(), part.getDeclared().getUnit(), unit);
		} catch (IllegalArgumentException e) {
			throw new CalculationException(part, where + ", subassembly " + part.getName() + ": " + part.getDeclared().getValue().toPlainString() + " "
					+ part.getDeclared().getUnit() + " cannot be used as " + unit + ", the unit product '" + product.getName() + "' is declared per");
		}
		for (org.zerocarbon.model.zc.DeclaredModule module : DeclaredProducts.chosen(product, notes)) {
			activities.add(new Activity(part, DeclaredProducts.module(module), "EPD " + product.getName() + ", " + DeclaredProducts.label(module)
					+ (module.getScenario() == null ? "" : " (" + module.getScenario() + ")"), amount, unit, module, 0, true, owner));
		}
	}

	static void equipmentActivities(Inventoried equipment, ElectricitySupply.Mix grid, double life, double hours, List<Activity> activities,
			List<String> notes, java.util.Map<String, EObject> missing) {
		EObject owner = equipment.owner();
		String where = equipment.where();
		double massKg = 0;
		for (Subassembly part : equipment.parts()) {
			boolean primary = part.getData() == DataKind.PRIMARY;
			if (part.getDeclared() != null && part.getProduct() != null) {
				declaredProduct(part, where, primary, owner, activities, notes);
			} else if (part.getDeclared() != null) {
				activities.add(new Activity(part, Module.A1, "declared A1–A3 value" + (part.getEpd() == null ? "" : " (" + part.getEpd() + ")"),
						1, "piece", null, Quantities.in(part.getDeclared(), "kgCO2e", where + ", subassembly " + part.getName()), primary, owner));
			}
			for (MaterialUse material : part.getMaterials()) {
				double kg = Quantities.in(material.getMass(), "kg", where + ", subassembly " + part.getName());
				massKg += kg;
				if (material.getFactor() == null) {
					missing(notes, missing, part, "Missing data: material of " + where + " / " + part.getName() + " has no emission factor.");
					continue;
				}
				activities.add(new Activity(part, Module.A1, "material " + material.getFactor().getName(), kg, "kg", material.getFactor(), 0,
						primary, owner));
			}
		}
		for (Transport transport : equipment.transports()) {
			double tkm = Quantities.in(transport.getMass(), "t", where + ", transport")
					* Quantities.in(transport.getDistance(), "km", where + ", transport");
			if (transport.getFactor() == null) {
				missing(notes, missing, transport, "Missing data: a transport leg of " + where + " has no emission factor.");
				continue;
			}
			activities.add(new Activity(owner, Module.A4, "transport by " + transport.getMode().getLiteral(), tkm, "tkm",
					transport.getFactor(), 0, false, owner));
		}
		Installation installation = equipment.installation();
		if (installation != null) {
			if (installation.getEnergy() != null && grid != null) {
				activities.add(Activity.electricity(owner, Module.A5, "installation energy",
						Quantities.in(installation.getEnergy(), "kWh", where + ", installation"), grid, owner));
			}
			if (installation.getEmissions() != null) {
				activities.add(new Activity(owner, Module.A5, "installation emissions", 1, "piece", null,
						Quantities.in(installation.getEmissions(), "kgCO2e", where + ", installation"), false, owner));
			}
		}
		for (Consumable consumable : equipment.consumables()) {
			double interval = Quantities.in(consumable.getInterval(), "a", where + ", " + consumable.getName() + " interval");
			double amount = consumable.getAmount() == null ? 0 : Quantities.in(consumable.getAmount(), "kg", where + ", " + consumable.getName());
			boolean spare = consumable.getKind() == ConsumableKind.SPARE;
			double times = spare ? Math.max(0, Math.ceil(life / interval - 1e-9) - 1) : life / interval;
			if (consumable.getFactor() == null) {
				missing(notes, missing, consumable, "Missing data: " + where + " / " + consumable.getName() + " has no emission factor.");
				continue;
			}
			activities.add(new Activity(consumable, spare ? Module.B4 : Module.B2,
					(spare ? "replacement of " : "consumable ") + consumable.getName() + " (" + format(times) + " times)", amount * times, "kg",
					consumable.getFactor(), 0, false, owner));
		}
		if (grid != null) {
			for (StateUse state : equipment.states()) {
				double kw = Quantities.in(state.getPower(), "kW", where + ", state " + state.getState().getLiteral());
				double share = Quantities.fraction(state.getShare(), where + ", state " + state.getState().getLiteral());
				double kwh = kw * share * hours * life;
				if (kwh != 0) {
					activities.add(Activity.electricity(owner, Module.B6, "electricity, " + state.getState().getLiteral() + " state", kwh, grid,
							owner));
				}
			}
		}
		for (EndOfLife eol : equipment.endOfLife()) {
			double share = Quantities.fraction(eol.getShare(), where + ", end of life");
			if (eol.getFactor() == null) {
				missing(notes, missing, eol, "Missing data: end of life (" + eol.getTreatment().getLiteral() + ") of " + where + " has no emission factor.");
				continue;
			}
			boolean credit = eol.getFactor() instanceof EmissionFactor f && Quantities.factor(f, where).kgCO2ePerUnit() < 0;
			Module module = credit ? Module.D : switch (eol.getTreatment()) {
				case LANDFILL -> Module.C4;
				default -> Module.C3;
			};
			activities.add(new Activity(owner, module, "end of life, " + eol.getTreatment().getLiteral(), massKg * share, "kg",
					eol.getFactor(), 0, false, owner));
		}
		for (Credit credit : equipment.credits()) {
			// module D: the recovered amount times the credit factor (negative), in the unit the factor applies per
			if (credit.getFactor() == null) {
				continue;
			}
			String unit = Quantities.referenceUnit(credit.getFactor(), where + ", credit " + credit.getName());
			double amount = Quantities.in(credit.getAmount(), unit, where + ", credit " + credit.getName());
			activities.add(new Activity(credit, Module.D, "credit, " + (credit.getDescription() == null ? credit.getName() : credit.getDescription()),
					amount, unit, credit.getFactor(), 0, false, owner));
		}
	}

	/** "1 machine", "3 machines". */
	private static String machines(long count) {
		return count + (count == 1 ? " machine" : " machines");
	}
}
