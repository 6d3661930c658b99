package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.evidence.DeterministicZip;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.EvidenceVerifier.Verification;
import org.zerocarbon.evidence.ManifestSignature;
import org.zerocarbon.evidence.SafeZip;

/**
 * The CMS signature of manifest.json: made from a PKCS#12 key with its chain, reproducible, checked by verify,
 * refused when made by another key or when the manifest changed; the plain signature of earlier packages still checked.
 */
class SignatureTest {

	@TempDir
	static Path dir;

	static ManifestSignature.Signer a;
	static ManifestSignature.Signer b;
	static SortedMap<String, byte[]> entries;

	@BeforeAll
	static void keysAndPackage() throws Exception {
		a = keystore("a.p12", "CN=Integrator A,O=Example");
		b = keystore("b.p12", "CN=Someone Else,O=Elsewhere");
		EvidencePackage.Built built = EvidencePackage.build(EvidencePackageTest.exampleModels(), EvidencePackageTest.EXAMPLES, options(),
				dir.resolve("signed.zip"), null);
		entries = SafeZip.read(built.zip(), SafeZip.Limits.DEFAULT);
		// leave it for a check with OpenSSL (docs/evidence.md), when the build asks for it
		String sample = System.getProperty("zerocarbon.evidence.sampleDir");
		if (sample != null) {
			Files.createDirectories(Path.of(sample));
			Files.copy(built.zip(), Path.of(sample, "signed-evidence.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static EvidencePackage.Options options() {
		return EvidencePackage.Options.defaults().withIterations(0).withPdf(false).withMeasured(List.of()).withSigner(a);
	}

	/** A fresh RSA key with a self-signed certificate, made by the JDK's keytool. */
	static ManifestSignature.Signer keystore(String name, String dname) throws Exception {
		Path file = dir.resolve(name);
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keystore", file.toString(), "-storetype", "PKCS12",
				"-storepass", "secret", "-keypass", "secret", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
				"-dname", dname).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertEquals(0, process.waitFor(), output);
		return new ManifestSignature.Signer(file, "signer", "secret".toCharArray());
	}

	private static KeyStore load(ManifestSignature.Signer signer) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(signer.keystore())) {
			store.load(in, signer.password());
		}
		return store;
	}

	@Test
	void aSignedPackageVerifiesAndNamesItsSigner() throws IOException {
		assertTrue(entries.containsKey(ManifestSignature.SIGNATURE), entries.keySet()::toString);
		assertFalse(entries.containsKey(ManifestSignature.PLAIN_SIGNATURE) || entries.containsKey(ManifestSignature.CERTIFICATES));
		Verification verification = EvidenceVerifier.verify(dir.resolve("signed.zip"), null);
		assertTrue(verification.ok(), verification.failures()::toString);
		assertTrue(verification.notes().stream().anyMatch(n -> n.startsWith("manifest.json is signed (CMS) by CN=Integrator A,O=Example")
				&& n.contains("issued by CN=Integrator A,O=Example, 1 in the chain")), verification.notes()::toString);
	}

	@Test
	void aSignedPackageIsReproducible() throws IOException {
		// RSA PKCS#1 v1.5 signatures are deterministic and the CMS has no signing time
		EvidencePackage.Built again = EvidencePackage.build(EvidencePackageTest.exampleModels(), EvidencePackageTest.EXAMPLES, options(),
				dir.resolve("again.zip"), null);
		assertArrayEquals(entries.get(ManifestSignature.SIGNATURE), SafeZip.read(again.zip(), SafeZip.Limits.DEFAULT).get(ManifestSignature.SIGNATURE));
	}

	@Test
	void aSignatureByAnotherKeyIsRefused() throws Exception {
		// B's key signs, but the signer info names A's certificate (as a forger who holds A's certificate would)
		KeyStore keysOfA = load(a);
		PrivateKey keyOfB = (PrivateKey) load(b).getKey("signer", b.password());
		X509Certificate certificateOfA = (X509Certificate) keysOfA.getCertificate("signer");
		byte[] forgedCms = ManifestSignature.sign(entries.get("manifest.json"), new JcaContentSignerBuilder("SHA256withRSA").build(keyOfB),
				certificateOfA, List.<Certificate>of(certificateOfA));
		SortedMap<String, byte[]> forged = new TreeMap<>(entries);
		forged.put(ManifestSignature.SIGNATURE, forgedCms);
		assertEquals(List.of("manifest.json.p7s: the signature does not match manifest.json with the key of CN=Integrator A,O=Example"
				+ " (signed by another key, or the manifest was changed)"), verify(forged, "other-key.zip").failures());
	}

	@Test
	void aManifestChangedAfterSigningIsRefused() throws IOException {
		SortedMap<String, byte[]> changed = new TreeMap<>(entries);
		String manifest = new String(entries.get("manifest.json"), StandardCharsets.UTF_8).replace("\"seed\": 42", "\"seed\": 43");
		changed.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
		List<String> failures = verify(changed, "changed.zip").failures();
		assertTrue(failures.contains("manifest.json.p7s: the signature does not match manifest.json with the key of CN=Integrator A,O=Example"
				+ " (signed by another key, or the manifest was changed)"), failures::toString);
	}

	@Test
	void garbageInsteadOfASignatureIsReported() throws IOException {
		SortedMap<String, byte[]> broken = new TreeMap<>(entries);
		broken.put(ManifestSignature.SIGNATURE, "not DER".getBytes(StandardCharsets.US_ASCII));
		List<String> failures = verify(broken, "garbage.zip").failures();
		assertEquals(1, failures.size(), failures::toString);
		assertTrue(failures.get(0).startsWith("manifest.json.p7s: not a CMS signature"), failures::toString);
	}

	@Test
	void thePlainSignatureOfEarlierPackagesIsStillChecked() throws Exception {
		KeyStore keys = load(a);
		Signature rsa = Signature.getInstance("SHA256withRSA");
		rsa.initSign((PrivateKey) keys.getKey("signer", a.password()));
		rsa.update(entries.get("manifest.json"));
		String pem = "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(keys.getCertificate("signer").getEncoded())
				+ "\n-----END CERTIFICATE-----\n";
		SortedMap<String, byte[]> old = new TreeMap<>(entries);
		old.remove(ManifestSignature.SIGNATURE);
		old.put(ManifestSignature.PLAIN_SIGNATURE, rsa.sign());
		old.put(ManifestSignature.CERTIFICATES, pem.getBytes(StandardCharsets.US_ASCII));
		Verification verification = verify(old, "plain.zip");
		assertTrue(verification.ok(), verification.failures()::toString);
		old.remove(ManifestSignature.CERTIFICATES);
		assertEquals(List.of("manifest.json.certs.pem: missing beside manifest.json.sig"), verify(old, "no-chain.zip").failures());
	}

	private static Verification verify(SortedMap<String, byte[]> content, String name) throws IOException {
		Path zip = dir.resolve(name);
		Files.write(zip, DeterministicZip.of(content));
		return EvidenceVerifier.verify(zip, null);
	}
}
