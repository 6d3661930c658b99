package org.zerocarbon.core.calc;

import java.util.Optional;

import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * Unit-safe access to model quantities: every number the engine computes with passes through here and is
 * converted with the units library, so a unit mistake becomes a {@link CalculationException} naming the
 * element, never a silently wrong figure.
 */
final class Quantities {

	/**
	 * Unit converters by "from to" pair. Parsing a unit expression is far slower than converting with it, and a
	 * model of thousands of machines repeats a handful of units; the set of pairs stays small.
	 */
	private static final java.util.Map<String, javax.measure.UnitConverter> CONVERTERS = new java.util.concurrent.ConcurrentHashMap<>();

	private Quantities() {
	}

	/** {@code value} converted from one unit expression to another (cached converters). */
	static double convert(double value, String from, String to) {
		javax.measure.UnitConverter converter = CONVERTERS.computeIfAbsent(from + " " + to, key -> {
			try {
				return ZcUnits.parse(from).getConverterToAny(ZcUnits.parse(to));
			} catch (javax.measure.IncommensurableException | javax.measure.UnconvertibleException e) {
				throw new IllegalArgumentException("Cannot convert '" + from + "' to '" + to + "': the dimensions differ", e);
			}
		});
		return converter.convert(value);
	}

	/** The value of {@code quantity} in {@code unit}; fails with the element's name when the dimension differs. */
	static double in(Quantity quantity, String unit, String where) {
		if (quantity == null || quantity.getValue() == null) {
			throw new CalculationException(where + ": a value is missing");
		}
		try {
			return convert(quantity.getValue().doubleValue(), quantity.getUnit(), unit);
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

	/**
	 * The unit a provider applies per: a factor's reference activity unit (kWh, kg, tkm, m3), a process's output unit.
	 */
	static String referenceUnit(Provider provider, String where) {
		if (provider instanceof EmissionFactor factor) {
			return factor(factor, where).activityUnit();
		}
		if (provider instanceof DeclaredModule || provider instanceof DeclaredProduct) {
			DeclaredProduct product = provider instanceof DeclaredModule module ? (DeclaredProduct) module.eContainer() : (DeclaredProduct) provider;
			if (product.getPer() == null || product.getPer().getValue() == null) {
				throw new CalculationException(product, where + ": product '" + product.getName() + "' declares no declared unit (per 1 kg ...)");
			}
			return product.getPer().getUnit() == null ? "parts" : product.getPer().getUnit();
		}
		Process process = (Process) provider;
		if (process.getOutput() == null || process.getOutput().getAmount() == null || process.getOutput().getAmount().getUnit() == null) {
			throw new CalculationException(process, where + ": process '" + process.getName() + "' declares no reference output with a unit");
		}
		return process.getOutput().getAmount().getUnit();
	}
}
