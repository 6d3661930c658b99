package org.zerocarbon.evidence.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV (Commons CSV, RFC 4180 with LF line ends), HTML escaping and number formatting for the package's files. */
public final class Texts {

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

	private Texts() {
	}

	/** A CSV document of a header and rows. */
	public static String csv(List<String> header, List<List<?>> rows) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter printer = new CSVPrinter(out, CSV)) {
			printer.printRecord(header);
			for (List<?> row : rows) {
				printer.printRecord(row);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** A number as plain text: NaN as empty, otherwise up to 6 decimals without trailing zeros. */
	public static String num(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "";
		}
		String text = String.format(Locale.ROOT, "%.6f", value);
		text = text.replaceAll("0+$", "");
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	/** A number for people: thousands separators, no decimals. */
	public static String kg(double value) {
		return String.format(Locale.ROOT, "%,.0f", value);
	}

	/** Text escaped for HTML element content and attribute values. */
	public static String html(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/** A safe file name for an element name. */
	public static String fileName(String name) {
		return name.replaceAll("[^A-Za-z0-9._-]", "_");
	}
}
