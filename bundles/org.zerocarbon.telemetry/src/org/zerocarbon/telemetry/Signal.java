package org.zerocarbon.telemetry;

/** What a value channel measures. Values always reach a {@link RecordSink} in SI units. */
public enum Signal {
	/** Active power, W. */
	POWER,
	/** Cumulative active energy, J; may reset (drop to about zero) or roll over at a known maximum. */
	ENERGY_COUNTER,
	/** Energy of the interval that ends at the record's timestamp, J. */
	ENERGY_INTERVAL,
	/** Current, A (per phase). */
	CURRENT,
	/** Voltage, V (line-to-neutral for one phase, line-to-line for three phases). */
	VOLTAGE,
	/** Power factor, 1. */
	POWER_FACTOR
}
