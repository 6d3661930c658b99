package org.zerocarbon.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * A problem or a note about telemetry data, located by file and line (or source and timestamp).
 *
 * @param severity    how bad it is
 * @param source      the file path or URL (or the source's description)
 * @param line        1-based line number, -1 if none
 * @param epochMillis the record's timestamp, null if none
 * @param message     the message, a full sentence
 */
public record Diagnostic(Severity severity, String source, int line, Long epochMillis, String message) {

	/** Severities, mapped by the binding layer onto markers. */
	public enum Severity {
		ERROR, WARNING, INFO
	}

	public Diagnostic {
		Objects.requireNonNull(severity, "severity");
		Objects.requireNonNull(message, "message");
	}

	public static Diagnostic error(String source, int line, Long epochMillis, String message) {
		return new Diagnostic(Severity.ERROR, source, line, epochMillis, message);
	}

	public static Diagnostic warning(String source, int line, Long epochMillis, String message) {
		return new Diagnostic(Severity.WARNING, source, line, epochMillis, message);
	}

	public static Diagnostic info(String source, int line, Long epochMillis, String message) {
		return new Diagnostic(Severity.INFO, source, line, epochMillis, message);
	}

	/** "file:line: message" or "source (2026-01-05T10:00:00Z): message". */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(severity.name().toLowerCase()).append(": ");
		if (source != null) {
			text.append(source);
			if (line >= 0) {
				text.append(':').append(line);
			}
			if (epochMillis != null) {
				text.append(" (").append(Instant.ofEpochMilli(epochMillis)).append(')');
			}
			text.append(": ");
		}
		return text.append(message).toString();
	}
}
