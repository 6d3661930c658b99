package org.zerocarbon.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The optional detached signature of manifest.json, with the standard Java security APIs (no CMS library in the
 * target platform yet): {@code manifest.json.sig} holds the raw signature (SHA256withRSA or SHA256withECDSA by the
 * key's algorithm) over manifest.json's bytes, {@code manifest.json.certs.pem} the signer's certificate chain,
 * leaf first. It can be checked without our product:
 * {@code openssl x509 -in manifest.json.certs.pem -pubkey -noout > pub.pem;
 * openssl dgst -sha256 -verify pub.pem -signature manifest.json.sig manifest.json}.
 * <p>
 * Since the manifest holds the SHA-256 of every other file, the signature covers the whole package.
 */
public final class ManifestSignature {

	/** The signature entry. */
	public static final String SIGNATURE = "manifest.json.sig";
	/** The certificate chain entry. */
	public static final String CERTIFICATES = "manifest.json.certs.pem";

	/**
	 * Where the signing key is.
	 *
	 * @param keystore a PKCS#12 keystore
	 * @param alias    the key's alias
	 * @param password the keystore's and key's password
	 */
	public record Signer(Path keystore, String alias, char[] password) {
	}

	/** A signature and its certificate chain as package entries. */
	public record Signed(byte[] signature, byte[] certificatesPem) {
	}

	private ManifestSignature() {
	}

	/** Signs the manifest's bytes. */
	public static Signed sign(byte[] manifest, Signer signer) throws IOException {
		try (InputStream in = Files.newInputStream(signer.keystore())) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, signer.password());
			Key key = store.getKey(signer.alias(), signer.password());
			Certificate[] chain = store.getCertificateChain(signer.alias());
			if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
				throw new IOException(signer.keystore().getFileName() + ": no private key with a certificate under the alias '" + signer.alias() + "'");
			}
			Signature signature = Signature.getInstance(algorithm(privateKey.getAlgorithm()));
			signature.initSign(privateKey);
			signature.update(manifest);
			StringBuilder pem = new StringBuilder();
			for (Certificate certificate : chain) {
				pem.append("-----BEGIN CERTIFICATE-----\n")
						.append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded()))
						.append("\n-----END CERTIFICATE-----\n");
			}
			return new Signed(signature.sign(), pem.toString().getBytes(StandardCharsets.US_ASCII));
		} catch (GeneralSecurityException e) {
			throw new IOException(signer.keystore().getFileName() + ": cannot sign with the alias '" + signer.alias() + "': " + e.getMessage(), e);
		}
	}

	/**
	 * Checks a signature against the leaf certificate of the chain.
	 *
	 * @return null when it holds, else why not
	 */
	public static String check(byte[] manifest, byte[] signatureBytes, byte[] certificatesPem, List<String> notes) {
		try {
			List<X509Certificate> chain = new ArrayList<>();
			for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(certificatesPem))) {
				chain.add((X509Certificate) c);
			}
			if (chain.isEmpty()) {
				return CERTIFICATES + ": holds no certificate";
			}
			X509Certificate leaf = chain.get(0);
			Signature signature = Signature.getInstance(algorithm(leaf.getPublicKey().getAlgorithm()));
			signature.initVerify(leaf.getPublicKey());
			signature.update(manifest);
			if (!signature.verify(signatureBytes)) {
				return SIGNATURE + ": the signature does not match manifest.json with the key of " + leaf.getSubjectX500Principal().getName()
						+ " (signed by another key, or the manifest was changed)";
			}
			notes.add("manifest.json is signed by " + leaf.getSubjectX500Principal().getName() + " (certificate SHA-256 "
					+ EvidencePackage.sha256(leaf.getEncoded()) + ", " + chain.size() + " in the chain); compare it with the signer you expect");
			return null;
		} catch (GeneralSecurityException | RuntimeException e) {
			return SIGNATURE + ": cannot be checked: " + e.getMessage();
		}
	}

	private static String algorithm(String keyAlgorithm) throws GeneralSecurityException {
		return switch (keyAlgorithm) {
			case "RSA" -> "SHA256withRSA";
			case "EC" -> "SHA256withECDSA";
			default -> throw new GeneralSecurityException("keys of type " + keyAlgorithm + " are not supported (use RSA or EC)");
		};
	}
}
