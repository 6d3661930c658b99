package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.mtconnect.MTConnectAgentSource;

/** The live client against {@link FakeAgent} on loopback; every served document is checked against the schemas. */
class MTConnectAgentSourceTest {

	private static final Instant T0 = Instant.parse("2026-03-02T07:00:00Z");

	private FakeAgent agent;
	private final java.util.List<MTConnectAgentSource> clients = new java.util.ArrayList<>();

	@BeforeEach
	void start() throws Exception {
		agent = new FakeAgent("1001", 16);
	}

	@AfterEach
	void stop() throws Exception {
		clients.forEach(MTConnectAgentSource::close);
		agent.close();
		for (String document : agent.documents) {
			Fixtures.validateServed(document);
		}
	}

	private void power(int fromSecond, int toSecond) {
		for (int s = fromSecond; s < toSecond; s++) {
			agent.sample("Wattage", "vmc1_power", T0.plusSeconds(s), String.valueOf(1000 + s));
		}
	}

	private MTConnectAgentSource client() {
		return client(agent.uri(), Duration.ofSeconds(5), 6);
	}

	private MTConnectAgentSource client(URI uri, Duration timeout, int count) {
		MTConnectAgentSource client = new MTConnectAgentSource(uri, null, timeout, count);
		clients.add(client);
		return client;
	}

	private static List<String> powers(int fromSecond, int toSecond) {
		return IntStream.range(fromSecond, toSecond).mapToObj(s -> "vmc1_power " + T0.plusSeconds(s) + " " + (1000.0 + s)).toList();
	}

	@Test
	void pagesThroughNextSequenceAndGoesOnWhereItStopped() throws Exception {
		power(0, 14); // sequences 1..14; pages of 6: 1-6, 7-12, 13-14
		MTConnectAgentSource client = client();
		RecordingSink sink = new RecordingSink();
		client.read(null, null, sink, null);
		assertEquals(powers(0, 14), sink.records);
		assertEquals(List.of("/sample?count=6", "/sample?from=7&count=6", "/sample?from=13&count=6"), agent.requests);
		power(14, 17); // 15..17
		RecordingSink more = new RecordingSink();
		client.read(null, null, more, null);
		assertEquals(powers(14, 17), more.records);
		assertEquals("/sample?from=15&count=6", agent.requests.get(3));
		assertTrue(sink.diagnostics.isEmpty() && more.diagnostics.isEmpty());
		assertEquals("1001", client.instanceId());
	}

	@Test
	void anAgentRestartIsAWarningAndReadingStartsAgainAtItsFirstSequence() throws Exception {
		power(0, 4);
		MTConnectAgentSource client = client();
		client.read(null, null, new RecordingSink(), null);
		agent.restart("2002");
		power(100, 103); // sequences 1..3 of the new run
		RecordingSink sink = new RecordingSink();
		client.read(null, null, sink, null);
		assertEquals(powers(100, 103), sink.records);
		assertEquals(1, sink.diagnostics.size());
		assertTrue(sink.diagnostics.get(0).message().contains("the agent restarted (instanceId 1001 -> 2002)"), sink.problems().toString());
		assertEquals("2002", client.instanceId());
	}

	@Test
	void aBufferOverrunReportsTheGapBeforeTheRecordsAfterIt() throws Exception {
		power(0, 5); // 1..5 read
		MTConnectAgentSource client = client();
		client.read(null, null, new RecordingSink(), null);
		power(5, 35); // 6..35; the buffer of 16 keeps 20..35, so 6..19 are lost
		RecordingSink sink = new RecordingSink();
		client.read(null, null, sink, null);
		assertEquals(1, sink.diagnostics.size());
		assertTrue(sink.diagnostics.get(0).message().contains("sequences 6 to 19 are lost"), sink.problems().toString());
		// the gap starts just after the last instant read (second 4) and comes before second 19 (sequence 20)
		assertEquals("vmc1_power " + T0.plusSeconds(4).plusMillis(1) + " UNAVAILABLE", sink.records.get(0));
		assertEquals(powers(19, 35), sink.records.subList(1, sink.records.size()));
	}

	@Test
	void anAgentThatIsDownIsAClearError() throws Exception {
		URI uri = agent.uri();
		agent.close();
		TelemetryException e = assertThrows(TelemetryException.class,
				() -> client(uri, Duration.ofSeconds(2), 10).read(null, null, new RecordingSink(), null));
		assertTrue(e.getMessage().startsWith("the MTConnect agent is not reachable"), e.getMessage());
	}

	@Test
	void aSlowAgentTimesOut() throws Exception {
		power(0, 2);
		agent.delayMillis = 3000;
		MTConnectAgentSource slow = client(agent.uri(), Duration.ofMillis(300), 10);
		TelemetryException e = assertThrows(TelemetryException.class, () -> slow.read(null, null, new RecordingSink(), null));
		assertEquals("the MTConnect agent did not answer within 300 ms", e.getMessage());
		agent.delayMillis = 0;
	}
}
