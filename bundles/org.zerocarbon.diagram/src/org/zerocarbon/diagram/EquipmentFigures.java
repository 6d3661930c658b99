package org.zerocarbon.diagram;

import org.eclipse.emf.common.util.EList;
import org.zerocarbon.model.zc.Fuel;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.ProcessEmission;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Refrigerant;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.UtilitySupply;

/**
 * What the node of a piece of equipment shows besides its energy: the glyph of a machine type, the node of a
 * shared utility, and the scope-1 sources (fuels burnt, refrigerant charges, process emissions) of machines,
 * utilities and park items, one badge each.
 */
final class EquipmentFigures {

	private EquipmentFigures() {
	}

	/** A shared utility: its kind, rating, leaks, scope-1 sources and how many machines it supplies. */
	static Node utility(Utility u) {
		Node n = new Node(safe(u.getName()), Node.Kind.ASSET, u, safe(u.getName())).fill(SceneBuilder.ASSET)
				.tooltip(u.getDescription());
		String kind = u.getKind() == null ? "utility" : switch (u.getKind()) {
		case COMPRESSED_AIR -> "compressed air";
		case COOLING -> "cooling";
		case VACUUM -> "vacuum";
		case COOLANT -> "coolant";
		case HEATING -> "heating";
		case OTHER -> "utility";
		};
		n.glyph(u.getKind() == null ? "U" : switch (u.getKind()) {
		case COMPRESSED_AIR -> "AIR";
		case COOLING -> "CH";
		case VACUUM -> "VAC";
		case COOLANT -> "CL";
		case HEATING -> "HT";
		case OTHER -> "U";
		});
		String rated = Quantities.format(u.getRatedPower());
		n.subtitle("shared " + kind + (rated == null ? "" : " · " + rated + " rated"));
		String leaks = Quantities.format(u.getLeakage());
		if (leaks != null) {
			n.badge("leaks " + leaks);
		}
		scope1(n, u.getFuels(), u.getRefrigerants(), u.getProcessEmissions());
		long machines = u.getSupplies().stream().map(UtilitySupply::getMachine).distinct().count();
		n.badge("supplies " + machines(machines));
		return n;
	}

	/** "1 machine", "3 machines". */
	static String machines(long count) {
		return count + (count == 1 ? " machine" : " machines");
	}

	static String glyph(Machine m) {
		if (m.getType() == null) {
			return "M";
		}
		return switch (m.getType()) {
		case VERTICAL_MACHINING_CENTRE -> "VMC";
		case HORIZONTAL_MACHINING_CENTRE -> "HMC";
		case TURNING_CENTRE -> "TC";
		case MILL_TURN -> "MT";
		case GRINDER -> "GR";
		case EDM -> "EDM";
		case LASER -> "LAS";
		case WASHER -> "WSH";
		case CMM -> "CMM";
		case OTHER -> "M";
		};
	}

	/**
	 * One badge per scope-1 source: "scope 1: fuel DryerGas 2600 m3 per year", "scope 1: refrigerant Chiller
	 * 2.5 kg, leaks 4 % per year", "scope 1: emission Degassing 120 kgCO2e per year".
	 */
	static void scope1(Node n, EList<Fuel> fuels, EList<Refrigerant> refrigerants, EList<ProcessEmission> emissions) {
		for (Fuel f : fuels) {
			n.badge("scope 1: fuel " + safe(f.getName()) + perYear(f.getAmount()));
		}
		for (Refrigerant r : refrigerants) {
			String charge = Quantities.format(r.getCharge());
			String leaks = Quantities.format(r.getLeakRate());
			n.badge("scope 1: refrigerant " + safe(r.getName()) + (charge == null ? "" : " " + charge)
					+ (leaks == null ? "" : (charge == null ? " " : ", ") + "leaks " + leaks + " per year"));
		}
		for (ProcessEmission e : emissions) {
			n.badge("scope 1: emission " + safe(e.getName()) + perYear(e.getAmount()));
		}
	}

	private static String perYear(Quantity q) {
		String amount = Quantities.format(q);
		return amount == null ? "" : " " + amount + " per year";
	}

	static String safe(String name) {
		return name == null ? "(unnamed)" : name;
	}
}
