package org.zerocarbon.diagram.ui.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.FileEditorInput;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zerocarbon.lang.ui.ZcEditor;

/**
 * Show in Text: selects a figure's element in the ZeroCarbon text editor of its file, opening it if need be. The
 * element is in the drawn file, or, for a background process, in the library file that defines it.
 */
public final class TextReveal {

	private TextReveal() {
	}

	/**
	 * Reveals the element behind a figure.
	 *
	 * @param page the workbench page
	 * @param file the drawn file
	 * @param info the figure's element facts, or {@code null}
	 * @return whether there was an element to reveal
	 * @throws PartInitException if the text editor cannot open
	 */
	public static boolean reveal(IWorkbenchPage page, IFile file, ElementInfo info) throws PartInitException {
		if (info == null) {
			return false;
		}
		IFile target = info.definition() != null ? info.definition().file() : file;
		int offset = info.definition() != null ? info.definition().nameOffset() : info.nameOffset();
		int length = info.definition() != null ? info.definition().nameLength() : info.nameLength();
		if (offset < 0 || target == null || !target.exists()) {
			return false;
		}
		// Match by id as well: by input alone the page would return the diagram editor, which shows the same file.
		IEditorPart part = page.openEditor(new FileEditorInput(target), ZcEditor.ID, true,
				IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT);
		if (part instanceof ITextEditor text) {
			text.selectAndReveal(offset, length);
		}
		return true;
	}
}
