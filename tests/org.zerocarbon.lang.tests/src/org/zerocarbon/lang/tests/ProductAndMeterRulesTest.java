package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * The rules of EPD-declared products (issue 15) and of measured data (issue 13): each negative (the rule fires alone,
 * with its code and message) and positive (a correct model is clean).
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ProductAndMeterRulesTest {

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;
	@Inject
	private Provider<ResourceSet> resourceSets;

	@TempDir
	Path dir;

	private List<Issue> issues(String text) throws Exception {
		ZcModel model = parser.parse(text, URI.createURI("test.zc"), resourceSets.get());
		assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
		return validator.validate(model);
	}

	private void assertOnly(String text, String code, Severity severity, String message) throws Exception {
		IssueAssertions.assertOnly(issues(text), code, severity, message);
	}

	private void assertClean(String text) throws Exception {
		IssueAssertions.assertNone(issues(text));
	}

	private static String product(String body) {
		return "factors E {\n product Casting \"casting\" per 1 kg {\n" + body + "\n }\n}\n";
	}

	// ------------------------------------------------------------------------------------------ declared products

	@Test
	void aFullProductIsClean() throws Exception {
		assertClean(product("""
				module A1-A3 1.92 kgCO2e { fossil 1.88 biogenic 0.01 luluc 0.03 }
				module A4 0.05 kgCO2e scenario "100 km" default
				module A4 0.09 kgCO2e scenario "300 km"
				module C3 0.03 kgCO2e uncertainty lognormal gsd 1.2
				module D -0.85 kgCO2e
				epd "b6d6c2e0" version "01.00.000" valid until "2099-12-31"
				standard "EN 15804+A2" operator "IBU" verifier "V" file "epds/c.xml" source "EPD-1" licence "l" url "https://x"
				"""));
	}

	@Test
	void productRules() throws Exception {
		assertOnly(product("module A1-A3 1.92 kgCO2e valid until \"2020-01-31\"".replace("valid", "epd \"u\" valid")), ZcIssueCodes.EPD_EXPIRED,
				Severity.WARNING, "The EPD of product 'Casting' expired on 2020-01-31");
		assertOnly(product("module A1-A3 1.92 kgCO2e epd \"u\" valid until \"31.01.2030\""), ZcIssueCodes.INVALID_DATE, Severity.ERROR,
				"'31.01.2030' is not a date");
		assertOnly(product("module A1-A3 1.92 kgCO2e\nmodule A2 0.1 kgCO2e"), ZcIssueCodes.MODULE_OVERLAP, Severity.ERROR,
				"Modules A1-A3 and A2 of product 'Casting' overlap");
		assertOnly(product("module A3-A1 1.92 kgCO2e"), ZcIssueCodes.MODULE_RANGE, Severity.ERROR, "The module range A3-A1 must run forwards");
		assertOnly(product("module C3 0.1 kgCO2e\nmodule C3 0.2 kgCO2e"), ZcIssueCodes.DUPLICATE_PRODUCT_MODULE, Severity.ERROR,
				"Module C3 of product 'Casting' is declared twice");
		assertOnly(product("module C3 0.1 kgCO2e scenario \"a\"\nmodule C3 0.2 kgCO2e scenario \"b\""), ZcIssueCodes.SCENARIO_WITHOUT_DEFAULT,
				Severity.WARNING, "Module C3 of product 'Casting' has 2 scenarios and none is the default");
		assertOnly(product("module A1-A3 1.92 kWh"), ZcIssueCodes.WRONG_DIMENSION, Severity.ERROR, "The GWP of the module per declared unit");
		assertOnly(product("module A1-A3 2 kgCO2e { fossil 1 biogenic 0.1 }"), ZcIssueCodes.GWP_SPLIT_SUM, Severity.ERROR,
				"The GWP split of module A1-A3 of product 'Casting' adds up to 1.1");
	}

	@Test
	void productUses() throws Exception {
		String epds = product("module C3 0.03 kgCO2e") + "factors F {\n product Panel per 1 m2 { module A1-A3 12 kgCO2e }\n}\n";
		assertOnly(epds + "line L { machine M vmc { subassembly S { material 3 kg factor Casting } } }", ZcIssueCodes.PRODUCT_AS_PROVIDER,
				Severity.ERROR, "Product 'Casting' declares no product-stage value (A1-A3)");
		assertOnly(epds + "line L { machine M vmc { subassembly S { material 3 kg factor Panel } } }", ZcIssueCodes.PRODUCT_AS_PROVIDER,
				Severity.ERROR, "Product 'Panel' is declared per m2, not per mass");
		assertOnly(epds + "line L { machine M vmc { subassembly S { declared 3 kg epd Panel } } }", ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The declared amount must be");
		assertClean(epds + "line L { machine M vmc { subassembly S { declared 3 m2 epd Panel } subassembly T { declared 4 kg epd Casting } } }");
		assertClean("line L { machine M vmc { subassembly S { declared 300 kgCO2e epd \"EPD-123\" } } }");
	}

	// ------------------------------------------------------------------------------------------ measured data

	private static final String CSV_SOURCE = """
			source Log "VMC1 export" csv "data/vmc1.csv" {
				timestamp "time" format "yyyy-MM-dd HH:mm:ss" zone "Europe/Berlin"
				delimiter ";" decimal "," header 1
				state "state" program "program" count "parts"
				column "P" kW
				column "E" kWh counter
				column "I" A
				column "U" V
				column "PF" %
			}
			""";

	private static String meter(String binding) {
		return CSV_SOURCE + "line L { machine M vmc { meter Main machine " + binding + " } }\n";
	}

	@Test
	void sourcesAndBindingsThatFitAreClean() throws Exception {
		assertClean(meter("measures power every 1 s item \"P\" from Log { threshold off below 0.2 kW threshold standby below 2 kW }"));
		assertClean(meter("measures energy every 1 s item \"E\" from Log { rollover 100000 kWh gap 10 s }"));
		assertClean(meter("every 1 s current \"I\" voltage \"U\" factor \"PF\" phases 3 from Log"));
		assertClean("""
				source Agent mtconnect url "http://agent:5000/VMC1" { refresh every 15 min }
				source Files mtconnect "data/mtconnect/*.xml.gz" { probe "data/probe.xml" period "2026-11-02" to "2026-11-08" }
				source Opc opcua url "opc.tcp://10.0.0.5:4840"
				line L { machine M vmc {
					meter A machine measures power every 1 s type "WATTAGE" from Agent { state item "exec" program item "prog" count item "pc" }
					meter B machine measures energy every 1 s item "vmc1_energy" from Files
					meter C machine measures power every 1 s path "Machines/VMC1/EnergyManagement/ActivePowerTotal" from Opc
				} }
				methodology M { use stage reconciled tolerance 5 % }
				""");
	}

	@Test
	void aPowerMeterMayNotBindToAnEnergyColumn() throws Exception {
		assertOnly(meter("measures power every 1 s item \"E\" from Log"), ZcIssueCodes.METER_UNIT, Severity.ERROR,
				"Meter 'Main' measures power, but column \"E\" (kWh) holds an energy");
		assertOnly(meter("measures energy every 1 s item \"P\" from Log"), ZcIssueCodes.METER_UNIT, Severity.ERROR,
				"Meter 'Main' measures energy, but column \"P\" (kW) holds a power");
		assertOnly(meter("every 1 s item \"Pw\" from Log"), ZcIssueCodes.UNKNOWN_COLUMN, Severity.ERROR,
				"Source 'Log' declares no column \"Pw\"; did you mean \"P\"?");
		assertOnly(meter("every 1 s from Log"), ZcIssueCodes.METER_BINDING, Severity.ERROR, "Meter 'Main' reads 'Log' but names no item");
		assertOnly(meter("every 1 s type \"WATTAGE\" from Log"), ZcIssueCodes.METER_BINDING, Severity.ERROR, "'type' binds MTConnect data items");
		assertOnly(meter("measures power every 1 s item \"P\" from Log { threshold standby below 2 kW threshold off below 0.2 kW }"),
				ZcIssueCodes.THRESHOLD_ORDER, Severity.ERROR, "Thresholds go upwards");
		assertOnly(meter("measures power every 1 s item \"P\" from Log { threshold standby below 2 kWh }"), ZcIssueCodes.WRONG_DIMENSION,
				Severity.ERROR, "The power threshold of the state must be a power");
		assertOnly("source S mtconnect \"x.xml\"\nline L { machine M vmc { meter A machine measures energy every 1 s type \"WATTAGE\" from S } }",
				ZcIssueCodes.METER_UNIT, Severity.ERROR, "Meter 'A' measures energy, but data items of type WATTAGE holds a power");
		assertOnly("source S mtconnect \"x.xml\"\nline L { machine M vmc { meter A machine every 1 s type \"AMPERAGE_AC\" from S } }",
				ZcIssueCodes.METER_UNIT, Severity.ERROR, "'AMPERAGE_AC' alone is no power");
	}

	@Test
	void sourceOptionsMustFitTheFormat() throws Exception {
		assertOnly("source S mtconnect \"x.xml\" { delimiter \";\" }", ZcIssueCodes.DATA_SOURCE_OPTION, Severity.ERROR,
				"'delimiter' applies to CSV sources only");
		assertOnly("source S csv url \"http://x\"", ZcIssueCodes.DATA_SOURCE_OPTION, Severity.ERROR, "A CSV source is a file in the project");
		assertOnly("source S opcua \"opc.tcp://x\"", ZcIssueCodes.DATA_SOURCE_OPTION, Severity.ERROR, "An OPC UA source is a server");
		assertOnly("source S opcua url \"http://x\"", ZcIssueCodes.DATA_SOURCE_OPTION, Severity.ERROR,
				"The URL of an OPC UA server starts with opc.tcp://");
		assertOnly("source S csv \"x.csv\" { zone \"Mars/Olympus\" }", ZcIssueCodes.INVALID_DATA_FORMAT, Severity.ERROR,
				"'Mars/Olympus' is not a time zone");
		assertOnly("source S csv \"x.csv\" { timestamp \"t\" format \"yyyy-MM-dd HH:mm:ss qqqqqq\" }", ZcIssueCodes.INVALID_DATA_FORMAT,
				Severity.ERROR, "'yyyy-MM-dd HH:mm:ss qqqqqq' is not a timestamp format");
		assertOnly("source S csv \"x.csv\" { delimiter \",\" decimal \",\" }", ZcIssueCodes.INVALID_DATA_FORMAT, Severity.ERROR,
				"The delimiter and the decimal separator must differ");
		assertOnly("source S csv \"x.csv\" { period \"2026-11-09\" to \"2026-11-02\" }", ZcIssueCodes.INVALID_DATE, Severity.ERROR,
				"The period ends before it starts");
		assertOnly("source S csv \"x.csv\" { column \"T\" degC }", ZcIssueCodes.METER_UNIT, Severity.ERROR, "Column \"T\" is in 'degC'");
		assertOnly("source S csv \"x.csv\" { column \"P\" kW counter }", ZcIssueCodes.METER_UNIT, Severity.ERROR,
				"Only an energy column can be a counter");
		assertOnly("methodology M { use stage measured tolerance 5 % }", ZcIssueCodes.METER_BINDING, Severity.WARNING,
				"A tolerance applies to 'use stage reconciled' only");
	}

	/** The data of a source is looked up beside the file that declares it; missing data is a warning, not an error. */
	@Test
	void missingDataIsAWarningAndPresentDataIsFound() throws Exception {
		Files.createDirectories(dir.resolve("data"));
		Files.writeString(dir.resolve("data/a-1.csv"), "time;P\n");
		ResourceSet set = resourceSets.get();
		ZcModel model = parser.parse("source S csv \"data/a-*.csv\"\nsource T csv \"data/b.csv\"",
				URI.createFileURI(dir.resolve("m.zc").toString()), set);
		List<Issue> issues = validator.validate(model);
		assertEquals(1, issues.size(), issues::toString);
		assertEquals(ZcIssueCodes.DATA_NOT_FOUND, issues.get(0).getCode());
		assertTrue(issues.get(0).getMessage().startsWith("No data at 'data/b.csv' (relative to this file)"), issues.get(0).getMessage());
	}
}
