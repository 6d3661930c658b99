package org.zerocarbon.core.lca;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * One amount of a product system that varies in a Monte Carlo run, and how.
 *
 * @param name         what it is, for sensitivity reports (e.g. "VMC1 processing power")
 * @param kind         which array of {@link ProductSystem.Values} holds the amount
 * @param position     index into that array (see {@link ProductSystem#inputPosition},
 *                     {@link ProductSystem#interventionPosition}, or the process index for outputs/demand)
 * @param distribution the distribution the amount is drawn from
 * @param group        parameters with the same non-null group share one uniform draw per iteration (each takes its
 *                     own quantile of it: fully correlated, e.g. amounts taken from one measurement); null: independent
 */
public record UncertainParameter(String name, Kind kind, int position, ContinuousDistribution distribution, String group) {

	/** An independent parameter (no group). */
	public UncertainParameter(String name, Kind kind, int position, ContinuousDistribution distribution) {
		this(name, kind, position, distribution, null);
	}

	/** This parameter, drawn together with the others of {@code group}. */
	public UncertainParameter inGroup(String group) {
		return new UncertainParameter(name, kind, position, distribution, group);
	}

	/** Which amounts of a product system a parameter can vary. */
	public enum Kind {
		/** an off-diagonal technosphere input ({@link ProductSystem.Values#inputs()}) */
		INPUT,
		/** an indicator amount ({@link ProductSystem.Values#interventions()}) */
		INTERVENTION,
		/** a process's reference output ({@link ProductSystem.Values#outputs()}) */
		OUTPUT,
		/** the amount of its own product a process consumes ({@link ProductSystem.Values#selfInputs()}, position from
		 * {@link ProductSystem#selfInputPosition}) */
		SELF_INPUT,
		/** an entry of the final demand vector */
		DEMAND
	}

	/**
	 * A lognormal amount given, as in ecoinvent and the pedigree approach, by its median (geometric mean) and its
	 * geometric standard deviation: {@code ln X ~ N(ln |median|, ln gsd)}. Negative medians (credits) keep their
	 * sign.
	 */
	public static ContinuousDistribution logNormal(double median, double gsd) {
		if (median == 0 || !(gsd >= 1)) {
			throw new IllegalArgumentException("a lognormal needs a non-zero median and a GSD >= 1, got " + median + " and " + gsd);
		}
		ContinuousDistribution magnitude = LogNormalDistribution.of(Math.log(Math.abs(median)), Math.log(gsd));
		return median > 0 ? magnitude : new Negated(magnitude);
	}

	/** A normal amount. */
	public static ContinuousDistribution normal(double mean, double standardDeviation) {
		return NormalDistribution.of(mean, standardDeviation);
	}

	/** A triangular amount with the given minimum, mode and maximum. */
	public static ContinuousDistribution triangular(double minimum, double mode, double maximum) {
		return TriangularDistribution.of(minimum, mode, maximum);
	}

	/** A uniform amount between minimum and maximum. */
	public static ContinuousDistribution uniform(double minimum, double maximum) {
		return UniformContinuousDistribution.of(minimum, maximum);
	}

	/** −X for a distribution X: a lognormal credit. Only sampling and the moments are needed here. */
	private record Negated(ContinuousDistribution of) implements ContinuousDistribution {
		@Override
		public double density(double x) {
			return of.density(-x);
		}

		@Override
		public double cumulativeProbability(double x) {
			return of.survivalProbability(-x);
		}

		@Override
		public double inverseCumulativeProbability(double p) {
			return -of.inverseSurvivalProbability(p);
		}

		@Override
		public double getMean() {
			return -of.getMean();
		}

		@Override
		public double getVariance() {
			return of.getVariance();
		}

		@Override
		public double getSupportLowerBound() {
			return -of.getSupportUpperBound();
		}

		@Override
		public double getSupportUpperBound() {
			return -of.getSupportLowerBound();
		}

		@Override
		public Sampler createSampler(org.apache.commons.rng.UniformRandomProvider rng) {
			Sampler sampler = of.createSampler(rng);
			return () -> -sampler.sample();
		}
	}
}
