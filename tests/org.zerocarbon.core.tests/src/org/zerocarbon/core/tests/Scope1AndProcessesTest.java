package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;

/** Scope 1, user-defined processes, the GWP split and the new functional units, checked against hand calculations. */
class Scope1AndProcessesTest {

	private static final double EPS = 1e-6;

	static final String FACTORS = """
			package t
			factors F {
				grid factor G "test grid" = 500 gCO2e/kWh { region "XX" }
				refrigerant factor R134a "HFC-134a" = 1530 kgCO2e/kg
				fuel factor Diesel "diesel" = 2.68 kgCO2e/L
				fuel factor Gas "natural gas" = 2 kgCO2e/m3 { calorific 36 MJ/m3 }
				fuel factor GasNoCalorific "natural gas, no calorific value" = 2 kgCO2e/m3
				material factor Wood "wood" = 0.5 kgCO2e/kg { split fossil 0.6 biogenic -0.2 luluc 0.1 }
				waste factor Burn "incineration" = 0.8 kgCO2e/kg { split fossil 0.1 biogenic 0.7 }
			}
			""";

	static final String METHODOLOGY = """
			package t
			methodology Meth "test methodology" {
				version "1"
				title "Test"
				module A1 in scope3
				module B1 in scope1
				module B6 in scope2
				module C1 in scope3
				module C3 in scope3
				functional unit MH machineHour
				functional unit PH hours in processing
				functional unit PR hours in processing, ready
				functional unit Part piece
				functional unit Y year
			}
			""";

	@TempDir
	Path dir;

	private static FootprintResult compute(ResourceSet models, Class<? extends EObject> type, String name) {
		return new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC).calculate(Models.find(models, type, name),
				Models.find(models, Methodology.class, "Meth"), null);
	}

	private static String line(String machineBody, String profile) {
		return """
				package l
				site S { region "XX" grid t.G }
				line L {
					site S
					profile { shifts 1 hours 1000 h per year service life 10 a %s }
					machine M vmc {
				%s
					}
				}
				""".formatted(profile, machineBody);
	}

	/**
	 * A chiller's refrigerant leak over 10 years. By hand:
	 * <pre>
	 * B1 (no account rule: B1 in scope 1) = 6 kg x 5 % a year x 10 a = 3 kg x 1,530 = 4,590 kg CO2e
	 * C1 end of life = 6 kg x (1 - 80 %) = 1.2 kg x 1,530 = 1,836 kg CO2e
	 * </pre>
	 */
	@Test
	void chillerRefrigerantLeak() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY,
				line("refrigerant Chiller \"spindle chiller\" charge 6 kg leaks 5 % per year recovered 80 % factor t.R134a", ""));
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(4_590, result.total(Module.B1), EPS);
		assertEquals(4_590, result.total(Module.B1, Scope.SCOPE_1), EPS);
		assertEquals(1_836, result.total(Module.C1), EPS);
		assertTrue(result.notes().stream().anyMatch(n -> n.contains("does not map refrigerant")), result.notes()::toString);
	}

	/**
	 * A forklift's diesel and a heater's gas given in kWh, in a park (one year). By hand:
	 * <pre>
	 * diesel 9,000 L x 2.68 kg/L = 24,120 kg CO2e
	 * gas 36,000 kWh = 129,600 MJ / 36 MJ/m3 = 3,600 m3 x 2 kg/m3 = 7,200 kg CO2e
	 * fuel without an account rule: B6, scope 1 -> scope 1 = 31,320 kg
	 * </pre>
	 */
	@Test
	void forkliftDieselAndGasInKWh() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, parkWithItems("""
				item Forklifts { fuel Diesel "forklift diesel" 9000 L per year factor t.Diesel }
				item Heater { fuel Heating "gas heater" 36000 kWh per year factor t.Gas }
				"""));
		FootprintResult result = compute(models, Park.class, "P");

		assertEquals(31_320, result.total(Scope.SCOPE_1), EPS);
		assertEquals(31_320, result.total(Module.B6), EPS);
		assertEquals(24_120, result.contributions().stream().filter(c -> c.element().endsWith("Diesel")).mapToDouble(c -> c.kgCO2e()).sum(),
				EPS);
	}

	/** A fuel in kWh whose factor is per m3 and declares no calorific value is an error naming the fuel and the factor. */
	@Test
	void aFuelInEnergyWithoutCalorificValueIsAnError() throws IOException {
		ResourceSet models = loadIgnoringErrors(FACTORS, METHODOLOGY,
				parkWithItems("item Heater { fuel Heating \"gas heater\" 36000 kWh per year factor t.GasNoCalorific }"));
		CalculationException e = assertThrows(CalculationException.class, () -> compute(models, Park.class, "P"));
		assertTrue(e.getMessage().contains("Heating") && e.getMessage().contains("GasNoCalorific") && e.getMessage().contains("calorific"),
				e.getMessage());
	}

	/**
	 * A background loop written with processes: steel needs electricity, electricity needs steel. Per unit, by hand:
	 * <pre>
	 * s = 2 + 0.5 p      (steel: emits 2 kg CO2e per kg, needs 0.5 kWh)
	 * p = 0.4 + 0.1 s    (power: emits 0.4 kg CO2e per kWh, needs 0.1 kg steel)
	 * s = 2 + 0.2 + 0.05 s  ->  0.95 s = 2.2  ->  s = 2.2 / 0.95 = 2.315789... kg CO2e per kg
	 * A1 = 1,000 kg x s = 2,315.789... kg CO2e
	 * </pre>
	 */
	@Test
	void backgroundLoopOfProcesses() throws IOException {
		String processes = """
				package b
				factors B {
					process Steel "steel" {
						output 1 kg
						input 0.5 kWh from b.Power
						emits 2 kgCO2e
					}
					process Power "power" {
						output 1 kWh
						input 0.1 kg from b.Steel
						emits 0.4 kgCO2e
					}
				}
				""";
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, processes,
				line("subassembly Frame { material 1000 kg factor b.Steel }", ""));
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(1000 * 2.2 / 0.95, result.total(Module.A1), 1e-9);
		assertEquals(1000 * 2.2 / 0.95, result.gwp(Module.A1).fossil(), 1e-9);
		assertTrue(result.factors().stream().anyMatch(f -> f.name().equals("b.Power")), result.factors()::toString);
	}

	/** A process that consumes at least as much as it makes has no solution: an error naming the processes. */
	@Test
	void aProcessConsumingWhatItMakesIsAnError() throws IOException {
		String processes = """
				package b
				factors B {
					process Greedy "greedy" {
						output 1 kg
						input 1 kg from b.Greedy
						emits 1 kgCO2e
					}
				}
				""";
		ResourceSet models = loadIgnoringErrors(FACTORS, METHODOLOGY, processes, line("subassembly Frame { material 10 kg factor b.Greedy }", ""));
		CalculationException e = assertThrows(CalculationException.class, () -> compute(models, Line.class, "L"));
		assertTrue(e.getMessage().contains("Greedy"), e.getMessage());
	}

	/**
	 * Per part and per processing hour. By hand:
	 * <pre>
	 * processing 10 kW for 60 %, ready 5 kW for 40 %: (6 + 2) kW x 1,000 h x 10 a = 80,000 kWh x 0.5 = 40,000 kg
	 * machine-hours: 1 x 1,000 x 10 = 10,000 h -> 4 kg/h
	 * hours in processing: 60 % x 1,000 x 10 = 6,000 h -> 40,000 / 6,000 = 6.6667 kg/h
	 * hours in processing or ready: 100 % x 10,000 = 10,000 h -> 4 kg/h
	 * parts: 20 parts/h x 1,000 h x 10 a = 200,000 -> 0.2 kg/part
	 * year: 10 -> 4,000 kg/a
	 * </pre>
	 */
	@Test
	void perPartAndPerProcessingHour() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY,
				line("state processing 10 kW for 60 %\nstate ready 5 kW for 40 %", "output 20 parts/h"));
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(40_000, result.total(), EPS);
		assertEquals(6_000, unit(result, "PH").amount(), EPS);
		assertEquals(40_000.0 / 6_000, unit(result, "PH").kgCO2ePerUnit(), EPS);
		assertEquals(10_000, unit(result, "PR").amount(), EPS);
		assertEquals(200_000, unit(result, "Part").amount(), EPS);
		assertEquals(0.2, unit(result, "Part").kgCO2ePerUnit(), EPS);
		assertEquals(4_000, unit(result, "Y").kgCO2ePerUnit(), EPS);
	}

	/** Without an output rate, the per-part unit is not computed and a finding says why. */
	@Test
	void noOutputRateNoPerPartUnit() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, line("state processing 10 kW for 60 %\nstate standby 1 kW for 40 %", ""));
		FootprintResult result = compute(models, Line.class, "L");
		assertTrue(result.functionalUnits().stream().noneMatch(u -> u.name().equals("Part")));
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("functionalUnitNotComputed") && f.message().contains("output")),
				result.findings()::toString);
	}

	/**
	 * A factor with the GWP split, across modules. By hand:
	 * <pre>
	 * A1 wood 100 kg x (fossil 0.6, biogenic -0.2, luluc 0.1) = fossil 60, removals -20, luluc 10; total 50
	 * C3 incineration of 100 % of the 100 kg x (fossil 0.1, biogenic 0.7) = fossil 10, biogenic emissions 70; total 80
	 * B6 processing 1 kW for 100 % x 1,000 h x 10 a = 10,000 kWh x 0.5 = 5,000, no split: fossil (undeclared)
	 * A-C: fossil 5,070, biogenic emissions 70, removals -20, luluc 10; total 5,130
	 * </pre>
	 */
	@Test
	void gwpSplitAcrossModules() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, line("""
				state processing 1 kW for 100 %
				subassembly Body { material 100 kg factor t.Wood }
				end of life incineration 100 % factor t.Burn
				""", ""));
		FootprintResult result = compute(models, Line.class, "L");

		GwpSplit a1 = result.gwp(Module.A1);
		assertEquals(60, a1.fossil(), EPS);
		assertEquals(-20, a1.biogenicRemovals(), EPS);
		assertEquals(0, a1.biogenicEmissions(), EPS);
		assertEquals(10, a1.luluc(), EPS);
		assertTrue(a1.declared());
		GwpSplit c3 = result.gwp(Module.C3);
		assertEquals(10, c3.fossil(), EPS);
		assertEquals(70, c3.biogenicEmissions(), EPS);
		assertFalse(result.gwp(Module.B6).declared());
		GwpSplit all = result.gwp();
		assertEquals(5_070, all.fossil(), EPS);
		assertEquals(5_130, all.total(), EPS);
		assertEquals(result.total(), all.total(), EPS);
		assertTrue(result.notes().stream().anyMatch(n -> n.contains("GWP-fossil")), result.notes()::toString);
	}

	/** A line without a site: its electricity is not counted, and an error finding says why (no silent zero). */
	@Test
	void noSiteIsAFindingNotASilentZero() throws IOException {
		String noSite = """
				package l
				line L {
					profile { shifts 1 hours 1000 h per year service life 10 a }
					machine M vmc { state processing 10 kW for 100 % }
				}
				""";
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, noSite);
		FootprintResult result = compute(models, Line.class, "L");
		assertEquals(0, result.total(), EPS);
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("missingFactor") && f.severity().equals("error")),
				result.findings()::toString);
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("zeroResult")), result.findings()::toString);
	}

	/**
	 * Monte Carlo over a process exchange's uncertainty: the steel process's electricity input varies lognormally
	 * (gsd 1.5); the result's median stays near the deterministic 1,000 x (2 + 0.5 x 0.4) = 2,200 kg and the input is the
	 * driver.
	 */
	@Test
	void monteCarloOverAProcessExchange() throws IOException {
		String processes = """
				package b
				factors B {
					process Steel "steel" {
						output 1 kg
						input 0.5 kWh from b.Power { uncertainty lognormal gsd 1.5 }
						emits 2 kgCO2e
					}
					process Power "power" {
						output 1 kWh
						emits 0.4 kgCO2e
					}
				}
				""";
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, processes, line("subassembly Frame { material 1000 kg factor b.Steel }", ""));
		FootprintResult result = new FootprintCalculator(new FootprintCalculator.Options(2000, 7, 1)).calculate(Models.find(models, Line.class,
				"L"), Models.find(models, Methodology.class, "Meth"), null);
		assertEquals(2_200, result.total(), 1e-9);
		FootprintResult.UncertaintyResult u = result.uncertainty();
		org.junit.jupiter.api.Assertions.assertNotNull(u);
		assertEquals(2_200, u.p50(), 2_200 * 0.01);
		assertTrue(u.p95() > u.p50() && u.drivers().get(0).name().contains("Power"), u::toString);
	}

	private static String parkWithItems(String items) {
		return """
				package p
				park P industrial {
					logistics Logistics {
				%s
					}
				}
				""".formatted(items);
	}

	private static FootprintResult.FunctionalUnitResult unit(FootprintResult result, String name) {
		return result.functionalUnits().stream().filter(u -> u.name().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no unit " + name + " in " + result.functionalUnits() + "; " + result.findings()));
	}

	private ResourceSet loadIgnoringErrors(String... contents) throws IOException {
		return Models.loadIgnoringErrors(dir, contents);
	}
}
