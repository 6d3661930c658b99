package org.zerocarbon.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.MonteCarloResult;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.ProductSystemSolver;
import org.zerocarbon.core.lca.UncertainParameter;

/**
 * Prints solve and Monte Carlo figures for generated product systems (run by benchmarks/engine-benchmark.sh).
 * <p>
 * The generated systems imitate LCA databases: processes in supply tiers, each drawing on a handful of upstream
 * processes (amounts well below one unit, so the system is productive), with small loops (energy ↔ materials)
 * and optionally one large loop, and one or two indicators per process. Every input and indicator is uncertain
 * (lognormal, GSD 1.05–2) in the Monte Carlo runs.
 */
public final class EngineBenchmark {

	private EngineBenchmark() {
	}

	public static void main(String[] args) {
		System.out.println("ZeroCarbon engine benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ Runtime.version() + ")");
		System.out.println();
		System.out.printf("%-44s %10s %10s %12s%n", "system", "processes", "links", "solve (ms)");
		for (int n : new int[] { 1_000, 10_000, 100_000 }) {
			solve("tiered, small loops", generate(n, 0, 42));
		}
		solve("tiered, one loop of 1,000 processes", generate(10_000, 1_000, 42));
		System.out.println();
		System.out.printf("%-44s %10s %10s %12s %14s%n", "Monte Carlo", "processes", "threads", "iterations", "iterations/s");
		ProductSystem thousand = generate(1_000, 0, 7);
		for (int threads : new int[] { 1, 2 }) {
			monteCarlo(thousand, threads, 20_000);
		}
		monteCarlo(generate(10_000, 0, 7), 2, 2_000);
		System.out.println();
		System.out.printf("%-44s %10s %12s %12s%n", "Footprint of a generated line", "machines", "calc (ms)", "kg CO2e");
		for (int machines : new int[] { 100, 1_000, 10_000 }) {
			lineFootprint(machines);
		}
	}

	/** Builds a line of {@code machines} machines in memory (no parsing) and times the footprint calculation. */
	private static void lineFootprint(int machines) {
		org.zerocarbon.model.zc.ZcFactory f = org.zerocarbon.model.zc.ZcFactory.eINSTANCE;
		org.eclipse.emf.ecore.resource.ResourceSet set = new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl();
		org.eclipse.emf.ecore.resource.Resource resource = new org.eclipse.emf.ecore.resource.impl.ResourceImpl(
				org.eclipse.emf.common.util.URI.createURI("memory:/bench.zc"));
		set.getResources().add(resource);
		org.zerocarbon.model.zc.ZcModel model = f.createZcModel();
		model.setName("bench");
		resource.getContents().add(model);
		org.zerocarbon.model.zc.FactorLibrary library = f.createFactorLibrary();
		library.setName("F");
		model.getElements().add(library);
		org.zerocarbon.model.zc.EmissionFactor grid = factor(f, library, "grid", "582", "gCO2e/kWh");
		org.zerocarbon.model.zc.EmissionFactor steel = factor(f, library, "steel", "1.91", "tCO2/t");
		org.zerocarbon.model.zc.EmissionFactor truck = factor(f, library, "truck", "0.126", "kgCO2e/tkm");
		org.zerocarbon.model.zc.Site site = f.createSite();
		site.setName("S");
		site.setGrid(grid);
		model.getElements().add(site);
		org.zerocarbon.model.zc.Line line = f.createLine();
		line.setName("L");
		line.setSite(site);
		org.zerocarbon.model.zc.OperatingProfile profile = f.createOperatingProfile();
		profile.setHoursPerYear(quantity(f, "4000", "h"));
		profile.setServiceLife(quantity(f, "15", "a"));
		line.setProfile(profile);
		model.getElements().add(line);
		for (int i = 0; i < machines; i++) {
			org.zerocarbon.model.zc.Machine machine = f.createMachine();
			machine.setName("M" + i);
			for (String[] state : new String[][] { { "STANDBY", "2", "30" }, { "PROCESSING", "11", "70" } }) {
				org.zerocarbon.model.zc.StateUse use = f.createStateUse();
				use.setState(org.zerocarbon.model.zc.EnergyState.valueOf(state[0]));
				use.setPower(quantity(f, state[1], "kW"));
				use.setShare(quantity(f, state[2], "%"));
				machine.getStates().add(use);
			}
			org.zerocarbon.model.zc.Subassembly frame = f.createSubassembly();
			frame.setName("Frame");
			org.zerocarbon.model.zc.MaterialUse material = f.createMaterialUse();
			material.setMass(quantity(f, "5200", "kg"));
			material.setFactor(steel);
			frame.getMaterials().add(material);
			machine.getParts().add(frame);
			org.zerocarbon.model.zc.Transport transport = f.createTransport();
			transport.setMass(quantity(f, "9.5", "t"));
			transport.setDistance(quantity(f, "720", "km"));
			transport.setMode(org.zerocarbon.model.zc.TransportMode.TRUCK);
			transport.setFactor(truck);
			machine.getTransports().add(transport);
			line.getMachines().add(machine);
		}
		org.zerocarbon.model.zc.Methodology methodology = f.createMethodology();
		methodology.setName("M");
		for (String module : new String[] { "A1", "A4", "B6" }) {
			org.zerocarbon.model.zc.ModuleSpec spec = f.createModuleSpec();
			spec.setModule(org.zerocarbon.model.zc.LifeCycleModule.valueOf(module));
			spec.setScope(module.equals("B6") ? org.zerocarbon.model.zc.GhgScope.SCOPE2 : org.zerocarbon.model.zc.GhgScope.SCOPE3);
			methodology.getModules().add(spec);
		}
		model.getElements().add(methodology);
		org.zerocarbon.core.calc.FootprintCalculator calculator = new org.zerocarbon.core.calc.FootprintCalculator(
				org.zerocarbon.core.calc.FootprintCalculator.Options.DETERMINISTIC);
		calculator.calculate(line, methodology, null); // warm-up
		long start = System.nanoTime();
		org.zerocarbon.core.footprint.FootprintResult result = calculator.calculate(line, methodology, null);
		double ms = (System.nanoTime() - start) / 1e6;
		System.out.printf("%-44s %,10d %12.1f %,12.0f%n", "3 modules, 4 activities per machine", machines, ms, result.total());
	}

	private static org.zerocarbon.model.zc.EmissionFactor factor(org.zerocarbon.model.zc.ZcFactory f,
			org.zerocarbon.model.zc.FactorLibrary library, String name, String value, String unit) {
		org.zerocarbon.model.zc.EmissionFactor factor = f.createEmissionFactor();
		factor.setName(name);
		factor.setValue(quantity(f, value, unit));
		library.getFactors().add(factor);
		return factor;
	}

	private static org.zerocarbon.model.zc.Quantity quantity(org.zerocarbon.model.zc.ZcFactory f, String value, String unit) {
		org.zerocarbon.model.zc.Quantity quantity = f.createQuantity();
		quantity.setValue(new java.math.BigDecimal(value));
		quantity.setUnit(unit);
		return quantity;
	}

	private static void solve(String label, ProductSystem system) {
		double[] demand = new double[system.processCount()];
		demand[0] = 1;
		// warm up the JIT, then take the median of several runs
		for (int i = 0; i < 5; i++) {
			new ProductSystemSolver(system).solve(demand);
		}
		long[] times = new long[9];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			new ProductSystemSolver(system).solve(demand);
			times[i] = System.nanoTime() - start;
		}
		java.util.Arrays.sort(times);
		System.out.printf("%-44s %,10d %,10d %12.3f%n", label, system.processCount(), system.linkCount(), times[4] / 1e6);
	}

	private static void monteCarlo(ProductSystem system, int threads, int iterations) {
		List<UncertainParameter> parameters = new ArrayList<>();
		SplittableRandom random = new SplittableRandom(3);
		ProductSystem.Values values = system.values();
		for (int e = 0; e < values.inputs().length; e++) {
			parameters.add(new UncertainParameter("input " + e, UncertainParameter.Kind.INPUT, e,
					UncertainParameter.logNormal(values.inputs()[e], 1.05 + random.nextDouble() * 0.95)));
		}
		for (int e = 0; e < values.interventions().length; e++) {
			parameters.add(new UncertainParameter("intervention " + e, UncertainParameter.Kind.INTERVENTION, e,
					UncertainParameter.logNormal(values.interventions()[e], 1.05 + random.nextDouble() * 0.95)));
		}
		double[] demand = new double[system.processCount()];
		demand[0] = 1;
		MonteCarlo simulation = new MonteCarlo(system, demand, parameters);
		simulation.run(Math.max(1, iterations / 10), 1, threads, null); // warm-up
		long start = System.nanoTime();
		MonteCarloResult result = simulation.run(iterations, 1, threads, null);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%-44s %,10d %10d %,12d %,14.0f   (P5 %.4g, P50 %.4g, P95 %.4g; %,d parameters)%n",
				"all " + parameters.size() + " amounts lognormal", system.processCount(), threads, iterations,
				iterations / seconds, result.statistics(0).p5(), result.statistics(0).p50(), result.statistics(0).p95(),
				parameters.size());
	}

	/**
	 * A tiered system of {@code n} processes: process i draws 2–6 inputs from later (upstream) processes, every
	 * 50th process forms a 3-process loop with its neighbours, and {@code bigLoop} processes at the end are
	 * chained into one ring.
	 */
	static ProductSystem generate(int n, int bigLoop, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ProductSystem.Builder b = ProductSystem.builder();
		for (int i = 0; i < n; i++) {
			b.process("p" + i);
		}
		int fossil = b.indicator("GWP-fossil");
		int biogenic = b.indicator("GWP-biogenic");
		for (int i = 0; i < n; i++) {
			int inputs = 2 + random.nextInt(5);
			for (int k = 0; k < inputs && i + 1 < n; k++) {
				int provider = i + 1 + random.nextInt(Math.min(200, n - i - 1));
				b.input(i, provider, 0.01 + random.nextDouble() * 0.15);
			}
			if (i % 50 == 0 && i + 2 < n) {
				b.input(i + 2, i, 0.02); // closes a small loop i -> i+1 -> i+2 -> i
				b.input(i + 1, i + 2, 0.05);
				b.input(i, i + 1, 0.05);
			}
			b.intervention(i, fossil, random.nextDouble() * 2);
			if (random.nextInt(4) == 0) {
				b.intervention(i, biogenic, random.nextDouble());
			}
		}
		for (int k = n - bigLoop; k < n && bigLoop > 1; k++) {
			int next = k + 1 < n ? k + 1 : n - bigLoop;
			b.input(k, next, 0.1);
		}
		return b.build();
	}
}
