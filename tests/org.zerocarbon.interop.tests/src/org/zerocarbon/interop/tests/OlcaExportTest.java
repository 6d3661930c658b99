package org.zerocarbon.interop.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.interop.OlcaExport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The openLCA JSON-LD export read back by a parser of this test alone, which computes the system's GWP the way
 * openLCA does for a tree-shaped system: scale each provider to the demand of its linked input, sum the
 * elementary flows, characterise them with the category's factors.
 */
class OlcaExportTest {

	@TempDir
	Path dir;

	@Test
	void theTotalComputedFromTheZipIsOurs() throws Exception {
		Map<String, JsonObject> files = read(OlcaExport.zip(Footprints.line()));
		assertEquals(2, files.get("olca-schema.json").get("version").getAsInt());
		JsonObject system = only(files, "product_systems/");
		JsonObject method = only(files, "lcia_categories/");
		Map<String, Double> factors = new HashMap<>();
		for (JsonElement f : method.getAsJsonArray("impactFactors")) {
			factors.put(f.getAsJsonObject().getAsJsonObject("flow").get("@id").getAsString(), f.getAsJsonObject().get("value").getAsDouble());
		}
		JsonObject root = process(files, system.getAsJsonObject("refProcess").get("@id").getAsString());
		double total = 0;
		int activities = 0;
		for (JsonElement l : system.getAsJsonArray("processLinks")) {
			JsonObject link = l.getAsJsonObject();
			assertEquals(root.get("@id").getAsString(), link.getAsJsonObject("process").get("@id").getAsString());
			JsonObject input = exchange(root, link.getAsJsonObject("exchange").get("internalId").getAsInt());
			JsonObject provider = process(files, link.getAsJsonObject("provider").get("@id").getAsString());
			JsonObject output = null;
			for (JsonElement e : provider.getAsJsonArray("exchanges")) {
				if (e.getAsJsonObject().get("isQuantitativeReference").getAsBoolean()) {
					output = e.getAsJsonObject();
				}
			}
			assertEquals(input.getAsJsonObject("flow").get("@id").getAsString(), output.getAsJsonObject("flow").get("@id").getAsString());
			double scaling = input.get("amount").getAsDouble() / output.get("amount").getAsDouble();
			for (JsonElement e : provider.getAsJsonArray("exchanges")) {
				JsonObject x = e.getAsJsonObject();
				Double cf = factors.get(x.getAsJsonObject("flow").get("@id").getAsString());
				if (cf != null) {
					total += scaling * x.get("amount").getAsDouble() * cf;
				}
			}
			activities++;
		}
		// five contributions of modules A-C (module D is left out): 1900 + 1000 + 200 + 40000 + 30 = 43130
		assertEquals(5, activities);
		assertEquals(Footprints.TOTAL, total, 1e-9);
		// the B6 activity keeps its amount and unit: 100000 kWh, openLCA's kWh of the Energy flow property
		boolean found = false;
		for (JsonElement e : root.getAsJsonArray("exchanges")) {
			JsonObject x = e.getAsJsonObject();
			if (x.getAsJsonObject("unit").get("name").getAsString().equals("kWh")) {
				found = true;
				assertEquals(100000, x.get("amount").getAsDouble());
				assertEquals(OlcaExport.KWH, x.getAsJsonObject("unit").get("@id").getAsString());
				assertEquals(OlcaExport.ENERGY, x.getAsJsonObject("flowProperty").get("@id").getAsString());
			}
		}
		assertTrue(found);
		// every reference points at a record of the zip, except openLCA's reference units inside unit groups
		assertTrue(files.keySet().stream().anyMatch(n -> n.startsWith("unit_groups/")));
		assertTrue(files.containsKey("flow_properties/" + OlcaExport.MASS + ".json"));
	}

	@Test
	void aReExportIsByteIdentical() throws Exception {
		assertArrayEquals(OlcaExport.zip(Footprints.line()), OlcaExport.zip(Footprints.line()));
	}

	private static JsonObject only(Map<String, JsonObject> files, String folder) {
		var matches = files.entrySet().stream().filter(e -> e.getKey().startsWith(folder)).toList();
		assertEquals(1, matches.size(), folder);
		return matches.get(0).getValue();
	}

	private static JsonObject process(Map<String, JsonObject> files, String id) {
		JsonObject p = files.get("processes/" + id + ".json");
		assertTrue(p != null, "process " + id + " is in the zip");
		return p;
	}

	private static JsonObject exchange(JsonObject process, int internalId) {
		for (JsonElement e : process.getAsJsonArray("exchanges")) {
			if (e.getAsJsonObject().get("internalId").getAsInt() == internalId) {
				return e.getAsJsonObject();
			}
		}
		throw new AssertionError("no exchange " + internalId);
	}

	static Map<String, JsonObject> read(byte[] zip) throws IOException {
		Map<String, JsonObject> files = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				files.put(entry.getName(), JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject());
			}
		}
		return files;
	}
}
