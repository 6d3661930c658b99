package org.zerocarbon.lang.validation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.xtext.validation.Check;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.UtilitySupply;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * Shared utilities (compressed air, cooling ...): their electricity is given one way, they deliver one product to the
 * machines they supply, and they do not lose everything they generate.
 */
public class UtilityValidator extends ZcRuleValidator {

	/** A utility's electricity is given one way: energy states, electricity per year, or energy per unit generated. */
	@Check
	public void checkUtilityElectricity(Utility utility) {
		List<String> ways = new ArrayList<>();
		if (!utility.getStates().isEmpty()) {
			ways.add("energy states");
		}
		if (utility.getElectricity() != null) {
			ways.add("electricity per year");
		}
		if (utility.getSpecificEnergy() != null) {
			ways.add("specific energy");
		}
		if (ways.size() > 1) {
			error("The electricity of utility '" + utility.getName() + "' is given " + ways.size() + " ways (" + String.join(", ", ways)
					+ "): keep one of energy states, 'electricity ... per year' and 'specific energy'", utility, Literals.NAMED_ELEMENT__NAME,
					ZcIssueCodes.UTILITY_ELECTRICITY);
		} else if (ways.isEmpty()) {
			warning("Utility '" + utility.getName() + "' uses no electricity in the model, so only its embodied carbon is counted: add its "
					+ "energy states, 'electricity <energy> per year' or 'specific energy <energy per unit>'", utility,
					Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.UTILITY_ELECTRICITY);
		}
	}

	/**
	 * What the machines draw must be one product (a volume such as compressed air, or an energy such as cooling), the
	 * specific energy must be per that product, and leaks must leave something to deliver.
	 */
	@Check
	public void checkUtilitySupplies(Utility utility) {
		if (utility.getSupplies().isEmpty()) {
			warning("Utility '" + utility.getName() + "' supplies no machine: its footprint is counted in the line but allocated to no "
					+ "machine; add 'supplies <machine> <rate>'", utility, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.UTILITY_WITHOUT_CONSUMERS);
		}
		QuantityKind product = null;
		UtilitySupply first = null;
		for (UtilitySupply supply : utility.getSupplies()) {
			QuantityKind kind = productOf(supply.getAmount());
			if (kind == null) {
				continue; // the unit rule reports it
			}
			if (product == null) {
				product = kind;
				first = supply;
			} else if (kind != product) {
				error("Utility '" + utility.getName() + "' supplies " + product.label() + " to '" + name(first.getMachine()) + "' but "
						+ kind.label() + " to '" + name(supply.getMachine()) + "': a utility delivers one product (split it into two utilities)",
						supply, Literals.UTILITY_SUPPLY__AMOUNT, ZcIssueCodes.UTILITY_SUPPLY_UNITS);
			}
		}
		Quantity specific = utility.getSpecificEnergy();
		if (specific != null && product != null && specific.getValue() != null && specific.getUnit() != null
				&& ZcUnits.tryParse(specific.getUnit()).isPresent()) {
			String per = product == QuantityKind.ENERGY ? "kWh/kWh" : "kWh/m3";
			if (!ZcUnits.isCompatible(specific.getUnit(), per)) {
				error("The specific energy of utility '" + utility.getName() + "' must be an energy per "
						+ (product == QuantityKind.ENERGY ? "energy delivered (e.g. 0.3 kWh/kWh)" : "volume delivered (e.g. 0.11 kWh/Nm3)")
						+ ", but '" + specific.getUnit() + "' is not", specific, Literals.QUANTITY__UNIT, ZcIssueCodes.WRONG_DIMENSION,
						product == QuantityKind.ENERGY ? "kWh/kWh" : "kWh/Nm3");
			} else if (specific.getValue().signum() < 0) {
				error("The specific energy of utility '" + utility.getName() + "' cannot be negative", specific, Literals.QUANTITY__VALUE,
						ZcIssueCodes.NEGATIVE_QUANTITY);
			}
		}
		Quantity leaks = utility.getLeakage();
		if (isOfKind(leaks, QuantityKind.RATIO) && ZcUnits.convert(leaks.getValue(), leaks.getUnit(), "%").compareTo(HUNDRED) == 0) {
			error("Utility '" + utility.getName() + "' cannot lose everything it generates: its leaks must be below 100 %", leaks,
					Literals.QUANTITY__VALUE, ZcIssueCodes.RATIO_ABOVE_100);
		}
	}

	/** A rate drawn in one energy state needs the machine to declare that state. */
	@Check
	public void checkSupplyState(UtilitySupply supply) {
		Machine machine = supply.getMachine();
		if (!supply.isSetState() || machine == null || machine.eIsProxy()) {
			return;
		}
		if (machine.getStates().stream().noneMatch(s -> s.getState() == supply.getState())) {
			warning("Machine '" + machine.getName() + "' declares no '" + supply.getState().getLiteral() + "' state, so it draws nothing "
					+ "in it: add 'state " + supply.getState().getLiteral() + " <power> for <share>' to the machine or change the state",
					supply, Literals.UTILITY_SUPPLY__STATE, ZcIssueCodes.SUPPLY_STATE_UNKNOWN);
		}
	}

	/** VOLUME or ENERGY for the product a supply quantity is of (a rate or an amount per year), null when unknown. */
	private static QuantityKind productOf(Quantity amount) {
		if (amount == null || amount.getValue() == null || amount.getUnit() == null) {
			return null;
		}
		return ZcUnits.kindOf(amount.getUnit()).map(kind -> switch (kind) {
			case VOLUME, VOLUME_FLOW -> QuantityKind.VOLUME;
			case ENERGY, POWER -> QuantityKind.ENERGY;
			default -> null;
		}).orElse(null);
	}

	private static String name(Machine machine) {
		return machine == null ? "?" : machine.getName();
	}
}
