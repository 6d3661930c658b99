package org.zerocarbon.lang.ui.edit;

import java.util.List;

import org.eclipse.core.resources.IFile;

/**
 * What {@link ModelEdits#modify} did.
 *
 * @param file              the changed file
 * @param changed           whether any text changed; {@code false} when the change changed nothing that is
 *                          written (then there is no undo step either)
 * @param text              the document text after the change
 * @param modificationStamp the document's modification stamp after the change (compare with
 *                          {@code IDocumentExtension4.getModificationStamp()} to know whether a drawing or a
 *                          property sheet still shows this version)
 * @param saved             whether the file was saved, because no editor held its document
 * @param otherFiles        other files whose references to a renamed element were updated (and saved)
 */
public record ModelEditResult(IFile file, boolean changed, String text, long modificationStamp, boolean saved,
		List<IFile> otherFiles) {
}
