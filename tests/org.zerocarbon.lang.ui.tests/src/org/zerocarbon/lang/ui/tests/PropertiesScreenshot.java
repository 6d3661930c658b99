package org.zerocarbon.lang.ui.tests;

import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.open;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitForAnalysis;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.properties.ModelPropertySheetPage;

/**
 * Not a test: takes the screenshot of the Properties view on a machine for the documentation, when
 * {@code ZC_SCREENSHOTS} names the folder to write it to:
 * {@code ZC_SCREENSHOTS=docs/screenshots xvfb-run -a -s "-screen 0 1600x1000x24" ./mvnw -B -o verify
 * -pl tests/org.zerocarbon.lang.ui.tests -Dtest=PropertiesScreenshot}. Skipped in normal builds.
 */
@EnabledIfEnvironmentVariable(named = "ZC_SCREENSHOTS", matches = ".+")
class PropertiesScreenshot {

	@TempDir
	static Path examples;

	@BeforeAll
	static void importExamples() throws IOException, CoreException {
		Workbench.importExamples(examples);
	}

	@Test
	void propertiesOfTheMachineAtTheCaret() throws Exception {
		page().getWorkbenchWindow().getShell().setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		ZcEditor editor = open(file("housing-cell", "model/cell.zc"));
		waitForAnalysis(editor);
		PropertySheet sheet = (PropertySheet) page().showView(IPageLayout.ID_PROP_SHEET);
		page().showView(IPageLayout.ID_OUTLINE);
		page().activate(editor);
		String text = editor.getDocumentProvider().getDocument(editor.getEditorInput()).get();
		int at = text.indexOf("rated", text.indexOf("machine VMC1")) + 2;
		editor.selectAndReveal(at, 0);
		waitUntil("the Properties view shows VMC1", () -> sheet.getCurrentPage() instanceof ModelPropertySheetPage p
				&& p.sources().stream().anyMatch(s -> s.toString().startsWith("Machine VMC1")));
		long until = System.currentTimeMillis() + 1500;
		while (System.currentTimeMillis() < until) {
			flush();
			Thread.sleep(50);
		}
		Workbench.saveScreenshot(Path.of(System.getenv("ZC_SCREENSHOTS")).resolve("properties-view.png"));
	}
}
