package org.zerocarbon.lang.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.server.Document;

/**
 * Text replacements per file, in offsets of the text they were computed for: the edited document at
 * {@link #version()}, and the other files as they are on disk. Immutable; crosses from the language thread to
 * the UI thread, where {@link EditApplier} applies it.
 *
 * @param version the document version the replacements for the edited file refer to
 * @param edits   replacements per file URI, each list sorted by offset and non-overlapping
 */
public record TextChanges(long version, URI editedFile, Map<URI, List<Replacement>> edits) {

	/** Replace {@code length} characters at {@code offset} with {@code text}. */
	public record Replacement(int offset, int length, String text) {
	}

	/** Whether there is nothing to change. */
	public boolean isEmpty() {
		return edits.values().stream().allMatch(List::isEmpty);
	}

	/** Edits of the edited file only. */
	public static TextChanges forEditedFile(ModelSession.Snapshot snapshot, List<Replacement> replacements) {
		Map<URI, List<Replacement>> edits = new LinkedHashMap<>();
		edits.put(snapshot.resource().getURI(), sorted(replacements));
		return new TextChanges(snapshot.version(), snapshot.resource().getURI(), edits);
	}

	/** Converts an LSP workspace edit (line/column ranges) into offsets. Language thread. */
	static TextChanges of(WorkspaceEdit edit, ModelSession.Snapshot snapshot) {
		Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
		if (edit.getChanges() != null) {
			edit.getChanges().forEach((uri, edits) -> byUri.computeIfAbsent(uri, u -> new ArrayList<>()).addAll(edits));
		}
		// SessionServerAccess announces no support for versioned document changes, so only "changes" come back.
		Map<URI, List<Replacement>> edits = new LinkedHashMap<>();
		byUri.forEach((uriText, textEdits) -> {
			URI uri = URI.createURI(uriText);
			Document document = uri.equals(snapshot.resource().getURI()) ? snapshot.ideDocument()
					: new Document(0, diskText(uri));
			List<Replacement> replacements = new ArrayList<>();
			for (TextEdit textEdit : textEdits) {
				int start = document.getOffSet(textEdit.getRange().getStart());
				int end = document.getOffSet(textEdit.getRange().getEnd());
				replacements.add(new Replacement(start, end - start, textEdit.getNewText()));
			}
			edits.put(uri, sorted(replacements));
		});
		return new TextChanges(snapshot.version(), snapshot.resource().getURI(), edits);
	}

	private static List<Replacement> sorted(List<Replacement> replacements) {
		List<Replacement> copy = new ArrayList<>(replacements);
		copy.sort(Comparator.comparingInt(Replacement::offset));
		return List.copyOf(copy);
	}

	/** The contents of a workspace file as saved. */
	static String diskText(URI uri) {
		IFile file = ModelSession.fileOf(uri);
		if (file == null || !file.exists()) {
			throw new IllegalStateException("The file " + uri + " is not in the workspace.");
		}
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), Charset.forName(file.getCharset()));
		} catch (IOException | CoreException e) {
			throw new IllegalStateException("Cannot read " + file.getFullPath() + ": " + e.getMessage(), e);
		}
	}
}
