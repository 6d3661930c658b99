package org.zerocarbon.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.AllocationResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.DataQuality;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.FootprintResult.MethodologyRef;
import org.zerocarbon.core.footprint.FootprintResult.Subject;
import org.zerocarbon.core.footprint.FootprintResult.Supply;
import org.zerocarbon.core.footprint.FootprintResult.ThresholdCheck;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.footprint.FootprintResult.UtilityShare;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.internal.Num;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;

/**
 * The JSON report, schema {@value #SCHEMA_ID} ({@code schema/footprint-3.schema.json} in this bundle, described
 * in {@code docs/report-json.md}), and its reader, which also reads reports of schemas 1 and 2 (they have no GWP
 * split, no market-based figures per contribution, no instruments and no findings; schema 1 no breakdown by
 * equipment either): see {@link JsonReportReader}.
 * <p>
 * Written deterministically: fields in a fixed order, lists in the canonical order of
 * {@link FootprintResult#normalized()}, numbers as the shortest decimal that reads back to the same double
 * (never in exponent notation, never locale-dependent), two-space indentation and {@code \n} line ends. Derived
 * figures (totals, the module × scope table) are written for readers' convenience; {@link #read} ignores them
 * and rebuilds the result from the contributions, so a report read back and written again is byte-identical.
 */
public final class JsonReport {

	/** The schema identifier written in every report's {@code "schema"} field. */
	public static final String SCHEMA_ID = "zerocarbon-footprint-4";

	/** Major version of the schema: readers reject other majors. */
	public static final int SCHEMA_MAJOR = 4;

	/** The previous major, still read (e.g. a baseline report kept from an earlier version). */
	public static final String PREVIOUS_SCHEMA_ID = "zerocarbon-footprint-3";

	/** Every schema the reader reads, oldest first (index + 1 is the major). */
	public static final List<String> READABLE_SCHEMA_IDS = List.of("zerocarbon-footprint-1", "zerocarbon-footprint-2", PREVIOUS_SCHEMA_ID,
			SCHEMA_ID);

	/** Bundle-relative path of the JSON Schema document. */
	public static final String SCHEMA_RESOURCE = "/schema/footprint-4.schema.json";

	private JsonReport() {
	}

	/** The report as JSON text, with the options' date and baseline delta if they are set. */
	public static String write(FootprintResult result, ReportOptions options) {
		StringWriter out = new StringWriter();
		try (JsonWriter w = new JsonWriter(out)) {
			w.setIndent("  ");
			write(w, result.normalized(), options, options.delta(result));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString().replace("\r\n", "\n") + "\n";
	}

	/** The report as JSON text with default options. */
	public static String write(FootprintResult result) {
		return write(result, ReportOptions.defaults());
	}

	/**
	 * Reads a JSON report back into a result, e.g. a baseline to compare against.
	 *
	 * @throws ReportFormatException when the text is not a footprint report of a supported schema version,
	 *                               naming the field that is wrong
	 */
	public static FootprintResult read(Reader reader) {
		JsonElement root;
		try {
			root = JsonParser.parseReader(reader);
		} catch (JsonParseException e) {
			throw new ReportFormatException("Not valid JSON: " + e.getMessage(), e);
		}
		if (!root.isJsonObject()) {
			throw new ReportFormatException("A footprint report is a JSON object; found " + root);
		}
		JsonObject o = root.getAsJsonObject();
		String schema = JsonReportReader.str(o, "schema");
		if (schema == null || !schema.startsWith("zerocarbon-footprint-")) {
			throw new ReportFormatException("Not a ZeroCarbon footprint report: field \"schema\" is " + schema + ", expected " + SCHEMA_ID);
		}
		int major = READABLE_SCHEMA_IDS.indexOf(schema) + 1;
		if (major == 0) {
			throw new ReportFormatException("Footprint report schema " + schema + " is not supported; this version reads "
					+ String.join(", ", READABLE_SCHEMA_IDS));
		}
		try {
			return JsonReportReader.read(o, major);
		} catch (IllegalStateException | ClassCastException | IllegalArgumentException | NullPointerException | UnsupportedOperationException e) {
			throw new ReportFormatException("Footprint report does not follow schema " + schema + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Reads a JSON report file, e.g. {@code zcw diff baseline.json model.zc}.
	 *
	 * @throws IOException           when the file cannot be read
	 * @throws ReportFormatException when it is not a footprint report of a supported schema; the message starts
	 *                               with the file name (and Gson's position, "line L column C", for a syntax error)
	 */
	public static FootprintResult read(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(reader);
		} catch (ReportFormatException e) {
			throw new ReportFormatException(file + ": " + e.getMessage(), e);
		}
	}

	/** Thrown by {@link JsonReport#read} for a text that is not a readable footprint report. */
	public static final class ReportFormatException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		ReportFormatException(String message) {
			super(message);
		}

		ReportFormatException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	// ---- writing

	private static void write(JsonWriter w, FootprintResult r, ReportOptions options, FootprintDelta delta) throws IOException {
		w.beginObject();
		w.name("schema").value(SCHEMA_ID);
		w.name("title").value(options.titleFor(r));
		if (options.date() != null) {
			w.name("date").value(options.date().toString());
		}
		w.name("unit").value("kg CO2e");
		Subject s = r.subject();
		if (s != null) {
			w.name("subject").beginObject();
			str(w, "name", s.name());
			str(w, "kind", s.kind());
			str(w, "file", s.file());
			w.endObject();
		}
		MethodologyRef m = r.methodology();
		if (m != null) {
			w.name("methodology").beginObject();
			str(w, "id", m.id());
			str(w, "version", m.version());
			str(w, "title", m.title());
			str(w, "file", m.file());
			w.endObject();
		}

		w.name("totals").beginObject();
		num(w, "total", r.total());
		num(w, "totalMarket", r.totalMarket());
		num(w, "moduleD", r.moduleD());
		w.name("byScope").beginObject();
		for (Scope sc : Scope.values()) {
			num(w, sc.name(), r.total(sc));
		}
		w.endObject();
		w.name("byStage").beginObject();
		for (Module.Stage stage : Module.Stage.values()) {
			double sum = 0;
			boolean any = false;
			for (Contribution c : r.contributions()) {
				if (c.module().stage() == stage) {
					sum += c.kgCO2e();
					any = true;
				}
			}
			if (any) {
				num(w, stage.name(), sum);
			}
		}
		w.endObject();
		gwp(w, "gwp", r.gwp(), true);
		w.endObject();

		w.name("table").beginArray();
		Map<Module, Map<Scope, Double>> market = r.tableMarket();
		for (Map.Entry<Module, Map<Scope, Double>> row : r.table().entrySet()) {
			Module mod = row.getKey();
			w.beginObject();
			w.name("module").value(mod.name());
			w.name("title").value(mod.title());
			w.name("stage").value(mod.stage().name());
			w.name("reportedSeparately").value(mod.isReportedSeparately());
			for (Scope sc : Scope.values()) {
				num(w, sc.name(), row.getValue().getOrDefault(sc, 0.0));
			}
			num(w, "total", r.total(mod));
			num(w, "scope2Market", market.get(mod).getOrDefault(Scope.SCOPE_2, 0.0));
			num(w, "totalMarket", r.totalMarket(mod));
			gwp(w, "gwp", r.gwp(mod), true);
			w.endObject();
		}
		w.endArray();

		w.name("functionalUnits").beginArray();
		for (FunctionalUnitResult f : r.functionalUnits()) {
			w.beginObject();
			str(w, "name", f.name());
			num(w, "amount", f.amount());
			num(w, "kgCO2ePerUnit", f.kgCO2ePerUnit());
			str(w, "element", f.element());
			str(w, "basis", f.basis());
			w.endObject();
		}
		w.endArray();

		w.name("equipment").beginArray();
		for (Equipment e : r.equipment()) {
			writeEquipment(w, e);
		}
		w.endArray();

		if (r.scope2() != null) {
			w.name("scope2").beginObject();
			num(w, "locationBasedKgCO2e", r.scope2().locationBasedKgCO2e());
			num(w, "marketBasedKgCO2e", r.scope2().marketBasedKgCO2e());
			w.endObject();
		}

		w.name("instruments").beginArray();
		for (InstrumentUse i : r.instruments()) {
			w.beginObject();
			w.name("method").value(i.locationBased() ? "location" : "market");
			str(w, "kind", i.kind());
			str(w, "element", i.element());
			str(w, "elementUri", i.elementUri());
			num(w, "kWh", i.kWh());
			num(w, "kgCO2ePerKWh", i.kgCO2ePerKWh());
			num(w, "kgCO2e", i.kgCO2e());
			str(w, "note", i.note());
			w.endObject();
		}
		w.endArray();

		DataQuality dq = r.dataQuality();
		if (dq != null) {
			w.name("dataQuality").beginObject();
			num(w, "primaryShareA1A3", dq.primaryShareA1A3());
			optNum(w, "rating", dq.rating());
			w.name("checks").beginArray();
			for (ThresholdCheck t : dq.checks()) {
				w.beginObject();
				str(w, "metric", t.metric());
				str(w, "requirement", t.requirement());
				num(w, "actual", t.actual());
				w.name("met").value(t.met());
				str(w, "message", t.message());
				w.endObject();
			}
			w.endArray();
			w.endObject();
		}

		UncertaintyResult u = r.uncertainty();
		w.name("uncertainty");
		if (u == null) {
			w.nullValue();
		} else {
			w.beginObject();
			w.name("iterations").value(u.iterations());
			w.name("seed").value(u.seed());
			num(w, "mean", u.mean());
			num(w, "standardDeviation", u.standardDeviation());
			num(w, "p5", u.p5());
			num(w, "p50", u.p50());
			num(w, "p95", u.p95());
			w.name("drivers").beginArray();
			for (Driver d : u.drivers()) {
				w.beginObject();
				str(w, "name", d.name());
				num(w, "rankCorrelation", d.rankCorrelation());
				num(w, "varianceShare", d.varianceShare());
				w.endObject();
			}
			w.endArray();
			w.endObject();
		}

		w.name("criteria").beginArray();
		for (CriterionResult c : r.criteria()) {
			w.beginObject();
			str(w, "id", c.id());
			str(w, "title", c.title());
			str(w, "clause", c.clause());
			str(w, "severity", c.severity());
			w.name("status").value(c.status().name());
			str(w, "message", c.message());
			w.name("evidence").beginArray();
			for (Evidence e : c.evidence()) {
				w.beginObject();
				str(w, "element", e.element());
				str(w, "elementUri", e.elementUri());
				w.name("satisfied").value(e.satisfied());
				str(w, "detail", e.detail());
				w.endObject();
			}
			w.endArray();
			w.endObject();
		}
		w.endArray();

		w.name("findings").beginArray();
		for (Finding f : r.findings()) {
			w.beginObject();
			str(w, "severity", f.severity());
			str(w, "code", f.code());
			str(w, "message", f.message());
			str(w, "element", f.element());
			str(w, "elementUri", f.elementUri());
			w.endObject();
		}
		w.endArray();

		measurements(w, r);

		w.name("contributions").beginArray();
		for (Contribution c : r.contributions()) {
			w.beginObject();
			str(w, "element", c.element());
			str(w, "elementUri", c.elementUri());
			w.name("module").value(c.module().name());
			w.name("scope").value(c.scope().name());
			str(w, "description", c.description());
			num(w, "activityAmount", c.activityAmount());
			str(w, "activityUnit", c.activityUnit());
			str(w, "factor", c.factor());
			num(w, "kgCO2e", c.kgCO2e());
			num(w, "kgCO2eMarket", c.kgCO2eMarket());
			w.name("primaryData").value(c.primaryData());
			optNum(w, "dataQuality", c.dataQuality());
			gwp(w, "gwp", c.gwp(), false);
			w.endObject();
		}
		w.endArray();

		w.name("factors").beginArray();
		for (FactorProvenance f : r.factors()) {
			w.beginObject();
			str(w, "name", f.name());
			num(w, "value", f.value());
			str(w, "unit", f.unit());
			str(w, "region", f.region());
			if (f.year() != null) {
				w.name("year").value(f.year());
			}
			str(w, "source", f.source());
			str(w, "licence", f.licence());
			w.endObject();
		}
		w.endArray();

		w.name("indicators").beginArray();
		for (Indicator i : r.indicators()) {
			w.beginObject();
			str(w, "name", i.name());
			num(w, "value", i.value());
			str(w, "unit", i.unit());
			str(w, "definition", i.definition());
			w.endObject();
		}
		w.endArray();

		w.name("notes").beginArray();
		for (String n : r.notes()) {
			w.value(n);
		}
		w.endArray();

		if (delta != null) {
			writeDelta(w, delta);
		}
		w.endObject();
	}

	private static void writeEquipment(JsonWriter w, Equipment e) throws IOException {
		w.beginObject();
		str(w, "element", e.element());
		str(w, "elementUri", e.elementUri());
		str(w, "kind", e.kind());
		num(w, "kgCO2e", e.kgCO2e());
		num(w, "kgCO2eMarket", e.kgCO2eMarket());
		num(w, "ownKgCO2e", e.ownKgCO2e());
		num(w, "utilitiesKgCO2e", e.utilitiesKgCO2e());
		num(w, "moduleD", e.moduleD());
		w.name("utilities").beginArray();
		for (UtilityShare u : e.utilities()) {
			w.beginObject();
			str(w, "utility", u.utility());
			num(w, "amount", u.amount());
			str(w, "unit", u.unit());
			num(w, "share", u.share());
			num(w, "kgCO2e", u.kgCO2e());
			w.endObject();
		}
		w.endArray();
		AllocationResult a = e.allocation();
		if (a != null) {
			w.name("allocation").beginObject();
			str(w, "rule", a.rule());
			str(w, "basis", a.basis());
			str(w, "unit", a.unit());
			num(w, "factorSum", a.functions().stream().mapToDouble(FunctionResult::factor).sum());
			w.name("functions").beginArray();
			for (FunctionResult f : a.functions()) {
				w.beginObject();
				str(w, "name", f.name());
				str(w, "elementUri", f.elementUri());
				num(w, "amount", f.amount());
				num(w, "factor", f.factor());
				num(w, "kgCO2e", f.kgCO2e());
				num(w, "kgCO2eMarket", f.kgCO2eMarket());
				num(w, "moduleD", f.moduleD());
				w.name("operations").beginArray();
				for (String operation : f.operations()) {
					w.value(operation);
				}
				w.endArray();
				w.endObject();
			}
			w.endArray();
			w.endObject();
		}
		Supply s = e.supply();
		if (s != null) {
			w.name("supply").beginObject();
			str(w, "utilityKind", s.utilityKind());
			str(w, "unit", s.unit());
			num(w, "delivered", s.delivered());
			num(w, "leakage", s.leakage());
			num(w, "generated", s.generated());
			num(w, "kgCO2ePerUnit", s.kgCO2ePerUnit());
			num(w, "allocatedKgCO2e", s.allocatedKgCO2e());
			num(w, "leakKgCO2e", s.leakKgCO2e());
			w.endObject();
		}
		w.endObject();
	}

	private static void writeDelta(JsonWriter w, FootprintDelta d) throws IOException {
		w.name("delta").beginObject();
		str(w, "oldLabel", d.oldLabel());
		str(w, "newLabel", d.newLabel());
		num(w, "oldTotal", d.oldTotal());
		num(w, "newTotal", d.newTotal());
		num(w, "oldModuleD", d.oldModuleD());
		num(w, "newModuleD", d.newModuleD());
		num(w, "oldTotalMarket", d.oldTotalMarket());
		num(w, "newTotalMarket", d.newTotalMarket());
		w.name("byCause").beginObject();
		num(w, "factor", d.dueToFactors());
		num(w, "activity", d.dueToActivities());
		num(w, "added", d.added());
		num(w, "removed", d.removed());
		w.name("byFactor").beginObject();
		for (Map.Entry<String, Double> e : d.dueToFactor().entrySet()) {
			num(w, e.getKey(), e.getValue());
		}
		w.endObject();
		w.endObject();
		w.name("cells").beginArray();
		for (FootprintDelta.CellChange c : d.cells()) {
			w.beginObject();
			w.name("module").value(c.module().name());
			w.name("scope").value(c.scope().name());
			num(w, "oldKgCO2e", c.oldKgCO2e());
			num(w, "newKgCO2e", c.newKgCO2e());
			w.endObject();
		}
		w.endArray();
		w.name("changes").beginArray();
		for (FootprintDelta.ContributionChange c : d.changes()) {
			w.beginObject();
			str(w, "element", c.key().element());
			w.name("module").value(c.key().module().name());
			w.name("scope").value(c.key().scope().name());
			str(w, "description", c.key().description());
			str(w, "factor", c.key().factor());
			w.name("change").value(c.change().name());
			str(w, "activityUnit", c.activityUnit());
			num(w, "oldActivity", c.oldActivity());
			num(w, "newActivity", c.newActivity());
			optNum(w, "oldFactor", c.oldFactor());
			optNum(w, "newFactor", c.newFactor());
			num(w, "oldKgCO2e", c.oldKgCO2e());
			num(w, "newKgCO2e", c.newKgCO2e());
			num(w, "dueToActivity", c.dueToActivity());
			num(w, "dueToFactor", c.dueToFactor());
			str(w, "explanation", c.explanation());
			w.endObject();
		}
		w.endArray();
		w.name("instrumentChanges").beginArray();
		for (InstrumentChange c : d.instrumentChanges()) {
			w.beginObject();
			str(w, "kind", c.kind());
			str(w, "element", c.element());
			num(w, "oldKWh", c.oldKWh());
			num(w, "newKWh", c.newKWh());
			optNum(w, "oldRate", c.oldRate());
			optNum(w, "newRate", c.newRate());
			num(w, "oldKgCO2e", c.oldKgCO2e());
			num(w, "newKgCO2e", c.newKgCO2e());
			num(w, "dueToEnergy", c.dueToEnergy());
			num(w, "dueToRate", c.dueToRate());
			str(w, "explanation", c.explanation());
			w.endObject();
		}
		w.endArray();
		w.name("factorChanges").beginArray();
		for (FootprintDelta.FactorChange f : d.factorChanges()) {
			w.beginObject();
			str(w, "name", f.name());
			str(w, "old", f.oldFactor() == null ? null : FootprintDelta.describe(f.oldFactor()));
			str(w, "new", f.newFactor() == null ? null : FootprintDelta.describe(f.newFactor()));
			w.endObject();
		}
		w.endArray();
		w.endObject();
	}

	/** A GWP split (EN 15804+A2); {@code total}, derived, only where a reader may want it without adding up. */
	private static void gwp(JsonWriter w, String name, GwpSplit g, boolean withTotal) throws IOException {
		w.name(name).beginObject();
		num(w, "fossil", g.fossil());
		num(w, "biogenicEmissions", g.biogenicEmissions());
		num(w, "biogenicRemovals", g.biogenicRemovals());
		num(w, "luluc", g.luluc());
		if (withTotal) {
			num(w, "total", g.total());
		}
		w.name("declared").value(g.declared());
		w.endObject();
	}

	private static void str(JsonWriter w, String name, String value) throws IOException {
		if (value != null) {
			w.name(name).value(value);
		}
	}

	/** Schema 4: the measured data of every meter that reads a data source. */
	private static void measurements(JsonWriter w, FootprintResult r) throws IOException {
		w.name("measurements").beginArray();
		for (FootprintResult.Measurement m : r.measurements()) {
			w.beginObject();
			str(w, "meter", m.meter());
			str(w, "meterUri", m.meterUri());
			str(w, "element", m.element());
			str(w, "scope", m.scope());
			str(w, "source", m.source());
			str(w, "from", m.from());
			str(w, "to", m.to());
			w.name("samples").value(m.samples());
			num(w, "kWh", m.kWh());
			num(w, "coverage", m.coverage());
			num(w, "longestGapHours", m.longestGapHours());
			str(w, "longestGapStart", m.longestGapStart());
			num(w, "intervalSeconds", m.intervalSeconds());
			w.name("parts").value(m.parts());
			num(w, "kWhPerPart", m.kWhPerPart());
			w.name("days").beginArray();
			for (FootprintResult.DayEnergy d : m.days()) {
				w.beginObject();
				str(w, "date", d.date());
				num(w, "kWh", d.kWh());
				w.endObject();
			}
			w.endArray();
			shares(w, "states", m.states());
			shares(w, "programs", m.programs());
			num(w, "annualKWh", m.annualKWh());
			w.name("stale").value(m.stale());
			w.name("problems").beginArray();
			for (String problem : m.problems()) {
				w.value(problem);
			}
			w.endArray();
			w.endObject();
		}
		w.endArray();
	}

	private static void shares(JsonWriter w, String name, List<FootprintResult.Share> shares) throws IOException {
		w.name(name).beginArray();
		for (FootprintResult.Share s : shares) {
			w.beginObject();
			str(w, "name", s.name());
			num(w, "hours", s.hours());
			num(w, "kWh", s.kWh());
			w.name("parts").value(s.parts());
			w.endObject();
		}
		w.endArray();
	}

	private static void num(JsonWriter w, String name, double value) throws IOException {
		w.name(name);
		if (Double.isFinite(value)) {
			w.jsonValue(Num.plain(value));
		} else {
			w.nullValue();
		}
	}

	private static void optNum(JsonWriter w, String name, Double value) throws IOException {
		if (value != null) {
			num(w, name, value);
		}
	}
}
