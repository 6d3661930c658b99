package org.zerocarbon.telemetry.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.zerocarbon.model.zc.DataFormat;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeteredQuantity;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * A meter's records of a period exactly as its recorded source delivers them (values in SI), for an evidence
 * package's raw-sample files: the same binding as {@link ModelMeasurements} (source, value item, current, voltage and
 * power-factor items, state, program and part-count items), but streamed instead of aggregated. Live sources are
 * not read.
 */
public final class RawSamples {

	/**
	 * One channel of a meter.
	 *
	 * @param name the source's channel (CSV column, dataItemId)
	 * @param role what it is to the meter: {@code power}, {@code energy}, {@code current}, {@code voltage},
	 *             {@code power factor}, {@code state}, {@code power state}, {@code program} or {@code parts}
	 * @param unit the SI unit of its values ({@code W}, {@code J}, {@code A}, {@code V}, {@code 1}); empty for events
	 */
	public record Channel(String name, String role, String unit) {
	}

	private RawSamples() {
	}

	/**
	 * Streams the records of the meter's channels in [from, to) into the sink (other channels of the source are
	 * left out) and returns the channels, value channels first.
	 *
	 * @throws TelemetryException when the meter has no recorded source or it cannot be read
	 */
	public static List<Channel> read(Meter meter, Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		DataSource source = meter.getSource();
		if (source == null || source.eIsProxy()) {
			throw new TelemetryException(meter.getName(), "meter " + meter.getName() + " reads no data source");
		}
		if (source.isLive() || source.getFormat() == DataFormat.OPCUA) {
			throw new TelemetryException(source.getName(), "a live source is not read for raw samples");
		}
		TelemetrySource telemetry = SourceBinding.open(source, meter);
		String item = valueItem(meter, telemetry);
		Map<String, Channel> channels = new LinkedHashMap<>();
		if (meter.getCurrentItem() != null) {
			add(channels, meter.getCurrentItem(), "current", "A");
			add(channels, meter.getVoltageItem(), "voltage", "V");
			add(channels, meter.getPowerFactorItem(), "power factor", "1");
		} else if (MeterBinding.measured(meter) == MeteredQuantity.ENERGY) {
			add(channels, item, "energy", "J");
		} else {
			add(channels, item, "power", "W");
		}
		LiveSources.Events events = LiveSources.events(meter, source, telemetry, item);
		add(channels, events.state(), "state", "");
		add(channels, events.powerState(), "power state", "");
		add(channels, events.program(), "program", "");
		add(channels, events.parts(), "parts", "");
		telemetry.read(from, to, new RecordSink() {
			@Override
			public void value(String channel, long epochMillis, double si) {
				if (channels.containsKey(channel)) {
					sink.value(channel, epochMillis, si);
				}
			}

			@Override
			public void unavailable(String channel, long epochMillis) {
				if (channels.containsKey(channel)) {
					sink.unavailable(channel, epochMillis);
				}
			}

			@Override
			public void event(EventKind kind, String channel, long epochMillis, String value) {
				if (channels.containsKey(channel)) {
					sink.event(kind, channel, epochMillis, value);
				}
			}

			@Override
			public void diagnostic(Diagnostic diagnostic) {
				sink.diagnostic(diagnostic);
			}
		}, monitor);
		return new ArrayList<>(channels.values());
	}

	/**
	 * The value channel as {@link ModelMeasurements} binds it; only the recorded kinds (a CSV column or dataItemId,
	 * a current item, an MTConnect type).
	 */
	private static String valueItem(Meter meter, TelemetrySource telemetry) throws TelemetryException {
		String named = meter.getDataItem() != null ? meter.getDataItem() : meter.getCurrentItem();
		if (named != null) {
			return named;
		}
		if (meter.getItemType() != null) {
			return LiveSources.itemOfType(telemetry, meter.getItemType(), meter.getSubType());
		}
		throw new TelemetryException(meter.getSource().getName(), "meter " + meter.getName() + " names no item of the source");
	}

	private static void add(Map<String, Channel> channels, String name, String role, String unit) {
		if (name != null) {
			channels.putIfAbsent(name, new Channel(name, role, unit));
		}
	}
}
