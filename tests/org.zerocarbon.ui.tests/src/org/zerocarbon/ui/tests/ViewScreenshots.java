package org.zerocarbon.ui.tests;

import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.nio.file.Path;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.ZcPerspectiveFactory;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.wizards.NewZcProjectWizard;
import org.zerocarbon.ui.views.CriteriaView;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.ui.views.MeterView;

/**
 * Not a test: the README's screenshots of the Footprint view (Modules and Equipment tabs), the Meters view and the
 * Criteria view on the example, each maximized in a 1400x900 window, of Help &gt; About and of a new project, when
 * {@code ZC_SCREENSHOTS} names the folder: {@code ZC_SCREENSHOTS=$PWD/docs/screenshots xvfb-run -a -s "-screen 0
 * 1400x900x24" ./mvnw -B -o verify -pl tests/org.zerocarbon.ui.tests -Dtest=ViewScreenshots}. Skipped in normal
 * builds.
 */
@EnabledIfEnvironmentVariable(named = "ZC_SCREENSHOTS", matches = ".+")
@ExtendWith(Examples.class)
class ViewScreenshots {

	@Test
	void viewsOfTheExampleAndAbout() throws Exception {
		Path folder = defaultWindow();
		IDE.openEditor(page(), Workbench.file(Examples.CELL, "model/cell.zc"), true);
		FootprintView footprint = (FootprintView) page().showView(FootprintView.ID);
		waitUntil("the footprint is shown", () -> footprint.emptyMessage() == null);
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		maximize(footprint);
		footprint.tabs().setSelection(0);
		settle();
		Workbench.saveScreenshot(folder.resolve("footprint-view.png"));
		footprint.tabs().setSelection(1);
		footprint.equipment().expandAll();
		footprint.equipment().getTree().notifyListeners(SWT.Resize, new org.eclipse.swt.widgets.Event());
		settle();
		Workbench.saveScreenshot(folder.resolve("footprint-equipment.png"));
		footprint.tabs().setSelection(0);
		restore();

		MeterView meters = (MeterView) page().showView(MeterView.ID);
		waitUntil("the meters are shown", () -> !meters.show(Examples.project(Examples.CELL)).isEmpty());
		for (int i = 0; i < meters.table().getItemCount(); i++) {
			if (meters.table().getItem(i).getText(0).endsWith("VMC1_Main")) {
				meters.table().select(i);
			}
		}
		meters.table().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		maximize(meters);
		settle();
		Workbench.saveScreenshot(folder.resolve("meter-view.png"));
		restore();

		CriteriaView criteria = (CriteriaView) page().showView(CriteriaView.ID);
		waitUntil("the criteria are shown", () -> criteria.viewer().getTree().getItemCount() > 0);
		maximize(criteria);
		Tree tree = criteria.viewer().getTree();
		settle(); // the view refreshes once the build's results arrive, replacing its items
		// the failing criterion with the most elements, opened as a click on its expander does
		for (TreeItem item : Widgets.allItems(tree)) {
			if (!item.isDisposed() && item.getText(0).equals("TransportToSite")) {
				org.eclipse.swt.widgets.Event event = new org.eclipse.swt.widgets.Event();
				event.item = item;
				tree.notifyListeners(SWT.Expand, event);
				item.setExpanded(true);
			}
		}
		settle();
		Workbench.saveScreenshot(folder.resolve("criteria-view.png"));
		restore();

		about(folder.resolve("about.png"));
	}

	/**
	 * A new user's first project: New ZeroCarbon Project with its defaults, the line it opens and the footprint of its
	 * first build, in the product's perspective.
	 */
	@Test
	void newProjectFromTheWizard() throws Exception {
		Path folder = defaultWindow();
		Shell dialog = WizardsTest.open(new NewZcProjectWizard());
		WizardsTest.type(Widgets.find(dialog, Text.class, t -> true).get(0), "demo-line");
		Widgets.click(Widgets.button(dialog, "Finish"));
		waitUntil("the wizard is closed", dialog::isDisposed);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("demo-line");
		try {
			Widgets.waitForJobs(Builds.FAMILY);
			FootprintView footprint = (FootprintView) page().showView(FootprintView.ID);
			waitUntil("the footprint is shown", () -> footprint.emptyMessage() == null);
			footprint.tabs().setSelection(0);
			page().activate(page().getActiveEditor());
			settle();
			Workbench.saveScreenshot(folder.resolve("workbench.png"));
		} finally {
			page().closeAllEditors(false);
			project.delete(true, true, null);
		}
	}

	/** The product's perspective, as it is at first, in a 1400x900 window; returns the folder for the pictures. */
	private static Path defaultWindow() throws Exception {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		window.getShell().setBounds(0, 0, 1400, 900);
		PlatformUI.getWorkbench().showPerspective(ZcPerspectiveFactory.ID, window);
		page().resetPerspective();
		return Path.of(System.getenv("ZC_SCREENSHOTS"));
	}

	/** Help > About, the whole screen while it is open (it is modal: the picture is taken from the event loop). */
	private static void about(Path target) throws Exception {
		Display display = Display.getCurrent();
		Runnable[] poll = new Runnable[1];
		long[] seen = new long[1];
		poll[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (shell.getText().startsWith("About") && shell.isVisible()) {
					if (seen[0] == 0) {
						seen[0] = System.currentTimeMillis();
					} else if (System.currentTimeMillis() - seen[0] > 1000) {
						Rectangle b = shell.getBounds();
						screen(display, target, new Rectangle(Math.max(0, b.x - 20), Math.max(0, b.y - 20), b.width + 40, b.height + 40));
						shell.close();
						return;
					}
				}
			}
			display.timerExec(100, poll[0]);
		};
		display.timerExec(100, poll[0]);
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.help.aboutAction", null);
	}

	private static void screen(Display display, Path target, Rectangle area) {
		try {
			Workbench.saveScreenshot(display, area.intersection(display.getBounds()), target);
		} catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static void maximize(IViewPart view) {
		IWorkbenchPage page = page();
		page.activate(view);
		if (page.getPartState(page.getReference(view)) != IWorkbenchPage.STATE_MAXIMIZED) {
			page.toggleZoom(page.getReference(view));
		}
	}

	private static void restore() {
		IWorkbenchPage page = page();
		if (page.getActivePartReference() != null && page.getPartState(page.getActivePartReference()) == IWorkbenchPage.STATE_MAXIMIZED) {
			page.toggleZoom(page.getActivePartReference());
		}
	}

	private static void settle() throws InterruptedException {
		long until = System.currentTimeMillis() + 1500;
		while (System.currentTimeMillis() < until) {
			Workbench.flush();
			Thread.sleep(30);
		}
	}
}
