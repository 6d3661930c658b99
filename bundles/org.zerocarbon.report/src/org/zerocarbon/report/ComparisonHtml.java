package org.zerocarbon.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.parameters.ParameterEvaluator;
import org.zerocarbon.report.internal.Num;
import org.zerocarbon.report.internal.SvgCharts;
import org.zerocarbon.scenarios.ScenarioComparison;
import org.zerocarbon.scenarios.ScenarioComparison.Comparison;
import org.zerocarbon.scenarios.ScenarioComparison.Probability;
import org.zerocarbon.scenarios.ScenarioComparison.Run;
import org.zerocarbon.scenarios.ScenarioComparison.TornadoBar;
import org.zerocarbon.scenarios.ScenarioComparison.VarianceShare;

import freemarker.template.TemplateException;

/**
 * The scenario comparison as XHTML ({@code templates/comparison.xhtml.ftl}, the footprint report's style sheet), for
 * a browser or for the PDF renderer. As in {@link HtmlReport}, every figure is formatted here ({@code Locale.ROOT})
 * and the template sees strings, lists and maps only.
 */
final class ComparisonHtml {

	private static final int BAR_WIDTH = 360;

	private ComparisonHtml() {
	}

	static String render(Comparison c, boolean forPdf) {
		try {
			StringWriter out = new StringWriter();
			HtmlReport.freemarker().getTemplate("comparison.xhtml.ftl").process(model(c, forPdf), out);
			return out.toString();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (TemplateException e) {
			throw new IllegalStateException("The comparison template failed: " + e.getMessage(), e);
		}
	}

	private static Map<String, Object> model(Comparison c, boolean forPdf) {
		Map<String, Object> m = new LinkedHashMap<>();
		FootprintResult base = c.baseline().result();
		m.put("pdf", forPdf);
		m.put("title", "Scenario comparison: " + c.subject());
		m.put("subjectName", c.subject());
		m.put("methodologyId", c.methodology() == null ? "no methodology" : c.methodology());
		m.put("methodologyVersion", base.methodology() == null || base.methodology().version() == null ? "" : base.methodology().version());
		m.put("schema", ComparisonReport.SCHEMA_ID);
		boolean mc = c.runs().stream().anyMatch(r -> r.percentiles() != null);
		m.put("monteCarlo", mc);
		m.put("iterations", Integer.toString(c.iterations()));
		m.put("seed", Long.toString(c.seed()));
		m.put("scenarioCount", Integer.toString(c.scenarios().size()));
		List<Module> modules = ComparisonReport.modules(c).stream().filter(x -> !x.isReportedSeparately()).toList();
		m.put("runs", runs(c, modules));
		List<Map<String, Object>> legend = new ArrayList<>();
		for (int i = 0; i < modules.size(); i++) {
			legend.add(Map.of("module", modules.get(i).name(), "title", modules.get(i).title(), "swatch", SvgCharts.swatch(colour(i), 10)));
		}
		m.put("moduleLegend", legend);
		m.put("negativeSwatch", SvgCharts.swatch(SvgCharts.NEGATIVE_COLOUR, 10));
		m.put("runNames", c.runs().stream().map(Run::name).toList());
		m.put("cells", cells(c));
		m.put("functionalUnits", functionalUnits(c));
		m.put("explanations", explanations(c));
		m.put("probabilities", c.probabilities().stream().map(ComparisonHtml::probability).toList());
		m.put("tornado", tornado(c));
		m.put("tornadoLow", SvgCharts.swatch(SvgCharts.TORNADO_COLOURS[0], 10));
		m.put("tornadoHigh", SvgCharts.swatch(SvgCharts.TORNADO_COLOURS[1], 10));
		m.put("varianceLabel", ScenarioComparison.VARIANCE_LABEL);
		m.put("variance", c.variance().stream().map(ComparisonHtml::variance).toList());
		return m;
	}

	private static String colour(int i) {
		return SvgCharts.PALETTE[i % SvgCharts.PALETTE.length];
	}

	/** One row per run, with its bar stacked by module on the scale common to all runs. */
	private static List<Map<String, Object>> runs(Comparison c, List<Module> modules) {
		double min = 0;
		double max = 0;
		for (Run run : c.runs()) {
			double pos = 0;
			double neg = 0;
			for (Module module : modules) {
				double v = run.result().total(module);
				pos += Math.max(0, v);
				neg += Math.min(0, v);
			}
			min = Math.min(min, neg);
			max = Math.max(max, pos);
		}
		String[] colours = new String[modules.size()];
		for (int i = 0; i < colours.length; i++) {
			colours[i] = colour(i);
		}
		double base = c.baseline().result().total();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Run run : c.runs()) {
			double total = run.result().total();
			double[] values = modules.stream().mapToDouble(x -> run.result().total(x)).toArray();
			double[] p = run.percentiles();
			Double lower = run == c.baseline() ? null : c.lowerThanBaseline(run);
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", run.name());
			row.put("description", run.description() == null ? "" : run.description());
			row.put("chain", run.chain().size() > 1 ? "applies " + String.join(", then ", run.chain()) : "");
			row.put("baseline", run == c.baseline());
			row.put("total", Num.kg(total));
			row.put("market", Num.kg(run.result().totalMarket()));
			row.put("difference", run == c.baseline() ? "" : Num.signedKg(total - base));
			row.put("percent", run == c.baseline() || base == 0 ? "" : signedPercent(ComparisonReport.percent(total, base)));
			// on two lines, so that the table fits a page (the figures are digits, commas and points: nothing to escape)
			row.put("interval", p == null ? "" : Num.kg(p[1]) + " –<br/>" + Num.kg(p[3]));
			row.put("lower", lower == null ? "" : Num.fixed(lower, 2));
			row.put("bar", SvgCharts.stackedBar(values, colours, min, max, BAR_WIDTH, 14));
			rows.add(row);
		}
		return rows;
	}

	private static String signedPercent(double percent) {
		String s = Num.grouped(percent, 1);
		return (percent > 0 && !s.equals(Num.grouped(0, 1)) ? "+" : "") + s + " %";
	}

	/** The module × scope table: one row per cell any run has, one column per run (value, and the difference). */
	private static List<Map<String, Object>> cells(Comparison c) {
		List<Map<String, Object>> rows = new ArrayList<>();
		FootprintResult base = c.baseline().result();
		for (Module module : ComparisonReport.modules(c)) {
			for (Scope scope : Scope.values()) {
				boolean any = c.runs().stream().anyMatch(r -> r.result().total(module, scope) != 0);
				if (!any) {
					continue;
				}
				double b = base.total(module, scope);
				rows.add(Map.of("module", module.name(), "title", module.title(), "scope", scope.label(), "separate", module.isReportedSeparately(),
						"values", c.runs().stream().map(r -> cell(r.result().total(module, scope), b, r == c.baseline())).toList()));
			}
		}
		rows.add(Map.of("module", "Total", "title", "modules A–C", "scope", "", "separate", false, "total", true,
				"values", c.runs().stream().map(r -> cell(r.result().total(), base.total(), r == c.baseline())).toList()));
		return rows;
	}

	private static Map<String, String> cell(double value, double base, boolean isBaseline) {
		return Map.of("value", Num.kg(value), "difference", isBaseline || Num.kg(value - base).equals(Num.kg(0)) ? "" : Num.signedKg(value - base));
	}

	private static List<Map<String, Object>> functionalUnits(Comparison c) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (String name : ComparisonReport.functionalUnits(c)) {
			FunctionalUnitResult b = ComparisonReport.functionalUnit(c.baseline(), name);
			List<Map<String, String>> values = new ArrayList<>();
			for (Run run : c.runs()) {
				FunctionalUnitResult fu = ComparisonReport.functionalUnit(run, name);
				if (fu == null) {
					values.add(Map.of("value", "—", "difference", ""));
				} else {
					double d = b == null ? 0 : fu.kgCO2ePerUnit() - b.kgCO2ePerUnit();
					values.add(Map.of("value", Num.significant(fu.kgCO2ePerUnit()), "difference",
							run == c.baseline() || b == null || Num.significant(d).equals("0") ? "" : (d > 0 ? "+" : "") + Num.significant(d)));
				}
			}
			rows.add(Map.of("name", name, "values", values));
		}
		return rows;
	}

	private static List<Map<String, Object>> explanations(Comparison c) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Run run : c.scenarios()) {
			FootprintDelta d = ComparisonReport.delta(c, run);
			List<Map<String, String>> changes = d.changes().stream().limit(ComparisonReport.EXPLANATION_LIMIT)
					.map(x -> Map.of("element", x.key().element(), "module", x.key().module().name(), "scope", x.key().scope().label(),
							"description", x.key().description() == null ? "" : x.key().description(), "difference", Num.signedKg(x.difference()),
							"explanation", x.explanation()))
					.toList();
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("name", run.name());
			e.put("total", Num.signedKg(d.totalDifference()));
			e.put("factors", Num.signedKg(d.dueToFactors()));
			e.put("activities", Num.signedKg(d.dueToActivities()));
			e.put("instruments", Num.signedKg(d.dueToInstruments()));
			e.put("market", Num.signedKg(d.totalMarketDifference()));
			e.put("added", Num.signedKg(d.added()));
			e.put("removed", Num.signedKg(d.removed()));
			e.put("changes", changes);
			e.put("more", d.changes().size() > changes.size() ? Integer.toString(d.changes().size() - changes.size()) : "");
			list.add(e);
		}
		return list;
	}

	private static Map<String, String> probability(Probability p) {
		return Map.of("a", p.a(), "b", p.b(), "p", Num.fixed(p.aLowerThanB(), 2), "q", Num.fixed(p.bLowerThanA(), 2), "iterations",
				Integer.toString(p.iterations()));
	}

	private static List<Map<String, Object>> tornado(Comparison c) {
		double base = c.baseline().result().total();
		double min = base;
		double max = base;
		for (TornadoBar t : c.tornado()) {
			min = Math.min(min, Math.min(t.resultLow(), t.resultHigh()));
			max = Math.max(max, Math.max(t.resultLow(), t.resultHigh()));
		}
		// a margin, so that the widest bar does not touch the edges
		double pad = (max - min) * 0.04;
		List<Map<String, Object>> rows = new ArrayList<>();
		for (TornadoBar t : c.tornado()) {
			String unit = t.unit() == null ? "" : " " + t.unit();
			rows.add(Map.of("parameter", t.parameter(), "range",
					ParameterEvaluator.format(t.low()) + " to " + ParameterEvaluator.format(t.high()) + unit + " (value "
							+ ParameterEvaluator.format(t.value()) + unit + ")",
					"source", t.source() == null ? "" : t.source(), "low", Num.kg(t.resultLow()), "high", Num.kg(t.resultHigh()), "swing",
					Num.kg(t.swing()), "svg", SvgCharts.tornadoBar(base, t.resultLow(), t.resultHigh(), min - pad, max + pad, BAR_WIDTH, 14)));
		}
		return rows;
	}

	private static Map<String, String> variance(VarianceShare v) {
		return Map.of("input", v.input(), "correlation", Num.fixed(v.correlation(), 2), "share", Num.percent(v.share()), "svg",
				SvgCharts.stackedBar(new double[] { v.share() }, new String[] { SvgCharts.SCOPE_COLOURS[0] }, 0, 1, 160, 12));
	}
}
