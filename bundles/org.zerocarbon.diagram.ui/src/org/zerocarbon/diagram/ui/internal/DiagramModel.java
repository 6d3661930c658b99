package org.zerocarbon.diagram.ui.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.lang.ui.edit.ModelEditResult;
import org.zerocarbon.lang.ui.edit.ModelEdits;
import org.zerocarbon.lang.ui.edit.ModelElementRef;
import org.zerocarbon.lang.ui.internal.ModelSession;
import org.zerocarbon.workspace.ZcBuildResults;

/**
 * The diagram editor's access to the language: the file's shared document followed by a {@link ModelSession}
 * (parsing happens on the language thread, never on the UI thread), drawings made there, and model edits written
 * back through the language's change serializer.
 */
public final class DiagramModel {

	private final ModelSession session;
	private final IFile file;
	private ContentBuilder builder; // language thread only
	private volatile boolean backgroundProcesses;

	/** Starts following the file's document. UI thread. */
	public DiagramModel(IDocument document, IFile file) {
		this.file = file;
		this.session = new ModelSession(document, file, ModelSession.uriOf(file));
	}

	/**
	 * Draws the current text on the language thread.
	 *
	 * @param wanted the key of the diagram to draw, or {@code null} for the file's first
	 * @param pins   every diagram's pins by diagram key (a copy the language thread may read)
	 */
	public CompletableFuture<DiagramContent> draw(String wanted, Map<String, Map<String, Position>> pins) {
		Map<String, FootprintResult> footprints = footprints();
		boolean expanded = backgroundProcesses;
		return session.read("drawing the diagram", snapshot -> builder(snapshot).backgroundProcesses(expanded)
				.build(snapshot.resource(), wanted, pins, footprints, snapshot.version()));
	}

	/**
	 * Whether line diagrams draw each background process with its inputs (the editor's Show Background Processes)
	 * or one collapsed node; the next {@link #draw} uses it. Kept per editor, not stored.
	 */
	public void showBackgroundProcesses(boolean expanded) {
		backgroundProcesses = expanded;
	}

	/** Whether line diagrams draw each background process. */
	public boolean showsBackgroundProcesses() {
		return backgroundProcesses;
	}

	/** The editor's content builder, created on the language thread, where it stays. */
	private ContentBuilder builder(ModelSession.Snapshot snapshot) {
		if (builder == null) {
			builder = new ContentBuilder(snapshot.injector(), file);
		}
		return builder;
	}

	/** The footprints the last build computed for the file's lines and parks, by qualified name. */
	private Map<String, FootprintResult> footprints() {
		ZcBuildResults.ProjectResult results = ZcBuildResults.of(file.getProject());
		if (results == null) {
			return Map.of();
		}
		Map<String, FootprintResult> found = new HashMap<>();
		for (ZcBuildResults.Footprint f : results.footprintsIn(file)) {
			if (f.result() != null) {
				found.put(f.subject(), f.result());
			}
		}
		return found;
	}

	/** The number of document changes so far: a drawing of an older version is outdated. */
	public long version() {
		return session.documentVersion();
	}

	/**
	 * Runs a model edit through the language's change serializer, as one undoable change of the shared document
	 * ({@link ModelEdits}). Completes on the UI thread.
	 */
	public CompletableFuture<ModelEditResult> modify(SemanticEdits.Edit edit) {
		return ModelEdits.modify(file, edit.label(), edit.change());
	}

	/**
	 * The undo context of the file's document, shared with its text editors. Call it while the file buffer is
	 * connected (the diagram editor holds it from {@code init} to {@code dispose}).
	 */
	public static IUndoContext undoContext(IFile file) {
		IUndoContext context = ModelEdits.undoContext(file);
		if (context == null) {
			throw new IllegalStateException("The document of " + file.getFullPath() + " is not held by an editor");
		}
		return context;
	}

	/**
	 * What the workbench selection holds for a figure's element (what the Properties view and the outline
	 * understand), or {@code null} for a synthetic figure.
	 */
	public static ModelElementRef selectionElement(ElementInfo info) {
		return info == null ? null : info.ref();
	}

	/** A failure's message for the user: the refusal or the cause, without wrapper exceptions. */
	public static String message(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/** Stops following the document. UI thread. */
	public void dispose() {
		session.dispose();
	}
}
