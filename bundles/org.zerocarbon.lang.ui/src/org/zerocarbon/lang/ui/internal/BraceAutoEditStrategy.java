package org.zerocarbon.lang.ui.internal;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentCommand;
import org.eclipse.jface.text.IAutoEditStrategy;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITypedRegion;
import org.eclipse.jface.text.TextUtilities;

/**
 * Indentation and braces while typing code (not inside comments or strings, which are partitions of their own):
 * <ul>
 * <li><b>Enter</b> keeps the line's indentation, one level more after a {@code {}; between {@code {} and its
 * {@code }} it opens an indented line with the brace on the line below;</li>
 * <li><b>{@code {}</b> at the end of a line inserts its {@code }} too (the caret between them);</li>
 * <li><b>{@code }}</b> on a line of only blanks moves the line to the indentation of the matching {@code {}'s line;
 * typed just before a {@code }}, it steps over it instead of adding another.</li>
 * </ul>
 * One level is a tab, as in the examples and the formatter's output. Hand-written rather than Xtext UI's
 * {@code DefaultAutoEditStrategyProvider}: that class is in {@code org.eclipse.xtext.ui}, which is not on Maven
 * Central (see the README's design section).
 */
public final class BraceAutoEditStrategy implements IAutoEditStrategy {

	/** One indentation level. */
	static final String INDENT = "\t";

	@Override
	public void customizeDocumentCommand(IDocument document, DocumentCommand command) {
		try {
			if (command.length == 0 && command.text != null) {
				if (TextUtilities.endsWith(document.getLegalLineDelimiters(), command.text) != -1 && command.text.strip().isEmpty()) {
					newLine(document, command);
				} else if ("{".equals(command.text)) {
					openBrace(document, command);
				} else if ("}".equals(command.text)) {
					closeBrace(document, command);
				}
			}
		} catch (BadLocationException e) {
			// leave the command as typed
		}
	}

	private static void newLine(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		String after = document.get(command.offset, line.getOffset() + line.getLength() - command.offset);
		String indent = leadingBlanks(before);
		String delimiter = command.text;
		int brace = line.getOffset() + before.stripTrailing().length() - 1;
		if (!before.strip().endsWith("{") || inCommentOrString(document, brace)) {
			command.text = delimiter + indent;
			return;
		}
		if (after.strip().startsWith("}")) {
			// {|}  ->  {\n\t|\n}
			String inside = delimiter + indent + INDENT;
			command.text = inside + delimiter + indent;
			command.caretOffset = command.offset + inside.length();
			command.shiftsCaret = false;
			// the blanks between the caret and the brace go
			command.length = after.length() - after.stripLeading().length();
		} else {
			command.text = delimiter + indent + INDENT;
		}
	}

	private static void openBrace(IDocument document, DocumentCommand command) throws BadLocationException {
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String after = document.get(command.offset, line.getOffset() + line.getLength() - command.offset);
		if (after.isBlank() && !inCommentOrString(document, command.offset) && !(command.offset > 0 && inCommentOrString(document, command.offset - 1))) {
			command.text = "{}";
			command.caretOffset = command.offset + 1;
			command.shiftsCaret = false;
		}
	}

	private static void closeBrace(IDocument document, DocumentCommand command) throws BadLocationException {
		if (command.offset < document.getLength() && document.getChar(command.offset) == '}') {
			// step over the brace that '{' inserted
			command.text = "";
			command.caretOffset = command.offset + 1;
			command.shiftsCaret = false;
			return;
		}
		IRegion line = document.getLineInformationOfOffset(command.offset);
		String before = document.get(line.getOffset(), command.offset - line.getOffset());
		if (!before.isBlank()) {
			return;
		}
		int open = matchingOpen(document, command.offset);
		if (open < 0) {
			return;
		}
		IRegion openLine = document.getLineInformationOfOffset(open);
		String indent = leadingBlanks(document.get(openLine.getOffset(), openLine.getLength()));
		command.offset = line.getOffset();
		command.length = before.length();
		command.text = indent + "}";
	}

	/** The offset of the unmatched {@code {} before an offset, skipping comments and strings; -1 when none. */
	static int matchingOpen(IDocument document, int offset) throws BadLocationException {
		int depth = 0;
		for (int i = offset - 1; i >= 0; i--) {
			char c = document.getChar(i);
			if ((c == '{' || c == '}') && inCommentOrString(document, i)) {
				continue;
			}
			if (c == '}') {
				depth++;
			} else if (c == '{') {
				if (depth == 0) {
					return i;
				}
				depth--;
			}
		}
		return -1;
	}

	private static boolean inCommentOrString(IDocument document, int offset) throws BadLocationException {
		ITypedRegion partition = TextUtilities.getPartition(document, Partitions.PARTITIONING, offset, false);
		// null: a document without our partitioning (e.g. a plain document in a test), all of it code
		return partition != null && !IDocument.DEFAULT_CONTENT_TYPE.equals(partition.getType());
	}

	private static String leadingBlanks(String line) {
		int i = 0;
		while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
			i++;
		}
		return line.substring(0, i);
	}
}
