package org.zerocarbon.telemetry.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.Signal;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;
import org.zerocarbon.telemetry.opcua.OpcUaItem;
import org.zerocarbon.telemetry.opcua.OpcUaLive;
import org.zerocarbon.telemetry.opcua.OpcUaSource;

/** OpcUaSource against a Milo server on loopback with an hour of history (see {@link EnergyTestServer}). */
class OpcUaSourceTest extends EnergyServerTest {

	private static final String POWER_PATH = "Machines/VMC1/EnergyManagement/ActivePowerTotal";
	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	/** Collects what a source delivers. */
	static class Recorder implements RecordSink {
		final List<long[]> times = new ArrayList<>();
		final List<Double> values = new ArrayList<>();
		final List<Long> unavailable = new ArrayList<>();
		final List<Diagnostic> diagnostics = new ArrayList<>();

		@Override
		public void value(String channel, long epochMillis, double si) {
			times.add(new long[] { epochMillis });
			values.add(si);
		}

		@Override
		public void unavailable(String channel, long epochMillis) {
			unavailable.add(epochMillis);
		}

		@Override
		public void event(EventKind kind, String channel, long epochMillis, String value) {
		}

		@Override
		public void diagnostic(Diagnostic diagnostic) {
			diagnostics.add(diagnostic);
		}

		double sum() {
			return values.stream().mapToDouble(Double::doubleValue).sum();
		}
	}

	private static OpcUaSource source(OpcUaItem item, OpcUaCredentials credentials) {
		return new OpcUaSource("VMC1", server.url(), List.of(item), credentials, TIMEOUT);
	}

	@Test
	void historyOfAPeriodInWattsWithTheBadSampleUnavailable() throws Exception {
		// [T0+600 s, T0+1200 s) holds samples i = 60..119 at 10 s: 60 samples. i = 75 has a bad status, so 59 values
		// and one unavailable at T0+750 s. Of the 59, 30 have even i (10 kW) and 29 odd i (20 kW, 75 is odd):
		// 30 * 10,000 W + 29 * 20,000 W = 300,000 + 580,000 = 880,000 W.
		Recorder sink = new Recorder();
		Instant from = EnergyTestServer.T0.plusSeconds(600);
		source(OpcUaItem.node(server.powerNodeId(), Signal.POWER), null).read(from, from.plusSeconds(600), sink,
				new NullProgressMonitor());
		assertEquals(59, sink.values.size(), sink.diagnostics.toString());
		assertEquals(List.of(EnergyTestServer.T0.plusSeconds(750).toEpochMilli()), sink.unavailable);
		assertEquals(880_000.0, sink.sum(), 1e-6);
		assertEquals(from.toEpochMilli(), sink.times.get(0)[0]);
		assertEquals(10_000.0, sink.values.get(0), 1e-9); // i = 60, even
		assertEquals(from.plusSeconds(590).toEpochMilli(), sink.times.get(58)[0]); // i = 119, the last
	}

	@Test
	void theWholeHourFollowsContinuationPoints() throws Exception {
		// 360 samples, the server answers 25 per request: ceil(360 / 25) = 15 requests. 359 values + 1 unavailable;
		// 180 even (10 kW) + 179 odd (20 kW) = 1,800,000 + 3,580,000 = 5,380,000 W.
		Recorder sink = new Recorder();
		int before = server.historyRequests.get();
		source(OpcUaItem.path(POWER_PATH, Signal.POWER), null).read(EnergyTestServer.T0,
				EnergyTestServer.T0.plusSeconds(3600), sink, null);
		assertEquals(15, server.historyRequests.get() - before);
		assertEquals(359, sink.values.size(), sink.diagnostics.toString());
		assertEquals(1, sink.unavailable.size());
		assertEquals(5_380_000.0, sink.sum(), 1e-6);
	}

	@Test
	void aHistoryReadAggregatesIntoEnergy() throws Exception {
		// [T0, T0+600 s): samples i = 0..59 at 10 s, alternating 10 kW / 20 kW, all good. TRAPEZOID (the OPC UA
		// default): each of the 59 spans between neighbours averages 15 kW over 10 s = 150,000 J, so
		// 59 * 150,000 = 8,850,000 J; the last 10 s (after the sample at 590 s) is shorter than the gap threshold
		// (3 x 10 s) and not integrated under TRAPEZOID.
		OpcUaSource source = source(OpcUaItem.node(server.powerNodeId(), Signal.POWER), null);
		Instant end = EnergyTestServer.T0.plusSeconds(600);
		Aggregator aggregator = Aggregator.of(
				MeterSpec.power(server.powerNodeId()).withInterval(Duration.ofSeconds(10), null), EnergyTestServer.T0,
				end, source);
		source.read(EnergyTestServer.T0, end, aggregator, null);
		MeterAggregate aggregate = aggregator.finish();
		assertEquals(60, aggregate.samples());
		assertEquals(8_850_000.0, aggregate.energyJ(), 1e-6);
	}

	@Test
	void aSubscriptionDeliversLiveChangesInWattsUntilStopped() throws Exception {
		// the node's current value is 20 kW (sample 359 is odd); set to 15 kW it must arrive as 15,000 W.
		List<Double> received = java.util.Collections.synchronizedList(new ArrayList<>());
		Recorder sink = new Recorder() {
			@Override
			public void value(String channel, long epochMillis, double si) {
				received.add(si);
			}
		};
		try (OpcUaLive live = source(OpcUaItem.path(POWER_PATH, Signal.POWER), null).live(Duration.ofMillis(100),
				sink)) {
			live.start();
			waitFor(() -> received.contains(20_000.0));
			server.setPowerKw(15.0);
			waitFor(() -> received.contains(15_000.0));
			live.stop();
			int count = received.size();
			server.setPowerKw(12.0);
			Thread.sleep(600);
			assertEquals(count, received.size(), "a value arrived after stop(): " + received);
		} finally {
			server.setPowerKw(20.0);
		}
	}

	private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < deadline, "not within 5 s");
			Thread.sleep(20);
		}
	}

	@Test
	void anEnergyCounterInKilowattHoursComesInJoules() throws Exception {
		// samples i = 0, 1: 100 kWh and 100.05 kWh = 360,000,000 J and 360,180,000 J (1 kWh = 3.6 MJ).
		Recorder sink = new Recorder();
		source(OpcUaItem.path("Machines/VMC1/EnergyManagement/ActiveEnergyImport", Signal.ENERGY_COUNTER), null)
				.read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(20), sink, null);
		assertEquals(List.of(360_000_000.0, 360_180_000.0), sink.values);
	}

	@Test
	void aUnitThatIsNotAPowerIsAnErrorAndTheItemIsSkipped() throws Exception {
		Recorder sink = new Recorder();
		source(OpcUaItem.path("Machines/VMC1/EnergyManagement/Temperature", Signal.POWER), null)
				.read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(600), sink, null);
		assertTrue(sink.values.isEmpty());
		assertEquals(1, sink.diagnostics.size(), sink.diagnostics.toString());
		assertEquals(Diagnostic.Severity.ERROR, sink.diagnostics.get(0).severity());
		assertTrue(sink.diagnostics.get(0).message().contains("not a unit of POWER"), sink.diagnostics.toString());
	}

	@Test
	void aBrowsePathThatDoesNotExistIsAnError() throws Exception {
		Recorder sink = new Recorder();
		source(OpcUaItem.path("Machines/VMC9/EnergyManagement/ActivePowerTotal", Signal.POWER), null)
				.read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(600), sink, null);
		assertTrue(sink.values.isEmpty());
		assertTrue(sink.diagnostics.get(0).message().contains("no node 'VMC9' below Objects/Machines"),
				sink.diagnostics.toString());
	}

	@Test
	void theRightPasswordIsAcceptedAndAWrongOneRefused() throws Exception {
		OpcUaCredentials good = OpcUaCredentials
				.fromEnvironment(Map.of("ZCW_OPCUA_USER", "meter", "ZCW_OPCUA_PASSWORD", "s3cret"));
		Recorder sink = new Recorder();
		source(OpcUaItem.node(server.powerNodeId(), Signal.POWER), good).read(EnergyTestServer.T0,
				EnergyTestServer.T0.plusSeconds(100), sink, null);
		assertEquals(10, sink.values.size()); // i = 0..9

		OpcUaCredentials bad = OpcUaCredentials
				.fromEnvironment(Map.of("ZCW_OPCUA_USER", "meter", "ZCW_OPCUA_PASSWORD", "wrong"));
		TelemetryException e = assertThrows(TelemetryException.class,
				() -> source(OpcUaItem.node(server.powerNodeId(), Signal.POWER), bad).read(EnergyTestServer.T0,
						EnergyTestServer.T0.plusSeconds(100), new Recorder(), null));
		assertTrue(e.getMessage().contains(server.url()) && e.getMessage().contains("user meter"), e.getMessage());
	}

	@Test
	void aServerThatIsDownIsAClearErrorWithinTheTimeout() throws Exception {
		String url = "opc.tcp://127.0.0.1:" + EnergyTestServer.freePort() + "/zcw";
		OpcUaSource source = new OpcUaSource(null, url, List.of(OpcUaItem.node("ns=2;s=X", Signal.POWER)), null,
				TIMEOUT);
		long start = System.nanoTime();
		TelemetryException e = assertThrows(TelemetryException.class,
				() -> source.read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(60), new Recorder(), null));
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertTrue(millis < TIMEOUT.toMillis() + 2000, millis + " ms");
		assertEquals(url, e.source());
		assertTrue(e.getMessage().contains("cannot discover the endpoints of the OPC UA server " + url),
				e.getMessage());
	}

	@Test
	void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
			List<Socket> accepted = new ArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						accepted.add(silent.accept());
					}
				} catch (IOException closed) {
					// the test is over
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			String url = "opc.tcp://127.0.0.1:" + silent.getLocalPort() + "/zcw";
			OpcUaSource source = new OpcUaSource(null, url, List.of(OpcUaItem.node("ns=2;s=X", Signal.POWER)), null,
					Duration.ofSeconds(1));
			long start = System.nanoTime();
			TelemetryException e = assertThrows(TelemetryException.class,
					() -> source.read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(60), new Recorder(), null));
			long millis = (System.nanoTime() - start) / 1_000_000;
			assertTrue(millis < 4000, millis + " ms");
			assertTrue(e.getMessage().contains(url), e.getMessage());
			silent.close();
			for (Socket socket : accepted) {
				socket.close();
			}
		}
	}

	@Test
	void theEnvironmentGivesAnonymousByDefaultAndRefusesAnUnknownPolicy() {
		assertTrue(OpcUaCredentials.fromEnvironment(Map.of()).identity("x", "opc.tcp://h:1").anonymous());
		assertEquals(OpcUaCredentials.Policy.Basic256Sha256, OpcUaCredentials
				.fromEnvironment(Map.of("ZCW_OPCUA_SECURITY", "basic256sha256")).identity(null, null).policy());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> OpcUaCredentials.fromEnvironment(Map.of("ZCW_OPCUA_SECURITY", "Basic512")));
		assertTrue(e.getMessage().contains("Basic512"));
	}
}
