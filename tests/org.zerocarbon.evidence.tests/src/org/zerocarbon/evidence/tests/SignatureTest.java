package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.evidence.DeterministicZip;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.EvidenceVerifier.Verification;
import org.zerocarbon.evidence.ManifestSignature;
import org.zerocarbon.evidence.SafeZip;

/** The detached signature of manifest.json: made from a PKCS#12 key, checked by verify, refused from another key. */
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
		EvidencePackage.Options options = EvidencePackage.Options.defaults().withIterations(0).withPdf(false).withSigner(a);
		EvidencePackage.Built built = EvidencePackage.build(EvidencePackageTest.exampleModels(), EvidencePackageTest.EXAMPLES, options,
				dir.resolve("signed.zip"), null);
		entries = SafeZip.read(built.zip(), SafeZip.Limits.DEFAULT);
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

	@Test
	void aSignedPackageVerifiesAndNamesItsSigner() throws IOException {
		assertTrue(entries.containsKey(ManifestSignature.SIGNATURE) && entries.containsKey(ManifestSignature.CERTIFICATES), entries.keySet()::toString);
		Verification verification = EvidenceVerifier.verify(dir.resolve("signed.zip"), null);
		assertTrue(verification.ok(), verification.failures()::toString);
		assertTrue(verification.notes().stream().anyMatch(n -> n.startsWith("manifest.json is signed by CN=Integrator A,O=Example")),
				verification.notes()::toString);
	}

	@Test
	void aSignatureFromAnotherKeyIsRefused() throws IOException {
		SortedMap<String, byte[]> forged = new TreeMap<>(entries);
		forged.put(ManifestSignature.SIGNATURE, ManifestSignature.sign(entries.get("manifest.json"), b).signature());
		Path zip = dir.resolve("other-key.zip");
		Files.write(zip, DeterministicZip.of(forged));
		Verification verification = EvidenceVerifier.verify(zip, null);
		assertEquals(List.of("manifest.json.sig: the signature does not match manifest.json with the key of CN=Integrator A,O=Example"
				+ " (signed by another key, or the manifest was changed)"), verification.failures());
	}

	@Test
	void aMissingCertificateChainIsReported() throws IOException {
		SortedMap<String, byte[]> stripped = new TreeMap<>(entries);
		stripped.remove(ManifestSignature.CERTIFICATES);
		Path zip = dir.resolve("no-chain.zip");
		Files.write(zip, DeterministicZip.of(stripped));
		assertEquals(List.of("manifest.json.certs.pem: missing beside manifest.json.sig"), EvidenceVerifier.verify(zip, null).failures());
	}
}
