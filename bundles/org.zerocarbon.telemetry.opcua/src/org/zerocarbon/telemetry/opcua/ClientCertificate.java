package org.zerocarbon.telemetry.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Period;
import java.util.Arrays;
import java.util.Date;

import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * The client's application instance certificate and key for signed/encrypted policies, kept in the PKI folder's
 * PKCS#12 keystore ({@link OpcUaPki#keystore()}, alias {@value #ALIAS}): made once, self-signed, RSA 2048, valid
 * five years, with the application URI in the subject alternative name; every later connection and run uses the same
 * one, so a server administrator trusts it once. An expired one is replaced by a new one (which the servers then
 * have to trust again). The keystore's password comes from {@link OpcUaPki.KeystorePassword}.
 *
 * @param keyPair     the key pair
 * @param certificate the certificate
 */
record ClientCertificate(KeyPair keyPair, X509Certificate certificate) {

	/** The keystore entry's alias. */
	static final String ALIAS = "zerocarbon-client";

	/** The certificate in the keystore, made (and the keystore written) when there is none or it has expired. */
	static synchronized ClientCertificate load(OpcUaPki pki, String applicationUri) throws IOException {
		Path file = pki.keystore();
		if (Files.exists(file)) {
			ClientCertificate kept = read(file, pki.password().get(file, false));
			if (kept.certificate().getNotAfter().after(new Date())) {
				return kept;
			}
		}
		char[] password = pki.password().get(file, true);
		ClientCertificate made = create(applicationUri);
		try {
			write(file, password, made);
		} finally {
			Arrays.fill(password, '\0');
		}
		return made;
	}

	/** Sets the key pair and certificate of a client configuration. */
	void configure(OpcUaClientConfigBuilder config) {
		config.setKeyPair(keyPair).setCertificate(certificate).setCertificateChain(new X509Certificate[] { certificate });
	}

	private static ClientCertificate read(Path file, char[] password) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			Key key = store.getKey(ALIAS, password);
			Certificate certificate = store.getCertificate(ALIAS);
			if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
				throw new IOException("the keystore " + file + " has no key entry '" + ALIAS + "'");
			}
			return new ClientCertificate(new KeyPair(x509.getPublicKey(), privateKey), x509);
		} catch (GeneralSecurityException | IOException e) {
			throw new IOException("cannot open the client keystore " + file + " (" + e.getMessage() + "); delete it to"
					+ " make a new client certificate (the servers then have to trust the new one)", e);
		} finally {
			Arrays.fill(password, '\0');
		}
	}

	private static ClientCertificate create(String applicationUri) throws IOException {
		try {
			KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
			X509Certificate certificate = new SelfSignedCertificateBuilder(keyPair)
					.setCommonName("ZeroCarbon Workbench").setOrganization("ZeroCarbon Workbench")
					.setApplicationUri(applicationUri).setValidityPeriod(Period.ofYears(5)).build();
			return new ClientCertificate(keyPair, certificate);
		} catch (Exception e) {
			throw new IOException("cannot make the OPC UA client certificate: " + e.getMessage(), e);
		}
	}

	/** Writes a new keystore beside the target and moves it in (readable by its owner only where POSIX). */
	private static void write(Path file, char[] password, ClientCertificate made) throws IOException {
		Files.createDirectories(file.getParent());
		Path temporary;
		try {
			temporary = Files.createTempFile(file.getParent(), "client", ".tmp",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		} catch (UnsupportedOperationException e) {
			temporary = Files.createTempFile(file.getParent(), "client", ".tmp");
		}
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(ALIAS, made.keyPair().getPrivate(), password, new Certificate[] { made.certificate() });
			try (OutputStream out = Files.newOutputStream(temporary)) {
				store.store(out, password);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (GeneralSecurityException e) {
			throw new IOException("cannot write the client keystore " + file + ": " + e.getMessage(), e);
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
