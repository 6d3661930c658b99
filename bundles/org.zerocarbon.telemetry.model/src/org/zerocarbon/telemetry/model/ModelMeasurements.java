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
import org.zerocarbon.model.zc.DataFormat;
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
import org.zerocarbon.telemetry.mtconnect.MTConnectAgentSource;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;

/**
 * The measured data of a model's meters: each meter that reads a data source ({@code meter ... from Source}) is bound
 * to it, its records are streamed through an {@link Aggregator}, and the aggregate is cached by the data's identity
 * (every file's size, mtime and hash), the binding and the period — a build that touches neither data nor binding
 * re-reads no data. Live sources (an MTConnect agent, an OPC UA server) are read only when asked
 * ({@code readLive}: on demand or on the user's schedule, never on every save); otherwise their last aggregate is used.
 * A source that fails keeps its last good aggregate, marked stale; without one the meter gets an empty aggregate whose
 * diagnostic says why, so the failure reaches the report and the markers instead of an exception. The meters of one
 * live MTConnect agent share one connection and one read per instance ({@link AgentReads}).
 */
public final class ModelMeasurements implements Measurements {

	private final MeasurementCache cache;
	private final OpcUaCredentials credentials;
	private final boolean readLive;
	private final SubMonitor progress;
	private final Map<Meter, MeterAggregate> memo = new HashMap<>();
	/** The live MTConnect agents of this run, by URL: one connection and one read per agent, whatever its meters. */
	private final Map<String, MTConnectAgentSource> agents = new HashMap<>();

	/**
	 * @param cache    aggregates of earlier builds (share one per workspace or CLI run)
	 * @param readLive whether live sources are read now (refresh) or only their cached aggregates are used
	 * @param monitor  progress and cancellation of long ingests (may be null)
	 */
	public ModelMeasurements(MeasurementCache cache, boolean readLive, IProgressMonitor monitor) {
		this(cache, readLive, monitor, OpcUaCredentials.fromEnvironment());
	}

	/**
	 * @param cache       aggregates of earlier builds (share one per workspace or CLI run)
	 * @param readLive    whether live sources are read now (refresh) or only their cached aggregates are used
	 * @param monitor     progress and cancellation of long ingests (may be null)
	 * @param credentials the security policy and identity per OPC UA server (the workbench's secure storage;
	 *                    headless runs use the environment, see {@link OpcUaCredentials#fromEnvironment()})
	 */
	public ModelMeasurements(MeasurementCache cache, boolean readLive, IProgressMonitor monitor, OpcUaCredentials credentials) {
		this.credentials = credentials;
		this.cache = cache;
		this.readLive = readLive;
		this.progress = SubMonitor.convert(monitor, "Reading measured data", 100);
	}

	@Override
	public synchronized MeterAggregate of(Meter meter) {
		if (meter.getSource() == null || meter.getSource().eIsProxy()) {
			return null;
		}
		MeterAggregate known = memo.get(meter);
		if (known == null) {
			known = read(meter); // may also read (and memoise) the other meters of the same agent
			memo.put(meter, known);
		}
		return known;
	}

	/** A meter ready to be read: its binding, period, source, spec and cache key; or the aggregate when it is known. */
	record Prepared(Meter meter, String binding, Instant[] period, TelemetrySource telemetry, MeterSpec spec, String key,
			MeterAggregate known) {
	}

	private MeterAggregate read(Meter meter) {
		Prepared prepared = prepare(meter);
		if (prepared.known() != null) {
			return prepared.known();
		}
		if (prepared.telemetry() instanceof MTConnectAgentSource) {
			return AgentReads.read(prepared, this);
		}
		TelemetrySource telemetry = prepared.telemetry();
		Aggregator aggregator = Aggregator.of(prepared.spec(), prepared.period()[0], prepared.period()[1], telemetry);
		try {
			telemetry.read(prepared.period()[0], prepared.period()[1], aggregator, progress.split(10));
		} catch (TelemetryException e) {
			return failed(prepared.binding(), Diagnostic.error(e.source(), e.line(), null, e.getMessage()));
		}
		MeterAggregate aggregate = aggregator.finish();
		cache.put(prepared.key(), prepared.binding(), aggregate);
		return aggregate;
	}

	/**
	 * Binds a meter to its source. Live MTConnect agents are opened once per run and URL ({@link #agents}), so that
	 * the meters of one agent share one connection and one read (see {@link AgentReads}).
	 */
	Prepared prepare(Meter meter) {
		DataSource source = meter.getSource();
		Instant[] period;
		MeterSpec spec;
		TelemetrySource telemetry;
		String binding = bindingKey(meter);
		try {
			period = SourceBinding.period(source);
			telemetry = source.isLive() && source.getFormat() == DataFormat.MTCONNECT
					? agent(source)
					: SourceBinding.open(source, meter, credentials);
			String item = item(meter, telemetry);
			MeteredQuantity measured = MeterBinding.measured(meter);
			spec = MeterBinding.spec(meter, item, measured, MeterBinding.joules(meter.getRollover()),
					LiveSources.events(meter, source, telemetry, item));
		} catch (TelemetryException e) {
			return known(meter, failed(binding, Diagnostic.error(e.source(), e.line(), null, e.getMessage())));
		} catch (IllegalArgumentException e) {
			return known(meter, failed(binding, Diagnostic.error(source.getName(), -1, null, e.getMessage())));
		}
		String key;
		try {
			Fingerprint fingerprint = telemetry.fingerprint();
			boolean live = fingerprint == null;
			key = (live ? "live:" + telemetry.description() : fingerprint.asString()) + "|" + spec.key() + "|" + period[0] + "|" + period[1];
			MeterAggregate known = cache.get(key);
			if (known != null && (!live || !readLive)) {
				return known(meter, known);
			}
			if (live && !readLive) {
				MeterAggregate last = cache.last(binding);
				return known(meter, last != null ? last : empty(Diagnostic.info(telemetry.description(), -1, null,
						"live source not read yet: refresh the measurements to read it")));
			}
		} catch (IOException e) {
			return known(meter, failed(binding, Diagnostic.error(telemetry.description(), -1, null, "cannot read the data: " + e.getMessage())));
		}
		return new Prepared(meter, binding, period, telemetry, spec, key, null);
	}

	private MTConnectAgentSource agent(DataSource source) throws TelemetryException {
		MTConnectAgentSource agent = agents.get(AgentReads.url(source));
		if (agent == null) {
			agent = LiveSources.agent(source);
			agents.put(AgentReads.url(source), agent);
		}
		return agent;
	}

	private static Prepared known(Meter meter, MeterAggregate aggregate) {
		return new Prepared(meter, null, null, null, null, null, aggregate);
	}

	/** The meter's aggregate in this run, or null. */
	MeterAggregate memoised(Meter meter) {
		return memo.get(meter);
	}

	/** Whether the meter's aggregate is known in this run. */
	boolean done(Meter meter) {
		return memo.containsKey(meter);
	}

	/** Records a meter's aggregate read with others (a shared agent): in the cache and for this run. */
	void readWith(Prepared prepared, MeterAggregate aggregate, boolean failed) {
		if (!failed) {
			cache.put(prepared.key(), prepared.binding(), aggregate);
		}
		memo.put(prepared.meter(), aggregate);
	}

	/** Progress for one read. */
	SubMonitor progressOfOneRead() {
		return progress.split(10);
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
	MeterAggregate failed(String binding, Diagnostic why) {
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
