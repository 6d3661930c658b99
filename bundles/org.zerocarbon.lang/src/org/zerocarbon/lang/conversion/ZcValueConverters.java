package org.zerocarbon.lang.conversion;

import java.math.BigDecimal;
import java.util.Locale;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.ValueConverterWithValueException;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;

/** Value converters: decimals are written in plain notation (never 1E+3), so text round-trips. */
public class ZcValueConverters extends DefaultTerminalConverters {

	/**
	 * The largest power of ten a number may have as written ({@code 1e1000}, {@code 1e-1000}). Beyond it the number
	 * is rejected here, before a BigDecimal is built, so that {@code 1e999999999} costs neither time nor memory; the
	 * validator rejects the rest of what the engine cannot compute with (beyond about 1e308).
	 */
	public static final int MAX_EXPONENT = 1000;

	/** A number too large or too small to be read; reported as {@code numberOutOfRange} (ZcSyntaxErrorMessageProvider). */
	public static class NumberOutOfRangeException extends ValueConverterException {
		private static final long serialVersionUID = 1L;

		public NumberOutOfRangeException(String message, INode node) {
			super(message, node, null);
		}
	}

	@ValueConverter(rule = "Decimal")
	public IValueConverter<BigDecimal> Decimal() {
		return new IValueConverter<>() {
			@Override
			public BigDecimal toValue(String string, INode node) {
				if (string == null || string.isBlank()) {
					throw new ValueConverterException("A number is missing", node, null);
				}
				String text = string.replaceAll("\\s+", "");
				if (!withinExponentBound(text)) {
					throw new NumberOutOfRangeException("The number " + text.toLowerCase(Locale.ROOT)
							+ " is out of the range the engine computes with (magnitudes from about 1e-308 to 1e308); "
							+ "write it in another unit", node);
				}
				try {
					return new BigDecimal(text);
				} catch (NumberFormatException e) {
					throw new ValueConverterException("'" + string + "' is not a number", node, e);
				}
			}

			@Override
			public String toString(BigDecimal value) {
				if (value == null) {
					throw new ValueConverterException("A number is missing", null, null);
				}
				return value.toPlainString();
			}
		};
	}

	/**
	 * Whether the power of ten of a number as written ({@code 2.5e-4}: -4 + the position of the first significant
	 * digit) is within {@link #MAX_EXPONENT}, judged from the text alone. Text that is not a number passes, and is
	 * rejected by BigDecimal.
	 */
	static boolean withinExponentBound(String text) {
		int e = Math.max(text.indexOf('e'), text.indexOf('E'));
		long exponent = 0;
		String mantissa = text;
		if (e >= 0) {
			String digits = text.substring(e + 1);
			boolean negative = digits.startsWith("-");
			if (digits.startsWith("-") || digits.startsWith("+")) {
				digits = digits.substring(1);
			}
			digits = digits.replaceFirst("^0+", "");
			if (digits.length() > 9) {
				return !digits.chars().allMatch(Character::isDigit);
			}
			try {
				exponent = digits.isEmpty() ? 0 : Long.parseLong(digits);
			} catch (NumberFormatException notANumber) {
				return true;
			}
			exponent = negative ? -exponent : exponent;
			mantissa = text.substring(0, e);
		}
		// the position of the first significant digit relative to the decimal point
		String unsigned = mantissa.startsWith("-") ? mantissa.substring(1) : mantissa;
		int point = unsigned.indexOf('.');
		String integer = point < 0 ? unsigned : unsigned.substring(0, point);
		String fraction = point < 0 ? "" : unsigned.substring(point + 1);
		String significantInteger = integer.replaceFirst("^0+", "");
		long position;
		if (!significantInteger.isEmpty()) {
			position = significantInteger.length() - 1L;
		} else {
			int firstNonZero = 0;
			while (firstNonZero < fraction.length() && fraction.charAt(firstNonZero) == '0') {
				firstNonZero++;
			}
			if (firstNonZero == fraction.length()) {
				return true; // zero, whatever its exponent
			}
			position = -(firstNonZero + 1L);
		}
		long magnitude = exponent + position;
		return Math.abs(magnitude) <= MAX_EXPONENT;
	}

	/**
	 * A unit written with a space ({@code g CO2e/kWh}, joined into one token by the parser's token source): an
	 * error whose value is the unit without the space, so the rest of the model reads as meant.
	 */
	public static class UnitWithSpaceException extends ValueConverterWithValueException {
		private static final long serialVersionUID = 1L;

		public UnitWithSpaceException(String message, INode node, String unit) {
			super(message, node, unit, null);
		}

		/** The unit as it should be written. */
		public String unit() {
			return (String) getValue();
		}
	}

	/** The unit's own token (not the whitespace between tokens) that holds a space, or null. */
	private static String spacedToken(INode node) {
		for (ILeafNode leaf : node.getLeafNodes()) {
			if (!leaf.isHidden() && leaf.getText().chars().anyMatch(Character::isWhitespace)) {
				return leaf.getText();
			}
		}
		return null;
	}

	@ValueConverter(rule = "Unit")
	public IValueConverter<String> Unit() {
		return new IValueConverter<>() {
			@Override
			public String toValue(String string, INode node) {
				String unit = string == null ? null : string.replaceAll("\\s+", "");
				String spaced = node == null ? null : spacedToken(node);
				if (spaced != null) {
					throw new UnitWithSpaceException("a unit is written without spaces: '" + spaced.replaceAll("\\s+", "") + "', not '"
							+ spaced + "'", node, unit);
				}
				return unit;
			}

			@Override
			public String toString(String value) {
				return value;
			}
		};
	}
}
