package org.zerocarbon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code zcw report --scenarios}: the comparison files and the summary, on a line whose figures are worked out by hand.
 * <p>
 * Baseline (see {@link ZcwEngineCommandsTest#LINE}): A1 1,000 kg × 2 = 2,000 kg; B6 (2 kW × 25 % + 10 kW × 75 %) =
 * 8 kW × 4,000 h × 10 a × 0.5 kg/kWh = 160,000 kg; total 162,000 kg.
 * <ul>
 * <li>Low (standby 1 kW): 7.75 kW × 40,000 h × 0.5 = 155,000; total 157,000 (−5,000).</li>
 * <li>Green (grid G → G2 at 250 g/kWh): 8 kW × 40,000 h × 0.25 = 80,000; total 82,000 (−80,000).</li>
 * <li>Both (extends Low, and G2): 7.75 × 40,000 × 0.25 = 77,500; total 79,500.</li>
 * <li>Tornado of Standby over 1 to 3 kW: 157,000 to (8.25 kW × 40,000 × 0.5 + 2,000 =) 167,000; swing 10,000.</li>
 * </ul>
 */
class ZcwScenariosTest {

	static final String LINE = """
			package t
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				parameter Standby "standby power" = 2 kW %s range 1 kW to 3 kW
				machine M vmc {
					rated 20 kW
					state standby Standby for 25 %%
					state processing 10 kW for 75 %%
					subassembly Frame { material 1000 kg factor t.Steel }
				}
			}
			""";

	static final String SCENARIOS = """
			package t
			factors G2lib { grid factor G2 "greener grid" = 250 gCO2e/kWh { region "XX" } }
			scenario Low "lower standby" { set L.Standby = 1 kW }
			scenario Green { use factor t.G2 for t.G }
			scenario Both extends Low { use factor t.G2 for t.G }
			scenario Same "changes nothing in effect" { set L.Standby = 2 kW }
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Zcw zcw;

	@BeforeEach
	void setUp() throws IOException {
		zcw = new Zcw(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
		Files.writeString(dir.resolve("factors.zc"), ZcwEngineCommandsTest.FACTORS);
		Files.writeString(dir.resolve("meth.zc"), ZcwEngineCommandsTest.METHODOLOGY);
		Files.writeString(dir.resolve("scenarios.zc"), SCENARIOS);
	}

	private static JsonObject run(JsonObject comparison, String name) {
		for (var e : comparison.getAsJsonArray("runs")) {
			if (e.getAsJsonObject().get("name").getAsString().equals(name)) {
				return e.getAsJsonObject();
			}
		}
		throw new AssertionError("no run " + name + " in " + comparison.getAsJsonArray("runs"));
	}

	@Test
	void comparesTheNamedScenariosWithTheBaseline() throws IOException {
		Files.writeString(dir.resolve("line.zc"), LINE.formatted(""));
		int code = zcw.run("report", "--scenarios", "Low,Green,Both", "--iterations", "0", "--format", "json,csv,html", "--out", "out", ".");
		assertEquals(0, code, out + "\n" + err);
		Path json = dir.resolve("out/t.L.scenarios.json");
		assertTrue(Files.exists(json), out.toString());
		assertTrue(Files.exists(dir.resolve("out/t.L.scenarios.csv")) && Files.exists(dir.resolve("out/t.L.scenarios.html")));
		JsonObject c = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
		assertEquals(4, c.getAsJsonArray("runs").size(), "the baseline and three scenarios");
		assertEquals(162_000, run(c, "baseline").get("total").getAsDouble(), 1e-6);
		assertEquals(157_000, run(c, "t.Low").get("total").getAsDouble(), 1e-6);
		assertEquals(-5_000, run(c, "t.Low").get("difference").getAsDouble(), 1e-6);
		assertEquals(82_000, run(c, "t.Green").get("total").getAsDouble(), 1e-6);
		assertEquals(79_500, run(c, "t.Both").get("total").getAsDouble(), 1e-6);
		// the same functional-unit amount in every run: the per-unit figures scale as the totals
		double base = run(c, "baseline").getAsJsonArray("functionalUnits").get(0).getAsJsonObject().get("kgCO2ePerUnit").getAsDouble();
		double low = run(c, "t.Low").getAsJsonArray("functionalUnits").get(0).getAsJsonObject().get("kgCO2ePerUnit").getAsDouble();
		assertEquals(157_000.0 / 162_000, low / base, 1e-12);
		JsonObject tornado = c.getAsJsonArray("tornado").get(0).getAsJsonObject();
		assertEquals("t.L.Standby", tornado.get("parameter").getAsString());
		assertEquals(157_000, tornado.get("resultLow").getAsDouble(), 1e-6);
		assertEquals(167_000, tornado.get("resultHigh").getAsDouble(), 1e-6);
		String printed = out.toString();
		assertTrue(printed.contains("Scenarios of t.L (3 compared with the baseline)"), printed);
		assertTrue(printed.contains("t.Low") && printed.contains("-5,000 (-3.1 %)"), printed);
		assertTrue(printed.contains("most sensitive parameter: t.L.Standby"), printed);
		// the model files are never changed by a scenario run
		assertEquals(LINE.formatted(""), Files.readString(dir.resolve("line.zc")));
	}

	@Test
	void commonRandomNumbersMakeTheProbabilitiesExact() throws IOException {
		// Standby uncertain (normal, sd 0.2 kW). With common random numbers iteration i draws the same ratio in
		// every run: Low's standby (1 kW × ratio) is below the baseline's (2 kW × ratio) in every iteration, so
		// P(Low < baseline) = 1; Same has the baseline's figure in every iteration, so it is never strictly lower.
		Files.writeString(dir.resolve("line.zc"), LINE.formatted("uncertainty normal sd 0.2 kW"));
		int code = zcw.run("report", "--scenarios", "all", "--iterations", "200", "--format", "json", "--out", "out", ".");
		assertEquals(0, code, out + "\n" + err);
		JsonObject c = JsonParser.parseString(Files.readString(dir.resolve("out/t.L.scenarios.json"))).getAsJsonObject();
		assertEquals(5, c.getAsJsonArray("runs").size());
		assertEquals(1.0, run(c, "t.Low").get("pLowerThanBaseline").getAsDouble(), 0);
		assertEquals(0.0, run(c, "t.Same").get("pLowerThanBaseline").getAsDouble(), 0);
		JsonObject same = run(c, "t.Same").getAsJsonObject("uncertainty");
		JsonObject baseline = run(c, "baseline").getAsJsonObject("uncertainty");
		assertNotNull(same);
		assertEquals(baseline.get("p5").getAsDouble(), same.get("p5").getAsDouble(), 0);
		assertEquals(baseline.get("p95").getAsDouble(), same.get("p95").getAsDouble(), 0);
		assertTrue(baseline.get("p5").getAsDouble() < 162_000 && 162_000 < baseline.get("p95").getAsDouble(), baseline.toString());
	}

	@Test
	void aSubjectNoScenarioChangesGetsNoComparison() throws IOException {
		// a second line on another site: Low sets L's parameter and Green swaps grid G, which L2's site does not use
		Files.writeString(dir.resolve("line.zc"), LINE.formatted(""));
		Files.writeString(dir.resolve("other.zc"), """
				package t
				site S2 { region "XX" grid t.G2 }
				line L2 {
					site S2
					profile { shifts 1 hours 1000 h per year service life 1 a }
					machine N vmc { state processing 1 kW for 100 % }
				}
				""");
		assertEquals(0, zcw.run("report", "--scenarios", "Low,Green", "--iterations", "0", "--format", "json", "--out", "out", "."),
				out + "\n" + err);
		assertTrue(Files.exists(dir.resolve("out/t.L.scenarios.json")));
		assertFalse(Files.exists(dir.resolve("out/t.L2.scenarios.json")));
		assertTrue(out.toString().contains("Scenarios of t.L2: no scenario and no parameter changes its footprint"), out.toString());
	}

	@Test
	void anUnknownScenarioNamesTheAvailableOnes() throws IOException {
		Files.writeString(dir.resolve("line.zc"), LINE.formatted(""));
		int code = zcw.run("report", "--scenarios", "Lower", "--iterations", "0", "--format", "json", "--out", "out", ".");
		assertFalse(code == 0);
		String messages = out + "\n" + err;
		assertTrue(messages.contains("Lower") && messages.contains("t.Low"), messages);
	}

	@Test
	void withoutTheOptionNoComparisonIsWritten() throws IOException {
		// the test methodology names no scenarios with 'compare scenarios'
		Files.writeString(dir.resolve("line.zc"), LINE.formatted(""));
		assertEquals(0, zcw.run("report", "--iterations", "0", "--format", "json", "--out", "out", "."), out + "\n" + err);
		assertTrue(Files.exists(dir.resolve("out/t.L.json")));
		assertFalse(Files.exists(dir.resolve("out/t.L.scenarios.json")));
	}
}
