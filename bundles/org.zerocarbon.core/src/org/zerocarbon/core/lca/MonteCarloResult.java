package org.zerocarbon.core.lca;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The samples of a Monte Carlo run and what can be derived from them.
 */
public final class MonteCarloResult {

	private final ProductSystem system;
	private final List<UncertainParameter> parameters;
	private final double[][] results;
	private final double[][] drawn;
	private final long seed;

	MonteCarloResult(ProductSystem system, List<UncertainParameter> parameters, double[][] results, double[][] drawn, long seed) {
		this.system = system;
		this.parameters = parameters;
		this.results = results;
		this.drawn = drawn;
		this.seed = seed;
	}

	/** The seed the run used. */
	public long seed() {
		return seed;
	}

	/** Number of iterations. */
	public int iterations() {
		return results.length == 0 ? 0 : results[0].length;
	}

	/** The sampled totals of indicator {@code indicator}, in iteration order (a copy). */
	public double[] samples(int indicator) {
		return results[indicator].clone();
	}

	/** Mean, standard deviation, P5, P50, P95 of indicator {@code indicator}. */
	public MonteCarlo.Statistics statistics(int indicator) {
		return MonteCarlo.Statistics.of(results[indicator]);
	}

	/**
	 * Which parameters drive the variance of indicator {@code indicator}: Spearman rank correlation of each
	 * parameter with the result, and its share of the sum of squared correlations (a common, distribution-free
	 * approximation of the contribution to variance). Sorted by descending share.
	 */
	public List<Sensitivity> sensitivity(int indicator) {
		double[] resultRanks = ranks(results[indicator]);
		List<Sensitivity> list = new ArrayList<>();
		double sumOfSquares = 0;
		double[] correlations = new double[parameters.size()];
		for (int p = 0; p < parameters.size(); p++) {
			correlations[p] = pearson(ranks(drawn[p]), resultRanks);
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
	 * @param rankCorrelation    Spearman's rho between the parameter and the result (−1..1)
	 * @param varianceShare      rho² over the sum of all rho² (0..1)
	 */
	public record Sensitivity(UncertainParameter parameter, double rankCorrelation, double varianceShare) {
	}

	private static double[] ranks(double[] values) {
		Integer[] order = new Integer[values.length];
		Arrays.setAll(order, i -> i);
		Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
		double[] ranks = new double[values.length];
		int i = 0;
		while (i < order.length) {
			int j = i;
			while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
				j++;
			}
			double average = (i + j) / 2.0;
			for (int k = i; k <= j; k++) {
				ranks[order[k]] = average;
			}
			i = j + 1;
		}
		return ranks;
	}

	private static double pearson(double[] x, double[] y) {
		double mx = 0;
		double my = 0;
		for (int i = 0; i < x.length; i++) {
			mx += x[i];
			my += y[i];
		}
		mx /= x.length;
		my /= y.length;
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < x.length; i++) {
			sxy += (x[i] - mx) * (y[i] - my);
			sxx += (x[i] - mx) * (x[i] - mx);
			syy += (y[i] - my) * (y[i] - my);
		}
		return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
	}
}
