package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;

/** EPD-declared products (issue 15): module values per declared unit, as a subassembly and as a provider, by hand. */
class DeclaredProductTest {

	private static final String EPDS = """
			package s
			factors Epds {
				product Casting "grey iron casting" per 1000 kg {
					module A1-A3 1920 kgCO2e { fossil 1880 biogenic 10 luluc 30 }
					module A4 50 kgCO2e scenario "100 km" default
					module A4 90 kgCO2e scenario "300 km"
					module C3 30 kgCO2e
					module D -850 kgCO2e
					epd "b6d6c2e0-0000-4000-8000-000000000001" version "01.00.000" valid until "2099-12-31"
				}
				product Panel "panel" per 1 m2 {
					module C3 2 kgCO2e
				}
			}
			""";

	private static final String METHODOLOGY = """
			package t
			methodology Meth "test" {
				module A1 in scope3
				module A4 in scope3
				module C3 in scope3
				module D separately
			}
			""";

	@TempDir
	Path dir;

	private static String line(String body) {
		return """
				package l
				line L {
					profile { shifts 1 hours 1000 h per year service life 10 a }
					machine M vmc {
						%s
					}
				}
				""".formatted(body);
	}

	private static FootprintResult compute(ResourceSet models) {
		return new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC).calculate(Models.find(models, Line.class, "L"),
				Models.find(models, Methodology.class, "Meth"), null);
	}

	/**
	 * 320 kg of casting declared by the EPD (per 1,000 kg), by hand:
	 * <pre>
	 * A1-A3: 0.32 x 1,920 = 614.4 kg (fossil 0.32 x 1,880 = 601.6, biogenic 3.2, luluc 9.6)
	 * A4, default scenario "100 km": 0.32 x 50 = 16 (not the 300 km one: 28.8)
	 * C3: 0.32 x 30 = 9.6
	 * D: 0.32 x -850 = -272, reported separately
	 * total A-C: 614.4 + 16 + 9.6 = 640
	 * </pre>
	 */
	@Test
	void aSubassemblyDeclaredByAnEpdTakesEveryModule() throws IOException {
		ResourceSet models = Models.load(dir, EPDS, METHODOLOGY, line("subassembly Base { declared 320 kg epd s.Casting }"));
		FootprintResult result = compute(models);

		assertEquals(614.4, result.total(Module.A1), 1e-9);
		assertEquals(601.6, result.gwp(Module.A1).fossil(), 1e-9);
		assertEquals(9.6, result.gwp(Module.A1).luluc(), 1e-9);
		assertEquals(3.2, result.gwp(Module.A1).biogenic(), 1e-9);
		assertEquals(16, result.total(Module.A4), 1e-9);
		assertEquals(9.6, result.total(Module.C3), 1e-9);
		assertEquals(-272, result.moduleD(), 1e-9);
		assertEquals(640, result.total(), 1e-9);
	}

	/**
	 * The same EPD as a material and in a process: only the product stage counts. 2.5 t of casting: 2.5 x 1,920 =
	 * 4,800 kg A1; a process making 1 kg of brackets from 1.25 kg of casting: 1.25 x 1.920 = 2.4 kg per kg, 100 kg of
	 * brackets: 240 kg. A1 = 5,040 kg.
	 */
	@Test
	void aProductAsAProviderGivesItsProductStage() throws IOException {
		String process = """
				package p
				factors P {
					process Bracket "bracket" {
						output 1 kg
						input 1.25 kg from s.Casting
					}
				}
				""";
		ResourceSet models = Models.load(dir, EPDS, METHODOLOGY, process,
				line("subassembly Base { material 2.5 t factor s.Casting }\nsubassembly Brackets { material 100 kg factor p.Bracket }"));
		FootprintResult result = compute(models);

		assertEquals(5_040, result.total(Module.A1), 1e-9);
		assertEquals(0, result.total(Module.A4), 1e-9);
		assertEquals(0, result.moduleD(), 1e-9);
	}

	/** A declared amount that is not in the product's declared unit is an error naming both units. */
	@Test
	void aDeclaredAmountInTheWrongUnitIsAnError() throws IOException {
		ResourceSet models = Models.loadIgnoringErrors(dir, EPDS, METHODOLOGY, line("subassembly Cover { declared 3 kg epd s.Panel }"));
		CalculationException e = assertThrows(CalculationException.class, () -> compute(models));
		assertTrue(e.getMessage().contains("m2") && e.getMessage().contains("Panel"), e.getMessage());
	}
}
