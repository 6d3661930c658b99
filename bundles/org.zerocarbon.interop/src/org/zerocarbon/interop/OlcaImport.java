package org.zerocarbon.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.zerocarbon.interop.internal.SecureZip;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.NamedElement;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Imports the processes of an openLCA JSON-LD zip (olca-schema 2) as {@code process} elements: the reference
 * exchange becomes the output, inputs whose default provider is in the zip become {@code input … from}, and the
 * elementary flows characterised by the zip's GWP impact category become one {@code emits … kgCO2e} per process
 * (outputs positive, inputs negative, as openLCA computes them). What is not needed (other categories,
 * uncharacterised flows, inputs without a provider in the zip, parameters, social and cost data) is reported.
 * A process is identified by its UUID in its {@code source}, so a re-import replaces it.
 */
public final class OlcaImport {

	private static final Pattern UUID_IN_SOURCE = Pattern.compile("openLCA process ([0-9a-fA-F-]{36})");

	private OlcaImport() {
	}

	/** Reads the zip and writes its processes into the library. */
	public static ImportReport run(Path zipFile, String display, Path library) throws InteropException {
		ImportReport report = new ImportReport();
		Map<String, JsonObject> processes = new LinkedHashMap<>();
		Map<String, Double> factors = new HashMap<>();
		try (SecureZip zip = SecureZip.open(zipFile, display)) {
			ZipEntry schema = zip.entry("olca-schema.json");
			if (schema == null) {
				report.warning(display + ": no olca-schema.json; read as olca-schema version 2");
			} else {
				JsonObject version = read(zip, schema);
				if (!version.has("version") || version.get("version").getAsInt() != 2) {
					throw new InteropException(zip.display(schema), 0, "olca-schema version " + version.get("version") + " is not supported (2 is)");
				}
			}
			Map<String, Integer> skipped = new LinkedHashMap<>();
			JsonObject gwp = null;
			for (ZipEntry entry : zip.entries()) {
				String name = entry.getName();
				if (entry.isDirectory() || name.equals("olca-schema.json")) {
					continue;
				}
				String folder = name.contains("/") ? name.substring(0, name.indexOf('/')) : "";
				switch (folder) {
					case "processes" -> {
						JsonObject process = read(zip, entry);
						processes.put(process.get("@id").getAsString(), process);
					}
					case "lcia_categories" -> {
						JsonObject category = read(zip, entry);
						String n = category.has("name") ? category.get("name").getAsString() : "";
						if (GwpIndicator.claimsGwp(n) && gwp == null) {
							gwp = category;
						} else {
							report.ignored(zip.display(entry) + ": impact category '" + n + "'" + (GwpIndicator.claimsGwp(n) ? " (another GWP category is used)" : ""));
						}
					}
					default -> skipped.merge(folder.isEmpty() ? name : folder, 1, Integer::sum);
				}
			}
			skipped.forEach((folder, count) -> report.ignored(display + ": " + count + " records in " + folder
					+ " (read through the processes where needed)"));
			if (processes.isEmpty()) {
				throw new InteropException(display, 0, "no processes/ in the zip: not an openLCA JSON-LD export of processes");
			}
			if (gwp == null) {
				report.warning(display + ": no GWP impact category in the zip: the processes are imported without emissions");
			} else {
				for (JsonElement f : array(gwp, "impactFactors")) {
					JsonObject factor = f.getAsJsonObject();
					double value = factor.get("value").getAsDouble();
					String unit = factor.has("unit") ? factor.getAsJsonObject("unit").get("name").getAsString() : "kg";
					double perUnit = switch (unit) {
						case "kg" -> 1;
						case "g" -> 1000;
						case "t" -> 0.001;
						default -> throw new InteropException(display, 0, "the GWP factor of flow '" + factor.getAsJsonObject("flow").get("name")
								+ "' is per " + unit + ", which does not convert to kg");
					};
					factors.put(factor.getAsJsonObject("flow").get("@id").getAsString(), value * perUnit);
				}
			}
		} catch (IOException e) {
			throw new InteropException(display, 0, "cannot read: " + e.getMessage(), e);
		}
		List<LibraryWriter.Element> elements = new ArrayList<>();
		for (JsonObject process : processes.values()) {
			LibraryWriter.Element element = element(process, processes, factors, display, report);
			if (element != null) {
				elements.add(element);
			}
		}
		LibraryWriter.write(library, elements, OlcaImport::processesByUuid, report);
		return report;
	}

	private static Map<String, NamedElement> processesByUuid(FactorLibrary library) {
		Map<String, NamedElement> map = new HashMap<>();
		for (org.zerocarbon.model.zc.Process process : library.getProcesses()) {
			Matcher m = process.getSource() == null ? null : UUID_IN_SOURCE.matcher(process.getSource());
			if (m != null && m.find()) {
				map.putIfAbsent(m.group(1), process);
			}
		}
		return map;
	}

	private static LibraryWriter.Element element(JsonObject process, Map<String, JsonObject> all, Map<String, Double> factors, String display,
			ImportReport report) {
		String id = process.get("@id").getAsString();
		String name = process.has("name") ? process.get("name").getAsString() : id;
		JsonObject reference = null;
		List<String[]> inputs = new ArrayList<>();
		double emitted = 0;
		int uncharacterised = 0;
		for (JsonElement e : array(process, "exchanges")) {
			JsonObject x = e.getAsJsonObject();
			boolean input = x.has("isInput") && x.get("isInput").getAsBoolean();
			double amount = x.has("amount") ? x.get("amount").getAsDouble() : 0;
			String flowId = x.getAsJsonObject("flow").get("@id").getAsString();
			if (x.has("isQuantitativeReference") && x.get("isQuantitativeReference").getAsBoolean()) {
				reference = x;
			} else if (factors.containsKey(flowId)) {
				emitted += (input ? -1 : 1) * amount * factors.get(flowId);
			} else if (input && x.has("defaultProvider")) {
				String provider = x.getAsJsonObject("defaultProvider").get("@id").getAsString();
				String unit = unit(x);
				if (!all.containsKey(provider)) {
					report.ignored(display + ": process '" + name + "': input of '" + flowName(x) + "' from a provider not in the zip");
				} else if (unit == null) {
					report.ignored(display + ": process '" + name + "': input of '" + flowName(x) + "' in unit '" + unitName(x)
							+ "', which is not a unit of the language");
				} else {
					inputs.add(new String[] { ZcProductText.number(amount), unit, provider });
				}
			} else {
				uncharacterised++;
			}
		}
		if (reference == null) {
			report.ignored(display + ": process '" + name + "' has no quantitative reference and was not imported");
			return null;
		}
		String outputUnit = unit(reference);
		if (outputUnit == null) {
			report.ignored(display + ": process '" + name + "': its reference unit '" + unitName(reference)
					+ "' is not a unit of the language; not imported");
			return null;
		}
		if (uncharacterised > 0) {
			report.ignored(display + ": process '" + name + "': " + uncharacterised + " exchanges without a GWP factor or provider");
		}
		double output = reference.get("amount").getAsDouble();
		double emissions = emitted;
		String description = process.has("description") ? process.get("description").getAsString() : null;
		return new LibraryWriter.Element(id, name, display, (dslName, indent, names) -> {
			String in = indent + "\t";
			StringBuilder text = new StringBuilder("process ").append(dslName).append(' ').append(ZcProductText.string(name)).append(" {\n");
			text.append(in).append("output ").append(ZcProductText.number(output)).append(' ').append(outputUnit).append('\n');
			for (String[] input : inputs) {
				String provider = names.get(input[2]);
				if (provider != null) {
					text.append(in).append("input ").append(input[0]).append(' ').append(input[1]).append(" from ").append(provider).append('\n');
				}
			}
			if (emissions != 0) {
				text.append(in).append("emits ").append(ZcProductText.number(emissions)).append(" kgCO2e\n");
			}
			text.append(in).append("source ").append(ZcProductText.string("openLCA process " + id
					+ (description == null ? "" : ": " + (description.length() > 200 ? description.substring(0, 200) + "…" : description))))
					.append('\n');
			return text.append(indent).append('}').toString();
		});
	}

	private static String flowName(JsonObject exchange) {
		JsonObject flow = exchange.getAsJsonObject("flow");
		return flow.has("name") ? flow.get("name").getAsString() : flow.get("@id").getAsString();
	}

	private static String unitName(JsonObject exchange) {
		return exchange.has("unit") ? exchange.getAsJsonObject("unit").get("name").getAsString() : "?";
	}

	/** The exchange's unit in the language's form, or null. */
	private static String unit(JsonObject exchange) {
		String name = unitName(exchange);
		return EpdUnits.declared(name).orElse(null);
	}

	private static Iterable<JsonElement> array(JsonObject o, String key) {
		return o.has(key) && o.get(key).isJsonArray() ? o.getAsJsonArray(key) : List.of();
	}

	private static JsonObject read(SecureZip zip, ZipEntry entry) throws InteropException {
		try (InputStream in = zip.open(entry)) {
			JsonElement element = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			if (!element.isJsonObject() || entry.getName().startsWith("processes/") && !element.getAsJsonObject().has("@id")) {
				throw new InteropException(zip.display(entry), 0, "not a JSON-LD record (an object with @id)");
			}
			return element.getAsJsonObject();
		} catch (IOException | JsonParseException e) {
			throw new InteropException(zip.display(entry), 0, "not well-formed JSON: " + e.getMessage(), e);
		}
	}
}
