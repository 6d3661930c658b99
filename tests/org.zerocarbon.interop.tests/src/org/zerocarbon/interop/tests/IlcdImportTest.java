package org.zerocarbon.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.interop.EpdDataset;
import org.zerocarbon.interop.EpdImport;
import org.zerocarbon.interop.EpdReader;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.ZcModel;

/** ILCD+EPD import of the two published sample datasets, checked against the files read with XPath. */
class IlcdImportTest {

	static final String GWP_TOTAL = "6a37f984-a4b3-458a-a20a-64418c145fa2";
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	static Map<String, EpdDataset.ModuleValue> byKey(EpdDataset epd) {
		Map<String, EpdDataset.ModuleValue> map = new HashMap<>();
		for (EpdDataset.ModuleValue m : epd.modules()) {
			map.put(m.module() + "|" + (m.scenario() == null ? "" : m.scenario()), m);
		}
		return map;
	}

	@Test
	void everyGwpTotalAmountOfTheA2ExampleIsImported() throws Exception {
		EpdDataset epd = EpdReader.read(Samples.V13, "epd-v1.3-example.xml", "1 m2", new ImportReport(), null).get(0);
		Map<String, Double> expected = Samples.amounts(Samples.V13, Samples.method(GWP_TOTAL));
		assertEquals(9, expected.size(), "the file has 9 GWP-total amounts");
		Map<String, EpdDataset.ModuleValue> actual = byKey(epd);
		assertEquals(expected.size(), actual.size());
		expected.forEach((key, value) -> assertEquals(value, actual.get(key).gwp(), 0, key));
		// by hand from the file: A4 has two transport scenarios, Gdansk is the default (epd:default="true")
		assertTrue(actual.get("A4|Transport to Gdansk").defaultScenario());
		assertFalse(actual.get("A4|Transport to Berlin").defaultScenario());
		assertTrue(actual.get("D|100% recycling").defaultScenario());
		assertEquals("57a4ae65-d305-421e-b21f-a3f0c35b8abe", epd.uuid());
		assertEquals("00.02.042", epd.version());
		assertEquals("Wood panel", epd.name());
		// expirationDateOfEPD (2024-05-08) wins over dataSetValidUntil (2025)
		assertEquals("2024-05-08", epd.validUntil());
		assertEquals("EN 15804+A2", epd.standard());
		assertEquals("The Swift® EPD Program", epd.operator());
		assertEquals("Christian Kind", epd.verifier());
		assertEquals(100.0, epd.serviceLifeYears());
		assertEquals("m2", epd.declaredUnit());
	}

	@Test
	void theSplitIsImportedOnlyWhereItAddsUp() throws Exception {
		// the example's figures are random: A1-A3 fossil 9.71 + biogenic 24.12 + luluc 40.61 = 74.44 ≠ total 15.56
		ImportReport report = new ImportReport();
		EpdDataset epd = EpdReader.read(Samples.V13, "v13.xml", "1 m2", report, null).get(0);
		EpdDataset.ModuleValue a1a3 = byKey(epd).get("A1-A3|");
		assertNull(a1a3.fossil());
		assertTrue(report.warnings().stream().anyMatch(w -> w.contains("does not add up")), report.warnings().toString());
		// 16 other indicators and 20 LCI exchanges are reported as ignored, not silently dropped
		assertTrue(report.ignored().stream().anyMatch(w -> w.contains("indicators other than GWP")), report.ignored().toString());
		assertTrue(report.ignored().stream().anyMatch(w -> w.contains("LCI exchanges")), report.ignored().toString());
	}

	@Test
	void theSdkSampleWhoseGwpHasNoUuidIsTakenByNameWithAWarning() throws Exception {
		ImportReport report = new ImportReport();
		EpdDataset epd = EpdReader.read(Samples.SDK, "sdk.xml", "1 kg", report, null).get(0);
		Map<String, Double> expected = Samples.amounts(Samples.SDK,
				"contains(p:referenceToLCIAMethodDataSet/common:shortDescription, 'GWP')");
		Map<String, EpdDataset.ModuleValue> actual = byKey(epd);
		assertEquals(5, expected.size());
		assertEquals(expected.size(), actual.size());
		expected.forEach((key, value) -> assertEquals(value, actual.get(key).gwp(), 0, key));
		// by hand: A1-A3 42; A4 Sc1 3 (default of group 1), Sc2 2; C3 S1 22, S2 7 (default of group 2)
		assertEquals(42, actual.get("A1-A3|").gwp());
		assertTrue(actual.get("A4|Sc1").defaultScenario());
		assertFalse(actual.get("C3|S1").defaultScenario());
		assertTrue(actual.get("C3|S2").defaultScenario());
		assertEquals("2010-12-31", epd.validUntil());
		assertTrue(report.warnings().stream().anyMatch(w -> w.contains("no method UUID")));
	}

	@Test
	void aSingleDatasetWithoutAUnitNeedsOne() {
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(Samples.V13, "v13.xml", null, new ImportReport(), null));
		assertTrue(e.getMessage().contains("--unit"), e.getMessage());
	}

	@Test
	void aPackageGivesTheDeclaredUnitThroughFlowPropertyAndUnitGroup() throws Exception {
		// the product flow is 2.5 m2 per flow unit (flow property mean value), and the exchange is 1.0 of it
		Path zip = Samples.v13Package(dir, "m^2", 2.5);
		EpdDataset epd = EpdReader.read(zip, "package.zip", null, new ImportReport(), null).get(0);
		assertEquals("m2", epd.declaredUnit());
		assertEquals(2.5, epd.declaredAmount());
		assertEquals("package.zip!/ILCD/processes/57a4ae65-d305-421e-b21f-a3f0c35b8abe.xml", epd.file());
	}

	@Test
	void aUnitThatDoesNotConvertIsRefused() throws Exception {
		Path zip = Samples.v13Package(dir, "furlong*fortnight", 1);
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(zip, "package.zip", null, new ImportReport(), null));
		assertTrue(e.getMessage().contains("does not convert"), e.getMessage());
	}

	@Test
	void anUnknownGwpUuidIsRefusedAndAModuleOutsideEn15804Too() throws Exception {
		String text = Files.readString(Samples.V13);
		Path unknown = dir.resolve("unknown.xml");
		Files.writeString(unknown, text.replace("refObjectId=\"" + GWP_TOTAL + "\"", "refObjectId=\"00000000-1111-2222-3333-444444444444\""));
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(unknown, "unknown.xml", "1 m2", new ImportReport(), null));
		assertTrue(e.getMessage().contains("unknown indicator UUID 00000000-1111-2222-3333-444444444444"), e.getMessage());
		assertTrue(e.line() > 800, "the line of the LCIA result: " + e.line());

		Path module = dir.resolve("module.xml");
		Files.writeString(module, text.replace("epd:module=\"A1-A3\">15.559479677163699", "epd:module=\"E1\">15.559479677163699"));
		e = assertThrows(InteropException.class, () -> EpdReader.read(module, "module.xml", "1 m2", new ImportReport(), null));
		assertTrue(e.getMessage().startsWith("module.xml:825: module 'E1'"), e.getMessage());
	}

	@Test
	void theImportWritesALibraryTheLanguageReads() throws Exception {
		Path library = dir.resolve("supplier-epds.zc");
		ImportReport report = EpdImport.run(Samples.V13, "epds/epd-v1.3-example.xml", library, "1 m2", CLOCK, null);
		assertEquals(List.of("WoodPanel"), report.added());
		assertTrue(report.warnings().stream().anyMatch(w -> w.contains("expired on 2024-05-08")));
		DeclaredProduct product = load(library).get(0);
		assertEquals("WoodPanel", product.getName());
		assertEquals("57a4ae65-d305-421e-b21f-a3f0c35b8abe", product.getEpd());
		assertEquals("epds/epd-v1.3-example.xml", product.getFile());
		Map<String, Double> expected = Samples.amounts(Samples.V13, Samples.method(GWP_TOTAL));
		assertEquals(expected.size(), product.getModules().size());
		for (DeclaredModule m : product.getModules()) {
			String key = m.getModule().getLiteral() + (m.isRange() ? "-" + m.getToModule().getLiteral() : "") + "|"
					+ (m.getScenario() == null ? "" : m.getScenario());
			assertEquals(expected.get(key), m.getValue().getValue().doubleValue(), 0, key);
			assertEquals("kgCO2e", m.getValue().getUnit());
		}
	}

	@Test
	void reimportReplacesTheProductAndKeepsEveryOtherByte() throws Exception {
		Path library = dir.resolve("lib.zc");
		String before = "// my library\nfactors Lib \"mine\" {\n\tmaterial factor Steel = 1.9 kgCO2e/kg\n";
		String after = "\tmaterial factor Copper = 3.8 kgCO2e/kg // keep me\n}\n// trailer\n";
		String old = "\tproduct MyPanel \"old\" per 1 m2 {\n\t\tmodule A1-A3 1 kgCO2e\n\t\tepd \"57a4ae65-d305-421e-b21f-a3f0c35b8abe\"\n\t}\n";
		Files.writeString(library, before + old + after);
		ImportReport report = EpdImport.run(Samples.V13, "v13.xml", library, "1 m2", CLOCK, null);
		assertEquals(List.of("MyPanel"), report.replaced());
		assertEquals(List.of(), report.added());
		String text = Files.readString(library);
		assertTrue(text.startsWith(before + "\tproduct MyPanel \"Wood panel\" per 1 m2 {\n"), text);
		assertTrue(text.endsWith("\t}\n" + after), text);
		assertEquals(1, load(library).size());
	}

	@Test
	void aLibraryThatDoesNotParseIsNotTouched() throws Exception {
		Path library = dir.resolve("broken.zc");
		String broken = "factors Lib {\n\tmaterial factor = \n";
		Files.writeString(library, broken);
		InteropException e = assertThrows(InteropException.class, () -> EpdImport.run(Samples.V13, "v13.xml", library, "1 m2", CLOCK, null));
		assertTrue(e.getMessage().contains("does not parse"), e.getMessage());
		assertEquals(broken, Files.readString(library));
		try (var files = Files.list(dir)) {
			assertEquals(1, files.count(), "no temporary file left behind");
		}
	}

	/** The products of a library file, loaded and validated by the language: no errors allowed. */
	static List<DeclaredProduct> load(Path library) {
		ModelValidation.Loaded loaded = ModelValidation.create().load(List.of(URI.createFileURI(library.toString())), () -> false);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		assertEquals(List.of(), errors, () -> {
			try {
				return Files.readString(library);
			} catch (java.io.IOException e) {
				return e.toString();
			}
		});
		ZcModel model = (ZcModel) loaded.resourceSet().getResources().get(0).getContents().get(0);
		return model.getElements().stream().filter(FactorLibrary.class::isInstance).map(FactorLibrary.class::cast)
				.flatMap(l -> l.getProducts().stream()).toList();
	}
}
