package org.zerocarbon.ui.preferences;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.zerocarbon.telemetry.opcua.OpcUaPki;

/**
 * The OPC UA server certificates of the client's trust list (the PKI folder that the builder and zcw use,
 * {@link OpcUaPki#headless()}): the ones trusted and the ones a server presented and the client refused. Trust moves
 * a refused certificate to trusted/certs, Remove deletes the file (a trusted server is then refused again).
 * Changes take effect at once, on the files, as a move by hand would (not on OK).
 */
public final class ServerCertificatesBlock {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final OpcUaPki pki;
	private final Consumer<String> error;
	private final List<OpcUaPki.Entry> entries = new ArrayList<>();
	private Table table;
	private Button trust;
	private Button remove;

	/**
	 * @param pki   the trust list shown
	 * @param error shows an error message on the page (null clears it)
	 */
	ServerCertificatesBlock(OpcUaPki pki, Consumer<String> error) {
		this.pki = pki;
		this.error = error;
	}

	void create(Composite parent, int span) {
		Group group = new Group(parent, SWT.NONE);
		group.setText("Server certificates");
		group.setLayout(new GridLayout(2, false));
		group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, span, 1));
		Label where = new Label(group, SWT.WRAP);
		where.setText("A secure connection (a policy other than None) accepts a server only if its certificate is "
				+ "trusted here. A server seen for the first time is refused and listed as 'rejected': check its thumbprint "
				+ "with the server's administrator, then Trust it. Folder: " + pki.directory());
		GridData wrap = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		wrap.widthHint = 480;
		where.setLayoutData(wrap);
		table = new Table(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 90;
		table.setLayoutData(tableData);
		for (String[] column : new String[][] { { "State", "70" }, { "Certificate", "190" }, { "SHA-1 thumbprint", "150" },
				{ "Valid until", "90" }, { "Application URI", "170" } }) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(column[0]);
			c.setWidth(Integer.parseInt(column[1]));
		}
		Composite buttons = new Composite(group, SWT.NONE);
		buttons.setLayout(new GridLayout(1, true));
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		trust = button(buttons, "&Trust", this::trustSelected);
		remove = button(buttons, "Remo&ve", this::removeSelected);
		button(buttons, "Re&fresh", this::refresh);
		table.addListener(SWT.Selection, e -> enable());
		refresh();
	}

	private static Button button(Composite parent, String label, Runnable action) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(label);
		button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		button.addListener(SWT.Selection, e -> action.run());
		return button;
	}

	/** Reads the folder again. */
	public void refresh() {
		entries.clear();
		try {
			entries.addAll(pki.entries());
			error.accept(null);
		} catch (IOException e) {
			error.accept("The trust list " + pki.directory() + " cannot be read: " + e.getMessage());
		}
		table.removeAll();
		for (OpcUaPki.Entry entry : entries) {
			new TableItem(table, SWT.NONE).setText(new String[] {
					entry.state() == OpcUaPki.State.TRUSTED ? "trusted" : "rejected", entry.subject(), entry.thumbprint(),
					entry.notAfter() == null ? "" : DAY.format(entry.notAfter()), entry.uri() == null ? "" : entry.uri() });
		}
		enable();
	}

	private void enable() {
		OpcUaPki.Entry selected = selected();
		trust.setEnabled(selected != null && selected.state() == OpcUaPki.State.REJECTED);
		remove.setEnabled(selected != null);
	}

	private OpcUaPki.Entry selected() {
		int index = table.getSelectionIndex();
		return index < 0 || index >= entries.size() ? null : entries.get(index);
	}

	/** Trusts the selected rejected certificate (for tests too). */
	public void trustSelected() {
		changeSelected("Trust Certificate", pki::trust, entry -> "Cannot move " + entry.file() + " to " + pki.trustedCerts());
	}

	/** Removes the selected certificate from the trust list (for tests too). */
	public void removeSelected() {
		changeSelected("Remove Certificate", pki::remove, entry -> "Cannot delete " + entry.file());
	}

	/** A change of the trust list's files. */
	private interface Change {
		void apply(OpcUaPki.Entry entry) throws IOException;
	}

	/** Applies a change to the selected certificate, says why it failed if it did, and shows the folder again. */
	private void changeSelected(String title, Change change, Function<OpcUaPki.Entry, String> failure) {
		OpcUaPki.Entry entry = selected();
		if (entry == null) {
			return;
		}
		try {
			change.apply(entry);
		} catch (IOException e) {
			MessageDialog.openError(table.getShell(), title, failure.apply(entry) + ": " + e.getMessage());
		}
		refresh();
	}

	public Table table() {
		return table;
	}
}
