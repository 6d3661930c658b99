package org.zerocarbon.evidence;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.DayEnergy;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.evidence.internal.Texts;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.model.RawSamples;

/**
 * The raw samples of one day, per meter, as its recorded source delivers them: {@code measured/raw/<meter>-<day>.csv}
 * with one row per instant, a column per channel of the meter with the unit in its header (values in SI: W, J, A, V),
 * event channels (state, program, parts) as text where they change and {@code UNAVAILABLE} where the source says so;
 * and {@code measured/raw/index.csv}: which day, how it was chosen, and per meter its file, rows and problems.
 * <p>
 * The representative day, unless one is given, is the measured day whose energy summed over all meters is the median
 * of the measured days (the lower of the two middle days for an even count; the earlier day of equal energy): a
 * typical day, neither the busiest nor an idle one. Days are those of the footprint's per-day aggregates, in each
 * source's zone.
 */
public final class RawDay implements MeasuredEvidence {

	private final LocalDate day;

	private RawDay(LocalDate day) {
		this.day = day;
	}

	/** The raw samples of the representative day (see the class comment). */
	public static RawDay representative() {
		return new RawDay(null);
	}

	/** The raw samples of the given day. */
	public static RawDay of(LocalDate day) {
		return new RawDay(day);
	}

	@Override
	public SortedMap<String, String> files(List<FootprintResult> results, ResourceSet models) {
		SortedMap<String, String> files = new TreeMap<>();
		Map<String, Measurement> meters = new TreeMap<>();
		for (FootprintResult result : results) {
			for (Measurement m : result.measurements()) {
				if (m.meterUri() != null) {
					meters.putIfAbsent(m.meter(), m);
				}
			}
		}
		if (meters.isEmpty()) {
			return files;
		}
		LocalDate chosen = day != null ? day : representativeDay(meters.values());
		String how = day != null ? "given" : "median day: the measured day whose energy over all meters is the median of the measured days";
		List<List<?>> index = new ArrayList<>();
		if (chosen == null) {
			meters.keySet().forEach(name -> index.add(List.of(name, "", "", 0, "", "no measured day")));
		} else {
			for (Measurement m : meters.values()) {
				index.add(meterDay(m, models, chosen, how, files));
			}
		}
		files.put("raw/index.csv", Texts.csv(List.of("meter", "day [ISO date]", "chosen as", "rows [count]", "file", "problems"), index));
		return files;
	}

	/**
	 * The representative day of the measurements: the lower median of the days by their energy summed over the
	 * meters, the earlier of days with equal energy; null without days.
	 */
	public static LocalDate representativeDay(Iterable<Measurement> measurements) {
		Map<String, Double> total = new TreeMap<>();
		for (Measurement m : measurements) {
			for (DayEnergy d : m.days()) {
				total.merge(d.date(), d.kWh(), Double::sum);
			}
		}
		if (total.isEmpty()) {
			return null;
		}
		List<Map.Entry<String, Double>> days = new ArrayList<>(total.entrySet());
		days.sort(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
		return LocalDate.parse(days.get((days.size() - 1) / 2).getKey());
	}

	private static List<?> meterDay(Measurement m, ResourceSet models, LocalDate chosen, String how, SortedMap<String, String> files) {
		EObject element = models.getEObject(URI.createURI(m.meterUri()), true);
		if (!(element instanceof Meter meter) || meter.getSource() == null) {
			return List.of(m.meter(), chosen.toString(), how, 0, "", "the meter is not in the models");
		}
		ZoneId zone = zone(meter.getSource());
		Instant from = chosen.atStartOfDay(zone).toInstant();
		Instant to = chosen.plusDays(1).atStartOfDay(zone).toInstant();
		Rows rows = new Rows(from.toEpochMilli());
		List<RawSamples.Channel> channels;
		try {
			channels = RawSamples.read(meter, from, to, rows, null);
		} catch (TelemetryException | IllegalArgumentException e) {
			return List.of(m.meter(), chosen.toString(), how, 0, "", e.getMessage());
		}
		List<String> header = new ArrayList<>(List.of("time [ISO instant]"));
		for (RawSamples.Channel c : channels) {
			header.add(c.name() + " (" + c.role() + ")" + (c.unit().isEmpty() ? "" : " [" + c.unit() + "]"));
		}
		List<List<?>> out = new ArrayList<>();
		rows.byTime.forEach((millis, values) -> {
			List<String> row = new ArrayList<>();
			row.add(Instant.ofEpochMilli(millis).toString());
			channels.forEach(c -> row.add(values.getOrDefault(c.name(), "")));
			out.add(row);
		});
		String file = "raw/" + Texts.fileName(m.meter()) + "-" + chosen + ".csv";
		files.put(file, Texts.csv(header, out));
		return List.of(m.meter(), chosen.toString(), how, out.size(), "measured/" + file, String.join(" | ", rows.problems));
	}

	private static ZoneId zone(DataSource source) {
		try {
			return source.getZone() == null ? ZoneOffset.UTC : ZoneId.of(source.getZone());
		} catch (DateTimeException e) {
			return ZoneOffset.UTC;
		}
	}

	/** The records by instant and channel, as text. */
	private static final class Rows implements RecordSink {
		final SortedMap<Long, Map<String, String>> byTime = new TreeMap<>();
		final List<String> problems = new ArrayList<>();
		final long from;

		Rows(long from) {
			this.from = from;
		}

		@Override
		public void value(String channel, long epochMillis, double si) {
			put(channel, epochMillis, Texts.num(si));
		}

		@Override
		public void unavailable(String channel, long epochMillis) {
			put(channel, epochMillis, "UNAVAILABLE");
		}

		@Override
		public void event(EventKind kind, String channel, long epochMillis, String value) {
			put(channel, epochMillis, value);
		}

		@Override
		public void diagnostic(Diagnostic diagnostic) {
			if (diagnostic.severity() != Diagnostic.Severity.INFO && problems.size() < 20) {
				problems.add(diagnostic.toString());
			}
		}

		private void put(String channel, long millis, String text) {
			if (millis < from) {
				return; // sources report the events before the period, for the state at its start
			}
			byTime.computeIfAbsent(millis, k -> new TreeMap<>(Comparator.naturalOrder())).put(channel, text);
		}
	}
}
