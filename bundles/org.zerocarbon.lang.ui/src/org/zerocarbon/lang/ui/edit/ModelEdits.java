package org.zerocarbon.lang.ui.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.IUndoableOperation;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.IFileBuffer;
import org.eclipse.core.filebuffers.IFileBufferListener;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.swt.widgets.Display;
import org.eclipse.text.undo.DocumentUndoManagerRegistry;
import org.eclipse.text.undo.IDocumentUndoManager;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.zerocarbon.lang.ide.edit.ModelChanges;
import org.zerocarbon.lang.ide.edit.ModelEditException;
import org.zerocarbon.lang.ide.edit.Replacement;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.internal.EditApplier;
import org.zerocarbon.lang.ui.internal.LanguageAccess;
import org.zerocarbon.lang.ui.internal.ModelSession;
import org.zerocarbon.lang.ui.internal.TextChanges;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Applies model changes to {@code .zc} files through their shared text document. The text stays the source of
 * truth: a diagram edit or a property edit is a change of the model, written back as the few text edits it needs
 * (see {@link ModelChanges}: Xtext's change serializer, the formatter for new elements), and applied to the
 * document every editor of the file shares, as one undo step.
 * <p>
 * How to use it from an editor of a file (a diagram, a form):
 * <ol>
 * <li>Hold the file's document as the text editor does: connect the file buffer
 * ({@code FileBuffers.getTextFileBufferManager().connect(path, LocationKind.IFILE, monitor)}), and disconnect it when
 * the editor closes. Text typed in a text editor of the file and changes made here show in that document.</li>
 * <li>Undo and redo with {@link #undoContext(IFile)}, e.g. workbench {@code UndoActionHandler}s on that context:
 * Ctrl+Z in the text editor and in your editor then undo the same steps, in the same order.</li>
 * <li>Change the model with {@link #modify}: the change receives a fresh model of the current text, finds its
 * elements by URI fragment or name ({@code org.zerocarbon.lang.ide.edit.ModelElements}) and changes them.</li>
 * </ol>
 * Changes run one after the other, in the order they were asked for.
 */
public final class ModelEdits {

	/** How often a change is computed again when the text changed while it was computed. */
	private static final int ATTEMPTS = 3;

	private static final Object QUEUE = new Object();
	private static CompletableFuture<?> last = CompletableFuture.completedFuture(null);

	private ModelEdits() {
	}

	/**
	 * Runs {@code change} on the language thread against a fresh, fully resolved parse of the file's current
	 * document text (the document of an open ZeroCarbon text editor if there is one, otherwise the file buffer,
	 * connected for the call), turns the recorded changes into minimal text edits with Xtext's IChangeSerializer
	 * (and the formatter for new elements), and applies them to the document on the UI thread as ONE undoable
	 * change (a compound change in the document's undo manager, labelled {@code label}), so that Ctrl+Z in the text
	 * editor or in another editor that uses {@link #undoContext(IFile)} undoes it.
	 * <p>
	 * Saving: when an editor (or another client) holds the file's document, the change is left unsaved in it, like
	 * typing; when nothing holds it, the file is saved, since the change would be lost otherwise. A rename also
	 * updates references in the other model files of the project and the projects it references, which are saved
	 * (and must have no unsaved changes); undoing the change undoes them too, unless they were edited since.
	 * <p>
	 * Removing an element that other elements still refer to is refused; remove those references in the same
	 * change (for a machine: its flows), or first.
	 * <p>
	 * May be called from any thread. The future completes on the UI thread after the document has changed; do not
	 * wait for it on the UI thread.
	 *
	 * @param label the undo label, e.g. "Add Machine VMC3" (shown as "Undo Add Machine VMC3")
	 * @return completes with the result, or exceptionally with a {@link ModelEditException} whose message is fit
	 *         for a dialog when the document has syntax errors, the change does not find its element (the change
	 *         throws it), removes an element that is still referred to, or would produce invalid text; the document
	 *         is then untouched
	 */
	public static CompletableFuture<ModelEditResult> modify(IFile file, String label, Consumer<ZcModel> change) {
		CompletableFuture<ModelEditResult> result = new CompletableFuture<>();
		CompletableFuture<?> previous;
		synchronized (QUEUE) {
			previous = last;
			last = result.handle((value, failure) -> null);
		}
		previous.whenComplete((value, failure) -> onUiThread(result, () -> {
			// Whether an editor holds the document decides saving; asked once, before this change connects to it.
			boolean held = buffers().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE) != null;
			new Edit(file, label, change, held, result).run(ATTEMPTS);
		}));
		return result;
	}

	/**
	 * Runs a query on the language thread against the model of the file's current document text: the model the
	 * file's open ZeroCarbon text editor keeps up to date if there is one, else a parse made for the call (with the
	 * other model files of the project, so references resolve). The query must not change the model and should
	 * return plain data (names, URI fragments, {@link ModelElementRef}s), not EMF objects: they belong to the
	 * language thread.
	 * <p>
	 * May be called from any thread; the future completes on the UI thread.
	 *
	 * @param what a short description for the error log, e.g. "properties of VMC1"
	 * @return completes with the query's result, or exceptionally with a {@link ModelEditException} the query threw
	 *         (e.g. the element is not there any more)
	 */
	public static <T> CompletableFuture<T> read(IFile file, String what, Function<ZcModel, T> query) {
		CompletableFuture<T> result = new CompletableFuture<>();
		onUiThread(result, () -> {
			ModelSession editorSession = editorSessionOf(file);
			IPath path = file.getFullPath();
			ModelSession session = editorSession;
			if (session == null) {
				try {
					buffers().connect(path, LocationKind.IFILE, null);
				} catch (CoreException e) {
					result.completeExceptionally(new ModelEditException("Cannot read " + path + ": " + e.getMessage(), e));
					return;
				}
				session = new ModelSession(buffers().getTextFileBuffer(path, LocationKind.IFILE).getDocument(), file,
						ModelSession.uriOf(file));
			}
			ModelSession used = session;
			session.read(what, snapshot -> {
				try {
					EObject root = snapshot.resource().getContents().isEmpty() ? null : snapshot.resource().getContents().get(0);
					if (!(root instanceof ZcModel model)) {
						throw new ModelEditException(file.getName() + " is empty.");
					}
					return new Answer<T>(query.apply(model), null);
				} catch (ModelEditException refusal) {
					// Expected (the element is gone), so not thrown: LanguageAccess would log it as an error.
					return new Answer<T>(null, refusal);
				}
			}).whenComplete((answer, failure) -> onUiThread(result, () -> {
				if (editorSession == null) {
					used.dispose();
					Edit.disconnect(path);
				}
				if (failure != null) {
					result.completeExceptionally(failure);
				} else if (answer.refusal() != null) {
					result.completeExceptionally(answer.refusal());
				} else {
					result.complete(answer.value());
				}
			}));
		});
		return result;
	}

	/** A query's answer on the language thread, or its refusal. */
	private record Answer<T>(T value, ModelEditException refusal) {
	}

	/** The session of an open ZeroCarbon text editor of the file, or {@code null}. UI thread. */
	private static ModelSession editorSessionOf(IFile file) {
		if (!PlatformUI.isWorkbenchRunning()) {
			return null;
		}
		for (IWorkbenchWindow window : PlatformUI.getWorkbench().getWorkbenchWindows()) {
			for (IWorkbenchPage page : window.getPages()) {
				for (IEditorReference reference : page.getEditorReferences()) {
					if (reference.getEditor(false) instanceof ZcEditor editor && editor.session() != null
							&& file.equals(editor.session().file())) {
						return editor.session();
					}
				}
			}
		}
		return null;
	}

	/**
	 * The undo context shared by the text editor and other editors of this file's document: the context of the
	 * document's undo manager. A text editor creates that manager; when only another editor holds the document
	 * (it connected the file buffer), the manager is created here and lives as long as the file buffer.
	 *
	 * @return the context, or {@code null} when nothing holds the file's document (nothing to undo then); call it
	 *         after connecting the file buffer
	 */
	public static IUndoContext undoContext(IFile file) {
		ITextFileBuffer buffer = buffers().getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
		if (buffer == null) {
			return null;
		}
		return UndoKeeper.managerOf(buffer).getUndoContext();
	}

	private static ITextFileBufferManager buffers() {
		return FileBuffers.getTextFileBufferManager();
	}

	private static void onUiThread(CompletableFuture<?> result, Runnable runnable) {
		Display display = Display.getDefault();
		if (display.isDisposed()) {
			result.completeExceptionally(new ModelEditException("The workbench is closing; the change was not made."));
			return;
		}
		display.asyncExec(() -> {
			try {
				runnable.run();
			} catch (RuntimeException e) {
				ILog.of(ModelEdits.class).error("A ZeroCarbon model change failed", e);
				result.completeExceptionally(new ModelEditException("The change failed: " + e.getMessage()
						+ " (details in the Error Log).", e));
			}
		});
	}

	/** A change computed on the language thread: the edits, or the reason there are none. */
	private record Computed(long version, ModelChanges.Result result, ModelEditException refusal) {
	}

	/**
	 * One call of {@link ModelEdits#modify}, possibly computed several times. UI thread.
	 *
	 * @param held whether something else held the file's document when the call started (then it is not saved)
	 */
	private record Edit(IFile file, String label, Consumer<ZcModel> change, boolean held,
			CompletableFuture<ModelEditResult> result) {

		void run(int attempts) {
			if (!file.exists()) {
				result.completeExceptionally(new ModelEditException(file.getFullPath() + " does not exist any more."));
				return;
			}
			IPath path = file.getFullPath();
			try {
				buffers().connect(path, LocationKind.IFILE, null);
			} catch (CoreException e) {
				result.completeExceptionally(new ModelEditException("Cannot read " + path + ": " + e.getMessage(), e));
				return;
			}
			ITextFileBuffer buffer = buffers().getTextFileBuffer(path, LocationKind.IFILE);
			URI uri = ModelSession.uriOf(file);
			ModelSession session = new ModelSession(buffer.getDocument(), file, uri);
			session.read("model change '" + label + "'", snapshot -> {
				try {
					return new Computed(snapshot.version(), ModelChanges.compute(snapshot.resource().getResourceSet(),
							uri, snapshot.text(), change, snapshot.outdated()), null);
				} catch (ModelEditException refusal) {
					// Expected (a refusal for the user), so not thrown: LanguageAccess would log it as an error.
					return new Computed(snapshot.version(), null, refusal);
				}
			}).whenComplete((computed, failure) -> onUiThread(result, () -> {
				try {
					finish(session, buffer, computed, failure, attempts);
				} finally {
					session.dispose();
					disconnect(path);
				}
			}));
		}

		private void finish(ModelSession session, ITextFileBuffer buffer, Computed computed, Throwable failure,
				int attempts) {
			boolean outdated = failure != null ? isCancellation(failure) : session.documentVersion() != computed.version();
			if (outdated && attempts > 1) {
				// Someone typed while the change was computed: compute it again on the new text.
				run(attempts - 1);
				return;
			}
			if (failure != null) {
				result.completeExceptionally(new ModelEditException(outdated
						? "The text kept changing while '" + label + "' was computed; try again."
						: "'" + label + "' failed: " + LanguageAccess.unwrapMessage(failure) + " (details in the Error Log).",
						failure));
				return;
			}
			if (computed.refusal() != null) {
				result.completeExceptionally(computed.refusal());
				return;
			}
			IDocument document = buffer.getDocument();
			ModelChanges.Result edits = computed.result();
			if (!edits.changed()) {
				result.complete(new ModelEditResult(file, false, document.get(), stamp(document), false, List.of()));
				return;
			}
			IDocumentUndoManager undo = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
			IUndoableOperation before = undo == null ? null : history().getUndoOperation(undo.getUndoContext());
			String problem = EditApplier.apply(textChanges(computed), session, undo == null ? null : compound(undo, document));
			if (problem != null) {
				result.completeExceptionally(new ModelEditException(problem));
				return;
			}
			if (undo != null) {
				IUndoableOperation step = label(undo, before);
				if (step != null && !edits.otherFiles().isEmpty()) {
					OtherFilesFollowUndo.follow(step, edits);
				}
			}
			if (!held) {
				try {
					buffer.commit(null, true);
				} catch (CoreException e) {
					// Nothing else holds the document, so the change goes with it when the call lets it go.
					result.completeExceptionally(new ModelEditException("Cannot save " + file.getFullPath() + ": "
							+ e.getMessage() + ". The change was not kept.", e));
					return;
				}
			}
			List<IFile> others = new ArrayList<>();
			for (URI other : edits.otherFiles().keySet()) {
				others.add(ModelSession.fileOf(other));
			}
			result.complete(new ModelEditResult(file, true, document.get(), stamp(document), !held, List.copyOf(others)));
		}

		/** Names the undo step that the change just added, e.g. "Undo Add Machine VMC3"; returns it, or null. */
		private IUndoableOperation label(IDocumentUndoManager undo, IUndoableOperation before) {
			IUndoableOperation added = history().getUndoOperation(undo.getUndoContext());
			if (added == before) {
				return null;
			}
			if (added instanceof AbstractOperation operation) {
				operation.setLabel(label);
			}
			return added;
		}

		private TextChanges textChanges(Computed computed) {
			Map<URI, List<TextChanges.Replacement>> edits = new LinkedHashMap<>();
			edits.put(computed.result().file(), converted(computed.result().replacements()));
			computed.result().otherFiles().forEach((uri, replacements) -> edits.put(uri, converted(replacements)));
			return new TextChanges(computed.version(), computed.result().file(), edits);
		}

		private static List<TextChanges.Replacement> converted(List<Replacement> replacements) {
			return replacements.stream().map(r -> new TextChanges.Replacement(r.offset(), r.length(), r.text())).toList();
		}

		static void disconnect(IPath path) {
			try {
				buffers().disconnect(path, LocationKind.IFILE, null);
			} catch (CoreException e) {
				ILog.of(ModelEdits.class).warn("Cannot release the document of " + path + ": " + e.getMessage());
			}
		}
	}

	private static boolean isCancellation(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && !(cause instanceof CancellationException)) {
			cause = cause.getCause();
		}
		return cause instanceof CancellationException;
	}

	private static IOperationHistory history() {
		return OperationHistoryFactory.getOperationHistory();
	}

	private static long stamp(IDocument document) {
		return document instanceof IDocumentExtension4 extension ? extension.getModificationStamp()
				: IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
	}

	/** The document's undo manager as the rewrite target that groups the edits into one undo step. */
	private static IRewriteTarget compound(IDocumentUndoManager undo, IDocument document) {
		return new IRewriteTarget() {
			@Override
			public IDocument getDocument() {
				return document;
			}

			@Override
			public void setRedraw(boolean redraw) {
				// Viewers redraw on their own; there is no viewer here.
			}

			@Override
			public void beginCompoundChange() {
				undo.beginCompoundChange();
			}

			@Override
			public void endCompoundChange() {
				undo.endCompoundChange();
			}
		};
	}

	/**
	 * Gives a document held without a text editor an undo manager, for as long as its file buffer lives, so that
	 * model changes and the editors of the file share one undo history. A text editor opened later shares it
	 * (the registry has one manager per document).
	 */
	private static final class UndoKeeper implements IFileBufferListener {

		private static final UndoKeeper INSTANCE = new UndoKeeper();
		private final Map<IDocument, IDocumentUndoManager> kept = new java.util.IdentityHashMap<>();
		private boolean listening;

		static synchronized IDocumentUndoManager managerOf(ITextFileBuffer buffer) {
			IDocument document = buffer.getDocument();
			IDocumentUndoManager manager = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
			if (manager != null && !INSTANCE.kept.containsKey(document)) {
				// A text editor's manager: keep it too, so that the history outlives the text editor.
				DocumentUndoManagerRegistry.connect(document);
				manager.connect(INSTANCE);
				INSTANCE.keep(document, manager);
			} else if (manager == null) {
				DocumentUndoManagerRegistry.connect(document);
				manager = DocumentUndoManagerRegistry.getDocumentUndoManager(document);
				manager.connect(INSTANCE);
				INSTANCE.keep(document, manager);
			}
			return manager;
		}

		private void keep(IDocument document, IDocumentUndoManager manager) {
			kept.put(document, manager);
			if (!listening) {
				buffers().addFileBufferListener(this);
				listening = true;
			}
		}

		@Override
		public void bufferDisposed(IFileBuffer buffer) {
			if (!(buffer instanceof ITextFileBuffer text)) {
				return;
			}
			synchronized (UndoKeeper.class) {
				IDocumentUndoManager manager = kept.remove(text.getDocument());
				if (manager != null) {
					manager.disconnect(this);
					DocumentUndoManagerRegistry.disconnect(text.getDocument());
				}
			}
		}

		// The other buffer events do not matter here.
		@Override
		public void bufferCreated(IFileBuffer buffer) {
		}

		@Override
		public void bufferContentAboutToBeReplaced(IFileBuffer buffer) {
		}

		@Override
		public void bufferContentReplaced(IFileBuffer buffer) {
		}

		@Override
		public void stateChanging(IFileBuffer buffer) {
		}

		@Override
		public void dirtyStateChanged(IFileBuffer buffer, boolean isDirty) {
		}

		@Override
		public void stateValidationChanged(IFileBuffer buffer, boolean isStateValidated) {
		}

		@Override
		public void underlyingFileMoved(IFileBuffer buffer, IPath path) {
		}

		@Override
		public void underlyingFileDeleted(IFileBuffer buffer) {
		}

		@Override
		public void stateChangeFailed(IFileBuffer buffer) {
		}
	}
}
