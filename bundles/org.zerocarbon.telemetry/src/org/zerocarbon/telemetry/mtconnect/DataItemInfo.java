package org.zerocarbon.telemetry.mtconnect;

/**
 * A data item as a probe (Devices document) declares it, or as a Streams document shows it (there the type comes
 * from the observation's element name, e.g. {@code <ElectricalEnergy>} → ELECTRICAL_ENERGY; units are the type's
 * standard units).
 *
 * @param id        the dataItemId
 * @param type      e.g. WATTAGE, ELECTRICAL_ENERGY, EXECUTION
 * @param subType   e.g. ALL for PART_COUNT, null if none
 * @param category  SAMPLE, EVENT or CONDITION
 * @param units     e.g. WATT, WATT_SECOND, PERCENT; null if unknown
 * @param statistic e.g. AVERAGE for a per-interval value, null if none
 * @param device    the device's name
 */
public record DataItemInfo(String id, String type, String subType, String category, String units, String statistic,
		String device) {

	/** Whether this item matches "type[:subType]" (case-insensitive; no subType in the query matches any). */
	public boolean matches(String queryType, String querySubType) {
		return type != null && type.equalsIgnoreCase(queryType)
				&& (querySubType == null || querySubType.equalsIgnoreCase(subType));
	}

	/** The MTConnect type of an observation element name: ElectricalEnergy → ELECTRICAL_ENERGY, AmperageAC → AMPERAGE_AC. */
	public static String typeOfElement(String localName) {
		StringBuilder type = new StringBuilder(localName.length() + 4);
		for (int i = 0; i < localName.length(); i++) {
			char c = localName.charAt(i);
			if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(localName.charAt(i - 1))) {
				type.append('_');
			}
			type.append(Character.toUpperCase(c));
		}
		return type.toString();
	}

	/** Factor from the type's MTConnect standard units to SI: PERCENT (POWER_FACTOR) → 0.01, else 1. */
	public static double factorToSi(String type, String units) {
		if ("PERCENT".equalsIgnoreCase(units) || units == null && "POWER_FACTOR".equals(type)) {
			return 0.01;
		}
		if ("KILOWATT".equalsIgnoreCase(units)) {
			return 1000;
		}
		if ("KILOWATT_HOUR".equalsIgnoreCase(units)) {
			return 3.6e6;
		}
		if ("WATT_HOUR".equalsIgnoreCase(units)) {
			return 3600;
		}
		return 1;
	}
}
