package org.zerocarbon.diagram.ui;

import org.eclipse.jface.action.IStatusLineManager;
import org.eclipse.swt.SWT;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;
import org.zerocarbon.diagram.ui.internal.DiagramCanvas;

/**
 * The diagram editor's messages on the status line, its zoom among them.
 * <p>
 * Editors of one type share their action bars, so all diagram editors write to one status line: the zoom shown
 * there must be the active editor's. Each editor shows its zoom when it is activated (and when its first drawing
 * or a resize changes the zoom while its zoom is shown), and clears its message when another part is activated,
 * so neither another diagram editor nor a view or a text editor is left with this editor's figure.
 * <p>
 * Below {@link GcPainter#TEXT_HIDDEN_BELOW} the canvas draws text as grey bars (greeking): the zoom message then
 * says so, and how to read the labels again.
 */
final class EditorStatus {

	private final DiagramEditor editor;
	/** The last message this editor put on the status line, {@code null} once cleared. */
	private String shown;
	/** Whether the zoom was last chosen by Fit (the message says "(fit)" until the user zooms). */
	private boolean fit;

	private final IPartListener2 activation = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == editor) {
				showZoom();
			}
		}

		@Override
		public void partDeactivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) == editor) {
				clear();
			}
		}
	};

	EditorStatus(DiagramEditor editor) {
		this.editor = editor;
	}

	/** Starts following the part activations and the canvas's resizes (once the canvas exists). */
	void start() {
		editor.getSite().getPage().addPartListener(activation);
		// after the canvas's own resize listener, which may have zoomed again by the opening rule
		editor.canvas.addListener(SWT.Resize, e -> zoomMayHaveChanged());
	}

	/** Stops following the part activations; clears this editor's message if it is the active one. */
	void stop() {
		editor.getSite().getPage().removePartListener(activation);
		if (isActive()) {
			clear();
		}
	}

	/** Shows a message. */
	void message(String message) {
		shown = message;
		manager().setMessage(message);
	}

	/** Shows an error message. */
	void error(String message) {
		manager().setErrorMessage(message);
	}

	/** The user zoomed ({@code fit}: by Fit): shows the new zoom. */
	void zoomed(boolean byFit) {
		fit = byFit;
		showZoom();
	}

	/**
	 * The zoom may have changed without the user (the first drawing, a resize): shows it if this editor is active
	 * and shows its zoom, or nothing yet.
	 */
	void zoomMayHaveChanged() {
		if (isActive() && (shown == null || shown.startsWith("Zoom "))) {
			showZoom();
		}
	}

	private void showZoom() {
		DiagramCanvas canvas = editor.canvas;
		if (canvas != null && !canvas.isDisposed()) {
			message(zoomMessage(canvas.zoom(), fit));
		}
	}

	private void clear() {
		shown = null;
		manager().setErrorMessage(null);
		manager().setMessage(null);
	}

	private boolean isActive() {
		return editor.getSite().getPage().getActivePart() == editor;
	}

	private IStatusLineManager manager() {
		return editor.getEditorSite().getActionBars().getStatusLineManager();
	}

	/** The zoom as the status line says it: "Zoom 75 %", and below the greeking zoom that labels are hidden. */
	static String zoomMessage(double zoom, boolean fit) {
		String text = "Zoom " + Math.round(zoom * 100) + " %" + (fit ? " (fit)" : "");
		if (zoom < GcPainter.TEXT_HIDDEN_BELOW) {
			text += " \u2014 text is hidden below " + Math.round(GcPainter.TEXT_HIDDEN_BELOW * 100)
					+ " %; zoom in (+) to read the labels";
		}
		return text;
	}
}
