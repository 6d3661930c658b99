package org.zerocarbon.workspace;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;

/**
 * The workbench's OPC UA servers: per endpoint the security policy, the user and the password, kept in Eclipse
 * secure storage ({@link ISecurePreferences}; the password encrypted), never in the model text or in plain
 * preferences. The preference page "ZeroCarbon > OPC UA Servers" edits them and the builder connects with them
 * ({@link #credentials(Supplier)}); an endpoint without an entry connects as the environment says (ZCW_OPCUA_*, as
 * headless runs do), anonymous by default.
 */
public final class OpcUaServers {

	/** The node below the secure storage's root holding one node per server (named by its encoded endpoint). */
	public static final String NODE = "org.zerocarbon.workspace/opcua-servers";
	/** The security policies, by name as the preference page lists them ("None" first). */
	public static final List<String> POLICIES = Arrays.stream(OpcUaCredentials.Policy.values()).map(Enum::name).toList();

	private static final String ENDPOINT = "endpoint";
	private static final String POLICY = "policy";
	private static final String USER = "user";
	private static final String PASSWORD = "password";

	private OpcUaServers() {
	}

	/**
	 * One server.
	 *
	 * @param endpoint the endpoint URL as the models write it ({@code opc.tcp://host:4840})
	 * @param policy   one of {@link #POLICIES}
	 * @param user     user name; empty or null for anonymous
	 * @param password the password; null when read without passwords, or (when writing) to keep the stored one
	 */
	public record Server(String endpoint, String policy, String user, char[] password) {
		@Override
		public String toString() {
			return "Server[" + endpoint + ", " + policy + ", " + (user == null || user.isEmpty() ? "anonymous" : "user " + user) + "]";
		}
	}

	/** The workbench's secure storage (the default one of the user's Eclipse installation). */
	public static ISecurePreferences defaultStorage() {
		return SecurePreferencesFactory.getDefault();
	}

	/** The servers stored, sorted by endpoint, without their passwords (reading those may ask for the master password). */
	public static List<Server> read(ISecurePreferences storage) throws StorageException {
		List<Server> servers = new ArrayList<>();
		if (storage == null || !storage.nodeExists(NODE)) {
			return servers;
		}
		ISecurePreferences root = storage.node(NODE);
		for (String name : root.childrenNames()) {
			ISecurePreferences node = root.node(name);
			servers.add(new Server(node.get(ENDPOINT, EncodingUtils.decodeSlashes(name)), node.get(POLICY, "None"), node.get(USER, ""), null));
		}
		servers.sort((a, b) -> a.endpoint().compareTo(b.endpoint()));
		return servers;
	}

	/**
	 * Replaces the stored servers by these and saves the storage: the password of a server is encrypted; a server
	 * without one (null) keeps the password stored for its endpoint; servers not in the list are removed.
	 */
	public static void write(ISecurePreferences storage, List<Server> servers) throws StorageException, IOException {
		ISecurePreferences root = storage.node(NODE);
		List<String> names = new ArrayList<>();
		for (Server server : servers) {
			String name = EncodingUtils.encodeSlashes(key(server.endpoint()));
			names.add(name);
			ISecurePreferences node = root.node(name);
			node.put(ENDPOINT, server.endpoint().trim(), false);
			node.put(POLICY, OpcUaCredentials.Policy.parse(server.policy()).name(), false);
			node.put(USER, server.user() == null ? "" : server.user().trim(), false);
			if (server.password() != null) {
				node.put(PASSWORD, new String(server.password()), true);
			}
		}
		for (String name : root.childrenNames()) {
			if (!names.contains(name)) {
				root.node(name).removeNode();
			}
		}
		storage.flush();
	}

	/**
	 * The identity of one endpoint: its stored entry (the password decrypted, which may ask for the master password
	 * once a session), or null when none is stored.
	 */
	public static OpcUaCredentials.Identity identity(ISecurePreferences storage, String endpoint) throws StorageException {
		String name = EncodingUtils.encodeSlashes(key(endpoint));
		if (storage == null || !storage.nodeExists(NODE + "/" + name)) {
			return null;
		}
		ISecurePreferences node = storage.node(NODE).node(name);
		String user = node.get(USER, "");
		String password = node.get(PASSWORD, null);
		return new OpcUaCredentials.Identity(OpcUaCredentials.Policy.parse(node.get(POLICY, "None")), user.isEmpty() ? null : user,
				user.isEmpty() || password == null ? null : password.toCharArray());
	}

	/**
	 * Credentials for the builder: the stored entry of each endpoint, else the environment's (ZCW_OPCUA_*). The
	 * storage is opened only when an OPC UA source connects. A storage that cannot be read (the master password was
	 * not given) is logged, and the environment's identity is used.
	 */
	public static OpcUaCredentials credentials(Supplier<ISecurePreferences> storage) {
		return credentials(storage, System.getenv());
	}

	/** {@link #credentials(Supplier)} with a given environment (for tests). */
	public static OpcUaCredentials credentials(Supplier<ISecurePreferences> storage, Map<String, String> environment) {
		OpcUaCredentials fallback = OpcUaCredentials.fromEnvironment(environment);
		return (source, endpoint) -> {
			try {
				OpcUaCredentials.Identity stored = identity(storage.get(), endpoint);
				if (stored != null) {
					return stored;
				}
			} catch (StorageException | RuntimeException e) {
				ILog.of(OpcUaServers.class).warn("Cannot read the credentials of " + endpoint + " from the secure storage (" + e.getMessage()
						+ "); connecting as the environment says", e);
			}
			return fallback.identity(source, endpoint);
		};
	}

	/** An endpoint as a key: trimmed, scheme and host in lower case, without a trailing slash. */
	static String key(String endpoint) {
		String text = endpoint.trim();
		while (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		int path = text.indexOf('/', text.indexOf("://") + 3);
		return path < 0 || text.indexOf("://") < 0 ? text.toLowerCase(Locale.ROOT)
				: text.substring(0, path).toLowerCase(Locale.ROOT) + text.substring(path);
	}
}
