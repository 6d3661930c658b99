package org.zerocarbon.report;

import java.util.Locale;

/** The formats {@link ReportWriter} can write. */
public enum ReportFormat {
	/** {@code <base>.json}, schema {@value JsonReport#SCHEMA_ID}. */
	JSON,
	/** {@code <base>-modules.csv} (module × scope table), {@code <base>-contributions.csv} and, for lines, {@code <base>-equipment.csv}. */
	CSV,
	/** {@code <base>.html}, self-contained XHTML. */
	HTML,
	/** {@code <base>.pdf}, from the same template as the HTML, with a title page. */
	PDF;

	/**
	 * Parses a format name as a user types it ("html", "JSON"), e.g. from {@code zcw report --format html,pdf}.
	 *
	 * @throws IllegalArgumentException naming the accepted values
	 */
	public static ReportFormat parse(String name) {
		try {
			return valueOf(name.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("Unknown report format '" + name + "'; use one of json, csv, html, pdf", e);
		}
	}
}
