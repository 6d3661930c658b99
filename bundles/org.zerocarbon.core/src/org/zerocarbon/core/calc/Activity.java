package org.zerocarbon.core.calc;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Provider;

/**
 * One inventory entry: an element, a life-cycle module, an amount with its unit, and either an emission factor or a
 * declared CO2e value.
 *
 * @param element        the model element that causes it
 * @param module         its life-cycle module
 * @param description    what it is, e.g. "electricity, processing state"
 * @param amount         the activity amount in {@code unit}
 * @param unit           the unit of the amount
 * @param factor         the emission factor or process, or null for a declared value
 * @param declaredKgCO2e the declared emissions when {@code factor} is null
 * @param primary        primary (measured, supplier-specific) data
 * @param owner          the machine or utility whose process demands it, or null for the subject itself
 */
record Activity(EObject element, Module module, String description, double amount, String unit, Provider factor,
		double declaredKgCO2e, boolean primary, EObject owner) {
}
