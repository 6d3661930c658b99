package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ZcFactory;

class SceneBuilderTest {

	@TempDir
	Path dir;

	@Test
	void lineHasOneNodePerMachineAndOneEdgePerFlow() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		Scene scene = new SceneBuilder().build(line);

		assertEquals(Scene.Type.LINE, scene.type());
		assertEquals(List.of("Saw", "Mill", "Spare"), scene.nodes().stream().map(Node::id).toList());
		assertEquals(1, scene.edges().size());
		Edge flow = scene.edges().get(0);
		assertEquals("Saw", flow.source().id());
		assertEquals("Mill", flow.target().id());
		assertEquals(Edge.Kind.MATERIAL, flow.kind());
		assertEquals("12 parts/h", flow.labels().get(0).text());
	}

	@Test
	void givenFootprintsMachinesShowTheirsAndAreColouredByTheirShare() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		// Saw 1.5 and Mill 4.5 kg CO2e per machine-hour: the saw has 1.5 / 6 = 25 % of the footprint.
		Scene scene = new SceneBuilder().footprints(java.util.Map.of("Saw", 1.5, "Mill", 4.5)).build(line);
		Node saw = scene.node("Saw").orElseThrow();
		assertEquals(List.of("≈ 2 kWh per machine-hour · 17 % of line", "1.5 kg CO2e per machine-hour · 25 % of footprint",
				"1 meter"), saw.badges());
		Node mill = scene.node("Mill").orElseThrow();
		Node spare = scene.node("Spare").orElseThrow();
		assertTrue(mill.fill().red() > saw.fill().red() || mill.fill().green() < saw.fill().green(),
				"the bigger footprint is hotter");
		assertEquals(new SceneBuilder().build(line).node("Spare").orElseThrow().fill(), spare.fill(),
				"a machine without a footprint keeps the cool fill");
		assertTrue(scene.legend().get(0).startsWith("Fill: share of the line's footprint"));
	}

	@Test
	void machineNodeShowsTypeRatingEnergyShareAndMeters() throws Exception {
		Line line = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		Scene scene = new SceneBuilder().build(line);

		Node saw = scene.node("Saw").orElseThrow();
		assertEquals("other · 5 kW rated", saw.subtitle());
		// Saw averages 1×0.5 + 3×0.5 = 2 kW, Mill 10 kW: the saw draws 2/12 of the line.
		assertEquals(List.of("≈ 2 kWh per machine-hour · 17 % of line", "1 meter"), saw.badges());
		Node mill = scene.node("Mill").orElseThrow();
		assertEquals("VMC", mill.glyph());
		assertEquals("≈ 10 kWh per machine-hour · 83 % of line", mill.badges().get(0));
		// Hotter colour for the bigger share.
		assertTrue(mill.fill().blue() < saw.fill().blue());
		Node spare = scene.node("Spare").orElseThrow();
		assertTrue(spare.badges().isEmpty(), "a machine without states or meters has no badges");
		assertEquals("other · 1 kW rated", spare.subtitle());
		assertTrue(saw.width() > 0 && saw.height() > 0, "the builder sets preferred sizes");
	}

	@Test
	void sharedUtilitiesFeedTheMachinesTheySupply() throws Exception {
		Line line = Models.find(Models.load(dir, """
				package u
				line Cell {
					machine Mill vmc { state processing 10 kW for 100 % }
					machine Lathe turning { state standby 1 kW for 40 % state processing 8 kW for 60 % }
					flow Lathe -> Mill rate 6 parts/h
					utility Air compressedAir "screw compressor" {
						rated 37 kW
						state processing 18 kW for 100 %
						leaks 20 %
						supplies Mill 30 Nm3/h
						supplies Lathe 12 Nm3/h in processing
					}
				}
				"""), Line.class, "Cell");
		Scene scene = new SceneBuilder().build(line);

		assertEquals(List.of("Mill", "Lathe", "Air"), scene.nodes().stream().map(Node::id).toList());
		Node air = scene.node("Air").orElseThrow();
		assertEquals(Node.Kind.ASSET, air.kind());
		assertEquals("AIR", air.glyph());
		assertEquals("shared compressed air · 37 kW rated", air.subtitle());
		assertEquals(List.of("leaks 20 %", "supplies 2 machines"), air.badges());
		assertEquals(List.of("MATERIAL Lathe -> Mill", "ENERGY Air -> Mill", "ENERGY Air -> Lathe"),
				scene.edges().stream().map(Object::toString).toList());
		assertEquals("30 Nm3/h", scene.edges().get(1).labels().get(0).text());
		assertEquals("12 Nm3/h in processing", scene.edges().get(2).labels().get(0).text());
		// the utility's own power is not a machine's: Mill 10 kW and Lathe 1 x 0.4 + 8 x 0.6 = 5.2 kW share the line
		assertEquals("≈ 10 kWh per machine-hour · 66 % of line", scene.node("Mill").orElseThrow().badges().get(0));
		assertTrue(scene.legend().stream().anyMatch(l -> l.startsWith("Shared utilities feed the machines")), scene.legend()::toString);
	}

	@Test
	void loopChainsSensorsControllersActuatorsAssetsWithFeedback() throws Exception {
		EnergyLoop loop = Models.find(Models.load(dir, Models.LOOP), EnergyLoop.class, "Air");
		Scene scene = new SceneBuilder().build(loop);

		assertEquals(List.of("P", "Q", "Closed", "Open", "Vfd", "PumpSwitch", "Comp", "Pump"),
				scene.nodes().stream().map(Node::id).toList());
		List<String> edges = scene.edges().stream().map(Object::toString).toList();
		assertEquals(List.of("SIGNAL P -> Closed", "COMMAND Closed -> Vfd", "SIGNAL Q -> Open", "COMMAND Open -> Vfd",
				"ACTION Vfd -> Comp", "ACTION PumpSwitch -> Pump", "FEEDBACK Comp -> P", "FEEDBACK Pump -> Q"), edges);
		assertEquals(List.of("set-point Target = 6.3 bar"), scene.node("Closed").orElseThrow().badges());
		assertEquals(List.of("sampled every 2 s"), scene.node("Q").orElseThrow().badges());
	}

	@Test
	void openLoopIsFlaggedOnItsControllerAndInTheLegend() throws Exception {
		EnergyLoop loop = Models.find(Models.load(dir, Models.LOOP), EnergyLoop.class, "Air");
		Scene scene = new SceneBuilder().build(loop);

		assertNull(scene.node("Closed").orElseThrow().flag());
		String flag = scene.node("Open").orElseThrow().flag();
		assertTrue(flag != null && flag.contains("open loop"), flag);
		assertEquals(1, scene.problems().size());
		assertTrue(scene.problems().get(0).contains("Open"));
		assertTrue(scene.legend().stream().anyMatch(l -> l.startsWith("Closed loops: 1 of 2")), scene.legend()::toString);
	}

	@Test
	void parkSystemsAreCompartmentsWithTheirItems() throws Exception {
		Park park = Models.find(Models.load(dir, Models.PARK), Park.class, "P");
		Scene scene = new SceneBuilder().build(park);

		assertEquals(List.of("Supply", "Production", "Infra", "Logistics", "Buildings", "Eco"),
				scene.roots().stream().map(Node::id).toList());
		assertTrue(scene.roots().stream().allMatch(Node::isCompartment));
		Node supply = scene.roots().get(0);
		assertEquals(List.of("Grid", "Sun", "Supply_grid"), supply.children().stream().map(Node::id).toList());
		assertEquals(List.of("Infra_Lights"), scene.roots().get(2).children().stream().map(Node::id).toList());
		assertEquals(List.of("removes 50 tCO2e per year"), scene.node("Eco_Wood").orElseThrow().badges());
	}

	@Test
	void parkEnergyFlowsRunThroughTheGridWithWidthsProportionalToEnergy() throws Exception {
		Park park = Models.find(Models.load(dir, Models.PARK), Park.class, "P");
		Scene scene = new SceneBuilder().build(park);

		List<String> edges = scene.edges().stream()
				.map(e -> e.source().id() + ">" + e.target().id() + " " + e.labels().get(0).text() + " w" + e.strokeWidth())
				.toList();
		// 50,000 MWh delivered; 1,000 + 4,000 listed; production gets the other 45,000, the widest flow (24).
		// 40,000 → 24 × 40/45 = 21.3; 10,000 → 5.3; the small ones keep the 2-unit minimum.
		assertEquals(List.of("Grid>Supply_grid 40,000 MWh w21", "Sun>Supply_grid 10,000 MWh w5",
				"Supply_grid>Infra_Lights 1000 MWh w2", "Supply_grid>Buildings_Offices 4000 MWh w2",
				"Supply_grid>Production 45,000 MWh (rest) w24"), edges);
	}

	@Test
	void parkIndicatorsAreInTheLegend() throws Exception {
		Park park = Models.find(Models.load(dir, Models.PARK), Park.class, "P");
		Scene scene = new SceneBuilder().build(park);

		assertTrue(scene.legend().contains("Indicators (annual): energy 6000 tce · emissions 12,000 tCO2 · "
				+ "intensity 2 tCO2/tce · clean-energy share 20 %"), scene.legend()::toString);
	}

	@Test
	void otherElementsHaveNoDiagram() {
		assertFalse(SceneBuilder.supports(ZcFactory.eINSTANCE.createMachine()));
		assertThrows(IllegalArgumentException.class, () -> new SceneBuilder().build(ZcFactory.eINSTANCE.createMachine()));
	}
}
