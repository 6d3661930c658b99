package org.zerocarbon.telemetry.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.Signal;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;
import org.zerocarbon.telemetry.opcua.OpcUaItem;
import org.zerocarbon.telemetry.opcua.OpcUaPki;
import org.zerocarbon.telemetry.opcua.OpcUaSource;

/**
 * A trusted certificate is not enough: it must also name the host the client reached. Here the server answers on
 * 127.0.0.1 with a certificate for plc.example only (no IP address): a man in the middle holding a trusted
 * certificate of another machine is refused, with a message that says which names the certificate holds.
 */
class HostNameCheckTest {

	private static EnergyTestServer server;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() throws Exception {
		server = new EnergyTestServer("plc.example", null);
	}

	@AfterAll
	static void stop() throws Exception {
		server.stop();
	}

	@Test
	void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
		OpcUaPki pki = new OpcUaPki(dir.resolve("pki"), (keystore, create) -> "keystore-test".toCharArray());
		server.trustClient(pki.clientCertificate());
		Files.createDirectories(pki.trustedCerts());
		Files.write(pki.trustedCerts().resolve("server.der"), server.certificate.getEncoded());
		OpcUaCredentials credentials = OpcUaCredentials
				.fromEnvironment(Map.of("ZCW_OPCUA_SECURITY", "Basic256Sha256")).withPki(pki);

		TelemetryException refused = assertThrows(TelemetryException.class,
				() -> new OpcUaSource("VMC1", server.url(), List.of(OpcUaItem.node(server.powerNodeId(), Signal.POWER)),
						credentials, Duration.ofSeconds(5)).read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(100),
								new OpcUaSourceTest.Recorder(), null));
		String message = refused.getMessage();
		assertTrue(message.contains("is reached as 127.0.0.1"), message);
		assertTrue(message.contains("DNS [plc.example]") && message.contains("IP []"), message);
		assertTrue(!message.contains("not trusted"), "the certificate is trusted; the host is what is wrong: " + message);
	}
}
