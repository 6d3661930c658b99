package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.telemetry.MeterAggregate;

/**
 * B6 from measured energy (issue 13): a week of data extrapolated to a year by the line's profile, the
 * reconciliation with the declared state powers, and criteria on measured facts. The aggregates are written by hand
 * (what the telemetry bundle would compute from the data), so the engine's arithmetic is checked on its own.
 */
class MeasuredUseTest {

	private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
	private static final double HOUR = 3600;
	private static final double KWH = 3.6e6;

	@TempDir
	Path dir;

	private static String models(String useStage, String criteria) {
		return """
				package t
				factors F { grid factor G = 500 gCO2e/kWh { region "XX" source "s" licence "l" } }
				site S { region "XX" grid G }
				source Log "test log" csv "log.csv" { column "P" kW }
				line L {
					site S
					profile { shifts 2 hours 4000 h per year service life 10 a }
					machine M vmc {
						state off 0.1 kW for 5 %
						state ready 4 kW for 15 %
						state processing 10 kW for 80 %
						meter Main machine measures power every 1 s item "P" from Log
					}
				}
				methodology Meth {
					module B6 in scope2
					USE
					CRITERIA
				}
				""".replace("USE", useStage).replace("CRITERIA", criteria);
	}

	/**
	 * One week, 168 h, fully covered: off 28 h at 0.1 kW (2.8 kWh), ready 28 h at 4 kW (112 kWh), processing 112 h at
	 * 10 kW (1,120 kWh).
	 */
	private static MeterAggregate week(double coverage) {
		Map<String, MeterAggregate.Share> states = new LinkedHashMap<>();
		states.put("off", new MeterAggregate.Share(28 * HOUR, 2.8 * KWH, 0));
		states.put("ready", new MeterAggregate.Share(28 * HOUR, 112 * KWH, 0));
		states.put("processing", new MeterAggregate.Share(112 * HOUR, 1120 * KWH, 0));
		return new MeterAggregate(MONDAY, MONDAY.plusSeconds(7 * 24 * 3600), 604_800, 1234.8 * KWH, 168 * HOUR * coverage, coverage,
				0, null, 1, new TreeMap<>(), states, Map.of(), 0, Double.NaN, List.of(), false);
	}

	private FootprintResult compute(String useStage, String criteria, MeterAggregate aggregate) throws IOException {
		ResourceSet models = Models.load(dir, models(useStage, criteria));
		Measurements measured = meter -> meter.getName().equals("Main") ? aggregate : null;
		return new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC, measured).calculate(Models.find(models, Line.class, "L"),
				Models.find(models, Methodology.class, "Meth"), null);
	}

	/**
	 * B6 from measurement, by hand:
	 * <pre>
	 * operating time (not off) T_on = 28 + 112 = 140 h
	 * ready      4,000 h x 112 kWh / 140 h   =  3,200 kWh a year
	 * processing 4,000 h x 1,120 kWh / 140 h = 32,000 kWh a year
	 * off        (8,760 - 4,000) h x 2.8 kWh / 28 h = 476 kWh a year
	 * 35,676 kWh x 10 a x 0.5 kg/kWh = 178,380 kg CO2e
	 * </pre>
	 */
	@Test
	void b6FromAWeekExtrapolatedToAYear() throws IOException {
		FootprintResult result = compute("use stage measured", "", week(1));

		assertEquals(178_380, result.total(Module.B6), 1e-6);
		FootprintResult.Measurement row = result.measurements().get(0);
		assertEquals(35_676, row.annualKWh(), 1e-9);
		assertEquals(1234.8, row.kWh(), 1e-9);
		assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("Measured B6 of machine M") && n.contains("35,676 kWh a year")),
				result.notes()::toString);
	}

	/**
	 * Declared B6 stays declared: (0.1 x 5 % + 4 x 15 % + 10 x 80 %) kW = 8.605 kW x 4,000 h x 10 a x 0.5 = 172,100 kg;
	 * the measurement is reported but not used.
	 */
	@Test
	void declaredUseStageKeepsTheDeclaredPowers() throws IOException {
		FootprintResult result = compute("use stage declared", "", week(1));

		assertEquals(172_100, result.total(Module.B6), 1e-6);
		assertEquals(1, result.measurements().size());
		assertFalse(result.measurements().get(0).usedForB6());
		assertTrue(result.findings().stream().noneMatch(f -> f.code().equals("measuredDeviation")));
	}

	/**
	 * Reconciliation with a tolerance of 3 %, by hand:
	 * <pre>
	 * measured shares of the operating time: ready 28 / 140 = 20 %, processing 112 / 140 = 80 %
	 * declared, without off (95 %): ready 15 / 95 = 15.8 %, processing 80 / 95 = 84.2 %
	 * deviations 4.2 percentage points each: above 3 -> two findings
	 * energy in the operating hours: measured 35,200 kWh, declared 4,000 x 8.605 = 34,420 kWh: 2.3 % -> none
	 * </pre>
	 */
	@Test
	void reconciliationFlagsSharesBeyondTheTolerance() throws IOException {
		FootprintResult result = compute("use stage reconciled tolerance 3 %", "", week(1));

		List<Finding> deviations = result.findings().stream().filter(f -> f.code().equals("measuredDeviation")).toList();
		assertEquals(2, deviations.size(), deviations::toString);
		assertTrue(deviations.stream().anyMatch(f -> f.message().startsWith(
				"Machine M: measured processing share 80 %, declared 80 % (84 % of the time it is not off): a deviation of 4 percentage points")),
				deviations::toString);
		assertTrue(deviations.stream().allMatch(f -> f.element().equals("t.L.M")), deviations::toString);
		assertEquals(178_380, result.total(Module.B6), 1e-6, "reconciled: B6 still from measurement");
	}

	/** Criteria on measured facts: coverage 100 % passes ">= 95 %", coverage 90 % fails. */
	@Test
	void criteriaUseMeasuredCoverage() throws IOException {
		String criteria = """
				criteria Metering {
					criterion Coverage {
						severity error
						message "Measured coverage below 95 %"
						check every Meter x where x.scope = machine satisfies x.measured.coverage >= 95 %
					}
				}
				""";
		CriterionResult full = compute("use stage measured", criteria, week(1)).criteria().get(0);
		assertEquals(CriterionResult.Status.PASS, full.status(), full::toString);
		CriterionResult partial = compute("use stage measured", criteria, week(0.9)).criteria().get(0);
		assertEquals(CriterionResult.Status.FAIL, partial.status(), partial::toString);
	}
}
