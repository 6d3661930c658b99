package org.zerocarbon.telemetry.opcua;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;

/**
 * The client's public-key infrastructure folder, laid out as Eclipse Milo's {@link DefaultTrustListManager} (and
 * most OPC UA tools) keep it:
 *
 * <pre>
 * pki/trusted/certs   server (or CA) certificates the client trusts, DER files
 * pki/trusted/crl     their revocation lists
 * pki/issuers/certs   CA certificates that may issue a server's certificate, not trusted themselves
 * pki/issuers/crl
 * pki/rejected        server certificates that were refused, to be looked at and moved to trusted/certs
 * pki/own             the client's own certificate and key (a PKCS#12 keystore, see {@link #clientCertificate()})
 * </pre>
 *
 * With a security policy other than None a server's certificate must be in trusted/certs or issued by a trusted
 * CA; an unknown one lands in rejected/ and the connection is refused with a message that says how to trust it.
 * The workbench keeps its folder in the workspace's state location and the keystore password in the secure storage;
 * headless runs ({@link #headless()}) use {@code -Dzerocarbon.opcua.pki=DIR}, else {@code ZCW_OPCUA_PKI}, else
 * {@code ~/.config/zerocarbon/opcua/pki}.
 */
public final class OpcUaPki {

	/** The system property naming the headless PKI folder. */
	public static final String PROPERTY = "zerocarbon.opcua.pki";
	/** The environment variable naming the headless PKI folder (when the property is not set). */
	public static final String ENVIRONMENT = "ZCW_OPCUA_PKI";

	/** Where a certificate of the trust list is. */
	public enum State {
		/** In trusted/certs: servers with it are accepted. */
		TRUSTED,
		/** In rejected/: a server presented it and it was refused. */
		REJECTED
	}

	/**
	 * One certificate file of the trust list, for listing (preference page) and for messages.
	 *
	 * @param file       the DER file
	 * @param state      trusted or rejected
	 * @param subject    the subject's distinguished name
	 * @param thumbprint the SHA-1 thumbprint of the DER encoding, upper-case hex (as OPC UA tools show it)
	 * @param notBefore  start of validity
	 * @param notAfter   end of validity
	 * @param uri        the application URI in the subject alternative name, null if none
	 */
	public record Entry(Path file, State state, String subject, String thumbprint, Instant notBefore, Instant notAfter,
			String uri) {
	}

	/**
	 * The password of the client's keystore: from the workbench's secure storage, or (headless) from a file next to
	 * the keystore. Asked with {@code create} = true when no keystore exists yet (the supplier may then make a new
	 * one up and keep it); with false the existing keystore's password is wanted.
	 */
	@FunctionalInterface
	public interface KeystorePassword {
		/**
		 * @param keystore the keystore file
		 * @param create   true when the keystore is about to be created
		 * @return the password, never null
		 * @throws IOException when no password can be given (the message says why)
		 */
		char[] get(Path keystore, boolean create) throws IOException;
	}

	private final Path directory;
	private final KeystorePassword password;

	/**
	 * @param directory the PKI folder (created with its subfolders on first use)
	 * @param password  where the keystore password comes from
	 */
	public OpcUaPki(Path directory, KeystorePassword password) {
		this.directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
		this.password = Objects.requireNonNull(password, "password");
	}

	/**
	 * The PKI of headless runs (zcw): the folder from {@value #PROPERTY}, else {@value #ENVIRONMENT}, else
	 * {@code $XDG_CONFIG_HOME/zerocarbon/opcua/pki} ({@code ~/.config} when XDG_CONFIG_HOME is unset); the keystore
	 * password from {@link FilePassword}.
	 */
	public static OpcUaPki headless() {
		return headless(System.getenv(), System.getProperty(PROPERTY), System.getProperty("user.home"));
	}

	/** {@link #headless()} over given values (for tests). */
	static OpcUaPki headless(Map<String, String> env, String property, String home) {
		Path folder;
		if (property != null && !property.isBlank()) {
			folder = Path.of(property.trim());
		} else if (env.get(ENVIRONMENT) != null && !env.get(ENVIRONMENT).isBlank()) {
			folder = Path.of(env.get(ENVIRONMENT).trim());
		} else {
			String config = env.get("XDG_CONFIG_HOME");
			folder = (config == null || config.isBlank() ? Path.of(home, ".config") : Path.of(config))
					.resolve("zerocarbon").resolve("opcua").resolve("pki");
		}
		return new OpcUaPki(folder, new FilePassword(env));
	}

	/** The PKI folder. */
	public Path directory() {
		return directory;
	}

	/** trusted/certs: server certificates to accept. */
	public Path trustedCerts() {
		return directory.resolve("trusted").resolve("certs");
	}

	/** rejected/: server certificates refused so far. */
	public Path rejected() {
		return directory.resolve("rejected");
	}

	/** issuers/certs: CA certificates that may have issued a server's certificate. */
	public Path issuerCerts() {
		return directory.resolve("issuers").resolve("certs");
	}

	/** The client's PKCS#12 keystore, own/zerocarbon-client.pfx. */
	public Path keystore() {
		return directory.resolve("own").resolve("zerocarbon-client.pfx");
	}

	KeystorePassword password() {
		return password;
	}

	/**
	 * The client's application instance certificate, made once (with {@link OpcUaSource#APPLICATION_URI} in its
	 * subject alternative name) and kept in {@link #keystore()}; later calls and later runs give the same one.
	 *
	 * @throws IOException when the keystore cannot be made, read, or opened with its password
	 */
	public X509Certificate clientCertificate() throws IOException {
		return ClientCertificate.load(this, OpcUaSource.APPLICATION_URI).certificate();
	}

	/** Opens Milo's trust list manager on this folder (it watches trusted/ and issuers/ until closed). */
	DefaultTrustListManager openTrustList() throws IOException {
		return new DefaultTrustListManager(directory.toFile());
	}

	/** The certificates in trusted/certs and rejected/, trusted first, each sorted by subject. */
	public List<Entry> entries() throws IOException {
		List<Entry> entries = new ArrayList<>(entries(trustedCerts(), State.TRUSTED));
		entries.addAll(entries(rejected(), State.REJECTED));
		return entries;
	}

	private static List<Entry> entries(Path folder, State state) throws IOException {
		List<Entry> entries = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return entries;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, Files::isRegularFile)) {
			for (Path file : files) {
				X509Certificate certificate = read(file);
				if (certificate != null) {
					entries.add(entry(file, state, certificate));
				}
			}
		}
		entries.sort((a, b) -> a.subject().compareToIgnoreCase(b.subject()));
		return entries;
	}

	/** The certificate in a DER or PEM file, null when the file holds none. */
	static X509Certificate read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return CertificateUtil.decodeCertificate(in);
		} catch (IOException | UaException | RuntimeException e) {
			return null;
		}
	}

	static Entry entry(Path file, State state, X509Certificate certificate) {
		return new Entry(file, state, certificate.getSubjectX500Principal().getName(), thumbprint(certificate),
				certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant(),
				CertificateUtil.getSanUri(certificate).orElse(null));
	}

	/** The SHA-1 thumbprint of a certificate's DER encoding, upper-case hex without separators. */
	public static String thumbprint(X509Certificate certificate) {
		try {
			return HexFormat.of().withUpperCase()
					.formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
		} catch (NoSuchAlgorithmException | CertificateEncodingException e) {
			throw new IllegalStateException("cannot take the thumbprint of " + certificate.getSubjectX500Principal(), e);
		}
	}

	/**
	 * Trusts a rejected certificate: moves its file to trusted/certs (a trusted one stays where it is).
	 *
	 * @return the entry as it is now
	 */
	public Entry trust(Entry entry) throws IOException {
		if (entry.state() == State.TRUSTED) {
			return entry;
		}
		Files.createDirectories(trustedCerts());
		Path target = trustedCerts().resolve(entry.file().getFileName());
		Files.move(entry.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return new Entry(target, State.TRUSTED, entry.subject(), entry.thumbprint(), entry.notBefore(),
				entry.notAfter(), entry.uri());
	}

	/** Removes a certificate from the trust list (trusted: no longer accepted; rejected: forgotten). */
	public void remove(Entry entry) throws IOException {
		Files.deleteIfExists(entry.file());
	}

	/** The rejected entry with this thumbprint, or null. */
	public Entry rejected(String thumbprint) throws IOException {
		for (Entry entry : entries(rejected(), State.REJECTED)) {
			if (entry.thumbprint().equalsIgnoreCase(thumbprint)) {
				return entry;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "OpcUaPki[" + directory + "]";
	}
}
