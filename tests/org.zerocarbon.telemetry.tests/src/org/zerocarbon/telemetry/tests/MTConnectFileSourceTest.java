package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.Integration;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.mtconnect.MTConnectFileSource;
import org.zerocarbon.telemetry.mtconnect.Probe;

class MTConnectFileSourceTest {

	@TempDir
	Path dir;

	private static MTConnectFileSource recording() throws TelemetryException {
		return new MTConnectFileSource(MTConnectFileSource.glob(Fixtures.FIXTURES, "vmc1-sample-*.xml"),
				Fixtures.fixture("vmc1-probe.xml"));
	}

	@Test
	void observationsArriveInSequenceOrderAcrossComponents() throws Exception {
		RecordingSink sink = new RecordingSink();
		new MTConnectFileSource(List.of(Fixtures.fixture("vmc1-sample-1.xml")), null).read(null, null, sink, null);
		// the document lists the Electric samples before the Controller events; the sink gets them by sequence;
		// POWER_FACTOR is in PERCENT: 92 -> 0.92
		assertEquals(List.of("vmc1_power 2026-03-02T07:00:00Z 1200.0", "vmc1_energy 2026-03-02T07:00:00Z 1000000.0",
				"vmc1_pf 2026-03-02T07:00:00Z 0.92", "EXECUTION vmc1_exec 2026-03-02T07:00:00Z READY",
				"PROGRAM vmc1_prog 2026-03-02T07:00:00Z O1001", "PART_COUNT vmc1_parts 2026-03-02T07:00:00Z 41",
				"vmc1_power 2026-03-02T07:00:10Z 9500.0", "EXECUTION vmc1_exec 2026-03-02T07:00:10Z ACTIVE",
				"vmc1_power 2026-03-02T07:00:20Z 9400.0", "vmc1_power 2026-03-02T07:00:30Z 1250.0",
				"EXECUTION vmc1_exec 2026-03-02T07:00:30Z READY", "PART_COUNT vmc1_parts 2026-03-02T07:00:30Z 42"), sink.records);
	}

	@Test
	void aggregatesARecordingWithOverlapUnavailableAndRestart() throws Exception {
		// HOLD (MTConnect's default), nominal 10 s (gap threshold 30 s), period 07:00:00 .. 07:01:30.
		// ready 0-10 s 1200 W = 12 000 J; processing 10-20 9500 W = 95 000, 20-30 9400 W = 94 000; ready 30-40
		// 1250 W = 12 500 (held until UNAVAILABLE at 40); gap 40-50; processing 50-60 9200 W = 92 000, 60-70 9600 W
		// = 96 000; ready 70-80 1200 W = 12 000, 80-90 1300 W (after the restart, held to the end) = 13 000.
		// total 426 500 J over 80 s; processing 40 s 377 000 J; ready 40 s 49 500 J; longest gap 10 s at 07:00:40.
		// parts 41 -> 42 -> 43, then 0 after the restart (a reset, no part): 2 parts, 213 250 J per part.
		// The overlap (sequences 11, 12 in the second file) is read once: no duplicate warnings.
		MTConnectFileSource source = recording();
		MeterSpec spec = MeterSpec.power("vmc1_power").withInterval(java.time.Duration.ofSeconds(10), null)
				.withState("vmc1_exec", "vmc1_pwr", null).withProgram("vmc1_prog", "vmc1_parts");
		Aggregator aggregator = Aggregator.of(spec, Instant.parse("2026-03-02T07:00:00Z"), Instant.parse("2026-03-02T07:01:30Z"), source);
		assertEquals(Integration.HOLD, source.defaultIntegration());
		source.read(null, null, aggregator, null);
		MeterAggregate result = aggregator.finish();
		assertEquals(426_500, result.energyJ(), 1e-6);
		assertEquals(80, result.coveredSeconds(), 1e-9);
		assertEquals(80 / 90.0, result.coverage(), 1e-9);
		assertEquals(10, result.longestGapSeconds(), 1e-9);
		assertEquals(Instant.parse("2026-03-02T07:00:40Z"), result.longestGapStart());
		assertEquals(new MeterAggregate.Share(40, 377_000, 0), result.perState().get("processing"));
		assertEquals(new MeterAggregate.Share(40, 49_500, 0), result.perState().get("ready"));
		assertEquals(2, result.parts());
		assertEquals(213_250, result.energyPerPartJ(), 1e-6);
		assertEquals(new MeterAggregate.Share(80, 426_500, 2), result.perProgram().get("O1001"));
		assertTrue(result.diagnostics().stream().noneMatch(d -> d.message().contains("duplicate")), result.diagnostics().toString());
		assertTrue(result.diagnostics().stream().anyMatch(d -> d.message().contains("agent restarted")));
	}

	@Test
	void typesResolveFromTheProbeOrFromTheStreams() throws Exception {
		MTConnectFileSource withProbe = recording();
		assertEquals("vmc1_power", withProbe.resolve("WATTAGE", null, null, null));
		assertEquals("vmc1_parts", withProbe.resolve("PART_COUNT", "ALL", null, null));
		assertEquals("vmc1_energy", withProbe.resolve("ELECTRICAL_ENERGY", null, "VMC1", null));
		MTConnectFileSource withoutProbe = new MTConnectFileSource(List.of(Fixtures.fixture("vmc1-sample-1.xml")), null);
		assertEquals("vmc1_pf", withoutProbe.resolve("POWER_FACTOR", null, null, null));
		assertEquals("vmc1_energy", withoutProbe.resolve("ELECTRICAL_ENERGY", null, null, null));
		RecordingSink sink = new RecordingSink();
		assertNull(withoutProbe.resolve("AMPERAGE_AC", null, null, sink));
		assertEquals(List.of("ERROR -1: no data item of type AMPERAGE_AC"), sink.problems());
		Probe probe = Probe.read(Fixtures.fixture("vmc1-probe.xml"));
		assertEquals("PERCENT", probe.items().get("vmc1_pf").units());
		assertEquals(8, probe.items().size());
	}

	@Test
	void gzipFilesAreReadByTheirMagicBytes() throws Exception {
		Path gz = dir.resolve("vmc1-sample-1.xml.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
			out.write(Files.readAllBytes(Fixtures.fixture("vmc1-sample-1.xml")));
		}
		RecordingSink sink = new RecordingSink();
		new MTConnectFileSource(List.of(gz), null).read(null, null, sink, null);
		assertEquals(12, sink.records.size());
	}

	@Test
	void aDoctypeIsRefusedAndNoEntityIsExpanded() throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET");
		String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE MTConnectStreams [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
				+ "<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:2.4\"><Header creationTime=\"2026-03-02T07:00:00Z\" "
				+ "sender=\"a\" instanceId=\"1\" version=\"2.4.0.0\" deviceModelChangeTime=\"2026-03-01T00:00:00Z\" bufferSize=\"1\" "
				+ "firstSequence=\"1\" lastSequence=\"1\" nextSequence=\"2\"/><Streams><DeviceStream name=\"d\" uuid=\"u\">"
				+ "<ComponentStream component=\"Controller\" componentId=\"c\"><Events><Program dataItemId=\"p\" "
				+ "timestamp=\"2026-03-02T07:00:00Z\" sequence=\"1\">&xxe;</Program></Events></ComponentStream></DeviceStream>"
				+ "</Streams></MTConnectStreams>";
		Path file = dir.resolve("xxe.xml");
		Files.writeString(file, xxe);
		RecordingSink sink = new RecordingSink();
		TelemetryException e = assertThrows(TelemetryException.class,
				() -> new MTConnectFileSource(List.of(file), null).read(null, null, sink, null));
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
		assertEquals(2, e.line());
		assertTrue(sink.records.stream().noneMatch(r -> r.contains("TOP-SECRET")));
		Path probe = dir.resolve("probe-xxe.xml");
		Files.writeString(probe, "<?xml version=\"1.0\"?>\n<!DOCTYPE x [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>\n"
				+ "<MTConnectDevices xmlns=\"urn:mtconnect.org:MTConnectDevices:2.4\">&xxe;</MTConnectDevices>");
		assertTrue(assertThrows(TelemetryException.class, () -> Probe.read(probe)).getMessage().contains("DOCTYPE"));
	}

	@Test
	void badObservationsAreDiagnosticsWithTheirLine() throws Exception {
		// the 9400 W sample is on line 13 of the fixture
		String text = Files.readString(Fixtures.fixture("vmc1-sample-1.xml")).replace(">9400<", ">94OO<");
		Path file = dir.resolve("bad.xml");
		Files.writeString(file, text);
		RecordingSink sink = new RecordingSink();
		new MTConnectFileSource(List.of(file), null).read(null, null, sink, null);
		assertEquals(11, sink.records.size());
		assertEquals(List.of("WARNING 13: <Wattage dataItemId=\"vmc1_power\"> value '94OO' is not a number: skipped"), sink.problems());
		assertEquals(Diagnostic.Severity.WARNING, sink.diagnostics.get(0).severity());
	}

	@Test
	void aProbeIsNotAStreamsDocumentAndMalformedXmlIsLocated() throws Exception {
		TelemetryException probe = assertThrows(TelemetryException.class, () -> new MTConnectFileSource(
				List.of(Fixtures.fixture("vmc1-probe.xml")), null).read(null, null, new RecordingSink(), null));
		assertTrue(probe.getMessage().contains("this is a probe"), probe.getMessage());
		Path broken = dir.resolve("broken.xml");
		Files.writeString(broken, Files.readString(Fixtures.fixture("vmc1-sample-1.xml")).replace("</Samples>", ""));
		TelemetryException malformed = assertThrows(TelemetryException.class,
				() -> new MTConnectFileSource(List.of(broken), null).read(null, null, new RecordingSink(), null));
		assertTrue(malformed.line() > 0 && malformed.getMessage().startsWith("malformed XML"), malformed.located());
	}
}
