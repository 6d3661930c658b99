package org.zerocarbon.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Exports a subject's footprint as an openLCA JSON-LD (olca-schema version 2) product system: one unit process
 * per contribution of modules A–C (its activity as the reference product, its GWP as three elementary flows,
 * GWP-fossil, -biogenic and -luluc, in kg CO2e), one process for the subject that takes every activity as an
 * input, an LCIA method whose GWP category characterises the three flows with 1, and the product system linking
 * them. Computed in openLCA, the system's GWP equals {@link FootprintResult#total()}. Module D is reported
 * separately (EN 15804) and left out. UUIDs are name-based (version 3) from qualified names, so a re-export of
 * the same model diffs cleanly; mass, energy and volume use openLCA's reference flow properties and units.
 */
public final class OlcaExport {

	/** openLCA reference data: flow property Mass and unit kg. */
	public static final String MASS = "93a60a56-a3c8-11da-a746-0800200b9a66";
	public static final String KG = "20aadc24-a391-41cf-b340-3e4529f44bde";
	/** openLCA reference data: flow property Energy, units MJ and kWh. */
	public static final String ENERGY = "f6811440-ee37-11de-8a39-0800200c9a66";
	public static final String MJ = "52765a6c-3896-43c2-b2f4-c679acf13efe";
	public static final String KWH = "86ad2244-1f0e-4912-af53-7865283103e4";
	/** openLCA reference data: unit m3. */
	public static final String M3 = "1c3a9695-398d-4b1f-b07e-a8715b610f70";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	/** A unit: its id, the flow property and unit group it belongs to, and its factor to the group's reference unit. */
	private record UnitRef(String unitId, String unit, String propertyId, String property, String groupId, String group, double factor,
			String refUnit) {
	}

	private final Map<String, JsonObject> files = new TreeMap<>();
	private final Map<String, JsonObject> unitGroups = new HashMap<>();

	private OlcaExport() {
	}

	/** Writes the zip atomically. */
	public static void write(FootprintResult result, Path out) throws InteropException {
		LibraryWriter.atomicWrite(out, zip(result));
	}

	/** The zip's bytes. */
	public static byte[] zip(FootprintResult result) throws InteropException {
		OlcaExport export = new OlcaExport();
		export.build(result);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("olca-schema.json"));
			zip.write("{\"version\": 2}\n".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			for (Map.Entry<String, JsonObject> file : export.files.entrySet()) {
				zip.putNextEntry(new ZipEntry(file.getKey()));
				zip.write(GSON.toJson(file.getValue()).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		} catch (IOException e) {
			throw new InteropException(result.subject().name(), 0, "cannot write the JSON-LD zip: " + e.getMessage(), e);
		}
		return bytes.toByteArray();
	}

	private static String id(String kind, String name) {
		return IlcdEpdWriter.uuid("olca:" + kind + ":" + name);
	}

	private static JsonObject ref(String type, String id, String name) {
		JsonObject o = new JsonObject();
		o.addProperty("@type", type);
		o.addProperty("@id", id);
		o.addProperty("name", name);
		return o;
	}

	private JsonObject root(String type, String folder, String id, String name) {
		JsonObject o = ref(type, id, name);
		files.put(folder + "/" + id + ".json", o);
		return o;
	}

	private void build(FootprintResult result) {
		String subject = result.subject().name();
		UnitRef item = unit("Item(s)");
		UnitRef kgRef = unit("kg");
		// elementary flows: the three parts of GWP, in kg CO2e (a mass)
		String[] parts = { "GWP-fossil", "GWP-biogenic", "GWP-luluc" };
		Map<String, String> partFlows = new LinkedHashMap<>();
		for (String part : parts) {
			String name = part + " (kg CO2e, EN 15804+A2)";
			String flowId = id("flow", name);
			flow(flowId, name, "ELEMENTARY_FLOW", kgRef);
			partFlows.put(part, flowId);
		}
		// the LCIA method and its category
		String categoryId = id("category", "GWP-total");
		JsonObject category = root("ImpactCategory", "lcia_categories", categoryId, "GWP-total (EN 15804+A2, ZeroCarbon)");
		category.addProperty("refUnit", "kg CO2 eq");
		JsonArray factors = new JsonArray();
		partFlows.forEach((part, flowId) -> {
			JsonObject f = new JsonObject();
			f.addProperty("@type", "ImpactFactor");
			f.addProperty("value", 1.0);
			f.add("flow", ref("Flow", flowId, part + " (kg CO2e, EN 15804+A2)"));
			f.add("unit", ref("Unit", kgRef.unitId(), "kg"));
			f.add("flowProperty", ref("FlowProperty", kgRef.propertyId(), kgRef.property()));
			factors.add(f);
		});
		category.add("impactFactors", factors);
		JsonObject method = root("ImpactMethod", "lcia_methods", id("method", "ZeroCarbon GWP"), "ZeroCarbon GWP (EN 15804+A2)");
		JsonArray categories = new JsonArray();
		categories.add(ref("ImpactCategory", categoryId, "GWP-total (EN 15804+A2, ZeroCarbon)"));
		method.add("impactCategories", categories);

		// one process per contribution of modules A-C
		String subjectProcessId = id("process", subject);
		String subjectFlowId = id("flow", subject);
		flow(subjectFlowId, subject, "PRODUCT_FLOW", item);
		JsonObject subjectProcess = root("Process", "processes", subjectProcessId, subject);
		subjectProcess.addProperty("processType", "UNIT_PROCESS");
		subjectProcess.addProperty("description", "The footprint of " + result.subject().kind() + " " + subject + " under "
				+ (result.methodology() == null ? "its methodology" : result.methodology().id()) + ", exported by ZeroCarbon Workbench");
		JsonArray subjectExchanges = new JsonArray();
		subjectExchanges.add(exchange(1, 1, false, true, subjectFlowId, subject, item));
		JsonArray processes = new JsonArray();
		processes.add(ref("Process", subjectProcessId, subject));
		JsonArray links = new JsonArray();
		Map<String, Integer> seen = new HashMap<>();
		int internal = 1;
		for (Contribution c : result.contributions()) {
			if (c.module().isReportedSeparately()) {
				continue;
			}
			String base = c.element() + " | " + c.description() + " | " + c.module() + " | " + c.scope()
					+ (c.factor() == null ? "" : " | " + c.factor());
			int n = seen.merge(base, 1, Integer::sum);
			String qualified = n == 1 ? base : base + " #" + n;
			String name = c.element() + ": " + c.description() + " (" + c.module() + ")";
			boolean hasActivity = c.activityAmount() != 0 && c.activityUnit() != null && !c.activityUnit().isBlank();
			UnitRef unit = hasActivity ? unit(c.activityUnit()) : item;
			double amount = hasActivity ? c.activityAmount() : 1;
			String flowId = id("flow", qualified);
			flow(flowId, name, "PRODUCT_FLOW", unit);
			String processId = id("process", qualified);
			JsonObject process = root("Process", "processes", processId, name);
			process.addProperty("processType", "UNIT_PROCESS");
			process.addProperty("description", "Module " + c.module() + ", " + c.scope() + (c.factor() == null ? ", declared value"
					: ", factor " + c.factor()) + "; " + c.kgCO2e() + " kg CO2e for " + amount + " " + unit.unit());
			JsonArray exchanges = new JsonArray();
			exchanges.add(exchange(1, amount, false, true, flowId, name, unit));
			double[] values = { c.gwp().fossil(), c.gwp().biogenic(), c.gwp().luluc() };
			int k = 2;
			for (int i = 0; i < parts.length; i++) {
				if (values[i] != 0) {
					exchanges.add(exchange(k++, values[i], false, false, partFlows.get(parts[i]), parts[i] + " (kg CO2e, EN 15804+A2)", kgRef));
				}
			}
			process.add("exchanges", exchanges);
			process.addProperty("lastInternalId", k - 1);
			processes.add(ref("Process", processId, name));
			internal++;
			JsonObject input = exchange(internal, amount, true, false, flowId, name, unit);
			input.add("defaultProvider", ref("Process", processId, name));
			subjectExchanges.add(input);
			JsonObject link = new JsonObject();
			link.addProperty("@type", "ProcessLink");
			link.add("provider", ref("Process", processId, name));
			link.add("flow", ref("Flow", flowId, name));
			link.add("process", ref("Process", subjectProcessId, subject));
			JsonObject linked = new JsonObject();
			linked.addProperty("@type", "Exchange");
			linked.addProperty("internalId", internal);
			link.add("exchange", linked);
			links.add(link);
		}
		subjectProcess.add("exchanges", subjectExchanges);
		subjectProcess.addProperty("lastInternalId", internal);
		JsonObject system = root("ProductSystem", "product_systems", id("system", subject), subject);
		system.add("refProcess", ref("Process", subjectProcessId, subject));
		JsonObject refExchange = new JsonObject();
		refExchange.addProperty("@type", "Exchange");
		refExchange.addProperty("internalId", 1);
		system.add("refExchange", refExchange);
		system.addProperty("targetAmount", 1.0);
		system.add("targetUnit", ref("Unit", item.unitId(), item.unit()));
		system.add("targetFlowProperty", ref("FlowProperty", item.propertyId(), item.property()));
		system.add("processes", processes);
		system.add("processLinks", links);
	}

	private JsonObject exchange(int internalId, double amount, boolean input, boolean reference, String flowId, String flowName, UnitRef unit) {
		JsonObject e = new JsonObject();
		e.addProperty("@type", "Exchange");
		e.addProperty("internalId", internalId);
		e.addProperty("amount", amount);
		e.addProperty("isInput", input);
		e.addProperty("isQuantitativeReference", reference);
		e.add("flow", ref("Flow", flowId, flowName));
		e.add("unit", ref("Unit", unit.unitId(), unit.unit()));
		e.add("flowProperty", ref("FlowProperty", unit.propertyId(), unit.property()));
		return e;
	}

	private void flow(String flowId, String name, String type, UnitRef unit) {
		if (files.containsKey("flows/" + flowId + ".json")) {
			return;
		}
		JsonObject flow = root("Flow", "flows", flowId, name);
		flow.addProperty("flowType", type);
		JsonArray properties = new JsonArray();
		JsonObject factor = new JsonObject();
		factor.addProperty("@type", "FlowPropertyFactor");
		factor.addProperty("isRefFlowProperty", true);
		factor.addProperty("conversionFactor", 1.0);
		factor.add("flowProperty", ref("FlowProperty", unit.propertyId(), unit.property()));
		properties.add(factor);
		flow.add("flowProperties", properties);
	}

	/** The unit, its flow property and unit group (records written on first use). */
	private UnitRef unit(String symbol) {
		UnitRef u = switch (symbol) {
			case "kg" -> new UnitRef(KG, "kg", MASS, "Mass", id("unitgroup", "mass"), "Units of mass", 1, "kg");
			case "t" -> new UnitRef(id("unit", "t"), "t", MASS, "Mass", id("unitgroup", "mass"), "Units of mass", 1000, "kg");
			case "g" -> new UnitRef(id("unit", "g"), "g", MASS, "Mass", id("unitgroup", "mass"), "Units of mass", 0.001, "kg");
			case "MJ" -> new UnitRef(MJ, "MJ", ENERGY, "Energy", id("unitgroup", "energy"), "Units of energy", 1, "MJ");
			case "kWh" -> new UnitRef(KWH, "kWh", ENERGY, "Energy", id("unitgroup", "energy"), "Units of energy", 3.6, "MJ");
			case "m3" -> new UnitRef(M3, "m3", id("property", "volume"), "Volume", id("unitgroup", "volume"), "Units of volume", 1, "m3");
			default -> new UnitRef(id("unit", symbol), symbol, id("property", symbol), "Quantity in " + symbol, id("unitgroup", symbol),
					"Units of " + symbol, 1, symbol);
		};
		JsonObject group = unitGroups.get(u.groupId());
		if (group == null) {
			group = root("UnitGroup", "unit_groups", u.groupId(), u.group());
			group.add("units", new JsonArray());
			group.add("defaultFlowProperty", ref("FlowProperty", u.propertyId(), u.property()));
			unitGroups.put(u.groupId(), group);
			JsonObject property = root("FlowProperty", "flow_properties", u.propertyId(), u.property());
			property.addProperty("flowPropertyType", "PHYSICAL_QUANTITY");
			property.add("unitGroup", ref("UnitGroup", u.groupId(), u.group()));
		}
		JsonArray units = group.getAsJsonArray("units");
		boolean present = false;
		for (var each : units) {
			present |= each.getAsJsonObject().get("@id").getAsString().equals(u.unitId());
		}
		if (!present) {
			if (u.factor() != 1 && units.isEmpty() || u.factor() != 1 && noReference(units)) {
				unit(u.refUnit()); // the reference unit first
			}
			JsonObject unit = ref("Unit", u.unitId(), u.unit());
			unit.addProperty("conversionFactor", u.factor());
			unit.addProperty("isRefUnit", u.factor() == 1 && u.unit().equals(u.refUnit()));
			units.add(unit);
		}
		return u;
	}

	private static boolean noReference(JsonArray units) {
		for (var each : units) {
			if (each.getAsJsonObject().get("isRefUnit").getAsBoolean()) {
				return false;
			}
		}
		return true;
	}

	/** The file names of the export (for tests and messages). */
	static List<String> names(FootprintResult result) {
		OlcaExport export = new OlcaExport();
		export.build(result);
		return new ArrayList<>(export.files.keySet());
	}
}
