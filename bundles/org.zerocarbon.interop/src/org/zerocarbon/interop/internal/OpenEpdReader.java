package org.zerocarbon.interop.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import org.zerocarbon.interop.EpdDataset;
import org.zerocarbon.interop.EpdModules;
import org.zerocarbon.interop.EpdUnits;
import org.zerocarbon.interop.GwpIndicator;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * Reads openEPD (EC3) documents: one EPD object, or an array of them streamed one at a time. {@code impacts} is
 * method → indicator → scope → {@code {mean, unit, rsd}}; one method is imported (EF 3.1, then EF 3.0, then the
 * first one that has a GWP), the others are reported as ignored. An rsd becomes a lognormal uncertainty whose
 * gsd has the same relative standard deviation: gsd = exp(sqrt(ln(1 + rsd²))).
 */
public final class OpenEpdReader {

	private static final List<String> PREFERRED = List.of("EF 3.1", "EF 3.0", "IPCC AR6", "IPCC AR5");

	private OpenEpdReader() {
	}

	/** Reads every EPD of the document and hands each to {@code sink}. */
	public static void read(InputStream in, String source, ImportReport report, Consumer<EpdDataset> sink) throws InteropException {
		try (JsonReader json = new JsonReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			json.setLenient(false);
			if (json.peek() == JsonToken.BEGIN_ARRAY) {
				json.beginArray();
				int index = 0;
				while (json.hasNext()) {
					JsonElement element = JsonParser.parseReader(json);
					sink.accept(map(object(element, source + "[" + index + "]"), source + "[" + index + "]", report));
					index++;
				}
				json.endArray();
			} else {
				sink.accept(map(object(JsonParser.parseReader(json), source), source, report));
			}
		} catch (IOException | JsonParseException | IllegalStateException e) {
			throw new InteropException(source, 0, "not a well-formed openEPD JSON document: " + e.getMessage(), e);
		}
	}

	private static JsonObject object(JsonElement element, String source) throws InteropException {
		if (!element.isJsonObject()) {
			throw new InteropException(source, 0, "an openEPD EPD must be a JSON object");
		}
		return element.getAsJsonObject();
	}

	static EpdDataset map(JsonObject epd, String source, ImportReport report) throws InteropException {
		String id = string(epd, "id");
		if (id == null) {
			throw new InteropException(source, 0, "the EPD has no 'id'");
		}
		String name = string(epd, "name");
		String label = name == null ? id : name;
		double amount;
		String unit;
		JsonElement declared = epd.get("declared_unit");
		if (declared != null && declared.isJsonObject()) {
			amount = number(declared.getAsJsonObject(), "qty", source, 1);
			unit = string(declared.getAsJsonObject(), "unit");
		} else if (declared != null && declared.isJsonPrimitive()) {
			String[] parts = declared.getAsString().trim().split("\\s+", 2);
			amount = parts.length == 2 ? parse(parts[0], source) : 1;
			unit = parts.length == 2 ? parts[1] : parts[0];
		} else {
			throw new InteropException(source, 0, "'" + label + "' has no declared_unit");
		}
		String zcUnit = EpdUnits.declared(unit).orElseThrow(
				() -> new InteropException(source, 0, "the declared unit '" + unit + "' of '" + label + "' does not convert to a unit of the language"));
		JsonObject impacts = epd.has("impacts") && epd.get("impacts").isJsonObject() ? epd.getAsJsonObject("impacts") : null;
		if (impacts == null) {
			throw new InteropException(source, 0, "'" + label + "' has no impacts");
		}
		String method = null;
		for (String preferred : PREFERRED) {
			if (impacts.has(preferred) && impacts.get(preferred).isJsonObject() && impacts.getAsJsonObject(preferred).has("gwp")) {
				method = preferred;
				break;
			}
		}
		if (method == null) {
			for (String key : impacts.keySet()) {
				if (impacts.get(key).isJsonObject() && impacts.getAsJsonObject(key).has("gwp")) {
					method = key;
					break;
				}
			}
		}
		if (method == null) {
			throw new InteropException(source, 0, "'" + label + "' declares no 'gwp' impact under any method");
		}
		for (String key : impacts.keySet()) {
			if (!key.equals(method)) {
				report.ignored(source + ": impacts of method '" + key + "' (method '" + method + "' imported)");
			}
		}
		JsonObject indicators = impacts.getAsJsonObject(method);
		Map<GwpIndicator, Map<String, double[]>> values = new EnumMap<>(GwpIndicator.class);
		List<String> ignored = new ArrayList<>();
		for (String key : indicators.keySet()) {
			Optional<GwpIndicator> indicator = GwpIndicator.ofOpenEpdKey(key);
			if (indicator.isEmpty()) {
				if (key.toLowerCase(java.util.Locale.ROOT).startsWith("gwp")) {
					throw new InteropException(source, 0, "unknown GWP indicator '" + key + "' of method '" + method
							+ "' (gwp, gwp-fossil, gwp-biogenic and gwp-luluc are imported)");
				}
				ignored.add(key);
				continue;
			}
			if (!indicators.get(key).isJsonObject()) {
				continue;
			}
			JsonObject scopes = indicators.getAsJsonObject(key);
			Map<String, double[]> byModule = values.computeIfAbsent(indicator.get(), k -> new LinkedHashMap<>());
			for (String scope : scopes.keySet()) {
				Optional<String> module = EpdModules.normalize(scope);
				if (module.isEmpty()) {
					throw new InteropException(source, 0, "scope '" + scope + "' of '" + key + "' is not a module of EN 15804");
				}
				if (!scopes.get(scope).isJsonObject()) {
					continue;
				}
				JsonObject measurement = scopes.getAsJsonObject(scope);
				if (!measurement.has("mean")) {
					report.ignored(source + ": " + key + " " + scope + " without a mean");
					continue;
				}
				String measuredUnit = string(measurement, "unit");
				OptionalDouble factor = measuredUnit == null ? OptionalDouble.of(1) : EpdUnits.toKgCo2e(measuredUnit);
				if (factor.isEmpty()) {
					throw new InteropException(source, 0, "the unit '" + measuredUnit + "' of " + key + " " + scope + " does not convert to kgCO2e");
				}
				double mean = number(measurement, "mean", source, 0) * factor.getAsDouble();
				double rsd = measurement.has("rsd") ? number(measurement, "rsd", source, 0) : 0;
				byModule.put(module.get(), new double[] { mean, rsd });
			}
		}
		if (!ignored.isEmpty()) {
			report.ignored(source + ": " + ignored.size() + " indicators other than GWP (" + String.join(", ", ignored) + ")");
		}
		Map<String, double[]> totals = values.get(GwpIndicator.TOTAL);
		if (totals == null || totals.isEmpty()) {
			throw new InteropException(source, 0, "'" + label + "' declares no gwp values");
		}
		List<EpdDataset.ModuleValue> modules = new ArrayList<>();
		boolean dropped = false;
		for (Map.Entry<String, double[]> entry : totals.entrySet()) {
			Double gsd = entry.getValue()[1] > 0 ? gsd(entry.getValue()[1]) : null;
			EpdDataset.ModuleValue value = new EpdDataset.ModuleValue(entry.getKey(), null, false, entry.getValue()[0],
					part(values, GwpIndicator.FOSSIL, entry.getKey()), part(values, GwpIndicator.BIOGENIC, entry.getKey()),
					part(values, GwpIndicator.LULUC, entry.getKey()), gsd);
			if ((value.fossil() != null || value.biogenic() != null || value.luluc() != null) && !value.splitAddsUp()) {
				dropped = true;
				value = new EpdDataset.ModuleValue(entry.getKey(), null, false, entry.getValue()[0], null, null, null, gsd);
			}
			modules.add(value);
		}
		if (dropped) {
			report.warning(source + ": the GWP split of '" + label + "' does not add up to gwp for some modules; imported without a split there");
		}
		String validUntil = string(epd, "date_validity_ends");
		if (validUntil != null && validUntil.length() >= 10) {
			validUntil = validUntil.substring(0, 10);
		}
		Double life = epd.has("reference_service_life") && epd.get("reference_service_life").isJsonPrimitive()
				? number(epd, "reference_service_life", source, 0)
				: null;
		return new EpdDataset(id, string(epd, "version"), label, amount, zcUnit, null, validUntil, firstName(epd, "pcr", "standard"),
				firstName(epd, "program_operator", null), firstName(epd, "third_party_verifier", null), source, string(epd, "doc"), null,
				life, modules);
	}

	/** gsd of the lognormal whose arithmetic relative standard deviation is {@code rsd}. */
	public static double gsd(double rsd) {
		return Math.exp(Math.sqrt(Math.log(1 + rsd * rsd)));
	}

	private static Double part(Map<GwpIndicator, Map<String, double[]>> values, GwpIndicator indicator, String module) {
		Map<String, double[]> map = values.get(indicator);
		return map == null || !map.containsKey(module) ? null : map.get(module)[0];
	}

	private static String firstName(JsonObject epd, String key, String fallbackKey) {
		JsonElement e = epd.get(key);
		if (e != null && e.isJsonObject() && e.getAsJsonObject().has("name")) {
			return e.getAsJsonObject().get("name").getAsString();
		}
		if (e != null && e.isJsonPrimitive()) {
			return e.getAsString();
		}
		return fallbackKey == null ? null : string(epd, fallbackKey);
	}

	private static String string(JsonObject o, String key) {
		JsonElement e = o.get(key);
		return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
	}

	private static double number(JsonObject o, String key, String source, double fallback) throws InteropException {
		JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) {
			return fallback;
		}
		if (!e.isJsonPrimitive()) {
			throw new InteropException(source, 0, "'" + key + "' must be a number");
		}
		return parse(e.getAsString(), source);
	}

	private static double parse(String text, String source) throws InteropException {
		return IlcdProcessReader.number(text, source, 0);
	}
}
