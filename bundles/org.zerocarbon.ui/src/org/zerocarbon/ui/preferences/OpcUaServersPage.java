package org.zerocarbon.ui.preferences;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.ILog;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.PlatformUI;
import org.zerocarbon.telemetry.opcua.OpcUaPki;
import org.zerocarbon.workspace.OpcUaServers;
import org.zerocarbon.workspace.OpcUaServers.Server;

/**
 * Window > Preferences > ZeroCarbon > OPC UA Servers: per endpoint the security policy, user and password the
 * builder connects with ({@link OpcUaServers}), kept in Eclipse secure storage (the password encrypted), never in
 * the models or plain preferences. Passwords are not shown again: a field left empty keeps the stored one. Below,
 * the server certificates of the trust list, to trust or remove ({@link ServerCertificatesBlock}).
 * {@link MasterPassword} asks for the storage's master password when the platform has no other password provider.
 */
public class OpcUaServersPage extends PreferencePage implements IWorkbenchPreferencePage {

	/** Page id. */
	public static final String ID = "org.zerocarbon.ui.preferences.opcua";

	private final ISecurePreferences storage;
	private final ServerCertificatesBlock certificates;
	private final List<Server> servers = new ArrayList<>();
	private Table table;
	private Text endpoint;
	private Combo policy;
	private Text user;
	private Text password;

	/** The page on the workbench's secure storage. */
	public OpcUaServersPage() {
		this(null);
	}

	/** The page on a given storage (tests: a storage in a temp file with a fixed password); null: the workbench's. */
	public OpcUaServersPage(ISecurePreferences storage) {
		this(storage, null);
	}

	/**
	 * The page on a given storage and trust list (tests: folders of their own); null: the workbench's storage, the
	 * trust list the builder and zcw use ({@link OpcUaPki#headless()}).
	 */
	public OpcUaServersPage(ISecurePreferences storage, OpcUaPki pki) {
		this.storage = storage;
		this.certificates = new ServerCertificatesBlock(pki != null ? pki : OpcUaPki.headless(), this::setErrorMessage);
	}

	@Override
	public void init(IWorkbench workbench) {
		setDescription("The OPC UA servers the models read (source ... opcua url \"opc.tcp://...\"): how to log in. Kept in the "
				+ "secure storage, never in the model files. A server not listed is read anonymously, or as ZCW_OPCUA_USER says.");
	}

	private ISecurePreferences storage() {
		return storage != null ? storage : OpcUaServers.defaultStorage();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite area = new Composite(parent, SWT.NONE);
		area.setLayout(new GridLayout(3, false));
		table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
		for (String[] column : new String[][] { { "Endpoint", "260" }, { "Security policy", "150" }, { "User", "110" } }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(column[0]);
			c.setWidth(Integer.parseInt(column[1]));
		}
		table.addListener(SWT.Selection, e -> showSelected());
		endpoint = field(area, "&Endpoint:", SWT.BORDER);
		endpoint.setMessage("opc.tcp://host:4840");
		new Label(area, SWT.NONE).setText("Security &policy:");
		policy = new Combo(area, SWT.READ_ONLY);
		policy.setItems(OpcUaServers.POLICIES.toArray(String[]::new));
		policy.select(0);
		policy.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		user = field(area, "&User:", SWT.BORDER);
		user.setMessage("empty: anonymous");
		password = field(area, "Pass&word:", SWT.BORDER | SWT.PASSWORD);
		Composite buttons = new Composite(area, SWT.NONE);
		buttons.setLayout(new GridLayout(2, true));
		buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false, 3, 1));
		button(buttons, "&Add or Update", this::addOrUpdate);
		button(buttons, "&Remove", this::removeSelected);
		certificates.create(area, 3);
		try {
			servers.addAll(OpcUaServers.read(storage()));
		} catch (StorageException e) {
			setErrorMessage("The secure storage cannot be read: " + e.getMessage());
		}
		showServers();
		return area;
	}

	private static Text field(Composite area, String label, int style) {
		new Label(area, SWT.NONE).setText(label);
		Text text = new Text(area, style);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return text;
	}

	private static void button(Composite area, String label, Runnable action) {
		Button button = new Button(area, SWT.PUSH);
		button.setText(label);
		button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		button.addListener(SWT.Selection, e -> action.run());
	}

	private void showServers() {
		table.removeAll();
		for (Server server : servers) {
			new TableItem(table, SWT.NONE).setText(new String[] { server.endpoint(), server.policy(),
					server.user() == null || server.user().isEmpty() ? "(anonymous)" : server.user() });
		}
	}

	private void showSelected() {
		int index = table.getSelectionIndex();
		if (index >= 0) {
			Server server = servers.get(index);
			endpoint.setText(server.endpoint());
			policy.select(Math.max(0, OpcUaServers.POLICIES.indexOf(server.policy())));
			user.setText(server.user() == null ? "" : server.user());
			password.setText("");
		}
	}

	/** Adds the server in the fields, or updates the one with that endpoint (for tests too). */
	public void addOrUpdate() {
		String url = endpoint.getText().trim();
		if (!url.startsWith("opc.tcp://")) {
			setErrorMessage("An OPC UA endpoint starts with opc.tcp://");
			return;
		}
		setErrorMessage(null);
		char[] secret = password.getText().isEmpty() ? null : password.getText().toCharArray();
		Server server = new Server(url, policy.getText(), user.getText().trim(), secret);
		int index = indexOf(url);
		if (index < 0) {
			servers.add(server);
		} else {
			servers.set(index, server);
		}
		password.setText("");
		showServers();
	}

	private void removeSelected() {
		int index = table.getSelectionIndex();
		if (index >= 0) {
			servers.remove(index);
			showServers();
		}
	}

	private int indexOf(String url) {
		for (int i = 0; i < servers.size(); i++) {
			if (servers.get(i).endpoint().equals(url)) {
				return i;
			}
		}
		return -1;
	}

	/** Fills the fields (for tests). */
	public void fill(String url, String policyName, String userName, String secret) {
		endpoint.setText(url);
		policy.select(OpcUaServers.POLICIES.indexOf(policyName));
		user.setText(userName);
		password.setText(secret);
	}

	/** The server certificates' part of the page (for tests). */
	public ServerCertificatesBlock certificates() {
		return certificates;
	}

	/** The endpoints listed (for tests). */
	public List<String> endpoints() {
		return servers.stream().map(Server::endpoint).toList();
	}

	@Override
	protected void performDefaults() {
		servers.clear();
		showServers();
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		try {
			OpcUaServers.write(storage(), servers);
		} catch (StorageException | IOException | IllegalArgumentException e) {
			ILog.of(getClass()).error("Cannot save the OPC UA servers in the secure storage", e);
			setErrorMessage("The servers cannot be saved in the secure storage: " + e.getMessage());
			return false;
		}
		return true;
	}

	/**
	 * The secure storage's master password, asked in a dialog (the product has no platform keyring module): a new one
	 * twice, the existing one once a session. Registered in plugin.xml (org.eclipse.equinox.security.secureStorage);
	 * without a display it gives none, and reading or writing an encrypted value fails with a clear StorageException.
	 */
	public static final class MasterPassword extends PasswordProvider {

		@Override
		public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
			if (!PlatformUI.isWorkbenchRunning()) {
				return null;
			}
			boolean create = (passwordType & CREATE_NEW_PASSWORD) != 0;
			char[][] answer = new char[1][];
			Display display = PlatformUI.getWorkbench().getDisplay();
			display.syncExec(() -> {
				String first = ask(display, create ? "Choose a master password for the secure storage, where the OPC UA passwords are kept"
						: "The master password of the secure storage (OPC UA passwords)");
				if (first != null && create && !first.equals(ask(display, "The same master password again"))) {
					first = null;
				}
				answer[0] = first == null ? null : first.toCharArray();
			});
			return answer[0] == null ? null : new PBEKeySpec(answer[0]);
		}

		private static String ask(Display display, String message) {
			InputDialog dialog = new InputDialog(display.getActiveShell(), "Secure Storage", message, "", text -> text.isEmpty()
					? "Type the password" : null) {
				@Override
				protected int getInputTextStyle() {
					return super.getInputTextStyle() | SWT.PASSWORD;
				}
			};
			return dialog.open() == Window.OK ? dialog.getValue() : null;
		}

		@Override
		public boolean retryOnError(Exception e, IPreferencesContainer container) {
			return PlatformUI.isWorkbenchRunning(); // a wrong password: ask again (cancelling gives none and ends it)
		}
	}
}
