package org.zerocarbon.core.footprint;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.ArrayList;
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
 * @param indicators    further indicators (e.g. park indicators: t CO2e per tce, clean-energy share, energy in tce)
 * @param notes         assumptions made and data found missing, in plain words
 * @param equipment     for lines: the footprint of each machine (with its share of shared utilities and its split
 *                      between functions) and of each shared utility; empty for parks
 * @param instruments   the subject's electricity supply, one row per supply kind or contractual instrument applied,
 *                      location-based and market-based (see {@link InstrumentUse}); empty when the subject uses no
 *                      electricity or the result was read from an older report
 * @param findings      diagnostics of the calculation with stable codes (an over-claimed certificate, a missing
 *                      factor, a functional unit that could not be computed ...); see {@link Finding}
 * @param measurements  for lines: the measured data of every meter that reads a data source (see {@link Measurement});
 *                      empty without measured data or for a result read from an older report
 */
public record FootprintResult(Subject subject, MethodologyRef methodology, List<Contribution> contributions,
		List<FunctionalUnitResult> functionalUnits, Scope2 scope2, DataQuality dataQuality, UncertaintyResult uncertainty,
		List<CriterionResult> criteria, List<FactorProvenance> factors, List<Indicator> indicators, List<String> notes,
		List<Equipment> equipment, List<InstrumentUse> instruments, List<Finding> findings, List<Measurement> measurements) {

	public FootprintResult {
		measurements = measurements == null ? List.of() : List.copyOf(measurements);
		contributions = List.copyOf(contributions);
		functionalUnits = List.copyOf(functionalUnits);
		criteria = List.copyOf(criteria);
		factors = List.copyOf(factors);
		indicators = List.copyOf(indicators);
		notes = List.copyOf(notes);
		equipment = equipment == null ? List.of() : List.copyOf(equipment);
		instruments = instruments == null ? List.of() : List.copyOf(instruments);
		findings = findings == null ? List.of() : List.copyOf(findings);
	}

	/** A result without measurements (results read from reports of schema 1 to 3). */
	public FootprintResult(Subject subject, MethodologyRef methodology, List<Contribution> contributions,
			List<FunctionalUnitResult> functionalUnits, Scope2 scope2, DataQuality dataQuality, UncertaintyResult uncertainty,
			List<CriterionResult> criteria, List<FactorProvenance> factors, List<Indicator> indicators, List<String> notes,
			List<Equipment> equipment, List<InstrumentUse> instruments, List<Finding> findings) {
		this(subject, methodology, contributions, functionalUnits, scope2, dataQuality, uncertainty, criteria, factors, indicators, notes,
				equipment, instruments, findings, List.of());
	}

	/** A result without instruments and findings (results read from reports of schema 1 and 2). */
	public FootprintResult(Subject subject, MethodologyRef methodology, List<Contribution> contributions,
			List<FunctionalUnitResult> functionalUnits, Scope2 scope2, DataQuality dataQuality, UncertaintyResult uncertainty,
			List<CriterionResult> criteria, List<FactorProvenance> factors, List<Indicator> indicators, List<String> notes,
			List<Equipment> equipment) {
		this(subject, methodology, contributions, functionalUnits, scope2, dataQuality, uncertainty, criteria, factors, indicators, notes,
				equipment, List.of(), List.of());
	}

	/** A result without a breakdown by equipment (parks, results read from reports of schema 1). */
	public FootprintResult(Subject subject, MethodologyRef methodology, List<Contribution> contributions,
			List<FunctionalUnitResult> functionalUnits, Scope2 scope2, DataQuality dataQuality, UncertaintyResult uncertainty,
			List<CriterionResult> criteria, List<FactorProvenance> factors, List<Indicator> indicators, List<String> notes) {
		this(subject, methodology, contributions, functionalUnits, scope2, dataQuality, uncertainty, criteria, factors, indicators, notes,
				List.of(), List.of(), List.of());
	}

	/** The same result with the given measurements. */
	public FootprintResult withMeasurements(List<Measurement> rows) {
		return new FootprintResult(subject, methodology, contributions, functionalUnits, scope2, dataQuality, uncertainty, criteria, factors,
				indicators, notes, equipment, instruments, findings, rows);
	}

	/** This result with another uncertainty analysis and one more note (e.g. Monte Carlo over parameters too). */
	public FootprintResult withUncertainty(UncertaintyResult other, String note) {
		List<String> more = new java.util.ArrayList<>(notes);
		if (note != null) {
			more.add(note);
		}
		return new FootprintResult(subject, methodology, contributions, functionalUnits, scope2, dataQuality, other, criteria, factors,
				indicators, more, equipment, instruments, findings, measurements);
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

	/**
	 * Total kg CO2e of modules A–C with scope 2 market-based: every contribution's {@link Contribution#kgCO2eMarket()}
	 * (equal to its location-based figure except where site electricity, directly or upstream, is involved).
	 */
	public double totalMarket() {
		return contributions.stream().filter(c -> !c.module().isReportedSeparately()).mapToDouble(Contribution::kgCO2eMarket).sum();
	}

	/** Total kg CO2e of one module with scope 2 market-based. */
	public double totalMarket(Module module) {
		return contributions.stream().filter(c -> c.module() == module).mapToDouble(Contribution::kgCO2eMarket).sum();
	}

	/** The GWP split (EN 15804+A2, location-based) of modules A–C; its total equals {@link #total()}. */
	public GwpSplit gwp() {
		return contributions.stream().filter(c -> !c.module().isReportedSeparately()).map(Contribution::gwp).reduce(GwpSplit.ZERO,
				GwpSplit::plus);
	}

	/** The GWP split of one module; its total equals {@link #total(Module)}. */
	public GwpSplit gwp(Module module) {
		return contributions.stream().filter(c -> c.module() == module).map(Contribution::gwp).reduce(GwpSplit.ZERO, GwpSplit::plus);
	}

	/** The module × scope table, location-based (only modules with contributions, in EN 15804 order). */
	public Map<Module, Map<Scope, Double>> table() {
		Map<Module, Map<Scope, Double>> table = new EnumMap<>(Module.class);
		for (Contribution c : contributions) {
			table.computeIfAbsent(c.module(), m -> new EnumMap<>(Scope.class)).merge(c.scope(), c.kgCO2e(), Double::sum);
		}
		return table;
	}

	/** The module × scope table with scope 2 market-based. */
	public Map<Module, Map<Scope, Double>> tableMarket() {
		Map<Module, Map<Scope, Double>> table = new EnumMap<>(Module.class);
		for (Contribution c : contributions) {
			table.computeIfAbsent(c.module(), m -> new EnumMap<>(Scope.class)).merge(c.scope(), c.kgCO2eMarket(), Double::sum);
		}
		return table;
	}

	/** The findings of one severity ("error", "warning" or "info"). */
	public List<Finding> findings(String severity) {
		return findings.stream().filter(f -> f.severity().equals(severity)).toList();
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
				factors.stream().sorted(Comparator.comparing(FactorProvenance::name)).toList(), indicators, notes,
				equipment.stream().sorted(Comparator.comparing(Equipment::element)).toList(), instruments,
				findings.stream().sorted(Finding.ORDER).toList(), measurements.stream().sorted(Comparator.comparing(Measurement::meter)).toList());
	}

	/**
	 * The footprint of one piece of equipment of a line, upstream included: a machine with its share of the shared
	 * utilities it draws on, or a shared utility (compressed air, cooling ...) with how much of it went to the
	 * machines. The machines' {@link #kgCO2e()} plus the utilities' unallocated remainder
	 * ({@code kgCO2e - supply.allocatedKgCO2e}) add up to the line's total.
	 *
	 * @param element         qualified name of the machine or utility
	 * @param elementUri      EMF URI of the element, or null
	 * @param kind            "machine" or "utility"
	 * @param ownKgCO2e       A–C of its own inventory (materials, transport, energy ...)
	 * @param utilitiesKgCO2e A–C of the shared utilities allocated to it (0 for a utility)
	 * @param moduleD         module D of its own inventory (reported separately, never netted)
	 * @param utilities       the shared utilities it draws on and its share of each
	 * @param allocation      for a multi-function machine: its split between functions, or null
	 * @param supply          for a utility: what it delivered and to whom it was allocated, or null
	 * @param kgCO2eMarket    A–C total (own inventory plus shared utilities) with scope 2 market-based
	 */
	public record Equipment(String element, String elementUri, String kind, double ownKgCO2e, double utilitiesKgCO2e, double moduleD,
			List<UtilityShare> utilities, AllocationResult allocation, Supply supply, double kgCO2eMarket) {
		public Equipment {
			utilities = utilities == null ? List.of() : List.copyOf(utilities);
		}

		/** Equipment whose market-based total equals its location-based one. */
		public Equipment(String element, String elementUri, String kind, double ownKgCO2e, double utilitiesKgCO2e, double moduleD,
				List<UtilityShare> utilities, AllocationResult allocation, Supply supply) {
			this(element, elementUri, kind, ownKgCO2e, utilitiesKgCO2e, moduleD, utilities, allocation, supply, ownKgCO2e + utilitiesKgCO2e);
		}

		/** A–C total: its own inventory plus its share of shared utilities. */
		public double kgCO2e() {
			return ownKgCO2e + utilitiesKgCO2e;
		}
	}

	/**
	 * A machine's share of a shared utility, allocated through the product system in proportion to its demand.
	 *
	 * @param utility qualified name of the utility
	 * @param amount  what the machine draws over the assessed period, e.g. 180,000 Nm3 of compressed air
	 * @param unit    the unit of the amount, e.g. "Nm3" or "kWh"
	 * @param share   the machine's share of all that the utility delivers (0..1)
	 * @param kgCO2e  the utility's A–C emissions allocated to the machine
	 */
	public record UtilityShare(String utility, double amount, String unit, double share, double kgCO2e) {
	}

	/**
	 * How the methodology's allocation rule split a multi-function machine.
	 *
	 * @param rule      the rule as written, e.g. "allocation by hours for millturn"
	 * @param basis     the basis, e.g. "hours"
	 * @param unit      the unit of the functions' basis amounts ("" for bare numbers)
	 * @param functions the functions in declaration order; their factors add up to 1
	 */
	public record AllocationResult(String rule, String basis, String unit, List<FunctionResult> functions) {
		public AllocationResult {
			functions = List.copyOf(functions);
		}
	}

	/**
	 * One function of a multi-function machine.
	 *
	 * @param name       the function's name, e.g. "Milling"
	 * @param elementUri EMF URI of the function, or null
	 * @param amount     its basis amount (in {@link AllocationResult#unit()})
	 * @param factor     its allocation factor (0..1)
	 * @param kgCO2e     the machine's A–C footprint (shared utilities included) allocated to it
	 * @param moduleD    the machine's module D allocated to it
	 * @param operations the names of the machine's operations that belong to it
	 * @param kgCO2eMarket the A–C footprint allocated to it with scope 2 market-based
	 */
	public record FunctionResult(String name, String elementUri, double amount, double factor, double kgCO2e, double moduleD,
			List<String> operations, double kgCO2eMarket) {
		public FunctionResult {
			operations = List.copyOf(operations);
		}

		/** A function whose market-based figure equals its location-based one. */
		public FunctionResult(String name, String elementUri, double amount, double factor, double kgCO2e, double moduleD,
				List<String> operations) {
			this(name, elementUri, amount, factor, kgCO2e, moduleD, operations, kgCO2e);
		}
	}

	/**
	 * What a shared utility delivered over the assessed period and how its footprint was allocated.
	 *
	 * @param utilityKind     e.g. "compressedAir"
	 * @param unit            the unit of its product, e.g. "Nm3" or "kWh"
	 * @param delivered       the amount the consumers drew
	 * @param leakage         the share (0..1) of what it generates that is lost (leaks)
	 * @param generated       delivered / (1 − leakage)
	 * @param kgCO2ePerUnit   A–C emissions per unit delivered (leaks included)
	 * @param allocatedKgCO2e the part of its A–C emissions allocated to the machines it supplies
	 * @param leakKgCO2e      the part of its A–C emissions caused by leaks (leakage × its footprint)
	 */
	public record Supply(String utilityKind, String unit, double delivered, double leakage, double generated, double kgCO2ePerUnit,
			double allocatedKgCO2e, double leakKgCO2e) {
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
	 * @param gwp            the emissions split into GWP-fossil, -biogenic and -luluc (EN 15804+A2), location-based;
	 *                       {@code gwp.total() == kgCO2e}. Without a declared split the whole figure is fossil.
	 * @param kgCO2eMarket   the emissions with scope 2 market-based: equal to {@code kgCO2e} unless site electricity
	 *                       (directly or upstream) is involved, whose market-based intensity is the supply's market mix
	 */
	public record Contribution(String element, String elementUri, Module module, Scope scope, String description,
			double activityAmount, String activityUnit, String factor, double kgCO2e, boolean primaryData, Double dataQuality,
			GwpSplit gwp, double kgCO2eMarket) {

		/** Canonical order: module, scope, element, description, factor. */
		public static final Comparator<Contribution> ORDER = Comparator.comparing(Contribution::module)
				.thenComparing(Contribution::scope).thenComparing(Contribution::element).thenComparing(Contribution::description)
				.thenComparing(c -> c.factor() == null ? "" : c.factor());

		public Contribution {
			gwp = gwp == null ? GwpSplit.fossilOnly(kgCO2e) : gwp;
		}

		/** A contribution without a declared GWP split (all fossil) whose market-based figure is its location-based one. */
		public Contribution(String element, String elementUri, Module module, Scope scope, String description, double activityAmount,
				String activityUnit, String factor, double kgCO2e, boolean primaryData, Double dataQuality) {
			this(element, elementUri, module, scope, description, activityAmount, activityUnit, factor, kgCO2e, primaryData, dataQuality,
					GwpSplit.fossilOnly(kgCO2e), kgCO2e);
		}
	}

	/**
	 * The EN 15804+A2 split of a GWP figure, in kg CO2e. Biogenic emissions and removals are kept apart (ISO 14067).
	 *
	 * @param fossil            GWP-fossil
	 * @param biogenicEmissions GWP-biogenic, emissions (≥ 0)
	 * @param biogenicRemovals  GWP-biogenic, removals (≤ 0)
	 * @param luluc             GWP-luluc (land use and land-use change)
	 * @param declared          true when every factor and process behind the figure declares its split; false when (part
	 *                          of) the figure is fossil only because nothing else was declared
	 */
	public record GwpSplit(double fossil, double biogenicEmissions, double biogenicRemovals, double luluc, boolean declared) {

		/** Nothing, declared (the neutral element of {@link #plus}). */
		public static final GwpSplit ZERO = new GwpSplit(0, 0, 0, 0, true);

		/** A figure without a declared split: all of it fossil. */
		public static GwpSplit fossilOnly(double kgCO2e) {
			return new GwpSplit(kgCO2e, 0, 0, 0, false);
		}

		/** GWP-total: fossil + biogenic emissions + biogenic removals + luluc. */
		public double total() {
			return fossil + biogenicEmissions + biogenicRemovals + luluc;
		}

		/** GWP-biogenic, net (emissions + removals). */
		public double biogenic() {
			return biogenicEmissions + biogenicRemovals;
		}

		/** The sum of two splits; declared only if both are. */
		public GwpSplit plus(GwpSplit other) {
			return new GwpSplit(fossil + other.fossil, biogenicEmissions + other.biogenicEmissions, biogenicRemovals + other.biogenicRemovals,
					luluc + other.luluc, declared && other.declared);
		}

		/** This split times a factor. */
		public GwpSplit times(double factor) {
			return new GwpSplit(fossil * factor, biogenicEmissions * factor, biogenicRemovals * factor, luluc * factor, declared);
		}
	}

	/**
	 * One row of a subject's electricity supply: how much energy a supply kind or contractual instrument covered, at
	 * which rate. One list holds both scope-2 methods, told apart by {@code kind}:
	 * <ul>
	 * <li>location-based rows have kinds {@code location:grid} (grid-delivered energy at the grid average),
	 * {@code location:direct} and {@code location:onsite} (direct-line and on-site energy at their own rate); their
	 * kgCO2e add up to the location-based scope 2 electricity of the subject;</li>
	 * <li>market-based rows follow the GHG Protocol Scope 2 hierarchy, in the order applied: {@code direct},
	 * {@code onsite}, {@code ppa}, {@code certificate}, {@code tariff}, {@code supplier}, then {@code residual} for the
	 * remainder (or {@code grid-average-fallback} when no residual-mix factor is given); their kgCO2e add up to the
	 * market-based scope 2 electricity of the subject.</li>
	 * </ul>
	 * A site's instruments shared by several subjects appear with the subject's pro-rata part of their energy.
	 *
	 * @param element       qualified name of the instrument (or of the site / source for grid and residual rows)
	 * @param elementUri    EMF URI of that element, or null
	 * @param kind          see above
	 * @param kWh           energy covered over the assessed period (the life for lines, one year for parks)
	 * @param kgCO2ePerKWh  the rate applied
	 * @param kgCO2e        kWh × rate
	 * @param note          how it was applied, e.g. "42 % share of site Plant's PPA, pro rata by consumption"
	 */
	public record InstrumentUse(String element, String elementUri, String kind, double kWh, double kgCO2ePerKWh, double kgCO2e,
			String note) {

		/** True for a location-based row (kind {@code location:...}). */
		public boolean locationBased() {
			return kind.startsWith("location:");
		}
	}

	/**
	 * A diagnostic of the calculation, with a stable code (e.g. {@code overClaim}, {@code duplicateTracking},
	 * {@code missingFactor}, {@code functionalUnitNotComputed}, {@code noResidualMix}, {@code noTceConversion},
	 * {@code zeroResult}). Checks of single elements (a certificate's vintage, market, tracking id) are the validator's.
	 *
	 * @param severity   "error", "warning" or "info"
	 * @param code       stable code that tools and quick fixes key on
	 * @param message    what was found, in plain words
	 * @param element    qualified name of the element concerned, or null
	 * @param elementUri EMF URI of the element, or null
	 */
	public record Finding(String severity, String code, String message, String element, String elementUri) {

		/** Canonical order: severity (errors first), code, element, message. */
		public static final Comparator<Finding> ORDER = Comparator.comparingInt(Finding::rank).thenComparing(Finding::code)
				.thenComparing(f -> f.element() == null ? "" : f.element()).thenComparing(Finding::message);

		private int rank() {
			return switch (severity) {
				case "error" -> 0;
				case "warning" -> 1;
				default -> 2;
			};
		}
	}

	/**
	 * The footprint per functional unit.
	 *
	 * @param name     e.g. "machine-hour"
	 * @param amount   how many functional units the assessed period or life delivers, e.g. 60000 machine-hours
	 * @param kgCO2ePerUnit total (module D excluded) divided by amount
	 * @param element  the element the unit refers to when it is not the subject (for {@code delivered}: the shared
	 *                 utility), or null for the subject
	 * @param basis    how the amount was computed, e.g. "hours in processing, ready: 2 machines × 4,000 h × 10 a × 85 %",
	 *                 or null
	 */
	public record FunctionalUnitResult(String name, double amount, double kgCO2ePerUnit, String element, String basis) {

		/** A functional unit of the subject without a stated basis. */
		public FunctionalUnitResult(String name, double amount, double kgCO2ePerUnit) {
			this(name, amount, kgCO2ePerUnit, null, null);
		}
	}

	/**
	 * Scope 2 both ways (GHG Protocol Scope 2 guidance). Location-based: grid-delivered electricity at the grid
	 * average plus direct-line and on-site electricity at their own rate; market-based: the contractual instruments in
	 * the Scope 2 hierarchy, then the residual mix (see {@link InstrumentUse}).
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
			double p95, List<Driver> drivers, List<Double> samples) {
		public UncertaintyResult {
			drivers = List.copyOf(drivers);
			samples = samples == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(samples));
		}

		/** A result without its samples (read back from a report). */
		public UncertaintyResult(int iterations, long seed, double mean, double standardDeviation, double p5, double p50, double p95,
				List<Driver> drivers) {
			this(iterations, seed, mean, standardDeviation, p5, p50, p95, drivers, List.of());
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

	/**
	 * What one meter's data says over its period, and how the engine used it.
	 *
	 * @param meter            the meter's qualified name
	 * @param meterUri         its EMF URI
	 * @param element          the machine (component, operation) it observes
	 * @param scope            machine, component or operation
	 * @param source           the data it read (files or endpoint)
	 * @param from             start of the period (ISO instant)
	 * @param to               end of the period (ISO instant, exclusive)
	 * @param samples          records read
	 * @param kWh              energy over the covered time
	 * @param coverage         share of the period with data, 0..1
	 * @param longestGapHours  the longest gap
	 * @param longestGapStart  where it starts (ISO instant), or null
	 * @param intervalSeconds  the sampling interval achieved (median record spacing); NaN with fewer than two records
	 * @param parts            parts counted, 0 without a part count
	 * @param days             energy per day in the source's zone
	 * @param states           time and energy per energy state
	 * @param programs         time, energy and parts per program (operation)
	 * @param annualKWh        B6 electricity per year extrapolated from it, NaN when B6 does not come from this meter
	 * @param stale            the last good data, kept because the source failed
	 * @param problems         what was wrong in the data, "file:line: message" (at most 20, then a count)
	 */
	public record Measurement(String meter, String meterUri, String element, String scope, String source, String from, String to,
			long samples, double kWh, double coverage, double longestGapHours, String longestGapStart, double intervalSeconds, long parts,
			List<DayEnergy> days, List<Share> states, List<Share> programs, double annualKWh, boolean stale, List<String> problems) {

		public Measurement {
			days = days == null ? List.of() : List.copyOf(days);
			states = states == null ? List.of() : List.copyOf(states);
			programs = programs == null ? List.of() : List.copyOf(programs);
			problems = problems == null ? List.of() : List.copyOf(problems);
		}

		/** Energy per part, NaN without parts. */
		public double kWhPerPart() {
			return parts > 0 ? kWh / parts : Double.NaN;
		}

		/** Whether B6 was computed from this meter. */
		public boolean usedForB6() {
			return !Double.isNaN(annualKWh);
		}
	}

	/** Energy of one day (ISO date). */
	public record DayEnergy(String date, double kWh) {
	}

	/** Time, energy and parts of one energy state or program. */
	public record Share(String name, double hours, double kWh, long parts) {
	}
}
