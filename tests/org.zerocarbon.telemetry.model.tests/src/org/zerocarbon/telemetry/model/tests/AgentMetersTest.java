package org.zerocarbon.telemetry.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;

/**
 * The meters of one live MTConnect agent share one client and one pass over the agent's buffer per run, whether they
 * read one source or two sources with the same URL: counted at a loopback agent.
 */
class AgentMetersTest {

	@TempDir
	Path dir;

	private LoopbackAgent agent;
	private ResourceSet models;

	/**
	 * VMC1 6, 6, 12 kW and VMC2 3, 3, 3 kW at 08:00, 08:01, 08:02. By hand, each value held until the next one
	 * (MTConnect's rule): VMC1 6 kW x 60 s + 6 kW x 60 s = 720 kJ; VMC2 3 kW x 120 s = 360 kJ.
	 */
	@BeforeEach
	void start() throws IOException {
		String[] times = { "2026-11-02T08:00:00Z", "2026-11-02T08:01:00Z", "2026-11-02T08:02:00Z" };
		double[] vmc1 = { 6000, 6000, 12000 };
		List<LoopbackAgent.Sample> samples = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			samples.add(new LoopbackAgent.Sample("VMC1", "vmc1_power", times[i], vmc1[i]));
			samples.add(new LoopbackAgent.Sample("VMC2", "vmc2_power", times[i], 3000));
		}
		agent = new LoopbackAgent(samples);
		String url = agent.url();
		models = TestModels.load(dir.resolve("cell.zc"), """
				package t
				source Agent "the cell's agent" mtconnect url "URL"
				source SameAgent "the same agent, written without the slash" mtconnect url "NOSLASH"
				line L {
					profile { shifts 2 hours 4000 h per year service life 10 a }
					machine M1 vmc {
						state processing 10 kW for 100 %
						meter P1 machine measures power every 60 s item "vmc1_power" from Agent
					}
					machine M2 vmc {
						state processing 10 kW for 100 %
						meter P2 machine measures power every 60 s item "vmc2_power" from SameAgent
					}
				}
				""".replace("NOSLASH", url.substring(0, url.length() - 1)).replace("URL", url));
	}

	@AfterEach
	void stop() {
		agent.close();
	}

	private Meter meter(String name) {
		return TestModels.meter(models, name);
	}

	@Test
	void twoMetersOfOneAgentAreOneRequest() {
		ModelMeasurements run = new ModelMeasurements(new MeasurementCache(), true, null);
		MeterAggregate p1 = run.of(meter("P1"));
		MeterAggregate p2 = run.of(meter("P2"));

		assertEquals(720_000, p1.energyJ(), 1e-6, p1.diagnostics()::toString);
		assertEquals(360_000, p2.energyJ(), 1e-6, p2.diagnostics()::toString);
		assertEquals(3, p1.samples());
		assertEquals(3, p2.samples());
		assertEquals(List.of("/sample?count=10000"), agent.requests, "one page for both meters");
	}

	/** Each refresh is one pass again; a run without a refresh reads nothing and uses the last aggregates. */
	@Test
	void everyRefreshIsOnePassAndARunWithoutOneReadsNothing() {
		MeasurementCache cache = new MeasurementCache();
		ModelMeasurements first = new ModelMeasurements(cache, true, null);
		first.of(meter("P1"));
		first.of(meter("P2"));
		ModelMeasurements second = new ModelMeasurements(cache, true, null);
		second.of(meter("P2"));
		second.of(meter("P1"));
		assertEquals(2, agent.requests.size(), agent.requests::toString);

		ModelMeasurements save = new ModelMeasurements(cache, false, null);
		assertEquals(360_000, save.of(meter("P2")).energyJ(), 1e-6);
		assertEquals(720_000, save.of(meter("P1")).energyJ(), 1e-6);
		assertEquals(2, agent.requests.size(), "a save does not read the agent");
	}

	/** An agent that is down: every one of its meters keeps its last aggregate, marked stale, with the error. */
	@Test
	void anAgentThatIsDownLeavesEachMeterItsLastAggregateMarkedStale() {
		MeasurementCache cache = new MeasurementCache();
		ModelMeasurements first = new ModelMeasurements(cache, true, null);
		first.of(meter("P1"));
		first.of(meter("P2"));
		agent.close();

		ModelMeasurements refresh = new ModelMeasurements(cache, true, null);
		for (String name : List.of("P1", "P2")) {
			MeterAggregate stale = refresh.of(meter(name));
			assertTrue(stale.stale(), name);
			assertEquals(name.equals("P1") ? 720_000 : 360_000, stale.energyJ(), 1e-6);
			assertTrue(stale.diagnostics().stream().anyMatch(d -> d.message().contains("not reachable")), stale.diagnostics()::toString);
		}
	}
}
