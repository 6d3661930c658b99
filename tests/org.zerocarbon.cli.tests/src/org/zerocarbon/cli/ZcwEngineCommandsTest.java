package org.zerocarbon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** zcw report, check and diff as a CI job uses them. */
class ZcwEngineCommandsTest {

	static final String FACTORS = """
			package t
			factors F {
				grid factor G "test grid" = 500 gCO2e/kWh { region "XX" }
				material factor Steel "test steel" = 2 kgCO2e/kg
			}
			""";

	static final String METHODOLOGY = """
			package t
			methodology Meth "test methodology" {
				version "1"
				title "Test"
				module A1 required in scope3
				module B6 required in scope2
				functional unit MH machineHour
			}
			criteria Rules "test rules" {
				reference "test"
				criterion Metered {
					severity error
					clause "test clause 1"
					message "The machine has no meter"
					check every Machine m satisfies some Meter x in m.meters satisfies x.scope = machine
				}
			}
			""";

	/** A1: 1000 kg x 2 = 2,000; B6: 8 kW mean x 4000 h x 10 a x 0.5 kg/kWh = 160,000; total 162,000. */
	static final String LINE = """
			package t
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine M vmc {
					rated 20 kW
					state standby 2 kW for 25 %
					state processing 10 kW for 75 %
					subassembly Frame { material 1000 kg factor t.Steel }
				}
			}
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Zcw zcw;

	@BeforeEach
	void setUp() {
		zcw = new Zcw(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
	}

	@Test
	void reportWritesTheFormatsAndPrintsTheTotal() throws IOException {
		model("m", LINE);

		run(Zcw.OK, "report", "m", "--format", "json,csv,html", "--out", "out", "--iterations", "0");

		assertTrue(Files.isRegularFile(dir.resolve("out/t.L.json")), out());
		assertTrue(Files.isRegularFile(dir.resolve("out/t.L.html")), out());
		String html = Files.readString(dir.resolve("out/t.L.html"));
		assertTrue(html.contains("id=\"diagram\"") && html.contains("<svg"), "the HTML report shows the line diagram");
		assertTrue(Files.list(dir.resolve("out")).anyMatch(p -> p.toString().endsWith(".csv")), out());
		// 162,000 kg over 40,000 machine-hours = 4.05 kg per machine-hour; no instrument: market-based = location-based,
		// scope 2 = B6 = 160,000 both ways
		assertTrue(out().contains("t.L: 162,000 kg CO2e (modules A-C), 162,000 kg CO2e market-based, scope 2 160,000 location-based / "
				+ "160,000 market-based, 4.050 kg CO2e per MH"), out());
	}

	@Test
	void formatAllWritesEveryFormatIncludingAReadablePdf() throws IOException {
		model("m", LINE);

		run(Zcw.OK, "report", "m", "--format", "all", "--out", "out", "--iterations", "0");

		for (String file : new String[] { "t.L.json", "t.L.html", "t.L-modules.csv", "t.L-contributions.csv", "t.L.pdf" }) {
			assertTrue(Files.isRegularFile(dir.resolve("out").resolve(file)), file + " in " + out());
		}
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(dir.resolve("out/t.L.pdf").toFile())) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
			// the title page names the line; its text is real text, so a reader can search and copy it
			assertTrue(text.contains("Carbon footprint of t.L"), text.substring(0, Math.min(400, text.length())));
			assertTrue(pdf.getNumberOfPages() >= 2, "a title page and the report");
		}
	}

	@Test
	void unknownFormatIsAUsageError() throws IOException {
		model("m", LINE);

		run(Zcw.USAGE, "report", "m", "--format", "json,docx", "--out", "out");

		assertTrue(err().contains("unknown report format 'docx' (use json, csv, html, pdf or all)"), err());
		assertFalse(Files.exists(dir.resolve("out")), "nothing written");
	}

	/**
	 * A mill-turn with a shared air station, end to end into the JSON and CSV reports. By hand (grid 0.5 kg/kWh,
	 * 40,000 h over the life): M own 162,000 (see LINE); Air 50 MWh a year x 10 a x 0.5 = 250,000, all of it drawn
	 * by M (the only machine): M 412,000; split by hours 3000 / 1000: Milling 0.75 x 412,000 = 309,000, Turning
	 * 103,000. Line total 412,000.
	 */
	@Test
	void reportCarriesTheEquipmentBreakdown() throws IOException {
		Path root = model("m", LINE.replace("machine M vmc {", "machine M millturn {").replace("subassembly Frame",
				"function Milling { hours 3000 h }\n\t\t\tfunction Turning { hours 1000 h }\n\t\t\tsubassembly Frame")
				.replace("\n\t}\n}", "\n\t}\n\tutility Air compressedAir { electricity 50 MWh per year leaks 10 % supplies M 20 Nm3/h }\n}"));
		Files.writeString(root.resolve("methodology.zc"), METHODOLOGY.replace("functional unit MH machineHour",
				"functional unit MH machineHour\n\tallocation by hours for millturn"));

		run(Zcw.OK, "report", "m", "--format", "json,csv", "--out", "out", "--iterations", "0");

		assertTrue(out().contains("t.L: 412,000 kg CO2e (modules A-C)"), out());
		String json = Files.readString(dir.resolve("out/t.L.json"));
		assertTrue(json.contains("\"schema\": \"zerocarbon-footprint-4\""), json);
		assertTrue(json.contains("\"rule\": \"allocation by hours for millturn\""), json);
		assertTrue(json.contains("\"kgCO2e\": 309000"), json);
		assertTrue(json.contains("\"kgCO2e\": 103000"), json);
		assertTrue(json.contains("\"utilitiesKgCO2e\": 250000"), json);
		String csv = Files.readString(dir.resolve("out/t.L-equipment.csv"));
		assertTrue(csv.contains("t.L.M,function,Milling,allocation by hours for millturn,3000,h,0.75,,,309000,0"), csv);
		assertTrue(csv.contains("t.L.Air,utility,,,,,,250000,-250000,0,0"), csv);
	}

	/**
	 * The machine uses 8 kW × 4,000 h = 32,000 kWh a year; a certificate of 100 MWh claims 68,000 kWh more than that:
	 * an error finding of the calculation, printed at the certificate's line, which fails the run. The certificates
	 * cover all of the electricity, so the market-based B6 is 0 and the market-based total is A1's 2,000 kg.
	 */
	@Test
	void aFindingIsPrintedAtItsElementsLineAndAnErrorFailsTheRun() throws IOException {
		model("m", LINE.replace("site S { region \"XX\" grid t.G }", """
				site S {
					region "XX"
					grid t.G
					certificate Cert1 irec "test certificate" 100 MWh vintage 2025 market "XX" tracking "T-1" retired
				}"""));

		run(Zcw.PROBLEMS, "report", "m", "--format", "json", "--out", "out", "--iterations", "0");

		assertTrue(out().lines().anyMatch(l -> l.matches("m/line.zc:5(:\\d+)?: error: .*") && l.endsWith("[org.zerocarbon.accounting.overClaim]")), out());
		assertTrue(out().contains("t.L: 162,000 kg CO2e (modules A-C), 2,000 kg CO2e market-based"), out());
		assertTrue(Files.isRegularFile(dir.resolve("out/t.L.json")), "the reports are written all the same");
	}

	@Test
	void reportOfBrokenModelsWritesNothingAndFails() throws IOException {
		model("m", LINE.replace("rated 20 kW", "rated 20 kWh"));

		run(Zcw.PROBLEMS, "report", "m", "--out", "out");

		assertFalse(Files.exists(dir.resolve("out")));
		assertTrue(out().contains("m/line.zc:7:"), out());
		assertTrue(err().contains("the models have errors"), err());
	}

	@Test
	void checkFailsOnAnUnmetErrorCriterionAndPointsAtTheMachine() throws IOException {
		model("m", LINE);

		run(Zcw.PROBLEMS, "check", "m");

		assertTrue(out().contains("FAIL error   Rules.Metered: The machine has no meter (1 of 1)"), out());
		assertTrue(out().contains("m/line.zc:6: t.L.M"), out()); // the machine starts on line 6
		assertTrue(out().contains("1 criterion: 0 passed, 1 failed (1 error, 0 warnings), 0 not applicable"), out());
	}

	@Test
	void checkPassesWhenTheMeterIsThere() throws IOException {
		model("m", LINE.replace("subassembly Frame", "meter Main machine every 1 s\n\t\t\tsubassembly Frame"));
		run(Zcw.OK, "check", "m");
		assertTrue(out().contains("PASS error   Rules.Metered: 1 of 1 satisfied"), out());
	}

	@Test
	void checkOfModelsWithoutCriteriaPassesAndSaysSo() throws IOException {
		// a CI step on a factor library alone must not fail: there is nothing to check (issue 17)
		Path root = dir.resolve("lib");
		Files.createDirectories(root);
		Files.writeString(root.resolve("factors.zc"), FACTORS);
		run(Zcw.OK, "check", "lib");
		assertTrue(out().contains("No criteria among the model files: nothing to check."), out());
	}

	@Test
	void reportSaysMonteCarloOnlyWhenAnInputIsUncertain() throws IOException {
		// the test factors declare no uncertainty: the engine simulates nothing, so the progress line must not claim it
		model("m", LINE);
		zcw.run("report", "m", "--format", "json", "--out", "out");
		assertTrue(err().contains("Computing the footprint of t.L") || out().contains("Computing the footprint of t.L"), err() + out());
		assertFalse((err() + out()).contains("Monte Carlo"), err() + out());
	}

	@Test
	void diffExplainsAFactorChangeAndGatesOnIncrease() throws IOException {
		model("old", LINE);
		Path newer = model("new", LINE);
		Files.writeString(newer.resolve("factors.zc"), FACTORS.replace("500 gCO2e/kWh", "550 gCO2e/kWh"));

		run(Zcw.OK, "diff", "old", "new", "--iterations", "0");
		// B6 grows by 10 %: 160,000 -> 176,000; total 162,000 -> 178,000
		assertTrue(out().contains("t.G"), out());
		assertTrue(out().contains("178,000") || out().contains("178000"), out());

		out.reset();
		run(Zcw.PROBLEMS, "diff", "old", "new", "--iterations", "0", "--max-increase", "5");
		assertTrue(err().contains("grew by 9.88 %"), err()); // 16,000 / 162,000 = 9.877 %
	}

	@Test
	void anAllocationBasisTheFunctionsLackIsAnErrorAtTheFunctionsLine() throws IOException {
		Path root = model("m", LINE.replace("machine M vmc {", "machine M millturn {").replace("subassembly Frame",
				"function Milling { hours 2400 h }\n\t\t\tfunction Turning { hours 1600 h }\n\t\t\tsubassembly Frame"));
		Files.writeString(root.resolve("methodology.zc"), METHODOLOGY.replace("functional unit MH machineHour",
				"functional unit MH machineHour\n\tallocation by mass for millturn"));

		run(Zcw.PROBLEMS, "report", "m", "--out", "out", "--iterations", "0");

		// the function Milling is on line 10 of line.zc
		assertTrue(err().contains("m/line.zc:10:1: error: The methodology allocates machine M by mass"), err());
		assertTrue(err().contains("function Milling declares no mass"), err());
	}

	@Test
	void unknownMethodologyNamesTheAvailableOnes() throws IOException {
		model("m", LINE);
		run(Zcw.PROBLEMS, "report", "m", "--methodology", "Nope", "--iterations", "0");
		assertTrue(err().contains("No methodology 'Nope' among the model files (available: t.Meth, t.Rules)"), err());
	}

	private void run(int expectedExitCode, String... args) {
		int code = zcw.run(args);
		assertEquals(expectedExitCode, code, () -> "exit code of zcw " + String.join(" ", args) + "\nout:\n" + out() + "\nerr:\n" + err());
	}

	private Path model(String folder, String line) throws IOException {
		Path root = dir.resolve(folder);
		Files.createDirectories(root);
		Files.writeString(root.resolve("factors.zc"), FACTORS);
		Files.writeString(root.resolve("methodology.zc"), METHODOLOGY);
		Files.writeString(root.resolve("line.zc"), line);
		return root;
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
