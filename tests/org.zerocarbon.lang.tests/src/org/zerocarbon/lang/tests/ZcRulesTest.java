package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** Each validation rule, negative (the rule fires with its code and message) and positive (a correct model is clean). */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ZcRulesTest {

	private static final String LIBRARY = """
			package lib
			factors L {
				grid factor DE = 381 gCO2e/kWh { region "DE" source "s" licence "l" }
				grid factor FR = 56 gCO2e/kWh { region "FR" source "s" licence "l" }
				material factor Steel = 1.91 tCO2/t { basis co2 source "s" licence "l" }
				transport factor Truck = 0.126 kgCO2e/tkm { source "s" licence "l" }
			}
			""";

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;
	@Inject
	private Provider<ResourceSet> resourceSets;

	private ZcModel parse(String text) throws Exception {
		ResourceSet set = resourceSets.get();
		parser.parse(LIBRARY, set);
		ZcModel model = parser.parse(text, set);
		assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
		return model;
	}

	private List<Issue> issues(String text) throws Exception {
		return validator.validate(parse(text));
	}

	/** Exactly one issue, with that code, severity and message start. */
	private void assertOnly(String text, String code, Severity severity, String message) throws Exception {
		IssueAssertions.assertOnly(issues(text), code, severity, message);
	}

	private void assertClean(String text) throws Exception {
		validator.assertNoIssues(parse(text));
	}

	private static String machine(String body) {
		return "import lib.*\nline Cell {\n machine M vmc {\n" + body + "\n }\n}\n";
	}

	// ------------------------------------------------------------------------------------------ quantities

	@Test
	void theLeadSnippetIsValid() throws Exception {
		assertClean("""
				package demo
				line Cell {
				  machine VMC1 vmc {
				    rated 15 kW
				    state standby 1.2 kW for 30 %
				    state processing 9.5 kW for 70 %
				  }
				}
				""");
	}

	@Test
	void negativeQuantities() throws Exception {
		assertOnly(machine("rated -5 kW"), ZcIssueCodes.NEGATIVE_QUANTITY, Severity.ERROR, "The rated power cannot be negative");
		assertClean(machine("rated 5 kW"));
	}

	@Test
	void ratiosAbove100Percent() throws Exception {
		assertOnly(machine("end of life recycling 120 %"), ZcIssueCodes.RATIO_ABOVE_100, Severity.ERROR,
				"The end-of-life share cannot be above 100 %");
		assertClean(machine("end of life recycling 100 %"));
	}

	@Test
	void unitsAreCheckedAfterConversionNotBySpelling() throws Exception {
		assertClean(machine("rated 15000 W\nstate standby 0.0012 MW for 30 %\nstate processing 9500 W for 70 %"));
	}

	// ------------------------------------------------------------------------------------------ machines

	@Test
	void duplicateStates() throws Exception {
		assertOnly(machine("state standby 1 kW for 50 %\nstate standby 2 kW for 50 %"), ZcIssueCodes.DUPLICATE_STATE, Severity.ERROR,
				"The energy state 'standby' is listed twice for machine 'M'");
	}

	@Test
	void statePowerAboveRatingIsComparedAcrossUnits() throws Exception {
		assertOnly(machine("rated 10 kW\nstate processing 12000 W for 100 %"), ZcIssueCodes.STATE_POWER_ABOVE_RATED, Severity.WARNING,
				"The mean power in state 'processing' (12000 W) is above the rated power of 'M' (10 kW)");
		assertClean(machine("rated 10 kW\nstate processing 9999 W for 100 %"));
	}

	@Test
	void endOfLifeSharesAboveTheWhole() throws Exception {
		assertOnly(machine("end of life recycling 70 %\nend of life landfill 40 %"), ZcIssueCodes.END_OF_LIFE_SHARES, Severity.ERROR,
				"The end-of-life shares of machine 'M' add up to 110 %, more than 100 %");
		assertClean(machine("end of life recycling 70 %\nend of life landfill 30 %"));
	}

	@Test
	void declaredAllocationSharesAddUpTo100Percent() throws Exception {
		assertOnly(machine("function Milling { share 60 % }\nfunction Turning { share 30 % }"), ZcIssueCodes.ALLOCATION_SHARES_SUM,
				Severity.ERROR, "The allocation shares of the functions of machine 'M' add up to 90 %, not 100 %");
		assertOnly(machine("function Milling { share 60 % }\nfunction Turning"), ZcIssueCodes.ALLOCATION_SHARES_SUM, Severity.ERROR,
				"Function 'Turning' of machine 'M' declares no allocation share, but 'Milling' does");
		// 0.6 written as a plain ratio and 400 per mille are 100 % together: compared after conversion
		assertClean(machine("function Milling { share 60 % }\nfunction Turning { share 0.4 parts }"));
	}

	@Test
	void allocationBasisAmountsOnEveryFunctionInOneKindOfUnit() throws Exception {
		assertOnly(machine("function Milling { hours 2400 h }\nfunction Turning"), ZcIssueCodes.ALLOCATION_BASIS_INCOMPLETE,
				Severity.WARNING, "Function 'Turning' of machine 'M' declares no hours, but 'Milling' does");
		List<Issue> crossed = issues(machine("function Milling { hours 2400 h }\nfunction Turning { mass 3 t }"));
		assertEquals(2, crossed.size(), "each function lacks the other's basis: " + crossed);
		assertOnly(machine("function Milling { output 30000 parts }\nfunction Turning { output 12 parts/h }"),
				ZcIssueCodes.ALLOCATION_BASIS_UNITS, Severity.ERROR,
				"The output of function 'Turning' (12 parts/h) cannot be compared with that of 'Milling' (30000 parts)");
		assertOnly(machine("function Milling { value -5 }\nfunction Turning { value 10 }"), ZcIssueCodes.NEGATIVE_QUANTITY, Severity.ERROR,
				"The value of function 'Milling' cannot be negative");
		assertOnly(machine("function Milling { hours 2400 kWh }\nfunction Turning { hours 1600 h }"), ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The operating time of the function must be a time");
		assertClean(machine("""
				function Milling "5-axis milling" { hours 2400 h capacity 12 parts/h output 28800 parts mass 14 t energy 21000 kWh value 420000 }
				function Turning { hours 96000 min capacity 0.5 Hz output 32000 parts mass 9000 kg energy 9.8 MWh value 180000 }
				operation OP10 for Milling rate 12 parts/h
				operation OP20 "Face and bore" for Turning rate 20 parts/h"""));
	}

	@Test
	void anOperationBelongsToAFunctionOfItsOwnMachine() throws Exception {
		List<Issue> issues = issues("line L { machine A millturn { function Milling } machine B millturn { operation OP for Milling rate 1 parts/h } }");
		assertEquals(1, issues.size(), issues::toString);
		assertEquals("org.eclipse.xtext.diagnostics.Diagnostic.Linking", issues.get(0).getCode());
		assertClean("line L { machine A millturn { function Milling operation OP for Milling rate 1 parts/h } }");
	}

	private static String utility(String body) {
		return "line Cell {\n machine A vmc { state standby 1 kW for 40 %\nstate processing 8 kW for 60 % }\n machine B vmc { }\n"
				+ " utility Air compressedAir {\n" + body + "\n }\n}\n";
	}

	@Test
	void aSharedUtilityIsCleanWhenItsElectricityAndSuppliesAreConsistent() throws Exception {
		assertClean(utility("rated 37 kW\nstate processing 18 kW for 100 %\nleaks 20 %\nsupplies A 30 Nm3/h in processing\n"
				+ "supplies A 0.1 m3/min in standby\nsupplies B 120000 Nm3 per year"));
		assertClean(utility("specific energy 0.11 kWh/Nm3\nsupplies A 30 Nm3/h"));
		assertClean("line L { machine M vmc { } utility Cold cooling { specific energy 0.3 kWh/kWh supplies M 4 kW } }");
	}

	@Test
	void aSharedUtilitysElectricityIsGivenOneWay() throws Exception {
		assertOnly(utility("state processing 18 kW for 100 %\nelectricity 150 MWh per year\nsupplies A 30 Nm3/h"),
				ZcIssueCodes.UTILITY_ELECTRICITY, Severity.ERROR,
				"The electricity of utility 'Air' is given 2 ways (energy states, electricity per year)");
		assertOnly(utility("supplies A 30 Nm3/h"), ZcIssueCodes.UTILITY_ELECTRICITY, Severity.WARNING,
				"Utility 'Air' uses no electricity in the model");
	}

	@Test
	void aSharedUtilityDeliversOneProductToMachinesThatDrawIt() throws Exception {
		assertOnly(utility("electricity 150 MWh per year\nsupplies A 30 Nm3/h\nsupplies B 3 kW"), ZcIssueCodes.UTILITY_SUPPLY_UNITS,
				Severity.ERROR, "Utility 'Air' supplies a volume to 'A' but an energy to 'B'");
		assertOnly(utility("electricity 150 MWh per year"), ZcIssueCodes.UTILITY_WITHOUT_CONSUMERS, Severity.WARNING,
				"Utility 'Air' supplies no machine");
		assertOnly(utility("electricity 150 MWh per year\nsupplies B 30 Nm3/h in processing"), ZcIssueCodes.SUPPLY_STATE_UNKNOWN,
				Severity.WARNING, "Machine 'B' declares no 'processing' state");
		assertOnly(utility("electricity 150 MWh per year\nsupplies A 30 Nm3"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The supply rate must be a volume flow or a power");
		assertOnly(utility("electricity 150 MWh per year\nsupplies A 30 Nm3/h per year"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The supplied amount per year must be a volume or an energy");
		assertOnly(utility("specific energy 0.11 kWh/kg\nsupplies A 30 Nm3/h"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The specific energy of utility 'Air' must be an energy per volume delivered");
		assertOnly(utility("electricity 150 MWh per year\nleaks 100 %\nsupplies A 30 Nm3/h"), ZcIssueCodes.RATIO_ABOVE_100, Severity.ERROR,
				"Utility 'Air' cannot lose everything it generates");
		List<Issue> otherLine = issues("line L { machine M vmc { } } line K { utility U other { electricity 1 MWh per year supplies M 1 kW } }");
		assertTrue(otherLine.stream().anyMatch(i -> i.getCode().equals("org.eclipse.xtext.diagnostics.Diagnostic.Linking")),
				"a utility supplies machines of its own line: " + otherLine);
	}

	@Test
	void negativeValuesAreCreditFactorsOnlyAndCreditsUseThem() throws Exception {
		String credit = "credit factor SteelCredit = -1.5 kgCO2e/kg { source \"s\" licence \"l\" uncertainty triangular between -2 kgCO2e/kg "
				+ "and -1 kgCO2e/kg mode -1.5 kgCO2e/kg }";
		assertClean("factors C { " + credit + " }\nline L { machine M vmc { credit Frame \"recovered steel\" 900 kg factor SteelCredit } }");
		assertOnly("factors C { material factor X = -1 kgCO2e/kg { source \"s\" licence \"l\" } }", ZcIssueCodes.NEGATIVE_QUANTITY,
				Severity.ERROR, "The material factor cannot be negative: only credit factors (module D, 'credit factor ...') are negative");
		assertOnly("factors C { credit factor Y = 1.5 kgCO2e/kg { source \"s\" licence \"l\" } }", ZcIssueCodes.CREDIT_SIGN, Severity.ERROR,
				"The credit factor 'Y' is a benefit beyond the system boundary (module D) and is written as a negative value, e.g. -1.5 kgCO2e/kg");
		assertOnly("factors C { credit factor Z = -1.5 kgCO2e/kg { source \"s\" licence \"l\" uncertainty normal sd -0.2 kgCO2e/kg } }",
				ZcIssueCodes.NEGATIVE_QUANTITY, Severity.ERROR, "The uncertainty bound cannot be negative");
		assertOnly(machine("credit Frame 900 kg factor Steel"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"A credit factor is needed here, but 'Steel' is a material factor");
		assertOnly("factors C { " + credit + " }\nline L { machine M vmc { end of life recycling 90 % factor SteelCredit } }",
				ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR, "'SteelCredit' is a credit factor: credits are module D");
		assertOnly("factors C { " + credit + " }\nline L { machine M vmc { spare S 10 kg every 5 a factor SteelCredit } }",
				ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR, "'SteelCredit' is a credit factor");
		assertOnly("factors C { " + credit + " }\nline L { machine M vmc { credit Frame 900 kWh factor SteelCredit } }",
				ZcIssueCodes.CREDIT_UNITS, Severity.ERROR, "The credit 'Frame' recovers 900 kWh, but its factor 'SteelCredit' is per mass");
		assertOnly("factors C { " + credit + " }\nline L { machine M vmc { subassembly S { material 10 kg factor SteelCredit } } }",
				ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR, "A material factor is needed here, but 'SteelCredit' is a credit factor");
	}

	@Test
	void flowToItself() throws Exception {
		assertOnly("line L { machine A vmc { } machine B vmc { } flow A -> A }", ZcIssueCodes.FLOW_TO_ITSELF, Severity.ERROR,
				"A material flow cannot connect machine 'A' to itself");
		assertClean("line L { machine A vmc { } machine B vmc { } flow A -> B rate 3 parts/h }");
	}

	// ------------------------------------------------------------------------------------------ factors

	@Test
	void factorsOfTheWrongKind() throws Exception {
		assertOnly(machine("subassembly S { material 10 kg factor DE }"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"A material factor is needed here, but 'DE' is a grid factor");
		assertOnly(machine("transport 1 t over 10 km by truck factor Steel"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"A transport factor is needed here, but 'Steel' is a material factor");
		assertOnly("import lib.*\nsite S { grid Steel }", ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"The grid of site 'S' must be a grid factor, but 'Steel' is a material factor");
		assertOnly("import lib.*\npark P industrial { energy supply E { source G grid factor Truck } }", ZcIssueCodes.FACTOR_KIND_MISMATCH,
				Severity.ERROR, "The energy source 'G' needs a grid or fuel factor, but 'Truck' is a transport factor");
		assertClean(machine("subassembly S { material 10 kg factor Steel }\ntransport 1 t over 10 km by truck factor Truck"));
	}

	@Test
	void missingFactors() throws Exception {
		assertOnly(machine("transport 1 t over 10 km by truck"), ZcIssueCodes.MISSING_FACTOR, Severity.WARNING,
				"This transport leg has no freight factor");
		assertOnly(machine("consumable Oil 20 l every 1 a"), ZcIssueCodes.MISSING_FACTOR, Severity.WARNING,
				"The consumable 'Oil' has no emission factor");
		assertClean(machine("consumable Oil 20 kg every 1 a factor Steel"));
	}

	@Test
	void unresolvedFactorIsALinkingError() throws Exception {
		List<Issue> issues = issues(machine("subassembly S { material 10 kg factor Stele }"));
		assertEquals(1, issues.size());
		assertEquals("org.eclipse.xtext.diagnostics.Diagnostic.Linking", issues.get(0).getCode());
		assertTrue(issues.get(0).getMessage().contains("Stele"));
	}

	@Test
	void factorProvenance() throws Exception {
		assertOnly("factors F { grid factor X = 1 kgCO2e/kWh { licence \"CC BY 4.0\" } }", ZcIssueCodes.FACTOR_WITHOUT_SOURCE,
				Severity.WARNING, "The factor 'X' has no source");
		assertOnly("factors F { grid factor X = 1 kgCO2e/kWh { source \"s\" } }", ZcIssueCodes.FACTOR_WITHOUT_LICENCE, Severity.WARNING,
				"The factor 'X' has no licence");
	}

	@Test
	void pedigreeScores() throws Exception {
		assertOnly("factors F { grid factor X = 1 kgCO2e/kWh { source \"s\" licence \"l\" pedigree reliability 6 completeness 1 "
				+ "temporal 1 geographical 1 technological 1 } }", ZcIssueCodes.PEDIGREE_RANGE, Severity.ERROR,
				"The reliability score must be between 1 (best) and 5 (worst), not 6");
		assertClean("factors F { grid factor X = 1 kgCO2e/kWh { source \"s\" licence \"l\" pedigree reliability 5 completeness 1 "
				+ "temporal 1 geographical 1 technological 1 } }");
	}

	@Test
	void uncertaintyDistributions() throws Exception {
		String factor = "factors F { material factor X = 2 kgCO2e/kg { source \"s\" licence \"l\" uncertainty %s } }";
		assertOnly(factor.formatted("lognormal gsd 0.9"), ZcIssueCodes.UNCERTAINTY_INVALID, Severity.ERROR,
				"The geometric standard deviation of a lognormal distribution must be above 1");
		assertOnly(factor.formatted("uniform between 3 kgCO2e/kg and 2000 gCO2e/kg"), ZcIssueCodes.UNCERTAINTY_INVALID, Severity.ERROR,
				"The lower bound (3 kgCO2e/kg) must be below the upper bound (2000 gCO2e/kg)");
		assertOnly(factor.formatted("triangular between 1 kgCO2e/kg and 3 kgCO2e/kg mode 4 kgCO2e/kg"), ZcIssueCodes.UNCERTAINTY_INVALID,
				Severity.ERROR, "The mode (4 kgCO2e/kg) must lie between the bounds");
		assertClean(factor.formatted("triangular between 1 kgCO2e/kg and 3 tCO2e/t mode 2 kgCO2e/kg"));
		assertClean(factor.formatted("normal sd 0.2 kgCO2e/kg"));
	}

	// ------------------------------------------------------------------------------------------ sites

	@Test
	void gridRegions() throws Exception {
		assertOnly("site S { region \"XX\" }", ZcIssueCodes.UNKNOWN_GRID_REGION, Severity.ERROR,
				"No grid factor for region 'XX' in the visible factor libraries; known regions: DE, FR");
		assertOnly("import lib.*\nsite S { region \"FR\" grid DE }", ZcIssueCodes.GRID_REGION_MISMATCH, Severity.WARNING,
				"Site 'S' is in region 'FR' but its grid factor 'DE' is for region 'DE'");
		assertOnly("site S { region \"DE\" }", ZcIssueCodes.MISSING_GRID_FACTOR, Severity.WARNING,
				"Site 'S' names no grid factor: add 'grid lib.DE'");
		assertClean("import lib.*\nsite S { region \"DE\" grid DE }");
	}

	// ------------------------------------------------------------------------------------------ loops

	private static final String LOOP = """
			loop L {
				asset C compressor rated 30 kW
				sensor P measures pressure on C every 1 s
				actuator V vfd controls C
				controller K pid reads P drives V { setpoint Target 6.3 bar }
				saving S software 5 %% on C
				%s
			}
			""";

	@Test
	void loops() throws Exception {
		assertClean(LOOP.formatted(""));
		assertOnly(LOOP.formatted("asset Comp2 compressor\nsaving T software 2 % on Comp2"), ZcIssueCodes.SAVING_WITHOUT_CONTROL, Severity.WARNING,
				"The software-enabled saving 'T' is claimed on 'Comp2', but no controller drives an actuator on it");
		assertClean(LOOP.formatted("asset Comp2 compressor\nsaving T hardware 2 % on Comp2"));
		List<Issue> open = issues(LOOP.formatted("").replace("\tsensor P", "\tsensor Q measures power on C every 1 s\n\tsensor P"));
		assertEquals(1, open.size(), open::toString);
		assertEquals(ZcIssueCodes.OPEN_LOOP, open.get(0).getCode());
		assertEquals("Sensor 'Q' is read by no controller, so it does not close a loop", open.get(0).getMessage());
	}

	// ------------------------------------------------------------------------------------------ methodologies

	@Test
	void methodologies() throws Exception {
		assertOnly("methodology M { module A1 required\nmodule A1 }", ZcIssueCodes.DUPLICATE_MODULE, Severity.ERROR,
				"Module A1 is listed twice in methodology 'M'");
		assertOnly("methodology M { service life 15 a between 20 a and 10 a }", ZcIssueCodes.SERVICE_LIFE_RANGE, Severity.ERROR,
				"The shortest service life (20 a) is longer than the longest (10 a)");
		assertOnly("methodology M { service life 30 a between 10 a and 20 a }",
				ZcIssueCodes.SERVICE_LIFE_RANGE, Severity.ERROR, "The default service life (30 a) lies outside 10 a to 20 a");
		assertClean("methodology M { module A1 required in scope3\nmodule D separately\nservice life 15 a between 10 a and 25 a\n"
				+ "allocation by hours for millturn\ncutoff 1 %\nrequire primaryShare of A1 A2 A3 >= 60 %\nrequire pedigree <= 3\ngwp AR6 }");
	}

	// ------------------------------------------------------------------------------------------ criteria

	private static String criterion(String check) {
		return "criteria C { criterion K { severity error message \"m\" check " + check + " } }";
	}

	@Test
	void criteriaTypesAndPaths() throws Exception {
		assertClean(criterion("every Machine m where m.ratedPower > 5 kW satisfies some Meter x in m.meters satisfies x.scope = operation"));
		assertClean(criterion("every Line l satisfies l.twin.loads has thermal and not (l.twin.loads has mechanical)"));
		// the new statements' keywords stay usable as attribute names and literals
		assertClean(criterion("every Machine m where m.type = millturn satisfies some ProcessFunction f in m.functions satisfies "
				+ "f.hours > 100 h and f.value >= 0 and f.output > 0 parts"));
		assertClean(criterion("every Utility u where u.kind = compressedAir satisfies some UtilitySupply s in u.supplies satisfies "
				+ "s.machine.type = vmc"));
		assertClean(criterion("every Credit c satisfies c.factor.kind = credit and c.amount > 0 kg"));
		assertClean(criterion("every Operation o satisfies o.function.share <= 100 %"));
		assertOnly(criterion("every Machin m satisfies m.ratedPower > 5 kW"), ZcIssueCodes.UNKNOWN_TYPE, Severity.ERROR,
				"Unknown element type 'Machin'; did you mean 'Machine'?");
		assertFalse(parser.parse(criterion("every machine m satisfies true")).eResource().getErrors().isEmpty(),
				"types are class names; 'machine' is a keyword");
		assertOnly(criterion("every Machine m satisfies m.rate > 5 kW"), ZcIssueCodes.UNKNOWN_FEATURE, Severity.ERROR,
				"Machine has no attribute 'rate'; did you mean 'ratedPower'?");
		List<Issue> unknownLiteral = issues(criterion("every Machine m satisfies m.type = laserr"));
		assertEquals(1, unknownLiteral.size(), unknownLiteral::toString);
		assertEquals("org.eclipse.xtext.diagnostics.Diagnostic.Linking", unknownLiteral.get(0).getCode(), "not a keyword: read as a variable");
	}

	@Test
	void criteriaComparisons() throws Exception {
		assertOnly(criterion("every Machine m satisfies m.type = thermal"), ZcIssueCodes.INCOMPATIBLE_COMPARISON, Severity.ERROR,
				"'thermal' is not a value of type; expected one of vmc, hmc");
		assertOnly(criterion("every Line l satisfies l.twin.loads = thermal"), ZcIssueCodes.INCOMPATIBLE_COMPARISON, Severity.ERROR,
				"'loads' holds several values: test it with 'has'");
		assertOnly(criterion("every Machine m satisfies m.name = thermal"), ZcIssueCodes.INCOMPATIBLE_COMPARISON, Severity.ERROR,
				"'name' is not an enumeration");
		assertOnly(criterion("every Machine m satisfies m.type > 5 kW"), ZcIssueCodes.INCOMPATIBLE_COMPARISON, Severity.ERROR,
				"'type' is not a quantity");
		assertOnly(criterion("every Machine m satisfies some Meter x in m.type satisfies x.interval < 1 s"), ZcIssueCodes.NOT_A_COLLECTION,
				Severity.ERROR, "'type' is not a list of elements");
		assertOnly(criterion("every Machine m satisfies some Meter x in m.states satisfies true"), ZcIssueCodes.NOT_A_COLLECTION,
				Severity.ERROR, "'states' holds StateUse elements, not Meter");
	}

	// ------------------------------------------------------------------------------------------ names

	@Test
	void duplicateNamesInOneScope() throws Exception {
		List<Issue> issues = issues("line L { machine A vmc { } machine A hmc { } }");
		assertEquals(2, issues.size(), issues::toString);
		assertTrue(issues.get(0).getMessage().startsWith("Duplicate NamedElement 'A' in Line 'L'"), issues.get(0).getMessage());
	}

}
