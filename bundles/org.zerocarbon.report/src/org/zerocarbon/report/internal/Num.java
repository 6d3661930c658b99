package org.zerocarbon.report.internal;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Number formatting for reports. Always {@link Locale#ROOT}, so a report is the same bytes on every machine,
 * whatever the user's locale; negative zero is printed as zero so that rounding noise never shows as "-0.0".
 */
public final class Num {

	private Num() {
	}

	/** Shortest text that parses back to exactly the same double, never in exponent notation; "NaN" kept. */
	public static String plain(double value) {
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		if (value == 0) {
			return "0";
		}
		String s = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		return s;
	}

	/** Fixed decimals, no grouping, for CSV: {@code fixed(1234.5, 3)} is "1234.500". */
	public static String fixed(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", noNegativeZero(value, decimals));
	}

	/** Grouped, fixed decimals, for reading: {@code grouped(1234.5, 1)} is "1,234.5". */
	public static String grouped(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", noNegativeZero(value, decimals));
	}

	/** kg CO2e as shown in report tables: one decimal, grouped. */
	public static String kg(double value) {
		return grouped(value, 1);
	}

	/** A share 0..1 as a percentage with one decimal, e.g. "42.0 %". */
	public static String percent(double share) {
		return grouped(share * 100, 1) + " %";
	}

	/**
	 * About four significant figures, grouped, for per-unit figures that may be small (0.01234) or large
	 * (12,345).
	 */
	public static String significant(double value) {
		double abs = Math.abs(value);
		if (abs >= 1000) {
			return grouped(value, 0);
		}
		if (abs >= 100) {
			return grouped(value, 1);
		}
		if (abs >= 10) {
			return grouped(value, 2);
		}
		if (abs >= 1) {
			return grouped(value, 3);
		}
		if (abs == 0) {
			return "0";
		}
		int decimals = Math.min(12, 3 - (int) Math.floor(Math.log10(abs)));
		return grouped(value, decimals);
	}

	/** A signed difference: "+1,234.5" or "-12.0"; zero is "0.0". */
	public static String signedKg(double value) {
		String s = kg(value);
		return value > 0 && !s.equals(kg(0)) ? "+" + s : s;
	}

	private static double noNegativeZero(double value, int decimals) {
		// Values that round to zero must print without a sign.
		double scale = Math.pow(10, decimals);
		return Math.round(Math.abs(value) * scale) == 0 ? 0.0 : value;
	}
}
