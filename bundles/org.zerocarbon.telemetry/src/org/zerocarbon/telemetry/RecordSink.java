package org.zerocarbon.telemetry;

/**
 * Receives one source's records, in the order read. Values are in SI (W, J, A, V, 1). Within one channel records
 * come in time order unless the data itself is out of order (the {@link Aggregator} reports and drops those);
 * sources emit the channels of one instant in any order.
 */
public interface RecordSink {

	/**
	 * A value. {@code channel} is the CSV column name, the MTConnect dataItemId or the OPC UA node id.
	 */
	void value(String channel, long epochMillis, double si);

	/** The channel has no valid value from this instant on (MTConnect UNAVAILABLE, OPC UA bad status): a gap. */
	void unavailable(String channel, long epochMillis);

	/** A discrete observation; {@code value} is the raw text (e.g. "ACTIVE", a program name, a count). */
	void event(EventKind kind, String channel, long epochMillis, String value);

	/** A problem (or a note) found while reading. */
	void diagnostic(Diagnostic diagnostic);
}
