package org.zerocarbon.telemetry.opcua.tests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The life cycle the OPC UA test classes share: one {@link EnergyTestServer} on a loopback port the OS assigns,
 * started before a class's tests and stopped after them (the classes run one after the other).
 */
abstract class EnergyServerTest {

	static EnergyTestServer server;

	@BeforeAll
	static void startServer() throws Exception {
		server = new EnergyTestServer();
	}

	@AfterAll
	static void stopServer() throws Exception {
		if (server != null) {
			server.stop();
			server = null;
		}
	}
}
