package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ProcessFunction;

/** Footprints computed from DSL models, checked against hand calculations written out in each test. */
class FootprintCalculatorTest {

	private static final double EPS = 1e-6;

	static final String FACTORS = """
			package t
			factors F {
				grid factor G "test grid" = 500 gCO2e/kWh { region "XX" pedigree reliability 2 completeness 2 temporal 2 geographical 2 technological 2 }
				material factor Steel "test steel" = 2 kgCO2e/kg { pedigree reliability 4 completeness 4 temporal 4 geographical 4 technological 4 }
				transport factor Truck "test truck" = 0.1 kgCO2e/tkm
				waste factor Recycling "recycling, processing" = 0.05 kgCO2e/kg
				waste factor Landfill "landfill" = 0.01 kgCO2e/kg
			}
			""";

	static final String METHODOLOGY = """
			package t
			methodology Meth "test methodology" {
				version "1"
				title "Test"
				module A1 required in scope3
				module A3 required in scope1
				module A4 in scope3
				module A5 in scope3
				module B4 in scope3
				module B6 required in scope2
				module C3 in scope3
				module C4 in scope3
				module D separately
				functional unit MH machineHour
				functional unit Y year
				require primaryShare of A1 A2 A3 >= 10 %
				require pedigree <= 2.5
			}
			""";

	static final String LINE = """
			package t
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine M vmc {
					rated 20 kW
					state standby 2 kW for 25 %
					state processing 10 kW for 75 %
					subassembly Frame { material 1000 kg factor t.Steel }
					subassembly Spindle { declared 300 kgCO2e data primary }
					transport 5 t over 200 km by truck factor t.Truck
					installation energy 100 kWh
					spare Cartridge 10 kg every 4 a factor t.Steel
					end of life recycling 80 % factor t.Recycling
					end of life landfill 20 % factor t.Landfill
				}
			}
			""";

	@TempDir
	Path dir;

	/**
	 * One machine across all modules. By hand:
	 * <pre>
	 * A1  frame 1000 kg x 2 kg/kg = 2000; spindle declared 300 (primary)      = 2,300   scope 3
	 * A4  5 t x 200 km = 1000 tkm x 0.1                                         =   100   scope 3
	 * A5  100 kWh x 0.5 kg/kWh                                                  =    50   scope 3
	 * B4  spare every 4 a over 10 a: ceil(10/4) - 1 = 2 replacements x 10 kg x 2 =   40   scope 3
	 * B6  (2 kW x 25 % + 10 kW x 75 %) = 8 kW x 4000 h x 10 a = 320,000 kWh x 0.5 = 160,000   scope 2
	 * C3  80 % of 1000 kg = 800 kg x 0.05                                        =    40   scope 3
	 * C4  20 % of 1000 kg = 200 kg x 0.01                                        =     2   scope 3
	 * total A-C = 2300 + 100 + 50 + 40 + 160000 + 40 + 2 = 162,532 kg CO2e
	 * per machine-hour: 4000 h x 10 a x 1 machine = 40,000 h -> 162,532 / 40,000 = 4.0633
	 * primary share A1-A3 = 300 / 2300 = 13.04 %  (>= 10 %: met)
	 * pedigree rating, emission-weighted over factors that have one: grid 2 on 160,050 kg, steel 4 on 2,040 kg;
	 *   (2 x 160050 + 4 x 2040) / 162090 = 2.02517 (<= 2.5: met)
	 * </pre>
	 */
	@Test
	void singleMachineAcrossAllModules() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, LINE);
		FootprintResult result = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(models, Line.class, "L"), Models.find(models, Methodology.class, "Meth"), null);

		assertEquals(2_300, result.total(Module.A1), EPS);
		assertEquals(100, result.total(Module.A4), EPS);
		assertEquals(50, result.total(Module.A5), EPS);
		assertEquals(40, result.total(Module.B4), EPS);
		assertEquals(160_000, result.total(Module.B6), EPS);
		assertEquals(40, result.total(Module.C3), EPS);
		assertEquals(2, result.total(Module.C4), EPS);
		assertEquals(0, result.moduleD(), EPS);
		assertEquals(162_532, result.total(), EPS);
		assertEquals(160_000, result.total(Scope.SCOPE_2), EPS);
		assertEquals(2_532, result.total(Scope.SCOPE_3), EPS);
		assertEquals(160_000, result.scope2().locationBasedKgCO2e(), EPS);

		FootprintResult.FunctionalUnitResult perHour = result.functionalUnits().get(0);
		assertEquals("MH", perHour.name());
		assertEquals(40_000, perHour.amount(), EPS);
		assertEquals(4.0633, perHour.kgCO2ePerUnit(), 1e-9);
		assertEquals("1 machine × 4,000 h a year × 10 a", perHour.basis(), "one machine, in the singular");
		assertEquals(16_253.2, result.functionalUnits().get(1).kgCO2ePerUnit(), 1e-6); // per year: /10

		assertEquals(300.0 / 2300, result.dataQuality().primaryShareA1A3(), 1e-9);
		assertEquals((2 * 160_050.0 + 4 * 2_040.0) / 162_090, result.dataQuality().rating(), 1e-9);
		assertTrue(result.dataQuality().checks().get(0).met(), result.dataQuality().checks().get(0)::message);
		assertTrue(result.dataQuality().checks().get(1).met(), result.dataQuality().checks().get(1)::message);
		// A3 is required but the model has no manufacturing data: flagged, not silently zero
		assertTrue(result.dataQuality().checks().stream().anyMatch(c -> c.metric().equals("module A3") && !c.met()));
		assertEquals(5, result.factors().size());
		assertEquals("t.G", result.factors().get(0).name());
	}

	static final String CREDITS = """
			package t
			factors Credits {
				credit factor SteelCredit "avoided primary steel, net of scrap input" = -1.5 kgCO2e/kg { source "test" licence "test" }
				credit factor AluCredit "avoided primary aluminium" = -8 kgCO2e/kg { source "test" licence "test" }
			}
			""";

	/**
	 * The single machine with module D credits for what its end of life recovers. By hand:
	 * <pre>
	 * D  frame steel 720 kg x -1.5 kg/kg              = -1,080
	 *    covers 0.09 t = 90 kg of aluminium x -8 kg/kg =   -720
	 *    module D                                      = -1,800, reported apart
	 * A-C unchanged: 162,532 (scope 3 still 2,532): the credits are never netted
	 * </pre>
	 */
	@Test
	void moduleDCreditsAreReportedApartAndNeverNetted() throws IOException {
		String line = LINE.replace("end of life landfill 20 % factor t.Landfill", """
				end of life landfill 20 % factor t.Landfill
				credit FrameSteel "recovered frame steel" 720 kg factor t.SteelCredit
				credit Covers 0.09 t factor t.AluCredit""");
		ResourceSet models = Models.load(dir, FACTORS, CREDITS, METHODOLOGY, line);
		FootprintResult result = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(models, Line.class, "L"), Models.find(models, Methodology.class, "Meth"), null);

		assertEquals(-1_800, result.moduleD(), EPS);
		assertEquals(162_532, result.total(), EPS);
		assertEquals(2_532, result.total(Scope.SCOPE_3), EPS);
		List<FootprintResult.Contribution> credits = result.contributions().stream().filter(c -> c.module() == Module.D).toList();
		assertEquals(List.of("t.L.M.Covers", "t.L.M.FrameSteel"), credits.stream().map(FootprintResult.Contribution::element).toList());
		assertEquals(90, credits.get(0).activityAmount(), EPS);
		assertEquals("kg", credits.get(0).activityUnit());
		assertEquals(-720, credits.get(0).kgCO2e(), EPS);
		assertEquals("credit, recovered frame steel", credits.get(1).description());
		assertEquals(-1_080, credits.get(1).kgCO2e(), EPS);
		FootprintResult.Equipment m = equipment(result, "t.L.M");
		assertEquals(162_532, m.kgCO2e(), EPS);
		assertEquals(-1_800, m.moduleD(), EPS);
		assertEquals(result.total() / 40_000, result.functionalUnits().get(0).kgCO2ePerUnit(), 1e-12, "per machine-hour without D");

		// a methodology without module D leaves the credits out, and says so
		ResourceSet narrow = Models.load(dir, FACTORS, CREDITS, METHODOLOGY.replace("module D separately\n", ""), line);
		FootprintResult withoutD = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(narrow, Line.class, "L"), Models.find(narrow, Methodology.class, "Meth"), null);
		assertEquals(0, withoutD.moduleD(), EPS);
		assertTrue(withoutD.notes().stream().anyMatch(n -> n.contains("Outside the methodology's system boundary") && n.contains("D")),
				withoutD.notes()::toString);
	}

	@Test
	void modulesOutsideTheBoundaryAreLeftOutWithANote() throws IOException {
		String narrow = METHODOLOGY.replace("module B4 in scope3\n", "").replace("module C4 in scope3\n", "");
		ResourceSet models = Models.load(dir, FACTORS, narrow, LINE);
		FootprintResult result = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(models, Line.class, "L"), Models.find(models, Methodology.class, "Meth"), null);
		// 162,532 - 40 (B4) - 2 (C4) = 162,490
		assertEquals(162_490, result.total(), EPS);
		assertTrue(result.notes().stream().anyMatch(n -> n.contains("Outside the methodology's system boundary") && n.contains("B4")
				&& n.contains("C4")), result.notes()::toString);
	}

	@Test
	void monteCarloOverTheGridFactorIsReproducible() throws IOException {
		String uncertain = FACTORS.replace("technological 2 }", "technological 2 uncertainty lognormal gsd 1.2 }");
		ResourceSet models = Models.load(dir, uncertain, METHODOLOGY, LINE);
		Line line = Models.find(models, Line.class, "L");
		Methodology methodology = Models.find(models, Methodology.class, "Meth");
		FootprintCalculator calculator = new FootprintCalculator(new FootprintCalculator.Options(4000, 11, 2));

		FootprintResult.UncertaintyResult first = calculator.calculate(line, methodology, null).uncertainty();
		FootprintResult.UncertaintyResult again = calculator.calculate(line, methodology, null).uncertainty();

		assertNotNull(first);
		assertEquals(first, again);
		// Only the grid factor varies, lognormally around its median: the B6 + A5 part (160,050 kg) has median
		// 160,050 and P95 = 160,050 x 1.2^1.6449 = 160,050 x 1.3499 = 216,050; the other 2,442 kg are fixed.
		assertEquals(162_492, first.p50(), 162_492 * 0.01);
		assertEquals(2_442 + 160_050 * Math.pow(1.2, 1.6449), first.p95(), 216_050 * 0.02);
		assertEquals("t.G", first.drivers().get(0).name());
	}

	static final String MILL_TURN_LINE = """
			package t
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine MT millturn "mill-turn centre" {
					state standby 2 kW for 25 %
					state processing 10 kW for 75 %
					subassembly Frame { material 1000 kg factor t.Steel }
					function Milling "5-axis milling" { hours 2400 h capacity 12 parts/h share 70 % }
					function Turning { hours 1600 h capacity 20 parts/h share 30 % }
					operation OP10 for Milling rate 12 parts/h
					operation OP20 for Turning rate 20 parts/h
					operation OP30 for Turning rate 30 parts/h
				}
				machine V vmc {
					state processing 5 kW for 100 %
				}
			}
			""";

	private FootprintResult millTurn(String allocationRules) throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY.replace("require primaryShare", allocationRules + "\nrequire primaryShare"),
				MILL_TURN_LINE);
		return new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(models, Line.class, "L"), Models.find(models, Methodology.class, "Meth"), null);
	}

	private static FootprintResult.Equipment equipment(FootprintResult result, String name) {
		return result.equipment().stream().filter(e -> e.element().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
	}

	/**
	 * A mill-turn centre split by the methodology's rule for mill-turn machines. By hand:
	 * <pre>
	 * MT  A1 frame 1000 kg x 2 kg/kg                                              =   2,000
	 *     B6 (2 kW x 25 % + 10 kW x 75 %) = 8 kW x 4000 h x 10 a = 320,000 kWh x 0.5 = 160,000
	 *     MT total                                                                 = 162,000
	 * V   B6 5 kW x 4000 h x 10 a = 200,000 kWh x 0.5                              = 100,000
	 * line total 262,000 (allocation only divides MT, it never changes a total)
	 * allocation by hours for millturn: Milling 2400 / (2400 + 1600) = 0.6 -> 0.6 x 162,000 = 97,200
	 *                                   Turning 1600 / 4000          = 0.4 -> 0.4 x 162,000 = 64,800
	 * the general rule (allocation by capacity) does not apply to MT, and V declares no functions
	 * </pre>
	 */
	@Test
	void millTurnIsSplitByTheRuleForItsType() throws IOException {
		FootprintResult result = millTurn("allocation by hours for millturn\nallocation by capacity");

		assertEquals(262_000, result.total(), EPS);
		FootprintResult.Equipment mt = equipment(result, "t.L.MT");
		assertEquals(162_000, mt.kgCO2e(), EPS);
		FootprintResult.AllocationResult split = mt.allocation();
		assertEquals("allocation by hours for millturn", split.rule());
		assertEquals("hours", split.basis());
		assertEquals("h", split.unit());
		assertEquals(List.of("Milling", "Turning"), split.functions().stream().map(FootprintResult.FunctionResult::name).toList());
		assertEquals(2400, split.functions().get(0).amount(), EPS);
		assertEquals(0.6, split.functions().get(0).factor(), 1e-12);
		assertEquals(0.4, split.functions().get(1).factor(), 1e-12);
		assertEquals(1, split.functions().stream().mapToDouble(FootprintResult.FunctionResult::factor).sum(), 1e-12);
		assertEquals(97_200, split.functions().get(0).kgCO2e(), EPS);
		assertEquals(64_800, split.functions().get(1).kgCO2e(), EPS);
		assertEquals(List.of("OP10"), split.functions().get(0).operations());
		assertEquals(List.of("OP20", "OP30"), split.functions().get(1).operations());
		FootprintResult.Equipment v = equipment(result, "t.L.V");
		assertEquals(100_000, v.kgCO2e(), EPS);
		assertNull(v.allocation(), "a machine without functions is not split");
		assertTrue(result.notes().stream().anyMatch(n -> n.contains("Machine MT is split") && n.contains("Milling 60.00 %")), result.notes()::toString);
	}

	/**
	 * Other bases on the same machine. By hand:
	 * <pre>
	 * capacity: Milling 12 / (12 + 20) = 0.375 -> 60,750; Turning 20 / 32 = 0.625 -> 101,250
	 * declared: Milling 70 % -> 113,400; Turning 30 % -> 48,600
	 * </pre>
	 */
	@Test
	void millTurnByCapacityOrByDeclaredShares() throws IOException {
		FootprintResult.AllocationResult byCapacity = equipment(millTurn("allocation by capacity"), "t.L.MT").allocation();
		assertEquals("allocation by capacity", byCapacity.rule());
		assertEquals(60_750, byCapacity.functions().get(0).kgCO2e(), EPS);
		assertEquals(101_250, byCapacity.functions().get(1).kgCO2e(), EPS);

		FootprintResult.AllocationResult declared = equipment(millTurn("allocation by declared for millturn"), "t.L.MT").allocation();
		assertEquals(0.7, declared.functions().get(0).factor(), 1e-12);
		assertEquals(113_400, declared.functions().get(0).kgCO2e(), EPS);
		assertEquals(48_600, declared.functions().get(1).kgCO2e(), EPS);
	}

	@Test
	void aBasisTheFunctionsDoNotDeclareIsAnErrorOnTheFunction() throws IOException {
		CalculationException e = assertThrows(CalculationException.class, () -> millTurn("allocation by mass for millturn"));
		assertTrue(e.getMessage().contains("by mass") && e.getMessage().contains("declares no mass"), e.getMessage());
		assertEquals("Milling", ((ProcessFunction) e.element()).getName(), "the first function without the basis is at fault");
	}

	@Test
	void withoutARuleTheMachineIsReportedUndivided() throws IOException {
		FootprintResult result = millTurn("");
		assertNull(equipment(result, "t.L.MT").allocation());
		assertEquals(162_000, equipment(result, "t.L.MT").kgCO2e(), EPS);
		assertTrue(result.notes().stream().anyMatch(n -> n.contains("no allocation rule for millturn machines")), result.notes()::toString);
	}

	static final String AIR_LINE = """
			package t
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine A vmc {
					state standby 2 kW for 25 %
					state processing 10 kW for 75 %
				}
				machine B vmc {
					state processing 5 kW for 100 %
				}
				utility Air compressedAir "screw compressor and dryer" {
					rated 37 kW
					state standby 6 kW for 50 %
					state processing 30 kW for 50 %
					leaks 25 %
					subassembly Compressor { material 2000 kg factor t.Steel }
					supplies A 30 Nm3/h in processing
					supplies A 6 Nm3/h in standby
					supplies B 20 Nm3/h
				}
			}
			""";

	private FootprintResult airLine(String line, FootprintCalculator.Options options, String factors) throws IOException {
		ResourceSet models = Models.load(dir, factors, METHODOLOGY, line);
		return new FootprintCalculator(options).calculate(Models.find(models, Line.class, "L"), Models.find(models, Methodology.class, "Meth"),
				null);
	}

	/**
	 * A line with a shared compressed-air station. By hand (grid 0.5 kg/kWh, 4,000 h a year, 10 years = 40,000 h):
	 * <pre>
	 * A    B6 (2 kW x 25 % + 10 kW x 75 %) = 8 kW x 40,000 h = 320,000 kWh x 0.5  = 160,000
	 * B    B6 5 kW x 40,000 h = 200,000 kWh x 0.5                                = 100,000
	 * Air  B6 (6 kW x 50 % + 30 kW x 50 %) = 18 kW x 40,000 h = 720,000 kWh x 0.5 = 360,000
	 *      A1 compressor 2,000 kg x 2 kg/kg                                       =   4,000
	 *      own footprint                                                          = 364,000
	 * air demand over the life:
	 *      A  30 Nm3/h x 75 % (its processing share) x 40,000 h                   = 900,000 Nm3
	 *      A   6 Nm3/h x 25 % (its standby share) x 40,000 h                      =  60,000 Nm3
	 *      B  20 Nm3/h x 40,000 h                                                 = 800,000 Nm3
	 *      delivered 1,760,000 Nm3; leaks 25 %: generated 1,760,000 / 0.75        = 2,346,666.67 Nm3
	 * shares: A 960,000 / 1,760,000 = 6/11 -> 364,000 x 6/11 = 198,545.45
	 *         B 800,000 / 1,760,000 = 5/11 -> 364,000 x 5/11 = 165,454.55
	 * per machine: A 160,000 + 198,545.45 = 358,545.45; B 100,000 + 165,454.55 = 265,454.55
	 * line total 160,000 + 100,000 + 364,000 = 624,000 = A + B (the utility is counted once)
	 * per Nm3 delivered 364,000 / 1,760,000 = 0.206818 kg; lost to leaks 25 % x 364,000 = 91,000
	 * </pre>
	 */
	@Test
	void sharedCompressedAirIsAllocatedToTheMachinesByDemand() throws IOException {
		FootprintResult result = airLine(AIR_LINE, FootprintCalculator.Options.DETERMINISTIC, FACTORS);

		assertEquals(624_000, result.total(), EPS);
		assertEquals(364_000, result.contributions().stream().filter(c -> c.element().startsWith("t.L.Air") && !c.module().isReportedSeparately())
				.mapToDouble(FootprintResult.Contribution::kgCO2e).sum(), EPS, "the utility's own contributions, counted once");
		FootprintResult.Equipment a = equipment(result, "t.L.A");
		assertEquals(160_000, a.ownKgCO2e(), EPS);
		assertEquals(364_000.0 * 6 / 11, a.utilitiesKgCO2e(), 1e-6);
		assertEquals(358_545.4545, a.kgCO2e(), 1e-3);
		assertEquals(1, a.utilities().size(), "both states' demands are one share of one utility");
		FootprintResult.UtilityShare air = a.utilities().get(0);
		assertEquals("t.L.Air", air.utility());
		assertEquals(960_000, air.amount(), 1e-6);
		assertEquals("Nm3", air.unit());
		assertEquals(6.0 / 11, air.share(), 1e-12);
		FootprintResult.Equipment b = equipment(result, "t.L.B");
		assertEquals(265_454.5454, b.kgCO2e(), 1e-3);
		assertEquals(result.total(), a.kgCO2e() + b.kgCO2e(), 1e-6, "the machines carry the whole line");

		FootprintResult.Equipment station = equipment(result, "t.L.Air");
		assertEquals("utility", station.kind());
		assertEquals(364_000, station.ownKgCO2e(), EPS);
		FootprintResult.Supply supply = station.supply();
		assertEquals("compressedAir", supply.utilityKind());
		assertEquals(1_760_000, supply.delivered(), 1e-6);
		assertEquals(0.25, supply.leakage(), 1e-12);
		assertEquals(2_346_666.6667, supply.generated(), 1e-3);
		assertEquals(364_000.0 / 1_760_000, supply.kgCO2ePerUnit(), 1e-12);
		assertEquals(364_000, supply.allocatedKgCO2e(), 1e-6);
		assertEquals(91_000, supply.leakKgCO2e(), 1e-6);
	}

	/**
	 * A mill-turn centre that draws compressed air: its functions share its footprint with its share of the air.
	 * By hand (grid 0.5 kg/kWh, 40,000 h over the life):
	 * <pre>
	 * MT   own 162,000 (A1 2,000 + B6 160,000, as in millTurnIsSplitByTheRuleForItsType)
	 * V    own 100,000
	 * Air  electricity 100 MWh a year x 10 a = 1,000,000 kWh x 0.5 = 500,000
	 *      MT 10 Nm3/h x 40,000 h = 400,000 Nm3; V 30 Nm3/h x 40,000 h = 1,200,000 Nm3; delivered 1,600,000
	 *      MT 400,000 / 1,600,000 = 25 % -> 125,000; V 75 % -> 375,000
	 * MT   162,000 + 125,000 = 287,000: Milling 0.6 x 287,000 = 172,200; Turning 0.4 x 287,000 = 114,800
	 * V    100,000 + 375,000 = 475,000; line 162,000 + 100,000 + 500,000 = 762,000 = 287,000 + 475,000
	 * </pre>
	 */
	@Test
	void aMillTurnDrawingSharedAirSplitsItsAirShareBetweenItsFunctionsToo() throws IOException {
		String line = MILL_TURN_LINE.replace("state processing 5 kW for 100 %\n\t}", "state processing 5 kW for 100 %\n\t}\n"
				+ "\tutility Air compressedAir { electricity 100 MWh per year supplies MT 10 Nm3/h supplies V 30 Nm3/h }");
		assertTrue(line.contains("utility Air"), line);
		ResourceSet models = Models.load(dir, FACTORS,
				METHODOLOGY.replace("require primaryShare", "allocation by hours for millturn\nrequire primaryShare"), line);
		FootprintResult result = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(models, Line.class, "L"), Models.find(models, Methodology.class, "Meth"), null);

		assertEquals(762_000, result.total(), EPS);
		FootprintResult.Equipment mt = equipment(result, "t.L.MT");
		assertEquals(162_000, mt.ownKgCO2e(), EPS);
		assertEquals(125_000, mt.utilitiesKgCO2e(), EPS);
		assertEquals(172_200, mt.allocation().functions().get(0).kgCO2e(), EPS);
		assertEquals(114_800, mt.allocation().functions().get(1).kgCO2e(), EPS);
		assertEquals(475_000, equipment(result, "t.L.V").kgCO2e(), EPS);
		assertEquals(0.25, mt.utilities().get(0).share(), 1e-12);
	}

	/**
	 * The same station with its electricity per Nm3 generated instead of its states: leaks now cost electricity.
	 * <pre>
	 * B6 0.1 kWh/Nm3 x 2,346,666.67 Nm3 generated = 234,666.67 kWh x 0.5 = 117,333.33; A1 4,000 -> own 121,333.33
	 *    (without leaks it would be 0.1 x 1,760,000 = 176,000 kWh: 88,000 kg)
	 * A 6/11 -> 66,181.82; B 5/11 -> 55,151.52; total 160,000 + 100,000 + 121,333.33 = 381,333.33
	 * </pre>
	 * And a utility that supplies no machine stays in the line total, allocated to nobody.
	 */
	@Test
	void specificEnergyScalesWithLeaksAndAnUnconsumedUtilityIsCountedOnce() throws IOException {
		String specific = AIR_LINE.replace("state standby 6 kW for 50 %\n", "").replace("state processing 30 kW for 50 %\n", "specific energy 0.1 kWh/Nm3\n");
		FootprintResult result = airLine(specific, FootprintCalculator.Options.DETERMINISTIC, FACTORS);
		assertEquals(381_333.3333, result.total(), 1e-3);
		assertEquals(117_333.3333, result.total(Module.B6) - 260_000, 1e-3);
		assertEquals(66_181.8182, equipment(result, "t.L.A").utilitiesKgCO2e(), 1e-3);
		assertEquals(55_151.5152, equipment(result, "t.L.B").utilitiesKgCO2e(), 1e-3);

		String unconsumed = AIR_LINE.replaceAll("supplies [AB] [^\n]*\n", "");
		FootprintResult alone = airLine(unconsumed, FootprintCalculator.Options.DETERMINISTIC, FACTORS);
		assertEquals(624_000, alone.total(), EPS);
		assertEquals(260_000, equipment(alone, "t.L.A").kgCO2e() + equipment(alone, "t.L.B").kgCO2e(), EPS);
		assertEquals(0, equipment(alone, "t.L.Air").supply().allocatedKgCO2e(), EPS);
		assertTrue(alone.notes().stream().anyMatch(n -> n.contains("Air delivers nothing")), alone.notes()::toString);
	}

	/**
	 * Monte Carlo through the shared utility: only the grid factor varies (lognormal, GSD 1.2), so the total is
	 * 4,000 kg of steel plus 620,000 kg of electricity x a lognormal factor with median 1: P50 = 624,000 and
	 * P95 = 4,000 + 620,000 x 1.2^1.6449 = 4,000 + 620,000 x 1.34996 = 840,975.
	 */
	@Test
	void monteCarloRunsThroughTheSharedUtility() throws IOException {
		String uncertain = FACTORS.replace("technological 2 }", "technological 2 uncertainty lognormal gsd 1.2 }");
		FootprintCalculator.Options options = new FootprintCalculator.Options(4000, 7, 2);
		FootprintResult.UncertaintyResult u = airLine(AIR_LINE, options, uncertain).uncertainty();
		assertNotNull(u);
		assertEquals(624_000, u.p50(), 624_000 * 0.01);
		assertEquals(4_000 + 620_000 * Math.pow(1.2, 1.6449), u.p95(), 840_975 * 0.02);
		assertEquals(u, airLine(AIR_LINE, options, uncertain).uncertainty(), "same seed, same numbers");
	}

	/**
	 * A park with grid, PV and direct wind supply. By hand:
	 * <pre>
	 * grid 50,000 MWh x 0.5 t/MWh = 25,000 t; PV 10,000 MWh clean; direct wind 20,000 MWh clean
	 * location-based scope 2: grid-delivered 50,000 MWh x 0.5 + direct and PV at their own rate (clean, no rate: 0) = 25,000 t
	 * market-based scope 2: direct and on-site first (0), no instrument, no residual mix: grid average for the rest = 25,000 t
	 * logistics 1,000 t (scope 3, B1); wetland removes 300 t (reported apart, module D)
	 * clean share = (10,000 + 20,000) / 80,000 = 37.5 %
	 * the methodology declares no tce conversion: no tce indicators, a finding says why
	 * </pre>
	 */
	@Test
	void parkWithPvAndDirectGreenPower() throws IOException {
		String park = """
				package p
				site PS { region "XX" grid t.G }
				park P industrial {
					site PS
					energy supply Supply {
						source Grid grid capacity 20 MW delivers 50000 MWh per year factor t.G
						source Pv pv capacity 8 MW delivers 10000 MWh per year clean
						source Wind greenDirect capacity 10 MW delivers 20000 MWh per year clean
					}
					logistics Logistics {
						item Trucks emissions 1000 tCO2e
					}
					ecosystems Eco {
						item Wetland removals 300 tCO2e
					}
				}
				""";
		String methodology = METHODOLOGY.replace("module B4 in scope3", "module B1 in scope3");
		ResourceSet models = Models.load(dir, FACTORS, methodology, park);
		FootprintResult result = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC)
				.calculate(Models.find(models, Park.class, "P"), Models.find(models, Methodology.class, "Meth"), null);

		assertEquals(25_000_000, result.scope2().marketBasedKgCO2e(), 1e-3);
		assertEquals(25_000_000, result.scope2().locationBasedKgCO2e(), 1e-3);
		assertEquals(26_000_000, result.total(), 1e-3); // market-based view: grid 25,000 t + logistics 1,000 t
		assertEquals(-300_000, result.moduleD(), 1e-3);
		FootprintResult.Indicator clean = result.indicators().stream().filter(i -> i.name().equals("clean-energy share")).findFirst()
				.orElseThrow();
		assertEquals(37.5, clean.value(), 1e-9);
		assertTrue(result.indicators().stream().noneMatch(i -> i.unit().equals("tce") || i.unit().equals("tCO2e/tce")), result.indicators()::toString);
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("noTceConversion")), result.findings()::toString);
		assertFalse(result.notes().isEmpty());
	}
}
