package org.zerocarbon.telemetry;

/** A source could not be read at all (file missing, agent down or slow, refused document). */
public class TelemetryException extends Exception {

	private static final long serialVersionUID = 1L;

	private final String source;
	private final int line;

	public TelemetryException(String source, int line, String message, Throwable cause) {
		super(message, cause);
		this.source = source;
		this.line = line;
	}

	public TelemetryException(String source, String message, Throwable cause) {
		this(source, -1, message, cause);
	}

	public TelemetryException(String source, String message) {
		this(source, -1, message, null);
	}

	/** The file path or URL. */
	public String source() {
		return source;
	}

	/** 1-based line, -1 if none. */
	public int line() {
		return line;
	}

	/** The message with its location: "file:line: message". */
	public String located() {
		return (source == null ? "" : source + (line >= 0 ? ":" + line : "") + ": ") + getMessage();
	}
}
