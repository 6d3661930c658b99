package org.zerocarbon.telemetry.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.api.subscriptions.UaSubscription;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MonitoringMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoredItemCreateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.MonitoringParameters;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;

/**
 * Live values of an {@link OpcUaSource}'s items: one subscription with a monitored item per item, delivering to a
 * {@link RecordSink} (in SI, bad status = unavailable) from Milo's threads until {@link #stop()}. The sink must be
 * thread-safe if it is shared. {@link #close()} stops and disconnects.
 */
public final class OpcUaLive implements AutoCloseable {

	private final OpcUaSource source;
	private final Duration samplingInterval;
	private final RecordSink sink;
	private OpcUaClient client;
	private UaSubscription subscription;

	OpcUaLive(OpcUaSource source, Duration samplingInterval, RecordSink sink) {
		this.source = source;
		this.samplingInterval = Objects.requireNonNull(samplingInterval, "samplingInterval");
		this.sink = Objects.requireNonNull(sink, "sink");
	}

	/** Connects, binds the items and subscribes; items that cannot be bound are diagnostics on the sink. */
	public synchronized void start() throws TelemetryException {
		if (client != null) {
			return;
		}
		OpcUaClient connected = source.connect();
		try {
			double millis = samplingInterval.toMillis();
			List<MonitoredItemCreateRequest> requests = new ArrayList<>();
			List<OpcUaItem> bound = new ArrayList<>();
			List<Double> factors = new ArrayList<>();
			for (OpcUaItem item : source.items()) {
				NodeId node = source.resolve(connected, item, sink);
				Double factor = node == null ? null : source.factor(connected, item, node, sink);
				if (factor == null) {
					continue;
				}
				bound.add(item);
				factors.add(factor);
				requests.add(new MonitoredItemCreateRequest(new ReadValueId(node, uint(13), null, QualifiedName.NULL_VALUE),
						MonitoringMode.Reporting, new MonitoringParameters(uint(requests.size() + 1), millis, null,
								uint(10), true)));
			}
			UaSubscription created = source.await(connected.getSubscriptionManager().createSubscription(millis),
					"subscribe at");
			if (!requests.isEmpty()) {
				List<UaMonitoredItem> items = source.await(created.createMonitoredItems(TimestampsToReturn.Both,
						requests, (monitored, index) -> monitored
								.setValueConsumer(value -> deliver(bound.get(index), factors.get(index), value))),
						"monitor items at");
				for (int i = 0; i < items.size(); i++) {
					if (items.get(i).getStatusCode().isBad()) {
						sink.diagnostic(Diagnostic.error(source.description(), -1, null, "cannot monitor '"
								+ bound.get(i).channel() + "': " + items.get(i).getStatusCode()));
					}
				}
			}
			client = connected;
			subscription = created;
		} catch (TelemetryException | RuntimeException e) {
			source.disconnect(connected);
			throw e;
		}
	}

	private void deliver(OpcUaItem item, double factor, DataValue value) {
		DateTime time = value.getSourceTime() != null && !value.getSourceTime().isNull() ? value.getSourceTime()
				: value.getServerTime() != null && !value.getServerTime().isNull() ? value.getServerTime() : DateTime.now();
		long ms = time.getJavaTime();
		if (value.getStatusCode() != null && value.getStatusCode().isBad()) {
			sink.unavailable(item.channel(), ms);
		} else if (value.getValue().getValue() instanceof Number number) {
			sink.value(item.channel(), ms, number.doubleValue() * factor);
		}
	}

	/** Ends the subscription (the session stays for a later {@link #start()} only after {@link #close()}). */
	public synchronized void stop() {
		if (client != null && subscription != null) {
			try {
				source.await(client.getSubscriptionManager().deleteSubscription(subscription.getSubscriptionId()),
						"unsubscribe from");
			} catch (TelemetryException e) {
				// the session is going away anyway
			}
			subscription = null;
		}
	}

	/** Stops and disconnects. */
	@Override
	public synchronized void close() {
		stop();
		if (client != null) {
			source.disconnect(client);
			client = null;
		}
	}
}
