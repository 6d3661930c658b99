package org.zerocarbon.diagram.ui.tests;

import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.diagram.ui.DiagramEditor;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Not a test: takes the screenshots of the diagram editor for the documentation, when
 * {@code ZC_SCREENSHOTS} names the folder to write them to ({@code benchmarks/diagram-editor-screenshots.sh}).
 * Skipped in normal builds.
 */
@EnabledIfEnvironmentVariable(named = "ZC_SCREENSHOTS", matches = ".+")
class Screenshots {

	@TempDir
	static Path examples;

	@BeforeAll
	static void importExamples() throws IOException, CoreException {
		Workbench.importExamples(examples);
	}

	@Test
	void diagramEditorOnTheExamples() throws Exception {
		Path out = Path.of(System.getenv("ZC_SCREENSHOTS"));
		Files.createDirectories(out);
		Shell shell = page().getWorkbenchWindow().getShell();
		shell.setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		// The builder's markers become badges on the nodes: let it finish first.
		org.eclipse.core.runtime.jobs.Job.getJobManager().join(org.eclipse.core.resources.ResourcesPlugin.FAMILY_AUTO_BUILD, null);
		// The line is long (laid out top to bottom): as it opens, at 75 % with a vertical scroll bar, rather than
		// fitted into the window at a small size.
		shot(file("housing-cell", "model/cell.zc"), "TC1", Zoom.OPENING, false, out.resolve("diagram-editor-line.png"));
		shot(file("housing-cell", "model/cell.zc"), null, Zoom.ACTUAL, true, out.resolve("diagram-editor-processes.png"));
		shot(file("housing-cell", "model/air-loop.zc"), "PressureControl", Zoom.FIT, false, out.resolve("diagram-editor-loop.png"));
		shot(file("housing-cell", "model/park.zc"), null, Zoom.FIT, false, out.resolve("diagram-editor-park.png"));
	}

	/** The zoom of a screenshot: the one the diagram opens at, fitted into the window, or 100 %. */
	private enum Zoom {
		OPENING, FIT, ACTUAL
	}

	private static void shot(org.eclipse.core.resources.IFile file, String select, Zoom zoom, boolean processes,
			Path target) throws Exception {
		page().closeAllEditors(false);
		DiagramEditor editor = Diagrams.open(file);
		if (processes) {
			editor.backgroundProcesses().toggle(); // Show Background Processes
			Diagrams.waitIdle(editor);
		}
		page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED);
		flush();
		Shell window = page().getWorkbenchWindow().getShell();
		window.setBounds(Display.getCurrent().getPrimaryMonitor().getBounds());
		flush();
		if (zoom == Zoom.FIT) {
			editor.canvas().fit();
		} else if (zoom == Zoom.ACTUAL) {
			editor.canvas().setZoom(1, 0, 0);
			// A flat diagram at 100 %: a window as high as the drawing, not a screen of empty canvas.
			int spare = editor.canvas().getClientArea().height - Diagrams.scene(editor).height() - 24;
			if (spare > 0) {
				window.setSize(window.getSize().x, window.getSize().y - spare);
				flush();
			}
		}
		if (select != null) {
			editor.canvas().select(java.util.List.of(select));
		}
		// Let the window manager and the paint settle.
		long until = System.currentTimeMillis() + 1500;
		while (System.currentTimeMillis() < until) {
			flush();
			Thread.sleep(50);
		}
		Workbench.saveScreenshot(target);
	}
}
