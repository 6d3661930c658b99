package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Solves {@code A·s = f} for a {@link ProductSystem} by block-triangular decomposition.
 * <p>
 * The processes are split once into strongly connected components (Tarjan) of the "supplies to" graph and the
 * components are solved downstream first. A process outside any loop (the common case: bills of materials,
 * transport, energy supply are trees or DAGs) is solved exactly by one division, so a loop-free system costs
 * O(non-zeros). The processes of a loop (e.g. electricity used to make steel used in power plants) are solved
 * together: with a dense LU (EJML) up to {@value #DENSE_LIMIT} processes, by Gauss-Seidel iteration above that,
 * which converges for the column-diagonally-dominant matrices of productive systems. Nothing is inverted and no
 * fill-in occurs outside loops; this is why the generic sparse LU that openLCA falls back to is not used here.
 * <p>
 * The structural analysis is done in the constructor and reused by every {@link #solve} call, which is what
 * makes Monte Carlo fast. An instance keeps scratch buffers and is therefore <b>not thread-safe</b>; create one
 * per thread (construction is cheap relative to a Monte Carlo run).
 */
public final class ProductSystemSolver {

	/** Loops up to this many processes are solved with a dense LU. */
	public static final int DENSE_LIMIT = 1500;
	private static final int MAX_SWEEPS = 100_000;
	private static final double TOLERANCE = 1e-13;

	private final ProductSystem system;
	/** Components in solving order: members of component c are blockMembers[blockStart[c] .. blockStart[c+1]). */
	private final int[] blockStart;
	private final int[] blockMembers;
	private final int[] blockOf;
	/** Position of each process within its component. */
	private final int[] localIndex;
	private final DMatrixRMaj[] matrices;
	private final DMatrixRMaj[] rhs;
	private final DMatrixRMaj[] solutions;
	private final LinearSolverDense<DMatrixRMaj>[] lu;

	/** Analyses the structure of {@code system}. */
	@SuppressWarnings("unchecked")
	public ProductSystemSolver(ProductSystem system) {
		this.system = system;
		int n = system.processCount();
		this.blockOf = new int[n];
		this.localIndex = new int[n];
		List<int[]> components = stronglyConnectedComponents(system);
		blockStart = new int[components.size() + 1];
		blockMembers = new int[n];
		int position = 0;
		for (int c = 0; c < components.size(); c++) {
			blockStart[c] = position;
			int[] members = components.get(c);
			for (int local = 0; local < members.length; local++) {
				blockMembers[position++] = members[local];
				blockOf[members[local]] = c;
				localIndex[members[local]] = local;
			}
		}
		blockStart[components.size()] = position;
		matrices = new DMatrixRMaj[components.size()];
		rhs = new DMatrixRMaj[components.size()];
		solutions = new DMatrixRMaj[components.size()];
		lu = new LinearSolverDense[components.size()];
		for (int c = 0; c < components.size(); c++) {
			int size = blockStart[c + 1] - blockStart[c];
			if (size > 1 && size <= DENSE_LIMIT) {
				matrices[c] = new DMatrixRMaj(size, size);
				rhs[c] = new DMatrixRMaj(size, 1);
				solutions[c] = new DMatrixRMaj(size, 1);
				lu[c] = LinearSolverFactory_DDRM.lu(size);
			}
		}
	}

	/** The system this solver was built for. */
	public ProductSystem system() {
		return system;
	}

	/** Number of processes that are part of a loop (a component with more than one process). */
	public int processesInLoops() {
		int count = 0;
		for (int c = 0; c + 1 < blockStart.length; c++) {
			int size = blockStart[c + 1] - blockStart[c];
			if (size > 1) {
				count += size;
			}
		}
		return count;
	}

	/** Solves for the system's own amounts. */
	public Solution solve(double[] demand) {
		return solve(system.values(), demand);
	}

	/** Solves for the given amounts (same structure as the system). */
	public Solution solve(ProductSystem.Values values, double[] demand) {
		double[] scaling = new double[system.processCount()];
		solveScaling(values, demand, scaling);
		double[] inventory = new double[system.indicatorCount()];
		inventory(values, scaling, inventory);
		return new Solution(system, values, scaling, inventory);
	}

	/**
	 * Computes the scaling vector into {@code scaling} without allocating: the hot path of Monte Carlo.
	 *
	 * @throws ArithmeticException when the system has no unique solution (a loop that consumes at least as
	 *                             much as it produces, or a process with no output)
	 */
	public void solveScaling(ProductSystem.Values values, double[] demand, double[] scaling) {
		int n = system.processCount();
		if (demand.length != n || scaling.length != n) {
			throw new IllegalArgumentException("demand and scaling need " + n + " entries");
		}
		for (int c = 0; c + 1 < blockStart.length; c++) {
			int from = blockStart[c];
			int size = blockStart[c + 1] - from;
			if (size == 1) {
				int i = blockMembers[from];
				double diagonal = diagonal(values, i);
				if (!(diagonal > 0)) {
					throw new ArithmeticException("Process '" + system.processId(i) + "' produces nothing net of what it consumes "
							+ "itself (output " + values.outputs()[i] + "); the product system cannot be solved.");
				}
				scaling[i] = (demand[i] + downstreamDemand(values, i, scaling, -1)) / diagonal;
			} else if (matrices[c] != null) {
				solveDense(c, values, demand, scaling);
			} else {
				solveIteratively(c, values, demand, scaling);
			}
		}
	}

	/**
	 * Total intensities {@code λ = b·A⁻¹} of one indicator: how much of it one unit of each process's product
	 * causes, upstream included. Solved as the transposed system (providers first), so one call gives the
	 * upstream-inclusive contribution {@code a_ij·s_j·λ_i} of every exchange. Exact, no matrix inverse.
	 */
	public double[] intensities(ProductSystem.Values values, int indicator) {
		int n = system.processCount();
		double[] direct = new double[n];
		for (int j = 0; j < n; j++) {
			int position = system.interventionPosition(j, indicator);
			direct[j] = position < 0 ? 0 : values.interventions()[position];
		}
		// column view of the off-diagonal inputs: for consumer j, its providers i and a_ij
		int[] columnStart = new int[n + 1];
		for (int e = 0; e < system.rowConsumer.length; e++) {
			columnStart[system.rowConsumer[e] + 1]++;
		}
		for (int j = 0; j < n; j++) {
			columnStart[j + 1] += columnStart[j];
		}
		int[] fill = columnStart.clone();
		int[] columnProvider = new int[system.rowConsumer.length];
		double[] columnAmount = new double[system.rowConsumer.length];
		for (int i = 0; i < n; i++) {
			for (int e = system.rowStart[i]; e < system.rowStart[i + 1]; e++) {
				int slot = fill[system.rowConsumer[e]]++;
				columnProvider[slot] = i;
				columnAmount[slot] = values.inputs()[e];
			}
		}
		double[] lambda = new double[n];
		for (int c = blockStart.length - 2; c >= 0; c--) { // providers first: the reverse of the solving order
			int from = blockStart[c];
			int size = blockStart[c + 1] - from;
			if (size == 1) {
				int j = blockMembers[from];
				double sum = direct[j];
				for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
					sum += columnAmount[e] * lambda[columnProvider[e]];
				}
				lambda[j] = sum / diagonal(values, j);
				continue;
			}
			// a loop: solve its transposed block densely (loops beyond the dense limit are not supported here)
			if (size > DENSE_LIMIT) {
				throw new ArithmeticException("Contribution analysis of a loop of " + size + " processes is not supported (limit "
						+ DENSE_LIMIT + ").");
			}
			DMatrixRMaj m = new DMatrixRMaj(size, size);
			DMatrixRMaj b = new DMatrixRMaj(size, 1);
			for (int p = 0; p < size; p++) {
				int j = blockMembers[from + p];
				m.unsafe_set(p, p, diagonal(values, j));
				double sum = direct[j];
				for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
					int i = columnProvider[e];
					if (blockOf[i] == c) {
						m.unsafe_set(p, localIndex[i], m.unsafe_get(p, localIndex[i]) - columnAmount[e]);
					} else {
						sum += columnAmount[e] * lambda[i];
					}
				}
				b.unsafe_set(p, 0, sum);
			}
			LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.lu(size);
			DMatrixRMaj x = new DMatrixRMaj(size, 1);
			if (!solver.setA(m) || solver.quality() < 1e-14) {
				throw singularLoop(c);
			}
			solver.solve(b, x);
			for (int p = 0; p < size; p++) {
				lambda[blockMembers[from + p]] = x.unsafe_get(p, 0);
			}
		}
		return lambda;
	}

	/** {@code g = B·s}. */
	public void inventory(ProductSystem.Values values, double[] scaling, double[] inventory) {
		Arrays.fill(inventory, 0);
		double[] b = values.interventions();
		for (int j = 0; j < scaling.length; j++) {
			for (int e = system.interventionStart[j]; e < system.interventionStart[j + 1]; e++) {
				inventory[system.interventionIndicator[e]] += b[e] * scaling[j];
			}
		}
	}

	private double diagonal(ProductSystem.Values values, int i) {
		int self = system.selfInput[i];
		return values.outputs()[i] - (self < 0 ? 0 : values.selfInputs()[self]);
	}

	/** Sum of a_ij·s_j over consumers j of process i, skipping those in component {@code skipBlock}. */
	private double downstreamDemand(ProductSystem.Values values, int i, double[] scaling, int skipBlock) {
		double sum = 0;
		double[] a = values.inputs();
		for (int e = system.rowStart[i]; e < system.rowStart[i + 1]; e++) {
			int j = system.rowConsumer[e];
			if (blockOf[j] != skipBlock) {
				sum += a[e] * scaling[j];
			}
		}
		return sum;
	}

	private void solveDense(int c, ProductSystem.Values values, double[] demand, double[] scaling) {
		int from = blockStart[c];
		int size = blockStart[c + 1] - from;
		DMatrixRMaj m = matrices[c];
		m.zero();
		double[] a = values.inputs();
		for (int p = 0; p < size; p++) {
			int i = blockMembers[from + p];
			m.unsafe_set(p, p, diagonal(values, i));
			for (int e = system.rowStart[i]; e < system.rowStart[i + 1]; e++) {
				int j = system.rowConsumer[e];
				if (blockOf[j] == c) {
					m.unsafe_set(p, localIndex[j], m.unsafe_get(p, localIndex[j]) - a[e]);
				}
			}
			rhs[c].unsafe_set(p, 0, demand[i] + downstreamDemand(values, i, scaling, c));
		}
		if (!lu[c].setA(m) || lu[c].quality() < 1e-14) {
			throw singularLoop(c);
		}
		lu[c].solve(rhs[c], solutions[c]);
		for (int p = 0; p < size; p++) {
			double value = solutions[c].unsafe_get(p, 0);
			if (!Double.isFinite(value)) {
				throw singularLoop(c);
			}
			scaling[blockMembers[from + p]] = value;
		}
	}

	/** Gauss-Seidel over a large loop; starts from the previous content of {@code scaling} (warm start). */
	private void solveIteratively(int c, ProductSystem.Values values, double[] demand, double[] scaling) {
		int from = blockStart[c];
		int to = blockStart[c + 1];
		double[] external = new double[to - from];
		for (int p = from; p < to; p++) {
			int i = blockMembers[p];
			external[p - from] = demand[i] + downstreamDemand(values, i, scaling, c);
		}
		double[] a = values.inputs();
		for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
			double change = 0;
			double norm = 0;
			for (int p = from; p < to; p++) {
				int i = blockMembers[p];
				double sum = external[p - from];
				for (int e = system.rowStart[i]; e < system.rowStart[i + 1]; e++) {
					int j = system.rowConsumer[e];
					if (blockOf[j] == c) {
						sum += a[e] * scaling[j];
					}
				}
				double next = sum / diagonal(values, i);
				change = Math.max(change, Math.abs(next - scaling[i]));
				norm = Math.max(norm, Math.abs(next));
				scaling[i] = next;
			}
			if (!Double.isFinite(norm)) {
				break;
			}
			if (change <= TOLERANCE * Math.max(norm, Double.MIN_NORMAL)) {
				return;
			}
		}
		throw singularLoop(c);
	}

	private ArithmeticException singularLoop(int c) {
		StringBuilder names = new StringBuilder();
		for (int p = blockStart[c]; p < blockStart[c + 1] && p < blockStart[c] + 5; p++) {
			names.append(names.isEmpty() ? "" : ", ").append('\'').append(system.processId(blockMembers[p])).append('\'');
		}
		int size = blockStart[c + 1] - blockStart[c];
		return new ArithmeticException("The loop of " + size + " processes (" + names + (size > 5 ? ", ..." : "")
				+ ") consumes at least as much as it produces; the product system cannot be solved.");
	}

	/**
	 * Tarjan's algorithm, iterative (deep supply chains must not overflow the stack), on the graph with an edge
	 * from each provider to each consumer. Components come out consumers-first, the order {@link #solveScaling}
	 * needs.
	 */
	private static List<int[]> stronglyConnectedComponents(ProductSystem system) {
		int n = system.processCount();
		int[] index = new int[n];
		int[] low = new int[n];
		Arrays.fill(index, -1);
		boolean[] onStack = new boolean[n];
		int[] stack = new int[n];
		int stackSize = 0;
		int[] callStack = new int[n];
		int[] edgeCursor = new int[n];
		List<int[]> components = new ArrayList<>();
		int counter = 0;
		for (int root = 0; root < n; root++) {
			if (index[root] >= 0) {
				continue;
			}
			int depth = 0;
			callStack[depth] = root;
			index[root] = low[root] = counter++;
			stack[stackSize++] = root;
			onStack[root] = true;
			edgeCursor[root] = system.rowStart[root];
			while (depth >= 0) {
				int v = callStack[depth];
				if (edgeCursor[v] < system.rowStart[v + 1]) {
					int w = system.rowConsumer[edgeCursor[v]++];
					if (index[w] < 0) {
						index[w] = low[w] = counter++;
						stack[stackSize++] = w;
						onStack[w] = true;
						edgeCursor[w] = system.rowStart[w];
						callStack[++depth] = w;
					} else if (onStack[w]) {
						low[v] = Math.min(low[v], index[w]);
					}
					continue;
				}
				if (low[v] == index[v]) {
					int top = stackSize;
					do {
						onStack[stack[--stackSize]] = false;
					} while (stack[stackSize] != v);
					components.add(Arrays.copyOfRange(stack, stackSize, top));
				}
				depth--;
				if (depth >= 0) {
					int parent = callStack[depth];
					low[parent] = Math.min(low[parent], low[v]);
				}
			}
		}
		return components;
	}
}
