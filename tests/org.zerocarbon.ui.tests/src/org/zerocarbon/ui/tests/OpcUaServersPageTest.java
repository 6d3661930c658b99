package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;
import org.zerocarbon.telemetry.opcua.OpcUaPki;
import org.zerocarbon.ui.preferences.OpcUaServersPage;
import org.zerocarbon.workspace.OpcUaServers;

/**
 * ZeroCarbon > OPC UA Servers stores a server's policy, user and password in secure storage (here one in a temp
 * file, opened with a fixed master password so that no dialog appears) and the builder's credentials read them back.
 */
class OpcUaServersPageTest {

	private static final String ENDPOINT = "opc.tcp://127.0.0.1:4840";
	private static final String SECRET = "s3cret-Passw0rd";

	@TempDir
	Path dir;

	private Path file;
	private ISecurePreferences storage;
	/** A trust list of the test's own (the page would otherwise show the user's ~/.config/zerocarbon/opcua/pki). */
	private OpcUaPki pki;
	private Shell shell;

	@BeforeEach
	void open() throws Exception {
		file = dir.resolve("secure_storage");
		Map<Object, Object> options = new HashMap<>();
		options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test master password".toCharArray()));
		options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
		storage = SecurePreferencesFactory.open(file.toUri().toURL(), options);
		shell = new Shell(PlatformUI.getWorkbench().getDisplay());
		pki = new OpcUaPki(dir.resolve("pki"), (keystore, create) -> "keystore-test".toCharArray());
	}

	/**
	 * The certificate a server presented and the client refused is listed with its thumbprint; Trust moves it to
	 * trusted/certs (the connection is then accepted, see TrustListTest), Remove deletes it. The certificate is
	 * data/test-plc.der (keytool: CN=Test PLC, SAN URI urn:zerocarbon:test:plc); its SHA-1 is computed here.
	 */
	@Test
	void aRejectedServerCertificateIsTrustedAndRemovedFromThePage() throws Exception {
		byte[] der = Files.readAllBytes(Path.of("data/test-plc.der"));
		String thumbprint = java.util.HexFormat.of().withUpperCase()
				.formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(der));
		Files.createDirectories(pki.rejected());
		Files.write(pki.rejected().resolve("Test PLC [" + thumbprint + "].der"), der);

		OpcUaServersPage page = page();
		org.eclipse.swt.widgets.Table table = page.certificates().table();
		assertEquals(1, table.getItemCount());
		assertEquals("rejected", table.getItem(0).getText(0));
		assertTrue(table.getItem(0).getText(1).contains("CN=Test PLC"), table.getItem(0).getText(1));
		assertEquals(thumbprint, table.getItem(0).getText(2));
		assertEquals("urn:zerocarbon:test:plc", table.getItem(0).getText(4));

		table.select(0);
		page.certificates().trustSelected();
		assertEquals("trusted", table.getItem(0).getText(0));
		assertTrue(Files.isRegularFile(pki.trustedCerts().resolve("Test PLC [" + thumbprint + "].der")), "moved to trusted/certs");
		assertTrue(Files.list(pki.rejected()).findAny().isEmpty(), "rejected/ is empty");

		table.select(0);
		page.certificates().removeSelected();
		assertEquals(0, table.getItemCount());
		assertTrue(Files.list(pki.trustedCerts()).findAny().isEmpty(), "the file is gone: the server is refused again");
	}

	@AfterEach
	void close() {
		shell.dispose();
	}

	private OpcUaServersPage page() {
		OpcUaServersPage page = new OpcUaServersPage(storage, pki);
		page.init(PlatformUI.getWorkbench());
		page.createControl(shell);
		return page;
	}

	/** Types a server into a new page on the storage, adds it and presses OK. */
	private void save(String policy, String user, String password) {
		OpcUaServersPage page = page();
		page.fill(ENDPOINT, policy, user, password);
		page.addOrUpdate();
		assertTrue(page.performOk());
	}

	@Test
	void aServerIsStoredEncryptedAndReadBackForTheBuilder() throws Exception {
		save("Basic256Sha256", "meter", SECRET);

		List<OpcUaServers.Server> stored = OpcUaServers.read(storage);
		assertEquals(1, stored.size());
		assertEquals(ENDPOINT, stored.get(0).endpoint());
		assertEquals("Basic256Sha256", stored.get(0).policy());
		assertEquals("meter", stored.get(0).user());
		assertNull(stored.get(0).password(), "the list is read without passwords");

		// what the builder connects with, for the endpoint as a model may write it (trailing slash, upper-case host)
		OpcUaCredentials credentials = OpcUaServers.credentials(() -> storage, Map.of());
		OpcUaCredentials.Identity identity = credentials.identity("Plc", "OPC.TCP://127.0.0.1:4840/");
		assertEquals(OpcUaCredentials.Policy.Basic256Sha256, identity.policy());
		assertEquals("meter", identity.user());
		assertArrayEquals(SECRET.toCharArray(), identity.password());

		ISecurePreferences node = storage.node(OpcUaServers.NODE).node(storage.node(OpcUaServers.NODE).childrenNames()[0]);
		assertTrue(node.isEncrypted("password"));
		// values not encrypted are kept Base64-encoded (the user), encrypted ones are not readable at all (the password)
		String onDisk = Files.readString(file).replace("\\", ""); // a properties file: '=' is written '\='
		Base64.Encoder base64 = Base64.getEncoder();
		assertTrue(onDisk.contains(base64.encodeToString("meter".getBytes(StandardCharsets.UTF_8))), "the storage was written: " + onDisk);
		assertFalse(onDisk.contains(SECRET), "the password is not on disk in clear");
		assertFalse(onDisk.contains(base64.encodeToString(SECRET.getBytes(StandardCharsets.UTF_8))), "nor merely encoded");
	}

	@Test
	void aNewPageListsTheStoredServerAndAnEmptyPasswordKeepsTheStoredOne() throws Exception {
		save("None", "meter", SECRET);

		assertEquals(List.of(ENDPOINT), page().endpoints(), "a new page lists it");
		save("Basic256", "operator", "");

		OpcUaCredentials.Identity identity = OpcUaServers.identity(storage, ENDPOINT);
		assertEquals("operator", identity.user());
		assertEquals(OpcUaCredentials.Policy.Basic256, identity.policy());
		assertArrayEquals(SECRET.toCharArray(), identity.password(), "kept");
	}

	@Test
	void anEndpointWithoutAnEntryConnectsAsTheEnvironmentSays() throws Exception {
		save("None", "meter", SECRET);

		OpcUaCredentials none = OpcUaServers.credentials(() -> storage, Map.of());
		assertTrue(none.identity("Other", "opc.tcp://10.0.0.9:4840").anonymous());
		OpcUaCredentials env = OpcUaServers.credentials(() -> storage, Map.of("ZCW_OPCUA_USER", "envuser", "ZCW_OPCUA_PASSWORD", "envpw"));
		assertEquals("envuser", env.identity("Other", "opc.tcp://10.0.0.9:4840").user());
		assertEquals("meter", env.identity("Plc", ENDPOINT).user(), "a stored entry wins over the environment");
	}

	/** The page is under ZeroCarbon in the preferences; the master-password provider is registered and loads. */
	@Test
	void thePageAndThePasswordProviderAreContributed() throws CoreException {
		assertNotNull(PlatformUI.getWorkbench().getPreferenceManager().find("org.zerocarbon.ui.preferences/" + OpcUaServersPage.ID));
		IConfigurationElement provider = Arrays.stream(Platform.getExtensionRegistry()
				.getConfigurationElementsFor("org.eclipse.equinox.security.secureStorage"))
				.filter(e -> e.getContributor().getName().equals("org.zerocarbon.ui")).findFirst().orElseThrow();
		assertTrue(provider.createExecutableExtension("class") instanceof PasswordProvider);
	}
}
