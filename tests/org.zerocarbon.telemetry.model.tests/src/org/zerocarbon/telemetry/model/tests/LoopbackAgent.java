package org.zerocarbon.telemetry.model.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An MTConnect agent on 127.0.0.1 (a free port) whose buffer holds a fixed list of Wattage samples of two devices;
 * every {@code /sample} request is answered with all of them in one page (nextSequence past lastSequence: the client
 * has caught up). It records the requests, which is what the tests count.
 */
final class LoopbackAgent implements AutoCloseable {

	/** One Wattage observation. */
	record Sample(String device, String dataItemId, String timestamp, double watts) {
	}

	private final HttpServer server;
	final List<String> requests = new CopyOnWriteArrayList<>();

	LoopbackAgent(List<Sample> samples) throws IOException {
		byte[] body = document(samples).getBytes(StandardCharsets.UTF_8);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", exchange -> {
			requests.add(exchange.getRequestURI().toString());
			exchange.getResponseHeaders().set("Content-Type", "application/xml");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	/** The agent's base URL, with a trailing slash. */
	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	private static String document(List<Sample> samples) {
		StringBuilder streams = new StringBuilder();
		long sequence = 1;
		for (String device : samples.stream().map(Sample::device).distinct().toList()) {
			streams.append("<DeviceStream name=\"").append(device).append("\" uuid=\"").append(device.toLowerCase())
					.append("\"><ComponentStream component=\"Electric\" componentId=\"").append(device).append("_elec\"><Samples>\n");
			for (Sample s : samples) {
				if (s.device().equals(device)) {
					streams.append("<Wattage dataItemId=\"").append(s.dataItemId()).append("\" timestamp=\"").append(s.timestamp())
							.append("\" sequence=\"").append(sequence++).append("\">").append(s.watts()).append("</Wattage>\n");
				}
			}
			streams.append("</Samples></ComponentStream></DeviceStream>\n");
		}
		long last = sequence - 1;
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:2.4\">\n"
				+ "<Header creationTime=\"2026-11-02T09:00:00Z\" sender=\"loopback\" instanceId=\"7\" version=\"2.4.0.0\" bufferSize=\"1000\" "
				+ "firstSequence=\"1\" lastSequence=\"" + last + "\" nextSequence=\"" + (last + 1) + "\"/>\n<Streams>" + streams
				+ "</Streams></MTConnectStreams>\n";
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
