package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.csv.CsvLayout;
import org.zerocarbon.telemetry.csv.CsvSource;
import org.zerocarbon.telemetry.mtconnect.MTConnectFileSource;

/** The example data generator's output: valid, readable, and with the figures it was built to have. */
class ExampleDataTest {

	static final Instant WEEK_START = Instant.parse("2026-03-01T23:00:00Z"); // Monday 00:00 in Berlin (CET)
	static final Instant WEEK_END = Instant.parse("2026-03-08T23:00:00Z");

	@TempDir
	static Path dir;

	@BeforeAll
	static void generate() throws Exception {
		ExampleData.write(dir);
	}

	static void validateGzipped(Path file) throws Exception {
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			Fixtures.validateStreams(new StreamSource(in));
		}
	}

	@Test
	void streamsFilesAreValidAndSmall() throws Exception {
		List<Path> files = MTConnectFileSource.glob(dir, "mtconnect/vmc1-2026-*.xml.gz");
		assertEquals(7, files.size());
		long total = Files.size(dir.resolve("hmc1-week.csv"));
		for (Path file : files) {
			validateGzipped(file);
			total += Files.size(file);
		}
		assertTrue(total < 5_000_000, "the example data must stay small: " + total);
	}

	@Test
	void theCommittedExampleFilesAreValidToo() throws Exception {
		Path committed = Path.of("../../examples/housing-cell/data/mtconnect").toAbsolutePath().normalize();
		if (!Files.isDirectory(committed)) {
			return; // the tests run outside the repository
		}
		try (Stream<Path> files = Files.list(committed)) {
			for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".xml.gz")).toList()) {
				validateGzipped(file);
			}
		}
	}

	@Test
	void vmc1AggregatesAsDesigned() throws Exception {
		MTConnectFileSource source = new MTConnectFileSource(MTConnectFileSource.glob(dir, "mtconnect/vmc1-2026-*.xml.gz"),
				dir.resolve("mtconnect/vmc1-probe.xml"));
		MeterSpec spec = MeterSpec.power(source.resolve("WATTAGE", null, "VMC1", null)).withInterval(Duration.ofSeconds(10), null)
				.withState("vmc1_exec", "vmc1_pwr", null).withProgram("vmc1_prog", "vmc1_parts").withZone(ExampleData.ZONE)
				// EXECUTION says READY for standby too; a threshold at 2 kW tells them apart
				.withThresholds(List.of(new MeterSpec.Threshold("standby", 2000.0), new MeterSpec.Threshold("ready", null)));
		Aggregator aggregator = Aggregator.of(spec, WEEK_START, WEEK_END, source);
		source.read(WEEK_START, WEEK_END, aggregator, null);
		MeterAggregate week = aggregator.finish();
		// one gap, Thursday 13:00-13:20 local (12:00Z), held values elsewhere: 604 800 - 1 200 s covered
		assertEquals(603_600, week.coveredSeconds(), 1e-6);
		assertEquals(1200, week.longestGapSeconds(), 1e-6);
		assertEquals(Instant.parse("2026-03-05T12:00:00Z"), week.longestGapStart());
		assertEquals(10, week.samplingIntervalSeconds(), 1e-9);
		assertEquals(7, week.energyPerDayJ().size());
		// the levels the generator was given: processing 9.5 kW (a +-15 % wave and noise average out), standby 1.2 kW
		MeterAggregate.Share processing = week.perState().get("processing");
		assertEquals(9500, processing.energyJ() / processing.seconds(), 150);
		MeterAggregate.Share standby = week.perState().get("standby");
		assertEquals(1200, standby.energyJ() / standby.seconds(), 20);
		// POWER_STATE OFF gives "off"; the warm-up runs with EXECUTION ACTIVE, so it counts as processing
		assertTrue(week.perState().containsKey("off") && !week.perState().containsKey("warmup"), week.perState().toString());
		assertEquals(completedCycles(ExampleData.VMC1), week.parts());
		assertTrue(week.perProgram().get("O2010_HOUSING_OP20").parts() > 100);
	}

	@Test
	void hmc1CsvAggregatesAsDesigned() throws Exception {
		CsvLayout layout = CsvLayout.of("timestamp", List.of(new CsvLayout.Column("power_kW", 1000))).withSeparators(';', ',')
				.withTime(CsvLayout.TimeFormat.ISO, null, ExampleData.ZONE).withEvents("state", "program", "parts");
		CsvSource source = new CsvSource(dir.resolve("hmc1-week.csv"), layout);
		MeterSpec spec = MeterSpec.power("power_kW").withInterval(Duration.ofSeconds(10), null).withState("state", null, null)
				.withProgram("program", "parts").withZone(ExampleData.ZONE);
		Aggregator aggregator = Aggregator.of(spec, WEEK_START, WEEK_END, source);
		source.read(WEEK_START, WEEK_END, aggregator, null);
		MeterAggregate week = aggregator.finish();
		// rows every 10 s, none from Tuesday 02:00:00 to 02:39:50 local: the gap runs from the row at 01:59:50 to the
		// one at 02:40:00 (2 410 s); by trapezoid the last 10 s of the week (after the row at 23:59:50) are not covered
		assertEquals(604_800 - 2_410 - 10, week.coveredSeconds(), 1e-6);
		assertEquals(2410, week.longestGapSeconds(), 1e-6);
		assertEquals(Instant.parse("2026-03-03T00:59:50Z"), week.longestGapStart());
		MeterAggregate.Share processing = week.perState().get("processing");
		assertEquals(17_500, processing.energyJ() / processing.seconds(), 300);
		assertEquals(completedCycles(ExampleData.HMC1), week.parts());
		assertTrue(week.diagnostics().stream().noneMatch(d -> d.severity() != org.zerocarbon.telemetry.Diagnostic.Severity.INFO),
				week.diagnostics().toString());
	}

	/** Parts made in the week by the generator's own timeline (completed cycles), counted independently. */
	private static long completedCycles(ExampleData.Machine machine) {
		return ExampleData.timeline(machine).stream().filter(s -> "PROGRAM_COMPLETED".equals(s.execution())).count();
	}
}
