package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISaveablesSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.diagram.ui.DiagramEditor;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Saving a model file open both as text and as a diagram (issue 17: the Save Resources dialog listed it twice).
 */
class DiagramSaveTest {

	@TempDir
	static Path examples;

	@BeforeAll
	static void importExamples() throws IOException, CoreException {
		Workbench.importExamples(examples);
	}

	@AfterEach
	void closeEditors() throws CoreException {
		page().closeAllEditors(false);
		flush();
		IFile copy = ResourcesPlugin.getWorkspace().getRoot().getFile(IPath.fromOSString("/housing-cell/model/save-once.zc"));
		if (copy.exists()) {
			copy.delete(true, null);
		}
	}

	@Test
	void aFileOpenAsTextAndAsDiagramIsAskedForOnceWhenBothClose() throws Exception {
		// A file of its own: no earlier test has held its document (a file buffer or a saveable still registered
		// elsewhere makes the workbench treat the document as open elsewhere, and closing then asks nothing).
		IFile example = file("housing-cell", "model/cell.zc");
		IFile cell = example.getParent().getFile(IPath.fromOSString("save-once.zc"));
		try (InputStream in = example.getContents()) {
			cell.create(in.readAllBytes(), true, false, null);
		}
		Job.getJobManager().join(ResourcesPlugin.FAMILY_AUTO_BUILD, null);
		ZcEditor text = Diagrams.openText(cell);
		DiagramEditor diagram = Diagrams.open(cell);
		Diagrams.document(diagram).replace(0, 0, "// edited\n");
		waitUntil("both editors are dirty", () -> text.isDirty() && diagram.isDirty());
		assertEquals(text.getSaveables()[0], diagram.getSaveables()[0], "one saveable: the shared document");
		assertEquals(text.getSaveables()[0].hashCode(), diagram.getSaveables()[0].hashCode());
		assertTrue(diagram instanceof ISaveablesSource);

		// Closing both asks to save (before the fix: a Save Resources list of "cell.zc" and "cell.zc (diagram)");
		// read what the dialog shows, then cancel it.
		List<String> shown = new ArrayList<>();
		Display display = Display.getCurrent();
		Shell window = page().getWorkbenchWindow().getShell();
		Runnable[] poll = new Runnable[1];
		poll[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (shell != window && !shell.isDisposed() && shell.isVisible() && shell.getText().startsWith("Save")) {
					collect(shell, shown);
					press(shell, "Cancel");
					return;
				}
			}
			display.timerExec(100, poll[0]);
		};
		display.timerExec(100, poll[0]);
		String before = "text dirty " + text.isDirty() + ", diagram dirty " + diagram.isDirty() + ", save on close "
				+ text.isSaveOnCloseNeeded() + "/" + diagram.isSaveOnCloseNeeded() + ", editors "
				+ page().getEditorReferences().length;
		boolean closed = page().closeAllEditors(true);

		assertFalse(closed, "cancelled; before closing: " + before + "; the dialog showed " + shown);
		assertEquals(1, shown.stream().filter(s -> s.contains("save-once.zc")).count(), "save-once.zc once in: " + shown);
		assertTrue(text.isDirty() && diagram.isDirty(), "nothing was saved or closed");
	}

	private static void collect(Composite composite, List<String> into) {
		for (Control child : composite.getChildren()) {
			if (child instanceof Label label) {
				into.add(label.getText());
			} else if (child instanceof Table table) {
				for (TableItem item : table.getItems()) {
					into.add(item.getText());
				}
			}
			if (child instanceof Composite inner) {
				collect(inner, into);
			}
		}
	}

	private static boolean press(Composite composite, String label) {
		for (Control child : composite.getChildren()) {
			if (child instanceof Button button && button.getText().replace("&", "").equals(label)) {
				button.notifyListeners(SWT.Selection, new Event());
				return true;
			}
			if (child instanceof Composite inner && press(inner, label)) {
				return true;
			}
		}
		return false;
	}
}
