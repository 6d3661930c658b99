package org.zerocarbon.telemetry.csv;

/**
 * Byte-level parsing of the numbers and ISO timestamps of CSV rows and MTConnect observations (shared by the
 * readers; not meant as API). Hand-written because the speed target (a year
 * of 1 s rows, 31.5 million, in 5 s on one core) is out of reach when every field becomes a String parsed by
 * Double.parseDouble and DateTimeFormatter (about 1 µs per row for the timestamp alone). Anything unusual (an
 * exponent, more than 17 digits) falls back to Double.parseDouble, so results are never approximated beyond what
 * the correctly rounded division of two exact doubles gives.
 */
public final class Numbers {

	static final double NOT_A_NUMBER = Double.NaN;
	public static final long NO_TIME = Long.MIN_VALUE;

	private static final double[] POW10 = new double[23];

	static {
		double p = 1;
		for (int i = 0; i < POW10.length; i++) {
			POW10[i] = p;
			p *= 10;
		}
	}

	private Numbers() {
	}

	/** The decimal number in buf[from, to) with the given decimal separator; NaN if it is not one. */
	public static double parse(byte[] buf, int from, int to, byte decimal) {
		while (from < to && buf[from] == ' ') {
			from++;
		}
		while (to > from && buf[to - 1] == ' ') {
			to--;
		}
		if (from >= to) {
			return NOT_A_NUMBER;
		}
		int i = from;
		boolean negative = false;
		if (buf[i] == '-' || buf[i] == '+') {
			negative = buf[i] == '-';
			i++;
		}
		long mantissa = 0;
		int digits = 0;
		int fraction = -1;
		for (; i < to; i++) {
			byte b = buf[i];
			if (b >= '0' && b <= '9') {
				mantissa = mantissa * 10 + (b - '0');
				digits++;
				if (fraction >= 0) {
					fraction++;
				}
			} else if (b == decimal && fraction < 0) {
				fraction = 0;
			} else {
				return slow(buf, from, to, decimal);
			}
		}
		if (digits == 0) {
			return NOT_A_NUMBER;
		}
		if (digits > 17 || fraction > 22) {
			return slow(buf, from, to, decimal);
		}
		double value = fraction > 0 ? mantissa / POW10[fraction] : mantissa;
		return negative ? -value : value;
	}

	private static double slow(byte[] buf, int from, int to, byte decimal) {
		String text = new String(buf, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
		if (decimal == ',') {
			if (text.indexOf('.') >= 0) {
				return NOT_A_NUMBER;
			}
			text = text.replace(',', '.');
		}
		for (int k = 0; k < text.length(); k++) {
			char c = text.charAt(k);
			if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
				return NOT_A_NUMBER; // no "NaN", "Infinity", hex floats or type suffixes
			}
		}
		try {
			return Double.parseDouble(text);
		} catch (NumberFormatException e) {
			return NOT_A_NUMBER;
		}
	}

	/**
	 * An ISO-8601 date-time in buf[from, to): yyyy-MM-dd('T'|' ')HH:mm[:ss[.fraction]][Z|±hh:mm|±hhmm].
	 * Returns ms since the epoch of the wall-clock time read as UTC; {@code offset[0]} gets the offset in seconds,
	 * or Integer.MIN_VALUE if the text has none (a local time). NO_TIME if malformed.
	 */
	public static long isoLocalMillis(byte[] buf, int from, int to, int[] offset) {
		while (from < to && buf[from] == ' ') {
			from++;
		}
		while (to > from && buf[to - 1] == ' ') {
			to--;
		}
		if (to - from < 16 || buf[from + 4] != '-' || buf[from + 7] != '-' || buf[from + 13] != ':'
				|| (buf[from + 10] != 'T' && buf[from + 10] != ' ')) {
			return NO_TIME;
		}
		int year = digits(buf, from, 4);
		int month = digits(buf, from + 5, 2);
		int day = digits(buf, from + 8, 2);
		int hour = digits(buf, from + 11, 2);
		int minute = digits(buf, from + 14, 2);
		if ((year | month | day | hour | minute) < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
				|| hour > 23 || minute > 59) {
			return NO_TIME;
		}
		int i = from + 16;
		int second = 0;
		int millis = 0;
		if (i < to && buf[i] == ':') {
			second = digits(buf, i + 1, 2);
			if (second < 0 || second > 59 || i + 3 > to) {
				return NO_TIME;
			}
			i += 3;
			if (i < to && (buf[i] == '.' || buf[i] == ',')) {
				i++;
				int scale = 100;
				int start = i;
				while (i < to && buf[i] >= '0' && buf[i] <= '9') {
					millis += (buf[i] - '0') * scale;
					scale /= 10;
					i++;
				}
				if (i == start) {
					return NO_TIME;
				}
			}
		}
		offset[0] = Integer.MIN_VALUE;
		if (i < to) {
			if (buf[i] == 'Z' && i + 1 == to) {
				offset[0] = 0;
			} else if ((buf[i] == '+' || buf[i] == '-') && (to - i == 6 || to - i == 5 || to - i == 3)) {
				int oh = digits(buf, i + 1, 2);
				int om = to - i == 3 ? 0 : digits(buf, to - 2, 2);
				if (oh < 0 || om < 0 || oh > 18 || (to - i == 6 && buf[i + 3] != ':')) {
					return NO_TIME;
				}
				offset[0] = (buf[i] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
			} else {
				return NO_TIME;
			}
		}
		long days = daysFromCivil(year, month, day);
		return ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis;
	}

	private static int digits(byte[] buf, int at, int n) {
		int value = 0;
		for (int k = 0; k < n; k++) {
			int d = buf[at + k] - '0';
			if (d < 0 || d > 9) {
				return -1;
			}
			value = value * 10 + d;
		}
		return value;
	}

	private static int daysIn(int year, int month) {
		return switch (month) {
			case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
	static long daysFromCivil(int y, int m, int d) {
		y -= m <= 2 ? 1 : 0;
		long era = Math.floorDiv(y, 400);
		long yoe = y - era * 400;
		long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
		long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
		return era * 146097 + doe - 719468;
	}
}
