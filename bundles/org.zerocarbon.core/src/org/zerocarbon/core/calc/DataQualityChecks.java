package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.DataQuality;
import org.zerocarbon.core.footprint.FootprintResult.ThresholdCheck;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.ComparisonOperator;
import org.zerocarbon.model.zc.DataQualityRule;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ModuleSpec;
import org.zerocarbon.model.zc.Pedigree;
import org.zerocarbon.model.zc.QualityMetric;

/** The data quality of a result's contributions and the methodology's data-quality thresholds. */
final class DataQualityChecks {

	private DataQualityChecks() {
	}

	static DataQuality dataQuality(List<Contribution> contributions, Methodology methodology, List<String> notes) {
		double a13 = 0;
		double primaryA13 = 0;
		double weighted = 0;
		double weights = 0;
		for (Contribution c : contributions) {
			double magnitude = Math.abs(c.kgCO2e());
			if (c.module() == Module.A1 || c.module() == Module.A2 || c.module() == Module.A3) {
				a13 += magnitude;
				primaryA13 += c.primaryData() ? magnitude : 0;
			}
			if (c.dataQuality() != null) {
				weighted += c.dataQuality() * magnitude;
				weights += magnitude;
			}
		}
		double primaryShare = a13 == 0 ? 0 : primaryA13 / a13;
		Double rating = weights == 0 ? null : weighted / weights;
		List<ThresholdCheck> checks = new ArrayList<>();
		for (DataQualityRule rule : methodology.getDataQuality()) {
			checks.add(check(contributions, rule, rating, notes));
		}
		for (ModuleSpec spec : methodology.getModules()) {
			Module module = Module.valueOf(spec.getModule().getName());
			if (spec.isRequired() && contributions.stream().noneMatch(c -> c.module() == module)) {
				checks.add(new ThresholdCheck("module " + module, "required by the methodology", 0, false,
						"Required module " + module + " (" + module.title() + ") has no data in the model."));
			}
		}
		return new DataQuality(primaryShare, rating, checks);
	}

	private static ThresholdCheck check(List<Contribution> contributions, DataQualityRule rule, Double rating, List<String> notes) {
		String requirement = rule.getMetric().getLiteral()
				+ (rule.getModules().isEmpty() ? "" : " of " + String.join(" ", rule.getModules().stream().map(m -> m.getName()).toList()))
				+ " " + rule.getOperator().getLiteral() + " " + rule.getValue().getValue().toPlainString()
				+ (rule.getValue().getUnit() == null ? "" : " " + rule.getValue().getUnit());
		if (rule.getMetric() == QualityMetric.PRIMARY_SHARE) {
			Set<Module> modules = new LinkedHashSet<>();
			rule.getModules().forEach(m -> modules.add(Module.valueOf(m.getName())));
			double all = 0;
			double primary = 0;
			for (Contribution c : contributions) {
				if (modules.isEmpty() || modules.contains(c.module())) {
					all += Math.abs(c.kgCO2e());
					primary += c.primaryData() ? Math.abs(c.kgCO2e()) : 0;
				}
			}
			double actual = all == 0 ? 0 : 100 * primary / all;
			double threshold = Quantities.in(rule.getValue(), "%", "data-quality rule " + requirement);
			boolean met = compare(actual, rule.getOperator(), threshold);
			return new ThresholdCheck("primary-data share", requirement, actual, met,
					String.format(Locale.ROOT, "Primary data cover %.1f %% of the emissions in scope (required: %s %s %%).", actual,
							rule.getOperator().getLiteral(), format(threshold)));
		}
		double threshold = rule.getValue().getValue().doubleValue();
		if (rating == null) {
			return new ThresholdCheck("pedigree rating", requirement, 0, false, "No pedigree scores in the model: the data-quality rating is unknown.");
		}
		boolean met = compare(rating, rule.getOperator(), threshold);
		return new ThresholdCheck("pedigree rating", requirement, rating, met, String.format(Locale.ROOT,
				"Emission-weighted pedigree rating %.2f (1 best .. 5 worst; required: %s %s).", rating, rule.getOperator().getLiteral(),
				format(threshold)));
	}

	private static boolean compare(double actual, ComparisonOperator operator, double threshold) {
		return switch (operator) {
			case LT -> actual < threshold;
			case LE -> actual <= threshold;
			case GT -> actual > threshold;
			case GE -> actual >= threshold;
			case EQ -> actual == threshold;
			case NE -> actual != threshold;
			default -> false;
		};
	}

	/** Mean of the five pedigree scores (1 best .. 5 worst), or null without a pedigree. */
	static Double rating(Pedigree pedigree) {
		if (pedigree == null) {
			return null;
		}
		int[] scores = { pedigree.getReliability(), pedigree.getCompleteness(), pedigree.getTemporal(), pedigree.getGeographical(),
				pedigree.getTechnological() };
		double sum = 0;
		int count = 0;
		for (int score : scores) {
			if (score >= 1 && score <= 5) {
				sum += score;
				count++;
			}
		}
		return count == 0 ? null : sum / count;
	}
}
