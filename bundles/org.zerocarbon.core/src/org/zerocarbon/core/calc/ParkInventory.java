package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.EnergySource;
import org.zerocarbon.model.zc.EnergySupplySystem;
import org.zerocarbon.model.zc.GenericSystem;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ParkItem;
import org.zerocarbon.model.zc.ParkSystem;
import org.zerocarbon.model.zc.SourceKind;

/**
 * The annual inventory of a park (openLCA's product-system builder, for one subject kind): the electricity its
 * energy-supply systems deliver, the direct emissions and removals of the items of its other systems, and the
 * energy balance the park indicators need.
 *
 * @param park           the park
 * @param activities     every activity, in model order
 * @param suppliedKWh    all energy supplied per year
 * @param cleanKWh       energy from sources declared clean
 * @param directGreenKWh energy from direct green-power supply
 * @param gridFactor     the grid factor of the energy supply
 * @param notes          assumptions and missing data found while building it
 */
record ParkInventory(Park park, List<Activity> activities, double suppliedKWh, double cleanKWh, double directGreenKWh,
		EmissionFactor gridFactor, List<String> notes) {

	/** Builds the inventory of a park. */
	static ParkInventory of(Park park) {
		List<String> notes = new ArrayList<>();
		List<Activity> activities = new ArrayList<>();
		double supplied = 0;
		double clean = 0;
		double directGreenKwh = 0;
		EmissionFactor gridFactor = null;
		for (ParkSystem system : park.getSystems()) {
			String where = "park system " + system.getName();
			if (system instanceof EnergySupplySystem supply) {
				for (EnergySource source : supply.getSources()) {
					if (source.getAnnualEnergy() == null) {
						continue;
					}
					double kwh = Quantities.in(source.getAnnualEnergy(), "kWh", where + ", source " + source.getName());
					supplied += kwh;
					if (source.isClean()) {
						clean += kwh;
					}
					if (source.getKind() == SourceKind.GREEN_DIRECT) {
						directGreenKwh += kwh;
					}
					if (source.getFactor() != null) {
						gridFactor = source.getKind() == SourceKind.GRID ? source.getFactor() : gridFactor;
						activities.add(new Activity(source, Module.B6, "electricity supplied by " + source.getKind().getLiteral(), kwh,
								"kWh", source.getFactor(), 0, false, null));
					} else if (!source.isClean()) {
						notes.add("Missing data: energy source " + source.getName() + " has no emission factor and is not declared clean; "
								+ "its emissions are not counted.");
					}
				}
			} else if (system instanceof GenericSystem generic) {
				for (ParkItem item : generic.getItems()) {
					if (item.getEmissions() != null) {
						activities.add(new Activity(item, Module.B1, "direct emissions of " + generic.getKind().getLiteral(), 1, "a", null,
								Quantities.in(item.getEmissions(), "kgCO2e", where + ", item " + item.getName()), false, null));
					}
					if (item.getRemovals() != null) {
						activities.add(new Activity(item, Module.D, "removals by carbon sinks", 1, "a", null,
								-Quantities.in(item.getRemovals(), "kgCO2e", where + ", item " + item.getName()), false, null));
					}
				}
			}
		}
		notes.add("Annual figures (functional unit: one year of park operation). Carbon-sink removals are reported "
				+ "separately (module D) and never netted.");
		notes.add("Consumers inside the park (production lines, infrastructure, buildings) draw on the energy supply; "
				+ "their electricity is counted once, at the supply.");
		return new ParkInventory(park, activities, supplied, clean, directGreenKwh, gridFactor, notes);
	}
}
