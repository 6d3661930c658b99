package org.zerocarbon.telemetry.opcua.tests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.EUInformation;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryData;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResult;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRawModifiedDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.UserTokenPolicy;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;

/**
 * A Milo server on loopback (a free port) with Objects/Machines/VMC1/EnergyManagement/{ActivePowerTotal (kW),
 * ActiveEnergyImport (kWh), Temperature (degree Celsius)} and their history: one hour from {@link #T0} at 10 s
 * (360 samples). It answers at most {@link #SERVER_PAGE} values per history request, so readers must follow
 * continuation points. Users: anonymous, or "meter" / "s3cret". Endpoints: security None, and Basic256Sha256 with
 * SignAndEncrypt (a client certificate must be let in with {@link #trustClient}).
 */
final class EnergyTestServer {

	static final String NAMESPACE_URI = "urn:zerocarbon:test:energy";
	static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
	static final int SAMPLES = 360;
	static final int SERVER_PAGE = 25;
	/** The sample with a bad status (Bad_SensorFailure): i = 75, at T0 + 750 s. */
	static final int BAD_SAMPLE = 75;

	static final String APPLICATION_URI = "urn:zerocarbon:test:server";
	static final String COMMON_NAME = "ZeroCarbon test server";

	final OpcUaServer server;
	final int port;
	/** The server's self-signed certificate (application URI, by default IP 127.0.0.1 and DNS localhost in its SAN). */
	final X509Certificate certificate;
	private final DefaultTrustListManager trust;
	final AtomicInteger historyRequests = new AtomicInteger();
	private final Path pki;
	private final Map<NodeId, List<DataValue>> history = new HashMap<>();
	private NodeId powerNode;
	private UaVariableNode powerVariable;

	EnergyTestServer() throws Exception {
		this("localhost", "127.0.0.1");
	}

	/**
	 * A server whose certificate names these hosts in its subject alternative name (it still answers on 127.0.0.1).
	 *
	 * @param dnsName   the DNS name, or null for none
	 * @param ipAddress the IP address, or null for none
	 */
	EnergyTestServer(String dnsName, String ipAddress) throws Exception {
		port = freePort();
		pki = Files.createTempDirectory("zcw-opcua-pki");
		trust = new DefaultTrustListManager(pki.toFile());
		UserTokenPolicy anonymous = new UserTokenPolicy("anonymous", UserTokenType.Anonymous, null, null, null);
		UserTokenPolicy username = new UserTokenPolicy("username", UserTokenType.UserName, null, null,
				SecurityPolicy.None.getUri());
		KeyPair keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
		SelfSignedCertificateBuilder builder = new SelfSignedCertificateBuilder(keyPair).setCommonName(COMMON_NAME)
				.setOrganization("ZeroCarbon tests").setApplicationUri(APPLICATION_URI);
		if (ipAddress != null) {
			builder.addIpAddress(ipAddress);
		}
		if (dnsName != null) {
			builder.addDnsName(dnsName);
		}
		certificate = builder.build();
		EndpointConfiguration.Builder endpoint = new EndpointConfiguration.Builder().setBindAddress("127.0.0.1")
				.setHostname("127.0.0.1").setBindPort(port).setPath("/zcw").setCertificate(certificate);
		// on the secure endpoint the password is encrypted with the server's key, as servers usually ask
		UserTokenPolicy encrypted = new UserTokenPolicy("username-basic256sha256", UserTokenType.UserName, null, null,
				SecurityPolicy.Basic256Sha256.getUri());
		// None for discovery and the insecure tests; Basic256Sha256 with SignAndEncrypt for the trust list tests
		EndpointConfiguration none = endpoint.copy().setSecurityPolicy(SecurityPolicy.None)
				.setSecurityMode(MessageSecurityMode.None).addTokenPolicies(anonymous, username).build();
		EndpointConfiguration secure = endpoint.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
				.setSecurityMode(MessageSecurityMode.SignAndEncrypt).addTokenPolicies(anonymous, encrypted).build();
		OpcUaServerConfig config = OpcUaServerConfig.builder().setApplicationUri(APPLICATION_URI)
				.setApplicationName(LocalizedText.english("ZeroCarbon test server"))
				.setProductUri(APPLICATION_URI).setEndpoints(Set.of(none, secure))
				.setBuildInfo(new BuildInfo("urn:zerocarbon:test:server", "ZeroCarbon", "test server", "1", "1",
						DateTime.now()))
				.setCertificateManager(new DefaultCertificateManager(keyPair, certificate)).setTrustListManager(trust)
				.setCertificateValidator(
						new org.eclipse.milo.opcua.stack.server.security.DefaultServerCertificateValidator(trust))
				.setIdentityValidator(new UsernameIdentityValidator(true,
						challenge -> "meter".equals(challenge.getUsername())
								&& "s3cret".equals(challenge.getPassword())))
				.build();
		server = new OpcUaServer(config);
		new EnergyNamespace(server).startup();
		server.startup().get(20, TimeUnit.SECONDS);
	}

	/** Lets clients with this certificate in (the server side of a signed and encrypted connection). */
	void trustClient(X509Certificate client) {
		trust.addTrustedCertificate(client);
	}

	String url() {
		return "opc.tcp://127.0.0.1:" + port + "/zcw";
	}

	/** The node id text of the power node, e.g. "ns=2;s=VMC1.ActivePowerTotal". */
	String powerNodeId() {
		return powerNode.toParseableString();
	}

	/** Sets the current value of the power node (kW), stamped now. */
	void setPowerKw(double kw) {
		powerVariable.setValue(new DataValue(new Variant(kw), StatusCode.GOOD, DateTime.now(), DateTime.now()));
	}

	void stop() throws Exception {
		try {
			server.shutdown().get(20, TimeUnit.SECONDS);
			trust.close();
		} finally {
			try (Stream<Path> files = Files.walk(pki)) {
				files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** Power of sample i in kW: 10 for even i, 20 for odd i. */
	static double powerKw(int i) {
		return i % 2 == 0 ? 10.0 : 20.0;
	}

	/** Energy counter of sample i in kWh: 100 + i / 20 (a steady 18 kW... only its conversion matters here). */
	static double energyKwh(int i) {
		return 100.0 + i / 20.0;
	}

	private final class EnergyNamespace extends ManagedNamespaceWithLifecycle {

		private final SubscriptionModel subscriptions;

		EnergyNamespace(OpcUaServer server) {
			super(server, NAMESPACE_URI);
			subscriptions = new SubscriptionModel(server, this);
			getLifecycleManager().addLifecycle(subscriptions);
			getLifecycleManager().addStartupTask(this::createNodes);
		}

		private void createNodes() {
			UaFolderNode machines = folder("Machines", null);
			machines.addReference(new Reference(machines.getNodeId(), Identifiers.Organizes,
					Identifiers.ObjectsFolder.expanded(), false));
			UaFolderNode vmc1 = folder("VMC1", machines);
			UaFolderNode energy = folder("EnergyManagement", vmc1);
			powerNode = variable(energy, "VMC1.ActivePowerTotal", "ActivePowerTotal", "KWT", "kW",
					EnergyTestServer::powerKw);
			variable(energy, "VMC1.ActiveEnergyImport", "ActiveEnergyImport", "KWH", "kWh",
					EnergyTestServer::energyKwh);
			variable(energy, "VMC1.Temperature", "Temperature", "CEL", "\u00b0C", i -> 21.0);
		}

		private UaFolderNode folder(String name, UaFolderNode parent) {
			UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(name), newQualifiedName(name),
					LocalizedText.english(name));
			getNodeManager().addNode(folder);
			if (parent != null) {
				parent.addOrganizes(folder);
			}
			return folder;
		}

		private NodeId variable(UaFolderNode parent, String id, String name, String code, String symbol,
				java.util.function.IntToDoubleFunction value) {
			UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(id))
					.setBrowseName(newQualifiedName(name)).setDisplayName(LocalizedText.english(name))
					.setDataType(Identifiers.Double).setTypeDefinition(Identifiers.AnalogItemType)
					.setAccessLevel(AccessLevel.CurrentRead, AccessLevel.HistoryRead)
					.setUserAccessLevel(AccessLevel.CurrentRead, AccessLevel.HistoryRead).setHistorizing(true)
					.setValue(new DataValue(new Variant(value.applyAsDouble(SAMPLES - 1)))).build();
			getNodeManager().addNode(node);
			parent.addOrganizes(node);
			if (name.equals("ActivePowerTotal")) {
				powerVariable = node;
			}
			int unitId = 0;
			for (char c : code.toCharArray()) {
				unitId = (unitId << 8) | c;
			}
			EUInformation eu = new EUInformation("http://www.opcfoundation.org/UA/units/un/cefact", unitId,
					LocalizedText.english(symbol), LocalizedText.english(symbol));
			UaVariableNode units = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
					.setNodeId(newNodeId(id + ".EngineeringUnits")).setBrowseName(new QualifiedName(0, "EngineeringUnits"))
					.setDisplayName(LocalizedText.english("EngineeringUnits")).setDataType(Identifiers.EUInformation)
					.setTypeDefinition(Identifiers.PropertyType)
					.setValue(new DataValue(new Variant(ExtensionObject.encode(server.getSerializationContext(), eu))))
					.build();
			getNodeManager().addNode(units);
			node.addReference(new Reference(node.getNodeId(), Identifiers.HasProperty, units.getNodeId().expanded(),
					true));
			List<DataValue> values = new ArrayList<>();
			for (int i = 0; i < SAMPLES; i++) {
				DateTime time = new DateTime(T0.plusSeconds(10L * i));
				StatusCode status = i == BAD_SAMPLE ? new StatusCode(StatusCodes.Bad_SensorFailure) : StatusCode.GOOD;
				values.add(new DataValue(new Variant(value.applyAsDouble(i)), status, time, time));
			}
			history.put(node.getNodeId(), values);
			return node.getNodeId();
		}

		@Override
		public void historyRead(HistoryReadContext context, HistoryReadDetails details,
				TimestampsToReturn timestamps, List<HistoryReadValueId> ids) {
			historyRequests.incrementAndGet();
			List<HistoryReadResult> results = new ArrayList<>();
			for (HistoryReadValueId id : ids) {
				List<DataValue> series = history.get(id.getNodeId());
				if (series == null || !(details instanceof ReadRawModifiedDetails raw)) {
					results.add(new HistoryReadResult(new StatusCode(StatusCodes.Bad_HistoryOperationUnsupported),
							null, null));
					continue;
				}
				long start = raw.getStartTime().getJavaTime();
				long end = raw.getEndTime().getJavaTime();
				List<DataValue> inPeriod = series.stream().filter(v -> v.getSourceTime().getJavaTime() >= start
						&& v.getSourceTime().getJavaTime() < end).toList();
				ByteString cp = id.getContinuationPoint();
				int offset = cp == null || cp.isNull() ? 0
						: Integer.parseInt(new String(cp.bytesOrEmpty(), StandardCharsets.US_ASCII));
				int max = Math.min(SERVER_PAGE, raw.getNumValuesPerNode().intValue() == 0 ? Integer.MAX_VALUE
						: raw.getNumValuesPerNode().intValue());
				int until = Math.min(inPeriod.size(), offset + max);
				ByteString next = until < inPeriod.size()
						? ByteString.of(Integer.toString(until).getBytes(StandardCharsets.US_ASCII)) : null;
				HistoryData data = new HistoryData(inPeriod.subList(offset, until).toArray(new DataValue[0]));
				results.add(new HistoryReadResult(StatusCode.GOOD, next,
						ExtensionObject.encode(server.getSerializationContext(), data)));
			}
			context.success(results);
		}

		@Override
		public void onDataItemsCreated(List<DataItem> items) {
			subscriptions.onDataItemsCreated(items);
		}

		@Override
		public void onDataItemsModified(List<DataItem> items) {
			subscriptions.onDataItemsModified(items);
		}

		@Override
		public void onDataItemsDeleted(List<DataItem> items) {
			subscriptions.onDataItemsDeleted(items);
		}

		@Override
		public void onMonitoringModeChanged(List<MonitoredItem> items) {
			subscriptions.onMonitoringModeChanged(items);
		}
	}
}
