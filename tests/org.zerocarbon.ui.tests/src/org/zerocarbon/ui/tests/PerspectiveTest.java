package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.WorkbenchException;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.ui.ZcPerspectiveFactory;
import org.zerocarbon.ui.views.CriteriaView;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.ui.wizards.NewModelFileWizard;
import org.zerocarbon.ui.wizards.NewZcProjectWizard;
import org.zerocarbon.ui.internal.ExampleProjectImporter;
import org.zerocarbon.workspace.ZcMarkers;

/** Runs inside a real workbench (UI harness, under Xvfb in CI). */
class PerspectiveTest {

	@TempDir
	Path examples;

	@Test
	void perspectiveOpensWithTheEngineeringViews() throws WorkbenchException {
		IWorkbench workbench = PlatformUI.getWorkbench();
		IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
		assertNotNull(window, "a workbench window is open");

		IWorkbenchPage page = workbench.showPerspective(ZcPerspectiveFactory.ID, window);
		processEvents();

		assertEquals("ZeroCarbon Engineering", page.getPerspective().getLabel());
		for (String viewId : new String[] { ProjectExplorer.VIEW_ID, IPageLayout.ID_PROBLEM_VIEW, IPageLayout.ID_OUTLINE,
				IPageLayout.ID_PROP_SHEET, CriteriaView.ID, FootprintView.ID }) {
			assertNotNull(page.findViewReference(viewId), viewId + " is part of the perspective");
		}
		// The views in front are really created, not only referenced.
		IViewPart explorer = page.findView(ProjectExplorer.VIEW_ID);
		assertNotNull(explorer, "Project Explorer is created");
		assertTrue(explorer.getViewSite().getShell().isVisible());
		assertNotNull(page.findView(IPageLayout.ID_PROBLEM_VIEW), "Problems view is created");
		assertTrue(java.util.List.of(page.getNewWizardShortcuts()).containsAll(java.util.List.of(NewZcProjectWizard.ID, NewModelFileWizard.ID)),
				"File > New offers the ZeroCarbon wizards");
		assertTrue(java.util.List.of(page.getShowViewShortcuts()).containsAll(java.util.List.of(CriteriaView.ID, FootprintView.ID)),
				"Window > Show View offers the ZeroCarbon views");
	}

	/** The Error Log is there (Window > Show View), and the bottom folder with the Footprint view has half the height. */
	@Test
	void theErrorLogAndTheFootprintViewsRoom() throws Exception {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ZcPerspectiveFactory.ID, window);
		page.resetPerspective();
		processEvents();
		assertTrue(java.util.List.of(page.getShowViewShortcuts()).contains(ZcPerspectiveFactory.ERROR_LOG));
		IViewPart log = page.showView(ZcPerspectiveFactory.ERROR_LOG);
		assertEquals("org.eclipse.ui.internal.views.log.LogView", log.getClass().getName());
		page.hideView(log);
		IViewPart footprint = page.showView(FootprintView.ID);
		processEvents();
		// up from the view's table to the view's own area, the child of the workbench's part stack (a CTabFolder)
		org.eclipse.swt.widgets.Control control = ((FootprintView) footprint).table();
		while (!(control.getParent() instanceof org.eclipse.swt.custom.CTabFolder stack && stack != ((FootprintView) footprint).tabs())) {
			control = control.getParent();
		}
		// bottom folder at 0.5 of the height below the toolbars, less its tab row: about 0.42 of the client area
		// (it was 0.38 of it, less the tab row: about 0.30, with 4 table rows)
		int folder = control.getSize().y;
		int client = window.getShell().getClientArea().height;
		assertTrue(folder >= client * 0.36, "the Footprint view's area is " + folder + " px of " + client);
	}

	@Test
	void exampleProjectsAreOpenedInPlaceAndBuilt() throws IOException, CoreException {
		Path projectDir = examples.resolve("demo-line");
		Files.createDirectories(projectDir);
		Files.writeString(projectDir.resolve(".project"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<projectDescription>
					<name>zc-ui-demo-line</name>
					<comment></comment>
					<projects></projects>
					<buildSpec>
						<buildCommand><name>org.zerocarbon.workspace.zcBuilder</name><arguments></arguments></buildCommand>
					</buildSpec>
					<natures><nature>org.zerocarbon.workspace.zcNature</nature></natures>
				</projectDescription>
				""");
		Files.writeString(projectDir.resolve("line.zc"), "line Cell {\n  machine M1 vmc {\n    state processing 5 kW for 50 %\n  }\n}\n");

		IStatus status = ExampleProjectImporter.importProjects(examples, new NullProgressMonitor());

		assertTrue(status.isOK(), status::toString);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-ui-demo-line");
		try {
			assertTrue(project.isOpen());
			assertEquals(projectDir.toFile().getAbsoluteFile(), project.getLocation().toFile().getAbsoluteFile());
			project.build(IncrementalProjectBuilder.FULL_BUILD, null);
			IMarker[] markers = java.util.Arrays.stream(project.getFile("line.zc").findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR).toArray(IMarker[]::new);
			assertEquals(1, markers.length); // shares add up to 50 %
			assertEquals(2, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		} finally {
			project.delete(false, true, null); // keep the files: they are the user's
		}
		assertTrue(Files.exists(projectDir.resolve("line.zc")), "deleting the project left the files alone");
	}

	@Test
	void aNewWorkspaceShowsTheExampleLineBesideItsFootprint() throws IOException, CoreException {
		Path projectDir = examples.resolve("demo-welcome");
		Files.createDirectories(projectDir.resolve("model"));
		Files.writeString(projectDir.resolve(".project"), """
				<?xml version="1.0" encoding="UTF-8"?>
				<projectDescription><name>zc-ui-demo-welcome</name><comment></comment><projects></projects>
					<buildSpec></buildSpec><natures></natures></projectDescription>
				""");
		// sorted by path, the factor file and the park come first; the line is what a new user should see
		Files.writeString(projectDir.resolve("model/a-factors.zc"), "package d\nfactors F {\n}\n");
		Files.writeString(projectDir.resolve("model/b-park.zc"), "package d\npark P \"demo park\" {\n}\n");
		Files.writeString(projectDir.resolve("model/c-line.zc"), "package d\n// a demo\nline Cell {\n}\n");
		java.util.List<IProject> created = new java.util.ArrayList<>();
		IStatus status = ExampleProjectImporter.importProjects(examples, created, new NullProgressMonitor());
		assertTrue(status.isOK(), status::toString);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-ui-demo-welcome");
		assertEquals(java.util.List.of(project), created);
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		try {
			var opened = ExampleProjectImporter.showExample(page, created);
			processEvents();

			assertEquals(project.getFile("model/c-line.zc"), opened);
			assertEquals(opened, page.getActiveEditor().getEditorInput().getAdapter(org.eclipse.core.resources.IFile.class));
			IViewPart footprint = page.findView(FootprintView.ID);
			assertNotNull(footprint, "the Footprint view is created");
			assertTrue(page.isPartVisible(footprint), "the Footprint view is in front of its stack");
			// a second import finds the project there and creates nothing: later starts do not re-open anything
			java.util.List<IProject> again = new java.util.ArrayList<>();
			ExampleProjectImporter.importProjects(examples, again, new NullProgressMonitor());
			assertTrue(again.isEmpty());
		} finally {
			page.closeAllEditors(false);
			project.delete(false, true, null);
		}
	}

	private static void processEvents() {
		Display display = Display.getCurrent();
		while (display.readAndDispatch()) {
			// drain pending UI events so views are created
		}
	}
}
