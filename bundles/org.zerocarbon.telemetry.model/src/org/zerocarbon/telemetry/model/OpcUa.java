package org.zerocarbon.telemetry.model;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeteredQuantity;
import org.zerocarbon.telemetry.Signal;
import org.zerocarbon.telemetry.TelemetrySource;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;
import org.zerocarbon.telemetry.opcua.OpcUaItem;
import org.zerocarbon.telemetry.opcua.OpcUaSource;

/**
 * OPC UA servers, through org.zerocarbon.telemetry.opcua (Eclipse Milo): the meter's nodes (by node id or browse
 * path) are read for its period. Credentials and the security policy never come from the model: headless from
 * ZCW_OPCUA_USER, ZCW_OPCUA_PASSWORD and ZCW_OPCUA_SECURITY, anonymous without them; in the workbench from its secure
 * storage (the preference page ZeroCarbon > OPC UA Servers).
 */
final class OpcUa {

	private OpcUa() {
	}

	/** The server of the meter's source, reading the meter's items, connecting with the given credentials. */
	static TelemetrySource open(DataSource source, Meter meter, OpcUaCredentials credentials) {
		MeteredQuantity measured = MeterBinding.measured(meter);
		List<OpcUaItem> items = new ArrayList<>();
		if (meter.getCurrentItem() != null) {
			items.add(item(meter.getCurrentItem(), Signal.CURRENT));
			items.add(item(meter.getVoltageItem(), Signal.VOLTAGE));
			if (meter.getPowerFactorItem() != null) {
				items.add(item(meter.getPowerFactorItem(), Signal.POWER_FACTOR));
			}
		} else if (meter.getBrowsePath() != null) {
			items.add(OpcUaItem.path(meter.getBrowsePath(), signal(measured)));
		} else if (meter.getDataItem() != null) {
			items.add(OpcUaItem.node(meter.getDataItem(), signal(measured)));
		}
		return new OpcUaSource(source.getName(), source.getLocation(), items, credentials, LiveSources.TIMEOUT);
	}

	private static OpcUaItem item(String text, Signal signal) {
		return text.startsWith("ns=") || text.startsWith("i=") ? OpcUaItem.node(text, signal) : OpcUaItem.path(text, signal);
	}

	private static Signal signal(MeteredQuantity measured) {
		return measured == MeteredQuantity.ENERGY ? Signal.ENERGY_COUNTER : Signal.POWER;
	}
}
