package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.zerocarbon.diagram.DiagramSvg;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Park;

/** Background processes on the line diagram, the scope-1 badges and the market-based supply note. */
class BackgroundProcessesTest {

	@TempDir
	Path dir;

	/** Billet and Power feed each other (a loop); Coating is used by nothing; Paint only through a utility. */
	static final String LIBRARY = """
			package lib
			factors Lib {
				grid factor CN "China" = 582 gCO2e/kWh
				residual factor CN_RES "China residual mix" = 620 gCO2e/kWh
				material factor Steel = 1.9 kgCO2e/kg
				fuel factor Gas = 2.0 kgCO2e/m3 { calorific 36 MJ/m3 }
				refrigerant factor R134a = 1530 kgCO2e/kg
				process Billet "Steel billet, supplier route" {
					output 1 kg
					input 0.5 kWh from Power
					input 1.1 kg from Steel
					emits 0.2 kgCO2e
					source "Supplier X, 2025"
				}
				process Power "Electricity with plant upkeep" {
					output 1 kWh
					input 0.001 kg from Billet
					emits 0.5 kgCO2e fossil
				}
				process Coating {
					output 1 kg
					emits 1 kgCO2e
				}
				process Paint {
					output 1 kg
					input 0.2 kWh from Power
				}
			}
			""";

	static final String LINE = """
			package demo
			import lib.*
			site Plant {
				grid CN
				residual CN_RES
				onsite RoofPV 40 MWh per year
				ppa WindPPA 80 MWh per year rate 0 gCO2e/kWh
				certificate Gec2025 gec 60 MWh vintage 2025 tracking "GEC-1" retired
			}
			line Cell {
				site Plant
				machine Mill vmc {
					state processing 10 kW for 100 %
					subassembly Frame { material 10 kg factor Billet }
					refrigerant Chiller charge 6 kg leaks 5 % per year recovered 80 % factor R134a
				}
				machine Washer washer {
					state processing 20 kW for 100 %
					fuel Burner 1800 m3 per year factor Gas
					subassembly Tank { material 4 kg factor Steel }
				}
				flow Mill -> Washer rate 10 parts/h
				utility Booth other {
					electricity 1000 kWh per year
					subassembly Shell { material 2 kg factor Paint }
					supplies Washer 1 kW
				}
			}
			""";

	private Line line() throws Exception {
		ResourceSet set = Models.load(dir, LIBRARY, LINE);
		return Models.find(set, Line.class, "Cell");
	}

	@Test
	void collapsedByDefaultOneNodeCountsTheProcessesAndPointsAtTheirUsers() throws Exception {
		Scene scene = new SceneBuilder().build(line());

		Node group = scene.node("background_processes").orElseThrow();
		assertEquals(Node.Kind.PROCESSES, group.kind());
		assertEquals("Background processes", group.title());
		// Billet (used by Mill), Paint (used by Booth), Power (an input of both); Coating is used by nothing.
		assertEquals("3 user-defined processes, collapsed", group.subtitle());
		// Billet and Power, in a loop, each serve Mill (Billet directly) and Booth (through Paint's input of Power,
		// which takes Billet): 2 users each, named before Paint (Booth only); ties keep the model's order.
		assertEquals(List.of("Billet (1 kg) · 2 users", "Power (1 kWh) · 2 users", "Paint (1 kg) · 1 user"), group.badges());
		assertTrue(scene.node("process_Billet").isEmpty(), "collapsed: no node per process");
		List<String> edges = scene.edges().stream().filter(e -> e.kind() == Edge.Kind.PROVIDES)
				.map(e -> e.source().id() + " -> " + e.target().id() + " " + e.labels().get(0).text()).toList();
		assertEquals(List.of("background_processes -> Mill Billet", "background_processes -> Booth Paint"), edges,
				"one edge per machine or utility using a process; the Washer uses a plain factor only");
		assertTrue(scene.legend().stream().anyMatch(l -> l.startsWith("Background processes (collapsed): 3")),
				scene.legend()::toString);
	}

	@Test
	void expandedEachProcessIsANodeAndTheLoopIsDrawn() throws Exception {
		Scene scene = SceneLayout.layout(new SceneBuilder().backgroundProcesses(true).build(line()));

		assertTrue(scene.node("background_processes").isEmpty());
		Node billet = scene.node("process_Billet").orElseThrow();
		assertEquals(Node.Kind.PROCESS, billet.kind());
		assertEquals("process · output 1 kg", billet.subtitle());
		assertEquals(List.of("2 inputs, 1 from a process", "emits 0.2 kgCO2e fossil", "Supplier X, 2025"), billet.badges());
		assertEquals("Steel billet, supplier route", billet.tooltip());
		Node power = scene.node("process_Power").orElseThrow();
		assertEquals("process · output 1 kWh", power.subtitle());
		assertEquals("1 input, from a process", power.badges().get(0));
		assertTrue(scene.node("process_Coating").isEmpty(), "a process nothing uses is not drawn");
		List<String> edges = scene.edges().stream().filter(e -> e.kind() == Edge.Kind.PROVIDES)
				.map(e -> e.source().id() + " -> " + e.target().id() + " " + e.labels().get(0).text()).toList();
		assertEquals(List.of("process_Billet -> Mill material 10 kg", "process_Paint -> Booth material 2 kg",
				"process_Power -> process_Billet 0.5 kWh", "process_Power -> process_Paint 0.2 kWh",
				"process_Billet -> process_Power 0.001 kg"), edges);
		// ELK layered breaks the Billet ⇄ Power loop for layering and still routes both edges.
		LayoutTest.assertWellFormed(scene);
	}

	@Test
	void aLineUsingNoProcessHasNoBackgroundNode() throws Exception {
		Line mini = Models.find(Models.load(dir, Models.LINE), Line.class, "Mini");
		for (boolean expanded : new boolean[] { false, true }) {
			Scene scene = new SceneBuilder().backgroundProcesses(expanded).build(mini);
			assertEquals(List.of("Saw", "Mill", "Spare"), scene.nodes().stream().map(Node::id).toList());
			assertTrue(scene.edges().stream().noneMatch(e -> e.kind() == Edge.Kind.PROVIDES));
			assertTrue(scene.legend().stream().noneMatch(l -> l.startsWith("Background")), scene.legend()::toString);
		}
	}

	@Test
	void scopeOneSourcesAreBadgesAndTheSitesInstrumentsANote() throws Exception {
		Scene scene = new SceneBuilder().build(line());

		assertTrue(scene.node("Mill").orElseThrow().badges()
				.contains("scope 1: refrigerant Chiller 6 kg, leaks 5 % per year"), scene.node("Mill").orElseThrow().badges()::toString);
		assertTrue(scene.node("Washer").orElseThrow().badges().contains("scope 1: fuel Burner 1800 m3 per year"));
		assertTrue(scene.legend().contains("Market-based supply: site Plant: onsite RoofPV 40 MWh, ppa WindPPA 80 MWh, "
				+ "certificate Gec2025 60 MWh; residual mix CN_RES"), scene.legend()::toString);
		Park park = Models.find(Models.load(java.nio.file.Files.createDirectories(dir.resolve("park")), Models.PARK), Park.class, "P");
		assertTrue(new SceneBuilder().build(park).legend().stream().noneMatch(l -> l.startsWith("Market-based")),
				"no note without instruments");
	}

	@Test
	void bothFormsRenderAsSvgAndTheLoopEdgesAreBrown() throws Exception {
		Line line = line();
		Document collapsed = SvgTest.parse(DiagramSvg.of(line));
		assertEquals("node processes", SvgTest.group(collapsed, "background_processes").getAttribute("class"));
		assertTrue(SvgTest.texts(collapsed).contains("Background processes"));

		Scene scene = SceneLayout.layout(new SceneBuilder().backgroundProcesses(true).build(line));
		SvgPainter painter = new SvgPainter(scene.width(), scene.height());
		ScenePainter.paint(scene, painter);
		Document expanded = SvgTest.parse(painter.toSvg());
		assertEquals("node process", SvgTest.group(expanded, "process_Power").getAttribute("class"));
		Edge loop = scene.edges().stream().filter(e -> e.source().id().equals("process_Billet")
				&& e.target().id().equals("process_Power")).findFirst().orElseThrow();
		Element edge = SvgTest.group(expanded, loop.id());
		assertEquals("edge provides", edge.getAttribute("class"));
		assertEquals("#8c6a3c", ((Element) edge.getElementsByTagNameNS("http://www.w3.org/2000/svg", "polyline").item(0))
				.getAttribute("stroke"));
		assertFalse(SvgTest.texts(expanded).contains("Background processes"));
	}
}
