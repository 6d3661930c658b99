package org.zerocarbon.diagram.ui.internal;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.zerocarbon.diagram.Scene;

/**
 * The diagram editor's <b>Show Background Processes</b> toggle (context menu, and the command of the same name): a
 * line diagram draws each user-defined process its machines and utilities use, with the inputs between processes
 * and their loops, or (off, the default) one collapsed "Background processes" node. The state belongs to the
 * editor's {@link DiagramModel}; it is not stored.
 */
public final class BackgroundProcessesAction extends Action {

	/** The command that toggles it in the active diagram editor. */
	public static final String COMMAND_ID = "org.zerocarbon.diagram.ui.backgroundProcesses";
	/** The help text (tooltip and description). */
	public static final String HELP = "Draws each user-defined process the line's machines and utilities use, with its "
			+ "output, its inputs from other processes and their loops; when off, one 'Background processes' node "
			+ "names the largest. Double-click a process to open its definition.";
	/** Why the diagram does not delete background processes or their edges. */
	public static final String NOT_DELETED = "Background processes are defined in their factor library and used by "
			+ "reference: change or delete them in the text (double-click opens the definition).";

	private final DiagramModel model;
	private final Runnable redraw;

	/**
	 * @param model  the editor's model, which keeps the state
	 * @param redraw redraws the editor's diagram
	 */
	public BackgroundProcessesAction(DiagramModel model, Runnable redraw) {
		super("Show Background Processes", IAction.AS_CHECK_BOX);
		this.model = model;
		this.redraw = redraw;
		setId(COMMAND_ID);
		setToolTipText(HELP);
		setDescription(HELP);
	}

	/**
	 * Shows the state and enables the toggle for line diagrams only.
	 *
	 * @param content the editor's drawing, or {@code null}
	 * @return this action, for the menu
	 */
	public IAction update(DiagramContent content) {
		setEnabled(content != null && content.subject() != null && content.subject().type() == Scene.Type.LINE);
		setChecked(model.showsBackgroundProcesses());
		return this;
	}

	/** Turns the expanded drawing on or off (what the command does), and redraws. */
	public void toggle() {
		setChecked(!model.showsBackgroundProcesses());
		run();
	}

	@Override
	public void run() {
		// A check-box action is checked (or not) before it runs.
		model.showBackgroundProcesses(isChecked());
		redraw.run();
	}
}
