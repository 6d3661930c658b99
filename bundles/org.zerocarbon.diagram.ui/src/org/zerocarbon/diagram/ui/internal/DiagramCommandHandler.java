package org.zerocarbon.diagram.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;
import org.eclipse.ui.part.FileEditorInput;
import org.zerocarbon.diagram.ui.DiagramEditor;

/**
 * The handler of the diagram commands in {@code plugin.xml}; which command it runs is given after the class name
 * ({@code DiagramCommandHandler:relayout}). "open" opens the diagram of the selected model file, or of the file in
 * the active text editor; the others act on the active diagram editor (see their {@code activeWhen}).
 */
public final class DiagramCommandHandler extends AbstractHandler implements IExecutableExtension {

	private String command = "";

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		command = data instanceof String name ? name : "";
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		if ("open".equals(command)) {
			open(event);
			return null;
		}
		IEditorPart part = HandlerUtil.getActiveEditorChecked(event);
		if (!(part instanceof DiagramEditor editor)) {
			return null;
		}
		switch (command) {
			case "relayout" -> editor.relayout();
			case "exportPng" -> editor.export(false);
			case "exportSvg" -> editor.export(true);
			case "fit" -> editor.canvas().fit();
			case "backgroundProcesses" -> editor.backgroundProcesses().toggle();
			case "showInText" -> {
				if (editor.canvas().selection().size() == 1) {
					editor.showInText(editor.canvas().selection().get(0));
				}
			}
			default -> throw new ExecutionException("Unknown diagram command '" + command + "' in plugin.xml");
		}
		return null;
	}

	private static void open(ExecutionEvent event) throws ExecutionException {
		IFile file = null;
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		IEditorPart editor = HandlerUtil.getActiveEditor(event);
		if (HandlerUtil.getActivePart(event) == editor && editor != null) {
			file = editor.getEditorInput().getAdapter(IFile.class);
		} else if (selection instanceof IStructuredSelection structured) {
			file = Adapters.adapt(structured.getFirstElement(), IFile.class);
		}
		if (file == null || !"zc".equals(file.getFileExtension())) {
			throw new ExecutionException("Select a ZeroCarbon model file (*.zc), or open one, to see its diagram.");
		}
		try {
			// Match by id as well: by input alone the page would return the text editor of the same file.
			HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage().openEditor(new FileEditorInput(file),
					DiagramEditor.ID, true, IWorkbenchPage.MATCH_ID | IWorkbenchPage.MATCH_INPUT);
		} catch (PartInitException e) {
			throw new ExecutionException("Cannot open the diagram of " + file.getFullPath() + ": " + e.getMessage(), e);
		}
	}
}
