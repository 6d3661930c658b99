package org.zerocarbon.lang.ui.internal;

import java.util.List;
import java.util.Map;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.text.edits.MalformedTreeException;
import org.eclipse.text.edits.MultiTextEdit;
import org.eclipse.text.edits.ReplaceEdit;
import org.zerocarbon.lang.ui.internal.TextChanges.Replacement;

/**
 * Applies {@link TextChanges} on the UI thread: to the edited document as one undoable change, and to other files
 * through their (possibly shared) file buffers, saving those that were not modified before.
 */
public final class EditApplier {

	private EditApplier() {
	}

	/**
	 * Applies the changes.
	 *
	 * @param rewriteTarget groups the edited document's changes into one undo step; may be {@code null}
	 * @return {@code null} on success, else a message for the user saying why nothing was changed
	 */
	public static String apply(TextChanges changes, ModelSession session, IRewriteTarget rewriteTarget) {
		if (session.documentVersion() != changes.version()) {
			return "The text changed while the change was being computed. Try again.";
		}
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		// Check every other file first, so that either all files change or none does.
		for (Map.Entry<URI, List<Replacement>> entry : changes.edits().entrySet()) {
			if (entry.getKey().equals(changes.editedFile()) || entry.getValue().isEmpty()) {
				continue;
			}
			IFile file = ModelSession.fileOf(entry.getKey());
			if (file == null || !file.exists()) {
				return "Cannot change " + entry.getKey() + ": it is not a file of the workspace.";
			}
			ITextFileBuffer open = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
			if (open != null && open.isDirty()) {
				return "Save " + file.getFullPath() + " first: it has unsaved changes.";
			}
		}
		try {
			for (Map.Entry<URI, List<Replacement>> entry : changes.edits().entrySet()) {
				if (entry.getValue().isEmpty()) {
					continue;
				}
				if (entry.getKey().equals(changes.editedFile())) {
					applyToDocument(session.document(), entry.getValue(), rewriteTarget);
				} else {
					applyToFile(buffers, ModelSession.fileOf(entry.getKey()), entry.getValue());
				}
			}
			return null;
		} catch (CoreException | BadLocationException | MalformedTreeException e) {
			org.eclipse.core.runtime.ILog.of(EditApplier.class).error("Applying a ZeroCarbon edit failed", e);
			return "The change could not be applied: " + e.getMessage();
		}
	}

	static void applyToDocument(IDocument document, List<Replacement> replacements, IRewriteTarget target)
			throws BadLocationException {
		MultiTextEdit edit = new MultiTextEdit();
		for (Replacement replacement : replacements) {
			edit.addChild(new ReplaceEdit(replacement.offset(), replacement.length(), replacement.text()));
		}
		if (target != null) {
			target.beginCompoundChange();
		}
		try {
			edit.apply(document);
		} finally {
			if (target != null) {
				target.endCompoundChange();
			}
		}
	}

	private static void applyToFile(ITextFileBufferManager buffers, IFile file, List<Replacement> replacements)
			throws CoreException, BadLocationException {
		buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
		try {
			ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
			applyToDocument(buffer.getDocument(), replacements, null);
			// The buffer was clean before (checked above), so saving writes exactly this change. An open editor on
			// the file shares the buffer and shows the change at once.
			buffer.commit(null, true);
		} finally {
			buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
		}
	}
}
