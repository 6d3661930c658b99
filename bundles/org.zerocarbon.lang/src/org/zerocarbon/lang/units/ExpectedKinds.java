package org.zerocarbon.lang.units;

import static org.zerocarbon.units.QuantityKind.CARBON_MASS;
import static org.zerocarbon.units.QuantityKind.CARBON_PER_ENERGY;
import static org.zerocarbon.units.QuantityKind.CARBON_PER_FREIGHT;
import static org.zerocarbon.units.QuantityKind.CARBON_PER_MASS;
import static org.zerocarbon.units.QuantityKind.CARBON_PER_VOLUME;
import static org.zerocarbon.units.QuantityKind.ENERGY;
import static org.zerocarbon.units.QuantityKind.LENGTH;
import static org.zerocarbon.units.QuantityKind.MASS;
import static org.zerocarbon.units.QuantityKind.POWER;
import static org.zerocarbon.units.QuantityKind.RATE;
import static org.zerocarbon.units.QuantityKind.RATIO;
import static org.zerocarbon.units.QuantityKind.TIME;
import static org.zerocarbon.units.QuantityKind.VOLUME;
import static org.zerocarbon.units.QuantityKind.VOLUME_FLOW;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.zerocarbon.model.zc.DataQualityRule;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.QualityMetric;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.UtilitySupply;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;

/**
 * Which kinds of quantity each metamodel feature accepts: the rated power of a machine is a power, a transport
 * distance a distance, a grid factor a carbon mass per energy. The validator, the quick fixes, content assist and
 * the engine all read this one table, so they cannot disagree.
 */
public final class ExpectedKinds {

	private static final Map<EStructuralFeature, Expectation> TABLE = new HashMap<>();

	/**
	 * What a feature expects.
	 *
	 * @param kinds        the accepted kinds; the first one is the preferred kind (its unit is what a quick fix
	 *                     proposes)
	 * @param what         the feature as named in messages, e.g. "rated power"
	 * @param unitOptional whether a bare number is accepted (dimensionless)
	 */
	public record Expectation(List<QuantityKind> kinds, String what, boolean unitOptional) {

		/** The kind a quick fix or content assist proposes first. */
		public QuantityKind preferred() {
			return kinds.get(0);
		}

		/** "a power", or "a power or an energy". */
		public String describe() {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < kinds.size(); i++) {
				if (i > 0) {
					text.append(i == kinds.size() - 1 ? " or " : ", ");
				}
				text.append(kinds.get(i).label());
			}
			return text.toString();
		}
	}

	static {
		put(Literals.MACHINE__RATED_POWER, "rated power", POWER);
		put(Literals.STATE_USE__POWER, "power in the state", POWER);
		put(Literals.STATE_USE__SHARE, "share of time", RATIO);
		put(Literals.COMPONENT__POWER, "component power", POWER);
		put(Literals.OPERATING_PROFILE__HOURS_PER_YEAR, "operating hours per year", TIME);
		put(Literals.OPERATING_PROFILE__SERVICE_LIFE, "service life", TIME);
		put(Literals.DIGITAL_TWIN__UPDATE_RATE, "twin update interval", TIME);
		put(Literals.MATERIAL_FLOW__RATE, "flow rate", RATE);
		put(Literals.SUBASSEMBLY__DECLARED, "declared carbon", CARBON_MASS);
		put(Literals.MATERIAL_USE__MASS, "material mass", MASS);
		put(Literals.TRANSPORT__MASS, "transported mass", MASS);
		put(Literals.TRANSPORT__DISTANCE, "transport distance", LENGTH);
		put(Literals.INSTALLATION__ENERGY, "installation energy", ENERGY);
		put(Literals.INSTALLATION__EMISSIONS, "installation emissions", CARBON_MASS);
		put(Literals.CONSUMABLE__AMOUNT, "amount per replacement", MASS, VOLUME);
		put(Literals.CONSUMABLE__INTERVAL, "replacement interval", TIME);
		put(Literals.END_OF_LIFE__SHARE, "end-of-life share", RATIO);
		put(Literals.OPERATION__RATE, "operation rate", RATE);
		put(Literals.STATE_TIME__TIME, "time per part", TIME);
		put(Literals.METER__INTERVAL, "sampling interval", TIME);
		put(Literals.ASSET__RATED_POWER, "rated power", POWER);
		put(Literals.SENSOR__SAMPLING, "sampling interval", TIME);
		put(Literals.SAVING__AMOUNT, "saving (per year)", ENERGY, RATIO, POWER);
		put(Literals.ENERGY_SOURCE__CAPACITY, "capacity", POWER, ENERGY);
		put(Literals.ENERGY_SOURCE__ANNUAL_ENERGY, "energy per year", ENERGY);
		put(Literals.PARK_ITEM__ENERGY, "energy per year", ENERGY);
		put(Literals.PARK_ITEM__EMISSIONS, "emissions per year", CARBON_MASS);
		put(Literals.PARK_ITEM__REMOVALS, "removals per year", CARBON_MASS);
		put(Literals.ANNUAL_FIGURES__ENERGY, "annual energy consumption", ENERGY);
		put(Literals.ANNUAL_FIGURES__EMISSIONS, "annual emissions", CARBON_MASS);
		put(Literals.ANNUAL_FIGURES__CLEAN_SHARE, "clean-energy share", RATIO);
		put(Literals.METHODOLOGY__CUTOFF, "cut-off", RATIO);
		put(Literals.MODULE_SPEC__WEIGHT, "module weight", RATIO);
		put(Literals.SERVICE_LIFE_RULE__DEFAULT_LIFE, "default service life", TIME);
		put(Literals.SERVICE_LIFE_RULE__MIN_LIFE, "shortest service life", TIME);
		put(Literals.SERVICE_LIFE_RULE__MAX_LIFE, "longest service life", TIME);
		put(Literals.PROCESS_FUNCTION__HOURS, "operating time of the function", TIME);
		put(Literals.PROCESS_FUNCTION__CAPACITY, "output capacity of the function", RATE);
		put(Literals.PROCESS_FUNCTION__OUTPUT, "output of the function", RATE, RATIO);
		put(Literals.PROCESS_FUNCTION__MASS, "mass processed by the function", MASS);
		put(Literals.PROCESS_FUNCTION__ENERGY, "energy used by the function", ENERGY);
		TABLE.put(Literals.PROCESS_FUNCTION__VALUE, new Expectation(List.of(RATIO), "economic value of the function", true));
		put(Literals.PROCESS_FUNCTION__SHARE, "allocation share", RATIO);
		put(Literals.UTILITY__RATED_POWER, "rated power", POWER);
		put(Literals.UTILITY__ELECTRICITY, "electricity per year", ENERGY);
		put(Literals.UTILITY__LEAKAGE, "leak share", RATIO);
		// the specific energy (energy per unit of the utility's product) is checked against the supplies by the validator
		put(Literals.UTILITY_SUPPLY__AMOUNT, "supplied amount", VOLUME_FLOW, POWER, VOLUME, ENERGY);
		put(Literals.CREDIT__AMOUNT, "recovered amount", MASS, VOLUME, ENERGY);
	}

	/** A rate a machine draws from a utility (per hour of its operating time or of one energy state). */
	private static final Expectation SUPPLY_RATE = new Expectation(List.of(VOLUME_FLOW, POWER), "supply rate", false);
	/** An amount a machine draws from a utility per year. */
	private static final Expectation SUPPLY_PER_YEAR = new Expectation(List.of(VOLUME, ENERGY), "supplied amount per year", false);

	private ExpectedKinds() {
	}

	private static void put(EReference feature, String what, QuantityKind... kinds) {
		TABLE.put(feature, new Expectation(List.of(kinds), what, false));
	}

	/** The kinds accepted by an emission factor of the given kind. */
	public static Expectation forFactor(FactorKind kind) {
		return switch (kind) {
			case GRID -> new Expectation(List.of(CARBON_PER_ENERGY), "grid factor", false);
			case MATERIAL, WASTE -> new Expectation(List.of(CARBON_PER_MASS), kind.getLiteral() + " factor", false);
			case TRANSPORT -> new Expectation(List.of(CARBON_PER_FREIGHT), "transport factor", false);
			case FUEL -> new Expectation(List.of(CARBON_PER_ENERGY, CARBON_PER_MASS, CARBON_PER_VOLUME), "fuel factor", false);
			case CREDIT -> new Expectation(List.of(CARBON_PER_MASS, CARBON_PER_ENERGY, CARBON_PER_VOLUME), "credit factor", false);
			default -> new Expectation(List.of(CARBON_PER_MASS, CARBON_PER_ENERGY, CARBON_PER_FREIGHT, CARBON_PER_VOLUME, CARBON_MASS),
					kind.getLiteral() + " factor", false);
		};
	}

	/**
	 * What a quantity is expected to be, from the feature that contains it; empty when any unit is fine (set-points,
	 * criteria constants).
	 */
	public static java.util.Optional<Expectation> of(Quantity quantity) {
		EObject container = quantity.eContainer();
		EStructuralFeature feature = quantity.eContainingFeature();
		if (container instanceof EmissionFactor factor && feature == Literals.EMISSION_FACTOR__VALUE) {
			return java.util.Optional.of(forFactor(factor.getKind()));
		}
		if (container instanceof Uncertainty uncertainty && uncertainty.eContainer() instanceof EmissionFactor factor) {
			Expectation value = forFactor(factor.getKind());
			return java.util.Optional.of(new Expectation(value.kinds(), "uncertainty bound", false));
		}
		if (container instanceof UtilitySupply supply && feature == Literals.UTILITY_SUPPLY__AMOUNT) {
			return java.util.Optional.of(supply.isAnnual() ? SUPPLY_PER_YEAR : SUPPLY_RATE);
		}
		if (container instanceof DataQualityRule rule) {
			return java.util.Optional.of(new Expectation(List.of(RATIO), rule.getMetric() == QualityMetric.PEDIGREE ? "pedigree score"
					: "primary-data share", rule.getMetric() == QualityMetric.PEDIGREE));
		}
		return java.util.Optional.ofNullable(TABLE.get(feature));
	}

	/** The expectation of a feature, or null when the table has none. */
	public static Expectation of(EStructuralFeature feature) {
		return TABLE.get(feature);
	}

	/** All kinds some feature expects (for content assist when the context is unknown). */
	public static Set<QuantityKind> allKinds() {
		Set<QuantityKind> kinds = EnumSet.noneOf(QuantityKind.class);
		TABLE.values().forEach(e -> kinds.addAll(e.kinds()));
		return kinds;
	}
}
