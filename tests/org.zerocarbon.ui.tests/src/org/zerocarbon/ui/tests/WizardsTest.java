package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.ui.tests.Widgets.button;
import static org.zerocarbon.ui.tests.Widgets.click;
import static org.zerocarbon.ui.tests.Widgets.find;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.ModelTemplates.Kind;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.wizards.NewModelFileWizard;
import org.zerocarbon.ui.wizards.NewZcProjectWizard;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcMarkers;
import org.zerocarbon.workspace.ZcNature;

/** The wizards, driven through their dialogs: what they create builds without a single error. */
class WizardsTest {

	private static final String PROJECT = "zc-wizard-test";

	@AfterEach
	void deleteProject() throws CoreException {
		page().closeAllEditors(false);
		IProject project = project();
		if (project.exists()) {
			project.delete(true, true, null);
		}
	}

	@Test
	void newProjectWithANewLineBuildsWithoutErrors() throws CoreException, java.io.IOException {
		Shell dialog = open(new NewZcProjectWizard());
		type(find(dialog, Text.class, t -> true).get(0), PROJECT); // the project name is the page's first field
		click(button(dialog, "Next"));
		click(button(dialog, "Finish"));
		waitUntil("the wizard is closed", dialog::isDisposed);

		IProject project = project();
		assertTrue(project.hasNature(ZcNature.ID));
		for (String file : new String[] { "factors/grid.zc", "factors/materials.zc", "factors/transport.zc",
				"methodology/iso-tr-24122-as-reported.zc", "methodology/iso-tr-37115-1-zcu-as-reported.zc", "model/line.zc" }) {
			assertTrue(project.getFile(file).exists(), file);
		}
		assertEquals(project.getFile("model/line.zc"), openFile());
		assertBuildsWithoutErrors(project);
		ZcBuildResults.ProjectResult result = ZcBuildResults.of(project);
		assertEquals(1, result.footprints().size());
		assertNotNull(result.footprints().get(0).result(), String.valueOf(result.footprints().get(0).problem()));
		assertTrue(result.footprints().get(0).result().total() > 0);
		// a new user's first line is flagged only for what no template can supply: the suppliers' EPDs and the measured
		// energy records. Its machine has a frame and a delivery by truck from the library, so no "no transport leg to
		// site" (TransportToSite) warning
		assertEquals(List.of("line.zc:17: InventoryChecks.PrimaryDataForSubassemblies", "line.zc:17: ZCU_ISO_TR_37115_1_as_reported.MeasuredCoverage"),
				markers(project, IMarker.SEVERITY_WARNING).stream().map(m -> m.replaceAll("^(\\S+: )Criterion (\\S+) .*", "$1$2")).sorted().toList());
		String line = new String(project.getFile("model/line.zc").getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(line.contains("transport 4 t over 500 km by truck factor zc.lib.transport.HGV_2015"), line);
	}

	@Test
	void newProjectWithTheExampleModelsBuildsWithoutErrors() throws CoreException {
		Shell dialog = open(new NewZcProjectWizard());
		type(find(dialog, Text.class, t -> true).get(0), PROJECT);
		click(button(dialog, "Next"));
		click(button(dialog, "Include the example models"), true);
		click(button(dialog, "Finish"));
		waitUntil("the wizard is closed", dialog::isDisposed);

		IProject project = project();
		assertEquals(project.getFile("model/cell.zc"), openFile());
		assertTrue(project.getFile("model/park.zc").exists());
		assertBuildsWithoutErrors(project);
		assertEquals(2, ZcBuildResults.of(project).footprints().size(), "the line and the park");
	}

	@Test
	void newModelFilesOfEveryKindBuildWithoutErrors() throws Exception {
		java.util.Locale locale = java.util.Locale.getDefault();
		java.util.Locale.setDefault(java.util.Locale.UK);
		try {
			newModelFilesOfEveryKind();
		} finally {
			java.util.Locale.setDefault(locale);
		}
	}

	private void newModelFilesOfEveryKind() throws Exception {
		Shell dialog = open(new NewZcProjectWizard());
		type(find(dialog, Text.class, t -> true).get(0), PROJECT);
		click(button(dialog, "Finish"));
		waitUntil("the project wizard is closed", dialog::isDisposed);
		IProject project = project();
		Widgets.waitForJobs(Builds.FAMILY);

		for (Kind kind : Kind.values()) {
			NewModelFileWizard wizard = new NewModelFileWizard();
			wizard.init(PlatformUI.getWorkbench(), new StructuredSelection(project.getFolder("model")));
			Shell shell = open(wizard);
			Combo kinds = find(shell, Combo.class, c -> true).get(0);
			Widgets.choose(kinds, kind.ordinal());
			List<Text> fields = find(shell, Text.class, t -> true); // folder, name, file name, package, description
			assertEquals("zc-wizard-test/model", fields.get(0).getText());
			assertEquals(kind.defaultName(), fields.get(1).getText(), "the name follows the kind");
			type(fields.get(1), "New" + kind.defaultName());
			assertEquals(("new-" + kind.defaultName().replaceAll("([a-z])([A-Z])", "$1-$2")).toLowerCase() + ".zc", fields.get(2).getText(),
					"the file name follows the name");
			assertEquals("zc_wizard_test", fields.get(3).getText(), "the package of the line in the folder");
			click(button(shell, "Finish"));
			waitUntil("the wizard is closed", shell::isDisposed);
			assertEquals(wizard.createdFile(), openFile());
			if (kind == Kind.LINE) {
				// a grid factor of the project (examples/zc-library/factors/grid.zc), the user's country's (the test runs
				// with the locale of Great Britain): no silent B6 of zero. The machine has a frame and a delivery on the
				// project's material and freight factors, as in a new project
				String text = new String(wizard.createdFile().getContents().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				assertTrue(text.contains("site NewLineSite {\n\tregion \"UK\"\n\tgrid zc.lib.grid.UK_2024\n}") && text.contains("\tsite NewLineSite\n"),
						text);
				assertTrue(text.contains("material 3500 kg factor zc.lib.materials.Steel_crude_2021")
						&& text.contains("transport 4 t over 500 km by truck factor zc.lib.transport.HGV_2015"), text);
			}
		}
		assertEquals(1 + Kind.values().length, Arrays.stream(project.getFolder("model").members()).filter(r -> r.getName().endsWith(".zc"))
				.count());
		assertBuildsWithoutErrors(project);
		// two methodologies with modules now (the library's and the new one): the choice is the user's
		assertTrue(ZcBuildResults.of(project).note().contains("Several methodologies"), ZcBuildResults.of(project).note());
	}

	/** Opens a wizard's dialog without blocking; returns its shell. */
	static Shell open(IWizard wizard) {
		if (wizard instanceof NewZcProjectWizard project) {
			project.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		}
		WizardDialog dialog = new WizardDialog(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
		dialog.setBlockOnOpen(false);
		dialog.open();
		Workbench.flush();
		return dialog.getShell();
	}

	static void type(Text text, String value) {
		text.setText(value); // fires Modify, as typing does
		Workbench.flush();
	}

	private static IFile openFile() {
		return ((IFileEditorInput) page().getActiveEditor().getEditorInput()).getFile();
	}

	private static void assertBuildsWithoutErrors(IProject project) throws CoreException {
		Widgets.waitForJobs(Builds.FAMILY);
		waitUntil("the project is built", () -> ZcBuildResults.of(project) != null);
		assertEquals(List.of(), markers(project, IMarker.SEVERITY_ERROR));
		assertEquals(0, ZcBuildResults.of(project).modelErrors());
		assertTrue(ZcBuildResults.of(project).criteria().stream()
				.noneMatch(c -> c.status() == CriterionResult.Status.FAIL && c.severity().equals("error")), "no criterion of severity error fails");
	}

	/** The project's problem markers of one severity, as "file:line: message". */
	private static List<String> markers(IProject project, int severity) throws CoreException {
		return Arrays.stream(project.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_INFINITE))
				.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == severity)
				.map(m -> m.getResource().getName() + ":" + m.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + m.getAttribute(IMarker.MESSAGE, ""))
				.toList();
	}

	private static IProject project() {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(PROJECT);
	}
}
