package org.zerocarbon.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Books integrated intervals onto the totals, the days, the states and the programs, splitting an interval where a
 * day ends, the state changes or the program changes. Power is linear over an interval (pa at a, pb at b; equal for
 * a hold), so every piece's energy is exact. Changes are queued in time order and consumed as the cursor passes them.
 */
final class Ledger {

	/** A state or program change queued for the time it takes effect. */
	private record Change(long time, boolean program, String value) {
	}

	private final MeterSpec spec;
	private final ZoneId zone;
	private final ArrayDeque<Change> pending = new ArrayDeque<>();

	// what holds at the cursor (the end of the last booked or skipped interval)
	private String rawState;
	private boolean powerOff;
	private String program;
	private final boolean stateSignal;
	/** Whether anything tells states apart (else no state shares are kept). */
	private final boolean stateInformation;

	double energyJ;
	double coveredMs;
	final TreeMap<LocalDate, double[]> days = new TreeMap<>();
	final Map<String, double[]> states = new LinkedHashMap<>();
	final Map<String, double[]> programs = new LinkedHashMap<>();
	final Map<String, long[]> programParts = new HashMap<>();

	private LocalDate day;
	private long dayStart = Long.MAX_VALUE;
	private long dayEnd = Long.MIN_VALUE;
	private double[] dayAcc;

	Ledger(MeterSpec spec) {
		this.spec = spec;
		this.zone = spec.zone();
		this.stateSignal = spec.stateChannel() != null;
		this.stateInformation = stateSignal || spec.powerStateChannel() != null || !spec.thresholds().isEmpty();
	}

	/** A state (raw) or POWER_STATE change at {@code time}. */
	void stateChange(long time, String raw, boolean isPowerState) {
		pending.add(new Change(time, false, (isPowerState ? "P" : "S") + (raw == null ? "" : raw)));
	}

	void programChange(long time, String value) {
		pending.add(new Change(time, true, value));
	}

	/** Moves the cursor to {@code t} without booking (a gap): applies the changes up to t. */
	void skipTo(long t) {
		while (!pending.isEmpty() && pending.peekFirst().time() <= t) {
			apply(pending.pollFirst());
		}
	}

	/** Books [a, b] with power linear from pa to pb (W). */
	void book(long a, double pa, long b, double pb) {
		skipTo(a);
		double slope = b > a ? (pb - pa) / (b - a) : 0;
		double mean = (pa + pb) / 2;
		long from = a;
		while (from < b) {
			long to = b;
			if (!pending.isEmpty() && pending.peekFirst().time() < to) {
				to = pending.peekFirst().time();
			}
			if (from < dayStart || from >= dayEnd) {
				moveDay(from);
			}
			if (dayEnd < to) {
				to = dayEnd;
			}
			double p0 = pa + slope * (from - a);
			double p1 = pa + slope * (to - a);
			double joules = (p0 + p1) / 2 * (to - from) / 1000.0;
			piece(to - from, joules, mean);
			from = to;
			skipTo(from);
		}
	}

	private void piece(long ms, double joules, double meanPowerW) {
		energyJ += joules;
		coveredMs += ms;
		dayAcc[0] += joules;
		String state = currentState(meanPowerW);
		if (state != null) {
			double[] acc = states.computeIfAbsent(state, k -> new double[2]);
			acc[0] += ms;
			acc[1] += joules;
		}
		if (program != null) {
			double[] acc = programs.computeIfAbsent(program, k -> new double[2]);
			acc[0] += ms;
			acc[1] += joules;
		}
	}

	private String currentState(double meanPowerW) {
		if (!stateInformation) {
			return null;
		}
		if (powerOff) {
			return "off";
		}
		if (stateSignal) {
			String mapped = rawState == null ? null : spec.mapState(rawState);
			if ("ready".equals(mapped)) {
				// EXECUTION cannot tell standby from ready: power thresholds, if declared, may refine it
				String byPower = spec.stateOfPower(meanPowerW);
				if ("standby".equals(byPower) || "off".equals(byPower)) {
					return byPower;
				}
			}
			return mapped != null ? mapped : MeterSpec.UNKNOWN_STATE;
		}
		return spec.stateOfPower(meanPowerW);
	}

	private void moveDay(long t) {
		Instant instant = Instant.ofEpochMilli(t);
		day = LocalDate.ofInstant(instant, zone);
		dayStart = day.atStartOfDay(zone).toInstant().toEpochMilli();
		dayEnd = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
		dayAcc = days.computeIfAbsent(day, k -> new double[1]);
	}

	private void apply(Change change) {
		if (change.program()) {
			program = change.value();
		} else if (change.value().charAt(0) == 'P') {
			powerOff = "OFF".equalsIgnoreCase(change.value().substring(1).trim());
		} else {
			String raw = change.value().substring(1);
			rawState = raw.isEmpty() ? null : raw;
		}
	}

	/** The program that holds after all queued changes (for attributing parts at an event's time). */
	String latestProgram() {
		String latest = program;
		for (Change change : pending) {
			if (change.program()) {
				latest = change.value();
			}
		}
		return latest;
	}

	void parts(String programName, long count) {
		if (programName != null) {
			programParts.computeIfAbsent(programName, k -> new long[1])[0] += count;
			programs.computeIfAbsent(programName, k -> new double[2]);
		}
	}
}
