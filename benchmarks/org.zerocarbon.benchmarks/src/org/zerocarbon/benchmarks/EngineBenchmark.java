package org.zerocarbon.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.MonteCarloResult;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.ProductSystemSolver;
import org.zerocarbon.core.lca.UncertainParameter;

/**
 * Prints solve, build, accuracy and Monte Carlo figures for generated product systems (run by
 * benchmarks/engine-benchmark.sh).
 * <p>
 * The generator is the one of issue 12, on which the engine was compared with openLCA's olca-core and EJML: A is
 * n×n with 1 on the diagonal and four inputs per column in [0.01/4, 0.5/4] (entries −0.01/4 … −0.5/4); their rows
 * are drawn at random ("uniform") or below the diagonal with 2 % to a random row ("upstream", a supply-chain order
 * with a few links back up); B has 100 rows and 3 entries per column in [0.1, 10]; seed 42.
 */
public final class EngineBenchmark {

	private EngineBenchmark() {
	}

	/** Arguments: the sections to run, any of "solve", "mc", "footprint" (default: all). */
	public static void main(String[] args) {
		List<String> sections = args.length == 0 ? List.of("solve", "mc", "footprint") : List.of(args);
		System.out.println("ZeroCarbon engine benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
				+ Runtime.version() + ")");
		if (sections.contains("solve")) {
			solveTable();
		}
		if (sections.contains("mc")) {
			monteCarloTable();
		}
		if (sections.contains("footprint")) {
			System.out.println();
			System.out.printf("%-44s %10s %12s %12s%n", "Footprint of a generated line", "machines", "calc (ms)", "kg CO2e");
			for (int machines : new int[] { 100, 1_000, 10_000 }) {
				lineFootprint(machines);
			}
		}
	}

	private static void solveTable() {
		System.out.println();
		System.out.printf("%-10s %9s %10s %11s %12s %12s %11s  %s%n", "structure", "n", "build (ms)", "analyse (ms)",
				"solve (ms)", "λ solve (ms)", "max rel dif", "loops (largest first: method)");
		for (String structure : new String[] { "upstream", "uniform" }) {
			for (int n : new int[] { 1_000, 5_000, 10_000, 20_000, 100_000 }) {
				solve(structure, n);
			}
		}
		System.out.println("max rel dif: largest |s_i − s*_i| / |s*_i| over all entries of s (demand: 1 of process 0), s* from");
		System.out.println("EJML's dense LU with partial pivoting for n ≤ 5,000, and for larger n from the engine's sparse LU in");
		System.out.println("post-order (forced, whatever the cost model chose, plus one refinement step) for upstream n ≤ 20,000; '-': none");
		System.out.println("(a direct LU of the uniform loops of 10,000+ processes or of the 47,000-process upstream loop does not fit).");
	}

	private static void monteCarloTable() {
		System.out.println();
		System.out.printf("%-44s %10s %10s %12s %14s %8s%n", "Monte Carlo (every non-zero of A and B lognormal, GSD 1.1)", "n",
				"threads", "iterations", "iterations/s", "failed");
		for (String structure : new String[] { "upstream", "uniform" }) {
			ProductSystem system = generate(structure, 1_000, 42);
			for (int threads : new int[] { 1, 2 }) {
				monteCarlo(structure, system, threads, 4_000);
			}
		}
	}

	/** The issue-12 generator; see the class comment. */
	static ProductSystem generate(String structure, int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ProductSystem.Builder b = ProductSystem.builder();
		for (int j = 0; j < n; j++) {
			b.process("p" + j);
		}
		for (int k = 0; k < 100; k++) {
			b.indicator("i" + k);
		}
		boolean uniform = structure.equals("uniform");
		for (int j = 0; j < n; j++) {
			for (int k = 0; k < 4; k++) {
				int i;
				if (uniform || j == n - 1 || random.nextDouble() < 0.02) {
					do {
						i = random.nextInt(n);
					} while (i == j);
				} else {
					i = j + 1 + random.nextInt(n - j - 1);
				}
				b.input(j, i, (0.01 + random.nextDouble() * 0.49) / 4);
			}
			for (int k = 0; k < 3; k++) {
				b.intervention(j, random.nextInt(100), 0.1 + random.nextDouble() * 9.9);
			}
		}
		return b.build();
	}

	private static void solve(String structure, int n) {
		long[] build = new long[5];
		ProductSystem system = null;
		for (int i = 0; i < build.length; i++) {
			long start = System.nanoTime();
			system = generate(structure, n, 42);
			build[i] = System.nanoTime() - start;
		}
		double[] demand = new double[n];
		demand[0] = 1;
		double[] scaling = new double[n];
		int runs = n >= 100_000 ? 7 : 11;
		long[] analyse = new long[runs];
		long[] solve = new long[runs];
		long[] lambda = new long[runs];
		ProductSystemSolver solver = null;
		for (int warm = 0; warm < 3; warm++) {
			new ProductSystemSolver(system).solveScaling(system.values(), demand, scaling);
		}
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			solver = new ProductSystemSolver(system);
			long analysed = System.nanoTime();
			solver.solveScaling(system.values(), demand, scaling);
			long solved = System.nanoTime();
			solver.intensities(system.values(), 0);
			long done = System.nanoTime();
			analyse[i] = analysed - start;
			solve[i] = solved - analysed;
			lambda[i] = done - solved;
		}
		String accuracy = accuracy(system, scaling, structure, n);
		System.out.printf("%-10s %,9d %10.1f %11.2f %12.3f %12.3f %11s  %s%n", structure, n, median(build), median(analyse),
				median(solve), median(lambda), accuracy, summary(solver.loopMethods()));
	}

	private static String summary(List<String> methods) {
		methods = new ArrayList<>(methods);
		methods.sort(java.util.Comparator.comparingInt((String m) -> Integer.parseInt(m.replaceAll("loop of (\\d+):.*", "$1")))
				.reversed());
		String first = methods.isEmpty() ? "no loops" : methods.get(0);
		return methods.size() > 1 ? first + " (+" + (methods.size() - 1) + " smaller)" : first;
	}

	/** Largest per-entry relative difference to an independent direct solve (see the table's footnote). */
	private static String accuracy(ProductSystem system, double[] scaling, String structure, int n) {
		double[] reference;
		if (n <= 5_000) {
			DMatrixRMaj a = new DMatrixRMaj(n, n);
			ProductSystem.Values values = system.values();
			for (int i = 0; i < n; i++) {
				a.add(i, i, values.outputs()[i]);
				for (int j = 0; j < n; j++) {
					int position = system.inputPosition(i, j);
					if (position >= 0) {
						a.add(i, j, -values.inputs()[position]);
					}
				}
			}
			LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
			lu.setA(a);
			DMatrixRMaj f = new DMatrixRMaj(n, 1);
			f.set(0, 0, 1);
			DMatrixRMaj x = new DMatrixRMaj(n, 1);
			lu.solve(f, x);
			reference = x.data;
		} else {
			// a uniform loop of 10,000 fills L and U with ~10^8 entries under either ordering: no reference
			if (structure.equals("uniform") || n > 20_000) {
				return "-";
			}
			reference = new double[n];
			double[] demand = new double[n];
			demand[0] = 1;
			new ProductSystemSolver(system, ProductSystemSolver.LoopMethod.LU_POST_ORDER).solveScaling(system.values(), demand, reference);
		}
		double worst = 0;
		for (int i = 0; i < n; i++) {
			if (reference[i] != 0) {
				worst = Math.max(worst, Math.abs(scaling[i] - reference[i]) / Math.abs(reference[i]));
			} else if (scaling[i] != 0) {
				worst = Double.POSITIVE_INFINITY;
			}
		}
		return String.format("%.1e", worst);
	}

	private static double median(long[] nanos) {
		long[] sorted = nanos.clone();
		java.util.Arrays.sort(sorted);
		return sorted[sorted.length / 2] / 1e6;
	}

	private static void monteCarlo(String structure, ProductSystem system, int threads, int iterations) {
		List<UncertainParameter> parameters = new ArrayList<>();
		ProductSystem.Values values = system.values();
		for (int i = 0; i < values.outputs().length; i++) {
			parameters.add(new UncertainParameter("output " + i, UncertainParameter.Kind.OUTPUT, i,
					UncertainParameter.logNormal(values.outputs()[i], 1.1)));
		}
		for (int e = 0; e < values.inputs().length; e++) {
			parameters.add(new UncertainParameter("input " + e, UncertainParameter.Kind.INPUT, e,
					UncertainParameter.logNormal(values.inputs()[e], 1.1)));
		}
		for (int e = 0; e < values.selfInputs().length; e++) {
			parameters.add(new UncertainParameter("self-input " + e, UncertainParameter.Kind.SELF_INPUT, e,
					UncertainParameter.logNormal(values.selfInputs()[e], 1.1)));
		}
		for (int e = 0; e < values.interventions().length; e++) {
			parameters.add(new UncertainParameter("intervention " + e, UncertainParameter.Kind.INTERVENTION, e,
					UncertainParameter.logNormal(values.interventions()[e], 1.1)));
		}
		double[] demand = new double[system.processCount()];
		demand[0] = 1;
		MonteCarlo simulation = new MonteCarlo(system, demand, parameters);
		simulation.run(Math.max(1, iterations / 4), 1, threads, null); // warm-up
		long start = System.nanoTime();
		MonteCarloResult result = simulation.run(iterations, 1, threads, null);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%-44s %,10d %10d %,12d %,14.0f %8d   (indicator 0: P5 %.4g, P50 %.4g, P95 %.4g; %,d parameters)%n",
				structure, system.processCount(), threads, iterations, iterations / seconds, result.failedIterations(),
				result.statistics(0).p5(), result.statistics(0).p50(), result.statistics(0).p95(), parameters.size());
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
}
