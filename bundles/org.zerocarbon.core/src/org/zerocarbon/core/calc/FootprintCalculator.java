package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.Site;

/**
 * Computes the carbon footprint of a line or a park the way a methodology definition says.
 * <p>
 * The model is turned into an inventory of <i>activities</i> (an element, a life-cycle module, an amount with
 * its unit, and either an emission factor or a declared CO2e value). The activities and the factors become a
 * {@link ProductSystem}: one process per activity, one per emission factor, and a root process for the
 * assessed subject that demands every activity once. Solving it gives each activity's upstream-inclusive
 * contribution ({@link ProductSystemSolver#intensities}), so shared factors and, where factor processes have
 * inputs of their own, loops are handled by the same exact solver. The same system drives the Monte Carlo run.
 * <p>
 * For a line, every machine is a process of its own that demands its activities, and the line demands the
 * machines. A multi-function machine (one that declares {@link ProcessFunction functions}) is split by the
 * methodology's allocation rule ({@link Allocation}): the line demands one process per function, and each function
 * demands its allocation factor of the machine, so the footprint per function is the function process's
 * upstream-inclusive intensity.
 * <p>
 * The methodology decides which modules are inside the boundary (modules it does not list are left out, with a
 * note), which scope each module reports to, which functional units are computed and which data-quality
 * thresholds apply. Nothing about a particular standard is written here.
 * <p>
 * Conventions (documented in every result's notes where they apply): the use stage B6 is power per energy
 * state × share of time × operating hours per year × service life × the site's grid factor; B2 consumables
 * are consumed {@code life / interval} times and B4 spare parts replaced {@code ceil(life / interval) − 1}
 * times; end-of-life shares apply to the machine's modelled material mass; module D holds the credits the model
 * declares (recovered amount × credit factor, negative) and carbon-sink removals, reported separately and never
 * netted (a negative end-of-life factor, which the validator rejects, would go there too).
 * <p>
 * The work is split by concern: {@link LineInventory} and {@link ParkInventory} build the inventory of their subject
 * kind, {@link InventoryCalculation} turns an inventory into a product system, solves it and attributes the results,
 * and this class assembles the result (functional units, indicators, provenance, data quality).
 */
public final class FootprintCalculator {

	/** Name of the one indicator the engine computes (GWP 100 as CO2 equivalents). */
	public static final String GWP = "GWP100";

	/**
	 * @param iterations Monte Carlo iterations (0: no uncertainty analysis)
	 * @param seed       Monte Carlo seed
	 * @param threads    Monte Carlo threads (results do not depend on it)
	 */
	public record Options(int iterations, long seed, int threads) {
		/** 1,000 iterations, seed 42, all cores. */
		public static final Options DEFAULT = new Options(1000, 42, Runtime.getRuntime().availableProcessors());
		/** No Monte Carlo run. */
		public static final Options DETERMINISTIC = new Options(0, 42, 1);
	}

	private final Options options;
	private final Measurements measurements;
	private final boolean evaluate;
	private final boolean criteria;

	public FootprintCalculator(Options options) {
		this(options, Measurements.NONE);
	}

	/** A calculator that takes the measured data of meters into account (B6 by the methodology's use-stage rule, criteria). */
	public FootprintCalculator(Options options, Measurements measurements) {
		this(options, measurements, true, true);
	}

	private FootprintCalculator(Options options, Measurements measurements, boolean evaluate, boolean criteria) {
		this.options = options;
		this.measurements = measurements == null ? Measurements.NONE : measurements;
		this.evaluate = evaluate;
		this.criteria = criteria;
	}

	/**
	 * This calculator without the criteria check (results carry no criteria): for the many runs of a scenario
	 * comparison, which compares footprints; the criteria walk the whole model and would cost more than the footprint.
	 */
	public FootprintCalculator withoutCriteria() {
		return new FootprintCalculator(options, measurements, evaluate, false);
	}

	private List<CriterionResult> criteria(Methodology methodology, EObject subject) {
		return criteria ? new CriteriaChecker(measurements).check(methodology, subject.eResource().getResourceSet()) : List.of();
	}

	/**
	 * This calculator for models whose parameters are already evaluated (a scenario's copy from
	 * {@link org.zerocarbon.parameters.Scenarios#apply}): it reads the quantities as they are. Otherwise every
	 * calculation first evaluates the parameters and expressions of the subject's resource set.
	 */
	public FootprintCalculator withParametersEvaluated() {
		return new FootprintCalculator(options, measurements, false, criteria);
	}

	/** The options this calculator runs with. */
	public Options options() {
		return options;
	}

	/** The same calculator with other options (Monte Carlo iterations, seed, threads). */
	public FootprintCalculator with(Options other) {
		return new FootprintCalculator(other, measurements, evaluate, criteria);
	}

	/** Evaluates the parameters of the subject's models; a failure names the expression. */
	private void evaluateParameters(EObject subject) {
		if (!evaluate || subject.eResource() == null) {
			return;
		}
		var resources = subject.eResource().getResourceSet() == null ? List.of(subject.eResource()) : subject.eResource().getResourceSet().getResources();
		List<org.zerocarbon.parameters.ParameterEvaluator.Problem> problems = org.zerocarbon.parameters.ParameterEvaluator.evaluate(resources);
		if (!problems.isEmpty()) {
			var first = problems.get(0);
			throw new CalculationException(first.where(), "Parameters: " + first.message()
					+ (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems with parameters)" : ""));
		}
	}

	/**
	 * Computes the footprint of a subject: a {@link Line} (life cycle) or a {@link Park} (one year).
	 *
	 * @throws CalculationException when the model lacks what the calculation needs, or for another subject type
	 */
	public FootprintResult calculate(EObject subject, Methodology methodology, IProgressMonitor monitor) {
		if (subject instanceof Line line) {
			return calculate(line, methodology, monitor);
		}
		if (subject instanceof Park park) {
			return calculate(park, methodology, monitor);
		}
		throw new CalculationException("A footprint is computed for lines and parks, not for " + subject.eClass().getName());
	}


	/** Computes the life-cycle footprint of a line over its service life. */
	public FootprintResult calculate(Line line, Methodology methodology, IProgressMonitor monitor) {
		evaluateParameters(line);
		SubMonitor progress = SubMonitor.convert(monitor, "Computing the footprint of " + line.getName(), 10);
		LineInventory built = LineInventory.of(line, methodology, measurements);
		List<String> notes = new ArrayList<>(built.notes());
		List<Finding> findings = new ArrayList<>();
		double life = built.life();
		double annual = built.annualKWh();
		Site site = line.getSite();
		EmissionFactor grid = site == null ? null : site.getGrid();
		List<InstrumentUse> rows = List.of();
		if (annual > 0 && grid == null) {
			String why = site == null ? "the line has no site" : "site " + site.getName() + " gives no grid factor";
			notes.add("Missing data: line " + line.getName() + " uses " + format(annual * life) + " kWh of electricity over its life, but " + why
					+ "; its electricity (B6, A5) is not counted.");
			findings.add(new Finding("error", "missingFactor", "Line " + line.getName() + " uses " + format(annual * life)
					+ " kWh of electricity (energy states, installation, utilities) but " + why + ": its electricity is not counted. Add a site "
					+ "with a grid factor.", qualifiedName(line), Names.uri(line)));
			built = built.withSupply(null);
		} else if (annual > 0) {
			double share = SiteSharing.share(line, annual, site, methodology, notes);
			ElectricitySupply.Result supply = ElectricitySupply.apply("line " + line.getName(), annual, life, line.getInstruments(), site, share,
					site, grid, Quantities.factor(grid, "grid of site " + site.getName()).kgCO2ePerUnit(), methodology, notes, findings);
			rows = supply.rows();
			built = built.withSupply(supply.mix());
			notes.add(ElectricitySupply.RULE);
		}
		ElectricitySupply.duplicateTracking(line, line.getInstruments(), site, findings);
		progress.worked(2);
		InventoryCalculation.Solved inventory = new InventoryCalculation(options).solve(built.activities(), methodology, notes,
				progress.split(6), built.topology());
		List<FunctionalUnitResult> units = FunctionalUnits.line(built, inventory, methodology, notes, findings);
		findings.addAll(built.measured().findings());
		FootprintResult result = result(inventory, new FootprintResult.Subject(qualifiedName(line), "line", fileOf(line)), methodology,
				units, new FootprintResult.Scope2(inventory.total(Scope.SCOPE_2), inventory.totalMarket(Scope.SCOPE_2)),
				criteria(methodology, line), List.of(), notes, rows, findings,
				built.missing()).withMeasurements(built.measured().rows());
		progress.worked(2);
		return withParameterUncertainty(line, methodology, result.normalized(), progress);
	}

	/**
	 * Computes the annual footprint of a park from its energy supply and the items of its systems, and the park
	 * indicators (energy in tce and t CO2e per tce by each of the methodology's conversion methods and both scope-2
	 * methods; clean-energy share).
	 */
	public FootprintResult calculate(Park park, Methodology methodology, IProgressMonitor monitor) {
		evaluateParameters(park);
		SubMonitor progress = SubMonitor.convert(monitor, "Computing the footprint of park " + park.getName(), 10);
		List<Finding> findings = new ArrayList<>();
		ParkInventory built = ParkInventory.of(park, methodology, findings);
		List<String> notes = new ArrayList<>(built.notes());
		notes.add(ElectricitySupply.RULE);
		ElectricitySupply.duplicateTracking(park, park.getInstruments(), park.getSite(), findings);
		InventoryCalculation.Solved inventory = new InventoryCalculation(options).solve(built.activities(), methodology, notes,
				progress.split(7), Topology.NONE);
		FootprintResult.Scope2 scope2 = new FootprintResult.Scope2(inventory.total(Scope.SCOPE_2), inventory.totalMarket(Scope.SCOPE_2));
		List<Indicator> indicators = ParkIndicators.of(built, inventory, scope2, methodology, notes, findings);
		List<FunctionalUnitResult> units = FunctionalUnits.park(built, inventory, methodology, notes, findings);
		progress.worked(3);
		FootprintResult result = result(inventory, new FootprintResult.Subject(qualifiedName(park), "park", fileOf(park)), methodology, units,
				scope2, criteria(methodology, park), indicators, notes, built.rows(), findings, Map.of()).normalized();
		return withParameterUncertainty(park, methodology, result, progress);
	}

	/**
	 * With Monte Carlo on and uncertain parameters in the models, the uncertainty over parameters and factors
	 * together ({@link ParameterMonteCarlo}); a calculator for evaluated copies (scenarios, the iterations themselves)
	 * leaves that to its caller.
	 */
	private FootprintResult withParameterUncertainty(EObject subject, Methodology methodology, FootprintResult result, SubMonitor progress) {
		if (!evaluate || options.iterations() <= 0) {
			return result;
		}
		progress.setWorkRemaining(10);
		return ParameterMonteCarlo.apply(this, subject, methodology, result, progress.split(10)).normalized();
	}

	private static FootprintResult result(InventoryCalculation.Solved inventory, FootprintResult.Subject subject, Methodology methodology,
			List<FunctionalUnitResult> units, FootprintResult.Scope2 scope2, List<FootprintResult.CriterionResult> criteria,
			List<Indicator> indicators, List<String> notes, List<InstrumentUse> instruments, List<Finding> findings, Map<String, EObject> missing) {
		List<FactorProvenance> factors = new ArrayList<>();
		for (EmissionFactor factor : inventory.factorsUsed.keySet()) {
			factors.add(new FactorProvenance(qualifiedName(factor), factor.getValue().getValue().doubleValue(), factor.getValue().getUnit(),
					factor.getRegion(), factor.getYear() == 0 ? null : factor.getYear(), factor.getSource(), factor.getLicence()));
		}
		for (org.zerocarbon.model.zc.Process process : inventory.processesUsed) {
			factors.add(new FactorProvenance(qualifiedName(process), process.getOutput().getAmount().getValue().doubleValue(),
					process.getOutput().getAmount().getUnit() + " (process output)", process.getRegion(), process.getYear() == 0 ? null
							: process.getYear(), process.getSource(), process.getLicence()));
		}
		Findings.complete(inventory, subject.name(), methodology, notes, findings, missing);
		return new FootprintResult(subject, new FootprintResult.MethodologyRef(qualifiedName(methodology), methodology.getVersion(),
				methodology.getTitle(), fileOf(methodology)), inventory.contributions, units, scope2,
				DataQualityChecks.dataQuality(inventory.contributions, methodology, notes), inventory.uncertainty, criteria, factors, indicators,
				notes, inventory.equipment, instruments, findings);
	}

	/** Mean of the five pedigree scores (1 best .. 5 worst), or null without a pedigree. */
	static Double rating(org.zerocarbon.model.zc.Pedigree pedigree) {
		return DataQualityChecks.rating(pedigree);
	}

	static String format(double value) {
		return Names.format(value);
	}

	/** See {@link Names#qualifiedName}. */
	static String qualifiedName(EObject element) {
		return Names.qualifiedName(element);
	}

	static String fileOf(EObject element) {
		return Names.fileOf(element);
	}

	/** Orders elements by qualified name; used to keep outputs deterministic. */
	static final Comparator<EObject> BY_NAME = Names.BY_NAME;
}
