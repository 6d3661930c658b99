package org.zerocarbon.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.interop.EpdDataset;
import org.zerocarbon.interop.EpdImport;
import org.zerocarbon.interop.EpdReader;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;

/** openEPD documents: impacts by method, indicator and scope; rsd as a lognormal gsd. */
class OpenEpdImportTest {

	@TempDir
	Path dir;

	static final String EPD = """
			{
			  "id": "ec3abcde12",
			  "name": "Grey iron casting EN-GJL-250",
			  "version": "3",
			  "declared_unit": {"qty": 1, "unit": "t"},
			  "date_validity_ends": "2027-05-31",
			  "program_operator": {"name": "IBU"},
			  "third_party_verifier": {"name": "Dr. X"},
			  "impacts": {
			    "TRACI 2.1": {"gwp": {"A1A2A3": {"mean": 1900, "unit": "kgCO2e"}}},
			    "EF 3.0": {
			      "gwp": {"A1A2A3": {"mean": 1.92, "unit": "t CO2e", "rsd": 0.1}, "A4": {"mean": 50, "unit": "kgCO2e"},
			              "C1C2C3C4": {"mean": 30, "unit": "kgCO2e"}},
			      "gwp-fossil": {"A1A2A3": {"mean": 1880, "unit": "kgCO2e"}},
			      "gwp-biogenic": {"A1A2A3": {"mean": 20, "unit": "kgCO2e"}},
			      "gwp-luluc": {"A1A2A3": {"mean": 20, "unit": "kgCO2e"}},
			      "ap": {"A1A2A3": {"mean": 3, "unit": "kgSO2e"}}
			    }
			  }
			}
			""";

	@Test
	void impactsOfOneMethodWithSplitAndUncertainty() throws Exception {
		Path file = dir.resolve("casting.json");
		Files.writeString(file, EPD);
		ImportReport report = new ImportReport();
		EpdDataset epd = EpdReader.read(file, "casting.json", null, report, null).get(0);
		assertEquals("t", epd.declaredUnit());
		assertEquals(3, epd.modules().size());
		EpdDataset.ModuleValue a1a3 = epd.modules().get(0);
		assertEquals("A1-A3", a1a3.module());
		// 1.92 t CO2e = 1920 kg CO2e; the split 1880 + 20 + 20 = 1920 adds up
		assertEquals(1920, a1a3.gwp(), 1e-9);
		assertEquals(1880, a1a3.fossil());
		// rsd 0.1: sigma = sqrt(ln(1 + 0.01)) = sqrt(0.0099503) = 0.099751; gsd = e^0.099751 = 1.10490
		assertEquals(1.10490, a1a3.gsd(), 1e-5);
		assertEquals("C1-C4", epd.modules().get(2).module());
		assertNull(epd.modules().get(1).gsd());
		assertEquals("2027-05-31", epd.validUntil());
		assertEquals("IBU", epd.operator());
		assertTrue(report.ignored().stream().anyMatch(s -> s.contains("TRACI 2.1")), report.ignored().toString());
		assertTrue(report.ignored().stream().anyMatch(s -> s.contains("ap")), report.ignored().toString());
	}

	@Test
	void theLibraryHasTheUncertainty() throws Exception {
		Path file = dir.resolve("casting.json");
		Files.writeString(file, "[" + EPD + "]");
		Path library = dir.resolve("lib.zc");
		EpdImport.run(file, "casting.json", library, null, IlcdImportTest.CLOCK, null);
		List<DeclaredProduct> products = IlcdImportTest.load(library);
		assertEquals("GreyIronCastingENGJL250", products.get(0).getName());
		DeclaredModule a1a3 = products.get(0).getModules().get(0);
		assertEquals(1.105, a1a3.getUncertainty().getGsd().doubleValue(), 1e-9);
		assertEquals(1880, a1a3.getSplit().getFossil().getValue().doubleValue(), 0);
	}

	@Test
	void anUnknownScopeIsRefused() throws Exception {
		Path file = dir.resolve("bad.json");
		Files.writeString(file, EPD.replace("\"A4\"", "\"E7\""));
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(file, "bad.json", null, new ImportReport(), null));
		assertTrue(e.getMessage().contains("scope 'E7'"), e.getMessage());
	}
}
