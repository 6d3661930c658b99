package org.zerocarbon.telemetry.opcua;

import java.util.Locale;
import java.util.Map;

import org.zerocarbon.telemetry.Signal;

/**
 * The factor to SI of an OPC UA EUInformation unit (UNECE Recommendation 20 common codes, encoded in
 * {@code unitId} as in OPC UA Part 8 5.6.3: the code's ASCII characters, 8 bits each), with the display name as
 * fallback. A small table by hand: only the units an energy meter reports are needed.
 */
final class EngineeringUnit {

	/** factor to SI and the signals it fits. */
	record Unit(String code, double factor, Signal... signals) {
		boolean fits(Signal signal) {
			for (Signal s : signals) {
				if (s == signal) {
					return true;
				}
			}
			return false;
		}
	}

	private static final Signal[] ENERGY = { Signal.ENERGY_COUNTER, Signal.ENERGY_INTERVAL };

	private static final Map<String, Unit> BY_CODE = Map.ofEntries(
			entry("WTT", "W", 1, Signal.POWER), entry("KWT", "kW", 1e3, Signal.POWER),
			entry("MAW", "MW", 1e6, Signal.POWER),
			entry("WHR", "Wh", 3600, ENERGY), entry("KWH", "kWh", 3.6e6, ENERGY), entry("MWH", "MWh", 3.6e9, ENERGY),
			entry("JOU", "J", 1, ENERGY), entry("KJO", "kJ", 1e3, ENERGY), entry("3B", "MJ", 1e6, ENERGY),
			entry("AMP", "A", 1, Signal.CURRENT), entry("VLT", "V", 1, Signal.VOLTAGE),
			entry("KVT", "kV", 1e3, Signal.VOLTAGE), entry("C62", "1", 1, Signal.POWER_FACTOR));

	private static final Map<String, String> CODE_BY_SYMBOL = Map.ofEntries(Map.entry("w", "WTT"),
			Map.entry("kw", "KWT"), Map.entry("mw", "MAW"), Map.entry("wh", "WHR"), Map.entry("kwh", "KWH"),
			Map.entry("mwh", "MWH"), Map.entry("j", "JOU"), Map.entry("kj", "KJO"), Map.entry("mj", "3B"),
			Map.entry("a", "AMP"), Map.entry("v", "VLT"), Map.entry("kv", "KVT"));

	private EngineeringUnit() {
	}

	private static Map.Entry<String, Unit> entry(String code, String symbol, double factor, Signal... signals) {
		return Map.entry(code, new Unit(symbol, factor, signals));
	}

	/** The UNECE common code of an OPC UA unitId (e.g. 4937544 -> "KWT"). */
	static String code(int unitId) {
		StringBuilder code = new StringBuilder();
		for (int shift = 24; shift >= 0; shift -= 8) {
			int c = (unitId >>> shift) & 0xFF;
			if (c != 0) {
				code.append((char) c);
			}
		}
		return code.toString();
	}

	/** The OPC UA unitId of a UNECE common code (e.g. "KWT" -> 4937544). */
	static int unitId(String code) {
		int id = 0;
		for (char c : code.toCharArray()) {
			id = (id << 8) | c;
		}
		return id;
	}

	/** The unit by unitId (when > 0), else by display name; null when unknown. */
	static Unit find(Integer unitId, String displayName) {
		if (unitId != null && unitId > 0) {
			Unit unit = BY_CODE.get(code(unitId));
			if (unit != null) {
				return unit;
			}
		}
		if (displayName != null) {
			String code = CODE_BY_SYMBOL.get(displayName.trim().toLowerCase(Locale.ROOT));
			return code == null ? null : BY_CODE.get(code);
		}
		return null;
	}
}
