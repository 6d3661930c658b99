package org.zerocarbon.ui.tests;

import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.FootprintView;

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
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		waitUntil("the scenarios are compared", () -> view.scenarioChoice().getItemCount() == 4);
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
