package org.zerocarbon.units;

import javax.measure.Quantity;

/**
 * The quantity type of greenhouse-gas mass expressed as CO2 equivalents (kgCO2e). It has a base dimension of its
 * own ({@link ZcUnits#CARBON_DIMENSION}), so that an emission intensity such as kgCO2e/kg is not mistaken for a
 * dimensionless ratio and a carbon mass is never added to a material mass.
 */
public interface CarbonMass extends Quantity<CarbonMass> {
}
