package org.zerocarbon.lang.ui.edit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.commands.operations.IOperationHistoryListener;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.OperationHistoryEvent;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.zerocarbon.lang.ide.edit.ModelChanges;
import org.zerocarbon.lang.ide.edit.Replacement;
import org.zerocarbon.lang.ui.internal.ModelSession;

/**
 * Makes the undo step of a change that also updated other files (a rename and the references to it elsewhere)
 * undo and redo those files too. The step itself is the document undo manager's, of the changed file only; this
 * listens for it in the operation history and sets the other files back (and forth), saving them as the change
 * did. A file that was edited since is left alone, with a warning in the log: its own undo takes it back.
 */
final class OtherFilesFollowUndo implements IOperationHistoryListener {

	/** The texts of a file before and after the change. */
	private record Texts(String before, String after) {
	}

	private final IUndoableOperation step;
	private final Map<IFile, Texts> files = new LinkedHashMap<>();

	private OtherFilesFollowUndo(IUndoableOperation step) {
		this.step = step;
	}

	/** Lets the other files of the change follow undo and redo of {@code step}. UI thread. */
	static void follow(IUndoableOperation step, ModelChanges.Result change) {
		OtherFilesFollowUndo follower = new OtherFilesFollowUndo(step);
		for (Map.Entry<URI, String> other : change.otherTexts().entrySet()) {
			IFile file = ModelSession.fileOf(other.getKey());
			if (file != null) {
				follower.files.put(file, new Texts(other.getValue(),
						Replacement.apply(other.getValue(), change.otherFiles().get(other.getKey()))));
			}
		}
		if (!follower.files.isEmpty()) {
			OperationHistoryFactory.getOperationHistory().addOperationHistoryListener(follower);
		}
	}

	@Override
	public void historyNotification(OperationHistoryEvent event) {
		if (event.getOperation() != step) {
			return;
		}
		switch (event.getEventType()) {
			case OperationHistoryEvent.UNDONE -> files.forEach((file, texts) -> set(file, texts.after(), texts.before()));
			case OperationHistoryEvent.REDONE -> files.forEach((file, texts) -> set(file, texts.before(), texts.after()));
			case OperationHistoryEvent.OPERATION_REMOVED -> OperationHistoryFactory.getOperationHistory()
					.removeOperationHistoryListener(this);
			default -> {
				// Only undo, redo and the end of the step matter.
			}
		}
	}

	/** Changes the file from one text to the other if it still has the first, and saves it if it was saved. */
	private static void set(IFile file, String from, String to) {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		try {
			buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
			try {
				ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
				IDocument document = buffer.getDocument();
				if (!document.get().equals(from)) {
					ILog.of(OtherFilesFollowUndo.class).warn(file.getFullPath() + " was edited after a model change "
							+ "that updated it; undo or redo of that change leaves it as it is.");
					return;
				}
				boolean saved = !buffer.isDirty();
				int prefix = 0;
				int max = Math.min(from.length(), to.length());
				while (prefix < max && from.charAt(prefix) == to.charAt(prefix)) {
					prefix++;
				}
				int suffix = 0;
				while (suffix < max - prefix && from.charAt(from.length() - 1 - suffix) == to.charAt(to.length() - 1 - suffix)) {
					suffix++;
				}
				document.replace(prefix, from.length() - prefix - suffix, to.substring(prefix, to.length() - suffix));
				if (saved) {
					buffer.commit(null, true);
				}
			} finally {
				buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
			}
		} catch (CoreException | BadLocationException e) {
			ILog.of(OtherFilesFollowUndo.class).error("Cannot take back the model change in " + file.getFullPath(), e);
		}
	}
}
