package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Seeded Monte Carlo simulation of a product system.
 * <p>
 * Each iteration draws every {@link UncertainParameter} (any non-zero of A and B: inputs, outputs, self-inputs,
 * interventions, and the demand), solves the system with the drawn amounts (reusing the solver's structural analysis
 * and orderings: only the numeric factorization is redone) and records the inventory. Parameters of one
 * {@link UncertainParameter#group() group} share one uniform draw per iteration (each takes its own quantile of
 * it), so they are fully correlated; the others are independent.
 * <p>
 * Every iteration has its own random stream, seeded by (seed, iteration number), and the threads take blocks of
 * {@value #BLOCK} iterations from a shared counter: any iteration count keeps all threads busy, and the numbers do
 * not depend on the thread count. An iteration whose draw makes the system unsolvable is counted
 * ({@link MonteCarloResult#failedIterations()}) and left out of the statistics, not thrown.
 * <p>
 * Memory stays proportional to parameters + iterations (not their product): for the sensitivity analysis each
 * block accumulates the sums that Pearson's correlation between every parameter and every indicator needs, and
 * the blocks' sums are added in block order, which keeps the figures reproducible.
 */
public final class MonteCarlo {

	static final int BLOCK = 16;

	private final ProductSystem system;
	private final double[] demand;
	private final List<UncertainParameter> parameters;
	/** Group number of each parameter, or -1; groups are numbered in order of first appearance. */
	private final int[] groupOf;
	private final int groups;

	/**
	 * @param system     the system
	 * @param demand     the final demand
	 * @param parameters the amounts that vary (others keep their values)
	 */
	public MonteCarlo(ProductSystem system, double[] demand, List<UncertainParameter> parameters) {
		this.system = system;
		this.demand = demand.clone();
		this.parameters = List.copyOf(parameters);
		this.groupOf = new int[this.parameters.size()];
		java.util.Map<String, Integer> numbers = new java.util.HashMap<>();
		for (int p = 0; p < groupOf.length; p++) {
			String group = this.parameters.get(p).group();
			groupOf[p] = group == null ? -1 : numbers.computeIfAbsent(group, g -> numbers.size());
		}
		this.groups = numbers.size();
	}

	/**
	 * Runs {@code iterations} iterations.
	 *
	 * @param seed    the seed: the same seed gives the same numbers
	 * @param threads worker threads (results do not depend on it)
	 * @param monitor progress and cancellation; may be null
	 * @throws OperationCanceledException when canceled
	 */
	public MonteCarloResult run(int iterations, long seed, int threads, IProgressMonitor monitor) {
		if (iterations < 1) {
			throw new IllegalArgumentException("at least one iteration is needed");
		}
		int blocks = (iterations + BLOCK - 1) / BLOCK;
		SubMonitor progress = SubMonitor.convert(monitor, "Monte Carlo simulation (" + iterations + " iterations)", blocks);
		double[][] results = new double[system.indicatorCount()][iterations];
		Merger sums = new Merger(blocks, parameters.size(), system.indicatorCount());
		AtomicBoolean canceled = new AtomicBoolean();
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		int workers = Math.max(1, Math.min(threads, blocks));
		ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
			Thread thread = new Thread(runnable, "zc-monte-carlo");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < workers; w++) {
				futures.add(pool.submit(() -> work(iterations, seed, results, sums, next, done, canceled)));
			}
			int reported = 0;
			for (Future<?> future : futures) {
				while (true) {
					try {
						future.get(50, TimeUnit.MILLISECONDS);
						break;
					} catch (TimeoutException e) {
						if (progress.isCanceled()) {
							canceled.set(true);
						}
						int now = done.get();
						progress.worked(now - reported);
						reported = now;
					}
				}
			}
			progress.worked(done.get() - reported);
			if (progress.isCanceled()) {
				canceled.set(true);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			canceled.set(true);
		} catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		} finally {
			pool.shutdownNow();
		}
		if (canceled.get()) {
			throw new OperationCanceledException();
		}
		return new MonteCarloResult(system, parameters, results, sums.total, seed);
	}

	/** One worker: takes blocks until none are left; its solver, samplers and buffers are its own. */
	private void work(int iterations, long seed, double[][] results, Merger sums, AtomicInteger next, AtomicInteger done,
			AtomicBoolean canceled) {
		IterationRandom random = new IterationRandom();
		ContinuousDistribution.Sampler[] samplers = new ContinuousDistribution.Sampler[parameters.size()];
		for (int p = 0; p < samplers.length; p++) {
			if (groupOf[p] < 0) {
				samplers[p] = parameters.get(p).distribution().createSampler(random);
			}
		}
		ProductSystemSolver solver = new ProductSystemSolver(system);
		ProductSystem.Values values = system.values().copy();
		double[] localDemand = demand.clone();
		double[] scaling = new double[system.processCount()];
		double[] inventory = new double[system.indicatorCount()];
		double[] drawn = new double[samplers.length];
		double[] shared = new double[groups];
		double[][] blockDrawn = new double[BLOCK][samplers.length];
		double[][] blockInventory = new double[BLOCK][inventory.length];
		for (int block = next.getAndIncrement(); block < sums.blocks; block = next.getAndIncrement()) {
			CorrelationSums blockSums = sums.take();
			int accepted = 0;
			int end = Math.min(iterations, (block + 1) * BLOCK);
			for (int i = block * BLOCK; i < end; i++) {
				if (canceled.get()) {
					return;
				}
				random.start(seed, i);
				for (int g = 0; g < groups; g++) {
					shared[g] = random.nextDouble();
				}
				for (int p = 0; p < samplers.length; p++) {
					UncertainParameter parameter = parameters.get(p);
					double value = groupOf[p] < 0 ? samplers[p].sample()
							: parameter.distribution().inverseCumulativeProbability(shared[groupOf[p]]);
					drawn[p] = value;
					switch (parameter.kind()) {
						case INPUT -> values.inputs()[parameter.position()] = value;
						case INTERVENTION -> values.interventions()[parameter.position()] = value;
						case OUTPUT -> values.outputs()[parameter.position()] = value;
						case SELF_INPUT -> values.selfInputs()[parameter.position()] = value;
						case DEMAND -> localDemand[parameter.position()] = value;
					}
				}
				try {
					solver.solveScaling(values, localDemand, scaling);
				} catch (ArithmeticException unsolvable) {
					blockSums.failed++;
					for (double[] result : results) {
						result[i] = Double.NaN;
					}
					continue;
				}
				solver.inventory(values, scaling, inventory);
				for (int k = 0; k < inventory.length; k++) {
					results[k][i] = inventory[k];
				}
				System.arraycopy(drawn, 0, blockDrawn[accepted], 0, drawn.length);
				System.arraycopy(inventory, 0, blockInventory[accepted++], 0, inventory.length);
			}
			blockSums.accept(blockDrawn, blockInventory, accepted);
			sums.put(block, blockSums);
			done.incrementAndGet();
		}
	}

	/**
	 * A random stream that is restarted for every iteration from (seed, iteration), so that samplers can be created
	 * once per thread (Commons Statistics' samplers keep no state besides their generator).
	 */
	private static final class IterationRandom implements UniformRandomProvider {
		private UniformRandomProvider stream;

		void start(long seed, int iteration) {
			// SplitMix64 of (seed, iteration): well-mixed, never an all-zero state
			long first = mix(seed + 0x9E3779B97F4A7C15L * (2L * iteration + 1));
			long second = mix(first ^ 0xD1B54A32D192ED03L);
			stream = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { first, second == 0 ? 1 : second });
		}

		private static long mix(long z) {
			z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
			z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
			return z ^ (z >>> 31);
		}

		@Override
		public long nextLong() {
			return stream.nextLong();
		}

		@Override
		public int nextInt() {
			return stream.nextInt();
		}

		@Override
		public double nextDouble() {
			return stream.nextDouble();
		}
	}

	/**
	 * Adds the blocks' sums into the total in block order as soon as the blocks before them are done (so memory
	 * holds only the few blocks finished out of order), recycling their arrays.
	 */
	private static final class Merger {
		final int blocks;
		final CorrelationSums total;
		private final CorrelationSums[] pending;
		private final java.util.ArrayDeque<CorrelationSums> free = new java.util.ArrayDeque<>();
		private final int parameters;
		private final int indicators;
		private int merged;

		Merger(int blocks, int parameters, int indicators) {
			this.blocks = blocks;
			this.parameters = parameters;
			this.indicators = indicators;
			this.total = new CorrelationSums(parameters, indicators);
			this.pending = new CorrelationSums[blocks];
		}

		synchronized CorrelationSums take() {
			CorrelationSums sums = free.poll();
			return sums != null ? sums : new CorrelationSums(parameters, indicators);
		}

		synchronized void put(int block, CorrelationSums sums) {
			pending[block] = sums;
			while (merged < blocks && pending[merged] != null) {
				CorrelationSums next = pending[merged];
				pending[merged++] = null;
				total.add(next);
				next.clear();
				free.push(next);
			}
		}
	}

	/** Running sums for Pearson's correlation of every parameter with every indicator. */
	static final class CorrelationSums {
		long n;
		int failed;
		final double[] x;
		final double[] xx;
		final double[] y;
		final double[] yy;
		/** xy[k * parameters + p] */
		final double[] xy;

		CorrelationSums(int parameters, int indicators) {
			x = new double[parameters];
			xx = new double[parameters];
			y = new double[indicators];
			yy = new double[indicators];
			xy = new double[parameters * indicators];
		}

		/**
		 * Adds {@code count} iterations. The cross products are accumulated a block at a time, in tiles of
		 * parameters, so the parameters × indicators array is streamed once per block rather than once per
		 * iteration (with 8,000 parameters and 100 indicators it is 6 MB).
		 */
		void accept(double[][] drawn, double[][] inventory, int count) {
			int parameters = x.length;
			for (int t = 0; t < count; t++) {
				n++;
				double[] d = drawn[t];
				for (int p = 0; p < parameters; p++) {
					x[p] += d[p];
					xx[p] += d[p] * d[p];
				}
				for (int k = 0; k < y.length; k++) {
					y[k] += inventory[t][k];
					yy[k] += inventory[t][k] * inventory[t][k];
				}
			}
			for (int from = 0; from < parameters; from += 512) {
				int to = Math.min(parameters, from + 512);
				for (int k = 0; k < y.length; k++) {
					int row = k * parameters;
					for (int t = 0; t < count; t++) {
						double g = inventory[t][k];
						double[] d = drawn[t];
						for (int p = from; p < to; p++) {
							xy[row + p] += d[p] * g;
						}
					}
				}
			}
		}

		void clear() {
			n = 0;
			failed = 0;
			java.util.Arrays.fill(x, 0);
			java.util.Arrays.fill(xx, 0);
			java.util.Arrays.fill(y, 0);
			java.util.Arrays.fill(yy, 0);
			java.util.Arrays.fill(xy, 0);
		}

		void add(CorrelationSums other) {
			n += other.n;
			failed += other.failed;
			addTo(x, other.x);
			addTo(xx, other.xx);
			addTo(y, other.y);
			addTo(yy, other.yy);
			addTo(xy, other.xy);
		}

		double correlation(int parameter, int indicator) {
			double sxy = xy[indicator * x.length + parameter] - x[parameter] * y[indicator] / n;
			double sxx = xx[parameter] - x[parameter] * x[parameter] / n;
			double syy = yy[indicator] - y[indicator] * y[indicator] / n;
			return sxx <= 0 || syy <= 0 ? 0 : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
		}

		private static void addTo(double[] target, double[] source) {
			for (int i = 0; i < target.length; i++) {
				target[i] += source[i];
			}
		}
	}

	/** Mean, standard deviation and percentiles of a sample. */
	public record Statistics(double mean, double standardDeviation, double p5, double p50, double p95) {
		/** Statistics of {@code values} (not modified). Percentiles interpolate linearly between order statistics. */
		public static Statistics of(double[] values) {
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			double mean = 0;
			for (double v : sorted) {
				mean += v;
			}
			mean /= sorted.length;
			double squares = 0;
			for (double v : sorted) {
				squares += (v - mean) * (v - mean);
			}
			double sd = sorted.length > 1 ? Math.sqrt(squares / (sorted.length - 1)) : 0;
			return new Statistics(mean, sd, percentile(sorted, 5), percentile(sorted, 50), percentile(sorted, 95));
		}

		/** The p-th percentile (0..100) of sorted values, by linear interpolation (R-7, Excel's PERCENTILE.INC). */
		public static double percentile(double[] sorted, double p) {
			double rank = p / 100 * (sorted.length - 1);
			int lower = (int) Math.floor(rank);
			int upper = Math.min(lower + 1, sorted.length - 1);
			return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
		}
	}
}
