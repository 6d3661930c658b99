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
