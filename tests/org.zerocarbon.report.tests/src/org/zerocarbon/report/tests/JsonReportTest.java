package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.JsonReport;
import org.zerocarbon.report.ReportOptions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class JsonReportTest {

	@Test
	void roundTripsThroughTheReaderToTheSameBytes() {
		FootprintResult r = Samples.housingCell();
		String json = JsonReport.write(r);
		FootprintResult back = JsonReport.read(new StringReader(json));
		assertEquals(r.normalized(), back, "every record component survives the round trip exactly");
		assertEquals(json, JsonReport.write(back));
	}

	/** Schema 4: the measured data of meters round-trips, NaN (no interval, not used for B6) as null. */
	@Test
	void measurementsRoundTrip() {
		FootprintResult r = Samples.measured();
		String json = JsonReport.write(r);
		FootprintResult back = JsonReport.read(new StringReader(json));
		assertEquals(json, JsonReport.write(back));
		assertEquals(2, back.measurements().size());
		FootprintResult.Measurement main = back.measurements().get(0);
		assertEquals(812.5, main.kWh());
		assertEquals(25_000, main.annualKWh());
		assertEquals(900, main.programs().get(0).parts());
		FootprintResult.Measurement op = back.measurements().get(1);
		assertTrue(Double.isNaN(op.intervalSeconds()) && !op.usedForB6() && op.stale());
		JsonObject o = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("measurements").get(1).getAsJsonObject();
		assertTrue(o.get("intervalSeconds").isJsonNull() && o.get("annualKWh").isJsonNull());
	}

	@Test
	void theBreakdownByEquipmentRoundTripsAndIsOrderedByElement() {
		FootprintResult r = Samples.withEquipment();
		String json = JsonReport.write(r);
		FootprintResult back = JsonReport.read(new StringReader(json));
		assertEquals(r.normalized(), back);
		assertEquals(json, JsonReport.write(back));
		assertEquals(json, JsonReport.write(Samples.shuffled(r)));
		JsonArray equipment = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("equipment");
		assertEquals(List.of("demo.HousingCell.AirStation", "demo.HousingCell.TC1", "demo.HousingCell.VMC1"),
				equipment.asList().stream().map(e -> e.getAsJsonObject().get("element").getAsString()).toList());
		JsonObject tc1 = equipment.get(1).getAsJsonObject();
		assertEquals(1.0, tc1.getAsJsonObject("allocation").get("factorSum").getAsDouble(), 1e-12);
		assertEquals(102_000, equipment.get(2).getAsJsonObject().get("kgCO2e").getAsDouble(), 1e-9, "own 100,000 + air 2,000");
	}

	@Test
	void theAccountingFieldsRoundTrip() {
		FootprintResult r = Samples.accounting(30_000);
		String json = JsonReport.write(r);
		FootprintResult back = JsonReport.read(new StringReader(json));
		assertEquals(r.normalized(), back, "split, market-based figures, instruments, findings and functional-unit basis survive");
		assertEquals(json, JsonReport.write(back));
		JsonObject o = JsonParser.parseString(json).getAsJsonObject();
		JsonObject totals = o.getAsJsonObject("totals");
		// location 58,200 + 500 = 58,700; market: residual 30,000 kWh × 0.62 = 18,600, + timber 500 = 19,100
		assertEquals(58_700, totals.get("total").getAsDouble(), 1e-9);
		assertEquals(19_100, totals.get("totalMarket").getAsDouble(), 1e-9);
		// fossil 58,200 (electricity, defaulted) + 400 (timber); biogenic +1,600 / −1,600 apart; luluc 100
		JsonObject gwp = totals.getAsJsonObject("gwp");
		assertEquals(58_600, gwp.get("fossil").getAsDouble(), 1e-9);
		assertEquals(1_600, gwp.get("biogenicEmissions").getAsDouble(), 1e-9);
		assertEquals(-1_600, gwp.get("biogenicRemovals").getAsDouble(), 1e-9);
		assertEquals(100, gwp.get("luluc").getAsDouble(), 1e-9);
		assertFalse(gwp.get("declared").getAsBoolean(), "the electricity's split defaulted to fossil");
		JsonObject b6 = o.getAsJsonArray("table").asList().stream().map(JsonElement::getAsJsonObject)
				.filter(t -> t.get("module").getAsString().equals("B6")).findFirst().orElseThrow();
		assertEquals(58_200, b6.get("SCOPE_2").getAsDouble(), 1e-9);
		assertEquals(18_600, b6.get("scope2Market").getAsDouble(), 1e-9);
		JsonArray instruments = o.getAsJsonArray("instruments");
		assertEquals(List.of("location", "market", "market", "market"),
				instruments.asList().stream().map(i -> i.getAsJsonObject().get("method").getAsString()).toList());
		assertEquals("error", o.getAsJsonArray("findings").get(0).getAsJsonObject().get("severity").getAsString(), "errors first");
		assertEquals("overClaim", o.getAsJsonArray("findings").get(0).getAsJsonObject().get("code").getAsString());
	}

	@Test
	void readsACommittedReportOfSchema2() throws Exception {
		FootprintResult old;
		try (InputStream in = JsonReportTest.class.getResourceAsStream("footprint-2-sample.json")) {
			assertNotNull(in, "footprint-2-sample.json, written by the schema-2 writer");
			old = JsonReport.read(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		// Samples.tiny(): 21,000 kWh × 0.381 = 8,001 (B6) + 2,000 kg × 1.91 = 3,820 (A1) = 11,821; D −500 apart
		assertEquals(11_821, old.total(), 1e-9);
		assertEquals(-500, old.moduleD(), 1e-9);
		assertEquals(8_001, old.total(Module.B6, Scope.SCOPE_2), 1e-9);
		// schema 2 knows no split and no market-based figure per contribution: all fossil, market = location
		assertEquals(11_821, old.gwp().fossil(), 1e-9);
		assertFalse(old.gwp().declared());
		assertEquals(11_821, old.totalMarket(), 1e-9);
		assertEquals(List.of(), old.instruments());
		assertEquals(List.of(), old.findings());
		assertEquals(1, old.equipment().size());
		assertEquals(11_821, old.equipment().get(0).kgCO2eMarket(), 1e-9, "market = own + utilities");
		assertEquals(new FootprintResult.Scope2(8001, 4000), old.scope2());
		assertTrue(JsonReport.write(old).startsWith("{\n  \"schema\": \"" + JsonReport.SCHEMA_ID + "\""), "written back as the new schema");
	}

	@Test
	void readsReportsOfTheFirstSchemaWithoutABreakdown() {
		JsonObject v1 = JsonParser.parseString(JsonReport.write(Samples.housingCell())).getAsJsonObject();
		v1.addProperty("schema", "zerocarbon-footprint-1");
		v1.remove("equipment");
		FootprintResult back = JsonReport.read(new StringReader(v1.toString()));
		assertEquals(Samples.housingCell().normalized(), back);
		assertTrue(back.equipment().isEmpty());
	}

	@Test
	void isDeterministicWhateverTheInputOrderAndLocale() {
		FootprintResult r = Samples.housingCell();
		String json = JsonReport.write(r);
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			assertEquals(json, JsonReport.write(Samples.shuffled(r)));
		} finally {
			Locale.setDefault(before);
		}
		assertFalse(json.contains("E-") || json.contains("E+"), "no exponent notation");
		assertFalse(json.contains("\"date\""), "no date unless asked");
		assertTrue(JsonReport.write(r, ReportOptions.defaults().withDate(LocalDate.of(2026, 11, 22))).contains("\"date\": \"2026-11-22\""));
	}

	@Test
	void carriesTotalsTableAndModuleDApart() {
		FootprintResult tiny = Samples.tiny();
		JsonObject o = JsonParser.parseString(JsonReport.write(tiny)).getAsJsonObject();
		assertEquals(JsonReport.SCHEMA_ID, o.get("schema").getAsString());
		JsonObject totals = o.getAsJsonObject("totals");
		// 21,000 kWh × 0.381 = 8,001 kg; 2,000 kg × 1.91 = 3,820 kg; D = −500 kg, not netted.
		assertEquals(11821.0, totals.get("total").getAsDouble(), 1e-9);
		assertEquals(-500.0, totals.get("moduleD").getAsDouble(), 1e-9);
		assertEquals(8001.0, totals.getAsJsonObject("byScope").get("SCOPE_2").getAsDouble(), 1e-9);
		assertEquals(3820.0, totals.getAsJsonObject("byScope").get("SCOPE_3").getAsDouble(), 1e-9, "D excluded from scope 3");
		assertEquals(3, o.getAsJsonArray("table").size(), "A1, B6, D");
		JsonObject d = o.getAsJsonArray("table").get(2).getAsJsonObject();
		assertEquals("D", d.get("module").getAsString());
		assertTrue(d.get("reportedSeparately").getAsBoolean());
		assertTrue(o.get("uncertainty").isJsonNull());
	}

	@Test
	void everyFieldIsDeclaredInTheSchemaAndRequiredOnesArePresent() throws Exception {
		JsonObject schema;
		try (InputStream in = JsonReport.class.getResourceAsStream(JsonReport.SCHEMA_RESOURCE)) {
			assertNotNull(in, "schema shipped in the bundle");
			schema = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
		}
		assertEquals(JsonReport.SCHEMA_ID, schema.getAsJsonObject("properties").getAsJsonObject("schema").get("const").getAsString());
		for (FootprintResult r : List.of(Samples.withEquipment(), Samples.accounting(30_000), Samples.measured())) {
			JsonObject report = JsonParser.parseString(
					JsonReport.write(r, ReportOptions.defaults().withDate(LocalDate.of(2026, 1, 2)).withBaseline(Samples.accounting(50_000), "b")))
					.getAsJsonObject();
			conforms(schema, schema, report, "$");
		}
	}

	/** A small structural check of the subset of JSON Schema our schema uses (properties, required, items, $ref, oneOf null). */
	static void conforms(JsonObject root, JsonObject schema, JsonElement value, String path) {
		if (schema.has("$ref")) {
			String ref = schema.get("$ref").getAsString();
			schema = root.getAsJsonObject("$defs").getAsJsonObject(ref.substring("#/$defs/".length()));
		}
		if (schema.has("oneOf")) {
			if (value.isJsonNull()) {
				return;
			}
			schema = schema.getAsJsonArray("oneOf").get(1).getAsJsonObject();
		}
		if (schema.has("enum")) {
			Set<String> allowed = new HashSet<>();
			schema.getAsJsonArray("enum").forEach(e -> allowed.add(e.getAsString()));
			assertTrue(allowed.contains(value.getAsString()), path + " = " + value + " not in " + allowed);
		}
		if (schema.has("const")) {
			assertEquals(schema.get("const"), value, path);
		}
		String type = schema.has("type") && schema.get("type").isJsonPrimitive() ? schema.get("type").getAsString() : null;
		if ("object".equals(type)) {
			assertTrue(value.isJsonObject(), path + " is an object");
			JsonObject o = value.getAsJsonObject();
			if (schema.has("required")) {
				schema.getAsJsonArray("required").forEach(req -> assertTrue(o.has(req.getAsString()), path + " has " + req.getAsString()));
			}
			JsonObject props = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
			for (String key : o.keySet()) {
				if (props.has(key)) {
					conforms(root, props.getAsJsonObject(key), o.get(key), path + "." + key);
				} else if (schema.has("additionalProperties") && schema.get("additionalProperties").isJsonObject()) {
					conforms(root, schema.getAsJsonObject("additionalProperties"), o.get(key), path + "." + key);
				} else {
					assertFalse(schema.has("additionalProperties") && !schema.get("additionalProperties").getAsBoolean(),
							path + "." + key + " is not declared in the schema");
				}
			}
		} else if ("array".equals(type)) {
			assertTrue(value.isJsonArray(), path + " is an array");
			if (schema.has("items")) {
				int i = 0;
				for (JsonElement item : value.getAsJsonArray()) {
					conforms(root, schema.getAsJsonObject("items"), item, path + "[" + i++ + "]");
				}
			}
		} else if ("string".equals(type)) {
			assertTrue(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString(), path + " is a string");
		} else if ("number".equals(type) || "integer".equals(type)) {
			assertTrue(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber(), path + " is a number");
		} else if ("boolean".equals(type)) {
			assertTrue(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean(), path + " is a boolean");
		}
	}

	@Test
	void rejectsOtherDocumentsWithAClearMessage() {
		JsonReport.ReportFormatException e = assertThrows(JsonReport.ReportFormatException.class,
				() -> JsonReport.read(new StringReader("{\"schema\": \"zerocarbon-footprint-5\"}")));
		assertTrue(e.getMessage().contains("zerocarbon-footprint-5") && e.getMessage().contains(JsonReport.SCHEMA_ID), e.getMessage());
		e = assertThrows(JsonReport.ReportFormatException.class, () -> JsonReport.read(new StringReader("{\"name\": 1}")));
		assertTrue(e.getMessage().contains("Not a ZeroCarbon footprint report"), e.getMessage());
		e = assertThrows(JsonReport.ReportFormatException.class, () -> JsonReport.read(new StringReader(
				"{\"schema\": \"zerocarbon-footprint-1\", \"contributions\": [{\"module\": \"Z9\", \"scope\": \"SCOPE_1\", \"activityAmount\": 1, \"kgCO2e\": 1}]}")));
		assertTrue(e.getMessage().contains("Z9"), e.getMessage());
	}

	@Test
	void readerRebuildsTotalsFromContributions() {
		FootprintResult back = JsonReport.read(new StringReader(JsonReport.write(Samples.housingCell())));
		assertEquals(Samples.housingCell().total(), back.total(), 1e-6);
		assertEquals(Samples.housingCell().total(Module.B6, Scope.SCOPE_2), back.total(Module.B6, Scope.SCOPE_2), 1e-6);
	}
}
