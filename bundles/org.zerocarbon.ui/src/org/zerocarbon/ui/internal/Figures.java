package org.zerocarbon.ui.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the views write figures: kg CO2e with thousands separators and no decimals from 100 up, four significant
 * digits below (per-unit figures such as 4.748 kg CO2e per machine-hour), independent of the locale so that
 * screenshots and tests read the same everywhere.
 */
public final class Figures {

	private Figures() {
	}

	/** A figure such as 1,994,134 or 4.748 or -12.5. */
	public static String number(double value) {
		if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.isNaN(value) ? "n/a" : value == 0 ? "0" : String.valueOf(value);
		}
		if (Math.abs(value) >= 100) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

	/** A figure in kg CO2e, e.g. "1,994,134 kg CO2e". */
	public static String kg(double value) {
		return number(value) + " kg CO2e";
	}

	/**
	 * A share (0..1) as a percentage with one decimal, e.g. "45.2 %", "3.8 %", "75 %" (a whole number keeps no
	 * ".0"); below 1 % two significant digits, e.g. "0.052 %", so that a small share does not read as zero.
	 */
	public static String percent(double share) {
		double value = share * 100;
		if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
			return number(value) + " %";
		}
		if (Math.abs(value) < 1) {
			return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString() + " %";
		}
		String text = String.format(Locale.ROOT, "%,.1f", value);
		return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + " %";
	}

	/** Reads back a figure written by {@link #number(double)}. */
	public static double parse(String text) {
		return Double.parseDouble(text.replace(",", "").strip());
	}
}
