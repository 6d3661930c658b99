package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.FileEditorInput;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ui.DiagramEditor;
import org.zerocarbon.diagram.ui.internal.DiagramCanvas;
import org.zerocarbon.diagram.ui.internal.PaletteTool;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Drives a diagram editor the way a user does, with SWT events on its palette and canvas, and waits with the
 * display loop ({@link Workbench}) until it has redrawn.
 */
final class Diagrams {

	private Diagrams() {
	}

	/** Opens a file in the diagram editor and waits for its first drawing. */
	static DiagramEditor open(IFile file) throws PartInitException {
		if (!(Workbench.page().openEditor(new FileEditorInput(file), DiagramEditor.ID, true,
				IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT) instanceof DiagramEditor editor)) {
			throw new AssertionError(file.getName() + " did not open in the diagram editor");
		}
		waitIdle(editor);
		return editor;
	}

	/** Opens a file in the ZeroCarbon text editor, even if a diagram editor shows it already. */
	static ZcEditor openText(IFile file) throws PartInitException {
		return (ZcEditor) Workbench.page().openEditor(new FileEditorInput(file), ZcEditor.ID, true,
				IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT);
	}

	/** Waits until the editor shows a drawing of the current text, with no edit or redraw under way. */
	static void waitIdle(DiagramEditor editor) {
		Workbench.waitUntil("the diagram shows the current text", editor::isIdle);
	}

	/**
	 * Waits until an edit shows in the diagram, failing at once with the editor's message if it reported a
	 * problem instead.
	 */
	static void waitEdit(DiagramEditor editor, String what, java.util.function.BooleanSupplier shown) {
		Workbench.waitUntil(what, () -> editor.lastProblem() != null || editor.isIdle() && shown.getAsBoolean());
		org.junit.jupiter.api.Assertions.assertNull(editor.lastProblem(), () -> "instead of " + what);
	}

	static Scene scene(DiagramEditor editor) {
		Scene scene = editor.content() == null ? null : editor.content().scene();
		assertTrue(scene != null, "the editor shows a diagram");
		return scene;
	}

	static Optional<Node> node(DiagramEditor editor, String id) {
		return scene(editor).node(id);
	}

	static Optional<Edge> edge(DiagramEditor editor, String source, String target) {
		return scene(editor).edges().stream()
				.filter(e -> e.source().id().equals(source) && e.target().id().equals(target)).findFirst();
	}

	static IDocument document(DiagramEditor editor) {
		return org.eclipse.core.filebuffers.FileBuffers.getTextFileBufferManager()
				.getTextFileBuffer(editor.file().getFullPath(), org.eclipse.core.filebuffers.LocationKind.IFILE)
				.getDocument();
	}

	/** Picks a palette tool by selecting its tool item, as a click does. */
	static void pick(DiagramEditor editor, PaletteTool tool) {
		ToolItem item = editor.palette().item(tool);
		assertTrue(item != null, "the palette offers " + tool.label());
		for (ToolItem other : item.getParent().getItems()) {
			other.setSelection(other == item);
		}
		item.notifyListeners(SWT.Selection, new Event());
	}

	/** The canvas point of a node's centre. */
	static int[] centre(DiagramEditor editor, String node) {
		Node n = node(editor, node).orElseThrow(() -> new AssertionError("no node " + node));
		return editor.canvas().toCanvas(n.x() + n.width() / 2, n.y() + n.height() / 2);
	}

	/** Clicks (button 1) at a canvas point. */
	static void click(DiagramCanvas canvas, int[] at) {
		mouse(canvas, SWT.MouseDown, at, 1, 0);
		mouse(canvas, SWT.MouseUp, at, 1, 0);
		Workbench.flush();
	}

	/** Drags with button 1 from one canvas point to another, in steps. */
	static void drag(DiagramCanvas canvas, int[] from, int[] to) {
		mouse(canvas, SWT.MouseDown, from, 1, 0);
		for (int i = 1; i <= 5; i++) {
			int[] p = { from[0] + (to[0] - from[0]) * i / 5, from[1] + (to[1] - from[1]) * i / 5 };
			mouse(canvas, SWT.MouseMove, p, 0, SWT.BUTTON1);
		}
		mouse(canvas, SWT.MouseUp, to, 1, SWT.BUTTON1);
		Workbench.flush();
	}

	/** Double-clicks at a canvas point. */
	static void doubleClick(DiagramCanvas canvas, int[] at) {
		mouse(canvas, SWT.MouseDown, at, 1, 0);
		mouse(canvas, SWT.MouseUp, at, 1, 0);
		mouse(canvas, SWT.MouseDown, at, 1, 0);
		mouse(canvas, SWT.MouseDoubleClick, at, 1, 0);
		mouse(canvas, SWT.MouseUp, at, 1, 0);
		Workbench.flush();
	}

	static void mouse(DiagramCanvas canvas, int type, int[] at, int button, int state) {
		Event e = new Event();
		e.x = at[0];
		e.y = at[1];
		e.button = button;
		e.stateMask = state;
		e.count = type == SWT.MouseDoubleClick ? 2 : 1;
		canvas.notifyListeners(type, e);
	}

	/** Presses a key on the canvas: a key code (SWT.DEL, SWT.F2) or a character. */
	static void key(DiagramCanvas canvas, int keyCode, char character) {
		Event e = new Event();
		e.keyCode = keyCode;
		e.character = character;
		canvas.notifyListeners(SWT.KeyDown, e);
		canvas.notifyListeners(SWT.KeyUp, e);
		Workbench.flush();
	}

	/**
	 * The text the workbench window's status line shows now (its message label: the message, or the error message
	 * over it), read from the control, not from the editor's sub-manager, whose message may be hidden.
	 */
	static String statusLine(DiagramEditor editor) {
		org.eclipse.jface.action.IContributionManager manager = editor.getEditorSite().getActionBars()
				.getStatusLineManager();
		while (manager instanceof org.eclipse.jface.action.SubContributionManager sub) {
			manager = sub.getParent();
		}
		org.eclipse.swt.widgets.Control line = ((org.eclipse.jface.action.StatusLineManager) manager).getControl();
		try {
			// org.eclipse.jface.action.StatusLine's label of the message (it has no getter)
			java.lang.reflect.Field label = line.getClass().getDeclaredField("fMessageLabel");
			label.setAccessible(true);
			String text = ((org.eclipse.swt.custom.CLabel) label.get(line)).getText();
			return text == null ? "" : text;
		} catch (ReflectiveOperationException e) {
			throw new AssertionError("cannot read the status line's message label", e);
		}
	}

	/** A canvas point on the diagram's background, right of every figure. */
	static int[] background(DiagramEditor editor) {
		Scene scene = scene(editor);
		int x = scene.width() - 4;
		for (int y = scene.height() / 3; y < scene.height(); y += 5) {
			if (scene.hit(x, y).isEmpty()) {
				return editor.canvas().toCanvas(x, y);
			}
		}
		throw new AssertionError("the diagram has no free background on its right edge");
	}
}
