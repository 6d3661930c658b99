package org.zerocarbon.telemetry;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one meter aggregates. Build with {@link #power(String)}, {@link #counter(String)},
 * {@link #interval(String)} or {@link #derived(String, String, String, int)}, then the {@code with...} methods.
 *
 * <p><b>Power</b> comes from one POWER channel, or is derived from CURRENT × VOLTAGE × POWER_FACTOR channels (the
 * power factor is optional, 1 if absent): one phase P = U·I·PF; three phases (balanced, U line-to-line, I per phase)
 * P = √3·U·I·PF. <b>Energy</b> comes from an ENERGY_COUNTER channel (cumulative J, with an optional rollover maximum:
 * a drop without one is a reset) or an ENERGY_INTERVAL channel (J per record).
 *
 * <p>A record spacing above the gap threshold (default 3 × the nominal interval) is a gap: not integrated, not
 * covered. Energy states come from the state channel (CSV state column or MTConnect EXECUTION), mapped by
 * {@link #stateMapping()} over {@link #DEFAULT_EXECUTION_MAPPING}; a POWER_STATE channel's OFF overrides them
 * ("off"). Without a state signal the power thresholds decide; with one, they only refine "ready" (which EXECUTION
 * cannot tell from standby) into "standby" or "off" when the interval's mean power falls in those bands. Day buckets
 * are local dates in {@link #zone()}.
 *
 * @param signal             POWER, ENERGY_COUNTER, ENERGY_INTERVAL, or CURRENT for power derived from U × I × PF
 * @param channel            the value channel (POWER/ENERGY_*), or the current channel (CURRENT)
 * @param voltageChannel     derived power only, else null
 * @param powerFactorChannel derived power only, null = PF 1
 * @param phases             1 or 3 (derived power)
 * @param rolloverMaxJ       ENERGY_COUNTER: the value after which the counter restarts at 0, J; null = unknown
 * @param integration        how power is integrated; null = the source's {@link TelemetrySource#defaultIntegration()}
 * @param nominalInterval    the meter's declared sampling interval
 * @param gapThreshold       a record spacing above it is a gap; null = 3 × nominal
 * @param stateChannel       state column or EXECUTION data item, null if none
 * @param powerStateChannel  POWER_STATE data item, null if none
 * @param stateMapping       raw state value (case-insensitive) → energy state, consulted before the default mapping
 * @param thresholds         ascending (state, upper bound W) used when there is no state signal; last open-ended
 * @param programChannel     PROGRAM data item or program column, null if none
 * @param partCountChannel   PART_COUNT data item or count column, null if none
 * @param zone               zone of the per-day buckets
 */
public record MeterSpec(Signal signal, String channel, String voltageChannel, String powerFactorChannel, int phases,
		Double rolloverMaxJ, Integration integration, Duration nominalInterval, Duration gapThreshold,
		String stateChannel, String powerStateChannel, Map<String, String> stateMapping, List<Threshold> thresholds,
		String programChannel, String partCountChannel, ZoneId zone) {

	/** The energy states of VDMA 34179 as the model names them. */
	public static final List<String> STATES = List.of("off", "standby", "ready", "warmup", "processing");

	/** The state of time with a state signal whose value is not known yet (or unmapped). */
	public static final String UNKNOWN_STATE = "unknown";

	/**
	 * MTConnect EXECUTION → energy state: ACTIVE → processing; READY, INTERRUPTED, FEED_HOLD, STOPPED, OPTIONAL_STOP,
	 * PROGRAM_STOPPED, PROGRAM_COMPLETED, WAIT → ready. POWER_STATE OFF → off overrides all. A raw value that already
	 * is a state name (any case) maps to itself.
	 */
	public static final Map<String, String> DEFAULT_EXECUTION_MAPPING = Map.of("ACTIVE", "processing", "READY", "ready",
			"INTERRUPTED", "ready", "FEED_HOLD", "ready", "STOPPED", "ready", "OPTIONAL_STOP", "ready",
			"PROGRAM_STOPPED", "ready", "PROGRAM_COMPLETED", "ready", "WAIT", "ready");

	/** One power band: below {@code upperW} (exclusive) the machine is in {@code state}; null = open-ended. */
	public record Threshold(String state, Double upperW) {
	}

	public MeterSpec {
		Objects.requireNonNull(signal, "signal");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(nominalInterval, "nominalInterval");
		if (nominalInterval.isNegative() || nominalInterval.isZero()) {
			throw new IllegalArgumentException("the nominal interval must be positive: " + nominalInterval);
		}
		if (signal == Signal.CURRENT && voltageChannel == null) {
			throw new IllegalArgumentException("derived power needs a voltage channel");
		}
		if (signal == Signal.VOLTAGE || signal == Signal.POWER_FACTOR) {
			throw new IllegalArgumentException("a meter measures POWER, ENERGY_COUNTER, ENERGY_INTERVAL or CURRENT x VOLTAGE");
		}
		if (phases != 1 && phases != 3) {
			throw new IllegalArgumentException("phases must be 1 or 3: " + phases);
		}
		Map<String, String> upper = new LinkedHashMap<>();
		(stateMapping == null ? Map.<String, String>of() : stateMapping).forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), v));
		stateMapping = Map.copyOf(upper);
		thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
		zone = zone == null ? ZoneOffset.UTC : zone;
	}

	public static MeterSpec power(String channel) {
		return base(Signal.POWER, channel);
	}

	public static MeterSpec counter(String channel) {
		return base(Signal.ENERGY_COUNTER, channel);
	}

	public static MeterSpec interval(String channel) {
		return base(Signal.ENERGY_INTERVAL, channel);
	}

	/** Power from current × voltage (× power factor, may be null), 1 or 3 phases. */
	public static MeterSpec derived(String current, String voltage, String powerFactor, int phases) {
		return new MeterSpec(Signal.CURRENT, current, voltage, powerFactor, phases, null, null, Duration.ofSeconds(1), null,
				null, null, null, null, null, null, null);
	}

	private static MeterSpec base(Signal signal, String channel) {
		return new MeterSpec(signal, channel, null, null, 1, null, null, Duration.ofSeconds(1), null, null, null, null, null,
				null, null, null);
	}

	public MeterSpec withRollover(Double maxJ) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, maxJ, integration, nominalInterval,
				gapThreshold, stateChannel, powerStateChannel, stateMapping, thresholds, programChannel, partCountChannel, zone);
	}

	public MeterSpec withIntegration(Integration rule) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, rolloverMaxJ, rule, nominalInterval,
				gapThreshold, stateChannel, powerStateChannel, stateMapping, thresholds, programChannel, partCountChannel, zone);
	}

	public MeterSpec withInterval(Duration nominal, Duration gap) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, rolloverMaxJ, integration, nominal,
				gap, stateChannel, powerStateChannel, stateMapping, thresholds, programChannel, partCountChannel, zone);
	}

	public MeterSpec withState(String state, String powerState, Map<String, String> mapping) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, rolloverMaxJ, integration,
				nominalInterval, gapThreshold, state, powerState, mapping, thresholds, programChannel, partCountChannel, zone);
	}

	public MeterSpec withThresholds(List<Threshold> bands) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, rolloverMaxJ, integration,
				nominalInterval, gapThreshold, stateChannel, powerStateChannel, stateMapping, bands, programChannel,
				partCountChannel, zone);
	}

	public MeterSpec withProgram(String program, String partCount) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, rolloverMaxJ, integration,
				nominalInterval, gapThreshold, stateChannel, powerStateChannel, stateMapping, thresholds, program, partCount, zone);
	}

	public MeterSpec withZone(ZoneId dayZone) {
		return new MeterSpec(signal, channel, voltageChannel, powerFactorChannel, phases, rolloverMaxJ, integration,
				nominalInterval, gapThreshold, stateChannel, powerStateChannel, stateMapping, thresholds, programChannel,
				partCountChannel, dayZone);
	}

	/** The gap threshold in effect: the given one, or 3 × the nominal interval. */
	public Duration effectiveGapThreshold() {
		return gapThreshold != null ? gapThreshold : nominalInterval.multipliedBy(3);
	}

	/** The energy state of a raw state value: the spec's mapping, then the default, then the value if it is a state. */
	public String mapState(String raw) {
		if (raw == null) {
			return null;
		}
		String key = raw.trim().toUpperCase(Locale.ROOT);
		String state = stateMapping.get(key);
		if (state == null) {
			state = DEFAULT_EXECUTION_MAPPING.get(key);
		}
		if (state == null && STATES.contains(key.toLowerCase(Locale.ROOT))) {
			state = key.toLowerCase(Locale.ROOT);
		}
		return state;
	}

	/** The state of a mean power by the thresholds, or null without thresholds. */
	public String stateOfPower(double watts) {
		for (Threshold band : thresholds) {
			if (band.upperW() == null || watts < band.upperW()) {
				return band.state();
			}
		}
		return thresholds.isEmpty() ? null : thresholds.get(thresholds.size() - 1).state();
	}

	/** The channels this meter reads (for sources that can skip the others). */
	public List<String> channels() {
		List<String> result = new ArrayList<>();
		for (String c : new String[] { channel, voltageChannel, powerFactorChannel, stateChannel, powerStateChannel,
				programChannel, partCountChannel }) {
			if (c != null && !result.contains(c)) {
				result.add(c);
			}
		}
		return result;
	}

	/** A stable text of everything that affects the aggregate (part of the cache key). */
	public String key() {
		return String.join("|", signal.name(), channel, String.valueOf(voltageChannel), String.valueOf(powerFactorChannel),
				String.valueOf(phases), String.valueOf(rolloverMaxJ), String.valueOf(integration),
				nominalInterval.toString(), String.valueOf(gapThreshold), String.valueOf(stateChannel),
				String.valueOf(powerStateChannel), new java.util.TreeMap<>(stateMapping).toString(), thresholds.toString(),
				String.valueOf(programChannel), String.valueOf(partCountChannel), zone.getId());
	}
}
