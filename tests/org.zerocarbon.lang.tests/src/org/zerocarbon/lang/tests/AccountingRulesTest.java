package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.common.util.URI;
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

/**
 * The rules of issue 11 (energy supply, scope 1, processes, GWP split, the new functional-unit data and tce
 * coefficients), each negative (the rule fires alone with its code and message) and positive (a correct model is clean).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class AccountingRulesTest {

	private static final String LIBRARY = """
			package lib
			factors L {
				grid factor CN = 582 gCO2e/kWh { region "CN" source "s" licence "l" }
				residual factor CN_RES = 620 gCO2e/kWh { region "CN" source "s" licence "l" }
				residual factor DE_RES = 700 gCO2e/kWh { region "DE" source "s" licence "l" }
				material factor Steel = 1.9 kgCO2e/kg { split fossil 1.85 biogenic -0.01 luluc 0.06 kgCO2e/kg source "s" licence "l" }
				fuel factor Gas = 2.02 kgCO2/m3 { basis co2 calorific 36 MJ/m3 source "s" licence "l" }
				fuel factor Oil = 2.68 kgCO2/L { basis co2 source "s" licence "l" }
				refrigerant factor R134a = 1530 kgCO2e/kg { source "s" licence "l" }
				process Billet "Steel billet" {
					output 1 kg
					input 0.5 kWh from Power
					input 1.1 kg from Steel
					emits 0.2 kgCO2e
					emits -0.05 kgCO2e biogenic
				}
				process Power "Electricity with plant upkeep" {
					output 1 kWh
					input 0.001 kg from Billet
					emits 0.5 kgCO2e fossil
				}
			}
			""";

	private static final String METHODOLOGY = """
			package m
			methodology M {
				module B6 required in scope2
				vintage between 2024 and 2026
			}
			""";

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;
	@Inject
	private Provider<ResourceSet> resourceSets;

	private ZcModel parse(String text, String... others) throws Exception {
		ResourceSet set = resourceSets.get();
		parser.parse(LIBRARY, URI.createURI("lib.zc"), set);
		for (int i = 0; i < others.length; i++) {
			parser.parse(others[i], URI.createURI("other" + i + ".zc"), set);
		}
		ZcModel model = parser.parse(text, URI.createURI("test.zc"), set);
		assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
		return model;
	}

	private List<Issue> issues(String text, String... others) throws Exception {
		return validator.validate(parse(text, others));
	}

	/** Exactly one issue, with that code, severity and message start. */
	private void assertOnly(String text, String code, Severity severity, String message, String... others) throws Exception {
		IssueAssertions.assertOnly(issues(text, others), code, severity, message);
	}

	private void assertClean(String text, String... others) throws Exception {
		IssueAssertions.assertNone(issues(text, others));
	}

	private static String site(String instruments) {
		return "import lib.*\nsite Plant {\n region \"CN\"\n grid CN\n residual CN_RES\n" + instruments + "\n}\n";
	}

	private static String machine(String body) {
		return "import lib.*\nline Cell {\n machine M vmc {\n" + body + "\n }\n}\n";
	}

	private static final String CERTIFICATE = "certificate Gec gec 60 MWh vintage 2025 market \"CN\" tracking \"GEC-1\" retired";

	// ------------------------------------------------------------------------------------------ energy supply

	@Test
	void aSiteWithEveryInstrumentIsClean() throws Exception {
		assertClean(site("""
				direct Wire "private wire" 300 MWh per year rate 11 gCO2e/kWh
				onsite PV 40 MWh per year
				ppa Wind 80 MWh per year rate 0 gCO2e/kWh market "CN"
				tariff Green share 10 % factor CN_RES
				supplier Mix share 5 % factor CN
				""" + CERTIFICATE), METHODOLOGY);
	}

	@Test
	void instrumentAmountsAreEnergiesAndRatesPerEnergy() throws Exception {
		assertOnly(site("certificate Gec gec 60 MW vintage 2025 tracking \"G\" retired"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The certified energy must be an energy (e.g. kWh), but 'MW' is a power");
		assertOnly(site("ppa Wind 80 MWh per year rate 0 gCO2e/kg"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The emission rate of the contract must be an emission factor per energy (e.g. kgCO2e/kWh), but 'gCO2e/kg' is");
		assertOnly(site("ppa Wind 80 kWh per year rate 12 kWh"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The emission rate of the contract must be an emission factor per energy");
		assertOnly(site("onsite PV 40 MW per year"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The generated energy per year must be an energy");
		assertOnly(site("tariff Green share 120 % factor CN_RES"), ZcIssueCodes.RATIO_ABOVE_100, Severity.ERROR,
				"The contracted share of the consumption cannot be above 100 %");
	}

	@Test
	void instrumentFactorsAreElectricityFactors() throws Exception {
		assertOnly(site("ppa Wind 80 MWh per year factor Steel"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"The factor of an energy instrument is an electricity factor (a grid or residual factor, per kWh), but 'Steel' is a material");
		assertOnly(site("direct Wire 80 MWh per year factor Gas"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"The factor of an energy instrument is an electricity factor");
	}

	@Test
	void certificateVintageInsideTheMethodologyWindow() throws Exception {
		assertOnly(site(CERTIFICATE.replace("2025", "2021")), ZcIssueCodes.CERTIFICATE_VINTAGE, Severity.ERROR,
				"The vintage 2021 of certificate 'Gec' lies outside the window of methodology 'M' (2024 to 2026): claim certificates",
				METHODOLOGY);
		assertOnly(site(CERTIFICATE.replace("vintage 2025 ", "")), ZcIssueCodes.CERTIFICATE_WITHOUT_VINTAGE, Severity.WARNING,
				"Certificate 'Gec' states no vintage, but methodology 'M' accepts vintages 2024 to 2026 only", METHODOLOGY);
		assertClean(site(CERTIFICATE.replace("2025", "2021")), "methodology N { module B6 }");
		// every methodology with a window is checked
		assertOnly(site(CERTIFICATE), ZcIssueCodes.CERTIFICATE_VINTAGE, Severity.ERROR, "The vintage 2025 of certificate 'Gec' lies outside "
				+ "the window of methodology 'Old' (2020 to 2022)", METHODOLOGY, "methodology Old { vintage between 2020 and 2022 }");
	}

	@Test
	void aVintageWindowStartsBeforeItEnds() throws Exception {
		assertOnly("methodology M { vintage between 2026 and 2024 }", ZcIssueCodes.VINTAGE_WINDOW, Severity.ERROR,
				"The vintage window of methodology 'M' starts after it ends (2026 to 2024): write 'vintage between 2024 and 2026'");
		assertClean("methodology M { vintage between 2025 and 2025 }");
	}

	@Test
	void instrumentsAreOfTheConsumptionsMarket() throws Exception {
		assertOnly(site(CERTIFICATE.replace("\"CN\"", "\"DE\"")), ZcIssueCodes.MARKET_MISMATCH, Severity.WARNING,
				"The instrument 'Gec' is for market 'DE', but site 'Plant' consumes in market 'CN'");
		assertOnly(site("ppa Wind 80 MWh per year rate 0 gCO2e/kWh market \"DE\""), ZcIssueCodes.MARKET_MISMATCH, Severity.WARNING,
				"The instrument 'Wind' is for market 'DE'");
		// the site's market, when given, is the consumption's market
		assertClean(site(CERTIFICATE.replace("\"CN\"", "\"CN-S\"")).replace("region \"CN\"", "region \"CN\"\n market \"CN-S\""));
		// a line's instruments are checked against its site
		assertOnly(site("") + "line L {\n site Plant\n " + CERTIFICATE.replace("\"CN\"", "\"FR\"") + "\n}\n", ZcIssueCodes.MARKET_MISMATCH,
				Severity.WARNING, "The instrument 'Gec' is for market 'FR', but site 'Plant' consumes in market 'CN'");
	}

	@Test
	void certificatesAreTrackedAndRetired() throws Exception {
		assertOnly(site(CERTIFICATE.replace(" tracking \"GEC-1\"", "")), ZcIssueCodes.CERTIFICATE_WITHOUT_TRACKING, Severity.WARNING,
				"Certificate 'Gec' has no tracking id, so a verifier cannot check that it is claimed once: add 'tracking");
		assertOnly(site(CERTIFICATE.replace(" retired", "")), ZcIssueCodes.CERTIFICATE_NOT_RETIRED, Severity.WARNING,
				"Certificate 'Gec' is not retired: only certificates cancelled for this consumption may be claimed");
	}

	@Test
	void aTrackingIdIsClaimedOnceAcrossFiles() throws Exception {
		List<Issue> twice = issues(site(CERTIFICATE + "\n" + CERTIFICATE.replace("Gec gec", "Gec2 gec")));
		assertEquals(2, twice.size(), twice::toString);
		assertTrue(twice.stream().allMatch(i -> ZcIssueCodes.DUPLICATE_TRACKING.equals(i.getCode())), twice::toString);
		assertTrue(twice.get(0).getMessage().startsWith("The tracking id \"GEC-1\" of certificate 'Gec' is also claimed by 'Gec2': "),
				twice.get(0).getMessage());
		assertOnly(site(CERTIFICATE), ZcIssueCodes.DUPLICATE_TRACKING, Severity.ERROR,
				"The tracking id \"GEC-1\" of certificate 'Gec' is also claimed by 'P.Gec' in other0.zc", "park P industrial {\n"
						+ CERTIFICATE + "\n}");
	}

	@Test
	void theResidualMixIsAResidualFactorOfTheSitesRegion() throws Exception {
		assertOnly(site("").replace("residual CN_RES", "residual DE_RES"), ZcIssueCodes.RESIDUAL_REGION_MISMATCH, Severity.WARNING,
				"Site 'Plant' is in region 'CN' but its residual mix 'DE_RES' is for region 'DE': use the residual mix of region 'CN'");
		assertOnly(site("").replace("residual CN_RES", "residual CN"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"The residual mix of site 'Plant' must be a residual factor, but 'CN' is a grid factor");
	}

	// ------------------------------------------------------------------------------------------ no silent zero

	private static final String LINE_WITHOUT_SITE = "line Cell {\n machine M vmc {\n  state processing 10 kW for 100 %\n }\n}\n";

	@Test
	void aLineWithEnergyStatesButNoSiteIsAnErrorWhenB6IsRequired() throws Exception {
		assertOnly(LINE_WITHOUT_SITE, ZcIssueCodes.USE_STAGE_WITHOUT_GRID, Severity.ERROR, "The machines of line 'Cell' use "
				+ "electricity, but the line has no site, so their electricity (B6, required by methodology 'M') would count 0 kg CO2e: add 'site",
				METHODOLOGY);
		assertOnly("site S { }\n" + LINE_WITHOUT_SITE.replaceFirst("\\{\n", "{\n site S\n"), ZcIssueCodes.USE_STAGE_WITHOUT_GRID, Severity.ERROR,
				"The machines of line 'Cell' use electricity, but site 'S' has no grid factor", METHODOLOGY);
		// without a methodology requiring B6, or with a grid, or without energy states: no error
		assertClean(LINE_WITHOUT_SITE, "methodology N { module B6 }");
		assertClean("import lib.*\nsite S { grid CN }\n" + LINE_WITHOUT_SITE.replaceFirst("\\{\n", "{\n site S\n"), METHODOLOGY);
		assertClean("line Cell { machine M vmc { rated 5 kW } }", METHODOLOGY);
		assertOnly("line Cell { machine M vmc { rated 5 kW } utility Air compressedAir { electricity 9 MWh per year supplies M 2 m3/min } }",
				ZcIssueCodes.USE_STAGE_WITHOUT_GRID, Severity.ERROR, "The utilities of line 'Cell' use electricity, but the line has no site",
				METHODOLOGY);
	}

	// ------------------------------------------------------------------------------------------ scope 1

	@Test
	void fuelsAreInTheFactorsUnitOrAnEnergyWithItsCalorificValue() throws Exception {
		assertClean(machine("fuel Burner 2600 m3 per year factor Gas\nfuel Heater 20 MWh per year factor Gas\nfuel Truck 900 L per year factor Oil"));
		assertOnly(machine("fuel Burner 20 MWh per year factor Oil"), ZcIssueCodes.MISSING_CALORIFIC, Severity.ERROR,
				"The fuel 'Burner' is given as an energy (20 MWh), but its factor 'Oil' is per L and declares no calorific value to "
						+ "convert it: write the amount in L, or add the net calorific value to the factor ('calorific <energy>/L'");
		assertOnly(machine("fuel Burner 20 kg per year factor Gas"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The fuel amount per year must be a volume or an energy (e.g. m3), but 'kg' is a mass");
		assertOnly(machine("fuel Burner 20 m3 per year factor R134a"), ZcIssueCodes.FACTOR_KIND_MISMATCH, Severity.ERROR,
				"The fuel 'Burner' needs a fuel factor, but 'R134a' is a refrigerant factor");
	}

	@Test
	void refrigerantChargeLeakRateAndRecovery() throws Exception {
		assertClean(machine("refrigerant Chiller charge 2.5 kg leaks 4 % per year recovered 80 % factor R134a"));
		assertOnly(machine("refrigerant Chiller charge 2.5 kg leaks 140 % per year factor R134a"), ZcIssueCodes.RATIO_ABOVE_100,
				Severity.ERROR, "The leak rate per year cannot be above 100 %");
		assertOnly(machine("refrigerant Chiller charge 2.5 kg leaks 4 % per year recovered 180 % factor R134a"),
				ZcIssueCodes.RATIO_ABOVE_100, Severity.ERROR, "The end-of-life recovery cannot be above 100 %");
		assertOnly(machine("refrigerant Chiller charge 2.5 kW leaks 4 % per year factor R134a"), ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The refrigerant charge must be a mass (e.g. kg), but 'kW' is a power");
		assertOnly(machine("refrigerant Chiller charge 2.5 kg leaks 4 % per year factor Gas"), ZcIssueCodes.FACTOR_KIND_MISMATCH,
				Severity.ERROR, "The refrigerant 'Chiller' needs a refrigerant factor, but 'Gas' is a fuel factor");
	}

	@Test
	void processEmissionsAreCarbonMassesOrTheirFactorsActivity() throws Exception {
		assertClean(machine("emission Degassing 120 kgCO2e per year\nemission Curing 30 m3 per year factor Gas"));
		assertOnly(machine("emission Degassing 120 kWh per year"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The process emission per year must be a carbon mass (e.g. kgCO2e), but 'kWh' is an energy");
		assertOnly(machine("emission Curing 30 kg per year factor Gas"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The emitting activity per year must be a volume (e.g. m3), but 'kg' is a mass ('Gas' is per m3)");
	}

	@Test
	void aCalorificValueIsAnEnergyPerTheFactorsActivityUnit() throws Exception {
		assertOnly("factors F { fuel factor G = 2 kgCO2/m3 { calorific 36 MJ/kg source \"s\" licence \"l\" } }", ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The calorific value must be an energy per m3 (e.g. MJ/m3), but 'MJ/kg' is");
		assertClean("factors F { fuel factor G = 2 kgCO2/m3 { calorific 10 kWh/m3 source \"s\" licence \"l\" } }");
	}

	// ------------------------------------------------------------------------------------------ processes and GWP split

	@Test
	void processesAndSplitsOfTheLibraryAreClean() throws Exception {
		assertClean(machine("subassembly Frame { material 10 kg factor Billet }"));
	}

	@Test
	void aProcessConsumingItsOwnOutputIsALoopError() throws Exception {
		assertOnly("factors F { process P { output 1 kg input 1000 g from P } }", ZcIssueCodes.PROCESS_LOOP, Severity.ERROR,
				"Process 'P' consumes at least as much of its own output as it makes, through the loop 'P' → 'P' (1 per unit made)");
		assertClean("factors F { process P { output 1 kg input 999 g from P } }");
		List<Issue> loop = issues("factors F { process A { output 1 kg input 2 kWh from B } process B { output 1 kWh input 0.5 kg from A } }");
		assertEquals(2, loop.size(), loop::toString);
		assertTrue(loop.stream().allMatch(i -> ZcIssueCodes.PROCESS_LOOP.equals(i.getCode())), loop::toString);
		assertTrue(loop.get(0).getMessage().contains("through the loop 'A' → 'B' → 'A'"), loop.get(0).getMessage());
		assertClean("factors F { process A { output 1 kg input 2 kWh from B } process B { output 1 kWh input 0.4 kg from A } }");
	}

	@Test
	void processInputsAreInTheProvidersReferenceUnit() throws Exception {
		assertOnly("import lib.*\nfactors F { process P { output 1 kg input 3 kg from Power } }", ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The input amount must be an energy (e.g. kWh), but 'kg' is a mass ('Power' is per kWh)");
		assertOnly("import lib.*\nfactors F { process P { output 1 kg input 3 m3 from CN } }", ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The input amount must be an energy (e.g. kWh), but 'm3' is a volume ('CN' is per kWh)");
		assertClean("import lib.*\nfactors F { process P { output 1 kg input 3 MJ from Power input 2 t from Billet } }");
	}

	@Test
	void aProcessMakesAPositiveOutputAndEmitsCarbonMasses() throws Exception {
		assertOnly("factors F { process P { output 0 kg } }", ZcIssueCodes.PROCESS_OUTPUT_NOT_POSITIVE, Severity.ERROR,
				"The reference output of process 'P' must be positive (one run makes it), not 0 kg");
		assertOnly("factors F { process P { output 1 kg emits -2 kgCO2e } }", ZcIssueCodes.NEGATIVE_QUANTITY, Severity.ERROR,
				"The direct emission per run cannot be negative");
		assertOnly("factors F { process P { output 1 kg emits 2 kWh } }", ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The direct emission per run must be a carbon mass");
		assertClean("factors F { process P { output 1 kg emits -2 kgCO2e biogenic emits 1 kgCO2e luluc } }");
	}

	@Test
	void amountsTakenFromAProcessConvertToItsOutput() throws Exception {
		assertOnly(machine("subassembly Frame { material 10 kg factor Power }"), ZcIssueCodes.PROVIDER_UNITS, Severity.ERROR,
				"Process 'Power' makes kWh, so 10 kg cannot be taken from it");
	}

	@Test
	void theGwpSplitAddsUpToTheFactor() throws Exception {
		assertOnly("factors F { material factor S = 2 kgCO2e/kg { split fossil 1.5 biogenic 0.2 source \"s\" licence \"l\" } }",
				ZcIssueCodes.GWP_SPLIT_SUM, Severity.ERROR,
				"The GWP split of factor 'S' adds up to 1.7 kgCO2e/kg (1.5 + 0.2), but the factor is 2 kgCO2e/kg");
		assertClean("factors F { material factor S = 2 kgCO2e/kg { split fossil 1500 gCO2e/kg luluc 0.509 source \"s\" licence \"l\" } }");
		assertOnly("factors F { material factor S = 2 kgCO2e/kg { split fossil 2 kgCO2e/kWh source \"s\" licence \"l\" } }",
				ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR, "The GWP-fossil part must be in the unit of the factor (kgCO2e/kg)");
		assertOnly("factors F { material factor S = 2 kgCO2e/kg { split fossil -1 biogenic 3 source \"s\" licence \"l\" } }",
				ZcIssueCodes.NEGATIVE_QUANTITY, Severity.ERROR, "The GWP-fossil part cannot be negative");
	}

	// ------------------------------------------------------------------------------------------ functional-unit data, park, tce

	@Test
	void theLinesOutputIsARate() throws Exception {
		assertOnly("line L { profile { shifts 2 output 24 parts } }", ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The output rate of the line must be a rate per time (e.g. parts/h), but 'parts' is a ratio");
		assertClean("line L { profile { shifts 2 output 24 parts/h } }");
	}

	@Test
	void parkAreasSourceRatesAndTceCoefficients() throws Exception {
		assertOnly("park P industrial { buildings B { item Offices area 42000 m3 } }", ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The floor area must be an area (e.g. m2), but 'm3' is a volume");
		assertClean("park P industrial { buildings B { item Offices area 4.2 ha } }".replace("4.2 ha", "42000 m2"));
		assertOnly("park P industrial { energy supply S { source W greenDirect delivers 5 MWh per year rate 5 kWh clean } }",
				ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR, "The emission rate of the source must be an emission factor per energy");
		assertOnly("methodology M { conversion calorific { electricity 0.1229 kg/kWh } }", ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR,
				"The conversion coefficient must be an energy per energy (e.g. kgce/kWh), but 'kg/kWh' is");
		assertClean("methodology M { conversion calorific { electricity 0.1229 kgce/kWh heat 0.03412 kgce/MJ } "
				+ "conversion coal { electricity 0.2985 kgce/kWh } }");
	}
}
