package org.zerocarbon.diagram;

import java.math.BigDecimal;
import java.util.Locale;

import org.zerocarbon.model.zc.Quantity;

/** Formatting and the few unit conversions the diagrams need (power to kW, energy to MWh). */
final class Quantities {

	private Quantities() {
	}

	/** "6.3 bar", "12 parts/h"; {@code null} for no quantity. */
	static String format(Quantity q) {
		if (q == null || q.getValue() == null) {
			return null;
		}
		String unit = q.getUnit() == null ? "" : q.getUnit();
		return number(q.getValue()) + (unit.isEmpty() ? "" : unit.equals("%") ? " %" : " " + unit);
	}

	/** A plain number with thousands separators for integers of five digits or more. */
	static String number(BigDecimal value) {
		BigDecimal v = value.stripTrailingZeros();
		if (v.scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(10000)) >= 0) {
			return String.format(Locale.ROOT, "%,d", v.toBigInteger());
		}
		return v.toPlainString();
	}

	/** A number rounded to the given decimals, for derived figures. */
	static String number(double value, int decimals) {
		return number(BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_EVEN));
	}

	/** Power in kW, or {@code null} if the unit is not a power unit we know. */
	static Double kilowatts(Quantity q) {
		if (q == null || q.getValue() == null || q.getUnit() == null) {
			return null;
		}
		double v = q.getValue().doubleValue();
		return switch (q.getUnit()) {
		case "W" -> v / 1000;
		case "kW" -> v;
		case "MW" -> v * 1000;
		default -> null;
		};
	}

	/** Energy in MWh, or {@code null} if the unit is not an energy unit we know. */
	static Double megawattHours(Quantity q) {
		if (q == null || q.getValue() == null || q.getUnit() == null) {
			return null;
		}
		double v = q.getValue().doubleValue();
		return switch (q.getUnit()) {
		case "Wh" -> v / 1e6;
		case "kWh" -> v / 1e3;
		case "MWh" -> v;
		case "GWh" -> v * 1e3;
		case "TWh" -> v * 1e6;
		case "GJ" -> v / 3.6;
		case "TJ" -> v * 1000 / 3.6;
		default -> null;
		};
	}

	/** A share in percent (0..100), or {@code null}. */
	static Double percent(Quantity q) {
		if (q == null || q.getValue() == null) {
			return null;
		}
		double v = q.getValue().doubleValue();
		return "%".equals(q.getUnit()) ? v : v * 100;
	}
}
