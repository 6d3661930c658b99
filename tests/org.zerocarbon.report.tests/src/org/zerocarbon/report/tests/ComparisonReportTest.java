package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.report.ComparisonReport;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.scenarios.ScenarioComparison.Comparison;
import org.zerocarbon.scenarios.ScenarioComparison.Probability;
import org.zerocarbon.scenarios.ScenarioComparison.Run;
import org.zerocarbon.scenarios.ScenarioComparison.TornadoBar;
import org.zerocarbon.scenarios.ScenarioComparison.VarianceShare;
import org.xml.sax.InputSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The scenario comparison's files, on hand-built runs whose figures are worked out by hand.
 * <p>
 * Baseline: {@link Samples#tiny()}: B6 scope 2 21,000 kWh × 0.381 = 8,001 kg; A1 scope 3 3,820 kg; D −500 kg (beside
 * the total); total 11,821 kg; 40,000 machine-hours → 0.295525 kg per machine-hour.
 * <ul>
 * <li>m.LowerStandby: 18,000 kWh × 0.381 = 6,858 kg in B6 (an activity change): total 10,678, −1,143 kg = −9.67 %
 * (B6 alone −14.29 %); 10,678 / 40,000 = 0.26695 kg per machine-hour, −0.028575.</li>
 * <li>m.Greener: 21,000 kWh × 0.2 = 4,200 kg in B6 (a factor change): total 8,020, −3,801 kg.</li>
 * </ul>
 */
class ComparisonReportTest {

	private static final int N = 21;

	/** A result like the baseline with B6's activity and factor replaced. */
	private static FootprintResult withB6(double kWh, double factor) {
		FootprintResult r = Samples.tiny();
		List<Contribution> cs = new ArrayList<>();
		for (Contribution c : r.contributions()) {
			cs.add(c.module() == org.zerocarbon.core.footprint.Module.B6
					? new Contribution(c.element(), c.elementUri(), c.module(), c.scope(), c.description(), kWh, c.activityUnit(), c.factor(),
							kWh * factor, c.primaryData(), c.dataQuality())
					: c);
		}
		double total = cs.stream().filter(c -> !c.module().isReportedSeparately()).mapToDouble(Contribution::kgCO2e).sum();
		return new FootprintResult(r.subject(), r.methodology(), cs, List.of(new FunctionalUnitResult("machine-hour", 40000, total / 40000)),
				r.scope2(), r.dataQuality(), null, r.criteria(), r.factors(), r.indicators(), r.notes());
	}

	/** Samples: the run's total plus (i − 10) × 50 kg, i = 0..20 (mean = the total). */
	private static List<Double> samples(double total) {
		List<Double> s = new ArrayList<>();
		for (int i = 0; i < N; i++) {
			s.add(total + (i - 10) * 50.0);
		}
		return s;
	}

	static Comparison comparison() {
		Run baseline = new Run("baseline", null, List.of(), Samples.tiny(), samples(11821));
		Run lower = new Run("m.LowerStandby", "standby 1.8 → 0.8 kW", List.of("m.LowerStandby"), withB6(18000, 0.381), samples(10678));
		Run greener = new Run("m.Greener", null, List.of("m.Base", "m.Greener"), withB6(21000, 0.2), samples(8020));
		// stated both ways round on purpose: the report must turn "baseline lower than Greener" into Greener's own
		List<Probability> ps = List.of(new Probability("baseline", "m.LowerStandby", 0.25, 0.70, N),
				new Probability("m.Greener", "baseline", 0.875, 0.125, N), new Probability("m.LowerStandby", "m.Greener", 0.0, 1.0, N));
		List<TornadoBar> tornado = List.of(new TornadoBar("m.Standby", "kW", 1.8, 0.8, 2.2, "range", 10500, 12350),
				new TornadoBar("m.Hours", "h", 4000, 3600, 4400, "P5–P95", 11400, 12200));
		return new Comparison("m.VMC", "zc.test", baseline, List.of(lower, greener), ps, tornado,
				List.of(new VarianceShare("m.Standby", 0.9, 0.8), new VarianceShare("m.Hours", 0.45, 0.2)), N, 42);
	}

	private static JsonObject run(JsonObject json, String name) {
		for (var e : json.getAsJsonArray("runs")) {
			if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
				return e.getAsJsonObject();
			}
		}
		throw new AssertionError("no run " + name);
	}

	@Test
	void jsonCarriesTotalsDifferencesFunctionalUnitsAndProbabilities() {
		JsonObject json = JsonParser.parseString(ComparisonReport.json(comparison())).getAsJsonObject();
		assertEquals(ComparisonReport.SCHEMA_ID, json.get("schema").getAsString());
		JsonObject base = run(json, "baseline");
		assertEquals(11821, base.get("total").getAsDouble(), 1e-9);
		assertEquals(-500, base.get("moduleD").getAsDouble(), 1e-9);
		assertTrue(base.get("explanation").isJsonNull(), "the baseline explains nothing");
		JsonObject lower = run(json, "m.LowerStandby");
		assertEquals(10678, lower.get("total").getAsDouble(), 1e-9);
		assertEquals(-1143, lower.get("difference").getAsDouble(), 1e-9);
		assertEquals(-9.669233, lower.get("differencePercent").getAsDouble(), 1e-5);
		JsonObject fu = lower.getAsJsonArray("functionalUnits").get(0).getAsJsonObject();
		assertEquals(0.26695, fu.get("kgCO2ePerUnit").getAsDouble(), 1e-12);
		assertEquals(-0.028575, fu.get("differencePerUnit").getAsDouble(), 1e-12);
		// B6 row of the module table: 6,858 kg in scope 2, −1,143 against the baseline
		JsonObject b6 = null;
		for (var m : lower.getAsJsonArray("modules")) {
			if (m.getAsJsonObject().get("module").getAsString().equals("B6")) {
				b6 = m.getAsJsonObject();
			}
		}
		assertNotNull(b6);
		assertEquals(6858, b6.get("SCOPE_2").getAsDouble(), 1e-9);
		assertEquals(0, b6.get("SCOPE_3").getAsDouble(), 1e-9);
		assertEquals(-1143, b6.get("difference").getAsDouble(), 1e-9);
		// probabilities: stated as given, and per run against the baseline (Greener: stated Greener < baseline 0.875;
		// LowerStandby: stated baseline < LowerStandby 0.25 and LowerStandby < baseline 0.70, the rest ties: 0.70)
		assertEquals(0.70, lower.get("pLowerThanBaseline").getAsDouble(), 1e-12);
		assertEquals(0.875, run(json, "m.Greener").get("pLowerThanBaseline").getAsDouble(), 1e-12);
		assertEquals(3, json.getAsJsonArray("probabilities").size());
		// the samples are symmetric around the total: their mean is the total
		JsonObject u = lower.getAsJsonObject("uncertainty");
		assertEquals(10678, u.get("mean").getAsDouble(), 1e-9);
		assertTrue(u.get("p5").getAsDouble() < u.get("p50").getAsDouble() && u.get("p50").getAsDouble() < u.get("p95").getAsDouble());
		assertEquals(N, u.get("iterations").getAsInt());
		JsonArray extendsChain = run(json, "m.Greener").getAsJsonArray("extends");
		assertEquals("m.Base", extendsChain.get(0).getAsString());
		JsonObject tornado = json.getAsJsonArray("tornado").get(0).getAsJsonObject();
		assertEquals("m.Standby", tornado.get("parameter").getAsString());
		assertEquals(1850, tornado.get("swing").getAsDouble(), 1e-9); // 12,350 − 10,500
	}

	@Test
	void explanationSeparatesActivityFromFactorChanges() {
		JsonObject json = JsonParser.parseString(ComparisonReport.json(comparison())).getAsJsonObject();
		JsonObject lower = run(json, "m.LowerStandby").getAsJsonObject("explanation");
		assertEquals(-1143, lower.get("dueToActivities").getAsDouble(), 1e-9); // 3,000 kWh less × 0.381
		assertEquals(0, lower.get("dueToFactors").getAsDouble(), 1e-9);
		JsonObject greener = run(json, "m.Greener").getAsJsonObject("explanation");
		assertEquals(-3801, greener.get("dueToFactors").getAsDouble(), 1e-9); // 21,000 kWh × (0.2 − 0.381)
		assertEquals(0, greener.get("dueToActivities").getAsDouble(), 1e-9);
		JsonObject change = greener.getAsJsonArray("changes").get(0).getAsJsonObject();
		assertEquals("factor", change.get("change").getAsString());
		assertEquals("B6", change.get("module").getAsString());
	}

	@Test
	void jsonFollowsItsSchema() throws Exception {
		JsonObject schema;
		try (InputStream in = ComparisonReport.class.getResourceAsStream(ComparisonReport.SCHEMA_RESOURCE)) {
			assertNotNull(in, "schema shipped in the bundle");
			schema = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
		}
		assertEquals(ComparisonReport.SCHEMA_ID, schema.getAsJsonObject("properties").getAsJsonObject("schema").get("const").getAsString());
		JsonReportTest.conforms(schema, schema, JsonParser.parseString(ComparisonReport.json(comparison())), "$");
		// without Monte Carlo and without a tornado as well
		Comparison c = comparison();
		Comparison plain = new Comparison(c.subject(), null, new Run("baseline", null, List.of(), Samples.tiny(), List.of()),
				List.of(new Run("m.Same", null, List.of("m.Same"), Samples.tiny(), List.of())), List.of(), List.of(), List.of(), 0, 42);
		JsonObject json = JsonParser.parseString(ComparisonReport.json(plain)).getAsJsonObject();
		JsonReportTest.conforms(schema, schema, json, "$");
		assertTrue(run(json, "m.Same").get("uncertainty").isJsonNull());
		assertEquals(0, run(json, "m.Same").get("difference").getAsDouble(), 0);
	}

	@Test
	void csvHasModuleScopeScenarioRowsAndFunctionalUnits() throws Exception {
		List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
				.parse(new StringReader(ComparisonReport.csv(comparison()))).getRecords();
		Map<String, CSVRecord> byKey = rows.stream()
				.collect(Collectors.toMap(r -> r.get("scenario") + "|" + r.get("table") + "|" + r.get("module") + "|" + r.get("scope") + "|" + r.get("per"),
						r -> r));
		CSVRecord b6 = byKey.get("m.LowerStandby|modules|B6|SCOPE_2|");
		assertNotNull(b6, byKey.keySet().toString());
		assertEquals(6858, Double.parseDouble(b6.get("kgCO2e")), 1e-9);
		assertEquals(8001, Double.parseDouble(b6.get("baseline_kgCO2e")), 1e-9);
		assertEquals(-1143, Double.parseDouble(b6.get("difference_kgCO2e")), 1e-9);
		assertEquals("-14.29", b6.get("difference_percent")); // −1,143 / 8,001
		CSVRecord total = byKey.get("m.LowerStandby|modules|TOTAL||");
		assertEquals(10678, Double.parseDouble(total.get("kgCO2e")), 1e-9);
		assertEquals("-9.67", total.get("difference_percent"));
		CSVRecord fu = byKey.get("m.Greener|functional_units|TOTAL||machine-hour");
		assertEquals(8020.0 / 40000, Double.parseDouble(fu.get("kgCO2e")), 1e-12);
		assertEquals(-3801.0 / 40000, Double.parseDouble(fu.get("difference_kgCO2e")), 1e-12);
		// module D is a row of its own, never in TOTAL; cells no run has are left out (A1 has no scope 1 anywhere)
		assertEquals(-500, Double.parseDouble(byKey.get("baseline|modules|D|SCOPE_3|").get("kgCO2e")), 1e-9);
		assertTrue(!byKey.containsKey("baseline|modules|A1|SCOPE_1|"));
		// 3 runs × (A1, B6, D cells + TOTAL + one functional unit)
		assertEquals(3 * 5, rows.size());
	}

	@Test
	void htmlIsWellFormedAndShowsTheRunsTheBarsAndTheTornado() throws Exception {
		String html = renderHtml();
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		f.newDocumentBuilder().parse(new InputSource(new StringReader(html))); // throws when not well-formed XHTML
		assertTrue(html.contains("data-run=\"m.LowerStandby\""), "a row per run");
		assertTrue(html.contains("-1,143.0"), "the difference to the baseline");
		assertTrue(html.contains("-9.7 %"), "and as a percentage");
		assertTrue(html.contains("<td class=\"num\">0.70</td>"), "P(lower than the baseline) of LowerStandby");
		assertTrue(html.contains("applies m.Base, then m.Greener"), "the chain of an extended scenario");
		assertTrue(html.contains("id=\"scenario-bars\"") && html.contains("id=\"tornado-table\""), "the stacked bars and the tornado");
		assertTrue(html.indexOf("m.Standby") < html.indexOf("m.Hours"), "the tornado keeps the engine's order (largest swing first)");
		assertTrue(html.contains("not a Sobol index"), "the variance shares say what they are");
		// LowerStandby < Greener never, Greener < LowerStandby always (stated as 0.0 and 1.0)
		assertTrue(html.contains("<td>m.LowerStandby</td><td>m.Greener</td><td class=\"num\">0.00</td><td class=\"num\">1.00</td>"),
				"both directions of a pair");
	}

	private static String renderHtml() throws Exception {
		Path dir = Files.createTempDirectory("zc-comparison");
		try {
			List<Path> files = ComparisonReport.write(comparison(), dir, EnumSet.of(ReportFormat.HTML));
			return Files.readString(files.get(0));
		} finally {
			try (var s = Files.list(dir)) {
				s.forEach(p -> p.toFile().delete());
			}
			Files.delete(dir);
		}
	}

	@Test
	void writesAllFormatsByteIdenticallyUnderTheSubjectsName(@TempDir Path dir) throws Exception {
		List<Path> first = ComparisonReport.write(comparison(), dir.resolve("a"), EnumSet.allOf(ReportFormat.class));
		List<Path> second = ComparisonReport.write(comparison(), dir.resolve("b"), EnumSet.allOf(ReportFormat.class));
		assertEquals(List.of("m.VMC.scenarios.json", "m.VMC.scenarios.csv", "m.VMC.scenarios.html", "m.VMC.scenarios.pdf"),
				first.stream().map(p -> p.getFileName().toString()).toList());
		for (int i = 0; i < first.size(); i++) {
			assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).getFileName() + " differs");
		}
		try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(first.get(3)))) {
			String text = new PDFTextStripper().getText(doc);
			assertTrue(text.contains("Scenario comparison: m.VMC"), text);
			assertTrue(text.contains("m.LowerStandby") && text.contains("m.Standby"), text);
		}
		assertTrue(new String(Files.readAllBytes(first.get(2)), StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"));
	}
}
