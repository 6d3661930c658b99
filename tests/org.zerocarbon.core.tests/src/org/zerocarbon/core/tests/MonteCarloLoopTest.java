package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.MonteCarloResult;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.UncertainParameter;
import org.zerocarbon.core.lca.UncertainParameter.Kind;

/** Monte Carlo over loops with uncertain outputs and inputs, failed draws, correlated groups and thread counts. */
class MonteCarloLoopTest {

	private static final int N = 300;

	/** {@link Systems#ring} of 300. */
	private static ProductSystem ring() {
		return Systems.ring(N);
	}

	/** Every output lognormal (median 1, GSD 1.1). */
	private static List<UncertainParameter> uncertainOutputs(ProductSystem system) {
		List<UncertainParameter> parameters = new ArrayList<>();
		for (int k = 0; k < N; k++) {
			parameters.add(new UncertainParameter("output " + k, Kind.OUTPUT, k, UncertainParameter.logNormal(1, 1.1)));
		}
		return parameters;
	}

	private static double[] demand() {
		double[] f = new double[N];
		f[0] = 1;
		return f;
	}

	@Test
	void uncertainOutputsOfALoopOf300() {
		// Deterministic: s_k = 0.5^k s_0, s_0 = 1 / (1 - 0.5^300) = 1 (to 1e-90), total = Σ s_k = 2.
		// With outputs o_k: s_0 = 1/o_0 (+ 0.5^300 terms), s_k = 0.5 s_(k-1) / o_k, so the total is
		// Σ_k 0.5^k Π_(m ≤ k) 1/o_m. For independent lognormals with σ = ln 1.1 = 0.0953102, E[1/o] = exp(σ²/2)
		// = exp(0.00454201) = 1.00455234 =: c, hence E[total] = Σ 0.5^k c^(k+1) = c / (1 - 0.5 c)
		// = 1.00455234 / 0.49772383 = 2.01829259: 0.9 % above the deterministic 2 (Jensen), which the mean must show.
		ProductSystem system = ring();
		MonteCarloResult result = new MonteCarlo(system, demand(), uncertainOutputs(system)).run(20_000, 11, 2, null);
		MonteCarlo.Statistics stats = result.statistics(0);
		assertEquals(0, result.failedIterations());
		double standardError = stats.standardDeviation() / Math.sqrt(20_000);
		// sd of the total ≈ 2 · 0.0953 · sqrt(Σ_k (share of s_k upstream)²) ≈ 0.2: standard error ≈ 0.0015
		assertTrue(standardError < 0.003, "standard error " + standardError);
		assertEquals(2.01829259, stats.mean(), 4 * standardError);
		assertTrue(Math.abs(stats.mean() - 2) < 0.03, "mean " + stats.mean() + " vs deterministic 2");
		// the median stays close to the deterministic figure: ln(total) is nearly symmetric
		assertEquals(2, stats.p50(), 0.02);
	}

	@Test
	void everyNonZeroOfTheLoopUncertain() {
		// outputs, inputs and interventions all lognormal GSD 1.1: the run must not fail, and the mean stays within
		// 5 % of the deterministic 2 (the Jensen terms are below 1 % each for outputs; inputs and factors enter linearly
		// at first order)
		ProductSystem system = ring();
		List<UncertainParameter> parameters = new ArrayList<>(uncertainOutputs(system));
		for (int e = 0; e < system.values().inputs().length; e++) {
			parameters.add(new UncertainParameter("input " + e, Kind.INPUT, e, UncertainParameter.logNormal(0.5, 1.1)));
		}
		for (int e = 0; e < system.values().interventions().length; e++) {
			parameters.add(new UncertainParameter("factor " + e, Kind.INTERVENTION, e, UncertainParameter.logNormal(1, 1.1)));
		}
		MonteCarloResult result = new MonteCarlo(system, demand(), parameters).run(3_000, 5, 2, null);
		assertEquals(0, result.failedIterations());
		assertEquals(2, result.statistics(0).mean(), 0.1);
	}

	@Test
	void resultsDoNotDependOnTheThreadCount() {
		ProductSystem system = ring();
		MonteCarlo simulation = new MonteCarlo(system, demand(), uncertainOutputs(system));
		for (int iterations : new int[] { 1, 17, 333 }) {
			MonteCarloResult one = simulation.run(iterations, 3, 1, null);
			double[] reference = one.samples(0);
			for (int threads : new int[] { 2, 3 }) {
				MonteCarloResult other = simulation.run(iterations, 3, threads, null);
				assertArrayEquals(reference, other.samples(0), iterations + " iterations on " + threads + " threads");
				assertEquals(one.statistics(0), other.statistics(0));
				assertEquals(one.sensitivity(0).get(0).correlation(), other.sensitivity(0).get(0).correlation());
			}
		}
		// a longer run begins with the same draws: every iteration has its own stream
		assertEquals(simulation.run(17, 3, 2, null).samples(0)[16], simulation.run(333, 3, 3, null).samples(0)[16]);
	}

	@Test
	void drawsThatMakeTheSystemUnsolvableAreCountedNotThrown() {
		// one process with output ~ N(1, 1): P(output <= 0) = Φ(-1) = 0.158655. In 4,000 iterations the count of failed
		// draws is binomial, mean 634.6, sd sqrt(4000 · 0.158655 · 0.841345) = 23.1: accept 634.6 ± 5 sd
		ProductSystem.Builder b = ProductSystem.builder();
		int p = b.process("machine");
		int gwp = b.indicator("GWP");
		b.intervention(p, gwp, 1);
		ProductSystem system = b.build();
		var output = new UncertainParameter("output", Kind.OUTPUT, p, UncertainParameter.normal(1, 1));
		MonteCarloResult result = new MonteCarlo(system, new double[] { 1 }, List.of(output)).run(4_000, 9, 2, null);
		assertTrue(Math.abs(result.failedIterations() - 634.6) < 5 * 23.1, "failed " + result.failedIterations());
		long nan = java.util.Arrays.stream(result.samples(gwp)).filter(Double::isNaN).count();
		assertEquals(result.failedIterations(), nan);
		assertTrue(result.statistics(gwp).p50() > 0);
	}

	@Test
	void parametersOfOneGroupAreDrawnTogether() {
		// product needs X1 of a and X2 of c, each emitting 1: total = X1 + X2 with X ~ N(100, 10).
		// Independent: sd = sqrt(2) · 10 = 14.14; one group (one shared draw, X1 = X2): sd = 2 · 10 = 20
		ProductSystem.Builder b = ProductSystem.builder();
		int product = b.process("product");
		int a = b.process("a");
		int c = b.process("c");
		int gwp = b.indicator("GWP");
		b.input(product, a, 100).input(product, c, 100).intervention(a, gwp, 1).intervention(c, gwp, 1);
		ProductSystem system = b.build();
		List<UncertainParameter> grouped = List.of(
				new UncertainParameter("a", Kind.INPUT, system.inputPosition(a, product), UncertainParameter.normal(100, 10)).inGroup("meter"),
				new UncertainParameter("c", Kind.INPUT, system.inputPosition(c, product), UncertainParameter.normal(100, 10)).inGroup("meter"));
		double sd = new MonteCarlo(system, new double[] { 1, 0, 0 }, grouped).run(20_000, 2, 2, null).statistics(gwp).standardDeviation();
		assertEquals(20, sd, 20 * 0.03);
		List<UncertainParameter> independent = List.of(
				new UncertainParameter("a", Kind.INPUT, system.inputPosition(a, product), UncertainParameter.normal(100, 10)),
				new UncertainParameter("c", Kind.INPUT, system.inputPosition(c, product), UncertainParameter.normal(100, 10)));
		double sdIndependent = new MonteCarlo(system, new double[] { 1, 0, 0 }, independent).run(20_000, 2, 2, null).statistics(gwp)
				.standardDeviation();
		assertEquals(14.142, sdIndependent, 14.142 * 0.03);
	}
}
