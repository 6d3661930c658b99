package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.report.CsvReport;

class CsvReportTest {

	private static List<CSVRecord> parse(String csv) throws IOException {
		return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
	}

	@Test
	void moduleTableHasOneRowPerModuleAndATotalThatSums() throws IOException {
		FootprintResult r = Samples.housingCell();
		List<CSVRecord> rows = parse(CsvReport.moduleTable(r));
		// A1 A2 A3 A4 A5 B2 B3 B4 B5 B6 C1 C2 C3 C4 D + TOTAL
		assertEquals(16, rows.size());
		assertEquals("A1", rows.get(0).get("module"));
		assertEquals("D", rows.get(14).get("module"));
		CSVRecord total = rows.get(15);
		assertEquals(CsvReport.TOTAL_ROW, total.get("module"));
		double sum = 0;
		double s2 = 0;
		for (CSVRecord row : rows.subList(0, 14)) {
			sum += Double.parseDouble(row.get("total_kgCO2e"));
			s2 += Double.parseDouble(row.get("scope2_kgCO2e"));
			double cells = Double.parseDouble(row.get("scope1_kgCO2e")) + Double.parseDouble(row.get("scope2_kgCO2e"))
					+ Double.parseDouble(row.get("scope3_kgCO2e"));
			assertEquals(Double.parseDouble(row.get("total_kgCO2e")), cells, 0.002, row.get("module") + ": scopes add up to the row total");
		}
		assertEquals(Double.parseDouble(total.get("total_kgCO2e")), sum, 0.01, "module rows (D excluded) add up to TOTAL");
		assertEquals(r.total(), Double.parseDouble(total.get("total_kgCO2e")), 0.0005);
		assertEquals(s2, Double.parseDouble(total.get("scope2_kgCO2e")), 0.01);
		assertEquals(r.moduleD(), Double.parseDouble(rows.get(14).get("total_kgCO2e")), 0.0005);
	}

	/**
	 * Rows per machine, per function and per utility. By hand (see {@link Samples#withEquipment}): the total column
	 * adds up to what the equipment counts in the line: VMC1 102,000 + TC1 100,000 + AirStation 5,000 − 2,000 allocated
	 * to VMC1 = 205,000; TC1's functions 60,000 + 40,000 = its 100,000.
	 */
	@Test
	void equipmentHasMachinesFunctionsAndUtilities() throws IOException {
		String csv = CsvReport.equipment(Samples.withEquipment());
		List<CSVRecord> rows = parse(csv);
		assertEquals(List.of("AirStation", "TC1", "TC1", "TC1", "VMC1"),
				rows.stream().map(r -> r.get("element").substring("demo.HousingCell.".length())).toList());
		assertEquals(List.of("utility", "machine", "function", "function", "machine"), rows.stream().map(r -> r.get("kind")).toList());
		double machinesAndUtilities = 0;
		for (CSVRecord row : rows) {
			if (!row.get("kind").equals("function")) {
				machinesAndUtilities += Double.parseDouble(row.get("total_kgCO2e"));
			}
		}
		assertEquals(205_000, machinesAndUtilities, 1e-9);
		assertEquals("-2000", rows.get(0).get("utilities_kgCO2e"), "the utility's allocated part is shown as leaving it");
		CSVRecord milling = rows.get(2);
		assertEquals("Milling", milling.get("function"));
		assertEquals("allocation by hours for millturn", milling.get("allocation_rule"));
		assertEquals("2400", milling.get("basis_amount"));
		assertEquals("h", milling.get("basis_unit"));
		assertEquals("0.6", milling.get("allocation_factor"));
		assertEquals("60000", milling.get("total_kgCO2e"));
		assertEquals(csv, CsvReport.equipment(Samples.shuffled(Samples.withEquipment())), "deterministic");
		assertEquals(String.join(",", CsvReport.EQUIPMENT_HEADER) + "\n", CsvReport.equipment(Samples.housingCell()), "a header only without equipment");
	}

	@Test
	void tinyTableHasTheHandWorkedFigures() throws IOException {
		String csv = CsvReport.moduleTable(Samples.tiny());
		// without a declared split everything is GWP-fossil; without instruments market-based = location-based
		assertEquals(String.join("\n", "module,title,stage,scope1_kgCO2e,scope2_kgCO2e,scope3_kgCO2e,total_kgCO2e,scope2_market_kgCO2e,"
				+ "total_market_kgCO2e,gwp_fossil_kgCO2e,gwp_biogenic_emissions_kgCO2e,gwp_biogenic_removals_kgCO2e,gwp_luluc_kgCO2e",
				"A1,Raw material supply,PRODUCT,0.000,0.000,3820.000,3820.000,0.000,3820.000,3820.000,0.000,0.000,0.000",
				"B6,Operational energy use,USE,0.000,8001.000,0.000,8001.000,8001.000,8001.000,8001.000,0.000,0.000,0.000",
				"D,Benefits and loads beyond the system boundary,BEYOND,0.000,0.000,-500.000,-500.000,0.000,-500.000,-500.000,0.000,0.000,0.000",
				"TOTAL,Total A1-C4 (module D excluded),,0.000,8001.000,3820.000,11821.000,8001.000,11821.000,11821.000,0.000,0.000,0.000", ""),
				csv);
	}

	@Test
	void theModuleTableHasBothScope2FiguresAndTheGwpSplit() {
		// Samples.accounting(30,000): B6 58,200 location, 18,600 market (30,000 kWh residual × 0.62); A1 timber 500 =
		// fossil 400 + biogenic 1,600 − 1,600 + luluc 100
		assertEquals(String.join("\n", String.join(",", CsvReport.TABLE_HEADER),
				"A1,Raw material supply,PRODUCT,0.000,0.000,500.000,500.000,0.000,500.000,400.000,1600.000,-1600.000,100.000",
				"B6,Operational energy use,USE,0.000,58200.000,0.000,58200.000,18600.000,18600.000,58200.000,0.000,0.000,0.000",
				"TOTAL,Total A1-C4 (module D excluded),,0.000,58200.000,500.000,58700.000,18600.000,19100.000,58600.000,1600.000,-1600.000,100.000",
				""), CsvReport.moduleTable(Samples.accounting(30_000)));
	}

	@Test
	void instrumentsAndFindingsHaveTheirOwnTables() {
		assertEquals(String.join("\n", String.join(",", CsvReport.INSTRUMENTS_HEADER),
				"location,location:grid,demo.Plant,100000,0.582,58200,grid average of site Plant,",
				"market,ppa,demo.Plant.WindPPA,40000,0,0,\"PPA, 40,000 kWh of the line's 100,000\",",
				"market,certificate,demo.Plant.GEC2025,30000,0,0,\"retired, tracking IREC-1\",",
				"market,residual,demo.Plant,30000,0.62,18600,residual mix CN_RESIDUAL_2023 for the rest,", ""),
				CsvReport.instruments(Samples.accounting(30_000)));
		String findings = CsvReport.findings(Samples.accounting(30_000));
		assertTrue(findings.startsWith("severity,code,element,message,element_uri\nerror,overClaim,demo.Plant.GEC2025,"), findings);
	}

	@Test
	void contributionsAreAllThereLosslessAndInCanonicalOrder() throws IOException {
		FootprintResult r = Samples.housingCell();
		String csv = CsvReport.contributions(r);
		List<CSVRecord> rows = parse(csv);
		assertEquals(r.contributions().size(), rows.size());
		double sum = 0;
		for (CSVRecord row : rows) {
			if (!row.get("module").equals(Module.D.name())) {
				sum += Double.parseDouble(row.get("kgCO2e"));
			}
		}
		assertEquals(r.total(), sum, 1e-6);
		assertEquals("A1", rows.get(0).get("module"));
		assertEquals("D", rows.get(rows.size() - 1).get("module"));
		assertTrue(rows.stream().anyMatch(row -> row.get("factor").isEmpty() && row.get("description").contains("EPD")), "declared values have no factor");
		assertEquals(csv, CsvReport.contributions(Samples.shuffled(r)), "deterministic");
	}
}
