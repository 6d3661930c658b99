package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import edu.emory.mathcs.csparsej.tdouble.Dcs_amd;
import edu.emory.mathcs.csparsej.tdouble.Dcs_common.Dcs;
import edu.emory.mathcs.csparsej.tdouble.Dcs_util;

/**
 * Solves {@code A·s = f} for a {@link ProductSystem} by block-triangular decomposition.
 * <p>
 * The processes are split once into strongly connected components (Tarjan) of the "supplies to" graph and the
 * components are solved downstream first. A process outside any loop (bills of materials, transport, energy supply
 * are trees or DAGs) is solved exactly by one division, so a loop-free system costs O(non-zeros). The processes of
 * a loop are solved together, by one of two methods chosen once per loop by a deterministic cost model run on the
 * system's own amounts:
 * <ul>
 * <li>a sparse LU ({@link SparseLu}) with the better of two fill-reducing column orderings: the loop's depth-first
 * post-order (consumers before providers, which keeps a supply chain with a few back links nearly triangular) and
 * AMD on the pattern of A + Aᵀ (CSparseJ's port of Davis's AMD). The ordering is the symbolic analysis and is reused
 * by every solve; each solve redoes only the numeric factorization, followed by one step of iterative refinement;
 * <li>Gauss-Seidel, when it is cheaper than the factorization (large, well-mixed loops fill in badly), but only
 * with a proof of per-entry accuracy: for a Z-matrix block (outputs positive, inputs non-negative) a positive
 * vector u with A·u &gt; 0 is built, which shows A is a non-singular M-matrix, so {@code |x - x*| ≤ A⁻¹|r| ≤ ρ·u}
 * with {@code ρ = max |r_i| / (A·u)_i} (rounding of r and A·u included). Unless {@code ρ·u_i ≤ }{@value #TOLERANCE}
 * {@code ·|x_i|} for every entry, the solve falls back to the sparse LU.
 * </ul>
 * Contributions ({@link #intensities}) use the same factors transposed, or the same verified iteration on Aᵀ.
 * <p>
 * A loop that cannot be solved (a failed factorization: a pivot below {@value SparseLu#SINGULAR_PIVOT} of its
 * column) is reported with its processes and its largest exchange relative to the provider's output, the exchange
 * that makes the loop consume what it produces.
 * <p>
 * An instance keeps scratch buffers and is therefore <b>not thread-safe</b>; create one per thread.
 */
public final class ProductSystemSolver {

	/** Per-entry relative accuracy that the iterative path must prove, else the direct solver is used. */
	public static final double TOLERANCE = 1e-10;
	/** Kept for source compatibility: loops are no longer solved densely; this is the size below which the cost
	 * model is skipped and the sparse LU is always used. */
	public static final int DENSE_LIMIT = 64;
	private static final int MAX_SWEEPS = 2_000;
	private static final double ROUNDING = 0x1p-53;

	private final ProductSystem system;
	/** Components in solving order: members of component c are blockMembers[blockStart[c] .. blockStart[c+1]). */
	private final int[] blockStart;
	private final int[] blockMembers;
	private final int[] blockOf;
	/** Position of each process within its component (in the component's post-order). */
	private final int[] localIndex;
	private final Loop[] loops;

	/** How loops are solved: chosen by the cost model, or forced (for tests and reference solutions). */
	public enum LoopMethod {
		/** the cheaper of the verified iteration and the sparse LU with either ordering */
		AUTOMATIC,
		/** verified Gauss-Seidel wherever the block is a Z-matrix, falling back to the sparse LU (post-order) */
		ITERATIVE,
		/** sparse LU, columns in the loop's depth-first post-order */
		LU_POST_ORDER,
		/** sparse LU, columns in AMD order of A + Aᵀ */
		LU_AMD
	}

	private final LoopMethod method;

	/** Analyses the structure of {@code system}: components, orderings, and the method for every loop. */
	public ProductSystemSolver(ProductSystem system) {
		this(system, LoopMethod.AUTOMATIC);
	}

	/** Analyses the structure of {@code system}, solving every loop with {@code method}. */
	public ProductSystemSolver(ProductSystem system, LoopMethod method) {
		this.system = system;
		this.method = method;
		int n = system.processCount();
		this.blockOf = new int[n];
		this.localIndex = new int[n];
		List<int[]> components = stronglyConnectedComponents(system);
		blockStart = new int[components.size() + 1];
		blockMembers = new int[n];
		int position = 0;
		for (int c = 0; c < components.size(); c++) {
			blockStart[c] = position;
			for (int member : components.get(c)) {
				blockMembers[position++] = member;
				blockOf[member] = c;
			}
		}
		blockStart[components.size()] = position;
		loops = new Loop[components.size()];
		for (int c = 0; c < components.size(); c++) {
			if (blockStart[c + 1] - blockStart[c] > 1) {
				postOrder(c);
				loops[c] = new Loop(c);
			} else {
				localIndex[blockMembers[blockStart[c]]] = 0;
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

	/** How each loop is solved, largest first, e.g. "loop of 986: Gauss-Seidel (verified)" (for benchmarks and logs). */
	public List<String> loopMethods() {
		List<String> methods = new ArrayList<>();
		for (Loop loop : loops) {
			if (loop != null) {
				methods.add(loop.description());
			}
		}
		return methods;
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
	 * Computes the scaling vector into {@code scaling}: the hot path of Monte Carlo.
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
			if (loops[c] == null) {
				int i = blockMembers[from];
				double diagonal = diagonal(values, i);
				if (!(diagonal > 0)) {
					throw new ArithmeticException("Process '" + system.processId(i) + "' produces nothing net of what it consumes "
							+ "itself (output " + values.outputs()[i] + "); the product system cannot be solved.");
				}
				scaling[i] = (demand[i] + downstreamDemand(values, i, scaling, -1)) / diagonal;
			} else {
				Loop loop = loops[c];
				for (int p = 0; p < loop.size; p++) {
					int i = blockMembers[from + p];
					loop.rhs[p] = demand[i] + downstreamDemand(values, i, scaling, c);
				}
				loop.solve(values, false);
				for (int p = 0; p < loop.size; p++) {
					scaling[blockMembers[from + p]] = loop.x[p];
				}
			}
		}
	}

	/**
	 * Total intensities {@code λ = b·A⁻¹} of one indicator: how much of it one unit of each process's product
	 * causes, upstream included. Solved as the transposed system (providers first), loops with the same
	 * factorization transposed, so one call gives the upstream-inclusive contribution {@code a_ij·s_j·λ_i} of every
	 * exchange. Exact, no matrix inverse, any loop size.
	 */
	public double[] intensities(ProductSystem.Values values, int indicator) {
		int n = system.processCount();
		double[] direct = new double[n];
		for (int j = 0; j < n; j++) {
			for (int e = system.interventionStart[j]; e < system.interventionStart[j + 1]; e++) {
				if (system.interventionIndicator[e] == indicator) {
					direct[j] += values.interventions()[e];
				}
			}
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
			Loop loop = loops[c];
			int size = blockStart[c + 1] - from;
			for (int p = 0; p < size; p++) {
				int j = blockMembers[from + p];
				double sum = direct[j];
				for (int e = columnStart[j]; e < columnStart[j + 1]; e++) {
					int i = columnProvider[e];
					if (blockOf[i] != c) {
						sum += columnAmount[e] * lambda[i];
					}
				}
				if (loop == null) {
					double diagonal = diagonal(values, j);
					if (!(diagonal > 0)) {
						throw new ArithmeticException("Process '" + system.processId(j) + "' produces nothing net of what it "
								+ "consumes itself; the product system cannot be solved.");
					}
					lambda[j] = sum / diagonal;
				} else {
					loop.rhs[p] = sum;
				}
			}
			if (loop != null) {
				loop.solve(values, true);
				for (int p = 0; p < size; p++) {
					lambda[blockMembers[from + p]] = loop.x[p];
				}
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

	/**
	 * Reorders the members of component {@code c} in depth-first post-order of the provider → consumer graph
	 * within the component, so consumers come before their providers except along back links: Gauss-Seidel then
	 * sweeps a supply chain in its natural direction, and the LU of a nearly triangular block fills in little.
	 */
	private void postOrder(int c) {
		int from = blockStart[c];
		int size = blockStart[c + 1] - from;
		int[] members = Arrays.copyOfRange(blockMembers, from, from + size);
		for (int p = 0; p < size; p++) {
			localIndex[members[p]] = -1; // unvisited
		}
		int[] stack = new int[size];
		int[] cursor = new int[size];
		int out = 0;
		for (int start : members) {
			if (localIndex[start] != -1) {
				continue;
			}
			int depth = 0;
			stack[0] = start;
			localIndex[start] = -2; // on the path
			cursor[0] = system.rowStart[start];
			while (depth >= 0) {
				int v = stack[depth];
				if (cursor[depth] < system.rowStart[v + 1]) {
					int w = system.rowConsumer[cursor[depth]++];
					if (blockOf[w] == c && localIndex[w] == -1) {
						localIndex[w] = -2;
						stack[++depth] = w;
						cursor[depth] = system.rowStart[w];
					}
					continue;
				}
				localIndex[v] = out;
				blockMembers[from + out++] = v;
				depth--;
			}
		}
	}

	/** One loop's block, its patterns, its method and its scratch buffers. */
	private final class Loop {
		final int component;
		final int from;
		final int size;
		/** Column-wise pattern (consumers), diagonal included; src >= 0: input position, else -1 - process (diagonal). */
		final int[] colStart;
		final int[] colRow;
		final int[] colSource;
		final double[] colValue;
		/** Row-wise pattern (providers), diagonal included. */
		final int[] rowStart;
		final int[] rowCol;
		final int[] rowSource;
		final double[] rowValue;
		final double[] diagonal;
		final double[] rhs;
		final double[] x;
		final double[] residual;
		final double[] bound;
		final double[] absolute;
		final double[] scratchError;
		final double[] scratchG;
		boolean zMatrix;
		boolean iterative;
		SparseLu lu;
		int[] fallbackOrder;
		String ordering;
		int sweeps;

		Loop(int c) {
			component = c;
			from = blockStart[c];
			size = blockStart[c + 1] - from;
			int nnz = size;
			for (int p = 0; p < size; p++) {
				int i = blockMembers[from + p];
				for (int e = system.rowStart[i]; e < system.rowStart[i + 1]; e++) {
					if (blockOf[system.rowConsumer[e]] == c) {
						nnz++;
					}
				}
			}
			rowStart = new int[size + 1];
			rowCol = new int[nnz];
			rowSource = new int[nnz];
			int k = 0;
			int[] count = new int[size + 1];
			for (int p = 0; p < size; p++) {
				int i = blockMembers[from + p];
				rowStart[p] = k;
				rowCol[k] = p;
				rowSource[k++] = -1 - i;
				count[p + 1]++;
				for (int e = system.rowStart[i]; e < system.rowStart[i + 1]; e++) {
					int j = system.rowConsumer[e];
					if (blockOf[j] == c) {
						rowCol[k] = localIndex[j];
						rowSource[k++] = e;
						count[localIndex[j] + 1]++;
					}
				}
			}
			rowStart[size] = k;
			for (int p = 0; p < size; p++) {
				count[p + 1] += count[p];
			}
			colStart = count.clone();
			colRow = new int[nnz];
			colSource = new int[nnz];
			for (int p = 0; p < size; p++) {
				for (int e = rowStart[p]; e < rowStart[p + 1]; e++) {
					int slot = count[rowCol[e]]++;
					colRow[slot] = p;
					colSource[slot] = rowSource[e];
				}
			}
			colValue = new double[nnz];
			rowValue = new double[nnz];
			diagonal = new double[size];
			rhs = new double[size];
			x = new double[size];
			residual = new double[size];
			bound = new double[size];
			absolute = new double[size];
			scratchError = new double[size];
			scratchG = new double[size];
			choose();
		}

		/** The cost model: multiply-adds of the verified iteration against those of each ordering's LU. */
		private void choose() {
			assemble(system.values());
			int[] natural = new int[size];
			Arrays.setAll(natural, p -> p);
			switch (method) {
				case ITERATIVE -> {
					iterative = true;
					fallbackOrder = natural;
					ordering = "post-order";
					return;
				}
				case LU_POST_ORDER -> {
					lu = new SparseLu(size, colStart, colRow, natural);
					ordering = "post-order";
					return;
				}
				case LU_AMD -> {
					lu = new SparseLu(size, colStart, colRow, amdOrder());
					ordering = "AMD";
					return;
				}
				default -> {
					// the cost model below
				}
			}
			long iterationCost = Long.MAX_VALUE;
			if (size > DENSE_LIMIT && zMatrix) {
				Arrays.fill(rhs, 1);
				if (gaussSeidel(false)) {
					iterationCost = (long) sweeps * rowCol.length;
				}
			}
			SparseLu post = new SparseLu(size, colStart, colRow, natural);
			long postCost = cost(post, iterationCost);
			SparseLu amd = size > DENSE_LIMIT ? new SparseLu(size, colStart, colRow, amdOrder()) : null;
			long amdCost = amd == null ? Long.MAX_VALUE : cost(amd, Math.min(iterationCost, postCost));
			if (postCost <= amdCost && postCost <= iterationCost) {
				lu = post;
				ordering = "post-order";
			} else if (amdCost <= iterationCost) {
				lu = amd;
				ordering = "AMD";
			} else {
				iterative = true;
				// for a fallback, the ordering that got further within the same budget
				fallbackOrder = amd != null && amd.columnsDone > post.columnsDone ? amd.q : natural;
				ordering = fallbackOrder == natural ? "post-order" : "AMD";
			}
		}

		/** Multiply-adds of one solve with this ordering (factorization + two triangular solves), or MAX if over budget. */
		private long cost(SparseLu candidate, long budget) {
			SparseLu.Status status = candidate.factor(colValue, budget);
			return status == SparseLu.Status.OVER_BUDGET ? Long.MAX_VALUE : candidate.operations + 2 * candidate.fill();
		}

		/** AMD on the pattern of A + Aᵀ (CSparse order 1). */
		private int[] amdOrder() {
			Dcs pattern = Dcs_util.cs_spalloc(size, size, colRow.length, true, false);
			System.arraycopy(colStart, 0, pattern.p, 0, size + 1);
			System.arraycopy(colRow, 0, pattern.i, 0, colRow.length);
			Arrays.fill(pattern.x, 1);
			pattern.nzmax = colRow.length;
			int[] p = Dcs_amd.cs_amd(1, pattern);
			return p == null ? null : Arrays.copyOf(p, size);
		}

		String description() {
			return "loop of " + size + ": " + (iterative ? "Gauss-Seidel (verified; " + sweeps + " sweeps last solve), fallback sparse LU ("
					+ ordering + ")"
					: "sparse LU (" + ordering + (lu.columnsDone == size ? ", fill " + lu.fill() + " for " + rowCol.length + " non-zeros" : "")
							+ ")");
		}

		private void assemble(ProductSystem.Values values) {
			double[] inputs = values.inputs();
			boolean z = true;
			for (int e = 0; e < colSource.length; e++) {
				int source = colSource[e];
				colValue[e] = source >= 0 ? -inputs[source] : diagonal(values, -1 - source);
			}
			for (int e = 0; e < rowSource.length; e++) {
				int source = rowSource[e];
				double value = source >= 0 ? -inputs[source] : diagonal(values, -1 - source);
				rowValue[e] = value;
				if (source >= 0 ? !(value <= 0) : !(value > 0)) {
					z = false;
				}
			}
			for (int p = 0; p < size; p++) {
				diagonal[p] = diagonal(values, blockMembers[from + p]);
			}
			zMatrix = z;
		}

		/** Solves the block (or its transpose) for {@link #rhs} into {@link #x}. */
		void solve(ProductSystem.Values values, boolean transposed) {
			assemble(values);
			if (iterative && zMatrix && gaussSeidel(transposed)) {
				return;
			}
			if (lu == null) {
				lu = new SparseLu(size, colStart, colRow, fallbackOrder);
			}
			if (lu.factor(colValue, Long.MAX_VALUE) != SparseLu.Status.OK) {
				throw singular(lu.failedColumn);
			}
			System.arraycopy(rhs, 0, x, 0, size);
			solveWithFactors(x, transposed);
			// one step of iterative refinement: x += A⁻¹ (b - A x)
			multiply(x, residual, transposed);
			for (int p = 0; p < size; p++) {
				residual[p] = rhs[p] - residual[p];
			}
			solveWithFactors(residual, transposed);
			for (int p = 0; p < size; p++) {
				x[p] += residual[p];
				if (!Double.isFinite(x[p])) {
					throw singular(p);
				}
			}
		}

		private void solveWithFactors(double[] b, boolean transposed) {
			if (transposed) {
				lu.solveTransposed(b);
			} else {
				lu.solve(b);
			}
		}

		/** out = A·v (or Aᵀ·v); {@link #absolute} = |A|·|v|. */
		private void multiply(double[] v, double[] out, boolean transposed) {
			int[] start = transposed ? colStart : rowStart;
			int[] index = transposed ? colRow : rowCol;
			double[] value = transposed ? colValue : rowValue;
			for (int r = 0; r < size; r++) {
				double sum = 0;
				double abs = 0;
				for (int e = start[r]; e < start[r + 1]; e++) {
					double t = value[e] * v[index[e]];
					sum += t;
					abs += Math.abs(t);
				}
				out[r] = sum;
				absolute[r] = abs;
			}
		}

		/**
		 * Verified Gauss-Seidel on the Z-matrix block (rows of A, or of Aᵀ when transposed) from x = 0 (no warm start,
		 * so the result does not depend on earlier solves). True when the per-entry bound is proven.
		 */
		private boolean gaussSeidel(boolean transposed) {
			int[] start = transposed ? colStart : rowStart;
			int[] index = transposed ? colRow : rowCol;
			double[] value = transposed ? colValue : rowValue;
			Arrays.fill(x, 0);
			int maxRow = 0;
			for (int r = 0; r < size; r++) {
				maxRow = Math.max(maxRow, start[r + 1] - start[r]);
			}
			double gamma = (maxRow + 2) * ROUNDING * 1.01;
			double previous = Double.POSITIVE_INFINITY;
			int stalled = 0;
			sweeps = 0;
			while (sweeps < MAX_SWEEPS) {
				sweep(start, index, value, rhs, x, transposed);
				sweeps++;
				if (sweeps % 3 != 0 && sweeps < MAX_SWEEPS) {
					continue; // the residual (one more pass over the block) is checked every third sweep
				}
				multiply(x, residual, transposed);
				double omega = 0;
				for (int r = 0; r < size; r++) {
					omega = Math.max(omega, Math.abs(rhs[r] - residual[r]) / (absolute[r] + Math.abs(rhs[r]) + Double.MIN_NORMAL));
				}
				if (!Double.isFinite(omega)) {
					return false;
				}
				if (omega <= 8 * gamma) {
					break;
				}
				stalled = omega < previous * 0.9 ? 0 : stalled + 1;
				if (stalled > 7) {
					break;
				}
				previous = omega;
			}
			// r = b - A·x with its rounding bound; the sweeps of u below overwrite absolute and residual
			double[] error = scratchError;
			for (int r = 0; r < size; r++) {
				error[r] = Math.abs(rhs[r] - residual[r]) + gamma * (absolute[r] + Math.abs(rhs[r]));
				if (!(x[r] != 0)) {
					return false;
				}
			}
			// u solves A·u ≈ g = |b| + τ·|d|·|x| roughly; all that is needed is u > 0 and A·u > 0, which is checked
			double tau = 1e-3;
			double[] g = scratchG;
			double[] u = bound;
			for (int r = 0; r < size; r++) {
				g[r] = Math.abs(rhs[r]) + tau * Math.abs(diagonal[r] * x[r]);
				u[r] = Math.abs(x[r]) * (1 + tau);
			}
			double[] au = residual;
			for (int uSweeps = 0; uSweeps < 200; uSweeps++) {
				sweep(start, index, value, g, u, transposed);
				sweeps++;
				multiply(u, au, transposed);
				double rho = 0;
				boolean positive = true;
				for (int r = 0; r < size && positive; r++) {
					double lower = au[r] - gamma * absolute[r];
					positive = u[r] > 0 && lower >= 0.5 * g[r] && lower > 0;
					rho = Math.max(rho, error[r] / lower);
				}
				if (positive) {
					for (int r = 0; r < size; r++) {
						if (!(rho * u[r] <= TOLERANCE * Math.abs(x[r]))) {
							return false;
						}
					}
					return true;
				}
			}
			return false;
		}

		/** One Gauss-Seidel sweep x_r += (b_r - (A x)_r) / a_rr, consumers first (providers first when transposed). */
		private void sweep(int[] start, int[] index, double[] value, double[] b, double[] v, boolean transposed) {
			for (int k = 0; k < size; k++) {
				int r = transposed ? size - 1 - k : k;
				double sum = b[r];
				for (int e = start[r]; e < start[r + 1]; e++) {
					sum -= value[e] * v[index[e]];
				}
				v[r] += sum / diagonal[r];
			}
		}

		private ArithmeticException singular(int failedLocal) {
			StringBuilder names = new StringBuilder();
			for (int p = 0; p < size && p < 5; p++) {
				names.append(names.isEmpty() ? "" : ", ").append(system.describeProcess(blockMembers[from + p]));
			}
			// the exchange with the largest amount relative to its provider's net output
			int worst = -1;
			double ratio = -1;
			for (int j = 0; j < size; j++) {
				for (int e = colStart[j]; e < colStart[j + 1]; e++) {
					int i = colRow[e];
					if (i != j) {
						double t = Math.abs(colValue[e]) / Math.max(Math.abs(diagonal[i]), Double.MIN_NORMAL);
						if (t > ratio) {
							ratio = t;
							worst = e;
						}
					}
				}
			}
			String exchange = "";
			if (worst >= 0) {
				int j = Arrays.binarySearch(colStart, worst);
				j = j >= 0 ? nonEmptyColumn(j) : -j - 2;
				int i = colRow[worst];
				exchange = "; " + system.describeProcess(blockMembers[from + j]) + " consumes " + -colValue[worst] + " of the product of "
						+ system.describeProcess(blockMembers[from + i]) + ", which produces " + diagonal[i] + " net per run";
			}
			String at = failedLocal >= 0 && failedLocal < size ? " (factorization failed at "
					+ system.describeProcess(blockMembers[from + failedLocal]) + ")" : "";
			return new ArithmeticException("The loop of " + size + " processes (" + names + (size > 5 ? ", ..." : "") + ") consumes "
					+ "at least as much as it produces" + at + exchange + "; the product system cannot be solved.");
		}

		/** The column whose range starts at colStart[j] and is not empty (colStart has repeats for empty columns). */
		private int nonEmptyColumn(int j) {
			while (colStart[j + 1] == colStart[j]) {
				j++;
			}
			return j;
		}
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
