package org.zerocarbon.interop;

/**
 * A file that cannot be imported or exported, with where it happened: {@code source:line: message} (line 0 when
 * unknown). Nothing has been written when it is thrown.
 */
public class InteropException extends Exception {
	private static final long serialVersionUID = 1L;

	private final String source;
	private final int line;
	private final String detail;

	public InteropException(String source, int line, String message) {
		this(source, line, message, null);
	}

	public InteropException(String source, int line, String message, Throwable cause) {
		super(source + (line > 0 ? ":" + line : "") + ": " + message, cause);
		this.source = source;
		this.line = line;
		this.detail = message;
	}

	/** The file (or zip entry, as {@code archive.zip!/processes/x.xml}) that was read. */
	public String source() {
		return source;
	}

	/** The line in it, or 0 when unknown. */
	public int line() {
		return line;
	}

	/** The message without the location. */
	public String detail() {
		return detail;
	}
}
