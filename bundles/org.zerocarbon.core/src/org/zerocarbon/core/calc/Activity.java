package org.zerocarbon.core.calc;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.model.zc.Provider;

/**
 * One inventory entry: an element, a life-cycle module, an amount with its unit, and either an emission factor or
 * process, a site-electricity mix, or a declared CO2e value.
 *
 * @param element        the model element that causes it
 * @param module         its life-cycle module
 * @param description    what it is, e.g. "electricity, processing state"
 * @param amount         the activity amount in {@code unit}
 * @param unit           the unit of the amount
 * @param factor         the emission factor or process, or null
 * @param declaredKgCO2e the declared emissions when neither {@code factor} nor {@code mix} is given
 * @param primary        primary (measured, supplier-specific) data
 * @param owner          the machine or utility whose process demands it, or null for the subject itself
 * @param scope          the scope the methodology's accounting rule maps it to, or null for the module's scope
 * @param mix            for electricity (amount in kWh): the supply mix it is drawn from, or null
 */
record Activity(EObject element, Module module, String description, double amount, String unit, Provider factor,
		double declaredKgCO2e, boolean primary, EObject owner, Scope scope, ElectricitySupply.Mix mix) {

	Activity(EObject element, Module module, String description, double amount, String unit, Provider factor, double declaredKgCO2e,
			boolean primary, EObject owner) {
		this(element, module, description, amount, unit, factor, declaredKgCO2e, primary, owner, null, null);
	}

	/** Electricity drawn from a supply mix. */
	static Activity electricity(EObject element, Module module, String description, double kWh, ElectricitySupply.Mix mix, EObject owner) {
		return new Activity(element, module, description, kWh, "kWh", null, 0, false, owner, null, mix);
	}
}
