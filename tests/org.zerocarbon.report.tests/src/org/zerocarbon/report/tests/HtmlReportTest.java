package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.HtmlReport;
import org.zerocarbon.report.ReportOptions;

class HtmlReportTest {

	private static Document parse(String xhtml) throws Exception {
		DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
		f.setNamespaceAware(true);
		return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
	}

	private static Element byId(Document doc, String id) {
		NodeList all = doc.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < all.getLength(); i++) {
			Element e = (Element) all.item(i);
			if (id.equals(e.getAttribute("id"))) {
				return e;
			}
		}
		return null;
	}

	/** The cells' text of the table row whose data-module is the given module. */
	private static List<String> row(Element table, String module) {
		NodeList rows = table.getElementsByTagNameNS("*", "tr");
		for (int i = 0; i < rows.getLength(); i++) {
			Element tr = (Element) rows.item(i);
			if (module.equals(tr.getAttribute("data-module"))) {
				List<String> cells = new ArrayList<>();
				NodeList tds = tr.getElementsByTagNameNS("*", "td");
				for (int j = 0; j < tds.getLength(); j++) {
					cells.add(tds.item(j).getTextContent().trim());
				}
				return cells;
			}
		}
		return null;
	}

	@Test
	void tinyReportShowsTheHandWorkedTable() throws Exception {
		Document doc = parse(HtmlReport.render(Samples.tiny(), ReportOptions.defaults()));
		Element table = byId(doc, "module-scope-table");
		assertNotNull(table);
		// 21,000 kWh × 0.381 kg/kWh = 8,001.0 kg in B6, scope 2
		assertEquals(List.of("B6 Operational energy use", "0.0", "8,001.0", "0.0", "8,001.0"), row(table, "B6"));
		// 2,000 kg × 1.91 kg/kg = 3,820.0 kg in A1, scope 3
		assertEquals(List.of("A1 Raw material supply", "0.0", "0.0", "3,820.0", "3,820.0"), row(table, "A1"));
		assertEquals("-500.0", row(table, "D").get(4));
		assertTrue(table.getTextContent().contains("11,821.0"), "total A1–C4 excludes D");
	}

	/** The measured-energy section: per meter its figures, a day chart and a state bar as inline SVG, problems listed. */
	@Test
	void measuredEnergySection() throws Exception {
		String html = HtmlReport.render(Samples.measured(), ReportOptions.defaults());
		Document doc = parse(html);
		assertNotNull(byId(doc, "measurements"));
		String text = doc.getDocumentElement().getTextContent();
		assertTrue(text.contains("demo.Cell.VMC1.VMC1_Main") && text.contains("812.5 kWh") && text.contains("97.0 %"), text);
		assertTrue(text.contains("25,000 kWh a year") && text.contains("not used (B6 declared)"), "B6 source per meter");
		assertTrue(text.contains("data/a.xml:12: value 'x' is not a number"));
		assertTrue(text.contains("stale: the source failed"));
		assertTrue(html.contains("max 130.5 kWh"), "the day chart is SVG with its scale written out");
		assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength() > 0 || html.contains("<svg"));
	}

	@Test
	void housingCellReportHasEverySectionWithTheRightFigures() throws Exception {
		FootprintResult r = Samples.housingCell();
		String html = HtmlReport.render(r, ReportOptions.defaults());
		Document doc = parse(html);
		Element table = byId(doc, "module-scope-table");
		double b6s2 = r.contributions().stream().filter(c -> c.module() == Module.B6 && c.scope() == Scope.SCOPE_2)
				.mapToDouble(c -> c.kgCO2e()).sum();
		assertEquals(String.format(Locale.ROOT, "%,.1f", b6s2), row(table, "B6").get(2));
		assertEquals(10, bodyRows(byId(doc, "top-contributions")), "ten top contributions");
		Element criteria = byId(doc, "criteria-matrix");
		String text = criteria.getTextContent();
		assertTrue(text.contains("PASS") && text.contains("FAIL") && text.contains("N/A"));
		assertTrue(text.contains("no thermal channels bound"), "evidence is shown");
		String factors = byId(doc, "factor-provenance").getTextContent();
		assertTrue(factors.contains("Ember via Our World in Data") && factors.contains("CC BY 4.0"));
		assertTrue(factors.contains("not recorded"), "a missing source is flagged");
		assertTrue(html.contains("P95") && html.contains("grid.CN.2023"), "uncertainty and drivers");
		assertTrue(html.contains("Natural gas factor has no recorded source"), "notes");
		assertEquals(r.contributions().size(), bodyRows(byId(doc, "all-contributions")));
		assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength() > 20, "inline SVG charts");
	}

	/** The cells' text of the table row carrying the given attribute value. */
	private static List<String> rowWith(Element table, String attribute, String value) {
		NodeList rows = table.getElementsByTagNameNS("*", "tr");
		for (int i = 0; i < rows.getLength(); i++) {
			Element tr = (Element) rows.item(i);
			if (value.equals(tr.getAttribute(attribute))) {
				List<String> cells = new ArrayList<>();
				NodeList tds = tr.getElementsByTagNameNS("*", "td");
				for (int j = 0; j < tds.getLength(); j++) {
					cells.add(tds.item(j).getTextContent().trim());
				}
				return cells;
			}
		}
		throw new AssertionError("no row with " + attribute + "=" + value);
	}

	/** Figures of {@link Samples#withEquipment()}, worked out there. */
	@Test
	void equipmentAllocationAndUtilitiesAreShown() throws Exception {
		Document doc = parse(HtmlReport.render(Samples.withEquipment(), ReportOptions.defaults()));
		List<String> vmc1 = rowWith(byId(doc, "equipment"), "data-element", "demo.HousingCell.VMC1");
		assertTrue(vmc1.get(0).startsWith("VMC1") && vmc1.get(0).contains("36,000 Nm3 of AirStation (40.0 %): 2,000.0"), vmc1.get(0));
		assertEquals(List.of("100,000.0", "2,000.0", "102,000.0"), vmc1.subList(1, 4));
		List<String> air = rowWith(byId(doc, "equipment"), "data-element", "demo.HousingCell.AirStation");
		assertEquals(List.of("5,000.0", "-2,000.0", "3,000.0"), air.subList(1, 4), "what stays with the utility: 5,000 - 2,000");
		List<String> milling = rowWith(byId(doc, "allocation"), "data-function", "Milling");
		// no instruments in this sample: the market-based figure is the location-based one
		assertEquals(List.of("Milling operations OP10", "", "2,400 h", "0.6000", "60,000.0", "60,000.0", "-300.0"), milling);
		assertTrue(byId(doc, "allocation").getTextContent().contains("allocation by hours for millturn"));
		List<String> utility = rowWith(byId(doc, "utilities"), "data-element", "demo.HousingCell.AirStation");
		assertEquals(List.of("90,000 Nm3", "20.0 %", "112,500 Nm3", "5,000.0"), utility.subList(1, 5));
		assertEquals("1,000.0", utility.get(6), "leaks: 20 % of 5,000");
	}

	@Test
	void aReportWithoutEquipmentHasNoEquipmentTables() throws Exception {
		Document doc = parse(HtmlReport.render(Samples.housingCell(), ReportOptions.defaults()));
		assertNull(byId(doc, "equipment"));
		assertNull(byId(doc, "allocation"));
		assertNull(byId(doc, "utilities"));
	}

	private static int bodyRows(Element table) {
		NodeList children = table.getElementsByTagNameNS("*", "tbody").item(0).getChildNodes();
		int n = 0;
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element e && e.getLocalName().equals("tr")) {
				n++;
			}
		}
		return n;
	}

	@Test
	void isSelfContainedAndDeterministic() {
		FootprintResult r = Samples.housingCell();
		String html = HtmlReport.render(r, ReportOptions.defaults());
		assertFalse(html.contains("<script"), "no scripts");
		assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resources");
		assertFalse(html.contains("<link"), "no external style sheets");
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.FRANCE);
			assertEquals(html, HtmlReport.render(Samples.shuffled(r), ReportOptions.defaults()));
		} finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void escapesModelText() throws Exception {
		FootprintResult tiny = Samples.tiny();
		FootprintResult evil = new FootprintResult(new FootprintResult.Subject("<script>alert(1)</script> & Co", "machine", null),
				tiny.methodology(), tiny.contributions(), tiny.functionalUnits(), tiny.scope2(), tiny.dataQuality(), null, List.of(),
				tiny.factors(), List.of(), List.of("a < b & c"));
		String html = HtmlReport.render(evil, ReportOptions.defaults());
		assertFalse(html.contains("<script>"));
		parse(html);
	}

	@Test
	void showsBothScope2FiguresTheGwpSplitInstrumentsAndFindings() throws Exception {
		String html = HtmlReport.render(Samples.accounting(30_000), ReportOptions.defaults());
		// location 58,700, market 18,600 + 500 = 19,100; scope 2 58,200 / 18,600
		assertTrue(html.contains("58,700.0 kg CO2e") || html.contains("<div class=\"sub\">58,700.0 kg CO2e</div>"), "location total");
		assertTrue(html.contains("<div class=\"sub\">19,100.0 kg CO2e</div>"), "market-based total");
		assertTrue(html.matches("(?s).*<tr id=\"scope2-location\">.*58,200\\.0.*<tr id=\"scope2-market\">.*18,600\\.0.*"), "both scope-2 rows");
		// the A1 row: fossil 400, biogenic emissions 1,600, removals −1,600, luluc 100, total 500, market 500
		assertTrue(html.contains("<td>A1 Raw material supply</td><td class=\"num\">400.0</td><td class=\"num\">1,600.0</td><td class=\"num\">-1,600.0</td>"
				+ "<td class=\"num\">100.0</td><td class=\"num\">500.0</td><td class=\"num\">500.0</td>"), "GWP split of A1");
		assertTrue(html.contains("<td>Total A1–C4</td><td class=\"num\">58,600.0</td>"), "fossil total 58,200 + 400");
		assertTrue(html.contains("id=\"gwp-defaulted\">1 of 2 contributions (58,200.0 kg CO2e of A1–C4)"), "the fossil default is noted");
		assertTrue(html.contains("<td>market-based</td><td>residual</td><td>demo.Plant</td><td class=\"num\">30,000.0</td><td class=\"num\">0.6200</td>"
				+ "<td class=\"num\">18,600.0</td>"), "the residual mix row");
		assertTrue(html.contains("<td class=\"fail\">error</td><td class=\"small\">overClaim</td>"), "the finding");
		assertTrue(html.contains("hours in processing: 2 machines × 4,000 h") && html.contains("<td>Air</td>"), "functional units with basis and element");
		parse(html);
	}
}
