package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult.DayEnergy;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.RawDay;
import org.zerocarbon.evidence.SafeZip;

/** The raw samples of one day per meter: the representative (median) day by default, or a given one. */
class RawDayTest {

	@TempDir
	Path dir;

	/** A line of one machine whose meter reads a CSV export of three days (hourly power and state). */
	private static final String MODEL = """
			package t
			factors F { grid factor G = 400 gCO2e/kWh { region "XX" source "s" licence "l" } }
			site S { region "XX" grid G }
			source Log "three days of M" csv "data/m.csv" { timestamp "time" zone "UTC" delimiter ";" decimal "," state "state" column "P_kW" kW }
			line L { site S profile { shifts 1 hours 2000 h per year service life 8 a }
				machine M vmc { state processing 10 kW for 100 % meter Main machine measures power every 3600 s item "P_kW" from Log }
			}
			methodology Meth { module B6 in scope2 use stage measured }
			""";

	/**
	 * One record an hour from 2026-11-02 00:00 to 2026-11-04 23:00 UTC (72 rows): 10 kW all of the 2nd, 2 kW all of
	 * the 3rd, 5 kW all of the 4th. By day energy 2 < 5 < 10 kW x ~24 h, so the median day is the 4th, whatever the
	 * share of the hour across midnight each day gets.
	 */
	private List<Path> project() throws IOException {
		List<String> lines = new ArrayList<>(List.of("time;P_kW;state"));
		Instant start = Instant.parse("2026-11-02T00:00:00Z");
		String[] power = { "10,0", "2,0", "5,0" };
		for (int hour = 0; hour < 72; hour++) {
			lines.add(start.plusSeconds(3600L * hour) + ";" + power[hour / 24] + ";" + (hour / 24 == 1 ? "ready" : "processing"));
		}
		Files.createDirectories(dir.resolve("data"));
		Files.write(dir.resolve("data/m.csv"), lines);
		Files.writeString(dir.resolve("model.zc"), MODEL);
		return List.of(dir.resolve("model.zc"));
	}

	private SortedMap<String, byte[]> build(EvidencePackage.Options options) throws IOException {
		EvidencePackage.Options fast = options.withIterations(0).withPdf(false);
		Path zip = EvidencePackage.build(project(), dir, fast, dir.resolve("e.zip"), null).zip();
		return SafeZip.read(zip, SafeZip.Limits.DEFAULT);
	}

	@Test
	void theRepresentativeDayIsTheMedianDayAndItsSamplesAreInSiWithUnits() throws IOException {
		SortedMap<String, byte[]> entries = build(EvidencePackage.Options.defaults());
		String name = entries.keySet().stream().filter(n -> n.startsWith("measured/raw/") && n.endsWith("-2026-11-04.csv")).findFirst()
				.orElseThrow(() -> new AssertionError("no raw file of the 4th: " + entries.keySet()));
		String[] rows = new String(entries.get(name), StandardCharsets.UTF_8).split("\n");
		assertEquals("time [ISO instant],P_kW (power) [W],state (state)", rows[0]);
		// 24 records of the 4th (00:00 to 23:00), 5 kW = 5000 W; the state where it changes (ready -> processing at 00:00)
		assertEquals(1 + 24, rows.length);
		assertEquals("2026-11-04T00:00:00Z,5000,processing", rows[1]);
		assertEquals("2026-11-04T23:00:00Z,5000,", rows[24]);
		String index = new String(entries.get("measured/raw/index.csv"), StandardCharsets.UTF_8);
		assertTrue(index.startsWith("meter,day [ISO date],chosen as,rows [count],file,problems\n"), index);
		assertTrue(index.contains(",2026-11-04,median day: "), index);
		assertTrue(index.contains(",24," + name + ","), index);
	}

	@Test
	void aGivenDayIsTaken() throws IOException {
		SortedMap<String, byte[]> entries = build(EvidencePackage.Options.defaults().withMeasured(List.of(RawDay.of(LocalDate.of(2026, 11, 3)))));
		String name = entries.keySet().stream().filter(n -> n.endsWith("-2026-11-03.csv")).findFirst().orElseThrow();
		String[] rows = new String(entries.get(name), StandardCharsets.UTF_8).split("\n");
		assertEquals("2026-11-03T00:00:00Z,2000,ready", rows[1]);
		assertEquals(1 + 24, rows.length);
		assertTrue(entries.keySet().stream().noneMatch(n -> n.endsWith("-2026-11-04.csv")));
	}

	@Test
	void theMedianOfAnEvenCountIsTheLowerMiddleDayAndTiesGoToTheEarlierDay() {
		// totals: 1st 3 + 1 = 4, 2nd 8, 3rd 4, 4th 20 kWh: sorted 1st (4), 3rd (4), 2nd (8), 4th (20); lower middle = 3rd
		Measurement a = measurement(List.of(new DayEnergy("2026-01-01", 3), new DayEnergy("2026-01-02", 8), new DayEnergy("2026-01-03", 4),
				new DayEnergy("2026-01-04", 20)));
		Measurement b = measurement(List.of(new DayEnergy("2026-01-01", 1)));
		assertEquals(LocalDate.of(2026, 1, 3), RawDay.representativeDay(List.of(a, b)));
		assertEquals(null, RawDay.representativeDay(List.of()));
	}

	private static Measurement measurement(List<DayEnergy> days) {
		return new Measurement("m", null, null, null, null, null, null, 0, 0, 0, 0, null, 0, 0, days, List.of(), List.of(), 0, false, List.of());
	}
}
