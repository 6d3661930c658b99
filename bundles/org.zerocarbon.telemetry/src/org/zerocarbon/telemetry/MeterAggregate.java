package org.zerocarbon.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one meter's data says about one period.
 *
 * @param periodStart             start of the period (inclusive)
 * @param periodEnd               end of the period (exclusive)
 * @param samples                 value records used (derived power: one per instant)
 * @param energyJ                 energy over the covered time, J
 * @param coveredSeconds          time between records closer than the gap threshold, s
 * @param coverage                coveredSeconds / period length, 0..1
 * @param longestGapSeconds       the longest gap (including uncovered time at the period's ends), s; 0 if none
 * @param longestGapStart         its start, null if none
 * @param samplingIntervalSeconds median record spacing, s; NaN with fewer than two records
 * @param energyPerDayJ           local date (meter's zone) → J, sorted
 * @param perState                energy state → seconds and J (covered time only); empty without a state signal
 *                                or thresholds
 * @param perProgram              program → seconds, J and parts
 * @param parts                   parts counted (PART_COUNT increases; after a reset the new count)
 * @param energyPerPartJ          energyJ / parts, NaN without parts
 * @param diagnostics             what was wrong or noteworthy in the data
 * @param stale                   true when this is the last good aggregate, kept because the source failed
 */
public record MeterAggregate(Instant periodStart, Instant periodEnd, long samples, double energyJ, double coveredSeconds,
		double coverage, double longestGapSeconds, Instant longestGapStart, double samplingIntervalSeconds,
		SortedMap<LocalDate, Double> energyPerDayJ, Map<String, Share> perState, Map<String, Share> perProgram, long parts,
		double energyPerPartJ, List<Diagnostic> diagnostics, boolean stale) {

	/** Time, energy and (for programs) parts of one state or program. */
	public record Share(double seconds, double energyJ, long parts) {
	}

	public MeterAggregate {
		energyPerDayJ = Collections.unmodifiableSortedMap(new TreeMap<>(energyPerDayJ));
		perState = Collections.unmodifiableMap(new LinkedHashMap<>(perState));
		perProgram = Collections.unmodifiableMap(new LinkedHashMap<>(perProgram));
		diagnostics = List.copyOf(diagnostics);
	}

	/** The same aggregate marked stale (the source failed; this is the last good one), with the failure noted. */
	public MeterAggregate asStale(Diagnostic why) {
		List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
		if (why != null) {
			all.add(why);
		}
		return new MeterAggregate(periodStart, periodEnd, samples, energyJ, coveredSeconds, coverage, longestGapSeconds,
				longestGapStart, samplingIntervalSeconds, energyPerDayJ, perState, perProgram, parts, energyPerPartJ, all, true);
	}

	/** The period's length, s. */
	public double periodSeconds() {
		return (periodEnd.toEpochMilli() - periodStart.toEpochMilli()) / 1000.0;
	}

	/** Mean power over the covered time, W; NaN without coverage. */
	public double meanPowerW() {
		return coveredSeconds > 0 ? energyJ / coveredSeconds : Double.NaN;
	}

	/** A state's share of the covered time, 0..1 (0 if unknown). */
	public double timeShare(String state) {
		Share share = perState.get(state);
		return share == null || coveredSeconds <= 0 ? 0 : share.seconds() / coveredSeconds;
	}

	/** Whether any diagnostic is an error. */
	public boolean hasErrors() {
		return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
	}
}
