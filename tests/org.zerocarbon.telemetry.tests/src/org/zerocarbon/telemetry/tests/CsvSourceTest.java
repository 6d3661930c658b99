package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.csv.CsvLayout;
import org.zerocarbon.telemetry.csv.CsvLayout.Column;
import org.zerocarbon.telemetry.csv.CsvLayout.TimeFormat;
import org.zerocarbon.telemetry.csv.CsvSource;

class CsvSourceTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@TempDir
	Path dir;

	private RecordingSink read(String name, String text, CsvLayout layout) throws IOException, TelemetryException {
		Path file = dir.resolve(name);
		Files.writeString(file, text, StandardCharsets.UTF_8);
		RecordingSink sink = new RecordingSink();
		new CsvSource(file, layout).read(null, null, sink, new NullProgressMonitor());
		return sink;
	}

	@Test
	void germanExportWithTitleLinesPatternAndDecimalComma() throws Exception {
		// 2 title lines, a comment, ';' and ',' decimals, kW (factor 1000), local times in Berlin (CET = UTC+1 on
		// 2 March): 08:00:00 local = 07:00:00Z
		String text = """
				Export Maschine HMC1
				Zeitraum 02.03.2026
				Zeit;Leistung kW;Status
				# synthetic
				02.03.2026 08:00:00;1,5;READY
				02.03.2026 08:00:01;2,5;ACTIVE
				02.03.2026 08:00:02;abc;ACTIVE
				02.03.2026 08:00:03;2;ACTIVE
				2.3.26 8:00;1;READY
				02.03.2026 08:00:05
				""";
		CsvLayout layout = new CsvLayout(';', ',', 2, true, "Zeit", TimeFormat.PATTERN, "dd.MM.yyyy HH:mm:ss", BERLIN,
				List.of(new Column("Leistung kW", 1000)), "Status", null, null);
		RecordingSink sink = read("hmc1.csv", text, layout);
		assertEquals(List.of("STATE Status 2026-03-02T07:00:00Z READY", "Leistung kW 2026-03-02T07:00:00Z 1500.0",
				"STATE Status 2026-03-02T07:00:01Z ACTIVE", "Leistung kW 2026-03-02T07:00:01Z 2500.0",
				"Leistung kW 2026-03-02T07:00:03Z 2000.0"), sink.records);
		assertEquals(List.of("WARNING 7: 'abc' in column 'Leistung kW' is not a number: row skipped",
				"WARNING 9: timestamp '2.3.26 8:00' does not match 'dd.MM.yyyy HH:mm:ss': row skipped",
				"WARNING 10: the row has 1 fields, 3 needed: skipped"), sink.problems());
		assertTrue(sink.diagnostics.stream().allMatch(d -> d.source().endsWith("hmc1.csv")));
	}

	@Test
	void isoEpochSecondsAndEpochMillisGiveTheSameInstants() throws Exception {
		// 2026-03-02T07:00:00Z = 1772434800 s since the epoch (20514 days * 86400 + 7 h)
		Column power = new Column("p", 1);
		RecordingSink iso = read("iso.csv", "t,p\n2026-03-02T08:00:00+01:00,5\n2026-03-02 07:00:01.5Z,6\n",
				CsvLayout.of("t", List.of(power)));
		RecordingSink epochS = read("s.csv", "t,p\n1772434800,5\n1772434801.5,6\n",
				CsvLayout.of("t", List.of(power)).withTime(TimeFormat.EPOCH_S, null, ZoneOffset.UTC));
		RecordingSink epochMs = read("ms.csv", "t\tp\n1772434800000\t5\n1772434801500\t6\n",
				CsvLayout.of("t", List.of(power)).withSeparators('\t', '.').withTime(TimeFormat.EPOCH_MS, null, null));
		List<String> expected = List.of("p 2026-03-02T07:00:00Z 5.0", "p 2026-03-02T07:00:01.500Z 6.0");
		assertEquals(expected, iso.records);
		assertEquals(expected, epochS.records);
		assertEquals(expected, epochMs.records);
	}

	@Test
	void localTimesAcrossBothDstChanges() throws Exception {
		// Berlin 2026: 29 March 02:00 local jumps to 03:00 (02:30 does not exist); 25 October 03:00 CEST falls
		// back to 02:00 CET, so 02:00..02:59 happen twice: first +02:00 (00:xxZ), then +01:00 (01:xxZ)
		String text = """
				t,p
				2026-03-29T01:59:00,1
				2026-03-29T02:30:00,2
				2026-03-29T03:00:00,3
				2026-10-25T02:30:00,4
				2026-10-25T02:59:00,5
				2026-10-25T02:00:00,6
				2026-10-25T02:30:00,7
				2026-10-25T03:00:00,8
				""";
		RecordingSink sink = read("dst.csv", text, CsvLayout.of("t", List.of(new Column("p", 1))).withTime(TimeFormat.ISO, null, BERLIN));
		assertEquals(List.of("p 2026-03-29T00:59:00Z 1.0", "p 2026-03-29T01:00:00Z 3.0", "p 2026-10-25T00:30:00Z 4.0",
				"p 2026-10-25T00:59:00Z 5.0", "p 2026-10-25T01:00:00Z 6.0", "p 2026-10-25T01:30:00Z 7.0",
				"p 2026-10-25T02:00:00Z 8.0"), sink.records);
		assertEquals(2, sink.diagnostics.size());
		assertEquals(Diagnostic.Severity.ERROR, sink.diagnostics.get(0).severity());
		assertEquals(3, sink.diagnostics.get(0).line());
		assertTrue(sink.diagnostics.get(0).message().contains("does not exist"), sink.problems().toString());
		assertEquals(Diagnostic.Severity.INFO, sink.diagnostics.get(1).severity());
		assertEquals(5, sink.diagnostics.get(1).line());
	}

	@Test
	void quotedFieldsGoThroughTheGeneralParser() throws Exception {
		String text = "time,power,program\n\"2026-03-02T07:00:00Z\",\"12.5\",\"HOUSING, \"\"OP10\"\"\"\n2026-03-02T07:00:01Z,13,OP20\n";
		RecordingSink sink = read("q.csv", text, CsvLayout.of("time", List.of(new Column("power", 1))).withEvents(null, "program", null));
		assertEquals(List.of("PROGRAM program 2026-03-02T07:00:00Z HOUSING, \"OP10\"", "power 2026-03-02T07:00:00Z 12.5",
				"PROGRAM program 2026-03-02T07:00:01Z OP20", "power 2026-03-02T07:00:01Z 13.0"), sink.records);
	}

	@Test
	void aMissingColumnIsAClearError() throws Exception {
		Path file = dir.resolve("m.csv");
		Files.writeString(file, "# synthetic\ntime,kw\n2026-03-02T07:00:00Z,1\n");
		TelemetryException e = assertThrows(TelemetryException.class, () -> new CsvSource(file,
				CsvLayout.of("time", List.of(new Column("power", 1)))).read(null, null, new RecordingSink(), null));
		assertEquals(file + ":2: the value column 'power' is not in the header; the columns are [time, kw]", e.located());
	}

	@Test
	void gzipIsDetectedByItsMagicBytesAndAPeriodIsHonoured() throws Exception {
		Path file = dir.resolve("data.bin");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write("t,p\n2026-03-02T07:00:00Z,1\n2026-03-02T07:00:01Z,2\n2026-03-02T07:00:02Z,3\n".getBytes(StandardCharsets.UTF_8));
		}
		RecordingSink sink = new RecordingSink();
		new CsvSource(file, CsvLayout.of("t", List.of(new Column("p", 1)))).read(Instant.parse("2026-03-02T07:00:01Z"),
				Instant.parse("2026-03-02T07:00:02Z"), sink, null);
		assertEquals(List.of("p 2026-03-02T07:00:01Z 2.0"), sink.records);
	}

	@Test
	void aCancelledReadStops() throws Exception {
		// the reader looks at the monitor every 65 536 rows; 100 000 rows with a cancelled monitor stop at the first look
		StringBuilder text = new StringBuilder("t,p\n");
		for (int i = 0; i < 100_000; i++) {
			text.append(1_772_434_800L + i).append(",1\n");
		}
		Path file = dir.resolve("cancel.csv");
		Files.writeString(file, text);
		org.eclipse.core.runtime.NullProgressMonitor monitor = new org.eclipse.core.runtime.NullProgressMonitor();
		monitor.setCanceled(true);
		RecordingSink sink = new RecordingSink();
		assertThrows(org.eclipse.core.runtime.OperationCanceledException.class, () -> new CsvSource(file,
				CsvLayout.of("t", List.of(new Column("p", 1))).withTime(TimeFormat.EPOCH_S, null, null)).read(null, null, sink, monitor));
		assertTrue(sink.records.size() < 100_000, "stopped early: " + sink.records.size());
	}

	@Test
	void aLargeFileIsStreamedUnderASmallHeap() throws Exception {
		// 2 000 000 rows of 1 s at a constant 1500 W (~70 MB; the test JVM runs with -Xmx128m, see the pom):
		// trapezoid over 1 999 999 s = 2 999 998 500 J
		Path file = dir.resolve("big.csv");
		long start = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("timestamp,power_w,state\n");
			for (int i = 0; i < 2_000_000; i++) {
				out.write(Instant.ofEpochSecond(start + i).toString());
				out.write(",1500.0,processing\n");
			}
		}
		assertTrue(Files.size(file) > 60_000_000L);
		CsvSource source = new CsvSource(file, CsvLayout.of("timestamp", List.of(new Column("power_w", 1))).withEvents("state", null, null));
		Aggregator aggregator = Aggregator.of(MeterSpec.power("power_w").withState("state", null, null), null, null, source);
		source.read(null, null, aggregator, null);
		MeterAggregate result = aggregator.finish();
		assertEquals(2_000_000, result.samples());
		assertEquals(2_999_998_500.0, result.energyJ(), 1e-3);
		assertEquals(1_999_999, result.perState().get("processing").seconds(), 1e-9);
		assertTrue(Runtime.getRuntime().maxMemory() <= 200L * 1024 * 1024, "the test must run with a small heap");
	}
}
