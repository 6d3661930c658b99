package org.zerocarbon.diagram.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ListenerList;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.ui.internal.DiagramCanvas;
import org.zerocarbon.diagram.ui.internal.DiagramContent;
import org.zerocarbon.diagram.ui.internal.DiagramModel;
import org.zerocarbon.diagram.ui.internal.ElementInfo;

/**
 * The diagram editor's selection, both ways: the selected figures' elements go to the workbench selection (for the
 * Properties view), and the caret of a text editor of the same file selects the innermost figure around it.
 */
final class EditorSelection implements ISelectionProvider {

	private final DiagramEditor editor;
	private final ListenerList<ISelectionChangedListener> listeners = new ListenerList<>();
	private boolean syncingFromText;

	EditorSelection(DiagramEditor editor) {
		this.editor = editor;
	}

	@Override
	public void addSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeSelectionChangedListener(ISelectionChangedListener listener) {
		listeners.remove(listener);
	}

	@Override
	public ISelection getSelection() {
		DiagramContent content = editor.content;
		DiagramCanvas canvas = editor.canvas;
		if (content == null || canvas == null || canvas.isDisposed()) {
			return StructuredSelection.EMPTY;
		}
		List<Object> elements = new ArrayList<>();
		for (String id : canvas.selection()) {
			Object element = DiagramModel.selectionElement(content.info(id));
			if (element != null) {
				elements.add(element);
			}
		}
		return new StructuredSelection(elements);
	}

	@Override
	public void setSelection(ISelection selection) {
		// Selections come from the canvas; other parts do not set the diagram's.
	}

	/** Tells the listeners that the canvas's selection changed. */
	void fire() {
		if (syncingFromText) {
			return; // the text's caret moved the diagram selection: do not move the caret in turn
		}
		SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
		for (ISelectionChangedListener l : listeners) {
			l.selectionChanged(event);
		}
	}

	/** The caret moved in a text editor of the same file: select the innermost figure around it. */
	void textSelectionChanged(IWorkbenchPart part, ISelection selection) {
		DiagramContent content = editor.content;
		if (part == editor || !(part instanceof ITextEditor text) || !(selection instanceof ITextSelection caret)
				|| content == null || content.scene() == null
				|| !editor.file().equals(text.getEditorInput().getAdapter(IFile.class))) {
			return;
		}
		ElementInfo best = null;
		for (Node n : content.scene().nodes()) {
			ElementInfo info = content.info(n.id());
			if (info != null && info.contains(caret.getOffset()) && (best == null || info.length() < best.length())) {
				best = info;
			}
		}
		DiagramCanvas canvas = editor.canvas;
		List<String> ids = best == null ? List.of() : List.of(best.figureId());
		if (!ids.equals(canvas.selection())) {
			syncingFromText = true;
			try {
				canvas.select(ids);
				ids.forEach(canvas::reveal);
			} finally {
				syncingFromText = false;
			}
		}
	}
}
