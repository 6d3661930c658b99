package org.zerocarbon.telemetry.model;

import java.nio.file.Path;
import java.util.List;

import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/** MTConnect (files and agents) and OPC UA sources. */
final class LiveSources {

	private LiveSources() {
	}

	static TelemetrySource open(DataSource source) throws TelemetryException {
		throw new TelemetryException(source.getName(), source.getFormat().getLiteral() + " endpoints are not supported by this build");
	}

	static TelemetrySource mtconnectFiles(DataSource source, List<Path> files) throws TelemetryException {
		throw new TelemetryException(source.getName(), "MTConnect files are not supported by this build");
	}

	/** The dataItemId of the source's item of that MTConnect type (and subType). */
	static String itemOfType(TelemetrySource telemetry, String type, String subType) throws TelemetryException {
		throw new TelemetryException(telemetry.description(), "binding by type (" + type + ") is not supported by this build");
	}
}
