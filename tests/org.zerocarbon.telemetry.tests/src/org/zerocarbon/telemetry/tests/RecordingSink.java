package org.zerocarbon.telemetry.tests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.RecordSink;

/** Writes every record down as a line of text, for exact comparisons. */
final class RecordingSink implements RecordSink {

	final List<String> records = new ArrayList<>();
	final List<Diagnostic> diagnostics = new ArrayList<>();

	@Override
	public void value(String channel, long epochMillis, double si) {
		records.add(channel + " " + Instant.ofEpochMilli(epochMillis) + " " + si);
	}

	@Override
	public void unavailable(String channel, long epochMillis) {
		records.add(channel + " " + Instant.ofEpochMilli(epochMillis) + " UNAVAILABLE");
	}

	@Override
	public void event(EventKind kind, String channel, long epochMillis, String value) {
		records.add(kind + " " + channel + " " + Instant.ofEpochMilli(epochMillis) + " " + value);
	}

	@Override
	public void diagnostic(Diagnostic diagnostic) {
		diagnostics.add(diagnostic);
	}

	/** "severity line: message" of every diagnostic. */
	List<String> problems() {
		return diagnostics.stream().map(d -> d.severity() + " " + d.line() + ": " + d.message()).toList();
	}
}
