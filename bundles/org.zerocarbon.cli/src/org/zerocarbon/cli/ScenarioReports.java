package org.zerocarbon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Scenario;
import org.zerocarbon.parameters.ParameterEvaluator;
import org.zerocarbon.report.ComparisonReport;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.scenarios.ScenarioComparison;

/**
 * {@code zcw report --scenarios all|A,B}: the baseline and the scenarios compared, per subject, in one run (Monte
 * Carlo on common random numbers, the probability that one is lower than another, the tornado of the parameters),
 * written as {@code <subject>.scenarios.json|csv|html|pdf} beside the subject's own reports. Without
 * {@code --scenarios}, the scenarios the methodology names with {@code compare scenarios} are compared.
 */
final class ScenarioReports {

	private final PrintStream out;
	private final Function<Path, String> display;

	ScenarioReports(PrintStream out, Function<Path, String> display) {
		this.out = out;
		this.display = display;
	}

	/**
	 * Compares and writes; nothing happens when no scenario is chosen.
	 *
	 * @return whether a comparison was written
	 */
	boolean run(ModelValidation.Loaded loaded, String spec, Methodology methodology, FootprintCalculator.Options options,
			Measurements measurements, Path outDir, Set<ReportFormat> formats) {
		List<Scenario> scenarios = ScenarioComparison.select(loaded.resourceSet().getResources(), spec, methodology);
		if (scenarios.isEmpty()) {
			if (spec != null) {
				out.println("No scenario among the model files: nothing to compare.");
			}
			return false;
		}
		ModelSet models = new ModelSet(loaded.resourceSet());
		ScenarioComparison comparison = new ScenarioComparison(loaded.resourceSet().getResources(), new FootprintCalculator(options, measurements));
		for (EObject subject : models.subjects()) {
			ScenarioComparison.Comparison c = comparison.compare(subject, methodology, scenarios, true, null);
			if (!c.changesAnything()) {
				// e.g. a park beside the line the scenarios are about: a table of zeros says nothing
				out.println("Scenarios of " + c.subject() + ": no scenario and no parameter changes its footprint; no comparison written.");
				continue;
			}
			try {
				for (Path path : ComparisonReport.write(c, outDir, formats)) {
					out.println("wrote " + display.apply(path));
				}
			} catch (IOException e) {
				throw new CalculationException("cannot write the scenario comparison to " + display.apply(outDir) + ": " + e.getMessage());
			}
			summary(c);
		}
		return true;
	}

	/** One line per run: GWP, difference to the baseline, P5-P95 and P(lower than the baseline) when Monte Carlo ran. */
	private void summary(ScenarioComparison.Comparison c) {
		double base = c.baseline().result().total();
		out.println("Scenarios of " + c.subject() + " (" + (c.scenarios().size()) + " compared with the baseline):");
		for (ScenarioComparison.Run run : c.runs()) {
			double total = run.result().total();
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s %,14.0f kg CO2e", run.name(), total));
			if (run != c.baseline()) {
				line.append(String.format(Locale.ROOT, "  %+,.0f (%+.1f %%)", total - base, base == 0 ? 0 : 100 * (total - base) / base));
			}
			double[] p = run.percentiles();
			if (p != null) {
				line.append(String.format(Locale.ROOT, "  P5-P95 %,.0f-%,.0f", p[1], p[3]));
			}
			Double lower = run == c.baseline() ? null : c.lowerThanBaseline(run);
			if (lower != null) {
				line.append(String.format(Locale.ROOT, "  P(lower than the baseline) %.2f", lower));
			}
			out.println(line);
		}
		if (!c.tornado().isEmpty() && c.tornado().get(0).swing() > 0) {
			ScenarioComparison.TornadoBar top = c.tornado().get(0);
			out.println(String.format(Locale.ROOT, "  most sensitive parameter: %s (%s to %s %s: %,.0f to %,.0f kg CO2e)", top.parameter(),
					ParameterEvaluator.format(top.low()), ParameterEvaluator.format(top.high()), top.unit() == null ? "" : top.unit(), top.resultLow(), top.resultHigh()));
		}
	}
}
