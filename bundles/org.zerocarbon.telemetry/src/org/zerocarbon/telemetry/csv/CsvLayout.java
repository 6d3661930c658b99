package org.zerocarbon.telemetry.csv;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * How a CSV/TSV export is laid out.
 *
 * @param delimiter       ',', ';' or '\t'
 * @param decimal         '.' or ','
 * @param skipLines       lines to skip before the column header (a title block); lines starting with '#' are
 *                        always skipped
 * @param header          whether a header line names the columns; without one, columns are referenced by their
 *                        1-based index ("1", "2", ...)
 * @param timestampColumn the timestamp column's name (or 1-based index)
 * @param format          how timestamps are written
 * @param pattern         the {@link DateTimeFormatter} pattern for {@link TimeFormat#PATTERN}, else null
 * @param zone            zone (or UTC offset) of timestamps without an offset of their own
 * @param columns         value columns: name and the factor to SI (e.g. 1000 for kW, 3.6e6 for kWh)
 * @param stateColumn     state column (raw values mapped by the meter), null if none
 * @param programColumn   program / operation column, null if none
 * @param partCountColumn cumulative part-count column, null if none
 */
public record CsvLayout(char delimiter, char decimal, int skipLines, boolean header, String timestampColumn,
		TimeFormat format, String pattern, ZoneId zone, List<Column> columns, String stateColumn, String programColumn,
		String partCountColumn) {

	/** Timestamp formats. */
	public enum TimeFormat {
		/** ISO-8601: 2026-03-02T08:00:00, with optional fraction and offset (Z, +01:00); ' ' may replace 'T'. */
		ISO,
		/** A {@link DateTimeFormatter} pattern, e.g. "dd.MM.yyyy HH:mm:ss". */
		PATTERN,
		/** Seconds since 1970-01-01T00:00Z (may have a fraction). */
		EPOCH_S,
		/** Milliseconds since 1970-01-01T00:00Z. */
		EPOCH_MS
	}

	/** A value column; its channel name is {@code name}. */
	public record Column(String name, double factorToSi) {
	}

	public CsvLayout {
		if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
			throw new IllegalArgumentException("the delimiter must be ',', ';' or a tab, not '" + delimiter + "'");
		}
		if (decimal != '.' && decimal != ',') {
			throw new IllegalArgumentException("the decimal separator must be '.' or ',', not '" + decimal + "'");
		}
		if (decimal == delimiter) {
			throw new IllegalArgumentException("the decimal separator cannot be the delimiter '" + delimiter + "'");
		}
		Objects.requireNonNull(timestampColumn, "timestampColumn");
		format = format == null ? TimeFormat.ISO : format;
		if (format == TimeFormat.PATTERN) {
			DateTimeFormatter.ofPattern(Objects.requireNonNull(pattern, "pattern")); // fails early on a bad pattern
		}
		zone = zone == null ? ZoneOffset.UTC : zone;
		columns = List.copyOf(columns);
		if (skipLines < 0) {
			throw new IllegalArgumentException("skipLines < 0");
		}
	}

	/** Comma-separated, '.' decimals, a header, ISO timestamps in UTC. */
	public static CsvLayout of(String timestampColumn, List<Column> columns) {
		return new CsvLayout(',', '.', 0, true, timestampColumn, TimeFormat.ISO, null, ZoneOffset.UTC, columns, null, null, null);
	}

	public CsvLayout withSeparators(char delimiterChar, char decimalChar) {
		return new CsvLayout(delimiterChar, decimalChar, skipLines, header, timestampColumn, format, pattern, zone, columns,
				stateColumn, programColumn, partCountColumn);
	}

	public CsvLayout withTime(TimeFormat timeFormat, String timePattern, ZoneId timeZone) {
		return new CsvLayout(delimiter, decimal, skipLines, header, timestampColumn, timeFormat, timePattern, timeZone,
				columns, stateColumn, programColumn, partCountColumn);
	}

	public CsvLayout withHeader(int linesToSkip, boolean hasHeader) {
		return new CsvLayout(delimiter, decimal, linesToSkip, hasHeader, timestampColumn, format, pattern, zone, columns,
				stateColumn, programColumn, partCountColumn);
	}

	public CsvLayout withEvents(String state, String program, String partCount) {
		return new CsvLayout(delimiter, decimal, skipLines, header, timestampColumn, format, pattern, zone, columns, state,
				program, partCount);
	}

	/** A stable text of the layout (part of cache keys). */
	public String key() {
		return String.join("|", String.valueOf((int) delimiter), String.valueOf(decimal), String.valueOf(skipLines),
				String.valueOf(header), timestampColumn, format.name(), String.valueOf(pattern), zone.getId(),
				columns.toString(), String.valueOf(stateColumn), String.valueOf(programColumn), String.valueOf(partCountColumn));
	}
}
