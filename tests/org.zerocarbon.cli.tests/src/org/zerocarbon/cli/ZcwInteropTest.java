package org.zerocarbon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zcw export-epd, import-epd, export-olca and import-olca on the line of ZcwEngineCommandsTest. */
class ZcwInteropTest {

	/** The test methodology with a functional unit of one machine. */
	static final String METHODOLOGY = ZcwEngineCommandsTest.METHODOLOGY.replace("functional unit MH machineHour",
			"functional unit MH machineHour\n\tfunctional unit One machine");

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Zcw zcw;

	@BeforeEach
	void setUp() throws IOException {
		zcw = new Zcw(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
		Files.createDirectories(dir.resolve("model"));
		Files.writeString(dir.resolve("model/factors.zc"), ZcwEngineCommandsTest.FACTORS);
		Files.writeString(dir.resolve("model/methodology.zc"), METHODOLOGY);
		Files.writeString(dir.resolve("model/line.zc"), ZcwEngineCommandsTest.LINE);
	}

	@Test
	void anExportedEpdImportsIntoALibraryThatValidates() throws IOException {
		assertEquals(Zcw.OK, zcw.run("export-epd", "model", "--subject", "L", "--out", "out/l-epd.zip", "--iterations", "0", "--quiet"), err::toString);
		assertTrue(out.toString().contains("wrote out/l-epd.zip"), out::toString);
		assertEquals(Zcw.OK, zcw.run("import-epd", "out/l-epd.zip", "--into", "lib/epds.zc"), err::toString);
		String library = Files.readString(dir.resolve("lib/epds.zc"));
		// one machine: A1 1000 kg x 2 = 2000; B6 8 kW mean x 4000 h x 10 a x 0.5 = 160000 (ZcwEngineCommandsTest)
		assertTrue(library.contains("per 1 pcs"), library);
		assertTrue(library.contains("module A1 2000 kgCO2e"), library);
		assertTrue(library.contains("module B6 160000 kgCO2e"), library);
		out.reset();
		assertEquals(Zcw.OK, zcw.run("validate", "lib"), out::toString);
	}

	@Test
	void aFileThatCannotBeMappedIsReportedWithItsLine() throws IOException {
		Files.writeString(dir.resolve("bad.xml"), "<processDataSet>\n<oops>\n</processDataSet>\n");
		assertEquals(Zcw.PROBLEMS, zcw.run("import-epd", "bad.xml", "--into", "lib.zc", "--unit", "1 kg"));
		assertTrue(err.toString().startsWith("bad.xml:3: error: "), err::toString);
		assertTrue(Files.notExists(dir.resolve("lib.zc")));
	}

	@Test
	void anOpenLcaExportHasTheSchemaVersionAndReimportsAsProcesses() throws IOException {
		assertEquals(Zcw.OK, zcw.run("export-olca", "model", "--subject", "t.L", "--out", "l-olca.zip", "--iterations", "0", "--quiet"),
				err::toString);
		try (ZipFile zip = new ZipFile(dir.resolve("l-olca.zip").toFile())) {
			assertTrue(zip.getEntry("olca-schema.json") != null);
		}
		assertEquals(Zcw.OK, zcw.run("import-olca", "l-olca.zip", "--into", "lib/olca.zc"), err::toString);
		out.reset();
		assertEquals(Zcw.OK, zcw.run("validate", "lib/olca.zc"), out::toString);
	}

	@Test
	void anImportedEpdCountsInTheFootprint() throws IOException {
		Files.writeString(dir.resolve("guide.json"), """
				{"id": "guide-1", "name": "Linear guide", "declared_unit": {"qty": 1, "unit": "kg"},
				 "impacts": {"EF 3.0": {"gwp": {"A1A2A3": {"mean": 2, "unit": "kgCO2e"}, "C3": {"mean": 0.1, "unit": "kgCO2e"}}}}}
				""");
		assertEquals(Zcw.OK, zcw.run("import-epd", "guide.json", "--into", "model/epds.zc"), err::toString);
		Files.writeString(dir.resolve("model/line.zc"), ZcwEngineCommandsTest.LINE.replace("subassembly Frame { material 1000 kg factor t.Steel }",
				"subassembly Frame { material 1000 kg factor t.Steel }\n\t\tsubassembly Guides { declared 100 kg epd Epds.LinearGuide }"));
		assertEquals(Zcw.OK, zcw.run("export-epd", "model", "--subject", "L", "--out", "l.zip", "--iterations", "0", "--quiet"),
				() -> out + "\n" + err);
		assertEquals(Zcw.OK, zcw.run("import-epd", "l.zip", "--into", "back.zc"), err::toString);
		String library = Files.readString(dir.resolve("back.zc"));
		// A1: steel 2000 + guides 100 kg x 2 kgCO2e/kg (A1-A3, reported in A1) = 2200; the EPD's C3 (100 kg x 0.1 = 10)
		// is outside the test methodology's boundary (it declares modules A1 and B6 only), so it is not counted
		assertTrue(library.contains("module A1 2200 kgCO2e"), library);
		assertTrue(!library.contains("module C3"), library);
	}

	@Test
	void exportNeedsASubject() {
		assertEquals(Zcw.USAGE, zcw.run("export-epd", "model", "--out", "x.xml"));
		assertTrue(err.toString().contains("--subject"), err::toString);
	}
}
