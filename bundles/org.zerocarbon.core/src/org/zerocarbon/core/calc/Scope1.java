package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.model.zc.AccountingRule;
import org.zerocarbon.model.zc.ActivityKind;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Fuel;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ProcessEmission;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Refrigerant;

/**
 * Scope 1 of machines, utilities and park items: fuels burnt, refrigerant leaks and process emissions, annual
 * amounts over the assessed period. The module and scope come from the methodology's {@code account} rules; without
 * one, fuel is B6, refrigerant and process emissions B1, all scope 1 (noted). A refrigerant's end of life releases
 * {@code charge × (1 − recovery)} in C1 (lines only; without a declared recovery, the full charge).
 */
final class Scope1 {

	private final Methodology methodology;
	private final List<String> notes;
	private final java.util.Set<ActivityKind> noted = java.util.EnumSet.noneOf(ActivityKind.class);

	Scope1(Methodology methodology, List<String> notes) {
		this.methodology = methodology;
		this.notes = notes;
	}

	/**
	 * @param owner   the machine or utility (null for a park item)
	 * @param years   the assessed period (service life for lines, 1 for parks)
	 * @param endOfLife whether the refrigerant's end of life is inside the period (lines)
	 */
	void add(EObject element, EObject owner, String where, List<Fuel> fuels, List<Refrigerant> refrigerants, List<ProcessEmission> emissions,
			double years, boolean endOfLife, List<Activity> activities) {
		for (Fuel fuel : fuels) {
			Rule rule = rule(ActivityKind.FUEL, Module.B6);
			String at = where + ", fuel " + fuel.getName();
			double[] amount = fuelAmount(fuel.getAmount().getValue().doubleValue(), fuel.getAmount().getUnit(), fuel.getFactor(), fuel, at);
			activities.add(new Activity(fuel, rule.module(), "fuel " + fuel.getName() + " (" + format(fuel.getAmount().getValue().doubleValue())
					+ " " + fuel.getAmount().getUnit() + " a year)", amount[0] * years, unit(fuel.getFactor(), at), fuel.getFactor(), 0, false,
					owner, rule.scope(), null));
		}
		for (Refrigerant r : refrigerants) {
			Rule rule = rule(ActivityKind.REFRIGERANT, Module.B1);
			String at = where + ", refrigerant " + r.getName();
			double charge = Quantities.in(r.getCharge(), "kg", at + ", charge");
			double leak = Quantities.fraction(r.getLeakRate(), at + ", leak rate");
			activities.add(new Activity(r, rule.module(), "refrigerant leak " + r.getName() + " (" + format(charge) + " kg × " + format(100 * leak)
					+ " % a year)", charge * leak * years, "kg", r.getFactor(), 0, false, owner, rule.scope(), null));
			if (endOfLife) {
				double recovery = r.getRecovery() == null ? 0 : Quantities.fraction(r.getRecovery(), at + ", recovery");
				if (r.getRecovery() == null) {
					notes.add("Refrigerant " + r.getName() + " of " + where + " declares no end-of-life recovery: its full charge is counted as "
							+ "released at end of life (C1).");
				}
				activities.add(new Activity(r, Module.C1, "refrigerant release at end of life " + r.getName(), charge * (1 - recovery), "kg",
						r.getFactor(), 0, false, owner));
			}
		}
		for (ProcessEmission e : emissions) {
			Rule rule = rule(ActivityKind.EMISSION, Module.B1);
			String at = where + ", emission " + e.getName();
			if (e.getFactor() == null) {
				activities.add(new Activity(e, rule.module(), "process emission " + e.getName(), years, "a", null,
						Quantities.in(e.getAmount(), "kgCO2e", at) * years, false, owner, rule.scope(), null));
			} else {
				String unit = unit(e.getFactor(), at);
				activities.add(new Activity(e, rule.module(), "process emission " + e.getName(), Quantities.in(e.getAmount(), unit, at) * years,
						unit, e.getFactor(), 0, false, owner, rule.scope(), null));
			}
		}
	}

	private static String unit(Provider provider, String where) {
		return Quantities.referenceUnit(provider, where);
	}

	/**
	 * A fuel amount in the unit its factor applies per: converted directly when the dimensions agree, otherwise through
	 * the factor's net calorific value (energy per activity unit): energy → volume or mass divides by it, volume or mass
	 * → energy multiplies by it.
	 *
	 * @return the amount (one element, an array so callers can extend it)
	 * @throws CalculationException naming the fuel and the factor when the calorific value is needed but missing
	 */
	static double[] fuelAmount(double value, String unit, Provider provider, EObject element, String where) {
		String to = Quantities.referenceUnit(provider, where);
		try {
			return new double[] { Quantities.convert(value, unit, to) };
		} catch (IllegalArgumentException e) {
			EmissionFactor factor = provider instanceof EmissionFactor f ? f : null;
			if (factor == null || factor.getCalorific() == null) {
				throw new CalculationException(element, where + ": the amount is in " + unit + " but "
						+ (factor == null ? "process '" : "factor '") + provider.getName() + "' applies per " + to
						+ "; converting needs the factor's calorific value (e.g. 'calorific 36 MJ/m3'), which it does not declare");
			}
			String cal = factor.getCalorific().getUnit();
			double calorificMJ = Quantities.in(factor.getCalorific(), "MJ/" + to, where + ", calorific value of factor '" + factor.getName() + "'");
			Optional<Double> energyMJ = tryConvert(value, unit, "MJ");
			if (energyMJ.isPresent()) {
				return new double[] { energyMJ.get() / calorificMJ };
			}
			throw new CalculationException(element, where + ": the amount in " + unit + " converts neither to " + to + " nor, through the "
					+ "calorific value " + factor.getCalorific().getValue().toPlainString() + " " + cal + ", to energy");
		}
	}

	/** The energy of an amount in MJ, directly or through its factor's calorific value; empty when unknown. */
	static Optional<Double> energyMJ(double value, String unit, Provider provider, String where) {
		Optional<Double> direct = tryConvert(value, unit, "MJ");
		if (direct.isPresent() || !(provider instanceof EmissionFactor f) || f.getCalorific() == null) {
			return direct;
		}
		String to = Quantities.referenceUnit(f, where);
		try {
			double amount = Quantities.convert(value, unit, to);
			return Optional.of(amount * Quantities.in(f.getCalorific(), "MJ/" + to, where));
		} catch (IllegalArgumentException | CalculationException e) {
			return Optional.empty();
		}
	}

	private static Optional<Double> tryConvert(double value, String unit, String to) {
		try {
			return Optional.of(Quantities.convert(value, unit, to));
		} catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private record Rule(Module module, Scope scope) {
	}

	private Rule rule(ActivityKind kind, Module fallback) {
		for (AccountingRule rule : methodology.getAccounts()) {
			if (rule.getKind() == kind && rule.getModule() != null) {
				Scope scope = rule.getScope() == null ? null : Scope.valueOf(rule.getScope().getName().replace("SCOPE", "SCOPE_"));
				return new Rule(Module.valueOf(rule.getModule().getName()), scope);
			}
		}
		if (noted.add(kind)) {
			notes.add("The methodology does not map " + kind.getLiteral() + " activities (no 'account " + kind.getLiteral() + "' rule); "
					+ fallback + " in scope 1 is used.");
		}
		return new Rule(fallback, Scope.SCOPE_1);
	}
}
