package org.zerocarbon.telemetry.opcua;

import java.util.Objects;

import org.zerocarbon.telemetry.Signal;

/**
 * One bound OPC UA variable: by node id text ({@code ns=2;s=VMC1.ActivePowerTotal}) or by a browse path from the
 * Objects folder ({@code Machines/VMC1/EnergyManagement/ActivePowerTotal}; a segment may carry a namespace index,
 * {@code 3:VMC1}, else any namespace matches the name). The channel records go to is the text as the user bound it.
 *
 * @param channel    the RecordSink channel (the node id or the browse path, as written)
 * @param nodeId     the node id text, or null
 * @param browsePath the browse path, or null
 * @param signal     what it measures (decides which EngineeringUnits are acceptable)
 */
public record OpcUaItem(String channel, String nodeId, String browsePath, Signal signal) {

	public OpcUaItem {
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(signal, "signal");
		if ((nodeId == null) == (browsePath == null)) {
			throw new IllegalArgumentException("an OPC UA item needs exactly one of node id and browse path");
		}
	}

	/** Bound by node id; the channel is the node id text. */
	public static OpcUaItem node(String nodeId, Signal signal) {
		return new OpcUaItem(nodeId, nodeId, null, signal);
	}

	/** Bound by browse path from the Objects folder; the channel is the path text. */
	public static OpcUaItem path(String browsePath, Signal signal) {
		return new OpcUaItem(browsePath, null, browsePath, signal);
	}
}
