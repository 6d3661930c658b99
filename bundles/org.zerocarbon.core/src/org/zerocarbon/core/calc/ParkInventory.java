package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;
import static org.zerocarbon.core.calc.Names.qualifiedName;
import static org.zerocarbon.core.calc.Names.uri;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.EnergySource;
import org.zerocarbon.model.zc.EnergySupplySystem;
import org.zerocarbon.model.zc.Fuel;
import org.zerocarbon.model.zc.GenericSystem;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ParkItem;
import org.zerocarbon.model.zc.ParkSystem;
import org.zerocarbon.model.zc.SourceKind;

/**
 * The annual inventory of a park (openLCA's product-system builder, for one subject kind): the electricity its
 * energy-supply systems deliver, the scope 1 and direct emissions and removals of the items of its other systems,
 * and the energy balance the park indicators need.
 * <p>
 * The energy balance is kept per source kind and does not depend on the order the sources are written in: grid
 * sources are grid-delivered energy at their own factors (their energy-weighted mean is the park's grid average);
 * direct green lines ({@code greenDirect}) are direct-line supply and every other source (PV, wind, storage,
 * microgrid, CHP) on-site generation, both at their own rate (rate or factor; a clean source without either: 0),
 * location-based and market-based alike. The park's and its site's instruments apply to the grid-delivered energy
 * (see {@link ElectricitySupply}).
 *
 * @param park           the park
 * @param activities     every activity, in model order
 * @param suppliedKWh    all electricity supplied per year
 * @param cleanKWh       electricity from sources declared clean (physical)
 * @param contractualKWh electricity covered by zero-rate contractual instruments (certificates, green PPAs)
 * @param fuelMJ         the energy of the fuels burnt in the park per year (MJ), as far as it is known
 * @param rows           the supply rows, both methods
 * @param notes          assumptions and missing data found while building it
 */
record ParkInventory(Park park, List<Activity> activities, double suppliedKWh, double cleanKWh, double contractualKWh, double fuelMJ,
		List<InstrumentUse> rows, List<String> notes) {

	/** The park's electricity supply per year, before its instruments: for pro-rata sharing of its site's instruments. */
	static double consumption(Park park) {
		double kwh = 0;
		for (ParkSystem system : park.getSystems()) {
			if (system instanceof EnergySupplySystem supply) {
				for (EnergySource source : supply.getSources()) {
					if (source.getAnnualEnergy() != null) {
						kwh += Quantities.in(source.getAnnualEnergy(), "kWh", "source " + source.getName());
					}
				}
			}
		}
		return kwh;
	}

	/** Builds the inventory of a park. */
	static ParkInventory of(Park park, Methodology methodology, List<Finding> findings) {
		List<String> notes = new ArrayList<>();
		List<Activity> activities = new ArrayList<>();
		List<InstrumentUse> rows = new ArrayList<>();
		Scope1 scope1 = new Scope1(methodology, notes);
		double supplied = 0;
		double clean = 0;
		double gridKWh = 0;
		double gridKg = 0;
		double fuelMJ = 0;
		List<EnergySource> grid = new ArrayList<>();
		List<Double> gridRates = new ArrayList<>();
		for (ParkSystem system : park.getSystems()) {
			String where = "park system " + system.getName();
			if (system instanceof EnergySupplySystem supply) {
				for (EnergySource source : supply.getSources()) {
					if (source.getAnnualEnergy() == null) {
						continue;
					}
					String at = where + ", source " + source.getName();
					double kwh = Quantities.in(source.getAnnualEnergy(), "kWh", at);
					supplied += kwh;
					if (source.isClean()) {
						clean += kwh;
					}
					boolean known = source.getRate() != null || source.getFactor() != null;
					if (!known && !source.isClean()) {
						notes.add("Missing data: energy source " + source.getName() + " has no emission factor or rate and is not declared clean; "
								+ "its emissions are not counted.");
						findings.add(new Finding("error", "missingFactor", "Energy source " + source.getName() + " delivers " + format(kwh)
								+ " kWh a year but has no emission factor or rate and is not declared clean: its emissions are not counted.",
								qualifiedName(source), uri(source)));
					}
					double rate = ElectricitySupply.rate(source.getRate(), source.getFactor(), at);
					if (source.getKind() == SourceKind.GRID) {
						grid.add(source);
						gridRates.add(rate);
						gridKWh += kwh;
						gridKg += kwh * rate;
					} else {
						String kind = source.getKind() == SourceKind.GREEN_DIRECT ? "direct" : "onsite";
						rows.add(new InstrumentUse(qualifiedName(source), uri(source), "location:" + kind, kwh, rate, kwh * rate,
								source.getKind().getLiteral() + " source at its own rate"));
						rows.add(new InstrumentUse(qualifiedName(source), uri(source), kind, kwh, rate, kwh * rate,
								source.getKind().getLiteral() + " source at its own rate"));
						activities.add(Activity.electricity(source, Module.B6, "electricity supplied by " + source.getKind().getLiteral(), kwh,
								new ElectricitySupply.Mix("electricity from " + qualifiedName(source), null, 0, rate, rate), null));
					}
				}
			} else if (system instanceof GenericSystem generic) {
				for (ParkItem item : generic.getItems()) {
					String at = where + ", item " + item.getName();
					if (item.getEmissions() != null) {
						activities.add(new Activity(item, Module.B1, "direct emissions of " + generic.getKind().getLiteral(), 1, "a", null,
								Quantities.in(item.getEmissions(), "kgCO2e", at), false, null));
					}
					if (item.getRemovals() != null) {
						activities.add(new Activity(item, Module.D, "removals by carbon sinks", 1, "a", null,
								-Quantities.in(item.getRemovals(), "kgCO2e", at), false, null));
					}
					scope1.add(item, null, at, item.getFuels(), item.getRefrigerants(), item.getProcessEmissions(), 1, false, activities);
					for (Fuel fuel : item.getFuels()) {
						var mj = Scope1.energyMJ(fuel.getAmount().getValue().doubleValue(), fuel.getAmount().getUnit(), fuel.getFactor(), at);
						if (mj.isPresent()) {
							fuelMJ += mj.get();
						} else {
							notes.add("The energy of fuel " + fuel.getName() + " of " + item.getName() + " is unknown (no calorific value): it is not "
									+ "in the park's energy consumption in tce.");
						}
					}
				}
			}
		}
		double contractual = 0;
		if (gridKWh > 0) {
			double average = gridKg / gridKWh;
			double share = SiteSharing.share(park, supplied, park.getSite(), methodology, notes);
			ElectricitySupply.Result result = ElectricitySupply.apply("park " + park.getName(), gridKWh, 1, park.getInstruments(), park.getSite(),
					share, grid.size() == 1 ? grid.get(0) : null, null, average, methodology, notes, findings);
			rows.addAll(0, result.rows());
			contractual = result.cleanKWh();
			double market = result.marketKg() / gridKWh;
			for (int i = 0; i < grid.size(); i++) {
				EnergySource source = grid.get(i);
				double kwh = Quantities.in(source.getAnnualEnergy(), "kWh", "source " + source.getName());
				ElectricitySupply.Mix mix = source.getFactor() != null && source.getRate() == null
						? new ElectricitySupply.Mix("electricity from " + qualifiedName(source), source.getFactor(), 1, 0, market)
						: new ElectricitySupply.Mix("electricity from " + qualifiedName(source), null, 0, gridRates.get(i), market);
				activities.add(Activity.electricity(source, Module.B6, "electricity supplied by grid", kwh, mix, null));
			}
			if (grid.size() > 1) {
				notes.add("The park's grid average is the energy-weighted mean of its " + grid.size() + " grid sources: " + format(average * 1000)
						+ " g CO2e/kWh.");
			}
		}
		notes.add("Annual figures (functional unit: one year of park operation). Carbon-sink removals are reported "
				+ "separately (module D) and never netted.");
		notes.add("Consumers inside the park (production lines, infrastructure, buildings) draw on the energy supply; "
				+ "their electricity is counted once, at the supply.");
		notes.add("Direct green lines and on-site generation (PV, wind, microgrid, CHP, storage) count at their own rate in both scope-2 "
				+ "methods (a clean source without a rate: 0); the grid sources at their factors location-based.");
		return new ParkInventory(park, activities, supplied, clean, contractual, fuelMJ, rows, notes);
	}
}
