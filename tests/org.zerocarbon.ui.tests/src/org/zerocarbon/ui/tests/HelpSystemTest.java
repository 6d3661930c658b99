package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.internal.HelpGuides;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.ui.views.HelpView;

/** Help > Help Contents, Search and Show Context Help, and F1 on a view, open the guides in the Help view. */
class HelpSystemTest {

	/** The Help view shares the bottom folder with the Footprint view: tests after these expect the latter in front. */
	@AfterEach
	void hideTheHelpView() {
		HelpView view = (HelpView) page().findView(HelpView.ID);
		if (view != null) {
			page().hideView(view);
		}
	}

	@Test
	void helpContentsOpensTheWorkbenchGuide() throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.helpContents", null);
		Workbench.flush();
		HelpView view = (HelpView) page().findView(HelpView.ID);
		assertNotNull(view, "Help Contents opened the Help view");
		assertEquals(HelpView.WORKBENCH_GUIDE, view.documentShown());
	}

	@Test
	void theGuidesAreTheDocsFolder() {
		List<String> resources = HelpGuides.all().stream().map(HelpGuides.Guide::resource).toList();
		assertEquals(HelpGuides.WORKBENCH, resources.get(0));
		assertEquals(HelpGuides.LANGUAGE, resources.get(1));
		assertTrue(resources.containsAll(List.of("help/diagrams.md", "help/model-editing.md", "help/report-json.md")), resources::toString);
	}

	@Test
	void f1OnTheFootprintViewShowsItsSection() throws Exception {
		FootprintView footprint = (FootprintView) page().showView(FootprintView.ID);
		// as GTK does for F1: the help event goes to the first control up from the focus that listens for it
		Control control = footprint.table();
		while (control != null && !control.isListening(SWT.Help)) {
			control = control.getParent();
		}
		assertNotNull(control, "the Footprint view has context help");
		control.notifyListeners(SWT.Help, new Event());
		Workbench.flush();
		HelpView view = (HelpView) page().findView(HelpView.ID);
		assertEquals(HelpView.WORKBENCH_GUIDE, view.documentShown());
		StyledText text = view.text();
		assertEquals("Footprint view", text.getLine(text.getTopIndex()).strip());
	}

	@Test
	void searchFindsSectionsOfEveryGuide() throws Exception {
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.helpSearch", null);
		Workbench.flush();
		HelpView view = (HelpView) page().findView(HelpView.ID);
		assertNotNull(view, "Search opened the Help view");
		// "stale" is only in the workbench guide's Footprint view section; "transport" is in the language reference
		List<HelpGuides.Hit> stale = view.search("stale reports");
		assertFalse(stale.isEmpty());
		assertEquals(HelpGuides.WORKBENCH, stale.get(0).guide().resource());
		assertEquals(stale.get(0).label(), view.listed()[0]);
		List<HelpGuides.Hit> transport = view.search("transport");
		assertTrue(transport.stream().anyMatch(h -> h.guide().resource().equals(HelpGuides.LANGUAGE)), transport::toString);
		assertTrue(view.search("zzqx nothing").isEmpty());
		assertEquals("Nothing found for \"zzqx nothing\"", view.listed()[0]);
		view.search("");
		assertEquals(HelpGuides.get(view.documentShown()).document().sections().get(0).title(), view.listed()[0].strip(),
				"an empty search lists the contents of the guide shown again");
	}
}
