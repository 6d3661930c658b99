package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.FootprintDelta;
import org.zerocarbon.report.InstrumentChange;
import org.zerocarbon.report.FootprintDelta.Change;
import org.zerocarbon.report.FootprintDelta.ContributionChange;
import org.zerocarbon.report.HtmlReport;
import org.zerocarbon.report.JsonReport;
import org.zerocarbon.report.ReportOptions;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class FootprintDeltaTest {

	private static FootprintResult with(FootprintResult r, List<Contribution> cs, List<FactorProvenance> fs) {
		return new FootprintResult(r.subject(), r.methodology(), cs, r.functionalUnits(), r.scope2(), r.dataQuality(), r.uncertainty(),
				r.criteria(), fs, r.indicators(), r.notes());
	}

	/** The tiny result with the German grid factor changed from 0.381 to 0.350 kg/kWh (a newer data year). */
	private static FootprintResult newerGridFactor() {
		FootprintResult t = Samples.tiny();
		List<Contribution> cs = new ArrayList<>();
		for (Contribution c : t.contributions()) {
			cs.add(c.factor().equals("grid.DE") ? new Contribution(c.element(), c.elementUri(), c.module(), c.scope(), c.description(),
					c.activityAmount(), c.activityUnit(), c.factor(), 21000 * 0.350, c.primaryData(), c.dataQuality()) : c);
		}
		List<FactorProvenance> fs = new ArrayList<>(t.factors());
		fs.set(0, new FactorProvenance("grid.DE", 0.350, "kgCO2e/kWh", "DE", 2024, "Ember via Our World in Data", "CC BY 4.0"));
		return with(t, cs, fs);
	}

	@Test
	void explainsAChangedFactor() {
		FootprintDelta d = FootprintDelta.between(Samples.tiny(), newerGridFactor());
		// 21,000 kWh × (0.350 − 0.381) = −651 kg, all of it in B6 scope 2
		assertEquals(-651, d.totalDifference(), 1e-9);
		assertEquals(1, d.cells().size());
		assertEquals(Module.B6, d.cells().get(0).module());
		assertEquals(Scope.SCOPE_2, d.cells().get(0).scope());
		assertEquals(1, d.changes().size());
		ContributionChange c = d.changes().get(0);
		assertEquals(Change.FACTOR, c.change());
		assertEquals(0.381, c.oldFactor(), 1e-12);
		assertEquals(0.350, c.newFactor(), 1e-12);
		assertEquals(-651, c.dueToFactor(), 1e-9);
		assertEquals(0, c.dueToActivity());
		assertEquals("factor 0.3810 → 0.3500 kg CO2e/kWh", c.explanation());
		assertEquals(1, d.factorChanges().size(), "the provenance change (value, year) is listed");
		String md = d.withLabels("main", "branch").toMarkdown();
		assertTrue(md.contains("| Total A1–C4 (kg CO2e) | 11,821.0 | 11,170.0 | -651.0 | -5.5 % |"), md);
		assertTrue(md.contains("| B6 Operational energy use | Scope 2 | 8,001.0 | 7,350.0 | -651.0 |"), md);
		assertTrue(md.contains("Of the change in the total: -651.0 kg from changed factors (grid.DE -651.0), 0.0 kg from changed activity amounts"), md);
		assertTrue(md.contains("| m.VMC | B6 | Scope 2 | electricity (grid.DE) | -651.0 | factor 0.3810 → 0.3500 kg CO2e/kWh |"), md);
	}

	@Test
	void splitsAnActivityAndFactorChangeIntoItsParts() {
		FootprintResult t = Samples.tiny();
		List<Contribution> cs = new ArrayList<>(t.contributions());
		// steel: 2,000 kg × 1.91 → 2,500 kg × 1.80. Due to activity: 500 × 1.91 = 955; due to factor: 2,500 × (−0.11) = −275.
		cs.set(1, new Contribution("m.VMC", null, Module.A1, Scope.SCOPE_3, "steel", 2500, "kg", "steel", 2500 * 1.80, false, 3.0));
		cs.add(new Contribution("m.VMC", null, Module.A4, Scope.SCOPE_3, "delivery, truck", 300, "tkm", "freight.hgv", 300 * 0.126, false, 3.0));
		cs.remove(2); // the module D credit
		FootprintDelta d = FootprintDelta.between(t, with(t, cs, t.factors()));
		ContributionChange steel = d.changes().stream().filter(c -> c.key().factor().equals("steel")).findFirst().orElseThrow();
		assertEquals(Change.ACTIVITY_AND_FACTOR, steel.change());
		assertEquals(955, steel.dueToActivity(), 1e-9);
		assertEquals(-275, steel.dueToFactor(), 1e-9);
		assertEquals(steel.difference(), steel.dueToActivity() + steel.dueToFactor(), 1e-9);
		// The causes add up to the change of the total (A1–C4; the removed credit is module D, outside it).
		assertEquals(955, d.dueToActivities(), 1e-9);
		assertEquals(-275, d.dueToFactors(), 1e-9);
		assertEquals(37.8, d.added(), 1e-9);
		assertEquals(0, d.removed(), 1e-9);
		assertEquals(d.totalDifference(), d.dueToActivities() + d.dueToFactors() + d.added() + d.removed(), 1e-9);
		ContributionChange added = d.changes().stream().filter(c -> c.change() == Change.ADDED).findFirst().orElseThrow();
		assertEquals(37.8, added.newKgCO2e(), 1e-9);
		ContributionChange removed = d.changes().stream().filter(c -> c.change() == Change.REMOVED).findFirst().orElseThrow();
		assertEquals(Module.D, removed.key().module());
		assertEquals(500, removed.difference(), 1e-9);
		assertEquals(0, d.newModuleD());
		assertEquals(-500, d.oldModuleD());
		assertEquals(List.of(Change.ACTIVITY_AND_FACTOR, Change.REMOVED, Change.ADDED), d.changes().stream().map(ContributionChange::change).toList(),
				"largest absolute change first");
	}

	@Test
	void anActivityChangeIsNotBlamedOnTheFactor() {
		FootprintResult t = Samples.tiny();
		List<Contribution> cs = new ArrayList<>(t.contributions());
		cs.set(0, new Contribution("m.VMC", null, Module.B6, Scope.SCOPE_2, "electricity", 23000, "kWh", "grid.DE", 23000 * 0.381, true, 1.0));
		ContributionChange c = FootprintDelta.between(t, with(t, cs, t.factors())).changes().get(0);
		assertEquals(Change.ACTIVITY, c.change());
		assertEquals("activity 21,000 → 23,000 kWh", c.explanation());
		assertEquals(762, c.dueToActivity(), 1e-9);
	}

	@Test
	void sameResultHasNoDeltaWhateverTheOrder() {
		FootprintResult r = Samples.housingCell();
		FootprintDelta d = FootprintDelta.between(r, Samples.shuffled(r));
		assertTrue(d.isEmpty());
		assertTrue(d.toMarkdown().contains("No change."));
	}

	@Test
	void comparesAgainstABaselineReadFromJsonAndIncludesTheDeltaInTheReports() {
		FootprintResult baseline = JsonReport.read(new StringReader(JsonReport.write(Samples.tiny())));
		ReportOptions options = ReportOptions.defaults().withBaseline(baseline, "baseline.json");
		JsonObject json = JsonParser.parseString(JsonReport.write(newerGridFactor(), options)).getAsJsonObject();
		JsonObject delta = json.getAsJsonObject("delta");
		assertEquals("baseline.json", delta.get("oldLabel").getAsString());
		assertEquals(11821.0, delta.get("oldTotal").getAsDouble(), 1e-9);
		JsonObject change = delta.getAsJsonArray("changes").get(0).getAsJsonObject();
		assertEquals("FACTOR", change.get("change").getAsString());
		assertEquals(-651, change.get("dueToFactor").getAsDouble(), 1e-9);
		String html = HtmlReport.render(newerGridFactor(), options);
		assertTrue(html.contains("Change against baseline.json"));
		assertTrue(html.contains("factor 0.3810 → 0.3500 kg CO2e/kWh"));
		assertFalse(JsonReport.write(newerGridFactor()).contains("\"delta\""), "no delta without a baseline");
	}

	@Test
	void explainsAMarketBasedChangeByInstrument() {
		// 30,000 → 50,000 kWh of certificates: the residual mix covers 30,000 → 10,000 kWh at 0.62,
		// 18,600 → 6,200 kg; market-based total 19,100 → 6,700 (−12,400); location-based unchanged (58,700)
		FootprintDelta d = FootprintDelta.between(Samples.accounting(30_000), Samples.accounting(50_000));
		assertEquals(0, d.totalDifference(), 1e-9);
		assertEquals(19_100, d.oldTotalMarket(), 1e-9);
		assertEquals(6_700, d.newTotalMarket(), 1e-9);
		assertEquals(-12_400, d.dueToInstruments(), 1e-9, "all of the market-based change is the electricity supply");
		assertEquals(2, d.instrumentChanges().size());
		InstrumentChange residual = d.instrumentChanges().get(0);
		assertEquals("residual", residual.kind());
		assertEquals(-12_400, residual.difference(), 1e-9);
		assertEquals(-12_400, residual.dueToEnergy(), 1e-9, "(10,000 − 30,000) kWh × 0.62");
		assertEquals(0, residual.dueToRate(), 1e-9);
		assertEquals("residual demo.Plant: 30,000 → 10,000 kWh at 0.6200 kg CO2e/kWh", residual.explanation());
		InstrumentChange certificate = d.instrumentChanges().get(1);
		assertEquals("certificate demo.Plant.GEC2025: 30,000 → 50,000 kWh at 0 kg CO2e/kWh", certificate.explanation());
		String md = d.toMarkdown();
		assertTrue(md.contains("| Total A1–C4, scope 2 market-based (kg CO2e) | 19,100.0 | 6,700.0 | -12,400.0 |"), md);
		assertTrue(md.contains("#### Market-based scope 2 by instrument") && md.contains("| residual | demo.Plant | -12,400.0 |"), md);
	}
}
