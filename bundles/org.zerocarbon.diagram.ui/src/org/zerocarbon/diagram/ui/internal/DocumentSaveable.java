package org.zerocarbon.diagram.ui.internal;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.text.IDocument;
import org.eclipse.ui.ISaveablePart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.Saveable;

/**
 * A model file's shared document as a {@link Saveable}. Like the platform text editor's saveable, it equals any
 * saveable that adapts to the same document, so a diagram editor and a text editor of one file are one entry in
 * the Save Resources dialog, and closing one of them does not ask to save what the other still shows.
 */
public final class DocumentSaveable extends Saveable {

	private final IFile file;
	private final IDocument document;
	private final ISaveablePart part;

	/**
	 * @param file     the model file
	 * @param document its document, shared with the text editor through the file buffer
	 * @param part     the editor that saves it
	 */
	public DocumentSaveable(IFile file, IDocument document, ISaveablePart part) {
		this.file = file;
		this.document = document;
		this.part = part;
	}

	@Override
	public String getName() {
		return file.getName();
	}

	@Override
	public String getToolTipText() {
		return file.getFullPath().toString();
	}

	@Override
	public ImageDescriptor getImageDescriptor() {
		return PlatformUI.getWorkbench().getEditorRegistry().getImageDescriptor(file.getName());
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		part.doSave(monitor);
	}

	@Override
	public boolean isDirty() {
		return part.isDirty();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		return adapter == IDocument.class ? adapter.cast(document) : super.getAdapter(adapter);
	}

	@Override
	public boolean equals(Object other) {
		return other == this || other instanceof Saveable saveable && document != null && document.equals(saveable.getAdapter(IDocument.class));
	}

	@Override
	public int hashCode() {
		return document == null ? 0 : document.hashCode();
	}
}
