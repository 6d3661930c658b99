package org.zerocarbon.telemetry.opcua;

import java.security.KeyPair;
import java.security.cert.X509Certificate;

import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/**
 * A self-signed application instance certificate for signed/encrypted policies, made once per run (the server must
 * trust it: an administrator moves it from the server's rejected to its trusted list).
 */
final class ClientCertificate {

	private static KeyPair keyPair;
	private static X509Certificate certificate;

	private ClientCertificate() {
	}

	static synchronized void configure(OpcUaClientConfigBuilder config, String applicationUri) throws UaException {
		if (certificate == null) {
			try {
				keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
				certificate = new SelfSignedCertificateBuilder(keyPair).setCommonName("ZeroCarbon Workbench")
						.setOrganization("ZeroCarbon Workbench").setApplicationUri(applicationUri).build();
			} catch (Exception e) {
				throw new UaException(e);
			}
		}
		config.setKeyPair(keyPair).setCertificate(certificate);
	}
}
