package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

/**
 * Seeded Monte Carlo simulation of a product system.
 * <p>
 * Each iteration draws every {@link UncertainParameter}, solves the system with the drawn amounts (reusing the
 * solver's structural analysis) and records the inventory. Iterations are grouped in fixed chunks of
 * {@value #CHUNK} and every chunk has its own random stream derived from the seed and the chunk number, so the
 * results are identical for the same seed whatever the number of threads.
 * <p>
 * Memory stays proportional to parameters + iterations (not their product): for the sensitivity analysis each
 * chunk accumulates the sums that Pearson's correlation between every parameter and every indicator needs, and
 * the chunks' sums are added in chunk order, which keeps the figures reproducible.
 */
public final class MonteCarlo {

	static final int CHUNK = 256;

	private final ProductSystem system;
	private final double[] demand;
	private final List<UncertainParameter> parameters;

	/**
	 * @param system     the system
	 * @param demand     the final demand
	 * @param parameters the amounts that vary (others keep their values)
	 */
	public MonteCarlo(ProductSystem system, double[] demand, List<UncertainParameter> parameters) {
		this.system = system;
		this.demand = demand.clone();
		this.parameters = List.copyOf(parameters);
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
		int chunks = (iterations + CHUNK - 1) / CHUNK;
		SubMonitor progress = SubMonitor.convert(monitor, "Monte Carlo simulation (" + iterations + " iterations)", chunks);
		double[][] results = new double[system.indicatorCount()][iterations];
		CorrelationSums[] sums = new CorrelationSums[chunks];
		AtomicBoolean canceled = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, chunks)), runnable -> {
			Thread thread = new Thread(runnable, "zc-monte-carlo");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < chunks; c++) {
				int chunk = c;
				futures.add(pool.submit(() -> sums[chunk] = runChunk(chunk, iterations, seed, results, canceled)));
			}
			for (Future<?> future : futures) {
				if (progress.isCanceled()) {
					canceled.set(true);
				}
				future.get();
				progress.worked(1);
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
		CorrelationSums total = new CorrelationSums(parameters.size(), system.indicatorCount());
		for (CorrelationSums chunkSums : sums) {
			total.add(chunkSums);
		}
		return new MonteCarloResult(system, parameters, results, total, seed);
	}

	private CorrelationSums runChunk(int chunk, int iterations, long seed, double[][] results, AtomicBoolean canceled) {
		UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { seed, chunk });
		ContinuousDistribution.Sampler[] samplers = new ContinuousDistribution.Sampler[parameters.size()];
		for (int p = 0; p < samplers.length; p++) {
			samplers[p] = parameters.get(p).distribution().createSampler(random);
		}
		ProductSystemSolver solver = new ProductSystemSolver(system);
		ProductSystem.Values values = system.values().copy();
		double[] localDemand = demand.clone();
		double[] scaling = new double[system.processCount()];
		double[] inventory = new double[system.indicatorCount()];
		double[] drawn = new double[samplers.length];
		CorrelationSums sums = new CorrelationSums(samplers.length, inventory.length);
		int end = Math.min(iterations, (chunk + 1) * CHUNK);
		for (int i = chunk * CHUNK; i < end; i++) {
			if (canceled.get()) {
				return sums;
			}
			for (int p = 0; p < samplers.length; p++) {
				double value = samplers[p].sample();
				drawn[p] = value;
				UncertainParameter parameter = parameters.get(p);
				switch (parameter.kind()) {
					case INPUT -> values.inputs()[parameter.position()] = value;
					case INTERVENTION -> values.interventions()[parameter.position()] = value;
					case OUTPUT -> values.outputs()[parameter.position()] = value;
					case DEMAND -> localDemand[parameter.position()] = value;
				}
			}
			solver.solveScaling(values, localDemand, scaling);
			solver.inventory(values, scaling, inventory);
			for (int k = 0; k < inventory.length; k++) {
				results[k][i] = inventory[k];
			}
			sums.accept(drawn, inventory);
		}
		return sums;
	}

	/** Running sums for Pearson's correlation of every parameter with every indicator. */
	static final class CorrelationSums {
		long n;
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

		void accept(double[] drawn, double[] inventory) {
			n++;
			for (int p = 0; p < drawn.length; p++) {
				x[p] += drawn[p];
				xx[p] += drawn[p] * drawn[p];
			}
			for (int k = 0; k < inventory.length; k++) {
				y[k] += inventory[k];
				yy[k] += inventory[k] * inventory[k];
				int row = k * drawn.length;
				for (int p = 0; p < drawn.length; p++) {
					xy[row + p] += drawn[p] * inventory[k];
				}
			}
		}

		void add(CorrelationSums other) {
			n += other.n;
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
