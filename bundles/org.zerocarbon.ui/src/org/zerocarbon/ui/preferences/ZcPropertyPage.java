package org.zerocarbon.ui.preferences;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.eclipse.ui.dialogs.PropertyPage;
import org.osgi.service.prefs.BackingStoreException;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * Project > Properties > ZeroCarbon: build settings of one project, overriding the workspace's. They are stored in
 * the project ({@code .settings/org.zerocarbon.workspace.prefs}, to be shared in version control); saving them
 * rebuilds the project by itself (the builder watches that file).
 */
public class ZcPropertyPage extends PropertyPage {

	/** Page id. */
	public static final String ID = "org.zerocarbon.ui.propertyPage";

	private Button specific;
	private SettingsBlock block;

	private IProject project() {
		return Adapters.adapt(getElement(), IProject.class);
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));
		specific = new Button(page, SWT.CHECK);
		specific.setText("Enable project-specific settings");
		specific.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Link workspace = new Link(page, SWT.NONE);
		workspace.setText("<a>Configure workspace settings...</a>");
		workspace.addListener(SWT.Selection, e -> {
			PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(getShell(), ZcPreferencePage.ID,
					new String[] { ZcPreferencePage.ID }, null);
			dialog.open();
			if (!specific.getSelection()) {
				block.show(ZcPreferences.settings(project()));
			}
		});
		block = new SettingsBlock(page);
		block.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
		block.onChange(this::validate);
		boolean own = ZcPreferences.hasProjectSettings(project());
		specific.setSelection(own);
		block.show(ZcPreferences.settings(project()));
		block.setEnabled(own);
		Methodologies.offer(List.of(project()), parent.getDisplay(), block::offer);
		specific.addListener(SWT.Selection, e -> block.setEnabled(specific.getSelection()));
		return page;
	}

	private void validate() {
		String problem = specific.getSelection() ? block.problem() : null;
		setErrorMessage(problem);
		setValid(problem == null);
	}

	@Override
	protected void performDefaults() {
		specific.setSelection(false);
		block.show(ZcPreferences.settings(null));
		block.setEnabled(false);
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		IProject project = project();
		try {
			if (specific.getSelection()) {
				if (!block.settings().equals(ZcPreferences.settings(project)) || !ZcPreferences.hasProjectSettings(project)) {
					ZcPreferences.store(new ProjectScope(project).getNode(ZcPreferences.QUALIFIER), block.settings());
				}
			} else if (ZcPreferences.hasProjectSettings(project)) {
				ZcPreferences.removeProjectSettings(project);
			}
		} catch (BackingStoreException e) {
			ILog.of(getClass()).error("Cannot save the ZeroCarbon settings of " + project.getName(), e);
			setErrorMessage("The settings cannot be saved: " + e.getMessage());
			return false;
		}
		return true;
	}

	/** The controls (for tests). */
	SettingsBlock block() {
		return block;
	}

	/** The project-specific check box (for tests). */
	Button specific() {
		return specific;
	}
}
