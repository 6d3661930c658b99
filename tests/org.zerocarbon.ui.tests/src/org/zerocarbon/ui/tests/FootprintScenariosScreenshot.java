package org.zerocarbon.ui.tests;

import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * Not a test: takes the screenshots of the Footprint view's scenarios for the documentation, when
 * {@code ZC_SCREENSHOTS} names the folder to write them to:
 * {@code ZC_SCREENSHOTS=$PWD/docs/screenshots xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -o verify
 * -pl tests/org.zerocarbon.ui.tests -Dtest=FootprintScenariosScreenshot}. Skipped in normal builds.
 */
@EnabledIfEnvironmentVariable(named = "ZC_SCREENSHOTS", matches = ".+")
@ExtendWith(Examples.class)
class FootprintScenariosScreenshot {

	@Test
	void comparisonTabAndAChosenScenario() throws Exception {
		page().getWorkbenchWindow().getShell().setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		FootprintView view = (FootprintView) page().showView(FootprintView.ID);
		IDE.openEditor(page(), Workbench.file(Examples.CELL, "model/cell.zc"), true);
		waitUntil("the footprint is shown", () -> view.emptyMessage() == null);
		// with Monte Carlo, so that the table has its intervals and probabilities
		IProject project = Examples.project(Examples.CELL);
		ZcPreferences.Settings settings = ZcPreferences.settings(project);
		ZcBuildResults.ProjectResult before = ZcBuildResults.of(project);
		ZcPreferences.store(new ProjectScope(project).getNode(ZcPreferences.QUALIFIER),
				new ZcPreferences.Settings(settings.methodology(), settings.formats(), settings.generateReports(), 1000, 42));
		waitUntil("the project is built with Monte Carlo", () -> ZcBuildResults.of(project) != before);
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		waitUntil("the scenarios are compared", view::scenariosCompared);
		page().activate(view);
		page().setPartState(page().getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
		select(view, "Comparison");
		settle();
		Workbench.saveScreenshot(Path.of(System.getenv("ZC_SCREENSHOTS")).resolve("footprint-scenarios.png"));

		int index = Arrays.asList(view.scenarioChoice().getItems()).indexOf("housing.LowerStandby");
		Widgets.choose(view.scenarioChoice(), index);
		select(view, "Modules × scopes");
		settle();
		Workbench.saveScreenshot(Path.of(System.getenv("ZC_SCREENSHOTS")).resolve("footprint-scenarios-chosen.png"));
		page().setPartState(page().getReference(view), IWorkbenchPage.STATE_RESTORED);
		ZcPreferences.removeProjectSettings(project);
		Widgets.waitForJobs(FootprintView.scenarioJobs());
	}

	private static void select(FootprintView view, String tab) {
		for (CTabItem item : view.tabs().getItems()) {
			if (item.getText().equals(tab)) {
				view.tabs().setSelection(item);
			}
		}
	}

	private static void settle() throws InterruptedException {
		long until = System.currentTimeMillis() + 1500;
		while (System.currentTimeMillis() < until) {
			Workbench.flush();
			Thread.sleep(50);
		}
	}
}
