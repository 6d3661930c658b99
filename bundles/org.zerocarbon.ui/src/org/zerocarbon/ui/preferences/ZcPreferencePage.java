package org.zerocarbon.ui.preferences;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.osgi.service.prefs.BackingStoreException;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * Window > Preferences > ZeroCarbon: the build settings of every ZeroCarbon project that has no settings of its
 * own. Changing them rebuilds those projects, so that their reports follow at once.
 */
public class ZcPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

	/** Page id. */
	public static final String ID = "org.zerocarbon.ui.preferences";

	private SettingsBlock block;

	@Override
	public void init(IWorkbench workbench) {
		setDescription("How ZeroCarbon projects are built on every save. A project can override these in its properties (ZeroCarbon).");
	}

	@Override
	protected Control createContents(Composite parent) {
		block = new SettingsBlock(parent);
		block.onChange(this::validate);
		block.show(ZcPreferences.settings(null));
		Methodologies.offer(Builds.zcProjects(), parent.getDisplay(), block::offer);
		return block.control();
	}

	private void validate() {
		String problem = block.problem();
		setErrorMessage(problem);
		setValid(problem == null);
	}

	@Override
	protected void performDefaults() {
		block.show(ZcPreferences.DEFAULTS);
		super.performDefaults();
	}

	@Override
	public boolean performOk() {
		ZcPreferences.Settings settings = block.settings();
		if (settings.equals(ZcPreferences.settings(null))) {
			return true;
		}
		try {
			ZcPreferences.store(InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER), settings);
		} catch (BackingStoreException e) {
			ILog.of(getClass()).error("Cannot save the ZeroCarbon preferences", e);
			setErrorMessage("The preferences cannot be saved: " + e.getMessage());
			return false;
		}
		Builds.rebuild(affected());
		return true;
	}

	/** The settings controls (for tests). */
	SettingsBlock block() {
		return block;
	}

	/** Projects this page's settings apply to: those without settings of their own. */
	static List<IProject> affected() {
		return Builds.zcProjects().stream().filter(p -> !ZcPreferences.hasProjectSettings(p)).toList();
	}
}
