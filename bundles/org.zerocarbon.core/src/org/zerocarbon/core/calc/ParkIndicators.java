package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.qualifiedName;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.model.zc.CleanShareBasis;
import org.zerocarbon.model.zc.EnergyCarrier;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.TceCoefficient;
import org.zerocarbon.model.zc.TceConversion;
import org.zerocarbon.model.zc.TceMethod;

/**
 * The park indicators: the clean-energy share on the methodology's basis, the energy consumption in tce by each of
 * the methodology's conversion methods, and t CO2e per tce (scope 1 + scope 2) for each method and both scope-2
 * methods, plus the ratio of the declared annual figures.
 */
final class ParkIndicators {

	private ParkIndicators() {
	}

	static List<Indicator> of(ParkInventory built, InventoryCalculation.Solved inventory, FootprintResult.Scope2 scope2, Methodology methodology,
			List<String> notes, List<Finding> findings) {
		Park park = built.park();
		List<Indicator> indicators = new ArrayList<>();
		double supplied = built.suppliedKWh();
		if (supplied > 0) {
			boolean contractual = methodology.getCleanShare() == CleanShareBasis.CONTRACTUAL;
			double clean = built.cleanKWh() + (contractual ? built.contractualKWh() : 0);
			indicators.add(new Indicator("clean-energy share", 100 * Math.min(clean, supplied) / supplied, "%", contractual
					? "(clean energy supplied + energy covered by zero-rate certificates and contracts) / all energy supplied (contractual basis)"
					: "clean energy supplied / all energy supplied, from the energy-supply system (physical basis: certificates not counted)"));
		}
		double scope1 = inventory.total(Scope.SCOPE_1);
		if (methodology.getConversions().isEmpty()) {
			String message = "The methodology declares no tce conversion ('conversion calorific { electricity ... kgce/kWh }'): the energy "
					+ "consumption in tce and the emissions per tce are not computed.";
			notes.add(message);
			findings.add(new Finding("info", "noTceConversion", message, qualifiedName(methodology), Names.uri(methodology)));
		}
		for (TceConversion conversion : methodology.getConversions()) {
			String method = conversion.getMethod() == TceMethod.COAL_EQUIVALENT ? "coal-equivalent method" : "calorific-equivalent method";
			double kgce = 0;
			boolean electricity = false;
			for (TceCoefficient c : conversion.getCoefficients()) {
				if (c.getCarrier() == EnergyCarrier.ELECTRICITY) {
					kgce += supplied * Quantities.in(c.getValue(), "kgce/kWh", "tce conversion (" + method + "), electricity");
					electricity = true;
				} else if (c.getCarrier() == EnergyCarrier.HEAT) {
					kgce += built.fuelMJ() * Quantities.in(c.getValue(), "kgce/MJ", "tce conversion (" + method + "), heat");
				}
			}
			if (!electricity && supplied > 0) {
				findings.add(new Finding("warning", "noTceConversion", "The " + method + " declares no electricity coefficient: the park's "
						+ "electricity is not in its tce.", qualifiedName(methodology), Names.uri(methodology)));
			}
			double tce = kgce / 1000;
			indicators.add(new Indicator("energy consumption (" + method + ")", tce, "tce", "electricity supplied × electricity coefficient + "
					+ "fuel energy × heat coefficient, " + (conversion.getDescription() == null ? method : conversion.getDescription())));
			if (tce > 0) {
				indicators.add(new Indicator("carbon emissions per unit of energy consumption (t CO2e per tce, scope 1 + market-based scope 2, "
						+ method + ")", (scope1 + scope2.marketBasedKgCO2e()) / 1000 / tce, "tCO2e/tce",
						"scope 1 + market-based scope 2 emissions (t CO2e) / energy consumption (tce, " + method + ")"));
				indicators.add(new Indicator("carbon emissions per unit of energy consumption (t CO2e per tce, scope 1 + location-based scope 2, "
						+ method + ")", (scope1 + scope2.locationBasedKgCO2e()) / 1000 / tce, "tCO2e/tce",
						"scope 1 + location-based scope 2 emissions (t CO2e) / energy consumption (tce, " + method + ")"));
			}
		}
		if (park.getAnnual() != null && park.getAnnual().getEnergy() != null && park.getAnnual().getEmissions() != null) {
			double declaredTce = Quantities.in(park.getAnnual().getEnergy(), "tce", "park " + park.getName() + ", annual energy");
			double declaredT = Quantities.in(park.getAnnual().getEmissions(), "kgCO2e", "park " + park.getName() + ", annual emissions") / 1000;
			indicators.add(new Indicator("carbon emissions per unit of energy consumption (declared figures, t CO2e per tce)",
					declaredT / declaredTce, "tCO2e/tce", "declared annual emissions / declared annual energy consumption"));
		}
		return indicators;
	}
}
