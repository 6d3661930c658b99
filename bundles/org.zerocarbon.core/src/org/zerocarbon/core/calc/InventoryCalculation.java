package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.qualifiedName;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.footprint.FootprintResult.UtilityShare;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.MonteCarloResult;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.ProductSystemSolver;
import org.zerocarbon.core.lca.UncertainParameter;
import org.zerocarbon.model.zc.DataKind;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ModuleSpec;
import org.zerocarbon.model.zc.Operation;
import org.zerocarbon.model.zc.ProcessFunction;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.Utility;

/**
 * The one calculator behind every subject (openLCA's calculator to the inventory builders' product-system
 * builders): it turns an inventory into a {@link ProductSystem}, solves it and attributes the results to the
 * activities and the equipment that owns them. The same system drives the Monte Carlo run.
 */
final class InventoryCalculation {

	private final FootprintCalculator.Options options;

	InventoryCalculation(FootprintCalculator.Options options) {
		this.options = options;
	}

	/** The solved inventory: contributions with their module and scope, and what the reports need of the factors. */
	static final class Solved {
		final List<Contribution> contributions = new ArrayList<>();
		final Map<EmissionFactor, Boolean> factorsUsed = new LinkedHashMap<>();
		final List<org.zerocarbon.model.zc.Process> processesUsed = new ArrayList<>();
		double total;
		UncertaintyResult uncertainty;
		final List<Equipment> equipment = new ArrayList<>();

		double total(Scope scope) {
			return contributions.stream().filter(c -> c.scope() == scope && !c.module().isReportedSeparately())
					.mapToDouble(Contribution::kgCO2e).sum();
		}

		double totalMarket(Scope scope) {
			return contributions.stream().filter(c -> c.scope() == scope && !c.module().isReportedSeparately())
					.mapToDouble(Contribution::kgCO2eMarket).sum();
		}
	}

	/**
	 * Builds and solves the product system of the activities inside the methodology's boundary: the subject demands
	 * its machines (or, for a multi-function machine, its functions, which demand their allocation factor of the
	 * machine); a machine demands its activities and what it draws from shared utilities; a shared utility is a
	 * process whose reference output is what it delivers over the life, so each machine's demand carries its share of
	 * the utility's footprint, leaks included, and the utility is counted once; activities demand emission factors.
	 * Module D activities are in the system but demanded by nothing: they are reported separately and never netted.
	 */
	Solved solve(List<Activity> activities, Methodology methodology, List<String> notes, SubMonitor progress, Topology topology) {
		progress.setWorkRemaining(10);
		Map<Module, ModuleSpec> specs = new EnumMap<>(Module.class);
		for (ModuleSpec spec : methodology.getModules()) {
			specs.put(Module.valueOf(spec.getModule().getName()), spec);
		}
		Set<Module> outside = new java.util.TreeSet<>();
		List<Activity> inside = new ArrayList<>();
		for (Activity activity : activities) {
			if (specs.containsKey(activity.module())) {
				inside.add(activity);
			} else {
				outside.add(activity.module());
			}
		}
		if (!outside.isEmpty()) {
			notes.add("Outside the methodology's system boundary, not counted: modules " + outside + ".");
		}
		ProductSystem.Builder builder = ProductSystem.builder();
		ProcessNetwork.Indicators ind = ProcessNetwork.Indicators.of(builder);
		int gwp = ind.total();
		int root = builder.process("subject");
		Map<EObject, Integer> ownerProcesses = new java.util.HashMap<>();
		Map<ProcessFunction, Integer> functionProcesses = new LinkedHashMap<>();
		for (EObject owner : topology.owners()) {
			SharedUtility.Result supplied = topology.utilities().get(owner);
			boolean delivers = supplied != null && supplied.delivered() > 0;
			// a utility's run is its whole life's delivery; one that delivers nothing is demanded by the subject directly
			int process = builder.process(qualifiedName(owner), delivers ? supplied.delivered() : 1);
			ownerProcesses.put(owner, process);
			if (delivers) {
				continue;
			}
			Allocation.Result allocation = topology.allocations().get(owner);
			if (allocation == null) {
				builder.input(root, process, 1);
				continue;
			}
			for (Allocation.Share share : allocation.shares()) {
				int function = builder.process(qualifiedName(share.function()) + " | function");
				functionProcesses.put(share.function(), function);
				builder.input(function, process, share.factor());
				builder.input(root, function, 1);
			}
		}
		for (SharedUtility.Result supplied : topology.utilities().values()) {
			for (SharedUtility.Demand demand : supplied.demands()) {
				Integer consumer = ownerProcesses.get(demand.machine());
				if (consumer != null && demand.amount() != 0) {
					builder.input(consumer, ownerProcesses.get(supplied.utility()), demand.amount());
				}
			}
		}
		ProcessNetwork network = new ProcessNetwork(builder, ind);
		Map<ElectricitySupply.Mix, Integer> mixProcesses = new LinkedHashMap<>();
		int[] activityProcess = new int[inside.size()];
		for (int k = 0; k < inside.size(); k++) {
			Activity activity = inside.get(k);
			int process = builder.process(qualifiedName(activity.element()) + " | " + activity.module() + " | " + activity.description());
			activityProcess[k] = process;
			if (!activity.module().isReportedSeparately()) {
				builder.input(activity.owner() == null ? root : ownerProcesses.getOrDefault(activity.owner(), root), process, 1);
			}
			if (activity.mix() != null) {
				ElectricitySupply.Mix mix = activity.mix();
				int supply = mixProcesses.computeIfAbsent(mix, m -> {
					int p = builder.process(m.name());
					double viaMarket = 0;
					if (m.via() != null && m.viaShare() > 0) {
						builder.input(p, network.process(m.via(), m.name()), m.viaShare());
						viaMarket = m.viaShare() * network.value(m.via(), m.name()).kgCO2ePerUnit();
					}
					builder.intervention(p, ind.total(), m.ownPerKWh());
					builder.intervention(p, ind.fossil(), m.ownPerKWh());
					builder.intervention(p, ind.undeclared(), m.ownPerKWh());
					builder.intervention(p, ind.market(), m.marketPerKWh() - viaMarket);
					return p;
				});
				builder.input(process, supply, activity.amount());
				continue;
			}
			if (activity.factor() == null) {
				builder.intervention(process, ind.total(), activity.declaredKgCO2e());
				builder.intervention(process, ind.fossil(), activity.declaredKgCO2e());
				builder.intervention(process, ind.undeclared(), activity.declaredKgCO2e());
				builder.intervention(process, ind.market(), activity.declaredKgCO2e());
				continue;
			}
			String where = qualifiedName(activity.element()) + ", " + activity.description();
			int providerProcess = network.process(activity.factor(), where);
			String unit = network.unit(activity.factor(), where);
			double amount;
			try {
				amount = Quantities.convert(activity.amount(), activity.unit(), unit);
			} catch (IllegalArgumentException e) {
				throw new CalculationException(activity.element(), qualifiedName(activity.element()) + ": " + activity.description() + " is in "
						+ activity.unit() + " but '" + activity.factor().getName() + "' applies per " + unit);
			}
			builder.input(process, providerProcess, amount);
		}
		ProductSystem system = builder.build();
		ProductSystemSolver solver;
		double[] lambda;
		double[] market;
		double[][] parts;
		double[] scaling;
		try {
			solver = new ProductSystemSolver(system);
			lambda = solver.intensities(system.values(), gwp);
			market = solver.intensities(system.values(), ind.market());
			parts = new double[][] { solver.intensities(system.values(), ind.fossil()), solver.intensities(system.values(), ind.biogenicEmissions()),
					solver.intensities(system.values(), ind.biogenicRemovals()), solver.intensities(system.values(), ind.luluc()),
					solver.intensities(system.values(), ind.undeclared()) };
			double[] demand = new double[system.processCount()];
			demand[root] = 1;
			scaling = solver.solve(demand).scaling();
		} catch (ArithmeticException e) {
			List<org.zerocarbon.model.zc.Process> processes = network.userProcesses();
			throw new CalculationException(processes.isEmpty() ? null : processes.get(0), "The product system cannot be solved: " + e.getMessage()
					+ (processes.isEmpty() ? "" : " User-defined processes in it: " + ProcessNetwork.describe(processes) + "."));
		}
		checkLoops(network, system, scaling, lambda);
		progress.worked(3);
		Solved inventory = new Solved();
		// EMF computes a URI fragment by searching the element's position in its containing list; several
		// activities share an element, so each URI is computed once (a line of 10,000 machines stays linear).
		Map<EObject, String> uris = new java.util.HashMap<>();
		Map<EObject, double[]> ownTotals = new java.util.HashMap<>(); // owner -> {A-C, D}
		for (int k = 0; k < inside.size(); k++) {
			Activity activity = inside.get(k);
			ModuleSpec spec = specs.get(activity.module());
			Scope scope = activity.scope() != null ? activity.scope()
					: Scope.valueOf(spec.getScope() == null ? "SCOPE_3" : spec.getScope().getName().toUpperCase(Locale.ROOT).replace("SCOPE", "SCOPE_"));
			boolean separately = activity.module().isReportedSeparately();
			// module D is demanded by nothing: it is reported as if its activity ran once, beside the total
			int ap = activityProcess[k];
			double runs = separately ? 1 : scaling[ap];
			double kg = lambda[ap] * runs;
			double kgMarket = market[ap] * runs;
			var gwpSplit = new FootprintResult.GwpSplit(parts[0][ap] * runs, parts[1][ap] * runs, parts[2][ap] * runs, parts[3][ap] * runs,
					Math.abs(parts[4][ap] * runs) <= 1e-9 * Math.max(1, Math.abs(kg)));
			org.zerocarbon.model.zc.Provider provider = activity.factor() != null ? activity.factor()
					: activity.mix() != null ? activity.mix().via() : null;
			if (activity.owner() != null) {
				double[] own = ownTotals.computeIfAbsent(activity.owner(), o -> new double[3]);
				own[separately ? 1 : 0] += kg;
				own[2] += separately ? 0 : kgMarket;
			}
			boolean primary = activity.primary() || (provider instanceof EmissionFactor pf && pf.getData() == DataKind.PRIMARY)
					|| (activity.factor() instanceof org.zerocarbon.model.zc.Process process && process.getData() == DataKind.PRIMARY);
			inventory.contributions.add(new Contribution(qualifiedName(activity.element()),
					uris.computeIfAbsent(activity.element(), e -> EcoreUtil.getURI(e).toString()),
					activity.module(), scope, activity.description(), activity.amount(), activity.unit(),
					provider == null ? null : qualifiedName(provider), kg, primary,
					provider instanceof EmissionFactor pf ? DataQualityChecks.rating(pf.getPedigree()) : null, gwpSplit, kgMarket));
		}
		network.factors().forEach(f -> inventory.factorsUsed.put(f, true));
		inventory.processesUsed.addAll(network.userProcesses());
		inventory.total = inventory.contributions.stream().filter(c -> !c.module().isReportedSeparately()).mapToDouble(Contribution::kgCO2e).sum();
		// what each machine draws from each utility (a machine may draw in several states): amount and kg CO2e
		Map<EObject, Map<SharedUtility.Result, double[]>> drawnBy = new java.util.HashMap<>();
		Map<EObject, Double> allocated = new java.util.HashMap<>();
		for (SharedUtility.Result supplied : topology.utilities().values()) {
			int utility = ownerProcesses.get(supplied.utility());
			for (SharedUtility.Demand drawn : supplied.demands()) {
				Integer consumer = ownerProcesses.get(drawn.machine());
				if (consumer == null || drawn.amount() == 0) {
					continue;
				}
				double kg = drawn.amount() * lambda[utility] * scaling[consumer];
				double[] sum = drawnBy.computeIfAbsent(drawn.machine(), m -> new LinkedHashMap<>()).computeIfAbsent(supplied, s -> new double[3]);
				sum[0] += drawn.amount();
				sum[1] += kg;
				sum[2] += drawn.amount() * market[utility] * scaling[consumer];
				allocated.merge(supplied.utility(), kg, Double::sum);
			}
		}
		for (EObject owner : topology.owners()) {
			double[] own = ownTotals.getOrDefault(owner, new double[3]);
			SharedUtility.Result supplied = topology.utilities().get(owner);
			if (supplied != null) {
				int process = ownerProcesses.get(owner);
				FootprintResult.Supply supply = new FootprintResult.Supply(((Utility) owner).getKind().getLiteral(), supplied.unit(),
						supplied.delivered(), supplied.leakage(), supplied.generated(), supplied.delivered() > 0 ? lambda[process] : 0,
						allocated.getOrDefault(owner, 0.0), supplied.leakage() * own[0]);
				inventory.equipment.add(new Equipment(qualifiedName(owner), uris.computeIfAbsent(owner, e -> EcoreUtil.getURI(e).toString()),
						"utility", own[0], 0, own[1], List.of(), null, supply, own[2]));
				continue;
			}
			List<UtilityShare> drawn = new ArrayList<>();
			drawnBy.getOrDefault(owner, Map.of()).forEach((from, sum) -> drawn.add(new UtilityShare(qualifiedName(from.utility()), sum[0],
					from.unit(), sum[0] / from.delivered(), sum[1])));
			double fromUtilities = drawn.stream().mapToDouble(UtilityShare::kgCO2e).sum();
			double fromUtilitiesMarket = drawnBy.getOrDefault(owner, Map.of()).values().stream().mapToDouble(sum -> sum[2]).sum();
			Allocation.Result allocation = topology.allocations().get(owner);
			FootprintResult.AllocationResult split = null;
			if (allocation != null) {
				List<FunctionResult> functions = new ArrayList<>();
				for (Allocation.Share share : allocation.shares()) {
					int process = functionProcesses.get(share.function());
					List<String> operations = ((Machine) owner).getOperations().stream().filter(o -> o.getFunction() == share.function())
							.map(Operation::getName).toList();
					functions.add(new FunctionResult(share.function().getName(), EcoreUtil.getURI(share.function()).toString(), share.amount(),
							share.factor(), lambda[process] * scaling[process], own[1] * share.factor(), operations, market[process] * scaling[process]));
				}
				split = new FootprintResult.AllocationResult(allocation.describe(), allocation.basis(), allocation.unit(), functions);
			}
			inventory.equipment.add(new Equipment(qualifiedName(owner), uris.computeIfAbsent(owner, e -> EcoreUtil.getURI(e).toString()),
					"machine", own[0], fromUtilities, own[1], drawn, split, null, own[2] + fromUtilitiesMarket));
		}
		if (options.iterations() > 0) {
			inventory.uncertainty = monteCarlo(system, root, network.parameters(system), gwp, progress.split(7));
			if (inventory.uncertainty == null) {
				notes.add("No emission factor or process exchange in the boundary declares an uncertainty distribution: no Monte Carlo analysis.");
			}
		}
		return inventory;
	}

	private UncertaintyResult monteCarlo(ProductSystem system, int root, List<UncertainParameter> parameters, int gwp, SubMonitor progress) {
		if (parameters.isEmpty()) {
			return null;
		}
		double[] demand = new double[system.processCount()];
		demand[root] = 1;
		MonteCarloResult result = new MonteCarlo(system, demand, parameters).run(options.iterations(), options.seed(), options.threads(),
				progress);
		MonteCarlo.Statistics stats = result.statistics(gwp);
		List<Driver> drivers = result.sensitivity(gwp).stream().limit(10)
				.map(s -> new Driver(s.parameter().name(), s.correlation(), s.varianceShare())).toList();
		// the samples in iteration order: a scenario comparison pairs them iteration by iteration (common random numbers)
		List<Double> samples = java.util.Arrays.stream(result.samples(gwp)).boxed().toList();
		return new UncertaintyResult(result.iterations(), result.seed(), stats.mean(), stats.standardDeviation(), stats.p5(), stats.p50(),
				stats.p95(), drivers, samples);
	}

	/**
	 * A process that consumes at least as much of a product as it (with its loop) makes has no non-negative solution:
	 * an error naming the user-defined processes.
	 */
	private static void checkLoops(ProcessNetwork network, ProductSystem system, double[] scaling, double[] lambda) {
		boolean broken = false;
		for (int i = 0; i < scaling.length && !broken; i++) {
			broken = !Double.isFinite(scaling[i]) || scaling[i] < -1e-9 || !Double.isFinite(lambda[i]);
		}
		if (broken) {
			List<org.zerocarbon.model.zc.Process> processes = network.userProcesses();
			throw new CalculationException(processes.isEmpty() ? null : processes.get(0), "The product system has no meaningful solution: "
					+ "a loop of processes consumes at least as much of its product as it makes. Processes involved: "
					+ (processes.isEmpty() ? "none user-defined" : ProcessNetwork.describe(processes)) + ".");
		}
	}
}
