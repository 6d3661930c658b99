package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.TextRegion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Content assist through the Xtext IDE services: units by expected kind, factors by kind, enum values, references. */
class ZcContentAssistTest {

	private static final ExecutorService POOL = Executors.newCachedThreadPool();

	@AfterAll
	static void stopPool() {
		POOL.shutdownNow();
	}

	/** The proposals at the position of '|' in the text. */
	private static List<String> proposals(String textWithCursor) {
		IdeFixture ide = new IdeFixture();
		int offset = textWithCursor.indexOf('|');
		String text = textWithCursor.replace("|", "");
		XtextResource resource = ide.load("test.zc", text);
		ContentAssistContextFactory factory = ide.injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(POOL);
		ContentAssistContext[] contexts = factory.create(text, new TextRegion(offset, 0), offset, resource);
		IdeContentProposalAcceptor acceptor = ide.injector.getInstance(IdeContentProposalAcceptor.class);
		ide.injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<String> result = new java.util.ArrayList<>();
		for (ContentAssistEntry entry : acceptor.getEntries()) {
			result.add(entry.getProposal());
		}
		return result;
	}

	@Test
	void afterARatedPowerOnlyPowersAreProposedKilowattFirst() {
		List<String> proposals = proposals("line L { machine M vmc { rated 15 | } }");
		assertEquals("kW", proposals.get(0), proposals::toString);
		assertTrue(proposals.containsAll(List.of("W", "MW")), proposals::toString);
		assertFalse(proposals.contains("kWh"), proposals::toString);
	}

	@Test
	void aQuantityProposesTheParametersInScope() {
		// the line's parameter by its simple name inside the line; another line's only by its qualified name
		List<String> proposals = proposals("""
				line L {
					parameter SpindlePower = 15 kW
					machine M vmc { rated Spin| }
				}
				line Other { parameter SpindleOther = 2 kW }
				""");
		assertTrue(proposals.contains("SpindlePower"), proposals::toString);
		assertFalse(proposals.contains("SpindleOther"), "another line's parameter is not visible by its simple name: " + proposals);
		List<String> inScenario = proposals("line L { parameter SpindlePower = 15 kW }\nscenario S { set L.Sp| }");
		assertTrue(inScenario.contains("L.SpindlePower"), inScenario::toString);
	}

	@Test
	void unitsAreFilteredByWhatIsTyped() {
		List<String> proposals = proposals("line L { machine M vmc { installation energy 300 k| } }");
		assertTrue(proposals.containsAll(List.of("kWh", "kJ")), proposals::toString);
		assertFalse(proposals.contains("MWh"), proposals::toString);
		assertFalse(proposals.contains("kW"), "a power is not an energy: " + proposals);
	}

	@Test
	void aStateShareProposesPercent() {
		List<String> proposals = proposals("line L { machine M vmc { state processing 9 kW for 30 | } }");
		assertEquals("%", proposals.get(0), proposals::toString);
	}

	@Test
	void aMaterialProposesOnlyMaterialFactors() {
		List<String> proposals = proposals("import lib.*\nline L { machine M vmc { subassembly S { material 10 kg factor | } } }");
		assertTrue(proposals.contains("Steel") && proposals.contains("Aluminium"), proposals::toString);
		assertFalse(proposals.contains("DE") || proposals.contains("Truck"), proposals::toString);
	}

	@Test
	void aSiteProposesGridFactors() {
		List<String> proposals = proposals("import lib.*\nsite S { grid | }");
		assertTrue(proposals.containsAll(List.of("DE", "FR")), proposals::toString);
		assertFalse(proposals.contains("Steel"), proposals::toString);
	}

	@Test
	void machineTypesAreProposedAsEnumValues() {
		List<String> proposals = proposals("line L { machine M | }");
		assertTrue(proposals.containsAll(List.of("vmc", "hmc", "turning", "grinder", "washer", "cmm")), proposals::toString);
	}

	@Test
	void referencesToElementsOfTheModelAreProposed() {
		List<String> proposals = proposals("site Plant { }\nline L { site | }");
		assertTrue(proposals.contains("Plant"), proposals::toString);
	}

	// ------------------------------------------------------------------------------------------ issue 11

	@Test
	void aProviderReferenceProposesFactorsOfTheKindAndProcesses() {
		List<String> proposals = proposals("import lib.*\nfactors P { process Billet { output 1 kg } }\n"
				+ "line L { machine M vmc { subassembly S { material 10 kg factor | } } }");
		assertTrue(proposals.contains("Steel"), proposals::toString);
		assertTrue(proposals.contains("Billet"), proposals::toString);
		assertFalse(proposals.contains("DE") || proposals.contains("Truck"), proposals::toString);
	}

	@Test
	void aProcessInputProposesFactorsAndProcesses() {
		List<String> proposals = proposals("import lib.*\nfactors P { process Billet { output 1 kg input 1 kWh from | } }");
		assertTrue(proposals.containsAll(List.of("Steel", "DE", "Truck", "Billet")), proposals::toString);
	}

	@Test
	void aFuelProposesFuelFactorsAndARefrigerantRefrigerantFactors() {
		String library = "factors F { fuel factor Gas = 2 kgCO2/m3 refrigerant factor R134a = 1530 kgCO2e/kg }\n";
		List<String> fuel = proposals(library + "line L { machine M vmc { fuel B 10 m3 per year factor | } }");
		assertTrue(fuel.contains("Gas") && !fuel.contains("R134a") && !fuel.contains("lib.Steel"), fuel::toString);
		List<String> refrigerant = proposals(library + "line L { machine M vmc { refrigerant C charge 1 kg leaks 2 % per year factor | } }");
		assertTrue(refrigerant.contains("R134a") && !refrigerant.contains("Gas"), refrigerant::toString);
	}

	@Test
	void instrumentKeywordsCertificateTypesAndUnitsAreProposed() {
		List<String> statements = proposals("site S { | }");
		assertTrue(statements.containsAll(List.of("direct", "onsite", "ppa", "tariff", "supplier", "certificate", "residual", "market")),
				statements::toString);
		assertTrue(proposals("site S { certificate C | }").containsAll(List.of("go", "irec", "rec", "gec", "other")));
		List<String> units = proposals("site S { certificate C gec 60 | }");
		assertEquals("kWh", units.get(0), units::toString);
		assertFalse(units.contains("kW"), units::toString);
		assertEquals("m2", proposals("park P industrial { buildings B { item I area 100 | } }").get(0));
		assertEquals("kg", proposals("line L { machine M vmc { refrigerant C charge 2 | } }").get(0));
	}
}
