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
		assertEquals(String.join("\n", "module,title,stage,scope1_kgCO2e,scope2_kgCO2e,scope3_kgCO2e,total_kgCO2e",
				"A1,Raw material supply,PRODUCT,0.000,0.000,3820.000,3820.000", "B6,Operational energy use,USE,0.000,8001.000,0.000,8001.000",
				"D,Benefits and loads beyond the system boundary,BEYOND,0.000,0.000,-500.000,-500.000",
				"TOTAL,Total A1-C4 (module D excluded),,0.000,8001.000,3820.000,11821.000", ""), csv);
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
