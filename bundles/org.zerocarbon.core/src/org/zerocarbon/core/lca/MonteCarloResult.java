package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The samples of a Monte Carlo run and what can be derived from them.
 */
public final class MonteCarloResult {

	private final ProductSystem system;
	private final List<UncertainParameter> parameters;
	private final double[][] results;
	private final MonteCarlo.CorrelationSums sums;
	private final long seed;

	MonteCarloResult(ProductSystem system, List<UncertainParameter> parameters, double[][] results, MonteCarlo.CorrelationSums sums,
			long seed) {
		this.system = system;
		this.parameters = parameters;
		this.results = results;
		this.sums = sums;
		this.seed = seed;
	}

	/** The seed the run used. */
	public long seed() {
		return seed;
	}

	/** Number of iterations run (successful and failed). */
	public int iterations() {
		return results.length == 0 ? 0 : results[0].length;
	}

	/**
	 * Number of iterations whose draw made the system unsolvable (e.g. a loop that consumed more than it produced);
	 * they are NaN in {@link #samples} and left out of {@link #statistics} and {@link #sensitivity}.
	 */
	public int failedIterations() {
		return sums.failed;
	}

	/** The sampled totals of indicator {@code indicator}, in iteration order (a copy; NaN for failed iterations). */
	public double[] samples(int indicator) {
		return results[indicator].clone();
	}

	/** Mean, standard deviation, P5, P50, P95 of indicator {@code indicator} over the successful iterations (NaN if none). */
	public MonteCarlo.Statistics statistics(int indicator) {
		double[] successful = java.util.Arrays.stream(results[indicator]).filter(v -> !Double.isNaN(v)).toArray();
		if (successful.length == 0) {
			return new MonteCarlo.Statistics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
		}
		return MonteCarlo.Statistics.of(successful);
	}

	/**
	 * Which parameters drive the variance of indicator {@code indicator}: Pearson's correlation of each parameter
	 * with the result, and its share of the sum of squared correlations (for independent inputs of a nearly
	 * linear model, the share of the variance each input explains). Sorted by descending share.
	 */
	public List<Sensitivity> sensitivity(int indicator) {
		List<Sensitivity> list = new ArrayList<>();
		double sumOfSquares = 0;
		double[] correlations = new double[parameters.size()];
		for (int p = 0; p < parameters.size(); p++) {
			correlations[p] = sums.correlation(p, indicator);
			sumOfSquares += correlations[p] * correlations[p];
		}
		for (int p = 0; p < parameters.size(); p++) {
			double share = sumOfSquares == 0 ? 0 : correlations[p] * correlations[p] / sumOfSquares;
			list.add(new Sensitivity(parameters.get(p), correlations[p], share));
		}
		list.sort(Comparator.comparingDouble(Sensitivity::varianceShare).reversed());
		return list;
	}

	/** The system simulated. */
	public ProductSystem system() {
		return system;
	}

	/**
	 * @param parameter          the parameter
	 * @param correlation   Pearson's r between the parameter and the result (−1..1)
	 * @param varianceShare r² over the sum of all r² (0..1)
	 */
	public record Sensitivity(UncertainParameter parameter, double correlation, double varianceShare) {
	}
}
