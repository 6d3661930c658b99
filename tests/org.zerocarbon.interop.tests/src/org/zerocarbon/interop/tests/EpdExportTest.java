package org.zerocarbon.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.interop.EpdDataset;
import org.zerocarbon.interop.EpdImport;
import org.zerocarbon.interop.EpdReader;
import org.zerocarbon.interop.IlcdEpdWriter;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;

/** A machine's EPD: export → import gives the same figures. */
class EpdExportTest {

	@TempDir
	Path dir;

	@Test
	void perMachineRoundTrip() throws Exception {
		FootprintResult line = Footprints.line();
		IlcdEpdWriter.Declared declared = IlcdEpdWriter.declared(line, null);
		assertEquals("machine", declared.name());
		Path zip = dir.resolve("cell-epd.zip");
		IlcdEpdWriter.write(line, declared, zip, IlcdImportTest.CLOCK);
		EpdDataset epd = EpdReader.read(zip, "cell-epd.zip", null, new ImportReport(), null).get(0);
		assertEquals("pcs", epd.declaredUnit());
		assertEquals(1, epd.declaredAmount());
		assertEquals(10.0, epd.serviceLifeYears());
		assertEquals("EN 15804+A2", epd.standard());
		Map<String, EpdDataset.ModuleValue> modules = new HashMap<>();
		epd.modules().forEach(m -> modules.put(m.module(), m));
		// per machine, by hand (see Footprints): A1 (1900 + 1000) / 2 = 1450, fossil (1800 + 1000) / 2 = 1400,
		// biogenic 30, luluc 20; A4 100; B6 20000 (fossil 19500, biogenic 500); C3 15; D -900
		assertEquals(List.of("A1", "A4", "B6", "C3", "D"), epd.modules().stream().map(EpdDataset.ModuleValue::module).toList());
		assertEquals(1450, modules.get("A1").gwp(), 1e-9);
		assertEquals(1400, modules.get("A1").fossil(), 1e-9);
		assertEquals(30, modules.get("A1").biogenic(), 1e-9);
		assertEquals(20, modules.get("A1").luluc(), 1e-9);
		assertEquals(100, modules.get("A4").gwp(), 1e-9);
		assertEquals(20000, modules.get("B6").gwp(), 1e-9);
		assertEquals(500, modules.get("B6").biogenic(), 1e-9);
		assertEquals(15, modules.get("C3").gwp(), 1e-9);
		assertEquals(-900, modules.get("D").gwp(), 1e-9);
	}

	@Test
	void perMachineHourIntoALibraryAndBack() throws Exception {
		FootprintResult line = Footprints.line();
		IlcdEpdWriter.Declared declared = IlcdEpdWriter.declared(line, "machineHour");
		assertEquals("h", declared.unit());
		Path zip = dir.resolve("cell-epd.zip");
		IlcdEpdWriter.write(line, declared, zip, IlcdImportTest.CLOCK);
		Path library = dir.resolve("lib.zc");
		EpdImport.run(zip, "cell-epd.zip", library, null, IlcdImportTest.CLOCK, null);
		DeclaredProduct product = IlcdImportTest.load(library).get(0);
		assertEquals("h", product.getPer().getUnit());
		// B6 per machine-hour: 40000 / 80000 = 0.5 kg CO2e
		DeclaredModule b6 = product.getModules().stream().filter(m -> m.getModule().getLiteral().equals("B6")).findFirst().orElseThrow();
		assertEquals(0.5, b6.getValue().getValue().doubleValue(), 1e-12);
		// re-export is stable: the same UUID
		assertEquals(IlcdEpdWriter.uuid("epd:demo.Cell:machineHour"), product.getEpd());
	}

	@Test
	void theXmlAloneIsTheProcessDataset() throws Exception {
		Path xml = dir.resolve("cell.xml");
		IlcdEpdWriter.write(Footprints.line(), IlcdEpdWriter.declared(Footprints.line(), "machine"), xml, IlcdImportTest.CLOCK);
		String text = Files.readString(xml);
		assertTrue(text.contains("refObjectId=\"6a37f984-a4b3-458a-a20a-64418c145fa2\""), text);
		// the XPath reading of the test (not the importer) finds A1 = 1450 under GWP-total
		assertEquals(1450, Samples.amounts(xml, Samples.method("6a37f984-a4b3-458a-a20a-64418c145fa2")).get("A1|"), 1e-9);
		EpdDataset epd = EpdReader.read(xml, "cell.xml", "1 pcs", new ImportReport(), null).get(0);
		assertEquals(5, epd.modules().size());
	}
}
