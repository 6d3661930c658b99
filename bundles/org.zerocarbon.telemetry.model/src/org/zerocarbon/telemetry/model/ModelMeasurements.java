package org.zerocarbon.telemetry.model;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeteredQuantity;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * The measured data of a model's meters: each meter that reads a data source ({@code meter ... from Source}) is bound
 * to it, its records are streamed through an {@link Aggregator}, and the aggregate is cached by the data's identity
 * (every file's size, mtime and hash), the binding and the period — a build that touches neither data nor binding
 * re-reads no data. Live sources (an MTConnect agent, an OPC UA server) are read only when asked
 * ({@code readLive}: on demand or on the user's schedule, never on every save); otherwise their last aggregate is used.
 * A source that fails keeps its last good aggregate, marked stale; without one the meter gets an empty aggregate whose
 * diagnostic says why, so the failure reaches the report and the markers instead of an exception.
 */
public final class ModelMeasurements implements Measurements {

	private final MeasurementCache cache;
	private final boolean readLive;
	private final SubMonitor progress;
	private final Map<Meter, MeterAggregate> memo = new HashMap<>();

	/**
	 * @param cache    aggregates of earlier builds (share one per workspace or CLI run)
	 * @param readLive whether live sources are read now (refresh) or only their cached aggregates are used
	 * @param monitor  progress and cancellation of long ingests (may be null)
	 */
	public ModelMeasurements(MeasurementCache cache, boolean readLive, IProgressMonitor monitor) {
		this.cache = cache;
		this.readLive = readLive;
		this.progress = SubMonitor.convert(monitor, "Reading measured data", 100);
	}

	@Override
	public synchronized MeterAggregate of(Meter meter) {
		if (meter.getSource() == null || meter.getSource().eIsProxy()) {
			return null;
		}
		return memo.computeIfAbsent(meter, this::read);
	}

	private MeterAggregate read(Meter meter) {
		DataSource source = meter.getSource();
		Instant[] period;
		MeterSpec spec;
		TelemetrySource telemetry;
		String binding = bindingKey(meter);
		try {
			period = SourceBinding.period(source);
			telemetry = SourceBinding.open(source, meter);
			String item = item(meter, telemetry);
			MeteredQuantity measured = MeterBinding.measured(meter);
			spec = MeterBinding.spec(meter, item, measured, MeterBinding.joules(meter.getRollover()),
					LiveSources.events(meter, source, telemetry, item));
		} catch (TelemetryException e) {
			return failed(binding, Diagnostic.error(e.source(), e.line(), null, e.getMessage()));
		} catch (IllegalArgumentException e) {
			return failed(binding, Diagnostic.error(source.getName(), -1, null, e.getMessage()));
		}
		String key;
		try {
			Fingerprint fingerprint = telemetry.fingerprint();
			boolean live = fingerprint == null;
			key = (live ? "live:" + telemetry.description() : fingerprint.asString()) + "|" + spec.key() + "|" + period[0] + "|" + period[1];
			MeterAggregate known = cache.get(key);
			if (known != null && (!live || !readLive)) {
				return known;
			}
			if (live && !readLive) {
				MeterAggregate last = cache.last(binding);
				return last != null ? last : empty(Diagnostic.info(telemetry.description(), -1, null,
						"live source not read yet: refresh the measurements to read it"));
			}
		} catch (IOException e) {
			return failed(binding, Diagnostic.error(telemetry.description(), -1, null, "cannot read the data: " + e.getMessage()));
		}
		Aggregator aggregator = Aggregator.of(spec, period[0], period[1], telemetry);
		try {
			telemetry.read(period[0], period[1], aggregator, progress.split(10));
		} catch (TelemetryException e) {
			return failed(binding, Diagnostic.error(e.source(), e.line(), null, e.getMessage()));
		}
		MeterAggregate aggregate = aggregator.finish();
		cache.put(key, binding, aggregate);
		return aggregate;
	}

	/** The value channel: a CSV column, a dataItemId (or one found by type), an OPC UA node id or browse path. */
	private static String item(Meter meter, TelemetrySource telemetry) throws TelemetryException {
		if (meter.getDataItem() != null) {
			return meter.getDataItem();
		}
		if (meter.getBrowsePath() != null) {
			return meter.getBrowsePath();
		}
		if (meter.getCurrentItem() != null) {
			return meter.getCurrentItem();
		}
		if (meter.getItemType() != null) {
			return LiveSources.itemOfType(telemetry, meter.getItemType(), meter.getSubType());
		}
		throw new TelemetryException(meter.getSource().getName(), "meter " + meter.getName() + " names no item of the source");
	}

	/** The source's last good aggregate for this binding, stale, or an empty one saying what failed. */
	private MeterAggregate failed(String binding, Diagnostic why) {
		MeterAggregate last = cache.last(binding);
		return last != null ? last.asStale(why) : empty(why);
	}

	private static MeterAggregate empty(Diagnostic why) {
		return new MeterAggregate(Instant.EPOCH, Instant.EPOCH, 0, 0, 0, 0, 0, null, Double.NaN, new TreeMap<>(), Map.of(), Map.of(), 0,
				Double.NaN, List.of(why), false);
	}

	/** Identity of a meter's binding, without the data: what "the last good aggregate" of a failing source is keyed by. */
	private static String bindingKey(Meter meter) {
		DataSource s = meter.getSource();
		return (meter.eResource() == null ? "" : meter.eResource().getURI().toString()) + "#" + meter.getName() + "|" + s.getName() + "|"
				+ s.getFormat() + "|" + s.getLocation() + "|" + meter.getDataItem() + "|" + meter.getItemType() + "|" + meter.getBrowsePath();
	}
}
