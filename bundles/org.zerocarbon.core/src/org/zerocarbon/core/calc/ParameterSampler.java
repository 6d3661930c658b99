package org.zerocarbon.core.calc;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.parameters.ParameterDraws;
import org.zerocarbon.parameters.Scenarios;

/**
 * One Monte Carlo iteration over uncertain parameters, on an evaluated model copy: iteration i sets each uncertain
 * parameter to its value times its ratio drawn in iteration i ({@link ParameterDraws}), re-evaluates the copy's
 * expressions and computes the subject's GWP total with the factor draw of iteration i. The footprint's own Monte
 * Carlo ({@link ParameterMonteCarlo}) and the scenario comparison iterate with it, so both draw the same numbers.
 * Not thread-safe: one sampler per copy.
 */
public final class ParameterSampler {

	private final Scenarios.Applied copy;
	private final List<Parameter> uncertain;
	private final Map<Parameter, Quantity> settings;
	private final double[] values;
	private final String[] units;
	private final ParameterDraws draws;
	private final FootprintCalculator calculator;
	private final EObject subject;
	private final Methodology methodology;
	private final long seed;

	/**
	 * @param copy        the model copy, already evaluated with {@code settings}
	 * @param uncertain   the uncertain parameters (of the original model)
	 * @param settings    a scenario's parameter settings (original parameter to its setting), kept in every iteration;
	 *                    the drawn ratio of a set parameter applies to the setting's value
	 * @param calculator  the calculator (parameters evaluated, no criteria: iterations compare totals)
	 * @param subject     the subject in the original model
	 * @param methodology the methodology in the original model, or null
	 */
	public ParameterSampler(Scenarios.Applied copy, List<Parameter> uncertain, Map<Parameter, Quantity> settings, FootprintCalculator calculator,
			EObject subject, Methodology methodology, long seed) {
		this.copy = copy;
		this.uncertain = List.copyOf(uncertain);
		this.settings = settings;
		this.values = new double[uncertain.size()];
		this.units = new String[uncertain.size()];
		for (int p = 0; p < uncertain.size(); p++) {
			Quantity q = settings.containsKey(uncertain.get(p)) ? copy.of(settings.get(uncertain.get(p))) : copy.of(uncertain.get(p)).getValue();
			values[p] = q == null || q.getValue() == null ? Double.NaN : q.getValue().doubleValue();
			units[p] = q == null ? null : q.getUnit();
		}
		this.draws = new ParameterDraws(uncertain, seed);
		this.calculator = calculator.withParametersEvaluated().withoutCriteria();
		this.subject = copy.of(subject);
		this.methodology = methodology == null ? null : copy.of(methodology);
		this.seed = seed;
	}

	/**
	 * Iteration i's GWP total (A1–C4), or NaN when its draw makes the model's expressions invalid (e.g. a unit cannot
	 * be converted).
	 *
	 * @throws CalculationException when the calculation itself fails for the drawn values
	 */
	public double sample(int i) {
		Map<Parameter, Quantity> overrides = new IdentityHashMap<>(settings);
		double[] ratios = draws.ratios(i);
		for (int p = 0; p < uncertain.size(); p++) {
			overrides.put(uncertain.get(p), ParameterDraws.literal(values[p] * ratios[p], units[p]));
		}
		if (!copy.evaluate(overrides).isEmpty()) {
			return Double.NaN;
		}
		FootprintResult r = calculator.with(new FootprintCalculator.Options(1, ParameterDraws.mix(seed, i), 1)).calculate(subject, methodology,
				null);
		return r.uncertainty() != null && !r.uncertainty().samples().isEmpty() ? r.uncertainty().samples().get(0) : r.total();
	}
}
