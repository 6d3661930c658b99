package org.zerocarbon.lang.validation;

import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Fuel;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Refrigerant;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;

import org.eclipse.xtext.validation.Check;

/**
 * Scope 1: fuels burnt on fuel factors, in the factor's activity unit or as an energy through its calorific value;
 * refrigerant leakage on refrigerant factors (the charge, leak rate and recovery units and ranges come from
 * {@link ExpectedKinds}).
 */
public class Scope1Validator extends ZcRuleValidator {

	@Check
	public void checkFuel(Fuel fuel) {
		checkKind(fuel.getFactor(), fuel, Literals.FUEL__FACTOR, FactorKind.FUEL, "fuel '" + fuel.getName() + "'");
		Quantity amount = fuel.getAmount();
		if (amount == null || amount.getValue() == null || amount.getUnit() == null || !QuantityKind.ENERGY.accepts(amount.getUnit())) {
			return;
		}
		Optional<javax.measure.Unit<?>> activity = ExpectedKinds.referenceUnit(fuel.getFactor());
		if (activity.isEmpty() || QuantityKind.ENERGY.accepts(activity.get())) {
			return; // per energy: the unit rule accepts it
		}
		if (fuel.getFactor() instanceof EmissionFactor factor) {
			if (factor.getCalorific() != null) {
				return;
			}
			String per = ExpectedKinds.activityUnitText(factor);
			error("The fuel '" + fuel.getName() + "' is given as an energy (" + text(amount) + "), but its factor '" + factor.getName()
					+ "' is per " + per + " and declares no calorific value to convert it: write the amount in " + per
					+ ", or add the net calorific value to the factor ('calorific <energy>/" + per + "', e.g. calorific 36 MJ/" + per + ")",
					amount, Literals.QUANTITY__UNIT, ZcIssueCodes.MISSING_CALORIFIC, per);
		} else if (fuel.getFactor() instanceof Process process) {
			String per = process.getOutput().getAmount().getUnit();
			error("The fuel '" + fuel.getName() + "' is given as an energy (" + text(amount) + "), but process '" + process.getName()
					+ "' is per " + (per == null ? "run" : per) + ": write the amount in " + (per == null ? "runs (no unit)" : per), amount,
					Literals.QUANTITY__UNIT, ZcIssueCodes.WRONG_DIMENSION, per == null ? new String[0] : new String[] { per });
		}
	}

	@Check
	public void checkRefrigerant(Refrigerant refrigerant) {
		checkKind(refrigerant.getFactor(), refrigerant, Literals.REFRIGERANT__FACTOR, FactorKind.REFRIGERANT,
				"refrigerant '" + refrigerant.getName() + "'");
	}

	/** Scope-1 activities use a factor of their own kind (or a process). */
	private void checkKind(Provider provider, EObject owner, EReference reference, FactorKind expected, String what) {
		if (provider instanceof EmissionFactor factor && !factor.eIsProxy() && factor.getKind() != expected) {
			error("The " + what + " needs a " + expected.getLiteral() + " factor, but '" + factor.getName() + "' is a "
					+ factor.getKind().getLiteral() + " factor: name a '" + expected.getLiteral() + " factor'"
					+ (expected == FactorKind.REFRIGERANT ? " (its GWP100 per kg, e.g. 1530 kgCO2e/kg for R-134a)" : ""), owner, reference,
					ZcIssueCodes.FACTOR_KIND_MISMATCH, expected.getLiteral());
		}
	}
}
