package org.zerocarbon.interop;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import org.zerocarbon.units.ZcUnits;

/**
 * Units as EPD files write them, mapped to the units of the language. Declared units ("kg", "m^2", "qm",
 * "pcs.", "Item(s)") and GWP units ("kg CO2 eqv.", "kg CO2-Äqv.", "kgCO2e", "t CO2e").
 */
public final class EpdUnits {

	private static final Map<String, String> DECLARED = Map.ofEntries(Map.entry("kg", "kg"), Map.entry("g", "g"), Map.entry("t", "t"),
			Map.entry("m", "m"), Map.entry("m2", "m2"), Map.entry("m^2", "m2"), Map.entry("qm", "m2"), Map.entry("sqm", "m2"),
			Map.entry("m²", "m2"), Map.entry("m3", "m3"), Map.entry("m^3", "m3"), Map.entry("m³", "m3"), Map.entry("cbm", "m3"),
			Map.entry("l", "l"), Map.entry("kwh", "kWh"), Map.entry("mj", "MJ"), Map.entry("pcs", "pcs"), Map.entry("pcs.", "pcs"),
			Map.entry("pc", "pcs"), Map.entry("piece", "pcs"), Map.entry("pieces", "pcs"), Map.entry("item", "pcs"),
			Map.entry("item(s)", "pcs"), Map.entry("items", "pcs"), Map.entry("stk", "pcs"), Map.entry("stück", "pcs"),
			Map.entry("unit", "pcs"), Map.entry("1", "pcs"), Map.entry("km", "km"), Map.entry("mm", "mm"));

	private static final Pattern CO2E = Pattern.compile("(k?g|t)\\s*co2[\\s-]*(e|eq|eq\\.|eqv|eqv\\.|equiv\\.?|äqv\\.?|aeqv\\.?|-?äquivalent)?",
			Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

	private static final Pattern EXPRESSION = Pattern.compile("[A-Za-z][A-Za-z0-9]*(\\^[0-9]+)?([*/][A-Za-z][A-Za-z0-9]*(\\^[0-9]+)?)*");

	/** The ILCD unit group UUID of "Units for kg CO2 equivalents" in the EN 15804 reference data. */
	public static final String KG_CO2E_UNIT_GROUP = "1ebf3012-d0db-4de2-aefd-ef30cedb0be1";

	private EpdUnits() {
	}

	/** A declared unit in the language's form, e.g. "m^2" → m2, "Item(s)" → pcs; empty when it does not map. */
	public static Optional<String> declared(String unit) {
		if (unit == null) {
			return Optional.empty();
		}
		String key = unit.trim().toLowerCase(Locale.ROOT);
		String mapped = DECLARED.get(key);
		if (mapped != null) {
			return Optional.of(mapped);
		}
		// a unit of the language written as such (kWh, MWh, t ...)
		String trimmed = unit.trim();
		if (ZcUnits.isSymbol(trimmed)) {
			return Optional.of(trimmed);
		}
		// a compound unit of the language (t*km, kg/m2): written as the grammar reads it, and known to the units
		return EXPRESSION.matcher(trimmed).matches() && ZcUnits.isCompatible(trimmed, trimmed) ? Optional.of(trimmed) : Optional.empty();
	}

	/** The factor from a GWP unit to kg CO2e (1 for "kg CO2 eqv.", 1000 for "t CO2e"); empty when it is not one. */
	public static OptionalDouble toKgCo2e(String unit) {
		if (unit == null) {
			return OptionalDouble.empty();
		}
		var m = CO2E.matcher(unit.trim());
		if (!m.matches()) {
			return OptionalDouble.empty();
		}
		return switch (m.group(1).toLowerCase(Locale.ROOT)) {
			case "kg" -> OptionalDouble.of(1);
			case "g" -> OptionalDouble.of(0.001);
			default -> OptionalDouble.of(1000);
		};
	}
}
