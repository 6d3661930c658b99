package org.zerocarbon.interop.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import org.zerocarbon.interop.EpdDataset;
import org.zerocarbon.interop.EpdModules;
import org.zerocarbon.interop.EpdUnits;
import org.zerocarbon.interop.GwpIndicator;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;

/**
 * Maps an {@link IlcdProcess} to an {@link EpdDataset}: GWP results by their method UUID, module labels checked
 * against EN 15804, units converted to kg CO2e, the split kept only where it adds up, validity as a date.
 */
public final class IlcdEpdMapper {

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private IlcdEpdMapper() {
	}

	/**
	 * @param declaredAmount the declared unit's amount per reference flow unit (the flow property's mean value), 1
	 *                       when unknown
	 * @param declaredUnit   the declared unit in the language's form
	 */
	public static EpdDataset map(IlcdProcess p, String source, double declaredAmount, String declaredUnit, ImportReport report)
			throws InteropException {
		if (p.uuid == null || p.uuid.isBlank()) {
			throw new InteropException(source, 0, "the dataset has no UUID (processInformation/dataSetInformation/common:UUID)");
		}
		String label = p.name == null ? p.uuid : p.name;
		Map<GwpIndicator, Map<String, Double>> values = new EnumMap<>(GwpIndicator.class);
		Map<String, String[]> keys = new LinkedHashMap<>();
		List<String> ignoredIndicators = new ArrayList<>();
		for (IlcdProcess.Result result : p.results) {
			String name = result.methodName == null ? "(unnamed)" : result.methodName;
			Optional<GwpIndicator> indicator;
			if (result.methodUuid == null || result.methodUuid.isBlank()) {
				if (!GwpIndicator.claimsGwp(name)) {
					ignoredIndicators.add(name);
					continue;
				}
				indicator = Optional.of(byName(name));
				report.warning(source + ":" + result.line + ": the LCIA result '" + name + "' has no method UUID; taken as " + indicator.get()
						+ " by its name (only because no UUID is given)");
			} else {
				indicator = GwpIndicator.ofUuid(result.methodUuid);
				if (indicator.isEmpty()) {
					if (GwpIndicator.claimsGwp(name)) {
						throw new InteropException(source, result.line, "unknown indicator UUID " + result.methodUuid + " ('" + name
								+ "'): it is named like a GWP indicator, but it is not GWP-total, -fossil, -biogenic or -luluc of EN 15804+A2"
								+ " nor GWP of EN 15804+A1 (see docs/interop.md for the UUIDs accepted)");
					}
					ignoredIndicators.add(name);
					continue;
				}
			}
			double factor;
			if (EpdUnits.KG_CO2E_UNIT_GROUP.equalsIgnoreCase(String.valueOf(result.unitGroupUuid))) {
				factor = 1;
			} else {
				OptionalDouble f = EpdUnits.toKgCo2e(result.unitName);
				if (f.isEmpty()) {
					throw new InteropException(source, result.line, "the unit '" + result.unitName + "' of indicator '" + name
							+ "' does not convert to kgCO2e");
				}
				factor = f.getAsDouble();
			}
			Map<String, Double> byKey = values.computeIfAbsent(indicator.get(), k -> new LinkedHashMap<>());
			for (IlcdProcess.Amount amount : result.amounts) {
				Optional<String> module = EpdModules.normalize(amount.module());
				if (module.isEmpty()) {
					throw new InteropException(source, amount.line(), "module '" + amount.module() + "' of indicator '" + name
							+ "' is not a module of EN 15804 (A1 … A5, B1 … B7, C1 … C4, D, or a range such as A1-A3)");
				}
				String text = amount.text().trim();
				if (text.isEmpty() || text.equalsIgnoreCase("ND") || text.equalsIgnoreCase("MND") || text.equalsIgnoreCase("MNR")) {
					report.ignored(source + ":" + amount.line() + ": module " + module.get() + " of '" + name + "' not declared ("
							+ (text.isEmpty() ? "empty" : text) + ")");
					continue;
				}
				String key = module.get() + "\u0000" + (amount.scenario() == null ? "" : amount.scenario());
				keys.putIfAbsent(key, new String[] { module.get(), amount.scenario() });
				if (byKey.put(key, IlcdProcessReader.number(text, source, amount.line()) * factor) != null) {
					throw new InteropException(source, amount.line(), "module " + module.get()
							+ (amount.scenario() == null ? "" : " (scenario \"" + amount.scenario() + "\")") + " of '" + name + "' is declared twice");
				}
			}
		}
		if (!ignoredIndicators.isEmpty()) {
			report.ignored(source + ": " + ignoredIndicators.size() + " indicators other than GWP (" + String.join("; ", ignoredIndicators) + ")");
		}
		if (p.otherExchanges > 0) {
			report.ignored(source + ": " + p.otherExchanges + " LCI exchanges (resource use, waste and output flows)");
		}
		GwpIndicator main = values.containsKey(GwpIndicator.TOTAL) ? GwpIndicator.TOTAL : GwpIndicator.A1_GWP;
		Map<String, Double> totals = values.get(main);
		if (totals == null || totals.isEmpty()) {
			throw new InteropException(source, 0, "'" + label + "' declares no GWP-total (EN 15804+A2) or GWP (EN 15804+A1) module values");
		}
		if (main == GwpIndicator.TOTAL && values.containsKey(GwpIndicator.A1_GWP)) {
			report.ignored(source + ": GWP of EN 15804+A1 (GWP-total of EN 15804+A2 imported instead)");
		}
		List<EpdDataset.ModuleValue> modules = new ArrayList<>();
		boolean splitDropped = false;
		for (Map.Entry<String, Double> entry : totals.entrySet()) {
			String[] key = keys.get(entry.getKey());
			Double fossil = get(values, GwpIndicator.FOSSIL, entry.getKey());
			Double biogenic = get(values, GwpIndicator.BIOGENIC, entry.getKey());
			Double luluc = get(values, GwpIndicator.LULUC, entry.getKey());
			boolean isDefault = key[1] != null && Boolean.TRUE.equals(p.scenarios.get(key[1]));
			EpdDataset.ModuleValue value = new EpdDataset.ModuleValue(key[0], key[1], isDefault, entry.getValue(), fossil, biogenic, luluc, null);
			if ((fossil != null || biogenic != null || luluc != null) && !value.splitAddsUp()) {
				splitDropped = true;
				value = new EpdDataset.ModuleValue(key[0], key[1], isDefault, entry.getValue(), null, null, null, null);
			}
			modules.add(value);
		}
		if (splitDropped) {
			report.warning(source + ": the GWP split of '" + label + "' (fossil + biogenic + luluc) does not add up to GWP-total for some"
					+ " modules; imported without a split there");
		}
		return new EpdDataset(p.uuid, p.version, label, declaredAmount * p.referenceAmount, declaredUnit, p.referenceYear, validUntil(p),
				p.standard, p.operator != null ? p.operator : p.publisher, p.verifier, source, null, p.licence, p.serviceLifeYears, modules);
	}

	private static Double get(Map<GwpIndicator, Map<String, Double>> values, GwpIndicator indicator, String key) {
		Map<String, Double> map = values.get(indicator);
		return map == null ? null : map.get(key);
	}

	private static GwpIndicator byName(String name) {
		String n = name.toLowerCase(Locale.ROOT);
		if (n.contains("fossil")) {
			return GwpIndicator.FOSSIL;
		} else if (n.contains("biogen")) {
			return GwpIndicator.BIOGENIC;
		} else if (n.contains("luluc") || n.contains("land use")) {
			return GwpIndicator.LULUC;
		}
		return GwpIndicator.TOTAL;
	}

	/** The EPD's expiration date when given (EPD 2024 extension), else the end of the dataset's valid-until year. */
	static String validUntil(IlcdProcess p) {
		if (p.expirationDate != null && DATE.matcher(p.expirationDate.trim()).lookingAt()) {
			return p.expirationDate.trim().substring(0, 10);
		}
		if (p.validUntilYear != null && YEAR.matcher(p.validUntilYear.trim()).matches()) {
			return p.validUntilYear.trim() + "-12-31";
		}
		if (p.validUntilYear != null && DATE.matcher(p.validUntilYear.trim()).lookingAt()) {
			return p.validUntilYear.trim().substring(0, 10);
		}
		return null;
	}
}
