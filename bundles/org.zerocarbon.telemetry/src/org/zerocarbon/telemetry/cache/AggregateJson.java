package org.zerocarbon.telemetry.cache;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.MeterAggregate;

/** {@link MeterAggregate} ⇄ JSON (Gson tree). NaN is written as null; instants and dates as ISO text. */
public final class AggregateJson {

	/** Version of the JSON form; a file of another version is ignored (recomputed). */
	public static final int VERSION = 1;

	private AggregateJson() {
	}

	public static JsonObject toJson(MeterAggregate a) {
		JsonObject o = new JsonObject();
		o.addProperty("version", VERSION);
		o.addProperty("periodStart", a.periodStart().toString());
		o.addProperty("periodEnd", a.periodEnd().toString());
		o.addProperty("samples", a.samples());
		o.add("energyJ", number(a.energyJ()));
		o.add("coveredSeconds", number(a.coveredSeconds()));
		o.add("coverage", number(a.coverage()));
		o.add("longestGapSeconds", number(a.longestGapSeconds()));
		o.addProperty("longestGapStart", a.longestGapStart() == null ? null : a.longestGapStart().toString());
		o.add("samplingIntervalSeconds", number(a.samplingIntervalSeconds()));
		JsonObject days = new JsonObject();
		a.energyPerDayJ().forEach((day, j) -> days.add(day.toString(), number(j)));
		o.add("energyPerDayJ", days);
		o.add("perState", shares(a.perState()));
		o.add("perProgram", shares(a.perProgram()));
		o.addProperty("parts", a.parts());
		o.add("energyPerPartJ", number(a.energyPerPartJ()));
		JsonArray diagnostics = new JsonArray();
		for (Diagnostic d : a.diagnostics()) {
			JsonObject j = new JsonObject();
			j.addProperty("severity", d.severity().name());
			j.addProperty("source", d.source());
			j.addProperty("line", d.line());
			j.addProperty("epochMillis", d.epochMillis());
			j.addProperty("message", d.message());
			diagnostics.add(j);
		}
		o.add("diagnostics", diagnostics);
		o.addProperty("stale", a.stale());
		return o;
	}

	/** The aggregate, or an exception (IllegalArgumentException, ClassCastException, ...) if the JSON is not one. */
	public static MeterAggregate fromJson(JsonObject o) {
		if (o.get("version").getAsInt() != VERSION) {
			throw new IllegalArgumentException("cache version " + o.get("version") + ", not " + VERSION);
		}
		TreeMap<LocalDate, Double> days = new TreeMap<>();
		for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("energyPerDayJ").entrySet()) {
			days.put(LocalDate.parse(e.getKey()), real(e.getValue()));
		}
		List<Diagnostic> diagnostics = new ArrayList<>();
		for (JsonElement e : o.getAsJsonArray("diagnostics")) {
			JsonObject j = e.getAsJsonObject();
			diagnostics.add(new Diagnostic(Diagnostic.Severity.valueOf(j.get("severity").getAsString()), text(j.get("source")),
					j.get("line").getAsInt(), j.get("epochMillis") == null || j.get("epochMillis").isJsonNull() ? null
							: j.get("epochMillis").getAsLong(), j.get("message").getAsString()));
		}
		JsonElement gapStart = o.get("longestGapStart");
		return new MeterAggregate(Instant.parse(o.get("periodStart").getAsString()), Instant.parse(o.get("periodEnd").getAsString()),
				o.get("samples").getAsLong(), real(o.get("energyJ")), real(o.get("coveredSeconds")), real(o.get("coverage")),
				real(o.get("longestGapSeconds")), gapStart == null || gapStart.isJsonNull() ? null : Instant.parse(gapStart.getAsString()),
				real(o.get("samplingIntervalSeconds")), days, shares(o.getAsJsonObject("perState")),
				shares(o.getAsJsonObject("perProgram")), o.get("parts").getAsLong(), real(o.get("energyPerPartJ")), diagnostics,
				o.get("stale").getAsBoolean());
	}

	private static JsonObject shares(Map<String, MeterAggregate.Share> shares) {
		JsonObject o = new JsonObject();
		shares.forEach((name, share) -> {
			JsonObject s = new JsonObject();
			s.add("seconds", number(share.seconds()));
			s.add("energyJ", number(share.energyJ()));
			s.addProperty("parts", share.parts());
			o.add(name, s);
		});
		return o;
	}

	private static Map<String, MeterAggregate.Share> shares(JsonObject o) {
		Map<String, MeterAggregate.Share> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonElement> e : o.entrySet()) {
			JsonObject s = e.getValue().getAsJsonObject();
			result.put(e.getKey(), new MeterAggregate.Share(real(s.get("seconds")), real(s.get("energyJ")), s.get("parts").getAsLong()));
		}
		return result;
	}

	private static JsonElement number(double value) {
		return Double.isNaN(value) || Double.isInfinite(value) ? JsonNull.INSTANCE : new JsonPrimitive(value);
	}

	private static double real(JsonElement e) {
		return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
	}

	private static String text(JsonElement e) {
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}
}
