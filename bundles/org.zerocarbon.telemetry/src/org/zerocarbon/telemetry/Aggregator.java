package org.zerocarbon.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link RecordSink} that aggregates one {@link MeterSpec} over one period [start, end) (null = from the first /
 * to the last record). Feed it from {@link TelemetrySource#read}, then call {@link #finish()}.
 *
 * <p>Rules (see docs/telemetry.md): power is integrated by the spec's rule (TRAPEZOID or HOLD); a record spacing
 * above the gap threshold, an UNAVAILABLE mark until the next value, and the uncovered ends of the period longer than
 * the threshold are gaps (not integrated). Under HOLD the value before an UNAVAILABLE mark holds until the mark, and
 * the last value holds to the period's end if that is within the threshold. A counter's increase is the energy of
 * its interval; a drop is a rollover when a maximum is known and the drop is plausible (from the upper to the lower
 * half), an error (negative energy, not counted) when a maximum is known and it is not, and a reset (warning, the new
 * value is counted as the energy since the reset) without a maximum. A counter's increase across a gap is not counted
 * (info). A record at or before the previous record of its channel is dropped (duplicate / out of order, warning).
 */
public final class Aggregator implements RecordSink {

	private static final int DIAGNOSTICS_PER_KIND = 20;

	private final MeterSpec spec;
	private final String source;
	private final Integration rule;
	private final long gapMs;
	private final Long start;
	private final Long end;
	private final Ledger ledger;
	private final String[] channels;
	private final long[] lastTime;

	private final List<Diagnostic> diagnostics = new ArrayList<>();
	private final Map<String, int[]> diagnosticCounts = new LinkedHashMap<>();

	// the value series (power, counter or interval)
	private long samples;
	private boolean hasPrev;
	private boolean prevValid;
	private long prevT;
	private double prevV;
	private long firstT = Long.MIN_VALUE;
	private long lastT = Long.MIN_VALUE;
	/** Where the current uncovered stretch began (the period start, the last covered instant). */
	private long uncoveredFrom;
	/** Whether the current uncovered stretch began with an UNAVAILABLE mark (a gap whatever its length). */
	private boolean explicitGap;
	private double longestGapMs;
	private long longestGapStart;

	// derived power: latest I, U, PF and the instant whose values are being collected
	private double current = Double.NaN;
	private double voltage = Double.NaN;
	private double powerFactor;
	private long pendingT = Long.MIN_VALUE;

	// part counts
	private long parts;
	private Long lastCount;

	// spacing histogram (run-length, so a steady series costs one map entry)
	private final Map<Long, long[]> spacings = new HashMap<>();
	private long runSpacing = -1;
	private long runLength;

	public Aggregator(MeterSpec spec, Instant start, Instant end, String source, Integration defaultRule) {
		this.spec = spec;
		this.source = source;
		this.rule = spec.integration() != null ? spec.integration() : defaultRule != null ? defaultRule : Integration.TRAPEZOID;
		this.gapMs = spec.effectiveGapThreshold().toMillis();
		this.start = start == null ? null : start.toEpochMilli();
		this.end = end == null ? null : end.toEpochMilli();
		this.ledger = new Ledger(spec);
		this.channels = new String[] { spec.channel(), spec.voltageChannel(), spec.powerFactorChannel(), spec.stateChannel(),
				spec.powerStateChannel(), spec.programChannel(), spec.partCountChannel() };
		this.lastTime = new long[channels.length];
		java.util.Arrays.fill(lastTime, Long.MIN_VALUE);
		this.powerFactor = spec.powerFactorChannel() == null ? 1 : Double.NaN;
		this.uncoveredFrom = this.start == null ? Long.MIN_VALUE : this.start;
	}

	/** An aggregator for records of {@code source}, with its default integration rule. */
	public static Aggregator of(MeterSpec spec, Instant start, Instant end, TelemetrySource source) {
		return new Aggregator(spec, start, end, source.description(), source.defaultIntegration());
	}

	private int index(String channel) {
		for (int i = 0; i < channels.length; i++) {
			if (channels[i] == channel) {
				return i;
			}
		}
		for (int i = 0; i < channels.length; i++) {
			if (channel.equals(channels[i])) {
				return i;
			}
		}
		return -1;
	}

	/** False (and a diagnostic) when the record is at or before the channel's previous one. */
	private boolean inOrder(int index, long t) {
		long last = lastTime[index];
		if (t <= last) {
			String kind = t == last ? "duplicate timestamp" : "timestamp out of order";
			note(Diagnostic.Severity.WARNING, kind, t, kind + " in '" + channels[index] + "' (previous record at "
					+ Instant.ofEpochMilli(last) + "): record dropped");
			return false;
		}
		lastTime[index] = t;
		return true;
	}

	private boolean inPeriod(long t) {
		return (start == null || t >= start) && (end == null || t < end);
	}

	@Override
	public void value(String channel, long t, double si) {
		int index = index(channel);
		if (index < 0 || index > 2 || !inPeriod(t) || !inOrder(index, t)) {
			return;
		}
		if (Double.isNaN(si) || Double.isInfinite(si)) {
			note(Diagnostic.Severity.WARNING, "not a number", t, "value of '" + channel + "' is not a finite number: skipped");
			return;
		}
		if (spec.signal() == Signal.CURRENT) {
			derived(index, t, si);
			return;
		}
		if (index != 0) {
			return;
		}
		switch (spec.signal()) {
			case POWER -> power(t, si);
			case ENERGY_COUNTER -> counter(t, si);
			case ENERGY_INTERVAL -> interval(t, si);
			default -> throw new IllegalStateException(spec.signal().name());
		}
	}

	@Override
	public void unavailable(String channel, long t) {
		int index = index(channel);
		if (index < 0 || !inPeriod(t) || !inOrder(index, t)) {
			return;
		}
		switch (index) {
			case 0, 1, 2 -> {
				if (spec.signal() == Signal.CURRENT) {
					flushDerived(t);
					if (index == 0) {
						current = Double.NaN;
					} else if (index == 1) {
						voltage = Double.NaN;
					} else {
						powerFactor = Double.NaN;
					}
				}
				seriesUnavailable(t);
			}
			case 3 -> ledger.stateChange(t, null, false);
			case 5 -> ledger.programChange(t, null);
			default -> {
			}
		}
	}

	@Override
	public void event(EventKind kind, String channel, long t, String value) {
		int index = index(channel);
		if (index < 3 || (end != null && t >= end) || !inOrder(index, t)) {
			return;
		}
		String text = value == null ? "" : value.trim();
		switch (index) {
			case 3 -> {
				if (!text.isEmpty() && !"UNAVAILABLE".equals(text) && spec.mapState(text) == null) {
					note(Diagnostic.Severity.WARNING, "unmapped state " + text, t, "state '" + text + "' of '" + channel
							+ "' maps to no energy state; its time counts as '" + MeterSpec.UNKNOWN_STATE + "'");
				}
				ledger.stateChange(t, "UNAVAILABLE".equals(text) ? null : text, false);
			}
			case 4 -> ledger.stateChange(t, text, true);
			case 5 -> ledger.programChange(t, text.isEmpty() || "UNAVAILABLE".equals(text) ? null : text);
			case 6 -> partCount(t, text);
			default -> {
			}
		}
	}

	@Override
	public void diagnostic(Diagnostic diagnostic) {
		String kind = diagnostic.severity() + " from source";
		int[] count = diagnosticCounts.computeIfAbsent(kind, k -> new int[1]);
		if (count[0]++ < 5 * DIAGNOSTICS_PER_KIND) {
			diagnostics.add(diagnostic);
		}
	}

	private void note(Diagnostic.Severity severity, String kind, long t, String message) {
		int[] count = diagnosticCounts.computeIfAbsent(kind, k -> new int[1]);
		if (count[0]++ < DIAGNOSTICS_PER_KIND) {
			diagnostics.add(new Diagnostic(severity, source, -1, t, message));
		}
	}

	// ---- the value series

	private void power(long t, double watts) {
		if (hasPrev && prevValid && t - prevT <= gapMs) {
			ledger.book(prevT, prevV, t, rule == Integration.HOLD ? prevV : watts);
			covered(t);
		} else {
			gap(t);
		}
		accept(t, watts);
	}

	private void counter(long t, double joules) {
		if (joules < 0) {
			note(Diagnostic.Severity.ERROR, "negative counter", t, "negative energy counter value " + joules + " J: skipped");
			return;
		}
		if (!hasPrev || !prevValid) {
			gap(t);
			accept(t, joules);
			return;
		}
		double delta = joules - prevV;
		if (delta < 0) {
			Double max = spec.rolloverMaxJ();
			if (max != null && prevV > max / 2 && joules < max / 2) {
				delta = max - prevV + joules;
				note(Diagnostic.Severity.INFO, "rollover", t, "energy counter rolled over at " + max + " J");
			} else if (max != null) {
				note(Diagnostic.Severity.ERROR, "negative energy", t, "negative energy from the counter: it drops from "
						+ prevV + " J to " + joules + " J, which is no rollover at " + max + " J; the interval is not counted");
				gap(t);
				accept(t, joules);
				return;
			} else {
				note(Diagnostic.Severity.WARNING, "counter reset", t, "energy counter reset (drops from " + prevV + " J to "
						+ joules + " J); the new value is counted as the energy since the reset");
				delta = joules;
			}
		}
		if (t - prevT <= gapMs) {
			double watts = delta / ((t - prevT) / 1000.0);
			ledger.book(prevT, watts, t, watts);
			covered(t);
		} else {
			note(Diagnostic.Severity.INFO, "counter across gap", t, "the counter advanced " + delta + " J over a gap of "
					+ (t - prevT) / 1000.0 + " s; not counted");
			gap(t);
		}
		accept(t, joules);
	}

	private void interval(long t, double joules) {
		if (joules < 0) {
			note(Diagnostic.Severity.ERROR, "negative energy", t, "negative interval energy " + joules + " J: skipped");
			return;
		}
		long nominal = spec.nominalInterval().toMillis();
		long from = hasPrev && prevValid && t - prevT <= gapMs ? prevT : t - nominal;
		double watts = joules / ((t - from) / 1000.0);
		if (start != null && from < start) {
			from = start;
		}
		if (from < t) {
			if (uncoveredFrom != Long.MIN_VALUE || hasPrev) {
				gap(from);
			}
			ledger.book(from, watts, t, watts);
			covered(t);
		}
		accept(t, joules);
	}

	private void seriesUnavailable(long t) {
		if (hasPrev && prevValid && rule == Integration.HOLD && spec.signal() != Signal.ENERGY_COUNTER
				&& spec.signal() != Signal.ENERGY_INTERVAL && t - prevT <= gapMs) {
			ledger.book(prevT, prevV, t, prevV);
			covered(t);
		}
		if (prevValid || !hasPrev) {
			explicitGap = true;
		}
		prevValid = false;
		hasPrev = true;
		if (firstT == Long.MIN_VALUE) {
			firstT = t;
		}
	}

	private void accept(long t, double v) {
		if (hasPrev) {
			spacing(t - prevT);
		}
		if (firstT == Long.MIN_VALUE) {
			firstT = t;
		}
		lastT = t;
		hasPrev = true;
		prevValid = true;
		prevT = t;
		prevV = v;
		samples++;
	}

	/** [uncoveredFrom, t) had no data; it is a gap when longer than the threshold. */
	private void gap(long t) {
		ledger.skipTo(t);
		if (uncoveredFrom != Long.MIN_VALUE) {
			long length = t - uncoveredFrom;
			if ((length > gapMs || explicitGap && length > 0) && length > longestGapMs) {
				longestGapMs = length;
				longestGapStart = uncoveredFrom;
			}
		}
		uncoveredFrom = t;
		explicitGap = false;
	}

	private void covered(long t) {
		uncoveredFrom = t;
		explicitGap = false;
	}

	private void spacing(long ms) {
		if (ms == runSpacing) {
			runLength++;
			return;
		}
		flushSpacing();
		runSpacing = ms;
		runLength = 1;
	}

	private void flushSpacing() {
		if (runLength > 0) {
			spacings.computeIfAbsent(runSpacing, k -> new long[1])[0] += runLength;
		}
		runLength = 0;
	}

	// ---- derived power

	private void derived(int index, long t, double si) {
		if (t > pendingT) {
			flushDerived(t);
			pendingT = t;
		}
		if (index == 0) {
			current = si;
		} else if (index == 1) {
			voltage = si;
		} else {
			powerFactor = si;
		}
	}

	private void flushDerived(long next) {
		if (pendingT == Long.MIN_VALUE || pendingT >= next) {
			return;
		}
		long t = pendingT;
		pendingT = Long.MIN_VALUE;
		if (Double.isNaN(current) || Double.isNaN(voltage) || Double.isNaN(powerFactor)) {
			return;
		}
		double watts = voltage * current * powerFactor * (spec.phases() == 3 ? Math.sqrt(3) : 1);
		power(t, watts);
	}

	// ---- parts

	private void partCount(long t, String text) {
		if (text.isEmpty() || "UNAVAILABLE".equals(text)) {
			return;
		}
		long count;
		try {
			count = (long) Double.parseDouble(text);
		} catch (NumberFormatException e) {
			note(Diagnostic.Severity.WARNING, "part count not a number", t, "part count '" + text + "' is not a number: skipped");
			return;
		}
		if (start != null && t < start) {
			lastCount = count;
			return;
		}
		long added;
		if (lastCount == null) {
			added = 0;
		} else if (count >= lastCount) {
			added = count - lastCount;
		} else {
			note(Diagnostic.Severity.INFO, "part count reset", t, "part count reset from " + lastCount + " to " + count
					+ "; the new count is counted as parts since the reset");
			added = count;
		}
		lastCount = count;
		parts += added;
		ledger.parts(ledger.latestProgram(), added);
	}

	// ---- the result

	/** Closes the period and returns the aggregate. */
	public MeterAggregate finish() {
		if (spec.signal() == Signal.CURRENT) {
			flushDerived(Long.MAX_VALUE);
		}
		long periodStart = start != null ? start : firstT == Long.MIN_VALUE ? 0 : firstT;
		long periodEnd = end != null ? end : lastT == Long.MIN_VALUE ? periodStart : lastT;
		if (hasPrev && prevValid && rule == Integration.HOLD && spec.signal() != Signal.ENERGY_COUNTER
				&& spec.signal() != Signal.ENERGY_INTERVAL && periodEnd - prevT <= gapMs
				&& periodEnd > prevT) {
			ledger.book(prevT, prevV, periodEnd, prevV);
			covered(periodEnd);
		}
		if (uncoveredFrom == Long.MIN_VALUE) {
			uncoveredFrom = periodStart;
		}
		gap(periodEnd);
		flushSpacing();
		for (Map.Entry<String, int[]> entry : diagnosticCounts.entrySet()) {
			int limit = entry.getKey().endsWith(" from source") ? 5 * DIAGNOSTICS_PER_KIND : DIAGNOSTICS_PER_KIND;
			if (entry.getValue()[0] > limit) {
				diagnostics.add(Diagnostic.info(source, -1, null, (entry.getValue()[0] - limit) + " more '"
						+ entry.getKey().toLowerCase(Locale.ROOT) + "' diagnostics not shown"));
			}
		}
		double periodSeconds = (periodEnd - periodStart) / 1000.0;
		double covered = ledger.coveredMs / 1000.0;
		TreeMap<LocalDate, Double> days = new TreeMap<>();
		ledger.days.forEach((day, acc) -> days.put(day, acc[0]));
		Map<String, MeterAggregate.Share> states = new LinkedHashMap<>();
		for (String state : MeterSpec.STATES) {
			double[] acc = ledger.states.get(state);
			if (acc != null) {
				states.put(state, new MeterAggregate.Share(acc[0] / 1000.0, acc[1], 0));
			}
		}
		ledger.states.forEach((state, acc) -> states.putIfAbsent(state, new MeterAggregate.Share(acc[0] / 1000.0, acc[1], 0)));
		Map<String, MeterAggregate.Share> programs = new LinkedHashMap<>();
		ledger.programs.forEach((name, acc) -> {
			long[] p = ledger.programParts.get(name);
			programs.put(name, new MeterAggregate.Share(acc[0] / 1000.0, acc[1], p == null ? 0 : p[0]));
		});
		return new MeterAggregate(Instant.ofEpochMilli(periodStart), Instant.ofEpochMilli(periodEnd), samples,
				ledger.energyJ, covered, periodSeconds > 0 ? Math.min(1, covered / periodSeconds) : 0, longestGapMs / 1000.0,
				longestGapMs > 0 ? Instant.ofEpochMilli(longestGapStart) : null, medianSpacing(), days, states, programs, parts,
				parts > 0 ? ledger.energyJ / parts : Double.NaN, diagnostics, false);
	}

	private double medianSpacing() {
		long total = 0;
		TreeMap<Long, long[]> sorted = new TreeMap<>(spacings);
		for (long[] n : sorted.values()) {
			total += n[0];
		}
		if (total == 0) {
			return Double.NaN;
		}
		long half = (total + 1) / 2;
		long seen = 0;
		for (Map.Entry<Long, long[]> entry : sorted.entrySet()) {
			seen += entry.getValue()[0];
			if (seen >= half) {
				return entry.getKey() / 1000.0;
			}
		}
		return Double.NaN;
	}
}
