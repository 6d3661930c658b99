package org.zerocarbon.telemetry;

/**
 * How power between two records is integrated into energy.
 * <ul>
 * <li>{@link #TRAPEZOID}: power varies linearly between records; the default for sampled sources (CSV, OPC UA
 * history), which report a value at every sampling instant.</li>
 * <li>{@link #HOLD}: zero-order hold, a value holds until the next record; the default for MTConnect, whose
 * observations are reported on change ("the value holds until the next change").</li>
 * </ul>
 */
public enum Integration {
	TRAPEZOID, HOLD
}
