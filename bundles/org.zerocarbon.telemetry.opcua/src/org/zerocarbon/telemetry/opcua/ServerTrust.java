package org.zerocarbon.telemetry.opcua;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.milo.opcua.stack.client.security.ClientCertificateValidator;
import org.eclipse.milo.opcua.stack.client.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.validation.ValidationCheck;

/**
 * Checks a server's certificate against the PKI folder's trust list with Milo's
 * {@link DefaultClientCertificateValidator}: the chain must end in a certificate of trusted/certs (directly, or
 * through issuers/certs), be within its validity, have the key usages of an application instance certificate, carry
 * the application URI the server announces and the host name the user connects to. An unknown certificate is copied
 * to rejected/ (by Milo's validator). The refusal is kept, as a sentence for the user, for the connect step to
 * report instead of the bare status code. One per connection; {@link #close()} stops the trust list's folder watch.
 */
final class ServerTrust implements ClientCertificateValidator, AutoCloseable {

	/** Milo's optional checks that apply to a server's application instance certificate (not CRLs: often absent). */
	static final Set<ValidationCheck> CHECKS = EnumSet.of(ValidationCheck.HOSTNAME, ValidationCheck.APPLICATION_URI,
			ValidationCheck.VALIDITY, ValidationCheck.KEY_USAGE_END_ENTITY,
			ValidationCheck.EXTENDED_KEY_USAGE_END_ENTITY);

	private final OpcUaPki pki;
	private final String endpointUrl;
	private final DefaultTrustListManager trustList;
	private final DefaultClientCertificateValidator validator;
	private volatile String refusal;

	ServerTrust(OpcUaPki pki, String endpointUrl) throws IOException {
		this.pki = pki;
		this.endpointUrl = endpointUrl;
		this.trustList = pki.openTrustList();
		this.validator = new DefaultClientCertificateValidator(trustList, CHECKS);
	}

	@Override
	public void validateCertificateChain(List<X509Certificate> chain) throws UaException {
		try {
			validator.validateCertificateChain(chain);
		} catch (UaException e) {
			refusal = explain(chain, e, true);
			throw e;
		}
	}

	@Override
	public void validateCertificateChain(List<X509Certificate> chain, String applicationUri, String... hostNames)
			throws UaException {
		validateCertificateChain(chain);
		try {
			validator.validateCertificateChain(chain, applicationUri, hostNames);
		} catch (UaException e) {
			refusal = explain(chain, e, false) + " (the server announces application URI " + applicationUri
					+ " and is reached as " + String.join(", ", hostNames) + "; the certificate names "
					+ CertificateUtil.getSanUri(chain.get(0)).orElse("no URI") + ", DNS "
					+ CertificateUtil.getSanDnsNames(chain.get(0)) + ", IP "
					+ CertificateUtil.getSanIpAddresses(chain.get(0)) + ")";
			throw e;
		}
	}

	/** Why the last certificate was refused, for the user; null when none was. */
	String refusal() {
		return refusal;
	}

	/** The refusal as a sentence; {@code trustStep}: the chain check failed (else a later check of a trusted one). */
	private String explain(List<X509Certificate> chain, UaException e, boolean trustStep) {
		X509Certificate certificate = chain.get(0);
		String subject = certificate.getSubjectX500Principal().getName();
		String thumbprint = OpcUaPki.thumbprint(certificate);
		String what = "the OPC UA server " + endpointUrl + " presented the certificate '" + subject
				+ "' (SHA-1 thumbprint " + thumbprint + ")";
		OpcUaPki.Entry rejected = null;
		try {
			boolean trusted = !trustStep || pki.entries().stream()
					.anyMatch(entry -> entry.state() == OpcUaPki.State.TRUSTED && entry.thumbprint().equals(thumbprint));
			rejected = trusted ? null : pki.rejected(thumbprint);
		} catch (IOException unreadable) {
			// the message below still names the folder
		}
		if (rejected != null) {
			return what + ", which is not trusted; move " + rejected.file() + " from rejected/ to trusted/ ("
					+ pki.trustedCerts() + "), or Trust it in Preferences > ZeroCarbon > OPC UA Servers, to trust it";
		}
		return what + ", which is refused: " + status(e) + (e.getMessage() == null ? "" : " " + e.getMessage());
	}

	static String status(UaException e) {
		long code = e.getStatusCode().getValue();
		return StatusCodes.lookup(code).map(names -> names[0]).orElse(String.format("0x%08X", code));
	}

	@Override
	public void close() {
		try {
			trustList.close();
		} catch (IOException e) {
			// the watch is gone with the connection either way
		}
	}
}
