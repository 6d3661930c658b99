package org.zerocarbon.telemetry.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An MTConnect agent on 127.0.0.1 (a port the OS assigns) with real sequence semantics: a circular buffer of
 * {@code capacity} observations numbered from 1 per agent run (instanceId), {@code /sample?from=&count=} pages
 * answering firstSequence, lastSequence and nextSequence, OUT_OF_RANGE for a from outside the buffer, a restart
 * with a new instanceId, and an optional delay (a slow agent). Every document it serves is kept for validation.
 */
final class FakeAgent implements AutoCloseable {

	private record Observation(long sequence, String element, String id, boolean sample, Instant time, String value) {
	}

	private final HttpServer server;
	private final int capacity;
	private final List<Observation> buffer = new ArrayList<>();
	private String instanceId;
	private long nextSequence = 1;
	volatile long delayMillis;
	final List<String> requests = new ArrayList<>();
	final List<String> documents = new ArrayList<>();

	FakeAgent(String instanceId, int capacity) throws IOException {
		this.instanceId = instanceId;
		this.capacity = capacity;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", this::handle);
		server.start();
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
	}

	synchronized void sample(String element, String id, Instant time, String value) {
		add(new Observation(nextSequence++, element, id, true, time, value));
	}

	synchronized void event(String element, String id, Instant time, String value) {
		add(new Observation(nextSequence++, element, id, false, time, value));
	}

	private void add(Observation observation) {
		buffer.add(observation);
		if (buffer.size() > capacity) {
			buffer.remove(0);
		}
	}

	/** The agent restarts: a new instanceId, an empty buffer, sequences from 1 again. */
	synchronized void restart(String newInstanceId) {
		instanceId = newInstanceId;
		buffer.clear();
		nextSequence = 1;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			if (delayMillis > 0) {
				Thread.sleep(delayMillis);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		String body;
		int status = 200;
		synchronized (this) {
			String query = exchange.getRequestURI().getRawQuery();
			requests.add(exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query));
			Map<String, String> parameters = new HashMap<>();
			if (query != null) {
				for (String pair : query.split("&")) {
					String[] kv = pair.split("=", 2);
					parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
				}
			}
			long first = buffer.isEmpty() ? nextSequence : buffer.get(0).sequence();
			long last = nextSequence - 1;
			long from = parameters.containsKey("from") ? Long.parseLong(parameters.get("from")) : first;
			int count = Integer.parseInt(parameters.getOrDefault("count", "100"));
			if (!exchange.getRequestURI().getPath().endsWith("/sample")) {
				status = 404;
				body = error("UNSUPPORTED", "only /sample");
			} else if (from < first || from > last + 1) {
				status = 400;
				body = error("OUT_OF_RANGE", "'from' must be between " + first + " and " + (last + 1));
			} else {
				body = streams(from, count, first, last);
			}
			documents.add(body);
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/xml");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** The Header; an MTConnectError's has no deviceModelChangeTime (see its schema). */
	private String header(String extra, boolean streams) {
		return "<Header creationTime=\"" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
				+ "\" sender=\"fake-agent\" instanceId=\"" + instanceId + "\" version=\"2.4.0.0\" "
				+ (streams ? "deviceModelChangeTime=\"2026-03-01T00:00:00Z\" " : "") + "bufferSize=\"" + capacity + "\"" + extra + "/>";
	}

	private String streams(long from, int count, long first, long last) {
		long next = Math.min(from + count, last + 1);
		StringBuilder samples = new StringBuilder();
		StringBuilder events = new StringBuilder();
		for (Observation o : buffer) {
			if (o.sequence() >= from && o.sequence() < next) {
				(o.sample() ? samples : events).append("<").append(o.element()).append(" dataItemId=\"").append(o.id())
						.append("\" timestamp=\"").append(o.time()).append("\" sequence=\"").append(o.sequence()).append("\">")
						.append(o.value()).append("</").append(o.element()).append(">\n");
			}
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:2.4\">\n"
				+ header(" firstSequence=\"" + first + "\" lastSequence=\"" + last + "\" nextSequence=\"" + next + "\"", true)
				+ "\n<Streams><DeviceStream name=\"VMC1\" uuid=\"vmc1-0001\">\n"
				+ (samples.isEmpty() ? "" : "<ComponentStream component=\"Electric\" componentId=\"elec\"><Samples>\n" + samples
						+ "</Samples></ComponentStream>\n")
				+ (events.isEmpty() ? "" : "<ComponentStream component=\"Controller\" componentId=\"ctrl\"><Events>\n" + events
						+ "</Events></ComponentStream>\n")
				+ "</DeviceStream></Streams></MTConnectStreams>\n";
	}

	private String error(String code, String text) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectError xmlns=\"urn:mtconnect.org:MTConnectError:2.4\">\n"
				+ header("", false) + "\n<Errors><Error errorCode=\"" + code + "\">" + text + "</Error></Errors></MTConnectError>\n";
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
