package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IAction;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.internal.ReportEditor;
import org.zerocarbon.ui.views.FootprintView;

/**
 * "Open the HTML Report" and a double-click on a report open it inside the workbench: in the browser widget where
 * WebKitGTK is installed, otherwise in a page that gives its path and offers the system browser; never as text and
 * never a message with a literal "{0}".
 */
@ExtendWith(Examples.class)
class ReportOpeningTest {

	@AfterEach
	void closeEditors() {
		ReportEditor.builtInBrowser = true;
		page().closeAllEditors(false);
	}

	@Test
	void anHtmlReportOpensInTheReportViewerByDefault() {
		IFile report = Workbench.file(Examples.CELL, "reports/housing.Cell.html");
		assertTrue(report.exists(), "the first build wrote the report");
		// what the Project Explorer's double-click opens
		assertEquals(ReportEditor.ID, IDE.getDefaultEditor(report).getId());
	}

	@Test
	void theFootprintViewsButtonShowsTheReportInTheWorkbench() throws Exception {
		ReportEditor editor = openFromTheFootprintView();
		if (editor.browser() != null) {
			// WebKitGTK is installed: the report is rendered here; its title is the line's name
			waitUntil("the report is loaded", () -> editor.browser().getUrl().endsWith("housing.Cell.html")
					&& editor.browser().getText().contains("housing.Cell"));
			assertNull(editor.fallbackText());
			System.out.println("ReportOpeningTest: the report was shown in the built-in browser");
		} else {
			System.out.println("ReportOpeningTest: no built-in browser here, the fallback page was shown");
			assertFallback(editor);
		}
	}

	@Test
	void withoutABrowserWidgetTheViewerGivesThePathAndTheSystemBrowser() throws Exception {
		ReportEditor.builtInBrowser = false;
		assertFallback(openFromTheFootprintView());
	}

	private static void assertFallback(ReportEditor editor) {
		IFile report = Workbench.file(Examples.CELL, "reports/housing.Cell.html");
		String text = editor.fallbackText();
		assertNotNull(text, "without a browser widget the page says why");
		assertTrue(text.contains("The report is " + report.getLocation().toOSString()), text);
		assertTrue(!text.contains("{0}"), text);
	}

	private static ReportEditor openFromTheFootprintView() throws Exception {
		FootprintView view = (FootprintView) page().showView(FootprintView.ID);
		view.show(Examples.project(Examples.CELL).getFile("model/cell.zc"));
		waitUntil("the footprint is shown", () -> view.emptyMessage() == null);
		IAction open = Arrays.stream(view.getViewSite().getActionBars().getToolBarManager().getItems())
				.filter(ActionContributionItem.class::isInstance).map(i -> ((ActionContributionItem) i).getAction())
				.filter(a -> "Open the HTML Report".equals(a.getText())).findFirst().orElseThrow();
		assertTrue(open.isEnabled(), "the example line has an HTML report");
		open.run();
		IEditorPart editor = page().getActiveEditor();
		assertInstanceOf(ReportEditor.class, editor, "the report opens in the report viewer, not as text");
		assertEquals("housing.Cell.html", editor.getTitle());
		return (ReportEditor) editor;
	}
}
