package org.zerocarbon.telemetry.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;

/** The credentials given to a run are the ones an OPC UA source asks when it connects (the workbench's secure storage). */
class OpcUaCredentialsTest {

	@TempDir
	Path dir;

	@Test
	void anOpcUaSourceConnectsWithTheRunsCredentials() throws IOException {
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort(); // closed again: nothing listens there
		}
		String endpoint = "opc.tcp://127.0.0.1:" + port;
		var models = TestModels.load(dir.resolve("plc.zc"), """
				package t
				source Plc "the line's PLC" opcua url "ENDPOINT"
				line L {
					profile { shifts 2 hours 4000 h per year service life 10 a }
					machine M vmc {
						state processing 10 kW for 100 %
						meter P machine measures power every 10 s item "ns=2;s=M.Power" from Plc
					}
				}
				""".replace("ENDPOINT", endpoint));
		Meter meter = TestModels.meter(models, "P");
		List<String> asked = new CopyOnWriteArrayList<>();
		OpcUaCredentials credentials = (source, url) -> {
			asked.add(source + " " + url);
			return new OpcUaCredentials.Identity(OpcUaCredentials.Policy.None, "meter", "pw".toCharArray());
		};

		MeterAggregate aggregate = new ModelMeasurements(new MeasurementCache(), true, null, credentials).of(meter);

		assertEquals(List.of("Plc " + endpoint), asked);
		assertTrue(aggregate.hasErrors(), "nothing listens: " + aggregate.diagnostics());
		assertTrue(aggregate.diagnostics().get(0).message().contains(endpoint), aggregate.diagnostics()::toString);
	}
}
