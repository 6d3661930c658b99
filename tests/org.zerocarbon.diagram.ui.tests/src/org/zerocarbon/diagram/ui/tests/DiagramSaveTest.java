package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
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
	void closeEditors() {
		page().closeAllEditors(false);
		flush();
	}

	@Test
	void aFileOpenAsTextAndAsDiagramIsAskedForOnceWhenBothClose() throws Exception {
		IFile cell = file("housing-cell", "model/cell.zc");
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
		boolean closed = page().closeAllEditors(true);

		assertFalse(closed, "cancelled");
		assertEquals(1, shown.stream().filter(s -> s.contains("cell.zc")).count(), "cell.zc once in: " + shown);
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
