package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.parameters.ParameterDraws;
import org.zerocarbon.parameters.ParameterEvaluator;
import org.zerocarbon.parameters.Scenarios;

/**
 * Monte Carlo over uncertain parameters as well as uncertain factors, for an ordinary footprint.
 * <p>
 * A parameter enters the model through expressions anywhere (a state's power, a material's mass, an hour count),
 * so the product system itself is rebuilt per iteration: iteration i evaluates the parameters on a copy of the
 * model with each uncertain parameter at its value times a ratio drawn from its own stream (seed, i, its name:
 * {@link ParameterDraws}), and computes one factor draw with the seed of iteration i. The draws are the ones a
 * scenario comparison uses, so the baseline's samples there and here are the same numbers. Iterations run on
 * {@code threads} copies (one per worker; the result does not depend on the number).
 * <p>
 * The drivers: each parameter by Pearson's r between its drawn ratio and the result; each factor driver of the
 * factor-only Monte Carlo with its r scaled by the ratio of the two standard deviations (for independent inputs of
 * a nearly linear model the covariance with the result stays, the result's spread grows); shares are r² over the
 * sum of all r², as elsewhere.
 */
final class ParameterMonteCarlo {

	private ParameterMonteCarlo() {
	}

	/**
	 * The result with its uncertainty over parameters and factors, or {@code result} unchanged when no parameter of
	 * the subject's models declares an uncertainty (or Monte Carlo is off).
	 *
	 * @param calculator the calculator that computed {@code result} (its options give iterations, seed, threads)
	 */
	static FootprintResult apply(FootprintCalculator calculator, EObject subject, Methodology methodology, FootprintResult result,
			IProgressMonitor monitor) {
		int n = calculator.options().iterations();
		if (n <= 0 || subject.eResource() == null || subject.eResource().getResourceSet() == null) {
			return result;
		}
		List<Resource> resources = List.copyOf(subject.eResource().getResourceSet().getResources());
		List<Parameter> uncertain = ParameterDraws.uncertain(resources);
		if (uncertain.isEmpty()) {
			return result;
		}
		long seed = calculator.options().seed();
		int threads = Math.max(1, Math.min(calculator.options().threads(), n));
		SubMonitor progress = SubMonitor.convert(monitor, "Monte Carlo over " + uncertain.size() + " uncertain parameters", n);
		double[] samples = new double[n];
		Arrays.fill(samples, Double.NaN);
		AtomicBoolean cancelled = new AtomicBoolean();
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "zc-parameter-monte-carlo");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int w = 0; w < threads; w++) {
				int worker = w;
				// copies made here, one after another: copying resolves proxies of the loaded model, which is not thread-safe
				Worker copy = new Worker(resources, uncertain, calculator, subject, methodology, seed);
				work.add(pool.submit(() -> {
					for (int i = worker; i < n && !cancelled.get(); i += threads) {
						samples[i] = copy.sample(i);
					}
				}));
			}
			for (int i = 0; i < work.size(); i++) {
				while (true) {
					try {
						work.get(i).get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
						break;
					} catch (java.util.concurrent.TimeoutException e) {
						if (progress.isCanceled()) {
							cancelled.set(true);
						}
					}
				}
				progress.worked(n / threads);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof RuntimeException re) {
				throw re;
			}
			throw new CalculationException(subject, "Monte Carlo over parameters failed: " + cause);
		} finally {
			pool.shutdownNow();
		}
		if (cancelled.get()) {
			throw new OperationCanceledException();
		}
		return result.withUncertainty(uncertainty(uncertain, seed, samples, result.uncertainty()),
				"Monte Carlo (" + n + " iterations) varies " + uncertain.size() + " uncertain parameter" + (uncertain.size() == 1 ? "" : "s")
						+ " (" + String.join(", ", uncertain.stream().map(ModelSet::nameOf).toList())
						+ ") together with the factors' uncertainty; each iteration re-evaluates the model's expressions.");
	}

	private static UncertaintyResult uncertainty(List<Parameter> uncertain, long seed, double[] samples, UncertaintyResult factorsOnly) {
		double[] ok = Arrays.stream(samples).filter(Double::isFinite).toArray();
		if (ok.length == 0) {
			throw new CalculationException("Monte Carlo over parameters: no iteration gave a result (every draw failed)");
		}
		MonteCarlo.Statistics stats = MonteCarlo.Statistics.of(ok);
		double[] byParameter = new ParameterDraws(uncertain, seed).correlations(samples);
		List<String> names = new ArrayList<>();
		List<Double> correlations = new ArrayList<>();
		for (int p = 0; p < uncertain.size(); p++) {
			names.add(ModelSet.nameOf(uncertain.get(p)));
			correlations.add(byParameter[p]);
		}
		if (factorsOnly != null && stats.standardDeviation() > 0) {
			double scale = factorsOnly.standardDeviation() / stats.standardDeviation();
			for (Driver d : factorsOnly.drivers()) {
				names.add(d.name());
				correlations.add(d.rankCorrelation() * scale);
			}
		}
		double sum = correlations.stream().mapToDouble(r -> r * r).sum();
		List<Driver> drivers = new ArrayList<>();
		for (int k = 0; k < names.size(); k++) {
			double r = correlations.get(k);
			drivers.add(new Driver(names.get(k), r, sum == 0 ? 0 : r * r / sum));
		}
		drivers.sort(Comparator.comparingDouble(Driver::varianceShare).reversed().thenComparing(Driver::name));
		return new UncertaintyResult(samples.length, seed, stats.mean(), stats.standardDeviation(), stats.p5(), stats.p50(), stats.p95(),
				List.copyOf(drivers.subList(0, Math.min(10, drivers.size()))), Arrays.stream(samples).boxed().toList());
	}


	/** One worker's copy of the model; its iterations run one after another. */
	private static final class Worker {
		private final ParameterSampler sampler;

		Worker(List<Resource> resources, List<Parameter> uncertain, FootprintCalculator calculator, EObject subject, Methodology methodology,
				long seed) {
			Scenarios.Applied copy = Scenarios.apply(resources, null);
			List<ParameterEvaluator.Problem> problems = copy.evaluate(Map.of());
			if (!problems.isEmpty()) {
				throw new CalculationException(problems.get(0).where(), "Parameters: " + problems.get(0).message());
			}
			this.sampler = new ParameterSampler(copy, uncertain, Map.of(), calculator, subject, methodology, seed);
		}

		/** Iteration i's GWP total (A1–C4), or NaN when its draw makes the model invalid (e.g. a negative amount). */
		double sample(int i) {
			try {
				return sampler.sample(i);
			} catch (CalculationException e) {
				return Double.NaN;
			}
		}
	}
}
