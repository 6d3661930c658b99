package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.ProductSystemSolver;
import org.zerocarbon.core.lca.Solution;

/** Solutions of small product systems checked against hand calculations (shown in each test). */
class ProductSystemSolverTest {

	private static final double EPS = 1e-9;

	@Test
	void supplyChainWithoutLoops() {
		// part needs 2 kg steel; 1 kg steel needs 10 kWh and emits 1.8 kg CO2e; 1 kWh emits 0.5 kg CO2e.
		// s_part = 1, s_steel = 2, s_elec = 2 * 10 = 20; g = 2 * 1.8 + 20 * 0.5 = 3.6 + 10 = 13.6 kg CO2e
		ProductSystem.Builder b = ProductSystem.builder();
		int part = b.process("part");
		int steel = b.process("steel");
		int elec = b.process("electricity");
		int gwp = b.indicator("GWP");
		b.input(part, steel, 2).input(steel, elec, 10).intervention(steel, gwp, 1.8).intervention(elec, gwp, 0.5);
		Solution solution = new ProductSystemSolver(b.build()).solve(demand(3, part, 1));

		assertEquals(1, solution.scaling()[part], EPS);
		assertEquals(2, solution.scaling()[steel], EPS);
		assertEquals(20, solution.scaling()[elec], EPS);
		assertEquals(13.6, solution.total(gwp), EPS);
		assertEquals(3.6, solution.directContribution(steel, gwp), EPS);
		assertEquals(10, solution.directContribution(elec, gwp), EPS);
	}

	@Test
	void sharedUpstreamProcessAddsUp() {
		// two machines each draw 100 kWh from one grid process at 0.4 kg/kWh: s_grid = 200, g = 80
		ProductSystem.Builder b = ProductSystem.builder();
		int line = b.process("line");
		int m1 = b.process("m1");
		int m2 = b.process("m2");
		int grid = b.process("grid");
		int gwp = b.indicator("GWP");
		b.input(line, m1, 1).input(line, m2, 1).input(m1, grid, 100).input(m2, grid, 100).intervention(grid, gwp, 0.4);
		Solution solution = new ProductSystemSolver(b.build()).solve(demand(4, line, 1));
		assertEquals(200, solution.scaling()[grid], EPS);
		assertEquals(80, solution.total(gwp), EPS);
	}

	@Test
	void loopBetweenSteelAndElectricity() {
		// steel needs 10 kWh/kg; electricity needs 0.01 kg steel/kWh (plant upkeep). Demand: 1 kg steel.
		// s_s = 1 + 0.01 s_e and s_e = 10 s_s  =>  s_s = 1 + 0.1 s_s  =>  s_s = 1/0.9 = 1.1111..., s_e = 11.111...
		// g = 1.8 * 1.1111 + 0.5 * 11.111 = 2.0 + 5.5556 = 7.5556
		ProductSystem.Builder b = ProductSystem.builder();
		int steel = b.process("steel");
		int elec = b.process("electricity");
		int gwp = b.indicator("GWP");
		b.input(steel, elec, 10).input(elec, steel, 0.01).intervention(steel, gwp, 1.8).intervention(elec, gwp, 0.5);
		ProductSystemSolver solver = new ProductSystemSolver(b.build());
		Solution solution = solver.solve(demand(2, steel, 1));

		assertEquals(2, solver.processesInLoops());
		assertEquals(1 / 0.9, solution.scaling()[steel], EPS);
		assertEquals(10 / 0.9, solution.scaling()[elec], EPS);
		assertEquals(1.8 / 0.9 + 0.5 * 10 / 0.9, solution.total(gwp), EPS);
	}

	@Test
	void processConsumingPartOfItsOwnOutput() {
		// grid loses 5 % (consumes 0.05 kWh of its own product per kWh): 100 kWh delivered need 100/0.95 runs
		ProductSystem.Builder b = ProductSystem.builder();
		int grid = b.process("grid");
		int gwp = b.indicator("GWP");
		b.input(grid, grid, 0.05).intervention(grid, gwp, 0.5);
		Solution solution = new ProductSystemSolver(b.build()).solve(demand(1, grid, 100));
		assertEquals(100 / 0.95, solution.scaling()[grid], EPS);
		assertEquals(50 / 0.95, solution.total(gwp), EPS);
	}

	@Test
	void outputOtherThanOneScalesRuns() {
		// one run of a casting process yields 4 castings; 8 castings need 2 runs of 3 kg CO2e each
		ProductSystem.Builder b = ProductSystem.builder();
		int casting = b.process("casting", 4);
		int gwp = b.indicator("GWP");
		b.intervention(casting, gwp, 3);
		Solution solution = new ProductSystemSolver(b.build()).solve(demand(1, casting, 8));
		assertEquals(2, solution.scaling()[casting], EPS);
		assertEquals(6, solution.total(gwp), EPS);
	}

	@Test
	void loopThatConsumesWhatItProducesIsRejectedWithItsProcesses() {
		ProductSystem.Builder b = ProductSystem.builder();
		int x = b.process("x");
		int y = b.process("y");
		b.input(x, y, 1).input(y, x, 1);
		ProductSystemSolver solver = new ProductSystemSolver(b.build());
		ArithmeticException e = assertThrows(ArithmeticException.class, () -> solver.solve(demand(2, x, 1)));
		assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("'y'"), e.getMessage());
	}

	@Test
	void ringsAreSolvedExactlyByLuAndByIteration() {
		// ring: process k consumes 0.5 of process k+1 (mod n); demand 1 of process 0.
		// s_k = 0.5^k * s_0 and s_0 = 1 + 0.5 * s_(n-1) = 1 + 0.5^n * s_0  =>  s_0 = 1 / (1 - 0.5^n)
		for (int n : new int[] { 5, 100, 2_000 }) {
			int gwp = 0;
			ProductSystemSolver solver = new ProductSystemSolver(Systems.ring(n));
			Solution solution = solver.solve(demand(n, 0, 1));
			double s0 = 1 / (1 - Math.pow(0.5, n));
			assertEquals(n, solver.processesInLoops());
			assertEquals(s0, solution.scaling()[0], EPS, "n=" + n);
			assertEquals(s0 * Math.pow(0.5, 3), solution.scaling()[3], EPS, "n=" + n);
			// total = s0 * sum 0.5^k = s0 * (1 - 0.5^n) / 0.5 = 2
			assertEquals(2, solution.total(gwp), 1e-9, "n=" + n);
		}
	}

	@Test
	void deepChainDoesNotOverflowTheStack() {
		// 200,000 processes in a chain, each needing one unit of the next and emitting 1: total = 200,000
		int n = 200_000;
		ProductSystem.Builder b = ProductSystem.builder();
		for (int k = 0; k < n; k++) {
			b.process("p" + k);
		}
		int gwp = b.indicator("GWP");
		for (int k = 0; k < n; k++) {
			if (k + 1 < n) {
				b.input(k, k + 1, 1);
			}
			b.intervention(k, gwp, 1);
		}
		Solution solution = new ProductSystemSolver(b.build()).solve(demand(n, 0, 1));
		assertEquals(n, solution.total(gwp), EPS);
	}

	@Test
	void valuesCanBeVariedWithoutRebuilding() {
		ProductSystem.Builder b = ProductSystem.builder();
		int part = b.process("part");
		int elec = b.process("electricity");
		int gwp = b.indicator("GWP");
		b.input(part, elec, 10).intervention(elec, gwp, 0.5);
		ProductSystem system = b.build();
		ProductSystemSolver solver = new ProductSystemSolver(system);
		ProductSystem.Values values = system.values().copy();
		values.inputs()[system.inputPosition(elec, part)] = 20; // 20 kWh instead of 10
		values.interventions()[system.interventionPosition(elec, gwp)] = 0.25;
		assertEquals(5, solver.solve(values, demand(2, part, 1)).total(gwp), EPS); // 20 * 0.25
		assertEquals(5, solver.solve(demand(2, part, 1)).total(gwp), EPS); // base values untouched: 10 * 0.5
	}

	@Test
	void intensitiesIncludeUpstreamAlsoThroughLoops() {
		// same loop as above: steel 10 kWh/kg, electricity 0.01 kg steel/kWh; b_steel = 1.8, b_elec = 0.5.
		// lambda_s = 1.8 + 10 lambda_e, lambda_e = 0.5 + 0.01 lambda_s
		//   => lambda_s = 1.8 + 5 + 0.1 lambda_s => lambda_s = 6.8 / 0.9 = 7.5556 (= the total for 1 kg, see above)
		//   => lambda_e = 0.5 + 0.075556 = 0.575556
		ProductSystem.Builder b = ProductSystem.builder();
		int part = b.process("part");
		int steel = b.process("steel");
		int elec = b.process("electricity");
		int gwp = b.indicator("GWP");
		b.input(part, steel, 2).input(steel, elec, 10).input(elec, steel, 0.01).intervention(steel, gwp, 1.8)
				.intervention(elec, gwp, 0.5);
		ProductSystem system = b.build();
		ProductSystemSolver solver = new ProductSystemSolver(system);
		double[] lambda = solver.intensities(system.values(), gwp);
		assertEquals(6.8 / 0.9, lambda[steel], EPS);
		assertEquals(0.5 + 0.01 * 6.8 / 0.9, lambda[elec], EPS);
		// the part needs 2 kg steel: its intensity equals the total of solving for one part
		assertEquals(2 * 6.8 / 0.9, lambda[part], EPS);
		assertEquals(solver.solve(demand(3, part, 1)).total(gwp), lambda[part], EPS);
	}

	private static double[] demand(int n, int process, double amount) {
		double[] f = new double[n];
		f[process] = amount;
		return f;
	}
}
