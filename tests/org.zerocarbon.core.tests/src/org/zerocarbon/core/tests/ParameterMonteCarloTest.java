package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;

/**
 * An uncertain parameter propagates into an ordinary footprint's Monte Carlo (issue 16), checked against the
 * analytic spread.
 * <p>
 * B6 = (Spindle + Spindle / 2 + Spindle + 2 kW) × 1,000 h × 10 a × 0.5 kg/kWh = (2.5 Spindle + 2 kW) × 5,000 kg/kW.
 * Spindle is normal, mean 10 kW, sd 1 kW: the total is normal with mean 135,000 kg and sd 2.5 × 1 × 5,000 = 12,500 kg,
 * so P5 and P95 are 135,000 ∓ 1.6449 × 12,500 = 114,439 and 155,561 kg. With 2,000 iterations the estimated sd is
 * within about ±1.6 % (one standard error) of 12,500: the test allows 5 %.
 */
class ParameterMonteCarloTest {

	private static final String LINE = """
			package l
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 1 hours 1000 h per year service life 10 a }
				parameter Spindle "spindle motor" = 10 kW $SPINDLE
				machine M1 vmc { state processing Spindle for 100 % }
				machine M2 vmc { state processing Spindle / 2 for 100 % }
				machine M3 vmc { state processing Spindle + 2 kW for 100 % }
			}
			""";

	@TempDir
	Path dir;

	private FootprintResult compute(String factor, String spindle, int iterations, int threads) throws IOException {
		ResourceSet models = Models.load(dir, ScenarioComparisonTest.FACTORS.replace("$FACTOR", factor), ScenarioComparisonTest.METHODOLOGY, LINE.replace("$SPINDLE", spindle));
		return new FootprintCalculator(new FootprintCalculator.Options(iterations, 11, threads)).calculate(Models.find(models, Line.class, "L"),
				Models.find(models, Methodology.class, "Meth"), null);
	}

	@Test
	void anUncertainParameterSpreadsTheResultAsTheAnalyticNormal() throws IOException {
		FootprintResult r = compute("", "uncertainty normal sd 1 kW", 2000, 2);
		assertEquals(135_000, r.total(), 1e-6, "the deterministic figure stays the parameter's value");
		UncertaintyResult u = r.uncertainty();
		assertNotNull(u, "Monte Carlo ran although no factor is uncertain");
		assertEquals(2000, u.iterations());
		assertEquals(135_000, u.mean(), 0.01 * 135_000);
		assertEquals(12_500, u.standardDeviation(), 0.05 * 12_500);
		assertEquals(114_439, u.p5(), 0.03 * 114_439);
		assertEquals(155_561, u.p95(), 0.03 * 155_561);
		assertEquals("l.L.Spindle", u.drivers().get(0).name());
		assertEquals(1.0, u.drivers().get(0).varianceShare(), 1e-9, "the only uncertain input");
		assertTrue(u.drivers().get(0).rankCorrelation() > 0.999, "the result is linear in Spindle: " + u.drivers().get(0));
		assertTrue(r.notes().stream().anyMatch(n -> n.contains("uncertain parameter") && n.contains("l.L.Spindle")), r.notes().toString());
	}

	@Test
	void theSamplesDoNotDependOnTheNumberOfThreads() throws IOException {
		UncertaintyResult one = compute("", "uncertainty normal sd 1 kW", 200, 1).uncertainty();
		UncertaintyResult two = compute("", "uncertainty normal sd 1 kW", 200, 2).uncertainty();
		assertEquals(one.samples(), two.samples());
	}

	/**
	 * Parameter and factor uncertainty together: the grid factor normal with sd 50 g/kWh (10 %), independent of
	 * Spindle (sd 1/10 of 10 kW, and a share of 2.5 × 10 / 27 = 92.6 % of the power in it): relative sd of the total
	 * √(0.0926² + 0.1²) = 13.6 %, i.e. 18,400 kg; the factor's share of the variance 0.1² / (0.0926² + 0.1²) = 54 %.
	 */
	@Test
	void parametersAndFactorsVaryTogether() throws IOException {
		UncertaintyResult u = compute("uncertainty normal sd 50 gCO2e/kWh", "uncertainty normal sd 1 kW", 2000, 2).uncertainty();
		assertEquals(18_400, u.standardDeviation(), 0.06 * 18_400);
		double spindle = u.drivers().stream().filter(d -> d.name().equals("l.L.Spindle")).findFirst().orElseThrow().varianceShare();
		assertEquals(0.46, spindle, 0.08);
	}

	@Test
	void withoutUncertainParametersNothingChanges() throws IOException {
		FootprintResult r = compute("", "range 8 kW to 12 kW", 500, 2);
		assertNull(r.uncertainty(), "a range is for the tornado, not for Monte Carlo; no factor is uncertain either");
		assertNull(compute("", "uncertainty normal sd 1 kW", 0, 2).uncertainty(), "Monte Carlo switched off");
	}
}
