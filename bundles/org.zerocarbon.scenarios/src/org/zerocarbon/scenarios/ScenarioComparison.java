package org.zerocarbon.scenarios;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.calc.ParameterSampler;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Scenario;
import org.zerocarbon.parameters.ParameterDraws;
import org.zerocarbon.parameters.ParameterEvaluator;
import org.zerocarbon.parameters.Scenarios;

/**
 * One run compares scenarios: the baseline (the model as written) and each scenario, on the same subject and
 * methodology, with Monte Carlo on common random numbers, the probability that one is lower than another, and
 * the one-at-a-time sensitivity of the baseline to each parameter (tornado).
 * <p>
 * Evaluating a scenario is a pure function of (model, scenario): it works on a copy of the loaded model
 * ({@link Scenarios#apply}) and never changes the loaded one. Scenarios that change only parameter values share one
 * copy, re-evaluated for each (the structure of the product system is the baseline's).
 * <p>
 * <b>Common random numbers.</b> When only factors and exchanges are uncertain, every run uses the calculator's
 * Monte Carlo with the same seed: iteration i of every scenario draws the same numbers for the same uncertain
 * amount (the streams are seeded by seed and iteration, and amount-only scenarios keep the system's structure, so
 * the amounts come in the same order). When parameters declare an uncertainty, each iteration i draws every
 * uncertain parameter from its own stream (seeded by seed, i and the parameter's name), as a ratio to its baseline
 * value applied to the scenario's value, and the factor draws of that iteration use the seed of iteration i: a
 * scenario that changes nothing has the baseline's figure in every iteration.
 */
public final class ScenarioComparison {

	/** The label of the variance shares: what they are, not a Sobol index. */
	public static final String VARIANCE_LABEL = "share of the sum of squared correlations (for a near-linear model, the share of the variance "
			+ "each input explains; not a Sobol index)";

	/**
	 * One evaluated scenario (or the baseline).
	 *
	 * @param name        the scenario's qualified name, or {@code baseline}
	 * @param description its description (may be null)
	 * @param chain       the scenarios it applies, outermost base first (empty for the baseline)
	 * @param result      the deterministic footprint (with the calculator's uncertainty when Monte Carlo ran)
	 * @param samples     the GWP total per Monte Carlo iteration, in iteration order (empty without Monte Carlo)
	 */
	public record Run(String name, String description, List<String> chain, FootprintResult result, List<Double> samples) {

		/** Mean, P5, P50, P95 of the samples; null without samples. */
		public double[] percentiles() {
			double[] v = samples.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
			if (v.length == 0) {
				return null;
			}
			return new double[] { java.util.Arrays.stream(v).average().orElse(Double.NaN), MonteCarlo.Statistics.percentile(v, 5),
					MonteCarlo.Statistics.percentile(v, 50), MonteCarlo.Statistics.percentile(v, 95) };
		}
	}

	/**
	 * The probability that run {@code a}'s GWP is lower than run {@code b}'s, and that {@code b}'s is lower than
	 * {@code a}'s, over the common iterations. With common random numbers ties are frequent (a scenario that changes
	 * nothing ties in every iteration), so the two need not add up to 1.
	 */
	public record Probability(String a, String b, double aLowerThanB, double bLowerThanA, int iterations) {
	}

	/**
	 * One bar of the tornado: the baseline's GWP with the parameter at the low and at the high end of its range.
	 *
	 * @param source where the range comes from ("range", or the uncertainty's P5-P95 / bounds)
	 */
	public record TornadoBar(String parameter, String unit, double value, double low, double high, String source, double resultLow,
			double resultHigh) {

		/** The result's spread over the range. */
		public double swing() {
			return Math.abs(resultHigh - resultLow);
		}
	}

	/** A parameter's (or uncertain amount's) share of the output variance, see {@link #VARIANCE_LABEL}. */
	public record VarianceShare(String input, double correlation, double share) {
	}

	/** The whole comparison. */
	public record Comparison(String subject, String methodology, Run baseline, List<Run> scenarios, List<Probability> probabilities,
			List<TornadoBar> tornado, List<VarianceShare> variance, int iterations, long seed) {

		/** The baseline, then the scenarios. */
		public List<Run> runs() {
			List<Run> all = new ArrayList<>();
			all.add(baseline);
			all.addAll(scenarios);
			return all;
		}

		/**
		 * The share of the common Monte Carlo iterations in which {@code run} is strictly lower than the baseline (a tie
		 * is not lower); null for the baseline itself or without Monte Carlo.
		 */
		public Double lowerThanBaseline(Run run) {
			for (Probability p : probabilities) {
				if (p.a().equals(run.name()) && p.b().equals(baseline.name())) {
					return p.aLowerThanB();
				}
				if (p.b().equals(run.name()) && p.a().equals(baseline.name())) {
					return p.bLowerThanA();
				}
			}
			return null;
		}

		/**
		 * Whether any scenario's figures (total, market-based, module D, Monte Carlo samples) differ from the
		 * baseline's, or any parameter's range moves the result: otherwise a comparison is a table of zeros (e.g. a park
		 * beside the line the scenarios are about).
		 */
		public boolean changesAnything() {
			FootprintResult base = baseline.result();
			boolean moved = scenarios.stream().anyMatch(r -> r.result().total() != base.total() || r.result().totalMarket() != base.totalMarket()
					|| r.result().moduleD() != base.moduleD() || !r.samples().equals(baseline.samples()));
			return moved || tornado.stream().anyMatch(t -> t.swing() > 0);
		}
	}

	private final Collection<? extends Resource> models;
	private final FootprintCalculator calculator;
	private final List<Parameter> uncertain;
	private final Map<String, Parameter> parameters;

	/**
	 * @param models     the loaded model files (never changed)
	 * @param calculator the calculator (its options give the Monte Carlo iterations and seed)
	 */
	public ScenarioComparison(Collection<? extends Resource> models, FootprintCalculator calculator) {
		this.models = List.copyOf(models);
		this.calculator = calculator;
		ParameterEvaluator.evaluate(this.models); // the baseline values, as validation leaves them
		this.parameters = ParameterEvaluator.parameters(this.models);
		this.uncertain = parameters.values().stream().filter(p -> p.getUncertainty() != null).toList();
	}

	/**
	 * The scenarios a run compares: {@code all}, a comma-separated list of (simple or qualified) names, or, when
	 * {@code spec} is null or empty, those the methodology names with {@code compare scenarios}.
	 *
	 * @throws CalculationException naming the available scenarios when a name is unknown
	 */
	public static List<Scenario> select(Collection<? extends Resource> models, String spec, Methodology methodology) {
		List<Scenario> all = new ArrayList<>();
		for (Resource resource : models) {
			for (EObject root : resource.getContents()) {
				if (root instanceof org.zerocarbon.model.zc.ZcModel model) {
					model.getElements().stream().filter(Scenario.class::isInstance).map(Scenario.class::cast).forEach(all::add);
				}
			}
		}
		all.sort(Comparator.comparing(ModelSet::nameOf));
		if (spec == null || spec.isBlank()) {
			return methodology == null ? List.of() : List.copyOf(methodology.getCompares());
		}
		if (spec.trim().equals("all")) {
			return all;
		}
		List<Scenario> chosen = new ArrayList<>();
		for (String name : spec.split(",")) {
			String n = name.trim();
			if (n.isEmpty()) {
				continue;
			}
			Scenario found = all.stream().filter(s -> n.equals(ModelSet.nameOf(s)) || n.equals(s.getName())).findFirst()
					.orElseThrow(() -> new CalculationException("No scenario '" + n + "' among the model files (available: "
							+ (all.isEmpty() ? "none" : String.join(", ", all.stream().map(ModelSet::nameOf).toList())) + ")"));
			if (!chosen.contains(found)) {
				chosen.add(found);
			}
		}
		return chosen;
	}

	/**
	 * Compares the baseline and {@code scenarios} for {@code subject} (an element of the loaded model).
	 *
	 * @param tornado whether to compute the one-at-a-time sensitivity of the baseline
	 */
	public Comparison compare(EObject subject, Methodology methodology, List<Scenario> scenarios, boolean tornado, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Comparing " + scenarios.size() + " scenarios with the baseline", 10 + (tornado ? 3 : 0));
		List<Run> runs = new ArrayList<>();
		stream(subject, methodology, scenarios, runs::add, progress.split(10));
		Run baseline = runs.get(0);
		List<Probability> probabilities = new ArrayList<>();
		for (int a = 0; a < runs.size(); a++) {
			for (int b = a + 1; b < runs.size(); b++) {
				Probability p = probability(runs.get(a), runs.get(b));
				if (p != null) {
					probabilities.add(p);
				}
			}
		}
		List<TornadoBar> bars = tornado ? tornado(subject, methodology, progress.split(3)) : List.of();
		return new Comparison(ModelSet.nameOf(subject), methodology == null ? null : ModelSet.nameOf(methodology), baseline,
				List.copyOf(runs.subList(1, runs.size())), probabilities, bars, variance(baseline), iterations(), calculator.options().seed());
	}

	/**
	 * Evaluates the baseline and then each scenario, handing every run to {@code sink} as soon as it is computed
	 * and keeping none: memory stays flat in the number of scenarios.
	 */
	public void stream(EObject subject, Methodology methodology, List<Scenario> scenarios, Consumer<Run> sink, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, scenarios.size() + 1);
		Scenarios.Applied shared = Scenarios.apply(models, null);
		sink.accept(run(shared, null, Scenarios.changes(null), subject, methodology, progress.split(1)));
		for (Scenario scenario : scenarios) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			Scenarios.Changes changes;
			try {
				changes = Scenarios.changes(scenario);
			} catch (IllegalArgumentException e) {
				throw new CalculationException(scenario, e.getMessage());
			}
			Scenarios.Applied model = changes.amountsOnly() ? shared : Scenarios.apply(models, scenario);
			sink.accept(run(model, scenario, changes, subject, methodology, progress.split(1)));
		}
	}

	private Run run(Scenarios.Applied model, Scenario scenario, Scenarios.Changes changes, EObject subject, Methodology methodology,
			IProgressMonitor monitor) {
		String name = scenario == null ? "baseline" : ModelSet.nameOf(scenario);
		check(model.evaluate(changes.overrides()), name);
		// the baseline checks the criteria (its figures are the model's own); a scenario's run compares footprints only
		FootprintCalculator calc = scenario == null ? calculator.withParametersEvaluated() : calculator.withParametersEvaluated().withoutCriteria();
		EObject s = model.of(subject);
		Methodology m = methodology == null ? null : model.of(methodology);
		List<Double> samples;
		FootprintResult result;
		if (uncertain.isEmpty() || iterations() == 0) {
			result = calc.calculate(s, m, monitor);
			samples = result.uncertainty() == null ? List.of() : result.uncertainty().samples();
		} else {
			SubMonitor progress = SubMonitor.convert(monitor, iterations() + 1);
			result = calc.with(new FootprintCalculator.Options(0, calculator.options().seed(), 1)).calculate(s, m, progress.split(1));
			samples = parameterSamples(model, changes, subject, methodology, progress.split(iterations()));
			check(model.evaluate(changes.overrides()), name); // the copy back at the scenario's own values
		}
		return new Run(name, scenario == null ? null : scenario.getDescription(),
				changes.chain().stream().map(ModelSet::nameOf).toList(), result, samples);
	}

	/** Iteration by iteration: the uncertain parameters drawn from their own streams, then one factor draw. */
	private List<Double> parameterSamples(Scenarios.Applied model, Scenarios.Changes changes, EObject subject, Methodology methodology,
			SubMonitor progress) {
		int n = iterations();
		ParameterSampler sampler = new ParameterSampler(model, uncertain, changes.overrides(), calculator, subject, methodology,
				calculator.options().seed());
		List<Double> samples = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			samples.add(sampler.sample(i));
			progress.worked(1);
		}
		return samples;
	}

	/** One-at-a-time: each parameter with a range or an uncertainty at its low and high end, the others at base. */
	private List<TornadoBar> tornado(EObject subject, Methodology methodology, IProgressMonitor monitor) {
		List<Parameter> ranged = parameters.values().stream().filter(p -> p.getMin() != null && p.getMax() != null || p.getUncertainty() != null)
				.toList();
		SubMonitor progress = SubMonitor.convert(monitor, "Sensitivity of " + ranged.size() + " parameters", 2 * ranged.size());
		Scenarios.Applied model = Scenarios.apply(models, null);
		FootprintCalculator calc = calculator.with(new FootprintCalculator.Options(0, calculator.options().seed(), 1)).withParametersEvaluated()
				.withoutCriteria();
		List<TornadoBar> bars = new ArrayList<>();
		for (Parameter parameter : ranged) {
			Quantity value = model.of(parameter).getValue();
			if (value == null || value.getValue() == null) {
				continue;
			}
			ParameterDraws.Range range = ParameterDraws.range(parameter, value);
			if (range == null) {
				continue;
			}
			double[] results = new double[2];
			double[] ends = { range.low(), range.high() };
			for (int e = 0; e < 2; e++) {
				if (progress.isCanceled()) {
					throw new OperationCanceledException();
				}
				check(model.evaluate(Map.of(parameter, ParameterDraws.literal(ends[e], value.getUnit()))), "sensitivity of " + parameter.getName());
				results[e] = calc.calculate(model.of(subject), methodology == null ? null : model.of(methodology), progress.split(1)).total();
			}
			bars.add(new TornadoBar(ModelSet.nameOf(parameter), value.getUnit(), value.getValue().doubleValue(), range.low(), range.high(),
					range.source(), results[0], results[1]));
		}
		model.evaluate(Map.of());
		bars.sort(Comparator.comparingDouble(TornadoBar::swing).reversed().thenComparing(TornadoBar::parameter));
		return bars;
	}

	private List<VarianceShare> variance(Run baseline) {
		if (!uncertain.isEmpty() && iterations() > 0) {
			// Pearson's r between each parameter's draws (the ratios) and the baseline's samples
			double[] r = new ParameterDraws(uncertain, calculator.options().seed())
					.correlations(baseline.samples().stream().mapToDouble(Double::doubleValue).toArray());
			double sum = 0;
			for (double x : r) {
				sum += x * x;
			}
			List<VarianceShare> shares = new ArrayList<>();
			for (int p = 0; p < r.length; p++) {
				shares.add(new VarianceShare(ModelSet.nameOf(uncertain.get(p)), r[p], sum == 0 ? 0 : r[p] * r[p] / sum));
			}
			shares.sort(Comparator.comparingDouble(VarianceShare::share).reversed());
			return shares;
		}
		FootprintResult.UncertaintyResult u = baseline.result().uncertainty();
		return u == null ? List.of() : u.drivers().stream().map(d -> new VarianceShare(d.name(), d.rankCorrelation(), d.varianceShare())).toList();
	}

	private int iterations() {
		return calculator.options().iterations();
	}

	private static void check(List<ParameterEvaluator.Problem> problems, String run) {
		if (!problems.isEmpty()) {
			throw new CalculationException(problems.get(0).where(), run + ": " + problems.get(0).message());
		}
	}

	/** P(a < b) over the iterations both have; null when either has no samples. */
	static Probability probability(Run a, Run b) {
		int n = Math.min(a.samples().size(), b.samples().size());
		if (n == 0) {
			return null;
		}
		int lower = 0;
		int higher = 0;
		int counted = 0;
		for (int i = 0; i < n; i++) {
			double x = a.samples().get(i);
			double y = b.samples().get(i);
			if (Double.isNaN(x) || Double.isNaN(y)) {
				continue;
			}
			counted++;
			if (x < y) {
				lower++;
			} else if (y < x) {
				higher++;
			}
		}
		return counted == 0 ? null : new Probability(a.name(), b.name(), (double) lower / counted, (double) higher / counted, counted);
	}
}
