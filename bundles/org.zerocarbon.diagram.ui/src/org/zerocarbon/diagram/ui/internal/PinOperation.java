package org.zerocarbon.diagram.ui.internal;

import java.io.IOException;
import java.util.Map;

import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.commands.operations.AbstractOperation;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.zerocarbon.diagram.Position;

/**
 * An undoable change of one diagram's pinned positions (a move, or a re-layout that clears them). It only
 * touches the layout sidecar, never the model text, but it lives in the same undo context as the text edits of
 * the file, so Undo in the diagram and in the text editor walks one history.
 */
public final class PinOperation extends AbstractOperation {

	private final LayoutSidecar sidecar;
	private final String diagram;
	private final Map<String, Position> before;
	private final Map<String, Position> after;
	private final Runnable changed;

	/**
	 * @param label   the undo label, e.g. "Move TC1"
	 * @param context the file's undo context
	 * @param changed run after every (un)do, on the thread of the operation history (the UI thread)
	 */
	public PinOperation(String label, IUndoContext context, LayoutSidecar sidecar, String diagram, Map<String, Position> before,
			Map<String, Position> after, Runnable changed) {
		super(label);
		addContext(context);
		this.sidecar = sidecar;
		this.diagram = diagram;
		this.before = Map.copyOf(before);
		this.after = Map.copyOf(after);
		this.changed = changed;
	}

	@Override
	public IStatus execute(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return apply(after);
	}

	@Override
	public IStatus redo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return apply(after);
	}

	@Override
	public IStatus undo(IProgressMonitor monitor, IAdaptable info) throws ExecutionException {
		return apply(before);
	}

	private IStatus apply(Map<String, Position> pins) throws ExecutionException {
		sidecar.setPins(diagram, pins);
		changed.run();
		try {
			sidecar.write();
		} catch (IOException e) {
			// The positions stay in effect for this session; say why they will not survive it.
			throw new ExecutionException("Cannot store the diagram layout in " + sidecar.file().getFullPath() + ": "
					+ e.getMessage(), e);
		}
		return Status.OK_STATUS;
	}
}
