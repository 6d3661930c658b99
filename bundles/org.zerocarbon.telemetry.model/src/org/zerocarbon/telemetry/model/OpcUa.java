package org.zerocarbon.telemetry.model;

import java.net.URI;

import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/** OPC UA servers, through the OPC UA source of org.zerocarbon.telemetry.opcua (Eclipse Milo). */
final class OpcUa {

	private OpcUa() {
	}

	static TelemetrySource open(DataSource source, URI endpoint) throws TelemetryException {
		throw new TelemetryException(source.getName(), "OPC UA servers are not supported by this build");
	}
}
