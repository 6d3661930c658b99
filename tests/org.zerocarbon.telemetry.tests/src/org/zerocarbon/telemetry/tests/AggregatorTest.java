package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.Integration;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;

/** Aggregation rules, every expected figure worked out by hand in the comments. */
class AggregatorTest {

	private static final double EPS = 1e-6;

	private static Aggregator aggregator(MeterSpec spec, long startS, long endS) {
		return new Aggregator(spec, Instant.ofEpochSecond(startS), Instant.ofEpochSecond(endS), "test", Integration.TRAPEZOID);
	}

	private static long s(double seconds) {
		return Math.round(seconds * 1000);
	}

	private static long count(MeterAggregate result, Diagnostic.Severity severity, String text) {
		return result.diagnostics().stream().filter(d -> d.severity() == severity && d.message().contains(text)).count();
	}

	@Test
	void trapezoidIntegratesAKnownProfile() {
		// P = 1000, 2000, 2000, 0 W at 0, 10, 20, 30 s; period [0, 40 s)
		// (1000+2000)/2*10 + (2000+2000)/2*10 + (2000+0)/2*10 = 15000 + 20000 + 10000 = 45000 J over 30 s
		// coverage 30/40 = 0.75; the last 10 s are uncovered but no gap (threshold 3 x 10 s = 30 s)
		Aggregator a = aggregator(MeterSpec.power("p").withInterval(Duration.ofSeconds(10), null), 0, 40);
		double[] watts = { 1000, 2000, 2000, 0 };
		for (int i = 0; i < watts.length; i++) {
			a.value("p", s(10 * i), watts[i]);
		}
		MeterAggregate result = a.finish();
		assertEquals(45000, result.energyJ(), EPS);
		assertEquals(30, result.coveredSeconds(), EPS);
		assertEquals(0.75, result.coverage(), EPS);
		assertEquals(0, result.longestGapSeconds(), EPS);
		assertNull(result.longestGapStart());
		assertEquals(10, result.samplingIntervalSeconds(), EPS);
		assertEquals(4, result.samples());
	}

	@Test
	void holdKeepsEachValueUntilTheNext() {
		// the same profile held: 1000*10 + 2000*10 + 2000*10 = 50000 J, and 0 W held from 30 s to the end (40 s,
		// within the threshold): covered 40 s, coverage 1
		Aggregator a = aggregator(MeterSpec.power("p").withInterval(Duration.ofSeconds(10), null)
				.withIntegration(Integration.HOLD), 0, 40);
		double[] watts = { 1000, 2000, 2000, 0 };
		for (int i = 0; i < watts.length; i++) {
			a.value("p", s(10 * i), watts[i]);
		}
		MeterAggregate result = a.finish();
		assertEquals(50000, result.energyJ(), EPS);
		assertEquals(1.0, result.coverage(), EPS);
	}

	@Test
	void counterRollsOverAtItsMaximum() {
		// 900, 980, 30, 80 J at 0..3 s, maximum 1000 J: 80 + (1000 - 980 + 30) + 50 = 180 J
		Aggregator a = aggregator(MeterSpec.counter("e").withRollover(1000.0), 0, 4);
		double[] joules = { 900, 980, 30, 80 };
		for (int i = 0; i < joules.length; i++) {
			a.value("e", s(i), joules[i]);
		}
		MeterAggregate result = a.finish();
		assertEquals(180, result.energyJ(), EPS);
		assertEquals(3, result.coveredSeconds(), EPS);
		assertEquals(1, count(result, Diagnostic.Severity.INFO, "rolled over"));
		assertTrue(!result.hasErrors());
	}

	@Test
	void counterDropWithoutMaximumIsAReset() {
		// 900, 980, 30, 80 J without a maximum: 80 + 30 (counted since the reset) + 50 = 160 J, one warning
		Aggregator a = aggregator(MeterSpec.counter("e"), 0, 4);
		double[] joules = { 900, 980, 30, 80 };
		for (int i = 0; i < joules.length; i++) {
			a.value("e", s(i), joules[i]);
		}
		MeterAggregate result = a.finish();
		assertEquals(160, result.energyJ(), EPS);
		assertEquals(1, count(result, Diagnostic.Severity.WARNING, "reset"));
	}

	@Test
	void implausibleDropIsNegativeEnergy() {
		// 900, 980, 700, 750 J with maximum 1000: 980 -> 700 stays in the upper half, no rollover: an error and the
		// interval is not counted: 80 + 50 = 130 J over 2 s
		Aggregator a = aggregator(MeterSpec.counter("e").withRollover(1000.0), 0, 4);
		double[] joules = { 900, 980, 700, 750 };
		for (int i = 0; i < joules.length; i++) {
			a.value("e", s(i), joules[i]);
		}
		MeterAggregate result = a.finish();
		assertEquals(130, result.energyJ(), EPS);
		assertEquals(2, result.coveredSeconds(), EPS);
		assertEquals(1, count(result, Diagnostic.Severity.ERROR, "negative energy"));
	}

	@Test
	void negativeIntervalEnergyIsAnErrorAndIntervalsAreCounted() {
		// 500 J at 10, 20, 30 s (nominal 10 s): [0,10] + [10,20] + [20,30] = 1500 J over 30 s; -5 J at 35 s is an error
		Aggregator a = aggregator(MeterSpec.interval("e").withInterval(Duration.ofSeconds(10), null), 0, 40);
		a.value("e", s(10), 500);
		a.value("e", s(20), 500);
		a.value("e", s(30), 500);
		a.value("e", s(35), -5);
		MeterAggregate result = a.finish();
		assertEquals(1500, result.energyJ(), EPS);
		assertEquals(30, result.coveredSeconds(), EPS);
		assertEquals(1, count(result, Diagnostic.Severity.ERROR, "negative"));
	}

	@Test
	void gapsAreNotIntegrated() {
		// 1 W at 0..9 s and 20..59 s, period [0, 60 s), threshold 3 s: covered 9 + 39 = 48 s, 48 J,
		// coverage 48/60 = 0.8, longest gap 9 -> 20 s = 11 s
		Aggregator a = aggregator(MeterSpec.power("p"), 0, 60);
		for (int t = 0; t < 60; t++) {
			if (t < 10 || t >= 20) {
				a.value("p", s(t), 1);
			}
		}
		MeterAggregate result = a.finish();
		assertEquals(48, result.energyJ(), EPS);
		assertEquals(0.8, result.coverage(), EPS);
		assertEquals(11, result.longestGapSeconds(), EPS);
		assertEquals(Instant.ofEpochSecond(9), result.longestGapStart());
	}

	@Test
	void unavailableStartsAGapAndLeadingTimeCounts() {
		// HOLD, period [-20 s, 60 s): nothing before 0 (a leading gap of 20 s); 1 W at 0..9, UNAVAILABLE at 9.5 s
		// (9 held until 9.5), 1 W at 20..59 held to the end: covered 9.5 + 39 + 1 = 49.5 s; gaps 20 s at -20 and
		// 10.5 s at 9.5: the longest is the leading one
		Aggregator a = aggregator(MeterSpec.power("p").withIntegration(Integration.HOLD), -20, 60);
		for (int t = 0; t < 60; t++) {
			if (t < 10 || t >= 20) {
				a.value("p", s(t), 1);
			}
			if (t == 9) {
				a.unavailable("p", s(9.5));
			}
		}
		MeterAggregate result = a.finish();
		assertEquals(49.5, result.coveredSeconds(), EPS);
		assertEquals(49.5, result.energyJ(), EPS);
		assertEquals(20, result.longestGapSeconds(), EPS);
		assertEquals(Instant.ofEpochSecond(-20), result.longestGapStart());
	}

	@Test
	void stateSharesFromAnExecutionSequence() {
		// HOLD, 1 s samples over [0, 600 s); EXECUTION READY 0, ACTIVE 120, FEED_HOLD 420, ACTIVE 480, STOPPED 540;
		// POWER_STATE OFF at 570. Power 9500 W while ACTIVE, 1200 W while ready, 0 W when off.
		// processing: 120..420 + 480..540 = 360 s, 360 * 9500 = 3 420 000 J
		// ready: 0..120 + 420..480 + 540..570 = 210 s, 210 * 1200 = 252 000 J; off: 570..600 = 30 s, 0 J
		MeterSpec spec = MeterSpec.power("p").withIntegration(Integration.HOLD).withState("exec", "power", Map.of());
		Aggregator a = aggregator(spec, 0, 600);
		Map<Integer, String> execution = Map.of(0, "READY", 120, "ACTIVE", 420, "FEED_HOLD", 480, "ACTIVE", 540, "STOPPED");
		String now = null;
		for (int t = 0; t < 600; t++) {
			if (execution.containsKey(t)) {
				now = execution.get(t);
				a.event(EventKind.EXECUTION, "exec", s(t), now);
			}
			if (t == 570) {
				a.event(EventKind.POWER_STATE, "power", s(t), "OFF");
			}
			a.value("p", s(t), t >= 570 ? 0 : "ACTIVE".equals(now) ? 9500 : 1200);
		}
		MeterAggregate result = a.finish();
		assertEquals(360, result.perState().get("processing").seconds(), EPS);
		assertEquals(3_420_000, result.perState().get("processing").energyJ(), EPS);
		assertEquals(210, result.perState().get("ready").seconds(), EPS);
		assertEquals(252_000, result.perState().get("ready").energyJ(), EPS);
		assertEquals(30, result.perState().get("off").seconds(), EPS);
		assertEquals(0.6, result.timeShare("processing"), EPS); // 360 / 600
		assertEquals(3_672_000, result.energyJ(), EPS);
	}

	@Test
	void powerThresholdsDecideWithoutAStateSignal() {
		// HOLD: 500 W at 0..9 s, 5000 W at 10..19 s; standby below 1 kW, ready below 3 kW, processing above
		// standby 10 s, 5000 J; processing 10 s, 50 000 J
		MeterSpec spec = MeterSpec.power("p").withIntegration(Integration.HOLD).withThresholds(List.of(
				new MeterSpec.Threshold("standby", 1000.0), new MeterSpec.Threshold("ready", 3000.0),
				new MeterSpec.Threshold("processing", null)));
		Aggregator a = aggregator(spec, 0, 20);
		for (int t = 0; t < 20; t++) {
			a.value("p", s(t), t < 10 ? 500 : 5000);
		}
		MeterAggregate result = a.finish();
		assertEquals(10, result.perState().get("standby").seconds(), EPS);
		assertEquals(5000, result.perState().get("standby").energyJ(), EPS);
		assertEquals(50_000, result.perState().get("processing").energyJ(), EPS);
		assertNull(result.perState().get("ready"));
	}

	@Test
	void energyPerPartFromPartCountsWithAReset() {
		// HOLD 1000 W over [0, 100 s) = 100 000 J. Program P1 from 0, P2 from 60.
		// counts: 10 at 0 (baseline), 11 at 20, 12 at 40, 13 at 59 -> 3 parts of P1;
		// 0 at 80 (reset, 0 parts), 1 at 90, 2 at 95 -> 2 parts of P2. 5 parts, 20 000 J per part.
		// P1: 60 s, 60 000 J; P2: 40 s, 40 000 J
		MeterSpec spec = MeterSpec.power("p").withIntegration(Integration.HOLD).withProgram("prog", "parts");
		Aggregator a = aggregator(spec, 0, 100);
		Map<Integer, String> counts = Map.of(0, "10", 20, "11", 40, "12", 59, "13", 80, "0", 90, "1", 95, "2");
		for (int t = 0; t < 100; t++) {
			if (t == 0 || t == 60) {
				a.event(EventKind.PROGRAM, "prog", s(t), t == 0 ? "P1" : "P2");
			}
			if (counts.containsKey(t)) {
				a.event(EventKind.PART_COUNT, "parts", s(t), counts.get(t));
			}
			a.value("p", s(t), 1000);
		}
		MeterAggregate result = a.finish();
		assertEquals(5, result.parts());
		assertEquals(20_000, result.energyPerPartJ(), EPS);
		assertEquals(new MeterAggregate.Share(60, 60_000, 3), result.perProgram().get("P1"));
		assertEquals(new MeterAggregate.Share(40, 40_000, 2), result.perProgram().get("P2"));
		assertEquals(1, count(result, Diagnostic.Severity.INFO, "part count reset"));
	}

	@Test
	void daysAreLocalDatesOfTheMetersZone() {
		// 3600 W held, one record a minute, 2026-03-28T20:00Z .. 2026-03-29T04:00Z, Europe/Berlin (CET, +1 until
		// 01:00Z on the 29th): local midnight is 23:00Z, so the 28th has 3 h * 3.6 kW = 10.8 kWh = 38 880 000 J, the 29th 5 h = 18 kWh = 64 800 000 J
		MeterSpec spec = MeterSpec.power("p").withIntegration(Integration.HOLD)
				.withInterval(Duration.ofMinutes(1), null).withZone(ZoneId.of("Europe/Berlin"));
		Instant from = Instant.parse("2026-03-28T20:00:00Z");
		Instant to = Instant.parse("2026-03-29T04:00:00Z");
		Aggregator a = new Aggregator(spec, from, to, "test", null);
		for (long t = from.toEpochMilli(); t < to.toEpochMilli(); t += 60_000) {
			a.value("p", t, 3600);
		}
		MeterAggregate result = a.finish();
		assertEquals(List.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29)), List.copyOf(result.energyPerDayJ().keySet()));
		assertEquals(38_880_000, result.energyPerDayJ().get(LocalDate.of(2026, 3, 28)), EPS);
		assertEquals(64_800_000, result.energyPerDayJ().get(LocalDate.of(2026, 3, 29)), EPS);
	}

	@Test
	void duplicateAndOutOfOrderRecordsAreDropped() {
		// 1 W at 0, 1, 2, 2 (duplicate), 1.5 (out of order), 3 s: 4 records used, 3 J by trapezoid, two warnings
		Aggregator a = aggregator(MeterSpec.power("p"), 0, 4);
		for (double t : new double[] { 0, 1, 2, 2, 1.5, 3 }) {
			a.value("p", s(t), 1);
		}
		MeterAggregate result = a.finish();
		assertEquals(4, result.samples());
		assertEquals(3, result.energyJ(), EPS);
		assertEquals(1, count(result, Diagnostic.Severity.WARNING, "duplicate timestamp"));
		assertEquals(1, count(result, Diagnostic.Severity.WARNING, "out of order"));
	}

	@Test
	void threePhasePowerFromCurrentVoltageAndPowerFactor() {
		// sqrt(3) * 400 V * 10 A * 0.9 = 1.7320508 * 3600 = 6235.383 W, held 10 s = 62 353.83 J
		MeterSpec spec = MeterSpec.derived("i", "u", "pf", 3).withIntegration(Integration.HOLD);
		Aggregator a = aggregator(spec, 0, 10);
		for (int t = 0; t < 10; t++) {
			a.value("u", s(t), 400);
			a.value("i", s(t), 10);
			a.value("pf", s(t), 0.9);
		}
		MeterAggregate result = a.finish();
		assertEquals(62_353.829, result.energyJ(), 1e-3);
		assertEquals(10, result.samples());
	}
}
