package org.zerocarbon.ui.tests;

import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.MeterView;

/**
 * Not a test: the screenshot of the Meters view on the example cell in the ZeroCarbon Engineering perspective, for
 * docs/telemetry.md, when {@code ZC_SCREENSHOTS} names the folder:
 * {@code ZC_SCREENSHOTS=$PWD/docs/screenshots xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -o verify
 * -pl tests/org.zerocarbon.ui.tests -Dtest=MeterViewScreenshot}. Skipped in normal builds.
 */
@EnabledIfEnvironmentVariable(named = "ZC_SCREENSHOTS", matches = ".+")
@ExtendWith(Examples.class)
class MeterViewScreenshot {

	@Test
	void metersOfTheExampleCell() throws Exception {
		page().getWorkbenchWindow().getShell().setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		IDE.openEditor(page(), Workbench.file(Examples.CELL, "model/cell.zc"), true);
		MeterView view = (MeterView) page().showView(MeterView.ID);
		waitUntil("the meters are shown", () -> !view.show(Examples.project(Examples.CELL)).isEmpty());
		int vmc1 = 0;
		for (int i = 0; i < view.table().getItemCount(); i++) {
			vmc1 = view.table().getItem(i).getText(0).endsWith("VMC1_Main") ? i : vmc1;
		}
		view.table().select(vmc1);
		view.table().notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
		long until = System.currentTimeMillis() + 1500;
		while (System.currentTimeMillis() < until) {
			Workbench.flush();
			Thread.sleep(50);
		}
		Workbench.saveScreenshot(Path.of(System.getenv("ZC_SCREENSHOTS")).resolve("meter-view.png"));
	}
}
