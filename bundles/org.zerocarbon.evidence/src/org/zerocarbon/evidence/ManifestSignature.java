package org.zerocarbon.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.Collection;
import java.util.List;

import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The optional signature of manifest.json: a detached CMS signature (RFC 5652 SignedData, DER) made with Bouncy
 * Castle, {@code manifest.json.p7s}, holding the signer's certificate chain. SHA-256 with RSA or ECDSA by the key's
 * algorithm; the signed attributes are the content type, the message digest and the algorithm protection, but no
 * signing time, so that a package stays byte-identical (RSA signatures are deterministic). It can be checked without
 * our product: {@code openssl cms -verify -binary -inform DER -in manifest.json.p7s -content manifest.json -noverify
 * -out /dev/null} (drop {@code -noverify} and add {@code -CAfile} to check the chain against a trusted root).
 * <p>
 * Since the manifest holds the SHA-256 of every other file, the signature covers the whole package. Packages of
 * earlier versions, signed with a raw signature ({@code manifest.json.sig}) and a PEM chain
 * ({@code manifest.json.certs.pem}), are still checked ({@link #checkPlain}).
 */
public final class ManifestSignature {

	/** The CMS signature entry. */
	public static final String SIGNATURE = "manifest.json.p7s";
	/** The raw signature entry of earlier packages. */
	public static final String PLAIN_SIGNATURE = "manifest.json.sig";
	/** The certificate chain entry of earlier packages. */
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

	private ManifestSignature() {
	}

	/** The detached CMS signature (DER) of the manifest's bytes, with the signer's certificate chain. */
	public static byte[] sign(byte[] manifest, Signer signer) throws IOException {
		try (InputStream in = Files.newInputStream(signer.keystore())) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, signer.password());
			Key key = store.getKey(signer.alias(), signer.password());
			Certificate[] chain = store.getCertificateChain(signer.alias());
			if (!(key instanceof PrivateKey privateKey) || chain == null || chain.length == 0) {
				throw new IOException(signer.keystore().getFileName() + ": no private key with a certificate under the alias '" + signer.alias() + "'");
			}
			ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm(privateKey.getAlgorithm())).build(privateKey);
			return sign(manifest, contentSigner, (X509Certificate) chain[0], List.of(chain));
		} catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
			throw new IOException(signer.keystore().getFileName() + ": cannot sign with the alias '" + signer.alias() + "': " + e.getMessage(), e);
		}
	}

	/**
	 * The detached CMS signature (DER) made by a content signer (e.g. a hardware token's) for a certificate, with the
	 * given chain.
	 */
	public static byte[] sign(byte[] manifest, ContentSigner signer, X509Certificate certificate, Collection<Certificate> chain)
			throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
		CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
		// no signing time: the same package gives the same bytes
		generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(parameters -> new DefaultSignedAttributeTableGenerator().getAttributes(parameters)
						.remove(CMSAttributes.signingTime))
				.build(signer, certificate));
		generator.addCertificates(new JcaCertStore(chain));
		return generator.generate(new CMSProcessableByteArray(manifest), false).getEncoded("DER");
	}

	/**
	 * Checks a CMS signature of the manifest: every signer's certificate must be in it and its signature must match;
	 * the chain is reported in the notes.
	 *
	 * @return null when it holds, else why not
	 */
	public static String check(byte[] manifest, byte[] p7s, List<String> notes) {
		CMSSignedData signed;
		try {
			signed = new CMSSignedData(new CMSProcessableByteArray(manifest), p7s);
		} catch (CMSException | RuntimeException e) {
			return SIGNATURE + ": not a CMS signature: " + e.getMessage();
		}
		Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
		if (signers.isEmpty()) {
			return SIGNATURE + ": holds no signer";
		}
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		for (SignerInformation info : signers) {
			@SuppressWarnings("unchecked")
			Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(info.getSID());
			if (matches.isEmpty()) {
				return SIGNATURE + ": the signer's certificate (" + info.getSID().getIssuer() + ", serial " + info.getSID().getSerialNumber()
						+ ") is not in the signature";
			}
			X509CertificateHolder holder = matches.iterator().next();
			String subject = holder.getSubject().toString();
			try {
				X509Certificate leaf = converter.getCertificate(holder);
				subject = leaf.getSubjectX500Principal().getName();
				if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder))) {
					return mismatch(subject);
				}
				int chain = signed.getCertificates().getMatches(null).size();
				notes.add("manifest.json is signed (CMS) by " + leaf.getSubjectX500Principal().getName() + " (certificate SHA-256 "
						+ EvidencePackage.sha256(leaf.getEncoded()) + ", issued by " + leaf.getIssuerX500Principal().getName() + ", " + chain
						+ " in the chain); compare it with the signer you expect");
			} catch (CMSException e) {
				// BC reports a digest or signature that does not match as an exception, not as false
				return mismatch(subject);
			} catch (GeneralSecurityException | OperatorCreationException | RuntimeException e) {
				return SIGNATURE + ": cannot be checked: " + e.getMessage();
			}
		}
		return null;
	}

	private static String mismatch(String subject) {
		return SIGNATURE + ": the signature does not match manifest.json with the key of " + subject
				+ " (signed by another key, or the manifest was changed)";
	}

	/**
	 * Checks a raw signature of an earlier package against the leaf certificate of its PEM chain.
	 *
	 * @return null when it holds, else why not
	 */
	public static String checkPlain(byte[] manifest, byte[] signatureBytes, byte[] certificatesPem, List<String> notes) {
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
				return PLAIN_SIGNATURE + ": the signature does not match manifest.json with the key of " + leaf.getSubjectX500Principal().getName()
						+ " (signed by another key, or the manifest was changed)";
			}
			notes.add("manifest.json is signed by " + leaf.getSubjectX500Principal().getName() + " (certificate SHA-256 "
					+ EvidencePackage.sha256(leaf.getEncoded()) + ", " + chain.size() + " in the chain); compare it with the signer you expect");
			return null;
		} catch (GeneralSecurityException | RuntimeException e) {
			return PLAIN_SIGNATURE + ": cannot be checked: " + e.getMessage();
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
