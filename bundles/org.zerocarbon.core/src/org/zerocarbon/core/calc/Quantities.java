package org.zerocarbon.core.calc;

import java.util.Optional;

import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * Unit-safe access to model quantities: every number the engine computes with passes through here and is
 * converted with the units library, so a unit mistake becomes a {@link CalculationException} naming the
 * element, never a silently wrong figure.
 */
final class Quantities {

	private Quantities() {
	}

	/** The value of {@code quantity} in {@code unit}; fails with the element's name when the dimension differs. */
	static double in(Quantity quantity, String unit, String where) {
		if (quantity == null || quantity.getValue() == null) {
			throw new CalculationException(where + ": a value is missing");
		}
		try {
			return ZcUnits.convert(quantity.getValue().doubleValue(), quantity.getUnit(), unit);
		} catch (IllegalArgumentException e) {
			throw new CalculationException(where + ": " + quantity.getValue().toPlainString() + " " + quantity.getUnit()
					+ " cannot be used as " + unit + " (" + e.getMessage() + ")");
		}
	}

	/** A share written as a percentage or ratio, as a fraction (60 % gives 0.6). */
	static double fraction(Quantity quantity, String where) {
		return in(quantity, "%", where) / 100;
	}

	/** The reference unit of activity a factor applies to (kWh, kg, tkm, m3) and its value in kgCO2e per that unit. */
	record FactorValue(String activityUnit, double kgCO2ePerUnit) {
	}

	/** Reads an emission factor in kgCO2e per its reference activity unit. */
	static FactorValue factor(EmissionFactor factor, String where) {
		Quantity value = factor.getValue();
		String unit = value == null ? null : value.getUnit();
		Optional<QuantityKind> kind = unit == null ? Optional.empty() : ZcUnits.kindOf(unit);
		String activity = kind.map(k -> switch (k) {
			case CARBON_PER_ENERGY -> "kWh";
			case CARBON_PER_MASS -> "kg";
			case CARBON_PER_FREIGHT -> "tkm";
			case CARBON_PER_VOLUME -> "m3";
			default -> null;
		}).orElse(null);
		if (activity == null) {
			throw new CalculationException(where + ": factor '" + factor.getName() + "' (" + (unit == null ? "no unit" : unit)
					+ ") is not an emission factor per energy, mass, freight or volume");
		}
		return new FactorValue(activity, in(value, "kgCO2e/" + activity, where + ", factor '" + factor.getName() + "'"));
	}
}
