package org.zerocarbon.ui.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zerocarbon.workspace.ZcBuildResults;

/** Opens model files in their editor (the ZeroCarbon editor for {@code .zc}) at a model element. */
public final class Navigation {

	private Navigation() {
	}

	/**
	 * Opens the file of a location and selects the first line of the element's definition (or the line, when the
	 * offset is unknown).
	 *
	 * @return the editor, or null when the file no longer exists or its editor could not be opened (logged)
	 */
	public static IEditorPart open(IWorkbenchPage page, ZcBuildResults.Location location) {
		IFile file = location.file();
		if (file == null || !file.exists()) {
			return null;
		}
		IEditorPart editor;
		try {
			editor = IDE.openEditor(page, file, true);
		} catch (PartInitException e) {
			org.eclipse.core.runtime.ILog.of(Navigation.class).error("Cannot open " + file.getFullPath(), e);
			return null;
		}
		ITextEditor text = editor == null ? null : editor.getAdapter(ITextEditor.class);
		if (text == null) {
			return editor;
		}
		if (location.offset() >= 0) {
			text.selectAndReveal(location.offset(), location.length());
		} else if (location.line() > 0) {
			IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
			try {
				IRegion line = document.getLineInformation(location.line() - 1);
				text.selectAndReveal(line.getOffset(), line.getLength());
			} catch (BadLocationException e) {
				// the file was shortened since the build: opening it is all we can do
			}
		}
		return editor;
	}
}
