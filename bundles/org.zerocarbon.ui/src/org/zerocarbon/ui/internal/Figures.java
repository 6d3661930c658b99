package org.zerocarbon.ui.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How the views write figures: kg CO2e with thousands separators and no decimals from 100 up, up to four significant
 * digits below; per-unit figures (kg CO2e per machine-hour, per part) always with four significant digits, trailing
 * zeros kept, so that figures side by side read alike (6.370 beside 6.577, as the reports write them). Independent
 * of the locale so that screenshots and tests read the same everywhere.
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

	/**
	 * A per-unit figure with four significant digits, trailing zeros kept: 6.370, 6.577, 0.04750, 12.50, 123.4;
	 * from 1,000 up whole and grouped (12,346), like the reports' per-unit figures.
	 */
	public static String perUnit(double value) {
		if (value == 0 || Double.isNaN(value) || Double.isInfinite(value)) {
			return number(value);
		}
		return org.zerocarbon.core.calc.SignificantFigures.of(value);
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
