package org.zerocarbon.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.FootprintResult.Supply;
import org.zerocarbon.core.footprint.FootprintResult.ThresholdCheck;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.footprint.FootprintResult.UtilityShare;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.internal.Num;
import org.zerocarbon.report.internal.SvgCharts;

import freemarker.core.XHTMLOutputFormat;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The HTML report: one self-contained XHTML document (inline CSS, inline SVG charts, no scripts, no external
 * resources), rendered by FreeMarker from {@code templates/report.xhtml.ftl}. The PDF is rendered from the same
 * template ({@link PdfReport}), with a title page.
 * <p>
 * All figures are formatted in Java ({@link Locale#ROOT}) before they reach the template, and the template sees
 * only strings, lists and maps, so the output is byte-identical for the same result and options.
 */
public final class HtmlReport {

	/** How many contributions the top-N chart shows. */
	public static final int TOP = 10;

	/** How many elements the treemap shows before it groups the rest as "other". */
	public static final int TREEMAP_TILES = 12;

	private static final Configuration FREEMARKER = configuration();

	private HtmlReport() {
	}

	/** The HTML report for a browser. */
	public static String render(FootprintResult result, ReportOptions options) {
		return render(result, options, false);
	}

	/** The HTML for a browser ({@code forPdf} false) or for the PDF renderer (with a title page and page rules). */
	static String render(FootprintResult result, ReportOptions options, boolean forPdf) {
		Map<String, Object> model = model(result.normalized(), options, forPdf);
		try {
			Template template = FREEMARKER.getTemplate("report.xhtml.ftl");
			StringWriter out = new StringWriter();
			template.process(model, out);
			return out.toString();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} catch (TemplateException e) {
			throw new IllegalStateException("The report template failed: " + e.getMessage(), e);
		}
	}

	/** The template engine of the reports (templates under {@code /templates}, XHTML auto-escaping). */
	static Configuration freemarker() {
		return FREEMARKER;
	}

	private static Configuration configuration() {
		Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
		cfg.setTemplateLoader(new ClassTemplateLoader(HtmlReport.class, "/templates"));
		cfg.setDefaultEncoding("UTF-8");
		cfg.setOutputEncoding("UTF-8");
		cfg.setOutputFormat(XHTMLOutputFormat.INSTANCE);
		cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
		cfg.setRecognizeStandardFileExtensions(false);
		cfg.setLocale(Locale.ROOT);
		cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
		cfg.setNumberFormat("computer");
		cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
		cfg.setLogTemplateExceptions(false);
		cfg.setWrapUncheckedExceptions(true);
		cfg.setFallbackOnNullLoopVariable(false);
		cfg.setWhitespaceStripping(true);
		return cfg;
	}

	// ---- the view model: strings, lists and maps only

	static Map<String, Object> model(FootprintResult r, ReportOptions options, boolean forPdf) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("pdf", forPdf);
		boolean hasDiagram = !forPdf && options.diagramSvg() != null && !options.diagramSvg().isBlank();
		m.put("hasDiagram", hasDiagram);
		m.put("diagram", hasDiagram ? options.diagramSvg() : "");
		m.put("title", options.titleFor(r));
		m.put("date", options.date() == null ? "" : options.date().toString());
		m.put("subjectName", r.subject() == null ? "—" : nz(r.subject().name()));
		m.put("subjectKind", r.subject() == null ? "" : nz(r.subject().kind()));
		m.put("subjectFile", r.subject() == null ? "" : nz(r.subject().file()));
		m.put("methodologyId", r.methodology() == null ? "—" : nz(r.methodology().id()));
		m.put("methodologyVersion", r.methodology() == null ? "—" : nz(r.methodology().version()));
		m.put("methodologyTitle", r.methodology() == null ? "" : nz(r.methodology().title()));
		m.put("methodologyFile", r.methodology() == null ? "" : nz(r.methodology().file()));
		m.put("schema", JsonReport.SCHEMA_ID);

		double total = r.total();
		m.put("total", Num.kg(total));
		m.put("totalTonnes", Num.grouped(total / 1000, 2));
		boolean hasD = r.contributions().stream().anyMatch(c -> c.module().isReportedSeparately());
		m.put("hasModuleD", hasD);
		m.put("moduleD", Num.kg(r.moduleD()));
		m.put("negativeSwatch", SvgCharts.swatch(SvgCharts.NEGATIVE_COLOUR, 10));
		List<Map<String, Object>> scopeTotals = new ArrayList<>();
		for (Scope s : Scope.values()) {
			scopeTotals.add(map("label", s.label(), "value", Num.kg(r.total(s)), "share", share(r.total(s), total), "colour",
					SvgCharts.SCOPE_COLOURS[s.ordinal()], "swatch", SvgCharts.swatch(SvgCharts.SCOPE_COLOURS[s.ordinal()], 10)));
		}
		m.put("scopeTotals", scopeTotals);

		List<Map<String, Object>> fus = new ArrayList<>();
		for (FunctionalUnitResult f : r.functionalUnits()) {
			fus.add(map("name", nz(f.name()), "amount", Num.significant(f.amount()), "perUnit", Num.significant(f.kgCO2ePerUnit()), "element",
					f.element() == null ? "" : shorten(f.element(), r.subject() == null ? null : r.subject().name() + "."), "basis", nz(f.basis())));
		}
		m.put("functionalUnits", fus);
		m.put("hasScope2", r.scope2() != null);
		if (r.scope2() != null) {
			m.put("scope2Location", Num.kg(r.scope2().locationBasedKgCO2e()));
			m.put("scope2Market", Num.kg(r.scope2().marketBasedKgCO2e()));
		}

		HtmlAccounting.put(r, m);
		HtmlMeasurements.put(r, m);
		m.put("stages", stageTable(r));
		m.put("totalRow", map("s1", Num.kg(r.total(Scope.SCOPE_1)), "s2", Num.kg(r.total(Scope.SCOPE_2)), "s3", Num.kg(r.total(Scope.SCOPE_3)),
				"total", Num.kg(total)));
		Map<Module, Map<Scope, Double>> table = r.table();
		if (table.containsKey(Module.D)) {
			Map<Scope, Double> d = table.get(Module.D);
			m.put("dRow", map("s1", Num.kg(d.getOrDefault(Scope.SCOPE_1, 0.0)), "s2", Num.kg(d.getOrDefault(Scope.SCOPE_2, 0.0)), "s3",
					Num.kg(d.getOrDefault(Scope.SCOPE_3, 0.0)), "total", Num.kg(r.moduleD())));
		}

		m.put("moduleBars", moduleBars(r, table));
		treemap(r, m);
		equipment(r, total, m);
		m.put("top", top(r, total));
		m.put("dataQuality", dataQuality(r));
		criteria(r, m);
		m.put("uncertainty", uncertainty(r));
		m.put("hasUncertainty", r.uncertainty() != null);

		List<Map<String, Object>> indicators = new ArrayList<>();
		for (Indicator i : r.indicators()) {
			indicators.add(map("name", nz(i.name()), "value", Num.significant(i.value()), "unit", nz(i.unit()), "definition", nz(i.definition())));
		}
		m.put("indicators", indicators);
		m.put("notes", r.notes());

		List<Map<String, Object>> factors = new ArrayList<>();
		for (FactorProvenance f : r.factors()) {
			factors.add(map("name", nz(f.name()), "value", Num.significant(f.value()), "unit", nz(f.unit()), "region", nz(f.region()), "year",
					f.year() == null ? "" : f.year().toString(), "source", f.source() == null || f.source().isBlank() ? "not recorded" : f.source(),
					"licence", f.licence() == null || f.licence().isBlank() ? "not recorded" : f.licence(), "sourceMissing",
					f.source() == null || f.source().isBlank(), "licenceMissing", f.licence() == null || f.licence().isBlank()));
		}
		m.put("factors", factors);

		List<Map<String, Object>> contributions = new ArrayList<>();
		for (Contribution c : r.contributions()) {
			contributions.add(map("module", c.module().name(), "scope", c.scope().label(), "element", nz(c.element()), "description",
					nz(c.description()), "activity", Num.significant(c.activityAmount()) + " " + nz(c.activityUnit()), "factor",
					c.factor() == null ? "declared" : c.factor(), "kg", Num.kg(c.kgCO2e()), "primary", c.primaryData() ? "primary" : "secondary",
					"dq", c.dataQuality() == null ? "—" : Num.grouped(c.dataQuality(), 1)));
		}
		m.put("contributions", contributions);

		FootprintDelta delta = options.delta(r);
		m.put("hasDelta", delta != null);
		if (delta != null) {
			m.put("delta", delta(delta));
		}
		return m;
	}

	private static List<Map<String, Object>> stageTable(FootprintResult r) {
		Map<Module, Map<Scope, Double>> table = r.table();
		List<Map<String, Object>> stages = new ArrayList<>();
		for (Module.Stage stage : Module.Stage.values()) {
			if (stage == Module.Stage.BEYOND) {
				continue;
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			double[] sums = new double[3];
			for (Module mod : Module.values()) {
				if (mod.stage() != stage || !table.containsKey(mod)) {
					continue;
				}
				Map<Scope, Double> row = table.get(mod);
				double s1 = row.getOrDefault(Scope.SCOPE_1, 0.0);
				double s2 = row.getOrDefault(Scope.SCOPE_2, 0.0);
				double s3 = row.getOrDefault(Scope.SCOPE_3, 0.0);
				sums[0] += s1;
				sums[1] += s2;
				sums[2] += s3;
				rows.add(map("module", mod.name(), "title", mod.title(), "s1", Num.kg(s1), "s2", Num.kg(s2), "s3", Num.kg(s3), "total",
						Num.kg(r.total(mod))));
			}
			if (!rows.isEmpty()) {
				stages.add(map("label", stage.label(), "rows", rows, "s1", Num.kg(sums[0]), "s2", Num.kg(sums[1]), "s3", Num.kg(sums[2]), "total",
						Num.kg(sums[0] + sums[1] + sums[2]), "share", share(sums[0] + sums[1] + sums[2], r.total())));
			}
		}
		return stages;
	}

	private static List<Map<String, Object>> moduleBars(FootprintResult r, Map<Module, Map<Scope, Double>> table) {
		double min = 0;
		double max = 0;
		for (Map<Scope, Double> row : table.values()) {
			double pos = 0;
			double neg = 0;
			for (double v : row.values()) {
				if (v > 0) {
					pos += v;
				} else {
					neg += v;
				}
			}
			max = Math.max(max, pos);
			min = Math.min(min, neg);
		}
		List<Map<String, Object>> bars = new ArrayList<>();
		for (Map.Entry<Module, Map<Scope, Double>> e : table.entrySet()) {
			double[] values = new double[3];
			for (Scope s : Scope.values()) {
				values[s.ordinal()] = e.getValue().getOrDefault(s, 0.0);
			}
			bars.add(map("module", e.getKey().name(), "title", e.getKey().title(), "value", Num.kg(r.total(e.getKey())), "svg",
					SvgCharts.stackedBar(values, SvgCharts.SCOPE_COLOURS, min, max, 360, 14)));
		}
		return bars;
	}

	private static void treemap(FootprintResult r, Map<String, Object> m) {
		Map<String, Double> byElement = new LinkedHashMap<>();
		for (Contribution c : r.contributions()) {
			if (!c.module().isReportedSeparately()) {
				byElement.merge(nz(c.element()), c.kgCO2e(), Double::sum);
			}
		}
		List<Map.Entry<String, Double>> entries = new ArrayList<>(byElement.entrySet());
		entries.removeIf(e -> e.getValue() <= 0);
		entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		List<String> names = new ArrayList<>();
		List<Double> values = new ArrayList<>();
		double other = 0;
		int otherCount = 0;
		for (int i = 0; i < entries.size(); i++) {
			if (i < TREEMAP_TILES - 1 || entries.size() == TREEMAP_TILES) {
				names.add(entries.get(i).getKey());
				values.add(entries.get(i).getValue());
			} else {
				other += entries.get(i).getValue();
				otherCount++;
			}
		}
		if (otherCount > 0) {
			names.add("other (" + otherCount + " elements)");
			values.add(other);
		}
		double positive = values.stream().mapToDouble(Double::doubleValue).sum();
		double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
		m.put("treemap", v.length == 0 ? "" : SvgCharts.treemap(v, 420, 260));
		String prefix = r.subject() == null || r.subject().name() == null ? null : r.subject().name() + ".";
		List<Map<String, Object>> legend = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String colour = SvgCharts.PALETTE[i % SvgCharts.PALETTE.length];
			legend.add(map("name", shorten(names.get(i), prefix), "value", Num.kg(v[i]), "share", share(v[i], positive), "swatch", SvgCharts.swatch(colour, 10)));
		}
		m.put("treemapLegend", legend);
	}

	/** The breakdown by equipment, the allocation of multi-function machines and the shared utilities (lines). */
	private static void equipment(FootprintResult r, double total, Map<String, Object> m) {
		String prefix = r.subject() == null || r.subject().name() == null ? null : r.subject().name() + ".";
		List<Map<String, Object>> rows = new ArrayList<>();
		List<Map<String, Object>> allocations = new ArrayList<>();
		List<Map<String, Object>> utilities = new ArrayList<>();
		for (Equipment e : r.equipment()) {
			String name = shorten(nz(e.element()), prefix);
			List<Map<String, Object>> shares = new ArrayList<>();
			for (UtilityShare u : e.utilities()) {
				shares.add(map("utility", shorten(nz(u.utility()), prefix), "amount", Num.significant(u.amount()), "unit", nz(u.unit()), "share",
						Num.percent(u.share()), "kg", Num.kg(u.kgCO2e())));
			}
			boolean utility = e.supply() != null;
			// a utility's row shows what stays with it (delivered to no machine), so the column adds up to the total
			double counted = utility ? e.kgCO2e() - e.supply().allocatedKgCO2e() : e.kgCO2e();
			rows.add(map("element", nz(e.element()), "name", name, "kind", nz(e.kind()), "own", Num.kg(e.ownKgCO2e()), "fromUtilities",
					utility ? Num.kg(-e.supply().allocatedKgCO2e()) : Num.kg(e.utilitiesKgCO2e()), "total", Num.kg(counted), "market",
					Num.kg(utility ? e.kgCO2eMarket() * (e.kgCO2e() == 0 ? 1 : counted / e.kgCO2e()) : e.kgCO2eMarket()), "share",
					share(counted, total), "moduleD", Num.kg(e.moduleD()), "utilities", shares));
			if (e.allocation() != null) {
				List<Map<String, Object>> functions = new ArrayList<>();
				double factors = 0;
				for (FunctionResult f : e.allocation().functions()) {
					factors += f.factor();
					String unit = e.allocation().unit() == null || e.allocation().unit().isEmpty() ? "" : " " + e.allocation().unit();
					functions.add(map("name", nz(f.name()), "amount", Num.significant(f.amount()) + unit, "factor", Num.fixed(f.factor(), 4), "kg",
							Num.kg(f.kgCO2e()), "market", Num.kg(f.kgCO2eMarket()), "moduleD", Num.kg(f.moduleD()), "operations", String.join(", ", f.operations())));
				}
				allocations.add(map("machine", name, "rule", nz(e.allocation().rule()), "factorSum", Num.fixed(factors, 4), "total", Num.kg(e.kgCO2e()),
						"market", Num.kg(e.kgCO2eMarket()),
						"moduleD", Num.kg(e.moduleD()), "functions", functions));
			}
			if (utility) {
				Supply s = e.supply();
				utilities.add(map("element", nz(e.element()), "name", name, "kind", nz(s.utilityKind()), "delivered",
						Num.significant(s.delivered()) + " " + nz(s.unit()), "leakage", Num.percent(s.leakage()), "generated",
						Num.significant(s.generated()) + " " + nz(s.unit()), "total", Num.kg(e.kgCO2e()), "perUnit",
						Num.significant(s.kgCO2ePerUnit()) + " kg/" + nz(s.unit()), "leak", Num.kg(s.leakKgCO2e())));
			}
		}
		m.put("equipment", rows);
		m.put("allocations", allocations);
		m.put("utilities", utilities);
	}

	private static List<Map<String, Object>> top(FootprintResult r, double total) {
		List<Contribution> top = r.topContributions(TOP);
		String prefix = r.subject() == null || r.subject().name() == null ? null : r.subject().name() + ".";
		double max = top.stream().mapToDouble(Contribution::kgCO2e).max().orElse(0);
		double min = top.stream().mapToDouble(Contribution::kgCO2e).min().orElse(0);
		List<Map<String, Object>> rows = new ArrayList<>();
		int rank = 1;
		for (Contribution c : top) {
			double[] values = { c.kgCO2e() };
			String[] colours = { SvgCharts.SCOPE_COLOURS[c.scope().ordinal()] };
			rows.add(map("rank", Integer.toString(rank++), "element", shorten(nz(c.element()), prefix), "description", nz(c.description()), "module",
					c.module().name(), "scope", c.scope().label(), "value", Num.kg(c.kgCO2e()), "share", share(c.kgCO2e(), total), "svg",
					SvgCharts.stackedBar(values, colours, min, max, 200, 12)));
		}
		return rows;
	}

	private static Map<String, Object> dataQuality(FootprintResult r) {
		if (r.dataQuality() == null) {
			return null;
		}
		List<Map<String, Object>> checks = new ArrayList<>();
		for (ThresholdCheck t : r.dataQuality().checks()) {
			checks.add(map("metric", nz(t.metric()), "requirement", nz(t.requirement()), "actual", Num.significant(t.actual()), "met",
					t.met() ? "met" : "not met", "cls", t.met() ? "pass" : "fail", "message", nz(t.message())));
		}
		long secondaryCount = r.contributions().stream().filter(c -> !c.primaryData()).count();
		return map("primaryShare", Num.percent(r.dataQuality().primaryShareA1A3()), "primaryBar",
				SvgCharts.stackedBar(new double[] { r.dataQuality().primaryShareA1A3(), 1 - r.dataQuality().primaryShareA1A3() },
						new String[] { SvgCharts.SCOPE_COLOURS[1], "#dddddd" }, 0, 1, 200, 12),
				"rating", r.dataQuality().rating() == null ? "not rated" : Num.grouped(r.dataQuality().rating(), 2), "checks", checks,
				"secondaryCount", Long.toString(secondaryCount), "contributionCount", Integer.toString(r.contributions().size()));
	}

	private static void criteria(FootprintResult r, Map<String, Object> m) {
		List<Map<String, Object>> rows = new ArrayList<>();
		int pass = 0;
		int fail = 0;
		int na = 0;
		for (CriterionResult c : r.criteria()) {
			switch (c.status()) {
			case PASS -> pass++;
			case FAIL -> fail++;
			case NOT_APPLICABLE -> na++;
			}
			List<Map<String, Object>> evidence = new ArrayList<>();
			for (Evidence e : c.evidence()) {
				evidence.add(map("element", nz(e.element()), "satisfied", e.satisfied() ? "pass" : "fail", "cls", e.satisfied() ? "pass" : "fail",
						"detail", nz(e.detail())));
			}
			String label = switch (c.status()) {
			case PASS -> "PASS";
			case FAIL -> "FAIL";
			case NOT_APPLICABLE -> "N/A";
			};
			rows.add(map("id", nz(c.id()), "title", nz(c.title()), "clause", nz(c.clause()), "severity", nz(c.severity()), "status", label, "cls",
					c.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), "message", nz(c.message()), "evidence", evidence));
		}
		m.put("criteria", rows);
		m.put("criteriaPass", Integer.toString(pass));
		m.put("criteriaFail", Integer.toString(fail));
		m.put("criteriaNa", Integer.toString(na));
	}

	private static Map<String, Object> uncertainty(FootprintResult r) {
		UncertaintyResult u = r.uncertainty();
		if (u == null) {
			return null;
		}
		List<Map<String, Object>> drivers = new ArrayList<>();
		for (Driver d : u.drivers()) {
			drivers.add(map("name", nz(d.name()), "rho", Num.grouped(d.rankCorrelation(), 3), "share", Num.percent(d.varianceShare()), "svg",
					SvgCharts.stackedBar(new double[] { d.varianceShare() }, new String[] { SvgCharts.SCOPE_COLOURS[0] }, 0, 1, 160, 12)));
		}
		double lo = Math.min(u.p5(), u.mean()) - 0.1 * Math.abs(u.p95() - u.p5());
		double hi = Math.max(u.p95(), u.mean()) + 0.1 * Math.abs(u.p95() - u.p5());
		return map("iterations", Integer.toString(u.iterations()), "seed", Long.toString(u.seed()), "mean", Num.kg(u.mean()), "sd",
				Num.kg(u.standardDeviation()), "cv", u.mean() == 0 ? "—" : Num.percent(u.standardDeviation() / Math.abs(u.mean())), "p5",
				Num.kg(u.p5()), "p50", Num.kg(u.p50()), "p95", Num.kg(u.p95()), "svg",
				SvgCharts.range(u.p5(), u.p50(), u.p95(), u.mean(), lo, hi, 420, 24), "drivers", drivers);
	}

	private static Map<String, Object> delta(FootprintDelta d) {
		List<Map<String, Object>> cells = new ArrayList<>();
		for (FootprintDelta.CellChange c : d.cells()) {
			cells.add(map("module", c.module().name(), "title", c.module().title(), "scope", c.scope().label(), "old", Num.kg(c.oldKgCO2e()), "new",
					Num.kg(c.newKgCO2e()), "diff", Num.signedKg(c.difference())));
		}
		List<Map<String, Object>> changes = new ArrayList<>();
		for (FootprintDelta.ContributionChange c : d.changes().stream().limit(25).toList()) {
			changes.add(map("element", c.key().element(), "module", c.key().module().name(), "scope", c.key().scope().label(), "description",
					c.key().description(), "change", c.change().name().toLowerCase(Locale.ROOT).replace('_', ' '), "diff",
					Num.signedKg(c.difference()), "explanation", c.explanation()));
		}
		List<Map<String, Object>> instruments = new ArrayList<>();
		for (InstrumentChange c : d.instrumentChanges()) {
			instruments.add(map("kind", c.kind(), "element", c.element(), "diff", Num.signedKg(c.difference()), "explanation", c.explanation()));
		}
		return map("oldLabel", d.oldLabel(), "newLabel", d.newLabel(), "oldTotal", Num.kg(d.oldTotal()), "newTotal", Num.kg(d.newTotal()),
				"oldTotalMarket", Num.kg(d.oldTotalMarket()), "newTotalMarket", Num.kg(d.newTotalMarket()), "diffMarket",
				Num.signedKg(d.totalMarketDifference()), "byInstruments", Num.signedKg(d.dueToInstruments()), "byOtherMarket",
				Num.signedKg(d.totalMarketDifference() - d.dueToInstruments()), "instruments", instruments,
				"diff", Num.signedKg(d.totalDifference()), "byFactor", Num.signedKg(d.dueToFactors()), "byActivity",
				Num.signedKg(d.dueToActivities()), "byAdded", Num.signedKg(d.added()), "byRemoved", Num.signedKg(d.removed()), "cells", cells, "changes", changes, "more",
				d.changes().size() > 25 ? Integer.toString(d.changes().size() - 25) : "");
	}

	/** "demo.HousingCell.VMC1" is "VMC1" in a report about demo.HousingCell; the full name stays in the annex. */
	private static String shorten(String element, String prefix) {
		return prefix != null && element.startsWith(prefix) && element.length() > prefix.length() ? element.substring(prefix.length()) : element;
	}

	private static String share(double part, double whole) {
		return whole == 0 ? "—" : Num.percent(part / whole);
	}

	static String nz(String s) {
		return s == null ? "" : s;
	}

	/** A map of the view model from keys and values in turn. */
	static Map<String, Object> map(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}

}
