package org.zerocarbon.core.calc;

import java.util.Locale;

/**
 * Numbers for people: about four significant digits, grouped, never in exponent notation for everyday magnitudes
 * ("5.499", "0.2483", "329,966" rather than "3.300e+05"). Used by the engine's notes, the command line's summary
 * and the language server's code lenses, so that one figure reads the same everywhere.
 */
public final class SignificantFigures {

	private SignificantFigures() {
	}

	/**
	 * Four significant digits below 1,000 (trailing zeros kept, rounded half up from the double's exact value, no
	 * exponent: "6.370", "0.04750"); whole, grouped numbers from 1,000 on ("329,966").
	 */
	public static String of(double value) {
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(4));
		if (rounded.abs().compareTo(java.math.BigDecimal.valueOf(1000)) >= 0) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		// round() does not add digits: an exact 12.5 or -4 gets its zeros here
		return rounded.setScale(Math.max(0, rounded.scale() + 4 - rounded.precision())).toPlainString();
	}
}
