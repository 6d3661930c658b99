package org.zerocarbon.telemetry.opcua.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.Signal;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;
import org.zerocarbon.telemetry.opcua.OpcUaItem;
import org.zerocarbon.telemetry.opcua.OpcUaPki;
import org.zerocarbon.telemetry.opcua.OpcUaSource;
import org.zerocarbon.telemetry.opcua.tests.OpcUaSourceTest.Recorder;

/**
 * Basic256Sha256 with SignAndEncrypt against {@link EnergyTestServer}: the server's certificate is checked against
 * the client's PKI folder, and the client's own certificate is kept in that folder's keystore.
 */
class TrustListTest extends EnergyServerTest {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);
	private static final OpcUaPki.KeystorePassword PASSWORD = (file, create) -> "keystore-test".toCharArray();

	@TempDir
	Path dir;

	private static OpcUaCredentials secure(OpcUaPki pki, String user, String password) {
		return OpcUaCredentials.fromEnvironment(user == null ? Map.of("ZCW_OPCUA_SECURITY", "Basic256Sha256")
				: Map.of("ZCW_OPCUA_SECURITY", "Basic256Sha256", "ZCW_OPCUA_USER", user, "ZCW_OPCUA_PASSWORD", password))
				.withPki(pki);
	}

	private static Recorder readFirst100Seconds(OpcUaCredentials credentials) throws TelemetryException {
		Recorder sink = new Recorder();
		new OpcUaSource("VMC1", server.url(), List.of(OpcUaItem.node(server.powerNodeId(), Signal.POWER)), credentials,
				TIMEOUT).read(EnergyTestServer.T0, EnergyTestServer.T0.plusSeconds(100), sink, null);
		return sink;
	}

	/** SHA-1 over the DER encoding, computed here with the JDK, not with the code under test. */
	private static String sha1(X509Certificate certificate) throws Exception {
		return HexFormat.of().withUpperCase()
				.formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
	}

	@Test
	void anUntrustedServerIsRefusedAndReadAfterItsCertificateIsMovedToTrusted() throws Exception {
		OpcUaPki pki = new OpcUaPki(dir.resolve("pki"), PASSWORD);
		server.trustClient(pki.clientCertificate());
		String thumbprint = sha1(server.certificate);

		TelemetryException refused = assertThrows(TelemetryException.class,
				() -> readFirst100Seconds(secure(pki, null, null)));
		String message = refused.getMessage();
		assertTrue(message.contains(server.url()), message);
		assertTrue(message.contains("CN=" + EnergyTestServer.COMMON_NAME), message);
		assertTrue(message.contains("SHA-1 thumbprint " + thumbprint), message);
		assertTrue(message.contains("from rejected/ to trusted/"), message);
		assertTrue(message.contains("Trust it in Preferences > ZeroCarbon > OPC UA Servers"), message);

		// the certificate is in rejected/, as a DER file of the server's certificate, and nothing is trusted
		List<OpcUaPki.Entry> entries = pki.entries();
		assertEquals(1, entries.size(), entries.toString());
		OpcUaPki.Entry rejected = entries.get(0);
		assertEquals(OpcUaPki.State.REJECTED, rejected.state());
		assertEquals(pki.rejected(), rejected.file().getParent());
		assertEquals(thumbprint, rejected.thumbprint());
		assertEquals(EnergyTestServer.APPLICATION_URI, rejected.uri());
		assertTrue(message.contains(rejected.file().toString()), message);

		// the user moves the file by hand, as the message says
		Files.move(rejected.file(), pki.trustedCerts().resolve(rejected.file().getFileName()));
		// [T0, T0+100 s) holds samples i = 0..9, all good: five even (10 kW) and five odd (20 kW):
		// 5 * 10,000 W + 5 * 20,000 W = 150,000 W; the first is i = 0, 10,000 W.
		Recorder sink = readFirst100Seconds(secure(pki, null, null));
		assertEquals(10, sink.values.size(), sink.diagnostics.toString());
		assertEquals(150_000.0, sink.sum(), 1e-6);
		assertEquals(10_000.0, sink.values.get(0), 1e-9);
		assertEquals(OpcUaPki.State.TRUSTED, pki.entries().get(0).state());

		// over the encrypted channel the user token is checked as well: right and wrong password
		assertEquals(10, readFirst100Seconds(secure(pki, "meter", "s3cret")).values.size());
		TelemetryException wrong = assertThrows(TelemetryException.class,
				() -> readFirst100Seconds(secure(pki, "meter", "wrong")));
		assertTrue(wrong.getMessage().contains(server.url()) && wrong.getMessage().contains("user meter")
				&& wrong.getMessage().contains("security basic256sha256")
				&& wrong.getMessage().contains("Bad_UserAccessDenied"), wrong.getMessage());
	}

	@Test
	void trustingThroughTheApiMovesTheRejectedCertificate() throws Exception {
		OpcUaPki pki = new OpcUaPki(dir.resolve("pki"), PASSWORD);
		server.trustClient(pki.clientCertificate());
		assertThrows(TelemetryException.class, () -> readFirst100Seconds(secure(pki, null, null)));
		OpcUaPki.Entry trusted = pki.trust(pki.rejected(sha1(server.certificate)));
		assertEquals(pki.trustedCerts(), trusted.file().getParent());
		assertTrue(Files.list(pki.rejected()).findAny().isEmpty(), "rejected/ is empty again");
		assertEquals(10, readFirst100Seconds(secure(pki, null, null)).values.size());

		// removed from the trust list, the server is refused again
		pki.remove(trusted);
		assertThrows(TelemetryException.class, () -> readFirst100Seconds(secure(pki, null, null)));
	}

	@Test
	void theClientCertificateIsKeptInTheKeystoreAcrossRuns() throws Exception {
		Path folder = dir.resolve("pki");
		X509Certificate first = new OpcUaPki(folder, PASSWORD).clientCertificate();
		assertTrue(Files.isRegularFile(folder.resolve("own/zerocarbon-client.pfx")));
		assertEquals(OpcUaSource.APPLICATION_URI, CertificateUtil.getSanUri(first).orElse(null));
		// a second "run": a new PKI object over the same folder reads the keystore instead of making a new key
		X509Certificate second = new OpcUaPki(folder, PASSWORD).clientCertificate();
		assertEquals(sha1(first), sha1(second));
		// another folder makes another certificate (so the equality above is not a constant)
		assertNotEquals(sha1(first), sha1(new OpcUaPki(dir.resolve("other"), PASSWORD).clientCertificate()));

		// the server trusts only the first certificate: a later run with the kept one is let in
		OpcUaPki later = new OpcUaPki(folder, PASSWORD);
		server.trustClient(first);
		Files.createDirectories(later.trustedCerts());
		Files.write(later.trustedCerts().resolve("server.der"), server.certificate.getEncoded());
		assertEquals(10, readFirst100Seconds(secure(later, null, null)).values.size());

		// a wrong keystore password is a clear error naming the keystore
		IOException e = assertThrows(IOException.class,
				() -> new OpcUaPki(folder, (file, create) -> "not it".toCharArray()).clientCertificate());
		assertTrue(e.getMessage().contains("cannot open the client keystore " + later.keystore()), e.getMessage());
	}

	@Test
	void headlessRunsKeepARandomKeystorePasswordReadableByTheOwnerOnly() throws Exception {
		String before = System.getProperty(OpcUaPki.PROPERTY);
		System.setProperty(OpcUaPki.PROPERTY, dir.resolve("zcw-pki").toString());
		try {
			OpcUaPki pki = OpcUaPki.headless();
			assertEquals(dir.resolve("zcw-pki").toAbsolutePath(), pki.directory());
			String thumbprint = sha1(pki.clientCertificate());
			Path password = pki.keystore().resolveSibling("zerocarbon-client.password");
			assertTrue(Files.size(password) >= 32, "24 random bytes in base64 are 32 characters");
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
			assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.keystore())));
			assertEquals(thumbprint, sha1(OpcUaPki.headless().clientCertificate()));
		} finally {
			if (before == null) {
				System.clearProperty(OpcUaPki.PROPERTY);
			} else {
				System.setProperty(OpcUaPki.PROPERTY, before);
			}
		}
	}

	@Test
	void policyNoneNeedsNoCertificateAndWritesNoPki() throws Exception {
		OpcUaPki pki = new OpcUaPki(dir.resolve("pki"), PASSWORD);
		Recorder sink = readFirst100Seconds(OpcUaCredentials.anonymous().withPki(pki));
		assertEquals(10, sink.values.size());
		assertTrue(Files.notExists(pki.directory()), "no PKI folder for policy None");
	}
}
