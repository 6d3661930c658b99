package org.zerocarbon.lang.conversion;

import java.math.BigDecimal;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.nodemodel.INode;

/** Value converters: decimals are written in plain notation (never 1E+3), so text round-trips. */
public class ZcValueConverters extends DefaultTerminalConverters {

	@ValueConverter(rule = "Decimal")
	public IValueConverter<BigDecimal> Decimal() {
		return new IValueConverter<>() {
			@Override
			public BigDecimal toValue(String string, INode node) {
				if (string == null || string.isBlank()) {
					throw new ValueConverterException("A number is missing", node, null);
				}
				try {
					return new BigDecimal(string.replace(" ", ""));
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

	@ValueConverter(rule = "Unit")
	public IValueConverter<String> Unit() {
		return new IValueConverter<>() {
			@Override
			public String toValue(String string, INode node) {
				return string == null ? null : string.replaceAll("\\s+", "");
			}

			@Override
			public String toString(String value) {
				return value;
			}
		};
	}
}
