package org.zerocarbon.telemetry.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.api.config.OpcUaClientConfigBuilder;
import org.eclipse.milo.opcua.sdk.client.api.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.api.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.client.DiscoveryClient;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;
import org.eclipse.milo.opcua.stack.core.util.EndpointUtil;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * Values of OPC UA variables from a server's history (HistoryRead, raw values, with continuation points), in SI by
 * the nodes' EngineeringUnits. Every network step has a timeout: connect, discovery and each request; a server that
 * is down, slow or refuses the identity is a {@link TelemetryException} naming the endpoint. A bad status code on a
 * value is {@link RecordSink#unavailable}; an item that cannot be resolved or has a unit that does not fit its
 * signal is an error diagnostic and is skipped.
 */
public final class OpcUaSource implements TelemetrySource {

	/** Values asked per HistoryRead request; the server answers with a continuation point beyond. */
	static final int PAGE_SIZE = 1000;

	/** The client's application URI, also in its certificate's subject alternative name. */
	public static final String APPLICATION_URI = "urn:zerocarbon:workbench:telemetry";

	static {
		// Milo logs its versions at INFO on first use; zcw's stderr is for the user's diagnostics. SLF4J's simple
		// binding reads this once, at its first logger, so it is set before any Milo class loads (unless set).
		if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
			System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		}
		// Netty's use of sun.misc.Unsafe prints a JDK warning on Java 24+; a few OPC UA requests do not need it.
		if (System.getProperty("io.netty.noUnsafe") == null) {
			System.setProperty("io.netty.noUnsafe", "true");
		}
	}

	private final String sourceName;
	private final String endpointUrl;
	private final List<OpcUaItem> items;
	private final OpcUaCredentials credentials;
	private final Duration timeout;
	/** The trust list check of each connected client (policies other than None), closed with the connection. */
	private final Map<OpcUaClient, ServerTrust> trusts = new ConcurrentHashMap<>();

	/**
	 * @param sourceName  the model's source name (for the credentials lookup and messages), may be null
	 * @param endpointUrl {@code opc.tcp://host:port/path}
	 * @param items       the variables to read
	 * @param credentials the security policy and identity provider, null = anonymous with policy None
	 * @param timeout     for connecting and for each request, null = 10 s
	 */
	public OpcUaSource(String sourceName, String endpointUrl, List<OpcUaItem> items, OpcUaCredentials credentials,
			Duration timeout) {
		this.sourceName = sourceName;
		this.endpointUrl = Objects.requireNonNull(endpointUrl, "endpointUrl");
		this.items = List.copyOf(items);
		this.credentials = credentials == null ? OpcUaCredentials.anonymous() : credentials;
		this.timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
	}

	@Override
	public String description() {
		return endpointUrl;
	}

	/** Live server data has no file identity: null (the cache treats the source as live). */
	@Override
	public Fingerprint fingerprint() {
		return null;
	}

	@Override
	public String configurationKey() {
		StringBuilder key = new StringBuilder("opcua ").append(endpointUrl);
		for (OpcUaItem item : items) {
			key.append(" | ").append(item.channel()).append(' ').append(item.signal());
		}
		return key.toString();
	}

	@Override
	public void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		OpcUaClient client = connect();
		try {
			for (OpcUaItem item : items) {
				checkCanceled(monitor);
				NodeId node = resolve(client, item, sink);
				if (node == null) {
					continue;
				}
				Double factor = factor(client, item, node, sink);
				if (factor != null) {
					history(client, item, node, factor, from, to, sink, monitor);
				}
			}
		} finally {
			disconnect(client);
		}
	}

	// --- connection --------------------------------------------------------------------------------------------

	/** Discovers the endpoint of the wanted policy, then connects with the identity; both within the timeout. */
	OpcUaClient connect() throws TelemetryException {
		OpcUaCredentials.Identity identity = credentials.identity(sourceName, endpointUrl);
		SecurityPolicy policy = SecurityPolicy.valueOf(identity.policy().name());
		long millis = timeout.toMillis();
		List<EndpointDescription> endpoints = await(DiscoveryClient.getEndpoints(endpointUrl,
				b -> b.setConnectTimeout(uint(millis)).setRequestTimeout(uint(millis))), "discover the endpoints of");
		Optional<EndpointDescription> endpoint = endpoints.stream()
				.filter(e -> policy.getUri().equals(e.getSecurityPolicyUri()))
				.filter(e -> policy != SecurityPolicy.None || e.getSecurityMode() == MessageSecurityMode.None)
				.max((a, b) -> Integer.compare(a.getSecurityMode().getValue(), b.getSecurityMode().getValue()));
		if (endpoint.isEmpty()) {
			throw new TelemetryException(endpointUrl, "the OPC UA server offers no endpoint with security policy "
					+ identity.policy() + " (offered: " + endpoints.stream().map(e -> policyName(e)).distinct().toList()
					+ "); set ZCW_OPCUA_SECURITY or the workbench's OPC UA server preferences");
		}
		// the server may advertise a host name the client cannot resolve: keep the host the user gave
		EndpointDescription chosen = EndpointUtil.updateUrl(endpoint.get(), EndpointUtil.getHost(endpointUrl),
				EndpointUtil.getPort(endpointUrl));
		try {
			var config = OpcUaClientConfig.builder()
					.setApplicationName(LocalizedText.english("ZeroCarbon Workbench"))
					.setApplicationUri(APPLICATION_URI)
					.setEndpoint(chosen)
					.setIdentityProvider(identity.anonymous() ? new AnonymousProvider()
							: new UsernameProvider(identity.user(),
									identity.password() == null ? "" : new String(identity.password())))
					.setConnectTimeout(uint(millis))
					.setRequestTimeout(uint(millis));
			ServerTrust trust = policy == SecurityPolicy.None ? null : secure(config);
			OpcUaClient client;
			try {
				client = OpcUaClient.create(config.build());
			} catch (UaException e) {
				if (trust != null) {
					trust.close();
				}
				throw e;
			}
			try {
				await(client.connect(), "connect (" + OpcUaCredentials.describe(identity) + ") to");
			} catch (TelemetryException e) {
				disconnect(client);
				if (trust != null) {
					trust.close();
					if (trust.refusal() != null) {
						throw new TelemetryException(endpointUrl, "cannot connect to the OPC UA server " + endpointUrl
								+ ": " + trust.refusal(), e);
					}
				}
				throw e;
			}
			if (trust != null) {
				trusts.put(client, trust);
			}
			return client;
		} catch (UaException e) {
			throw new TelemetryException(endpointUrl, "cannot set up an OPC UA client for " + endpointUrl + ": "
					+ e.getMessage(), e);
		}
	}

	/**
	 * The client's kept certificate and the check of the server's against the PKI folder's trust list (see
	 * {@link OpcUaPki}).
	 */
	private ServerTrust secure(OpcUaClientConfigBuilder config) throws TelemetryException {
		OpcUaPki pki = credentials.pki();
		try {
			ClientCertificate.load(pki, APPLICATION_URI).configure(config);
			ServerTrust trust = new ServerTrust(pki, endpointUrl);
			config.setCertificateValidator(trust);
			return trust;
		} catch (IOException e) {
			throw new TelemetryException(endpointUrl, "cannot use the OPC UA client certificate of " + pki.directory()
					+ " for " + endpointUrl + ": " + e.getMessage(), e);
		}
	}

	private static String policyName(EndpointDescription endpoint) {
		String uri = endpoint.getSecurityPolicyUri();
		return uri == null ? "?" : uri.substring(uri.lastIndexOf('#') + 1);
	}

	void disconnect(OpcUaClient client) {
		ServerTrust trust = trusts.remove(client);
		if (trust != null) {
			trust.close();
		}
		try {
			client.disconnect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		} catch (ExecutionException | TimeoutException e) {
			// closing a broken session: nothing more to do
		}
	}

	/** Waits for a request within the timeout; failures become TelemetryExceptions naming the endpoint. */
	<T> T await(CompletableFuture<T> future, String what) throws TelemetryException {
		try {
			return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		} catch (TimeoutException e) {
			future.cancel(true);
			throw new TelemetryException(endpointUrl, "cannot " + what + " the OPC UA server " + endpointUrl
					+ ": no answer within " + timeout.toMillis() + " ms", e);
		} catch (ExecutionException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			throw new TelemetryException(endpointUrl,
					"cannot " + what + " the OPC UA server " + endpointUrl + ": " + explain(cause), cause);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OperationCanceledException();
		}
	}

	private static String explain(Throwable cause) {
		if (cause instanceof UaException ua) {
			return ua.getStatusCode() + (ua.getMessage() == null ? "" : " " + ua.getMessage());
		}
		return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
	}

	private static void checkCanceled(IProgressMonitor monitor) {
		if (monitor != null && monitor.isCanceled()) {
			throw new OperationCanceledException();
		}
	}

	// --- binding -----------------------------------------------------------------------------------------------

	NodeId resolve(OpcUaClient client, OpcUaItem item, RecordSink sink) throws TelemetryException {
		if (item.nodeId() != null) {
			Optional<NodeId> node = NodeId.parseSafe(item.nodeId());
			if (node.isEmpty()) {
				sink.diagnostic(Diagnostic.error(endpointUrl, -1, null,
						"'" + item.nodeId() + "' is not an OPC UA node id (expected e.g. ns=2;s=VMC1.ActivePowerTotal)"));
			}
			return node.orElse(null);
		}
		NodeId current = Identifiers.ObjectsFolder;
		StringBuilder walked = new StringBuilder("Objects");
		for (String segment : item.browsePath().split("/")) {
			if (segment.isBlank()) {
				continue;
			}
			NodeId next = child(client, current, segment.trim(), Identifiers.HierarchicalReferences);
			if (next == null) {
				sink.diagnostic(Diagnostic.error(endpointUrl, -1, null, "browse path '" + item.browsePath()
						+ "': no node '" + segment.trim() + "' below " + walked));
				return null;
			}
			walked.append('/').append(segment.trim());
			current = next;
		}
		return current;
	}

	/** The child of {@code parent} along {@code references} whose browse name matches "name" or "ns:name". */
	private NodeId child(OpcUaClient client, NodeId parent, String segment, NodeId references)
			throws TelemetryException {
		int colon = segment.indexOf(':');
		Integer namespace = null;
		String name = segment;
		if (colon > 0 && segment.substring(0, colon).chars().allMatch(Character::isDigit)) {
			namespace = Integer.valueOf(segment.substring(0, colon));
			name = segment.substring(colon + 1);
		}
		BrowseDescription browse = new BrowseDescription(parent, BrowseDirection.Forward, references, true,
				uint(NodeClass.Object.getValue() | NodeClass.Variable.getValue()), uint(BrowseResultMask.All.getValue()));
		BrowseResult result = await(client.browse(new ViewDescription(NodeId.NULL_VALUE, DateTime.MIN_VALUE, uint(0)),
				uint(0), List.of(browse)), "browse").getResults()[0];
		ReferenceDescription[] references0 = result.getReferences();
		if (references0 == null) {
			return null;
		}
		for (ReferenceDescription reference : references0) {
			QualifiedName browseName = reference.getBrowseName();
			if (name.equals(browseName.getName())
					&& (namespace == null || namespace == browseName.getNamespaceIndex().intValue())) {
				return reference.getNodeId().toNodeId(client.getNamespaceTable()).orElse(null);
			}
		}
		return null;
	}

	/** The factor to SI by the node's EngineeringUnits; null (with an error diagnostic) when it does not fit. */
	Double factor(OpcUaClient client, OpcUaItem item, NodeId node, RecordSink sink)
			throws TelemetryException {
		NodeId property = child(client, node, "EngineeringUnits", Identifiers.HasProperty);
		if (property == null) {
			sink.diagnostic(Diagnostic.info(endpointUrl, -1, null, "'" + item.channel()
					+ "' has no EngineeringUnits property; its values are taken as SI (" + item.signal() + ")"));
			return 1.0;
		}
		DataValue value = await(client.read(0.0, TimestampsToReturn.Neither,
				List.of(new ReadValueId(property, uint(13), null, QualifiedName.NULL_VALUE))), "read from")
				.getResults()[0];
		Object raw = value.getValue().getValue();
		EUInformation eu = raw instanceof ExtensionObject xo
				&& xo.decodeOrNull(client.getStaticSerializationContext()) instanceof EUInformation info ? info : null;
		if (eu == null) {
			sink.diagnostic(Diagnostic.warning(endpointUrl, -1, null, "'" + item.channel()
					+ "': its EngineeringUnits cannot be read (" + value.getStatusCode() + "); values taken as SI"));
			return 1.0;
		}
		String display = eu.getDisplayName() == null ? null : eu.getDisplayName().getText();
		EngineeringUnit.Unit unit = EngineeringUnit.find(eu.getUnitId(), display);
		if (unit == null || !unit.fits(item.signal())) {
			sink.diagnostic(Diagnostic.error(endpointUrl, -1, null, "'" + item.channel() + "' is in "
					+ (display == null ? "unit id " + eu.getUnitId() : display) + ", which is not a unit of "
					+ item.signal() + (unit == null ? " known here (W, kW, MW, Wh, kWh, MWh, J, kJ, MJ, A, V, kV)" : "")
					+ "; the item is skipped"));
			return null;
		}
		return unit.factor();
	}

	// --- history -----------------------------------------------------------------------------------------------

	private void history(OpcUaClient client, OpcUaItem item, NodeId node, double factor, Instant from, Instant to,
			RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		long fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
		long toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
		ReadRawModifiedDetails details = new ReadRawModifiedDetails(false,
				from == null ? DateTime.MIN_VALUE : new DateTime(from), to == null ? DateTime.now() : new DateTime(to),
				uint(PAGE_SIZE), false);
		ByteString continuation = ByteString.NULL_VALUE;
		boolean warnedType = false;
		do {
			if (monitor != null && monitor.isCanceled()) {
				release(client, details, node, continuation);
				throw new OperationCanceledException();
			}
			HistoryReadResult result = await(client.historyRead(details, TimestampsToReturn.Both, false,
					List.of(new HistoryReadValueId(node, null, QualifiedName.NULL_VALUE, continuation))),
					"history-read '" + item.channel() + "' from").getResults()[0];
			StatusCode status = result.getStatusCode();
			if (status.isBad()) {
				sink.diagnostic(Diagnostic.error(endpointUrl, -1, null,
						"history read of '" + item.channel() + "' refused: " + status));
				return;
			}
			Object decoded = result.getHistoryData() == null ? null
					: result.getHistoryData().decodeOrNull(client.getStaticSerializationContext());
			DataValue[] values = decoded instanceof HistoryData data ? data.getDataValues() : null;
			for (DataValue value : values == null ? new DataValue[0] : values) {
				DateTime time = value.getSourceTime() != null && !value.getSourceTime().isNull() ? value.getSourceTime()
						: value.getServerTime();
				if (time == null || time.isNull()) {
					continue;
				}
				long ms = time.getJavaTime();
				if (ms < fromMs || ms >= toMs) {
					continue;
				}
				if (value.getStatusCode() != null && value.getStatusCode().isBad()) {
					sink.unavailable(item.channel(), ms);
				} else if (value.getValue().getValue() instanceof Number number) {
					sink.value(item.channel(), ms, number.doubleValue() * factor);
				} else if (!warnedType) {
					warnedType = true;
					sink.diagnostic(Diagnostic.warning(endpointUrl, -1, ms, "'" + item.channel()
							+ "' has a value that is not a number (" + value.getValue().getValue() + "); skipped"));
				}
			}
			continuation = result.getContinuationPoint();
		} while (continuation != null && continuation.isNotNull() && continuation.length() > 0);
	}

	private void release(OpcUaClient client, ReadRawModifiedDetails details, NodeId node, ByteString continuation) {
		if (continuation == null || continuation.isNull()) {
			return;
		}
		try {
			await(client.historyRead(details, TimestampsToReturn.Both, true,
					List.of(new HistoryReadValueId(node, null, QualifiedName.NULL_VALUE, continuation))), "release");
		} catch (TelemetryException e) {
			// the session is closed next anyway
		}
	}

	/**
	 * A subscription on this source's items that feeds {@code sink} with every change (sampled at
	 * {@code samplingInterval}) until {@link OpcUaLive#stop()}; for "refresh on demand / on a schedule".
	 */
	public OpcUaLive live(Duration samplingInterval, RecordSink sink) {
		return new OpcUaLive(this, samplingInterval, sink);
	}

	/** For tests and messages. */
	List<OpcUaItem> items() {
		return new ArrayList<>(items);
	}
}
