package org.zerocarbon.telemetry.opcua;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where an OPC UA source gets its security policy and user identity from: never the model text. Headless runs use
 * {@link #fromEnvironment()}; the workbench may supply one backed by Eclipse secure storage.
 */
public interface OpcUaCredentials {

	/** The security policy names understood (OPC UA security policy URIs end in these). */
	enum Policy {
		None, Basic128Rsa15, Basic256, Basic256Sha256, Aes128_Sha256_RsaOaep, Aes256_Sha256_RsaPss;

		/** The policy with this name (case-insensitive), or an IllegalArgumentException naming the known ones. */
		public static Policy parse(String name) {
			for (Policy policy : values()) {
				if (policy.name().equalsIgnoreCase(name.trim())) {
					return policy;
				}
			}
			throw new IllegalArgumentException("unknown OPC UA security policy '" + name + "' (known: "
					+ java.util.Arrays.toString(values()) + ")");
		}
	}

	/**
	 * What to connect with.
	 *
	 * @param policy   the security policy (None = no signing or encryption)
	 * @param user     user name, null for anonymous
	 * @param password the password (null with an anonymous identity)
	 */
	record Identity(Policy policy, String user, char[] password) {
		public Identity {
			Objects.requireNonNull(policy, "policy");
		}

		/** Anonymous, security policy None. */
		public static final Identity ANONYMOUS = new Identity(Policy.None, null, null);

		public boolean anonymous() {
			return user == null || user.isEmpty();
		}

		@Override
		public String toString() {
			return "Identity[" + policy + ", " + (anonymous() ? "anonymous" : "user " + user) + "]";
		}
	}

	/**
	 * The identity to use for this source (the model's source name, may be null) and endpoint URL.
	 */
	Identity identity(String sourceName, String endpointUrl);

	/**
	 * The PKI folder with the trust list for servers' certificates and the client's own certificate (used with a
	 * security policy other than None): {@link OpcUaPki#headless()} unless these credentials say otherwise.
	 */
	default OpcUaPki pki() {
		return OpcUaPki.headless();
	}

	/** These credentials with another PKI folder (the workbench's, or a test's). */
	default OpcUaCredentials withPki(OpcUaPki pki) {
		OpcUaCredentials identities = this;
		return new OpcUaCredentials() {
			@Override
			public Identity identity(String sourceName, String endpointUrl) {
				return identities.identity(sourceName, endpointUrl);
			}

			@Override
			public OpcUaPki pki() {
				return pki;
			}
		};
	}

	/** Anonymous with policy None for every endpoint: the default. */
	static OpcUaCredentials anonymous() {
		return (name, url) -> Identity.ANONYMOUS;
	}

	/**
	 * From the environment variables {@code ZCW_OPCUA_USER}, {@code ZCW_OPCUA_PASSWORD} and
	 * {@code ZCW_OPCUA_SECURITY} (a policy name, default None); anonymous when ZCW_OPCUA_USER is unset. The same
	 * identity applies to every OPC UA endpoint of the run.
	 */
	static OpcUaCredentials fromEnvironment() {
		return fromEnvironment(System.getenv());
	}

	/** {@link #fromEnvironment()} over a given variable map (for tests). */
	static OpcUaCredentials fromEnvironment(Map<String, String> env) {
		String user = env.get("ZCW_OPCUA_USER");
		String password = env.get("ZCW_OPCUA_PASSWORD");
		String security = env.get("ZCW_OPCUA_SECURITY");
		Policy policy = security == null || security.isBlank() ? Policy.None : Policy.parse(security);
		Identity identity = new Identity(policy, user == null || user.isBlank() ? null : user,
				password == null ? null : password.toCharArray());
		return (name, url) -> identity;
	}

	/** For messages: "anonymous" or "user NAME" with the policy (never the password). */
	static String describe(Identity identity) {
		return (identity.anonymous() ? "anonymous" : "user " + identity.user()) + ", security "
				+ identity.policy().name().toLowerCase(Locale.ROOT);
	}
}
