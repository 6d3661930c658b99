package org.zerocarbon.telemetry.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.zerocarbon.lang.data.DataLocations;
import org.zerocarbon.model.zc.DataFormat;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;
import org.zerocarbon.telemetry.mtconnect.DataItemInfo;
import org.zerocarbon.telemetry.mtconnect.MTConnectAgentSource;
import org.zerocarbon.telemetry.mtconnect.MTConnectFileSource;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;

/**
 * MTConnect sources (recorded Streams files with an optional probe, and live agents) and OPC UA servers, and what
 * MTConnect lets a binding find by itself: an item by type, and the EXECUTION, POWER_STATE, PROGRAM and PART_COUNT
 * items of the device the meter's item belongs to.
 */
final class LiveSources {

	/** How long a live source may take to connect or answer one request. */
	static final Duration TIMEOUT = Duration.ofSeconds(10);
	private static final int PAGE = 10_000;

	/** The event items of a meter: explicit in the model, or found on the item's device (MTConnect). */
	record Events(String state, String powerState, String program, String parts) {
	}

	private LiveSources() {
	}

	static TelemetrySource open(DataSource source, Meter meter, OpcUaCredentials credentials) throws TelemetryException {
		URI uri = uri(source);
		if (source.getFormat() == DataFormat.MTCONNECT) {
			return new MTConnectAgentSource(uri, null, TIMEOUT, PAGE);
		}
		if (source.getFormat() == DataFormat.OPCUA) {
			return OpcUa.open(source, meter, credentials);
		}
		throw new TelemetryException(source.getName(), "a " + source.getFormat().getLiteral() + " source is a file, not a URL");
	}

	/** A client of the source's MTConnect agent (it connects at its first read). */
	static MTConnectAgentSource agent(DataSource source) throws TelemetryException {
		return new MTConnectAgentSource(uri(source), null, TIMEOUT, PAGE);
	}

	private static URI uri(DataSource source) throws TelemetryException {
		try {
			return new URI(source.getLocation());
		} catch (URISyntaxException e) {
			throw new TelemetryException(source.getName(), "'" + source.getLocation() + "' is not a URL: " + e.getReason());
		}
	}

	static TelemetrySource mtconnectFiles(DataSource source, List<Path> files) throws TelemetryException {
		Path probe = null;
		if (source.getProbe() != null) {
			List<Path> found = DataLocations.folderOf(source.eResource()).map(f -> DataLocations.files(f, source.getProbe())).orElse(List.of());
			if (found.isEmpty()) {
				throw new TelemetryException(source.getName(), "no probe document at '" + source.getProbe() + "'");
			}
			probe = found.get(0);
		}
		return new MTConnectFileSource(files, probe);
	}

	/** The dataItemId of the source's item of that MTConnect type (and subType). */
	static String itemOfType(TelemetrySource telemetry, String type, String subType) throws TelemetryException {
		if (telemetry instanceof MTConnectFileSource files) {
			String id = files.resolve(type, subType, null, null);
			if (id == null) {
				throw new TelemetryException(telemetry.description(), "no single data item of type " + type + (subType == null ? "" : ":" + subType)
						+ " in the streams or the probe: bind the meter by its dataItemId (item \"...\")");
			}
			return id;
		}
		throw new TelemetryException(telemetry.description(), "binding by type (" + type + ") needs recorded Streams files or a probe; bind a "
				+ "live source by its dataItemId (item \"...\")");
	}

	/** The meter's event items: its own, the CSV source's columns, or (MTConnect files) those of the item's device. */
	static Events events(Meter meter, DataSource source, TelemetrySource telemetry, String item) throws TelemetryException {
		String state = meter.getStateItem() != null ? meter.getStateItem() : source.getStateColumn();
		String program = meter.getProgramItem() != null ? meter.getProgramItem() : source.getProgramColumn();
		String parts = meter.getPartsItem() != null ? meter.getPartsItem() : source.getPartsColumn();
		String powerState = null;
		if (telemetry instanceof MTConnectFileSource files) {
			String device = device(files, item);
			state = state != null ? state : files.resolve("EXECUTION", null, device, null);
			powerState = files.resolve("POWER_STATE", null, device, null);
			program = program != null ? program : files.resolve("PROGRAM", null, device, null);
			parts = parts != null ? parts : files.resolve("PART_COUNT", null, device, null);
		}
		return new Events(state, powerState, program, parts);
	}

	private static String device(MTConnectFileSource files, String item) throws TelemetryException {
		DataItemInfo info = files.probe() != null ? files.probe().items().get(item) : null;
		if (info == null) {
			files.resolve("EXECUTION", null, null, null); // scans the streams' items
			info = files.seenDataItems().get(item);
		}
		return info == null ? null : info.device();
	}
}
