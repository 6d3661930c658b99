package org.zerocarbon.core.lca;

import java.util.Arrays;

/**
 * Sparse LU of one loop's block, {@code P·A·Q = L·U}, by the left-looking Gilbert–Peierls algorithm (as in Davis,
 * "Direct Methods for Sparse Linear Systems", cs_lu) with threshold partial pivoting that keeps the diagonal
 * whenever it is at least {@value #PIVOT_TOLERANCE} of the column's largest candidate.
 * <p>
 * The column order {@code Q} (the fill-reducing ordering) is the symbolic analysis: it is fixed at construction and
 * reused by every {@link #factor}, which redoes only the numeric factorization into preallocated arrays (they
 * grow only if pivoting changes the fill). Not thread-safe.
 */
final class SparseLu {

	static final double PIVOT_TOLERANCE = 0.01;
	/** A pivot below this fraction of its column's largest entry in A is a failed factorization (singular). */
	static final double SINGULAR_PIVOT = 1e-12;

	/** Outcome of {@link #factor}. */
	enum Status {
		OK, SINGULAR, OVER_BUDGET
	}

	private final int n;
	/** The matrix pattern, column-wise (local indices). */
	private final int[] colStart;
	private final int[] rowIndex;
	/** k-th column factored is column q[k] of A. */
	final int[] q;
	private int[] lp;
	private int[] li;
	private double[] lx;
	private int[] up;
	private int[] ui;
	private double[] ux;
	/** pinv[row] = pivot step of that row. */
	private final int[] pinv;
	private final double[] x;
	private final int[] xi;
	private final int[] mark;
	private int stamp;
	private final double[] work;
	/** Column at which the last factorization failed, or -1. */
	int failedColumn = -1;
	/** Floating-point operations of the last factorization (multiply-adds), for the cost model. */
	long operations;
	/** Columns factored by the last factorization (n when it succeeded). */
	int columnsDone;

	SparseLu(int n, int[] colStart, int[] rowIndex, int[] q) {
		this.n = n;
		this.colStart = colStart;
		this.rowIndex = rowIndex;
		this.q = q;
		int guess = 2 * rowIndex.length + n;
		lp = new int[n + 1];
		li = new int[guess];
		lx = new double[guess];
		up = new int[n + 1];
		ui = new int[guess];
		ux = new double[guess];
		pinv = new int[n];
		x = new double[n];
		xi = new int[2 * n];
		mark = new int[n];
		work = new double[n];
	}

	/** Non-zeros of L and U after the last factorization. */
	long fill() {
		return (long) lp[n] + up[n];
	}

	/**
	 * Factors the matrix with values {@code values} (aligned with the pattern). Stops with {@link Status#OVER_BUDGET}
	 * once more than {@code budget} multiply-adds were needed (the cost model tries orderings this way).
	 */
	Status factor(double[] values, long budget) {
		Arrays.fill(pinv, -1);
		failedColumn = -1;
		operations = 0;
		int lnz = 0;
		int unz = 0;
		for (int k = 0; k < n; k++) {
			lp[k] = lnz;
			up[k] = unz;
			if (lnz + n > li.length) {
				int size = Math.max(2 * li.length, lnz + n);
				li = Arrays.copyOf(li, size);
				lx = Arrays.copyOf(lx, size);
			}
			if (unz + n > ui.length) {
				int size = Math.max(2 * ui.length, unz + n);
				ui = Arrays.copyOf(ui, size);
				ux = Arrays.copyOf(ux, size);
			}
			int col = q[k];
			int top = solveColumn(col, values);
			columnsDone = k;
			if (operations > budget) {
				return Status.OVER_BUDGET;
			}
			int pivotRow = -1;
			double largest = -1;
			for (int p = top; p < n; p++) {
				int i = xi[p];
				if (pinv[i] < 0) {
					double t = Math.abs(x[i]);
					if (t > largest) {
						largest = t;
						pivotRow = i;
					}
				} else {
					ui[unz] = pinv[i];
					ux[unz++] = x[i];
				}
			}
			if (pinv[col] < 0 && Math.abs(x[col]) >= PIVOT_TOLERANCE * largest) {
				pivotRow = col;
			}
			double scale = 0;
			for (int p = colStart[col]; p < colStart[col + 1]; p++) {
				scale = Math.max(scale, Math.abs(values[p]));
			}
			double pivot = pivotRow < 0 ? 0 : x[pivotRow];
			if (!(Math.abs(pivot) > SINGULAR_PIVOT * scale) || !Double.isFinite(pivot)) {
				for (int p = top; p < n; p++) {
					x[xi[p]] = 0;
				}
				failedColumn = col;
				return Status.SINGULAR;
			}
			ui[unz] = k;
			ux[unz++] = pivot;
			pinv[pivotRow] = k;
			li[lnz] = pivotRow;
			lx[lnz++] = 1;
			for (int p = top; p < n; p++) {
				int i = xi[p];
				if (pinv[i] < 0) {
					li[lnz] = i;
					lx[lnz++] = x[i] / pivot;
				}
				x[i] = 0;
			}
		}
		columnsDone = n;
		lp[n] = lnz;
		up[n] = unz;
		for (int p = 0; p < lnz; p++) {
			li[p] = pinv[li[p]];
		}
		return Status.OK;
	}

	/** x = L \ A(:, col) on the reach of the column's pattern; returns the top of the reach in {@code xi}. */
	private int solveColumn(int col, double[] values) {
		if (++stamp == Integer.MAX_VALUE) {
			Arrays.fill(mark, 0);
			stamp = 1;
		}
		int top = n;
		for (int p = colStart[col]; p < colStart[col + 1]; p++) {
			int i = rowIndex[p];
			if (mark[i] != stamp) {
				top = depthFirst(i, top);
			}
		}
		for (int p = top; p < n; p++) {
			x[xi[p]] = 0;
		}
		for (int p = colStart[col]; p < colStart[col + 1]; p++) {
			x[rowIndex[p]] += values[p];
		}
		for (int px = top; px < n; px++) {
			int j = xi[px];
			int jj = pinv[j];
			if (jj < 0) {
				continue;
			}
			double xj = x[j];
			int end = lp[jj + 1]; // finished columns only: lp[k] was set before this column
			for (int p = lp[jj] + 1; p < end; p++) {
				x[li[p]] -= lx[p] * xj;
			}
			operations += end - lp[jj];
		}
		return top;
	}

	/** Iterative depth-first search from row j through the finished columns of L (Davis's cs_dfs). */
	private int depthFirst(int j, int top) {
		int head = 0;
		int[] stack = xi; // the search stack grows from 0, the output from n down: they never meet
		int pstackBase = n;
		stack[0] = j;
		while (head >= 0) {
			j = stack[head];
			int jj = pinv[j];
			if (mark[j] != stamp) {
				mark[j] = stamp;
				xi[pstackBase + head] = jj < 0 ? 0 : lp[jj];
			}
			boolean done = true;
			int end = jj < 0 ? 0 : lp[jj + 1];
			for (int p = xi[pstackBase + head]; p < end; p++) {
				int i = li[p];
				if (mark[i] == stamp) {
					continue;
				}
				xi[pstackBase + head] = p;
				stack[++head] = i;
				done = false;
				break;
			}
			if (done) {
				head--;
				xi[--top] = j;
			}
		}
		return top;
	}

	/** Solves {@code A·x = b} in place ({@code b} becomes x). */
	void solve(double[] b) {
		for (int i = 0; i < n; i++) {
			work[pinv[i]] = b[i];
		}
		for (int j = 0; j < n; j++) {
			double xj = work[j];
			for (int p = lp[j] + 1; p < lp[j + 1]; p++) {
				work[li[p]] -= lx[p] * xj;
			}
		}
		for (int j = n - 1; j >= 0; j--) {
			double xj = work[j] /= ux[up[j + 1] - 1];
			for (int p = up[j]; p < up[j + 1] - 1; p++) {
				work[ui[p]] -= ux[p] * xj;
			}
		}
		for (int k = 0; k < n; k++) {
			b[q[k]] = work[k];
		}
	}

	/** Solves {@code Aᵀ·x = c} in place ({@code c} becomes x) with the same factors. */
	void solveTransposed(double[] c) {
		for (int k = 0; k < n; k++) {
			work[k] = c[q[k]];
		}
		for (int j = 0; j < n; j++) {
			double sum = work[j];
			for (int p = up[j]; p < up[j + 1] - 1; p++) {
				sum -= ux[p] * work[ui[p]];
			}
			work[j] = sum / ux[up[j + 1] - 1];
		}
		for (int j = n - 1; j >= 0; j--) {
			double sum = work[j];
			for (int p = lp[j] + 1; p < lp[j + 1]; p++) {
				sum -= lx[p] * work[li[p]];
			}
			work[j] = sum;
		}
		for (int i = 0; i < n; i++) {
			c[i] = work[pinv[i]];
		}
	}
}
