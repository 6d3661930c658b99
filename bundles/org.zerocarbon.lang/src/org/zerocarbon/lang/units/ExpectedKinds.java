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

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.measure.Dimension;
import javax.measure.Unit;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.DataQualityRule;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.Generation;
import org.zerocarbon.model.zc.Instrument;
import org.zerocarbon.model.zc.DirectEmission;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Exchange;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Fuel;
import org.zerocarbon.model.zc.GwpPart;
import org.zerocarbon.model.zc.GwpSplit;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.ProcessEmission;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.ProcessOutput;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.QualityMetric;
import org.zerocarbon.model.zc.Subassembly;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.UtilitySupply;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

/**
 * Which kinds of quantity each metamodel feature accepts: the rated power of a machine is a power, a transport
 * distance a distance, a grid factor a carbon mass per energy. The validator, the quick fixes, content assist and
 * the engine all read this one table, so they cannot disagree.
 */
public final class ExpectedKinds {

	private static final Map<EStructuralFeature, Expectation> TABLE = new HashMap<>();
	private static final Other AREA = Other.of("an area", "m2");
	private static final Other ENERGY_PER_ENERGY = Other.of("an energy per energy", "kgce/kWh");

	/**
	 * A kind of quantity the units library has no {@link QuantityKind} for (an area, an energy per volume, an energy
	 * per energy): accepted by dimension.
	 *
	 * @param label     as named in messages, with its article ("an area")
	 * @param example   the unit a quick fix or content assist proposes ("m2")
	 * @param dimension the accepted dimension
	 */
	public record Other(String label, String example, Dimension dimension) {

		static Other of(String label, String example) {
			return new Other(label, example, ZcUnits.parse(example).getDimension());
		}
	}

	/**
	 * What a feature expects.
	 *
	 * @param kinds         the accepted kinds; the first one is the preferred kind (its unit is what a quick fix
	 *                      proposes)
	 * @param others        further accepted dimensions without a {@link QuantityKind}
	 * @param what          the feature as named in messages, e.g. "rated power"
	 * @param unitOptional  whether a bare number is accepted (dimensionless)
	 * @param mayBeNegative whether a negative value is accepted (biogenic removals)
	 * @param hint          appended to a wrong-unit message (why that unit is expected), or null
	 */
	public record Expectation(List<QuantityKind> kinds, List<Other> others, String what, boolean unitOptional, boolean mayBeNegative,
			String hint) {

		public Expectation(List<QuantityKind> kinds, String what, boolean unitOptional) {
			this(kinds, List.of(), what, unitOptional, false, null);
		}

		/** The kind a quick fix or content assist proposes first, or null when only {@link #others()} are accepted. */
		public QuantityKind preferred() {
			return kinds.isEmpty() ? null : kinds.get(0);
		}

		/** The unit a quick fix or a message proposes first. */
		public String preferredSymbol() {
			return kinds.isEmpty() ? others.get(0).example() : kinds.get(0).preferredSymbol();
		}

		/** Whether a unit expression is valid and of an accepted kind. */
		public boolean accepts(String unit) {
			if (kinds.stream().anyMatch(kind -> kind.accepts(unit))) {
				return true;
			}
			Optional<Dimension> dimension = ZcUnits.dimensionOf(unit);
			return dimension.isPresent() && others.stream().anyMatch(o -> o.dimension().equals(dimension.get()));
		}

		/** Whether only a ratio is accepted (so it is at most 100 %). */
		public boolean isRatio() {
			return kinds.equals(List.of(RATIO)) && others.isEmpty();
		}

		/** The unit symbols to propose, best first. */
		public List<String> symbols() {
			Set<String> result = new LinkedHashSet<>();
			result.add(preferredSymbol());
			kinds.forEach(kind -> result.add(kind.preferredSymbol()));
			others.forEach(other -> result.add(other.example()));
			kinds.forEach(kind -> result.addAll(kind.symbols()));
			for (Other other : others) {
				ZcUnits.symbols().stream().filter(s -> ZcUnits.dimensionOf(s).map(other.dimension()::equals).orElse(false))
						.forEach(result::add);
			}
			return new ArrayList<>(result);
		}

		/** "a power", or "a power or an energy". */
		public String describe() {
			List<String> labels = new ArrayList<>();
			kinds.forEach(kind -> labels.add(kind.label()));
			others.forEach(other -> labels.add(other.label()));
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < labels.size(); i++) {
				if (i > 0) {
					text.append(i == labels.size() - 1 ? " or " : ", ");
				}
				text.append(labels.get(i));
			}
			return text.toString();
		}

		Expectation withHint(String text) {
			return new Expectation(kinds, others, what, unitOptional, mayBeNegative, text);
		}

		Expectation signed() {
			return new Expectation(kinds, others, what, unitOptional, true, hint);
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
		// energy supply
		put(Literals.GENERATION__RATE, "emission rate of the generation", CARBON_PER_ENERGY);
		put(Literals.CONTRACT__SHARE, "contracted share of the consumption", RATIO);
		put(Literals.CONTRACT__RATE, "emission rate of the contract", CARBON_PER_ENERGY);
		put(Literals.ENERGY_SOURCE__RATE, "emission rate of the source", CARBON_PER_ENERGY);
		// scope 1
		put(Literals.REFRIGERANT__CHARGE, "refrigerant charge", MASS);
		put(Literals.REFRIGERANT__LEAK_RATE, "leak rate per year", RATIO);
		put(Literals.REFRIGERANT__RECOVERY, "end-of-life recovery", RATIO);
		// processes, functional-unit data, tce
		put(Literals.OPERATING_PROFILE__OUTPUT, "output rate of the line", RATE);
		// measured data
		put(Literals.STATE_THRESHOLD__LIMIT, "power threshold of the state", POWER);
		put(Literals.METER__ROLLOVER, "counter rollover value", ENERGY);
		put(Literals.METER__GAP, "gap threshold", TIME);
		put(Literals.DATA_SOURCE__REFRESH, "refresh interval", TIME);
		put(Literals.METHODOLOGY__TOLERANCE, "reconciliation tolerance", RATIO);
		TABLE.put(Literals.PARK_ITEM__AREA, new Expectation(List.of(), List.of(AREA), "floor area", false, false, null));
		TABLE.put(Literals.TCE_COEFFICIENT__VALUE, new Expectation(List.of(), List.of(ENERGY_PER_ENERGY), "conversion coefficient",
				false, false, null));
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
			case GRID, RESIDUAL -> new Expectation(List.of(CARBON_PER_ENERGY), kind.getLiteral() + " factor", false);
			case MATERIAL, WASTE, REFRIGERANT -> new Expectation(List.of(CARBON_PER_MASS), kind.getLiteral() + " factor", false);
			case TRANSPORT -> new Expectation(List.of(CARBON_PER_FREIGHT), "transport factor", false);
			case FUEL -> new Expectation(List.of(CARBON_PER_ENERGY, CARBON_PER_MASS, CARBON_PER_VOLUME), "fuel factor", false);
			case CREDIT -> new Expectation(List.of(CARBON_PER_MASS, CARBON_PER_ENERGY, CARBON_PER_VOLUME), "credit factor", false);
			default -> new Expectation(List.of(CARBON_PER_MASS, CARBON_PER_ENERGY, CARBON_PER_FREIGHT, CARBON_PER_VOLUME, CARBON_MASS),
					kind.getLiteral() + " factor", false);
		};
	}

	/**
	 * What a quantity is expected to be, from the feature that contains it; empty when any unit is fine (set-points,
	 * criteria constants, a process's reference output).
	 */
	public static Optional<Expectation> of(Quantity quantity) {
		EObject container = quantity.eContainer();
		EStructuralFeature feature = quantity.eContainingFeature();
		if (container instanceof EmissionFactor factor && feature == Literals.EMISSION_FACTOR__VALUE) {
			return Optional.of(forFactor(factor.getKind()));
		}
		if (container instanceof EmissionFactor factor && feature == Literals.EMISSION_FACTOR__CALORIFIC) {
			return Optional.of(calorific(factor));
		}
		if (container instanceof GwpSplit split && split.eContainer() instanceof EmissionFactor factor) {
			return Optional.of(splitPart(factor, feature));
		}
		if (container instanceof Uncertainty uncertainty && uncertainty.eContainer() instanceof EmissionFactor factor) {
			Expectation value = forFactor(factor.getKind());
			return Optional.of(new Expectation(value.kinds(), "uncertainty bound", false));
		}
		if (container instanceof Uncertainty uncertainty && uncertainty.eContainer() instanceof Exchange exchange
				&& exchange.getAmount() != null) {
			return of(exchange.getAmount()).map(e -> new Expectation(e.kinds(), e.others(), "uncertainty bound", e.unitOptional(),
					e.mayBeNegative(), e.hint()));
		}
		if (container instanceof UtilitySupply supply && feature == Literals.UTILITY_SUPPLY__AMOUNT) {
			return Optional.of(supply.isAnnual() ? SUPPLY_PER_YEAR : SUPPLY_RATE);
		}
		if (container instanceof DataQualityRule rule) {
			return Optional.of(new Expectation(List.of(RATIO), rule.getMetric() == QualityMetric.PEDIGREE ? "pedigree score"
					: "primary-data share", rule.getMetric() == QualityMetric.PEDIGREE));
		}
		if (container instanceof Instrument && feature == Literals.INSTRUMENT__AMOUNT) {
			String what = container instanceof Certificate ? "certified energy" : container instanceof Generation ? "generated energy per year"
					: "contracted energy per year";
			return Optional.of(new Expectation(List.of(ENERGY), what, false));
		}
		if (container instanceof Fuel fuel && feature == Literals.FUEL__AMOUNT) {
			return Optional.of(fuelAmount(fuel));
		}
		if (container instanceof ProcessEmission emission && feature == Literals.PROCESS_EMISSION__AMOUNT) {
			Optional<Expectation> activity = activityOf(emission.getFactor(), "emitting activity per year");
			return Optional.of(activity.orElse(new Expectation(List.of(CARBON_MASS), "process emission per year", false)));
		}
		if (container instanceof ProcessInput input && feature == Literals.EXCHANGE__AMOUNT) {
			return activityOf(input.getProvider(), "input amount");
		}
		if (container instanceof DirectEmission emission && feature == Literals.EXCHANGE__AMOUNT) {
			Expectation e = new Expectation(List.of(CARBON_MASS), "direct emission per run", false);
			return Optional.of(emission.getPart() == GwpPart.FOSSIL ? e : e.signed());
		}
		if (container instanceof ProcessOutput) {
			return Optional.empty();
		}
		if (container instanceof Subassembly part && feature == Literals.SUBASSEMBLY__DECLARED && part.getProduct() != null) {
			return activityOf(part.getProduct(), "declared amount");
		}
		if (container instanceof DeclaredProduct) {
			return Optional.empty(); // the declared unit: any unit (1 kg, 1 m2, 1 piece)
		}
		if (container instanceof GwpSplit split && split.eContainer() instanceof DeclaredModule) {
			// a part without a unit is in the module's unit
			return Optional.of(new Expectation(List.of(CARBON_MASS), List.of(), "GWP-" + feature.getName() + " part", true, true, null));
		}
		if (container instanceof DeclaredModule || container instanceof Uncertainty uncertainty && uncertainty.eContainer() instanceof DeclaredModule) {
			// GWP per declared unit; module D and biogenic removals are negative
			return Optional.of(new Expectation(List.of(CARBON_MASS), "GWP of the module per declared unit", false).signed());
		}
		return Optional.ofNullable(TABLE.get(feature));
	}

	/** The fuel amount is in the factor's activity unit, or an energy when the factor declares its calorific value. */
	private static Expectation fuelAmount(Fuel fuel) {
		Optional<Expectation> activity = fuel.getFactor() instanceof EmissionFactor factor && factor.getKind() != FactorKind.FUEL
				? Optional.empty() // the factor's kind is wrong (reported): its unit says nothing about the fuel's
				: activityOf(fuel.getFactor(), "fuel amount per year");
		if (activity.isEmpty()) {
			return new Expectation(List.of(VOLUME, MASS, ENERGY), "fuel amount per year", false);
		}
		Expectation e = activity.get();
		if (fuel.getFactor() instanceof EmissionFactor factor && factor.getCalorific() != null && !e.kinds().contains(ENERGY)) {
			List<QuantityKind> kinds = new ArrayList<>(e.kinds());
			kinds.add(ENERGY);
			return new Expectation(kinds, e.others(), e.what(), false, false, " (factor '" + factor.getName() + "' is per "
					+ activityUnitText(factor) + "; with its calorific value an energy converts too)");
		}
		return e;
	}

	/**
	 * What an amount of the activity a provider is per must be: the denominator of a factor's value unit (kgCO2e/kWh:
	 * an energy), or a process's output unit. Empty when the provider is unresolved or its unit unknown.
	 */
	public static Optional<Expectation> activityOf(Provider provider, String what) {
		Optional<Unit<?>> unit = referenceUnit(provider);
		if (unit.isEmpty()) {
			return Optional.empty();
		}
		String text = provider instanceof EmissionFactor factor ? activityUnitText(factor)
				: provider instanceof Process process ? process.getOutput().getAmount().getUnit() : declaredUnit(provider);
		String hint = " ('" + provider.getName() + "' is per " + (text == null ? "run" : text) + ")";
		if (unit.get().getDimension().equals(ZcUnits.parse("parts").getDimension())) {
			return Optional.of(new Expectation(List.of(RATIO), List.of(), what, true, false, hint));
		}
		Optional<QuantityKind> kind = QuantityKind.of(unit.get());
		if (kind.isPresent()) {
			return Optional.of(new Expectation(List.of(kind.get()), List.of(), what, false, false, hint));
		}
		String example = text == null ? unit.get().toString() : text;
		return Optional.of(new Expectation(List.of(), List.of(new Other("a unit convertible to " + example, example,
				unit.get().getDimension())), what, false, false, hint));
	}

	/**
	 * The unit one "run" of a provider is per: for a factor, its value unit divided out of kg CO2e (kgCO2e/m3 gives
	 * m3); for a process, its output unit. Empty when unresolved or not a valid unit.
	 */
	public static Optional<Unit<?>> referenceUnit(Provider provider) {
		if (provider instanceof EmissionFactor factor && !factor.eIsProxy()) {
			if (factor.getValue() == null || factor.getValue().getUnit() == null) {
				return Optional.empty();
			}
			return ZcUnits.tryParse(factor.getValue().getUnit()).map(u -> ZcUnits.KG_CO2E.divide(u));
		}
		if (provider instanceof Process process && !process.eIsProxy() && process.getOutput() != null
				&& process.getOutput().getAmount() != null) {
			String unit = process.getOutput().getAmount().getUnit();
			return unit == null ? ZcUnits.tryParse("parts") : ZcUnits.tryParse(unit);
		}
		String declared = declaredUnit(provider);
		if (declared != null) {
			return ZcUnits.tryParse(declared);
		}
		return Optional.empty();
	}

	/** The unit of an EPD's declared unit (per 1 kg: kg) for a declared product or one of its modules, or null. */
	public static String declaredUnit(Provider provider) {
		EObject product = provider instanceof DeclaredModule module ? module.eContainer() : provider;
		if (product instanceof DeclaredProduct declared && !declared.eIsProxy() && declared.getPer() != null) {
			return declared.getPer().getUnit() == null ? "parts" : declared.getPer().getUnit();
		}
		return null;
	}

	/** The unit a factor is per, as written ("m3" for kgCO2/m3), or null when its unit has no '/'. */
	public static String activityUnitText(EmissionFactor factor) {
		String unit = factor.getValue() == null ? null : factor.getValue().getUnit();
		if (unit == null || unit.indexOf('/') < 0) {
			return null;
		}
		return unit.substring(unit.indexOf('/') + 1);
	}

	/** A net calorific value: an energy per the factor's activity unit (36 MJ/m3 for a factor per m3). */
	private static Expectation calorific(EmissionFactor factor) {
		Optional<Unit<?>> activity = referenceUnit(factor);
		String text = activityUnitText(factor);
		if (activity.isEmpty() || text == null) {
			return new Expectation(List.of(), List.of(Other.of("an energy per volume", "MJ/m3"), Other.of("an energy per mass", "MJ/kg")),
					"calorific value", false, false, null);
		}
		Unit<?> perActivity = ZcUnits.parse("MJ").divide(activity.get());
		return new Expectation(List.of(), List.of(new Other("an energy per " + text, "MJ/" + text, perActivity.getDimension())),
				"calorific value", false, false, " (factor '" + factor.getName() + "' is per " + text + ")");
	}

	/** A part of the GWP split is in the factor's unit (no unit: the factor's unit); biogenic and luluc parts may be negative. */
	private static Expectation splitPart(EmissionFactor factor, EStructuralFeature feature) {
		String what = "GWP-" + feature.getName() + " part";
		Expectation value = forFactor(factor.getKind());
		Optional<Dimension> dimension = factor.getValue() == null ? Optional.empty() : ZcUnits.dimensionOf(factor.getValue().getUnit());
		Expectation e = dimension.isEmpty() ? new Expectation(value.kinds(), List.of(), what, true, false, null)
				: new Expectation(List.of(), List.of(new Other("in the unit of the factor (" + factor.getValue().getUnit() + ")",
						factor.getValue().getUnit(), dimension.get())), what, true, false, null);
		return feature == Literals.GWP_SPLIT__FOSSIL ? e : e.signed();
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
