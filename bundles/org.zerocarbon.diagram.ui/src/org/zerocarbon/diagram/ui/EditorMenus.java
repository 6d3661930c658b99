package org.zerocarbon.diagram.ui;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.operations.RedoActionHandler;
import org.eclipse.ui.operations.UndoActionHandler;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.ui.internal.DiagramCanvas;
import org.zerocarbon.diagram.ui.internal.DiagramContent;

/**
 * The diagram editor's menus and actions: the canvas's context menu (open for contributions under
 * {@link DiagramEditor#CONTEXT_MENU_ID}) and the workbench's global Undo, Redo, Delete, Rename and Select All.
 */
final class EditorMenus {

	private final DiagramEditor editor;

	EditorMenus(DiagramEditor editor) {
		this.editor = editor;
	}

	/** Creates the canvas's context menu and registers it for contributions. */
	void createContextMenu() {
		DiagramCanvas canvas = editor.canvas;
		MenuManager menu = new MenuManager("#DiagramContext", DiagramEditor.CONTEXT_MENU_ID);
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillContextMenu);
		canvas.setMenu(menu.createContextMenu(canvas));
		// without the editor input: its IFile would bring Team, Compare With and Replace With onto the canvas
		editor.getEditorSite().registerContextMenu(DiagramEditor.CONTEXT_MENU_ID, menu, editor.selectionProvider, false);
	}

	private void fillContextMenu(IMenuManager menu) {
		DiagramCanvas canvas = editor.canvas;
		DiagramContent content = editor.content;
		boolean drawn = content != null && content.scene() != null;
		List<String> selected = canvas.selection();
		menu.add(action("Show in Text", selected.size() == 1, () -> editor.showInText(selected.get(0))));
		menu.add(action("Rename\tF2", selected.size() == 1, () -> canvas.beginRename(selected.get(0))));
		menu.add(action("Delete\tDelete", !selected.isEmpty(), editor::deleteSelection));
		menu.add(new Separator());
		menu.add(action("Re-layout", drawn, editor::relayout));
		menu.add(editor.backgroundProcesses.update(content));
		menu.add(action("Zoom In\t+", true, canvas::zoomIn));
		menu.add(action("Zoom Out\t-", true, canvas::zoomOut));
		menu.add(action("Fit to Window\t0", true, canvas::fit));
		menu.add(new Separator());
		menu.add(action("Export as PNG...", drawn, () -> editor.export(false)));
		menu.add(action("Export as SVG...", drawn, () -> editor.export(true)));
		menu.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
	}

	private static IAction action(String label, boolean enabled, Runnable run) {
		Action action = new Action(label) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setEnabled(enabled);
		return action;
	}

	/** Sets the handlers of the workbench's global actions while the editor is active. */
	void createGlobalActions() {
		DiagramCanvas canvas = editor.canvas;
		IActionBars bars = editor.getEditorSite().getActionBars();
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), new UndoActionHandler(editor.getSite(), editor.undoContext));
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), new RedoActionHandler(editor.getSite(), editor.undoContext));
		bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), action("Delete", true, editor::deleteSelection));
		bars.setGlobalActionHandler(ActionFactory.RENAME.getId(), action("Rename", true, () -> {
			if (canvas.selection().size() == 1) {
				canvas.beginRename(canvas.selection().get(0));
			}
		}));
		bars.setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), action("Select All", true, () -> {
			DiagramContent content = editor.content;
			if (content != null && content.scene() != null) {
				canvas.select(content.scene().nodes().stream().map(Node::id).toList());
			}
		}));
		bars.updateActionBars();
	}
}
