package org.zerocarbon.interop;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The GWP indicators an EPD can declare, identified by the UUID of their ILCD LCIA method dataset (the EN 15804
 * reference data of the ILCD+EPD format, EF 3.0 and EF 3.1 editions), or by their openEPD indicator key. Names are
 * never used when a UUID is given: two EPDs can call the same indicator differently, and an indicator's name
 * ("GWP") can mean GWP-total under EN 15804+A2 and GWP under EN 15804+A1.
 */
public enum GwpIndicator {
	/** EN 15804+A2 GWP-total. */
	TOTAL,
	/** EN 15804+A2 GWP-fossil. */
	FOSSIL,
	/** EN 15804+A2 GWP-biogenic. */
	BIOGENIC,
	/** EN 15804+A2 GWP-luluc. */
	LULUC,
	/** EN 15804+A1 GWP (100 years), taken as the total. */
	A1_GWP;

	/** UUID → indicator (EN 15804+A2 with EF 3.0 and EF 3.1 characterisation, and EN 15804+A1). */
	public static final Map<String, GwpIndicator> BY_UUID = Map.of(
			"6a37f984-a4b3-458a-a20a-64418c145fa2", TOTAL, // EF 3.0
			"5f635281-343e-44fb-83df-1971b155e6b6", FOSSIL,
			"2356e1ab-0185-4db5-86e5-16de51c7485c", BIOGENIC,
			"4331bbdb-978a-490d-8707-eeb047f01a55", LULUC,
			"a7ea142a-9749-11ed-a8fc-0242ac120002", TOTAL, // EF 3.1
			"a7ea19c0-9749-11ed-a8fc-0242ac120002", FOSSIL,
			"a7ea186c-9749-11ed-a8fc-0242ac120002", BIOGENIC,
			"a7ea1ae2-9749-11ed-a8fc-0242ac120002", LULUC,
			"77e416eb-a363-4258-a04e-171d843a6460", A1_GWP);

	/** The UUID written on export (EF 3.0, the edition the reference data of most EPD programmes still use). */
	public String exportUuid() {
		return switch (this) {
			case TOTAL -> "6a37f984-a4b3-458a-a20a-64418c145fa2";
			case FOSSIL -> "5f635281-343e-44fb-83df-1971b155e6b6";
			case BIOGENIC -> "2356e1ab-0185-4db5-86e5-16de51c7485c";
			case LULUC -> "4331bbdb-978a-490d-8707-eeb047f01a55";
			case A1_GWP -> "77e416eb-a363-4258-a04e-171d843a6460";
		};
	}

	/** The English name of the reference LCIA method dataset. */
	public String title() {
		return switch (this) {
			case TOTAL -> "Global Warming Potential - total (GWP-total)";
			case FOSSIL -> "Global Warming Potential - fossil fuels (GWP-fossil)";
			case BIOGENIC -> "Global Warming Potential - biogenic (GWP-biogenic)";
			case LULUC -> "Global Warming Potential - land use and land use change (GWP-luluc)";
			case A1_GWP -> "Global warming potential (GWP)";
		};
	}

	/** The indicator of an ILCD LCIA method UUID. */
	public static Optional<GwpIndicator> ofUuid(String uuid) {
		return uuid == null ? Optional.empty() : Optional.ofNullable(BY_UUID.get(uuid.trim().toLowerCase(Locale.ROOT)));
	}

	/**
	 * True when the name of an indicator says it is a global warming potential ("GWP", "Global warming",
	 * "Treibhauspotenzial", "climate change"): such an indicator with an unknown UUID is refused, not ignored.
	 */
	public static boolean claimsGwp(String name) {
		if (name == null) {
			return false;
		}
		String n = name.toLowerCase(Locale.ROOT);
		return n.contains("gwp") || n.contains("global warming") || n.contains("treibhaus") || n.contains("climate change");
	}

	/** The indicator of an openEPD impact key ({@code gwp}, {@code gwp-fossil}, {@code gwp-biogenic}, {@code gwp-luluc}). */
	public static Optional<GwpIndicator> ofOpenEpdKey(String key) {
		return switch (key.toLowerCase(Locale.ROOT)) {
			case "gwp", "gwp-total" -> Optional.of(TOTAL);
			case "gwp-fossil" -> Optional.of(FOSSIL);
			case "gwp-biogenic" -> Optional.of(BIOGENIC);
			case "gwp-luluc" -> Optional.of(LULUC);
			default -> Optional.empty();
		};
	}
}
