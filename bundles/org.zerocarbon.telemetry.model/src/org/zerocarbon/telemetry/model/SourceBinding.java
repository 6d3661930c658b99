package org.zerocarbon.telemetry.model;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.lang.data.DataLocations;
import org.zerocarbon.model.zc.DataColumn;
import org.zerocarbon.model.zc.DataFormat;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;
import org.zerocarbon.telemetry.csv.CsvLayout;
import org.zerocarbon.telemetry.csv.CsvSource;
import org.zerocarbon.telemetry.opcua.OpcUaCredentials;

/**
 * A data source of the model opened as a telemetry source: the CSV layout it declares (delimiter, decimal
 * separator, header lines, timestamp column, format and zone, value columns with their units, state, program and
 * count columns), its files found beside the declaring model file, its period.
 */
final class SourceBinding {

	private SourceBinding() {
	}

	/** Opens the source for a meter; files are found relative to the model file that declares it. */
	static TelemetrySource open(DataSource source, org.zerocarbon.model.zc.Meter meter) throws TelemetryException {
		return open(source, meter, OpcUaCredentials.fromEnvironment());
	}

	/** {@link #open(DataSource, org.zerocarbon.model.zc.Meter)} with the credentials for OPC UA servers. */
	static TelemetrySource open(DataSource source, org.zerocarbon.model.zc.Meter meter, OpcUaCredentials credentials) throws TelemetryException {
		String where = source.getName() + " (" + source.getLocation() + ")";
		if (source.getFormat() == DataFormat.OPCUA || source.isLive()) {
			return LiveSources.open(source, meter, credentials);
		}
		List<Path> files;
		try {
			files = DataLocations.files(source);
		} catch (IllegalArgumentException e) {
			throw new TelemetryException(where, e.getMessage());
		}
		if (files.isEmpty()) {
			throw new TelemetryException(where, "no data file at '" + source.getLocation() + "' beside " + modelFile(source));
		}
		if (source.getFormat() == DataFormat.MTCONNECT) {
			return LiveSources.mtconnectFiles(source, files);
		}
		CsvLayout layout = layout(source);
		List<TelemetrySource> parts = new ArrayList<>();
		for (Path file : files) {
			parts.add(new CsvSource(file, layout));
		}
		return parts.size() == 1 ? parts.get(0) : new SequenceSource(parts, files, source.getLocation());
	}

	static CsvLayout layout(DataSource source) throws TelemetryException {
		List<CsvLayout.Column> columns = new ArrayList<>();
		for (DataColumn column : source.getColumns()) {
			try {
				columns.add(new CsvLayout.Column(column.getName(), MeterBinding.toSi(column.getUnit())));
			} catch (IllegalArgumentException e) {
				throw new TelemetryException(source.getName(), "column \"" + column.getName() + "\": " + e.getMessage());
			}
		}
		String delimiter = source.getDelimiter() == null ? "," : source.getDelimiter();
		char d = delimiter.equals("tab") || delimiter.equals("\t") ? '\t' : delimiter.charAt(0);
		char decimal = source.getDecimal() == null ? '.' : source.getDecimal().charAt(0);
		int header = source.getHeader() == null ? 1 : source.getHeader();
		String format = source.getTimeFormat() == null ? "iso" : source.getTimeFormat();
		CsvLayout.TimeFormat kind = switch (format) {
			case "iso" -> CsvLayout.TimeFormat.ISO;
			case "epoch-s" -> CsvLayout.TimeFormat.EPOCH_S;
			case "epoch-ms" -> CsvLayout.TimeFormat.EPOCH_MS;
			default -> CsvLayout.TimeFormat.PATTERN;
		};
		try {
			return CsvLayout.of(source.getTimestampColumn() == null ? "1" : source.getTimestampColumn(), columns).withSeparators(d, decimal)
					.withHeader(Math.max(0, header - 1), header > 0)
					.withTime(kind, kind == CsvLayout.TimeFormat.PATTERN ? format : null, MeterBinding.zone(source))
					.withEvents(source.getStateColumn(), source.getProgramColumn(), source.getPartsColumn());
		} catch (IllegalArgumentException e) {
			throw new TelemetryException(source.getName(), e.getMessage());
		}
	}

	/** The period the source's data is aggregated over: its declared days in its zone, else null (all the data). */
	static Instant[] period(DataSource source) {
		if (source.getPeriodFrom() == null || source.getPeriodTo() == null) {
			return new Instant[] { null, null };
		}
		ZoneId zone = MeterBinding.zone(source);
		return new Instant[] { LocalDate.parse(source.getPeriodFrom()).atStartOfDay(zone).toInstant(),
				LocalDate.parse(source.getPeriodTo()).plusDays(1).atStartOfDay(zone).toInstant() };
	}

	private static String modelFile(DataSource source) {
		return source.eResource() == null ? "the model" : source.eResource().getURI().lastSegment();
	}
}
