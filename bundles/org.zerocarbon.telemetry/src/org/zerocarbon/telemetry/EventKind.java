package org.zerocarbon.telemetry;

/** Kinds of discrete observations (MTConnect events, CSV state/program/part-count columns). */
public enum EventKind {
	/** MTConnect EXECUTION (ACTIVE, READY, FEED_HOLD, ...). */
	EXECUTION,
	/** MTConnect POWER_STATE (ON, OFF). */
	POWER_STATE,
	/** MTConnect EQUIPMENT_MODE (its subType in the channel's binding). */
	EQUIPMENT_MODE,
	/** Cumulative part count; a drop is a reset. */
	PART_COUNT,
	/** Active program (the operation). */
	PROGRAM,
	/** A state column of a CSV file (raw values mapped by the meter's state mapping). */
	STATE
}
