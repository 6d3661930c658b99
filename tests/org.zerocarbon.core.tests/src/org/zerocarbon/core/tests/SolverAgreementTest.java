package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.ProductSystemSolver;
import org.zerocarbon.core.lca.ProductSystemSolver.LoopMethod;

/**
 * Every solver path (the cost model's choice, forced Gauss-Seidel, sparse LU in post-order and in AMD order) against
 * a dense LU with partial pivoting written here, entry by entry, on random systems of several sizes and structures,
 * for the scaling vector and for the transposed solve (intensities).
 */
class SolverAgreementTest {

	/** Per-entry relative agreement required (the target is 1e-9). */
	private static final double RELATIVE = 1e-9;

	@Test
	void everyPathAgreesWithDenseLuOnRandomSystems() {
		for (String structure : new String[] { "uniform", "upstream", "credits" }) {
			for (int n : new int[] { 7, 60, 250, 900 }) {
				ProductSystem system = generate(structure, n, 1000L * n + structure.length());
				double[][] a = dense(system);
				double[] f = new double[n];
				f[0] = 1;
				f[n / 2] = 2;
				double[] expected = denseSolve(a, f, false);
				double[] b = new double[n];
				for (int j = 0; j < n; j++) {
					int position = system.interventionPosition(j, 0);
					b[j] = position < 0 ? 0 : system.values().interventions()[position];
				}
				double[] expectedLambda = denseSolve(a, b, true);
				for (LoopMethod method : LoopMethod.values()) {
					ProductSystemSolver solver = new ProductSystemSolver(system, method);
					double[] s = solver.solve(f).scaling();
					double[] lambda = solver.intensities(system.values(), 0);
					String what = structure + " n=" + n + " " + method + " " + solver.loopMethods();
					assertAgrees(expected, s, what + " scaling");
					assertAgrees(expectedLambda, lambda, what + " intensities");
				}
			}
		}
	}

	@Test
	void intensitiesOfALoopOfTwoThousandProcesses() {
		// ring: process k consumes 0.5 of process k+1 (mod n), each emits 1. λ_k = 1 + 0.5 λ_(k+1) for every k, so all
		// λ are equal: λ = 1 + 0.5 λ => λ = 2 (the old solver refused loops above 1,500 processes here)
		int n = 2_000;
		int gwp = 0;
		ProductSystem system = Systems.ring(n);
		for (LoopMethod method : LoopMethod.values()) {
			double[] lambda = new ProductSystemSolver(system, method).intensities(system.values(), gwp);
			for (int k = 0; k < n; k += 97) {
				assertEquals(2, lambda[k], 2 * RELATIVE, method + " k=" + k);
			}
		}
	}

	@Test
	void singularLoopNamesItsProcessesAndTheExchange() {
		// a → b → c → a, each consuming 1 unit of the next per unit produced: A·(1,1,1) = 0, singular
		ProductSystem.Builder b = ProductSystem.builder();
		int x = b.process("line.Furnace");
		int y = b.process("line.Rolling");
		int z = b.process("line.Power");
		b.process("outside");
		b.input(x, y, 1).input(y, z, 1).input(z, x, 1).input(3, x, 0.5).location(z, "line.zc:12");
		ProductSystem system = b.build();
		for (LoopMethod method : LoopMethod.values()) {
			ProductSystemSolver solver = new ProductSystemSolver(system, method);
			ArithmeticException e = assertThrows(ArithmeticException.class, () -> solver.solve(new double[] { 0, 0, 0, 1 }));
			String message = e.getMessage();
			assertTrue(message.contains("loop of 3 processes") && message.contains("'line.Furnace'") && message.contains("'line.Rolling'")
					&& message.contains("'line.Power' (line.zc:12)") && !message.contains("'outside'"), message);
			assertTrue(message.contains("consumes 1.0 of the product of"), message);
		}
	}

	@Test
	void loopThatIsNotProductiveButRegularIsSolved() {
		// x needs 2 of y, y needs 0.25 of x (det = 1 - 0.5 = 0.5, regular). For 1 of x:
		// row x: s_x - 0.25 s_y = 1, row y: s_y - 2 s_x = 0 => s_x - 0.5 s_x = 1 => s_x = 2, s_y = 4
		ProductSystem.Builder b = ProductSystem.builder();
		int x = b.process("x");
		int y = b.process("y");
		b.input(x, y, 2).input(y, x, 0.25);
		for (LoopMethod method : LoopMethod.values()) {
			double[] s = new ProductSystemSolver(b.build(), method).solve(new double[] { 1, 0 }).scaling();
			assertEquals(2, s[x], 1e-12);
			assertEquals(4, s[y], 1e-12);
		}
	}

	private static void assertAgrees(double[] expected, double[] actual, String what) {
		for (int i = 0; i < expected.length; i++) {
			double tolerance = RELATIVE * Math.abs(expected[i]) + 1e-300;
			int index = i;
			assertTrue(Math.abs(actual[i] - expected[i]) <= tolerance,
					() -> what + ": entry " + index + " is " + actual[index] + ", dense LU " + expected[index]);
		}
	}

	/**
	 * Random systems: "uniform" draws the providers at random; "upstream" mostly from higher indices (a supply
	 * chain) with 5 % at random; "credits" is uniform with one input in five negative (avoided products) and
	 * outputs other than 1 and self-inputs, so the loop is no Z-matrix and the iteration must give way to the LU.
	 */
	static ProductSystem generate(String structure, int n, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		ProductSystem.Builder b = ProductSystem.builder();
		boolean credits = structure.equals("credits");
		for (int j = 0; j < n; j++) {
			b.process("p" + j, credits ? 0.5 + random.nextDouble() : 1);
		}
		int gwp = b.indicator("GWP");
		for (int j = 0; j < n; j++) {
			for (int k = 0; k < 4; k++) {
				int i;
				if (!structure.equals("upstream") || j == n - 1 || random.nextDouble() < 0.05) {
					do {
						i = random.nextInt(n);
					} while (i == j);
				} else {
					i = j + 1 + random.nextInt(n - j - 1);
				}
				double amount = (0.01 + random.nextDouble() * 0.49) / 4;
				b.input(j, i, credits && random.nextInt(5) == 0 ? -amount : amount);
			}
			if (credits && j % 7 == 0) {
				b.input(j, j, 0.05);
			}
			b.intervention(j, gwp, 0.1 + random.nextDouble() * 9.9);
		}
		return b.build();
	}

	/** A as a dense array, from the public API only. */
	private static double[][] dense(ProductSystem system) {
		int n = system.processCount();
		double[][] a = new double[n][n];
		ProductSystem.Values values = system.values();
		for (int i = 0; i < n; i++) {
			a[i][i] = values.outputs()[i];
			int self = system.selfInputPosition(i);
			if (self >= 0) {
				a[i][i] -= values.selfInputs()[self];
			}
			for (int j = 0; j < n; j++) {
				int position = system.inputPosition(i, j);
				if (position >= 0) {
					a[i][j] -= values.inputs()[position];
				}
			}
		}
		return a;
	}

	/** Gaussian elimination with partial pivoting on a copy: A·x = f, or Aᵀ·x = f. */
	static double[] denseSolve(double[][] matrix, double[] f, boolean transposed) {
		int n = f.length;
		double[][] a = new double[n][];
		for (int i = 0; i < n; i++) {
			a[i] = new double[n];
			for (int j = 0; j < n; j++) {
				a[i][j] = transposed ? matrix[j][i] : matrix[i][j];
			}
		}
		double[] x = f.clone();
		for (int k = 0; k < n; k++) {
			int pivot = k;
			for (int i = k + 1; i < n; i++) {
				if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
					pivot = i;
				}
			}
			double[] row = a[k];
			a[k] = a[pivot];
			a[pivot] = row;
			double t = x[k];
			x[k] = x[pivot];
			x[pivot] = t;
			for (int i = k + 1; i < n; i++) {
				double factor = a[i][k] / a[k][k];
				if (factor != 0) {
					for (int j = k; j < n; j++) {
						a[i][j] -= factor * a[k][j];
					}
					x[i] -= factor * x[k];
				}
			}
		}
		for (int k = n - 1; k >= 0; k--) {
			double sum = x[k];
			for (int j = k + 1; j < n; j++) {
				sum -= a[k][j] * x[j];
			}
			x[k] = sum / a[k][k];
		}
		return x;
	}
}
