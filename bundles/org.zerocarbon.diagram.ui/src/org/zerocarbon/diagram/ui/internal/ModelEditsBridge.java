package org.zerocarbon.diagram.ui.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.ObjectUndoContext;
import org.eclipse.core.resources.IFile;
import org.zerocarbon.model.zc.ZcModel;

/** TEMPORARY until org.zerocarbon.lang.ui.edit.ModelEdits lands. */
final class ModelEditsBridge {

	private static final Map<IFile, IUndoContext> CONTEXTS = new ConcurrentHashMap<>();

	private ModelEditsBridge() {
	}

	static CompletableFuture<?> modify(IFile file, String label, Consumer<ZcModel> change) {
		return CompletableFuture.failedFuture(new UnsupportedOperationException("editing is not wired yet"));
	}

	static IUndoContext undoContext(IFile file) {
		return CONTEXTS.computeIfAbsent(file, f -> new ObjectUndoContext(f, f.getName()));
	}
}
