package org.zerocarbon.lang.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.measure.Unit;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.validation.Check;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.lang.units.ExpectedKinds.Expectation;
import org.zerocarbon.lang.units.ExpectedKinds.Other;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.UnitSyntaxException;
import org.zerocarbon.units.ZcUnits;

/**
 * Units and ranges of every quantity, from the one table {@link ExpectedKinds}: a known unit of the dimension its
 * feature expects, not negative where that makes no sense, a ratio at most 100 %, a number the engine can compute with.
 */
public class QuantityValidator extends ZcRuleValidator {

	/**
	 * Every number can be computed with: the engine works in double precision, so a value beyond its range
	 * (1e400) would become infinite and one too small (1e-400) would silently become zero.
	 */
	@Check
	public void checkQuantityRange(Quantity quantity) {
		BigDecimal value = quantity.getValue();
		if (value == null || value.signum() == 0) {
			return;
		}
		double asDouble = value.doubleValue();
		if (!Double.isFinite(asDouble) || Math.abs(asDouble) < Double.MIN_NORMAL) {
			error("The number " + value.toString().toLowerCase(Locale.ROOT) + " is out of the range the engine computes with "
					+ "(magnitudes from about 1e-308 to 1e308); write it in another unit", quantity, Literals.QUANTITY__VALUE,
					ZcIssueCodes.NUMBER_OUT_OF_RANGE);
		}
	}

	/** Every quantity has a known unit of the dimension its feature expects. */
	@Check
	public void checkQuantityUnit(Quantity quantity) {
		if (quantity.getValue() == null || quantity.eContainingFeature() == Literals.STATE_USE__SHARE) {
			return; // shares have their own rule (ZcValidator)
		}
		Optional<Expectation> expected = ExpectedKinds.of(quantity);
		String unitText = quantity.getUnit();
		if (unitText == null) {
			if (expected.isPresent() && !expected.get().unitOptional()) {
				Expectation e = expected.get();
				error("The " + e.what() + " needs a unit: " + e.describe() + ", e.g. " + quantity.getValue().toPlainString() + " "
						+ e.preferredSymbol() + hint(e), quantity, Literals.QUANTITY__VALUE, ZcIssueCodes.MISSING_UNIT, e.preferredSymbol());
			}
			return;
		}
		Unit<?> unit;
		try {
			unit = ZcUnits.parse(unitText);
		} catch (UnitSyntaxException e) {
			error(e.getMessage(), quantity, Literals.QUANTITY__UNIT, ZcIssueCodes.UNKNOWN_UNIT,
					e.getSuggestion() == null ? new String[0] : new String[] { unitText.replace(e.getSymbol(), e.getSuggestion()) });
			return;
		}
		if (expected.isEmpty()) {
			return;
		}
		Expectation e = expected.get();
		if (!e.accepts(unitText)) {
			if (quantity.eContainingFeature() == Literals.FUEL__AMOUNT && QuantityKind.ENERGY.accepts(unitText)) {
				return; // a fuel as an energy without calorific value: Scope1Validator names the missing value
			}
			String actual = QuantityKind.of(unit).map(QuantityKind::label).orElse("a unit of dimension " + unit.getDimension());
			error("The " + e.what() + " must be " + e.describe() + " (e.g. " + e.preferredSymbol() + "), but '" + unitText + "' is "
					+ actual + hint(e), quantity, Literals.QUANTITY__UNIT, ZcIssueCodes.WRONG_DIMENSION,
					proposals(unitText, e).toArray(String[]::new));
			return;
		}
		if (quantity.getValue().signum() < 0 && !e.mayBeNegative() && !isCreditValue(quantity)) {
			error("The " + e.what() + " cannot be negative" + (e.what().endsWith("factor")
					? ": only credit factors (module D, 'credit factor ...') are negative" : ""), quantity, Literals.QUANTITY__VALUE,
					ZcIssueCodes.NEGATIVE_QUANTITY);
			return;
		}
		if (e.isRatio() && ZcUnits.convert(quantity.getValue(), unitText, "parts").compareTo(BigDecimal.ONE) > 0) {
			error("The " + e.what() + " cannot be above 100 %: write a share of at most 100 %", quantity, Literals.QUANTITY__VALUE,
					ZcIssueCodes.RATIO_ABOVE_100);
		}
	}

	private static String hint(Expectation e) {
		return e.hint() == null ? "" : e.hint();
	}

	/**
	 * Negative values are allowed in one place only: the value of a credit factor (module D) and the bounds and mode
	 * of its uncertainty, which lie on the same side of zero. Everything else that has a dimension is non-negative
	 * (except where the expectation says so: biogenic and luluc parts, which may be removals).
	 */
	private static boolean isCreditValue(Quantity quantity) {
		EObject container = quantity.eContainer();
		if (container instanceof Uncertainty uncertainty && quantity.eContainingFeature() != Literals.UNCERTAINTY__SD) {
			container = uncertainty.eContainer();
		} else if (!(container instanceof EmissionFactor) || quantity.eContainingFeature() != Literals.EMISSION_FACTOR__VALUE) {
			return false;
		}
		return container instanceof EmissionFactor factor && factor.getKind() == FactorKind.CREDIT;
	}

	/**
	 * Units a quick fix can offer for a unit of the wrong dimension: the same prefix with the expected kind's symbol
	 * (kWh where kW is expected becomes kW; kW where kWh is expected becomes kWh), then the preferred unit of each
	 * expected kind.
	 */
	static List<String> proposals(String wrong, Expectation expected) {
		Set<String> result = new LinkedHashSet<>();
		for (QuantityKind kind : expected.kinds()) {
			for (String symbol : kind.symbols()) {
				if (wrong.startsWith(symbol) && wrong.length() - symbol.length() <= 2 || symbol.startsWith(wrong) && symbol.length() - wrong.length() <= 2) {
					result.add(symbol);
				}
			}
		}
		for (QuantityKind kind : expected.kinds()) {
			result.add(kind.preferredSymbol());
		}
		for (Other other : expected.others()) {
			result.add(other.example());
		}
		return new ArrayList<>(result);
	}
}
