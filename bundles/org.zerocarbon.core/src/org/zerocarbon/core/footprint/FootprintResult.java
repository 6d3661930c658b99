package org.zerocarbon.core.footprint;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The carbon footprint of one subject (a machine, a line or a park) computed under one methodology: the
 * result the reports render and the delta compares. All emission figures are in kg CO2e. Everything is derived
 * from the {@link Contribution}s, the atomic facts "this element, in this module and scope, caused this much",
 * so the totals can never disagree with their breakdown.
 * <p>
 * Lists are kept in a deterministic order (see {@link #normalized()}), so that the same model always gives
 * byte-identical reports.
 *
 * @param subject       what was assessed
 * @param methodology   under which methodology
 * @param contributions every contribution, module D included
 * @param functionalUnits the footprint per functional unit (module D excluded)
 * @param scope2        scope 2 reported both location-based and market-based
 * @param dataQuality   data quality of the inventory and the methodology's threshold checks
 * @param uncertainty   Monte Carlo result, or null when not computed
 * @param criteria      results of the methodology's criteria rule-sets
 * @param factors       provenance of every emission factor used
 * @param indicators    further indicators (e.g. park indicators: t CO2 per tce, clean-energy share)
 * @param notes         assumptions made and data found missing, in plain words
 */
public record FootprintResult(Subject subject, MethodologyRef methodology, List<Contribution> contributions,
		List<FunctionalUnitResult> functionalUnits, Scope2 scope2, DataQuality dataQuality, UncertaintyResult uncertainty,
		List<CriterionResult> criteria, List<FactorProvenance> factors, List<Indicator> indicators, List<String> notes) {

	public FootprintResult {
		contributions = List.copyOf(contributions);
		functionalUnits = List.copyOf(functionalUnits);
		criteria = List.copyOf(criteria);
		factors = List.copyOf(factors);
		indicators = List.copyOf(indicators);
		notes = List.copyOf(notes);
	}

	/** Total kg CO2e of modules A–C (module D excluded, as EN 15804 requires). */
	public double total() {
		return contributions.stream().filter(c -> !c.module().isReportedSeparately()).mapToDouble(Contribution::kgCO2e).sum();
	}

	/** Total kg CO2e of module D (benefits are negative). */
	public double moduleD() {
		return total(Module.D);
	}

	/** Total kg CO2e of one module, all scopes. */
	public double total(Module module) {
		return contributions.stream().filter(c -> c.module() == module).mapToDouble(Contribution::kgCO2e).sum();
	}

	/** Total kg CO2e of one scope (module D excluded). */
	public double total(Scope scope) {
		return contributions.stream().filter(c -> c.scope() == scope && !c.module().isReportedSeparately())
				.mapToDouble(Contribution::kgCO2e).sum();
	}

	/** Total kg CO2e of one module in one scope. */
	public double total(Module module, Scope scope) {
		return contributions.stream().filter(c -> c.module() == module && c.scope() == scope).mapToDouble(Contribution::kgCO2e).sum();
	}

	/** The module × scope table (only modules with contributions, in EN 15804 order). */
	public Map<Module, Map<Scope, Double>> table() {
		Map<Module, Map<Scope, Double>> table = new EnumMap<>(Module.class);
		for (Contribution c : contributions) {
			table.computeIfAbsent(c.module(), m -> new EnumMap<>(Scope.class)).merge(c.scope(), c.kgCO2e(), Double::sum);
		}
		return table;
	}

	/** The largest contributions by absolute value (module D excluded), at most {@code limit}. */
	public List<Contribution> topContributions(int limit) {
		return contributions.stream().filter(c -> !c.module().isReportedSeparately())
				.sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.kgCO2e())).thenComparing(Contribution.ORDER))
				.limit(limit).toList();
	}

	/** A copy with every list in its canonical order: what reports must serialize. */
	public FootprintResult normalized() {
		return new FootprintResult(subject, methodology, contributions.stream().sorted(Contribution.ORDER).toList(),
				functionalUnits, scope2, dataQuality, uncertainty, criteria.stream().sorted(Comparator.comparing(CriterionResult::id)).toList(),
				factors.stream().sorted(Comparator.comparing(FactorProvenance::name)).toList(), indicators, notes);
	}

	/**
	 * What was assessed.
	 *
	 * @param name  qualified name in the model, e.g. {@code demo.HousingCell}
	 * @param kind  "machine", "line", "park"...
	 * @param file  the model file, relative to the project or working directory
	 */
	public record Subject(String name, String kind, String file) {
	}

	/** The methodology definition used: its id, version and title as its file declares them. */
	public record MethodologyRef(String id, String version, String title, String file) {
	}

	/**
	 * One atomic fact of the inventory.
	 *
	 * @param element        qualified name of the model element that causes it, e.g. {@code demo.HousingCell.VMC1}
	 * @param elementUri     EMF URI of the element (for navigation), or null
	 * @param module         life-cycle module
	 * @param scope          GHG Protocol scope
	 * @param description    what it is, e.g. "electricity, processing state"
	 * @param activityAmount the activity amount, e.g. 21000
	 * @param activityUnit   its unit, e.g. "kWh"
	 * @param factor         qualified name of the emission factor, or null for declared (EPD) values
	 * @param kgCO2e         the emissions
	 * @param primaryData    true for primary (measured, supplier-specific) data
	 * @param dataQuality    pedigree-based data-quality rating (1 best .. 5 worst), or null when unknown
	 */
	public record Contribution(String element, String elementUri, Module module, Scope scope, String description,
			double activityAmount, String activityUnit, String factor, double kgCO2e, boolean primaryData, Double dataQuality) {

		/** Canonical order: module, scope, element, description, factor. */
		public static final Comparator<Contribution> ORDER = Comparator.comparing(Contribution::module)
				.thenComparing(Contribution::scope).thenComparing(Contribution::element).thenComparing(Contribution::description)
				.thenComparing(c -> c.factor() == null ? "" : c.factor());
	}

	/**
	 * The footprint per functional unit.
	 *
	 * @param name     e.g. "machine-hour"
	 * @param amount   how many functional units the assessed period or life delivers, e.g. 60000 machine-hours
	 * @param kgCO2ePerUnit total (module D excluded) divided by amount
	 */
	public record FunctionalUnitResult(String name, double amount, double kgCO2ePerUnit) {
	}

	/**
	 * Scope 2 both ways (GHG Protocol Scope 2 guidance). Direct green-power supply and energy contracts change the
	 * market-based figure only; the location-based one uses the grid average.
	 */
	public record Scope2(double locationBasedKgCO2e, double marketBasedKgCO2e) {
	}

	/**
	 * @param primaryShareA1A3 share (0..1) of A1–A3 emissions backed by primary data
	 * @param rating           emission-weighted mean data-quality rating (1 best .. 5 worst), or null
	 * @param checks           the methodology's data-quality thresholds and whether they are met
	 */
	public record DataQuality(double primaryShareA1A3, Double rating, List<ThresholdCheck> checks) {
		public DataQuality {
			checks = List.copyOf(checks);
		}
	}

	/** A data-quality threshold of the methodology, e.g. "primary share A1-A3 >= 60 %", and its outcome. */
	public record ThresholdCheck(String metric, String requirement, double actual, boolean met, String message) {
	}

	/**
	 * @param iterations iterations run
	 * @param seed       the seed (same seed, same numbers)
	 * @param mean       mean total kg CO2e
	 * @param standardDeviation its standard deviation
	 * @param p5         5th percentile
	 * @param p50        median
	 * @param p95        95th percentile
	 * @param drivers    the inputs that drive the variance, most important first
	 */
	public record UncertaintyResult(int iterations, long seed, double mean, double standardDeviation, double p5, double p50,
			double p95, List<Driver> drivers) {
		public UncertaintyResult {
			drivers = List.copyOf(drivers);
		}
	}

	/** An input driving the variance: Spearman's rho with the result and its share of the sum of squared rho. */
	public record Driver(String name, double rankCorrelation, double varianceShare) {
	}

	/**
	 * @param id       criterion id as written in the rule-set, e.g. {@code zcu.meteringPerOperation}
	 * @param title    short title
	 * @param clause   the clause or document reference it implements
	 * @param severity "error", "warning" or "info", as the methodology says
	 * @param status   outcome
	 * @param message  what was found
	 * @param evidence the model elements that pass or fail it
	 */
	public record CriterionResult(String id, String title, String clause, String severity, Status status, String message,
			List<Evidence> evidence) {
		public CriterionResult {
			evidence = List.copyOf(evidence);
		}

		/** Outcome of a criterion. */
		public enum Status {
			PASS, FAIL, NOT_APPLICABLE
		}
	}

	/** A model element that a criterion looked at, with what it found there. */
	public record Evidence(String element, String elementUri, boolean satisfied, String detail) {
	}

	/** Where an emission factor comes from. */
	public record FactorProvenance(String name, double value, String unit, String region, Integer year, String source,
			String licence) {
	}

	/** A named indicator with its value and unit, e.g. "carbon intensity of energy use" 1.9 t CO2/tce. */
	public record Indicator(String name, double value, String unit, String definition) {
	}
}
