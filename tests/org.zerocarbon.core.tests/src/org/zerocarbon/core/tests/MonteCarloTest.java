package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.MonteCarloResult;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.UncertainParameter;
import org.zerocarbon.core.lca.UncertainParameter.Kind;

/** Statistical properties of the Monte Carlo simulation, checked against closed-form values. */
class MonteCarloTest {

	/** One process emitting a lognormal amount: the result distribution is that lognormal. */
	@Test
	void lognormalFactorGivesTheKnownPercentiles() {
		ProductSystem.Builder b = ProductSystem.builder();
		int grid = b.process("grid");
		int gwp = b.indicator("GWP");
		b.intervention(grid, gwp, 1.0);
		ProductSystem system = b.build();
		var parameter = new UncertainParameter("grid factor", Kind.INTERVENTION, system.interventionPosition(grid, gwp),
				UncertainParameter.logNormal(1.0, 2.0));

		MonteCarloResult result = new MonteCarlo(system, new double[] { 1 }, List.of(parameter)).run(40_000, 7, 2, null);
		MonteCarlo.Statistics stats = result.statistics(gwp);

		// ln X ~ N(0, ln 2): median = 1, P95 = exp(1.6449 * ln 2) = 2^1.6449 = 3.1271,
		// P5 = 1/3.1271 = 0.3198, mean = exp((ln 2)^2 / 2) = exp(0.24023) = 1.2716
		assertEquals(1.0, stats.p50(), 0.02);
		assertEquals(3.1271, stats.p95(), 3.1271 * 0.03);
		assertEquals(0.3198, stats.p5(), 0.3198 * 0.03);
		assertEquals(1.2716, stats.mean(), 1.2716 * 0.02);
	}

	/** Two machines with independent normal energy use on one grid: the sum of normals. */
	@Test
	void sumOfIndependentNormalsHasTheKnownSpread() {
		ProductSystem.Builder b = ProductSystem.builder();
		int line = b.process("line");
		int m1 = b.process("m1");
		int m2 = b.process("m2");
		int grid = b.process("grid");
		int gwp = b.indicator("GWP");
		b.input(line, m1, 1).input(line, m2, 1).input(m1, grid, 100).input(m2, grid, 100).intervention(grid, gwp, 0.5);
		ProductSystem system = b.build();
		List<UncertainParameter> parameters = List.of(
				new UncertainParameter("m1 energy", Kind.INPUT, system.inputPosition(grid, m1), UncertainParameter.normal(100, 10)),
				new UncertainParameter("m2 energy", Kind.INPUT, system.inputPosition(grid, m2), UncertainParameter.normal(100, 10)));

		MonteCarlo.Statistics stats = new MonteCarlo(system, demandOf(4, line), parameters).run(20_000, 1, 2, null).statistics(gwp);

		// total = 0.5 (X1 + X2), X ~ N(100, 10): mean = 100, sd = 0.5 * sqrt(10^2 + 10^2) = 7.0711
		assertEquals(100, stats.mean(), 0.3);
		assertEquals(7.0711, stats.standardDeviation(), 7.0711 * 0.03);
		assertEquals(100 + 1.6449 * 7.0711, stats.p95(), 0.6);
	}

	@Test
	void sameSeedGivesTheSameNumbersWhateverTheThreadCount() {
		ProductSystem system = twoInputSystem();
		List<UncertainParameter> parameters = twoParameters(system);
		MonteCarlo simulation = new MonteCarlo(system, demandOf(3, 0), parameters);

		double[] first = simulation.run(3_000, 42, 1, null).samples(0);
		double[] again = simulation.run(3_000, 42, 2, null).samples(0);
		double[] otherSeed = simulation.run(3_000, 43, 2, null).samples(0);

		assertArrayEquals(first, again);
		assertTrue(first[0] != otherSeed[0] && first[1] != otherSeed[1]);
	}

	@Test
	void sensitivityNamesTheInputThatDrivesTheVariance() {
		ProductSystem system = twoInputSystem();
		MonteCarloResult result = new MonteCarlo(system, demandOf(3, 0), twoParameters(system)).run(5_000, 3, 2, null);

		List<MonteCarloResult.Sensitivity> sensitivity = result.sensitivity(0);

		// "wide" has sd 30 on 100 units, "narrow" sd 1: wide explains ~ 900/(900+1) of the variance
		assertEquals("wide", sensitivity.get(0).parameter().name());
		assertTrue(sensitivity.get(0).varianceShare() > 0.95, () -> "share " + sensitivity.get(0).varianceShare());
		assertTrue(sensitivity.get(0).correlation() > 0.95);
	}

	@Test
	void negativeLognormalMedianIsACredit() {
		ProductSystem.Builder b = ProductSystem.builder();
		int recycling = b.process("recycling");
		int gwp = b.indicator("GWP");
		b.intervention(recycling, gwp, -2);
		ProductSystem system = b.build();
		var credit = new UncertainParameter("credit", Kind.INTERVENTION, 0, UncertainParameter.logNormal(-2, 1.5));
		MonteCarloResult result = new MonteCarlo(system, new double[] { 1 }, List.of(credit)).run(10_000, 5, 1, null);
		for (double sample : result.samples(gwp)) {
			assertTrue(sample < 0);
		}
		assertEquals(-2, result.statistics(gwp).p50(), 0.05);
	}

	@Test
	void canceledRunThrows() {
		ProductSystem system = twoInputSystem();
		NullProgressMonitor monitor = new NullProgressMonitor();
		monitor.setCanceled(true);
		MonteCarlo simulation = new MonteCarlo(system, demandOf(3, 0), twoParameters(system));
		assertThrows(OperationCanceledException.class, () -> simulation.run(100_000, 1, 2, monitor));
	}

	private static ProductSystem twoInputSystem() {
		ProductSystem.Builder b = ProductSystem.builder();
		int product = b.process("product");
		int a = b.process("a");
		int c = b.process("c");
		int gwp = b.indicator("GWP");
		b.input(product, a, 100).input(product, c, 100).intervention(a, gwp, 1).intervention(c, gwp, 1);
		return b.build();
	}

	private static List<UncertainParameter> twoParameters(ProductSystem system) {
		return List.of(
				new UncertainParameter("narrow", Kind.INPUT, system.inputPosition(2, 0), UncertainParameter.normal(100, 1)),
				new UncertainParameter("wide", Kind.INPUT, system.inputPosition(1, 0), UncertainParameter.normal(100, 30)));
	}

	private static double[] demandOf(int n, int process) {
		double[] f = new double[n];
		f[process] = 1;
		return f;
	}
}
