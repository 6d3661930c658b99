package org.zerocarbon.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zerocarbon.ui.views.HelpView;

/**
 * Opens the language reference; from a model editor (F1) at the section that explains the word at the caret.
 */
public final class LanguageHelpHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
		IWorkbenchPage page = window.getActivePage();
		String word = wordAtCaret(HandlerUtil.getActiveEditor(event));
		try {
			HelpView view = (HelpView) page.showView(HelpView.ID, null,
					word == null ? IWorkbenchPage.VIEW_ACTIVATE : IWorkbenchPage.VIEW_VISIBLE);
			view.showWord(word);
		} catch (PartInitException e) {
			throw new ExecutionException("Cannot open the language reference: " + e.getMessage(), e);
		}
		return null;
	}

	/** The identifier at (or just before) the caret of a text editor, or null. */
	static String wordAtCaret(IEditorPart editor) {
		ITextEditor text = editor == null ? null : editor.getAdapter(ITextEditor.class);
		if (text == null || !(text.getSelectionProvider().getSelection() instanceof ITextSelection selection)) {
			return null;
		}
		IDocument document = text.getDocumentProvider().getDocument(text.getEditorInput());
		if (document == null) {
			return null;
		}
		return wordAt(document, selection.getOffset());
	}

	/** The identifier around an offset of a document, or null. */
	static String wordAt(IDocument document, int offset) {
		try {
			int start = offset;
			while (start > 0 && Character.isJavaIdentifierPart(document.getChar(start - 1))) {
				start--;
			}
			int end = offset;
			while (end < document.getLength() && Character.isJavaIdentifierPart(document.getChar(end))) {
				end++;
			}
			return end > start ? document.get(start, end - start) : null;
		} catch (BadLocationException e) {
			return null;
		}
	}
}
