package org.zerocarbon.telemetry.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.Streams;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * A CSV/TSV export (plain or gzip), streamed line by line. Each value column is a channel named after the column;
 * the state, program and part-count columns become events when their value changes.
 *
 * <p>Rows are split and parsed at byte level (see {@link Numbers} for why); a line with a quote character is split by
 * commons-csv instead, and {@link CsvLayout.TimeFormat#PATTERN} timestamps go through DateTimeFormatter. Bad rows
 * (wrong field count, a bad timestamp, a value that is not a number, a local time that does not exist) are diagnostics
 * with file:line and are skipped; the read goes on.
 */
public final class CsvSource implements TelemetrySource {

	private static final int DIAGNOSTICS_PER_KIND = 50;
	private static final int CHECK_EVERY = 1 << 16;

	private final Path file;
	private final CsvLayout layout;

	public CsvSource(Path file, CsvLayout layout) {
		this.file = file;
		this.layout = layout;
	}

	public Path file() {
		return file;
	}

	public CsvLayout layout() {
		return layout;
	}

	@Override
	public String description() {
		return file.toString();
	}

	@Override
	public String configurationKey() {
		return "csv|" + file.toAbsolutePath().normalize() + "|" + layout.key();
	}

	@Override
	public Fingerprint fingerprint() throws IOException {
		return Fingerprint.ofFiles(List.of(file));
	}

	@Override
	public void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		long size;
		try {
			size = Files.size(file);
		} catch (NoSuchFileException e) {
			throw new TelemetryException(description(), "the file does not exist", e);
		} catch (IOException e) {
			throw new TelemetryException(description(), "cannot read the file: " + e.getMessage(), e);
		}
		SubMonitor progress = SubMonitor.convert(monitor, "Reading " + file.getFileName(), 1000);
		Streams.Counting[] counter = new Streams.Counting[1];
		try (InputStream in = Streams.open(file, counter)) {
			new Reader(new LineReader(in), sink, from, to, progress, counter[0], size).run();
		} catch (IOException e) {
			throw new TelemetryException(description(), "cannot read the file: " + e.getMessage(), e);
		}
	}

	/** One pass over the file. */
	private final class Reader {
		private final LineReader lines;
		private final RecordSink sink;
		private final long fromMs;
		private final long toMs;
		private final SubMonitor progress;
		private final Streams.Counting counter;
		private final long size;
		private final byte delimiter = (byte) layout.delimiter();
		private final byte decimal = (byte) layout.decimal();
		private final LocalTimes local = new LocalTimes(layout.zone());
		private final DateTimeFormatter formatter = layout.format() == CsvLayout.TimeFormat.PATTERN
				? DateTimeFormatter.ofPattern(layout.pattern()) : null;
		private final Map<String, int[]> counts = new LinkedHashMap<>();
		private final int[] offset = new int[1];
		private final byte[] hourPrefix = new byte[14];
		private int hourLength = -1;
		private int hourOffset;
		private long hourMillis;

		private int timestampIndex;
		private int[] valueIndex;
		private double[] factors;
		private String[] channels;
		private int stateIndex = -1;
		private int programIndex = -1;
		private int countIndex = -1;
		private int fieldCount;
		/** The highest field index a row must have. */
		private int needed;
		private int[] starts = new int[16];
		private int[] ends = new int[16];
		private byte[] fieldBytes; // the line the field ranges refer to
		private final double[] values;
		private final byte[][] lastEvent = new byte[3][];
		private int reported;

		Reader(LineReader lines, RecordSink sink, Instant from, Instant to, SubMonitor progress, Streams.Counting counter,
				long size) {
			this.lines = lines;
			this.sink = sink;
			this.fromMs = from == null ? Long.MIN_VALUE : from.toEpochMilli();
			this.toMs = to == null ? Long.MAX_VALUE : to.toEpochMilli();
			this.progress = progress;
			this.counter = counter;
			this.size = Math.max(1, size);
			this.values = new double[layout.columns().size()];
		}

		void run() throws IOException, TelemetryException {
			header();
			long rows = 0;
			while (lines.next()) {
				if (++rows % CHECK_EVERY == 0) {
					tick();
				}
				if (skippable()) {
					continue;
				}
				row();
			}
			for (Map.Entry<String, int[]> entry : counts.entrySet()) {
				if (entry.getValue()[0] > DIAGNOSTICS_PER_KIND) {
					sink.diagnostic(Diagnostic.info(description(), -1, null,
							(entry.getValue()[0] - DIAGNOSTICS_PER_KIND) + " more rows with '" + entry.getKey() + "' not listed"));
				}
			}
			progress.done();
		}

		private void tick() {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			int done = (int) (counter.count() * 1000 / size);
			if (done > reported) {
				progress.worked(done - reported);
				reported = done;
			}
		}

		private boolean skippable() {
			return lines.end == lines.start || lines.line[lines.start] == '#';
		}

		private void header() throws IOException, TelemetryException {
			for (int i = 0; i < layout.skipLines(); i++) {
				if (!lines.next()) {
					throw new TelemetryException(description(), "the file ends within the " + layout.skipLines()
							+ " lines to skip");
				}
			}
			List<String> names = new ArrayList<>();
			if (layout.header()) {
				do {
					if (!lines.next()) {
						throw new TelemetryException(description(), "the file has no header line");
					}
				} while (skippable());
				int from = lines.start;
				// a UTF-8 byte order mark
				if (lines.end - from >= 3 && (lines.line[from] & 0xff) == 0xef && (lines.line[from + 1] & 0xff) == 0xbb
						&& (lines.line[from + 2] & 0xff) == 0xbf) {
					from += 3;
				}
				String text = new String(lines.line, from, lines.end - from, StandardCharsets.UTF_8);
				for (String name : splitGeneral(text)) {
					names.add(name.trim());
				}
			}
			timestampIndex = column(names, layout.timestampColumn(), "timestamp");
			int n = layout.columns().size();
			valueIndex = new int[n];
			factors = new double[n];
			channels = new String[n];
			for (int i = 0; i < n; i++) {
				CsvLayout.Column column = layout.columns().get(i);
				valueIndex[i] = column(names, column.name(), "value");
				factors[i] = column.factorToSi();
				channels[i] = column.name();
			}
			stateIndex = layout.stateColumn() == null ? -1 : column(names, layout.stateColumn(), "state");
			programIndex = layout.programColumn() == null ? -1 : column(names, layout.programColumn(), "program");
			countIndex = layout.partCountColumn() == null ? -1 : column(names, layout.partCountColumn(), "part-count");
			needed = Math.max(Math.max(timestampIndex, max(valueIndex)), Math.max(stateIndex, Math.max(programIndex, countIndex)));
		}

		private int column(List<String> names, String reference, String role) throws TelemetryException {
			int index = names.indexOf(reference);
			if (index >= 0) {
				return index;
			}
			if (!layout.header() || names.isEmpty()) {
				try {
					int i = Integer.parseInt(reference.trim());
					if (i >= 1) {
						return i - 1;
					}
				} catch (NumberFormatException e) {
					// fall through to the error
				}
			}
			throw new TelemetryException(description(), layout.header() ? (int) lines.number : -1, "the " + role
					+ " column '" + reference + "' is not in the header" + (names.isEmpty() ? "" : "; the columns are " + names),
					null);
		}

		private void row() {
			if (lines.tooLong) {
				problem("line too long", "the line is longer than " + LineReader.MAX_LINE + " bytes: skipped");
				return;
			}
			if (!split()) {
				return;
			}
			if (fieldCount <= needed) {
				problem("too few fields", "the row has " + fieldCount + " fields, " + (needed + 1) + " needed: skipped");
				return;
			}
			long t = timestamp();
			if (t == Numbers.NO_TIME) {
				return;
			}
			if (t >= toMs) {
				return;
			}
			boolean inPeriod = t >= fromMs;
			if (inPeriod) {
				for (int i = 0; i < valueIndex.length; i++) {
					int f = valueIndex[i];
					if (starts[f] == ends[f]) {
						values[i] = Double.NaN; // an empty cell: no value, no diagnostic
						continue;
					}
					double v = Numbers.parse(fieldBytes, starts[f], ends[f], decimal);
					if (Double.isNaN(v)) {
						problem("not a number", "'" + field(f) + "' in column '" + channels[i] + "' is not a number: row skipped");
						return;
					}
					values[i] = v * factors[i];
				}
			}
			event(0, stateIndex, EventKind.STATE, t);
			event(1, programIndex, EventKind.PROGRAM, t);
			event(2, countIndex, EventKind.PART_COUNT, t);
			if (inPeriod) {
				for (int i = 0; i < values.length; i++) {
					if (!Double.isNaN(values[i])) {
						sink.value(channels[i], t, values[i]);
					}
				}
			}
		}

		private void event(int slot, int index, EventKind kind, long t) {
			if (index < 0) {
				return;
			}
			int length = ends[index] - starts[index];
			byte[] last = lastEvent[slot];
			if (last != null && last.length == length
					&& Arrays.equals(last, 0, length, fieldBytes, starts[index], ends[index])) {
				return;
			}
			lastEvent[slot] = Arrays.copyOfRange(fieldBytes, starts[index], ends[index]);
			sink.event(kind, layoutName(slot), t, field(index).trim());
		}

		private String layoutName(int slot) {
			return slot == 0 ? layout.stateColumn() : slot == 1 ? layout.programColumn() : layout.partCountColumn();
		}

		/** Splits the current line into field ranges; false (with a diagnostic) if it cannot be split. */
		private boolean split() {
			byte[] buf = lines.line;
			int from = lines.start;
			int to = lines.end;
			fieldBytes = buf;
			fieldCount = 0;
			int begin = from;
			for (int i = from; i <= to; i++) {
				byte b = i == to ? delimiter : buf[i];
				if (b == '"') {
					return splitQuoted(new String(buf, from, to - from, StandardCharsets.UTF_8));
				}
				if (b == delimiter) {
					if (fieldCount == starts.length) {
						starts = Arrays.copyOf(starts, fieldCount * 2);
						ends = Arrays.copyOf(ends, fieldCount * 2);
					}
					starts[fieldCount] = begin;
					ends[fieldCount] = i;
					fieldCount++;
					begin = i + 1;
				}
			}
			return true;
		}

		private boolean splitQuoted(String text) {
			List<String> fields;
			try {
				fields = splitGeneral(text);
			} catch (IllegalStateException | java.io.UncheckedIOException e) {
				problem("malformed quotes", "malformed quoting: skipped");
				return false;
			}
			fieldCount = fields.size();
			if (fieldCount > starts.length) {
				starts = new int[fieldCount * 2];
				ends = new int[fieldCount * 2];
			}
			List<byte[]> parts = new ArrayList<>();
			int at = 0;
			for (int i = 0; i < fieldCount; i++) {
				byte[] bytes = fields.get(i).getBytes(StandardCharsets.UTF_8);
				parts.add(bytes);
				starts[i] = at;
				at += bytes.length;
				ends[i] = at;
			}
			fieldBytes = new byte[at];
			int k = 0;
			for (byte[] bytes : parts) {
				System.arraycopy(bytes, 0, fieldBytes, k, bytes.length);
				k += bytes.length;
			}
			return true;
		}

		private List<String> splitGeneral(String text) {
			CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(layout.delimiter()).get();
			try (var parser = format.parse(new StringReader(text))) {
				List<CSVRecord> records = parser.getRecords();
				if (records.size() != 1) {
					throw new IllegalStateException("not one record");
				}
				return records.get(0).toList();
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}

		private String field(int index) {
			return new String(fieldBytes, starts[index], ends[index] - starts[index], StandardCharsets.UTF_8);
		}

		/** The row's timestamp in epoch ms, or NO_TIME (with a diagnostic). */
		private long timestamp() {
			int f = timestampIndex;
			switch (layout.format()) {
				case EPOCH_S, EPOCH_MS -> {
					double v = Numbers.parse(fieldBytes, starts[f], ends[f], (byte) '.');
					if (Double.isNaN(v)) {
						problem("bad timestamp", "timestamp '" + field(f) + "' is not a number: row skipped");
						return Numbers.NO_TIME;
					}
					return layout.format() == CsvLayout.TimeFormat.EPOCH_S ? Math.round(v * 1000) : Math.round(v);
				}
				case ISO -> {
					long localMs = iso(fieldBytes, starts[f], ends[f]);
					if (localMs == Numbers.NO_TIME) {
						problem("bad timestamp", "timestamp '" + field(f) + "' is not ISO-8601: row skipped");
						return Numbers.NO_TIME;
					}
					return offset[0] == Integer.MIN_VALUE ? resolveLocal(localMs, f) : localMs - offset[0] * 1000L;
				}
				default -> {
					String text = field(f).trim();
					try {
						TemporalAccessor parsed = formatter.parse(text);
						LocalDateTime dateTime = LocalDateTime.from(parsed);
						long localMs = dateTime.toEpochSecond(ZoneOffset.UTC) * 1000 + dateTime.get(ChronoField.MILLI_OF_SECOND);
						if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
							return localMs - parsed.get(ChronoField.OFFSET_SECONDS) * 1000L;
						}
						return resolveLocal(localMs, f);
					} catch (java.time.DateTimeException e) {
						problem("bad timestamp", "timestamp '" + text + "' does not match '" + layout.pattern() + "': row skipped");
						return Numbers.NO_TIME;
					}
				}
			}
		}

		/**
		 * {@link Numbers#isoLocalMillis} with the result for the row's hour remembered: consecutive rows share the
		 * "yyyy-MM-ddTHH:" prefix, so only minutes and seconds are parsed (the offset, if any, must match too).
		 */
		private long iso(byte[] buf, int from, int to) {
			int length = to - from;
			if (length == 20 && buf[from + 19] == 'Z' || length == 19) {
				boolean same = hourLength == length;
				for (int i = 0; same && i < 14; i++) {
					same = buf[from + i] == hourPrefix[i];
				}
				int m1 = buf[from + 14] - '0';
				int m2 = buf[from + 15] - '0';
				int s1 = buf[from + 17] - '0';
				int s2 = buf[from + 18] - '0';
				if (same && buf[from + 16] == ':' && (m1 | m2 | s1 | s2) >= 0 && m1 <= 5 && m2 <= 9 && s1 <= 5 && s2 <= 9) {
					offset[0] = hourOffset;
					return hourMillis + ((m1 * 10 + m2) * 60 + s1 * 10 + s2) * 1000L;
				}
			}
			long result = Numbers.isoLocalMillis(buf, from, to, offset);
			if (result != Numbers.NO_TIME && (length == 20 && buf[from + 19] == 'Z' || length == 19)) {
				System.arraycopy(buf, from, hourPrefix, 0, 14);
				hourLength = length;
				hourOffset = offset[0];
				hourMillis = result - result % 3_600_000L + (result < 0 && result % 3_600_000L != 0 ? -3_600_000L : 0);
			}
			return result;
		}

		private long resolveLocal(long localMs, int f) {
			long t = local.toEpochMillis(localMs);
			if (t == LocalTimes.NONEXISTENT) {
				report(Diagnostic.Severity.ERROR, "nonexistent local time", "local time '" + field(f)
						+ "' does not exist in " + layout.zone().getId() + " (the clocks went forward): row skipped", null);
				return Numbers.NO_TIME;
			}
			if (local.overlapStarted) {
				report(Diagnostic.Severity.INFO, "ambiguous local time", "local times from '" + field(f) + "' are ambiguous in "
						+ layout.zone().getId() + " (the clocks went back); resolved by order: the earlier offset first, "
						+ "then the later one once the clock repeats", t);
			}
			return t;
		}

		private void problem(String kind, String message) {
			report(Diagnostic.Severity.WARNING, kind, message, null);
		}

		private void report(Diagnostic.Severity severity, String kind, String message, Long t) {
			int[] count = counts.computeIfAbsent(kind, k -> new int[1]);
			if (count[0]++ < DIAGNOSTICS_PER_KIND) {
				sink.diagnostic(new Diagnostic(severity, description(), (int) lines.number, t, message));
			}
		}

		private static int max(int[] values) {
			int m = -1;
			for (int v : values) {
				m = Math.max(m, v);
			}
			return m;
		}
	}
}
