package org.zerocarbon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.AllocationResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.DataQuality;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.FootprintResult.MethodologyRef;
import org.zerocarbon.core.footprint.FootprintResult.Scope2;
import org.zerocarbon.core.footprint.FootprintResult.Subject;
import org.zerocarbon.core.footprint.FootprintResult.Supply;
import org.zerocarbon.core.footprint.FootprintResult.ThresholdCheck;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.footprint.FootprintResult.UtilityShare;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Reads the fields of a footprint report of schema 1, 2 or 3 back into a result (see {@link JsonReport#read}). What
 * an older schema lacks gets the value the engine gives a result without it: no breakdown by equipment (1), no
 * instruments and no findings, every contribution fossil only and market-based equal to location-based (1 and 2).
 */
final class JsonReportReader {

	private JsonReportReader() {
	}

	/** The result a report object holds; {@code major} is the schema's major version (1, 2 or 3). */
	static FootprintResult read(JsonObject o, int major) {
		JsonObject s = obj(o, "subject");
		Subject subject = s == null ? null : new Subject(str(s, "name"), str(s, "kind"), str(s, "file"));
		JsonObject m = obj(o, "methodology");
		MethodologyRef methodology = m == null ? null : new MethodologyRef(str(m, "id"), str(m, "version"), str(m, "title"), str(m, "file"));
		List<Contribution> contributions = list(o, "contributions", c -> contribution(c, major));
		List<FunctionalUnitResult> fus = list(o, "functionalUnits",
				f -> new FunctionalUnitResult(str(f, "name"), num(f, "amount"), num(f, "kgCO2ePerUnit"), str(f, "element"), str(f, "basis")));
		JsonObject s2 = obj(o, "scope2");
		Scope2 scope2 = s2 == null ? null : new Scope2(num(s2, "locationBasedKgCO2e"), num(s2, "marketBasedKgCO2e"));
		JsonObject dq = obj(o, "dataQuality");
		DataQuality dataQuality = dq == null ? null
				: new DataQuality(num(dq, "primaryShareA1A3"), optNum(dq, "rating"), list(dq, "checks", t -> new ThresholdCheck(str(t, "metric"),
						str(t, "requirement"), num(t, "actual"), bool(t, "met"), str(t, "message"))));
		JsonObject u = obj(o, "uncertainty");
		UncertaintyResult uncertainty = u == null ? null
				: new UncertaintyResult((int) num(u, "iterations"), u.get("seed").getAsLong(), num(u, "mean"), num(u, "standardDeviation"),
						num(u, "p5"), num(u, "p50"), num(u, "p95"),
						list(u, "drivers", d -> new Driver(str(d, "name"), num(d, "rankCorrelation"), num(d, "varianceShare"))));
		List<CriterionResult> criteria = list(o, "criteria", c -> new CriterionResult(str(c, "id"), str(c, "title"), str(c, "clause"),
				str(c, "severity"), CriterionResult.Status.valueOf(str(c, "status")), str(c, "message"),
				list(c, "evidence", e -> new Evidence(str(e, "element"), str(e, "elementUri"), bool(e, "satisfied"), str(e, "detail")))));
		List<FactorProvenance> factors = list(o, "factors", f -> new FactorProvenance(str(f, "name"), num(f, "value"), str(f, "unit"),
				str(f, "region"), f.has("year") && !f.get("year").isJsonNull() ? f.get("year").getAsInt() : null, str(f, "source"),
				str(f, "licence")));
		List<Indicator> indicators = list(o, "indicators",
				i -> new Indicator(str(i, "name"), num(i, "value"), str(i, "unit"), str(i, "definition")));
		List<String> notes = strings(o, "notes");
		List<Equipment> equipment = list(o, "equipment", e -> equipment(e, major));
		List<InstrumentUse> instruments = list(o, "instruments", i -> new InstrumentUse(str(i, "element"), str(i, "elementUri"),
				str(i, "kind"), num(i, "kWh"), num(i, "kgCO2ePerKWh"), num(i, "kgCO2e"), str(i, "note")));
		List<Finding> findings = list(o, "findings",
				f -> new Finding(str(f, "severity"), str(f, "code"), str(f, "message"), str(f, "element"), str(f, "elementUri")));
		List<FootprintResult.Measurement> measurements = major >= 4 ? list(o, "measurements", JsonReportReader::measurement) : List.of();
		return new FootprintResult(subject, methodology, contributions, fus, scope2, dataQuality, uncertainty, criteria, factors, indicators,
				notes, equipment, instruments, findings, measurements);
	}

	private static FootprintResult.Measurement measurement(JsonObject m) {
		return new FootprintResult.Measurement(str(m, "meter"), str(m, "meterUri"), str(m, "element"), str(m, "scope"), str(m, "source"),
				str(m, "from"), str(m, "to"), m.get("samples").getAsLong(), num(m, "kWh"), num(m, "coverage"), num(m, "longestGapHours"),
				str(m, "longestGapStart"), num(m, "intervalSeconds"), m.get("parts").getAsLong(),
				list(m, "days", d -> new FootprintResult.DayEnergy(str(d, "date"), num(d, "kWh"))), list(m, "states", JsonReportReader::share),
				list(m, "programs", JsonReportReader::share), num(m, "annualKWh"), bool(m, "stale"), strings(m, "problems"));
	}

	private static FootprintResult.Share share(JsonObject s) {
		return new FootprintResult.Share(str(s, "name"), num(s, "hours"), num(s, "kWh"), s.has("parts") ? s.get("parts").getAsLong() : 0);
	}

	private static Contribution contribution(JsonObject c, int major) {
		double kg = num(c, "kgCO2e");
		JsonObject g = obj(c, "gwp");
		GwpSplit gwp = g == null ? GwpSplit.fossilOnly(kg)
				: new GwpSplit(num(g, "fossil"), num(g, "biogenicEmissions"), num(g, "biogenicRemovals"), num(g, "luluc"), bool(g, "declared"));
		return new Contribution(str(c, "element"), str(c, "elementUri"), Module.valueOf(str(c, "module")), Scope.valueOf(str(c, "scope")),
				str(c, "description"), num(c, "activityAmount"), str(c, "activityUnit"), str(c, "factor"), kg, bool(c, "primaryData"),
				optNum(c, "dataQuality"), gwp, major >= 3 ? num(c, "kgCO2eMarket") : kg);
	}

	private static Equipment equipment(JsonObject e, int major) {
		JsonObject a = obj(e, "allocation");
		AllocationResult allocation = a == null ? null
				: new AllocationResult(str(a, "rule"), str(a, "basis"), str(a, "unit"), list(a, "functions",
						f -> new FunctionResult(str(f, "name"), str(f, "elementUri"), num(f, "amount"), num(f, "factor"), num(f, "kgCO2e"),
								num(f, "moduleD"), strings(f, "operations"), major >= 3 ? num(f, "kgCO2eMarket") : num(f, "kgCO2e"))));
		JsonObject s = obj(e, "supply");
		Supply supply = s == null ? null
				: new Supply(str(s, "utilityKind"), str(s, "unit"), num(s, "delivered"), num(s, "leakage"), num(s, "generated"),
						num(s, "kgCO2ePerUnit"), num(s, "allocatedKgCO2e"), num(s, "leakKgCO2e"));
		double own = num(e, "ownKgCO2e");
		double utilities = num(e, "utilitiesKgCO2e");
		return new Equipment(str(e, "element"), str(e, "elementUri"), str(e, "kind"), own, utilities, num(e, "moduleD"),
				list(e, "utilities", u -> new UtilityShare(str(u, "utility"), num(u, "amount"), str(u, "unit"), num(u, "share"), num(u, "kgCO2e"))),
				allocation, supply, major >= 3 ? num(e, "kgCO2eMarket") : own + utilities);
	}

	// ---- fields

	static JsonObject obj(JsonObject o, String name) {
		JsonElement e = o.get(name);
		return e == null || e.isJsonNull() ? null : e.getAsJsonObject();
	}

	static String str(JsonObject o, String name) {
		JsonElement e = o.get(name);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}

	private static double num(JsonObject o, String name) {
		JsonElement e = o.get(name);
		if (e == null) {
			throw new IllegalArgumentException("missing number \"" + name + "\" in " + o);
		}
		return e.isJsonNull() ? Double.NaN : e.getAsDouble();
	}

	private static Double optNum(JsonObject o, String name) {
		JsonElement e = o.get(name);
		return e == null || e.isJsonNull() ? null : e.getAsDouble();
	}

	private static boolean bool(JsonObject o, String name) {
		JsonElement e = o.get(name);
		return e != null && !e.isJsonNull() && e.getAsBoolean();
	}

	private static List<String> strings(JsonObject o, String name) {
		List<String> list = new ArrayList<>();
		JsonElement e = o.get(name);
		if (e != null && !e.isJsonNull()) {
			e.getAsJsonArray().forEach(item -> list.add(item.getAsString()));
		}
		return list;
	}

	private static <T> List<T> list(JsonObject o, String name, Function<JsonObject, T> f) {
		List<T> list = new ArrayList<>();
		JsonElement e = o.get(name);
		if (e != null && !e.isJsonNull()) {
			JsonArray array = e.getAsJsonArray();
			for (JsonElement item : array) {
				list.add(f.apply(item.getAsJsonObject()));
			}
		}
		return list;
	}
}
