package org.zerocarbon.lang.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.handlers.HandlerUtil;
import org.zerocarbon.lang.ui.ZcEditor;

/**
 * The handler of the editor's commands in {@code plugin.xml}; which command it runs is given after the class name
 * ({@code EditorCommandHandler:format}). Active only while a ZeroCarbon editor is active (see the
 * {@code activeWhen} there).
 */
public final class EditorCommandHandler extends AbstractHandler implements IExecutableExtension {

	private String command = "";

	@Override
	public void setInitializationData(IConfigurationElement config, String propertyName, Object data) {
		command = data instanceof String name ? name : "";
	}

	@Override
	public Object execute(ExecutionEvent event) throws ExecutionException {
		IEditorPart part = HandlerUtil.getActiveEditorChecked(event);
		if (!(part instanceof ZcEditor editor)) {
			return null;
		}
		switch (command) {
			case "format" -> editor.format();
			case "toggleComment" -> editor.toggleComment();
			case "openDeclaration" -> editor.openDeclaration();
			case "rename" -> editor.rename();
			default -> throw new ExecutionException("Unknown ZeroCarbon editor command '" + command + "' in plugin.xml");
		}
		return null;
	}
}
