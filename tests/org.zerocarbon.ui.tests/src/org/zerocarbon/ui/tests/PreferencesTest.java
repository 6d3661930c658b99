package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.ui.tests.Widgets.button;
import static org.zerocarbon.ui.tests.Widgets.click;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.service.prefs.BackingStoreException;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.preferences.ZcPreferencePage;
import org.zerocarbon.ui.preferences.ZcPropertyPage;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcPreferences;

/** The preference and property pages, driven through their dialogs, change what the builder writes. */
@ExtendWith(Examples.class)
class PreferencesTest {

	@AfterEach
	void restoreSettings() throws BackingStoreException {
		IEclipsePreferences workspace = InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER);
		workspace.clear();
		workspace.flush();
		ZcPreferences.removeProjectSettings(Examples.project(Examples.CELL));
		Widgets.waitForJobs(Builds.FAMILY);
	}

	@Test
	void workspacePreferencesChangeTheReportsOfTheNextBuild() throws CoreException {
		IProject cell = Examples.project(Examples.CELL);
		assertEquals(Set.of("csv", "html", "json"), formats(cell), "the defaults");

		Shell dialog = open(PreferencesUtil.createPreferenceDialogOn(shell(), ZcPreferencePage.ID, new String[] { ZcPreferencePage.ID }, null));
		click(button(dialog, "HTML"), false);
		click(button(dialog, "CSV"), false);
		click(button(dialog, "PDF"), true);
		click(button(dialog, "Apply and Close"));
		waitUntil("the preferences are closed", dialog::isDisposed);
		Widgets.waitForJobs(Builds.FAMILY);

		assertEquals("json,pdf", InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER).get(ZcPreferences.REPORT_FORMATS, null));
		assertEquals(Set.of("json", "pdf"), formats(cell));
		assertTrue(reports(cell).containsAll(expected(cell, ".json", ".pdf")), "a JSON and a PDF report for the line and the park");
	}

	@Test
	void projectSettingsOverrideTheWorkspace() throws CoreException {
		IProject cell = Examples.project(Examples.CELL);
		Shell dialog = open(PreferencesUtil.createPropertyDialogOn(shell(), cell, ZcPropertyPage.ID, new String[] { ZcPropertyPage.ID }, null));
		assertFalse(button(dialog, "JSON").isEnabled(), "workspace settings apply until project-specific ones are enabled");
		click(button(dialog, "Enable project-specific settings"), true);
		click(button(dialog, "HTML"), false);
		click(button(dialog, "JSON"), false);
		click(button(dialog, "Apply and Close"));
		waitUntil("the properties are closed", dialog::isDisposed);

		assertTrue(ZcPreferences.hasProjectSettings(cell));
		// saving the project's settings changes .settings/, which the builder takes as a reason to build
		waitUntil("the settings are saved", () -> cell.getFile(".settings/org.zerocarbon.workspace.prefs").exists());
		Widgets.waitForJobs(Builds.FAMILY);
		assertEquals(Set.of("csv"), formats(cell));
	}

	@Test
	void theMethodologyIsAChoiceOfTheModelsMethodologies() {
		Shell dialog = open(PreferencesUtil.createPreferenceDialogOn(shell(), ZcPreferencePage.ID, new String[] { ZcPreferencePage.ID }, null));
		Combo combo = methodologyCombo(dialog);
		assertEquals(AUTOMATIC, combo.getText(), "no methodology stored: the automatic entry");
		// the examples define one methodology, ISO_TR_24122_as_reported in package zc.methodology (zc-library's
		// methodology/iso-tr-24122-as-reported.zc); the other file there holds criteria, not a methodology
		waitUntil("the methodologies are read", () -> combo.getItemCount() > 1);
		assertArrayEquals(new String[] { AUTOMATIC, "zc.methodology.ISO_TR_24122_as_reported" }, combo.getItems());
		Widgets.choose(combo, 1);
		click(button(dialog, "Apply and Close"));
		waitUntil("the preferences are closed", dialog::isDisposed);
		assertEquals("zc.methodology.ISO_TR_24122_as_reported",
				InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER).get(ZcPreferences.METHODOLOGY, null));
		Widgets.waitForJobs(Builds.FAMILY);
	}

	@Test
	void aTypedMethodologyIdIsKeptAndTheAutomaticEntryStoresNone() throws BackingStoreException {
		IEclipsePreferences workspace = InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER);
		workspace.put(ZcPreferences.METHODOLOGY, "my.company.Internal");
		workspace.flush();
		IProject cell = Examples.project(Examples.CELL);
		Shell dialog = open(PreferencesUtil.createPropertyDialogOn(shell(), cell, ZcPropertyPage.ID, new String[] { ZcPropertyPage.ID }, null));
		Combo combo = methodologyCombo(dialog);
		waitUntil("the methodologies are read", () -> combo.getItemCount() > 1);
		assertEquals("my.company.Internal", combo.getText(), "an id not among the models stays as typed");
		click(button(dialog, "Enable project-specific settings"), true);
		combo.setText("other.Methodology");
		click(button(dialog, "Apply and Close"));
		waitUntil("the properties are closed", dialog::isDisposed);
		assertEquals("other.Methodology", ZcPreferences.settings(cell).methodology());

		dialog = open(PreferencesUtil.createPropertyDialogOn(shell(), cell, ZcPropertyPage.ID, new String[] { ZcPropertyPage.ID }, null));
		Widgets.choose(methodologyCombo(dialog), 0);
		click(button(dialog, "Apply and Close"));
		waitUntil("the properties are closed", dialog::isDisposed);
		assertEquals("", ZcPreferences.settings(cell).methodology(), "the automatic entry is no id");
		Widgets.waitForJobs(Builds.FAMILY);
	}

	private static final String AUTOMATIC = "(the only one with life-cycle modules)";

	private static Combo methodologyCombo(Shell dialog) {
		return Widgets.find(dialog, Combo.class, c -> c.getItemCount() > 0 && AUTOMATIC.equals(c.getItem(0))).get(0);
	}

	private static Shell open(PreferenceDialog dialog) {
		dialog.setBlockOnOpen(false);
		dialog.open();
		Workbench.flush();
		return dialog.getShell();
	}

	private static Shell shell() {
		return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
	}

	/** The report files of every line and park of the project, with the given suffixes. */
	private static Set<String> expected(IProject project, String... suffixes) {
		return ZcBuildResults.of(project).footprints().stream().flatMap(f -> Arrays.stream(suffixes).map(s -> f.subject() + s))
				.collect(Collectors.toCollection(TreeSet::new));
	}

	/** The report formats in reports/: the extensions of its files (CSV reports are several files). */
	private static Set<String> formats(IProject project) throws CoreException {
		return reports(project).stream().map(name -> name.substring(name.lastIndexOf('.') + 1)).collect(Collectors.toCollection(TreeSet::new));
	}

	private static Set<String> reports(IProject project) throws CoreException {
		IFolder folder = project.getFolder("reports");
		folder.refreshLocal(IResource.DEPTH_ONE, null);
		return folder.exists() ? Arrays.stream(folder.members()).map(IResource::getName).collect(Collectors.toCollection(TreeSet::new))
				: Set.of();
	}
}
