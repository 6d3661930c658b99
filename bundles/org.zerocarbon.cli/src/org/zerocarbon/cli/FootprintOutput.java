package org.zerocarbon.cli;

import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.report.ResultProblems;

/** What {@code zcw report} prints about a computed footprint: its summary line and its findings as problems. */
final class FootprintOutput {

	private FootprintOutput() {
	}

	/**
	 * One line per result: the A–C total both ways (scope 2 location-based, then market-based), module D, scope 2 both
	 * ways, the functional units and the Monte Carlo interval.
	 */
	static String summary(FootprintResult result) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %,.0f kg CO2e (modules A-C), %,.0f kg CO2e market-based",
				result.subject().name(), result.total(), result.totalMarket()));
		if (result.moduleD() != 0) {
			line.append(String.format(Locale.ROOT, ", module D %,.0f kg CO2e", result.moduleD()));
		}
		if (result.scope2() != null) {
			line.append(String.format(Locale.ROOT, ", scope 2 %,.0f location-based / %,.0f market-based", result.scope2().locationBasedKgCO2e(),
					result.scope2().marketBasedKgCO2e()));
		}
		for (FootprintResult.FunctionalUnitResult unit : result.functionalUnits()) {
			String of = unit.element() == null ? "" : " of " + unit.element().substring(unit.element().lastIndexOf('.') + 1);
			line.append(", " + org.zerocarbon.core.calc.SignificantFigures.of(unit.kgCO2ePerUnit()) + " kg CO2e per " + unit.name() + of);
		}
		if (result.uncertainty() != null) {
			line.append(String.format(Locale.ROOT, ", P5-P95 %,.0f-%,.0f", result.uncertainty().p5(), result.uncertainty().p95()));
		}
		return line.toString();
	}

	/**
	 * The result's findings as problems at the element they name, or at the subject when the element is unknown: the
	 * workbench's conversion ({@link ResultProblems#findings}), so that they print as its markers read.
	 */
	static List<Problem> findings(FootprintResult result, EObject subject) {
		return ResultProblems.findings(result, subject, element -> true);
	}
}
