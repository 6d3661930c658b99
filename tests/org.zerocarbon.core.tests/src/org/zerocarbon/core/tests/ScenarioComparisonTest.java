package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.scenarios.ScenarioComparison;
import org.zerocarbon.scenarios.ScenarioComparison.Comparison;
import org.zerocarbon.scenarios.ScenarioComparison.Run;

/**
 * Parameters and scenarios through the engine (issue 16), against hand calculations.
 * <p>
 * The line: grid 0.5 kg CO2e/kWh, service life 10 a, Hours = 1,000 h a year, three machines processing 100 % of the
 * time at Spindle (10 kW), Spindle / 2 (5 kW) and Spindle + Extra (10 + 2 = 12 kW). B6 = 27 kW × 1,000 h × 10 a
 * × 0.5 = 135,000 kg CO2e.
 */
class ScenarioComparisonTest {

	private static final double EPS = 1e-6;

	/** A grid factor of 500 g/kWh; $FACTOR takes its uncertainty. Also used by {@link ParameterMonteCarloTest}. */
	static final String FACTORS = """
			package t
			factors F {
				grid factor G "test grid" = 500 gCO2e/kWh { region "XX" $FACTOR }
			}
			""";

	/** B6 in scope 2, per machine-hour. Also used by {@link ParameterMonteCarloTest}. */
	static final String METHODOLOGY = """
			package t
			methodology Meth "test methodology" {
				version "1"
				module B6 required in scope2
				functional unit MH machineHour
			}
			""";

	private static final String LINE = """
			package l
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 1 hours Hours per year service life 10 a }
				parameter Spindle "spindle motor" = 10 kW $SPINDLE
				parameter Hours = 1000 h range 900 h to 1100 h
				parameter Extra = 2 kW range 1 kW to 3 kW
				machine M1 vmc { state processing Spindle for 100 % }
				machine M2 vmc { state processing Spindle / 2 for 100 % }
				machine M3 vmc { state processing Spindle + Extra for 100 % }
			}
			scenario Lower "IE4 spindle" { set L.Spindle = 6 kW }
			scenario Shorter "lower spindle, half the hours" extends Lower { set L.Hours = 500 h }
			scenario Override extends Lower { set L.Spindle = 8 kW }
			scenario Same "changes nothing" { set L.Spindle = 10 kW }
			""";

	@TempDir
	Path dir;

	private ResourceSet load(String factorDetails, String spindleDetails) throws IOException {
		return Models.load(dir, FACTORS.replace("$FACTOR", factorDetails), METHODOLOGY, LINE.replace("$SPINDLE", spindleDetails));
	}

	private static Comparison compare(ResourceSet models, int iterations, String scenarios, boolean tornado) {
		Line line = Models.find(models, Line.class, "L");
		Methodology methodology = Models.find(models, Methodology.class, "Meth");
		ScenarioComparison comparison = new ScenarioComparison(models.getResources(),
				new FootprintCalculator(new FootprintCalculator.Options(iterations, 7, 2)));
		return comparison.compare(line, methodology, ScenarioComparison.select(models.getResources(), scenarios, methodology), tornado, null);
	}

	private static Run run(Comparison c, String name) {
		return c.runs().stream().filter(r -> r.name().endsWith(name)).findFirst().orElseThrow();
	}

	/**
	 * One parameter used in three places, and a chain of extended scenarios. By hand:
	 * <pre>
	 * Lower (Spindle 6 kW):        6 + 3 + 8 = 17 kW x 1,000 h x 10 a x 0.5 = 85,000
	 * Shorter (extends Lower, Hours 500 h): 17 kW x 500 h x 10 a x 0.5 = 42,500
	 * Override (extends Lower, Spindle 8 kW: the last setting wins): 8 + 4 + 10 = 22 kW -> 110,000
	 * Same (Spindle 10 kW): 135,000, as the baseline
	 * </pre>
	 */
	@Test
	void scenariosOverrideParametersWhereverTheyAreUsed() throws IOException {
		ResourceSet models = load("", "");
		Comparison c = compare(models, 0, "all", false);
		assertEquals(135_000, c.baseline().result().total(Module.B6), EPS);
		assertEquals(85_000, run(c, "Lower").result().total(Module.B6), EPS);
		assertEquals(42_500, run(c, "Shorter").result().total(Module.B6), EPS);
		assertEquals(List.of("l.Lower", "l.Shorter"), run(c, "Shorter").chain());
		assertEquals(110_000, run(c, "Override").result().total(Module.B6), EPS);
		assertEquals(135_000, run(c, "Same").result().total(Module.B6), EPS);
		// the loaded model is untouched: its machines still draw the baseline's power
		Machine m3 = Models.find(models, Machine.class, "M3");
		assertEquals(12, m3.getStates().get(0).getPower().getValue().doubleValue(), EPS);
	}

	/**
	 * Common random numbers, factor uncertainty only: each iteration scales every run by the same grid draw, so
	 * Lower (85,000 / 135,000 of the baseline in every iteration) is lower in every iteration: P = 1 exactly, and
	 * Same differs from the baseline by 0 in every iteration.
	 */
	@Test
	void commonRandomNumbersAcrossScenarios() throws IOException {
		ResourceSet models = load("uncertainty lognormal gsd 2", "");
		Comparison c = compare(models, 500, "Lower,Same", false);
		List<Double> base = c.baseline().samples();
		List<Double> same = run(c, "Same").samples();
		List<Double> lower = run(c, "Lower").samples();
		assertEquals(500, base.size());
		assertNotEquals(base.get(0), base.get(1), "the grid factor varies");
		for (int i = 0; i < base.size(); i++) {
			assertEquals(base.get(i), same.get(i), 0, "iteration " + i);
			assertEquals(base.get(i) * 85_000 / 135_000, lower.get(i), 1e-6 * base.get(i), "iteration " + i);
		}
		ScenarioComparison.Probability p = c.probabilities().stream().filter(x -> x.a().equals("baseline") && x.b().endsWith("Lower")).findFirst()
				.orElseThrow();
		assertEquals(0.0, p.aLowerThanB(), "the baseline is never lower than Lower");
		assertEquals(1.0, p.bLowerThanA(), "Lower is lower in every iteration");
		ScenarioComparison.Probability tie = c.probabilities().stream().filter(x -> x.a().equals("baseline") && x.b().endsWith("Same"))
				.findFirst().orElseThrow();
		assertEquals(0.0, tie.aLowerThanB(), "a tie in every iteration: neither is lower");
		assertEquals(0.0, tie.bLowerThanA(), "a tie in every iteration: neither is lower");
	}

	/**
	 * Parameter uncertainty propagates: Spindle normal with sd 1 kW. B6 = (2.5 Spindle + 2 kW) x 1,000 h x 10 a x
	 * 0.5 kg/kWh = (2.5 Spindle + 2 kW) x 5,000 kg/kW, linear in Spindle: the baseline's samples spread, Same equals
	 * the baseline in every iteration, and Spindle explains all the variance (the only uncertain input).
	 */
	@Test
	void parameterUncertaintyWithCommonRandomNumbers() throws IOException {
		ResourceSet models = load("", "uncertainty normal sd 1 kW");
		Comparison c = compare(models, 200, "Same,Lower", false);
		List<Double> base = c.baseline().samples();
		List<Double> same = run(c, "Same").samples();
		assertEquals(200, base.size());
		assertNotEquals(base.get(0), base.get(1));
		for (int i = 0; i < base.size(); i++) {
			assertEquals(base.get(i), same.get(i), 0, "iteration " + i);
		}
		// mean of B6 = (2.5 x 10 + 2) x 1,000 x 10 x 0.5 = 135,000; sd = 2.5 x 1 kW x 5,000 = 12,500: the sample mean of 200
		// draws lies within 4 standard errors (4 x 12,500 / sqrt(200) = 3,536)
		double mean = base.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
		assertEquals(135_000, mean, 3_536);
		assertEquals("l.L.Spindle", c.variance().get(0).input());
		assertEquals(1.0, c.variance().get(0).share(), 1e-9);
		assertEquals(1.0, c.variance().get(0).correlation(), 1e-9, "B6 is linear and increasing in the drawn spindle power");
	}

	/**
	 * The tornado on a model whose sensitivities are known: B6 = (2.5 Spindle + Extra) x Hours x 10 a x 0.5 kg/kWh.
	 * By hand, one parameter at a time at the ends of its range, the others at their values:
	 * <pre>
	 * Spindle 8..12 kW: 2.5 x 8 + 2 = 22 .. 2.5 x 12 + 2 = 32 kW x 5,000: 110,000 .. 160,000, swing 50,000
	 * Hours 900..1,100 h: 27 kW x 900 x 5 = 121,500 .. 148,500, swing 27,000
	 * Extra 1..3 kW: 26 .. 28 kW x 5,000 = 130,000 .. 140,000, swing 10,000
	 * </pre>
	 */
	@Test
	void tornadoOrderFollowsTheAnalyticSensitivities() throws IOException {
		ResourceSet models = load("", "range 8 kW to 12 kW");
		Comparison c = compare(models, 0, "", true);
		assertEquals(List.of("l.L.Spindle", "l.L.Hours", "l.L.Extra"), c.tornado().stream().map(ScenarioComparison.TornadoBar::parameter).toList());
		assertEquals(110_000, c.tornado().get(0).resultLow(), EPS);
		assertEquals(160_000, c.tornado().get(0).resultHigh(), EPS);
		assertEquals(27_000, c.tornado().get(1).swing(), EPS);
		assertEquals(10_000, c.tornado().get(2).swing(), EPS);
		assertEquals("range", c.tornado().get(0).source());
		// a range from the uncertainty: normal sd 1 kW gives 10 -/+ 1.644854 kW
		ResourceSet uncertain = load("", "uncertainty normal sd 1 kW");
		ScenarioComparison.TornadoBar spindle = compare(uncertain, 0, "", true).tornado().get(0);
		assertEquals(10 - 1.6448536, spindle.low(), 1e-6);
		assertEquals((2.5 * (10 + 1.6448536) + 2) * 5_000, spindle.resultHigh(), 1e-2);
	}

	@Test
	void anUnknownScenarioNamesTheAvailableOnes() throws IOException {
		ResourceSet models = load("", "");
		CalculationException e = assertThrows(CalculationException.class, () -> compare(models, 0, "Greener", false));
		assertTrue(e.getMessage().contains("No scenario 'Greener'") && e.getMessage().contains("l.Lower"), e.getMessage());
	}
}
