package org.zerocarbon.parameters;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.zerocarbon.model.zc.Distribution;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.units.ZcUnits;

/**
 * The random draws of uncertain parameters, as ratios to their baseline values, and their sensitivity ranges.
 * <p>
 * Draw i of parameter p is a counter-based uniform number (SplitMix64 of seed, a hash of p's qualified name and i;
 * successive seeds of a generator such as xoroshiro give nearly equal first numbers, a hash does not) through the
 * inverse of its distribution's cumulative probability: the same seed gives the same draws in every scenario, whatever
 * else the scenario changes, and adding a parameter does not shift the draws of the others.
 */
public final class ParameterDraws {

	/** A parameter's low and high end for the one-at-a-time sensitivity. */
	public record Range(double low, double high, String source) {
	}

	private final List<Parameter> parameters;
	private final long seed;
	private final long[] keys;
	private final ContinuousDistribution[] distributions;
	private final double[] bases;

	/**
	 * @param parameters the uncertain parameters (their values as last evaluated are the bases of the ratios)
	 * @param seed       the Monte Carlo seed
	 */
	public ParameterDraws(List<Parameter> parameters, long seed) {
		this.parameters = List.copyOf(parameters);
		this.seed = seed;
		this.keys = new long[parameters.size()];
		this.distributions = new ContinuousDistribution[parameters.size()];
		this.bases = new double[parameters.size()];
		for (int p = 0; p < parameters.size(); p++) {
			Parameter parameter = parameters.get(p);
			keys[p] = key(ParameterEvaluator.name(parameter));
			Quantity value = parameter.getValue();
			bases[p] = value == null || value.getValue() == null ? Double.NaN : value.getValue().doubleValue();
			distributions[p] = distribution(parameter.getUncertainty(), bases[p], value == null ? null : value.getUnit());
		}
	}

	/** The ratios drawn/base of every parameter in iteration {@code iteration} (1 where a parameter cannot be drawn). */
	public double[] ratios(int iteration) {
		double[] ratios = new double[parameters.size()];
		for (int p = 0; p < ratios.length; p++) {
			if (distributions[p] == null || bases[p] == 0 || Double.isNaN(bases[p])) {
				ratios[p] = 1;
				continue;
			}
			// a counter-based uniform: SplitMix64 of (seed, parameter, iteration), 53 bits, never 0 or 1
			double u = ((mix(mix(seed, (int) (keys[p] ^ (keys[p] >>> 32))), iteration) >>> 11) + 0.5) * 0x1.0p-53;
			ratios[p] = distributions[p].inverseCumulativeProbability(u) / bases[p];
		}
		return ratios;
	}

	/** The distribution of an uncertainty around {@code base} (in the base's unit), or null when it has none. */
	public static ContinuousDistribution distribution(Uncertainty u, double base, String unit) {
		if (u == null || u.getDistribution() == null || Double.isNaN(base)) {
			return null;
		}
		Distribution d = u.getDistribution();
		return switch (d) {
		case LOGNORMAL -> u.getGsd() == null || u.getGsd().doubleValue() <= 1 || base <= 0 ? null
				: LogNormalDistribution.of(Math.log(base), Math.log(u.getGsd().doubleValue()));
		case NORMAL -> u.getSd() == null || in(u.getSd(), unit) <= 0 ? null : NormalDistribution.of(base, in(u.getSd(), unit));
		case TRIANGULAR -> u.getMin() == null || u.getMax() == null || u.getMode() == null ? null
				: TriangularDistribution.of(in(u.getMin(), unit), in(u.getMode(), unit), in(u.getMax(), unit));
		case UNIFORM -> u.getMin() == null || u.getMax() == null || in(u.getMin(), unit) >= in(u.getMax(), unit) ? null
				: UniformContinuousDistribution.of(in(u.getMin(), unit), in(u.getMax(), unit));
		};
	}

	/**
	 * The sensitivity range of a parameter: its {@code range} when given, else the P5 and P95 of its uncertainty;
	 * null when it has neither.
	 */
	public static Range range(Parameter parameter, Quantity value) {
		String unit = value.getUnit();
		if (parameter.getMin() != null && parameter.getMax() != null && parameter.getMin().getValue() != null && parameter.getMax().getValue() != null) {
			return new Range(in(parameter.getMin(), unit), in(parameter.getMax(), unit), "range");
		}
		ContinuousDistribution d = distribution(parameter.getUncertainty(), value.getValue().doubleValue(), unit);
		if (d == null) {
			return null;
		}
		return new Range(d.inverseCumulativeProbability(0.05), d.inverseCumulativeProbability(0.95),
				"P5-P95 of its " + parameter.getUncertainty().getDistribution().getLiteral() + " uncertainty");
	}

	/** A literal quantity (a scenario's or a draw's value). */
	public static Quantity literal(double value, String unit) {
		Quantity q = ZcFactory.eINSTANCE.createQuantity();
		q.setValue(BigDecimal.valueOf(value));
		q.setUnit(unit);
		return q;
	}

	/** The seed of iteration {@code i}'s factor draws (SplitMix64 of seed and i): the same in every scenario. */
	public static long mix(long seed, int i) {
		long z = seed + 0x9E3779B97F4A7C15L * (i + 1L);
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** The parameters of {@code resources} that declare an uncertainty, by qualified name. */
	public static List<Parameter> uncertain(Iterable<? extends org.eclipse.emf.ecore.resource.Resource> resources) {
		return ParameterEvaluator.parameters(resources).values().stream().filter(p -> p.getUncertainty() != null).toList();
	}

	private static double in(Quantity q, String unit) {
		double v = q.getValue() == null ? Double.NaN : q.getValue().doubleValue();
		if (q.getUnit() == null || unit == null || q.getUnit().equals(unit)) {
			return v;
		}
		return ZcUnits.convert(v, q.getUnit(), unit);
	}

	/** A stable 64-bit key of a name (FNV-1a over its UTF-8 bytes). */
	private static long key(String name) {
		long h = 0xcbf29ce484222325L;
		for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
			h ^= b & 0xff;
			h *= 0x100000001b3L;
		}
		return h;
	}

	/**
	 * Pearson's r between each parameter's ratios of iterations 0..n-1 and the results of those iterations
	 * ({@code samples}, in iteration order; NaN for a failed iteration): the parameters' drivers of a Monte Carlo run.
	 */
	public double[] correlations(double[] samples) {
		double[][] x = new double[parameters.size()][samples.length];
		for (int i = 0; i < samples.length; i++) {
			double[] r = ratios(i);
			for (int p = 0; p < r.length; p++) {
				x[p][i] = r[p];
			}
		}
		double[] r = new double[parameters.size()];
		for (int p = 0; p < r.length; p++) {
			r[p] = correlation(x[p], samples);
		}
		return r;
	}

	/**
	 * Pearson's r between a parameter's draws {@code x} and the results {@code y}, over the iterations whose result
	 * is finite (a failed iteration is NaN); 0 when either side does not vary or fewer than two remain.
	 */
	public static double correlation(double[] x, double[] y) {
		int n = Math.min(x.length, y.length);
		double mx = 0;
		double my = 0;
		int k = 0;
		for (int i = 0; i < n; i++) {
			if (Double.isFinite(y[i])) {
				mx += x[i];
				my += y[i];
				k++;
			}
		}
		if (k < 2) {
			return 0;
		}
		mx /= k;
		my /= k;
		double sxy = 0;
		double sxx = 0;
		double syy = 0;
		for (int i = 0; i < n; i++) {
			if (Double.isFinite(y[i])) {
				sxy += (x[i] - mx) * (y[i] - my);
				sxx += (x[i] - mx) * (x[i] - mx);
				syy += (y[i] - my) * (y[i] - my);
			}
		}
		return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
	}
}
