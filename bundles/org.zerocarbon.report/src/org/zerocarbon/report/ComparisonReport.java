package org.zerocarbon.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.internal.Num;
import org.zerocarbon.scenarios.ScenarioComparison;
import org.zerocarbon.scenarios.ScenarioComparison.Comparison;
import org.zerocarbon.scenarios.ScenarioComparison.Probability;
import org.zerocarbon.scenarios.ScenarioComparison.Run;
import org.zerocarbon.scenarios.ScenarioComparison.TornadoBar;
import org.zerocarbon.scenarios.ScenarioComparison.VarianceShare;

import com.google.gson.stream.JsonWriter;

/**
 * The scenario comparison of one subject ({@code zcw report --scenarios}): the baseline and each scenario side by
 * side, as {@code <subject>.scenarios.json}, {@code .csv}, {@code .html} and {@code .pdf}.
 * <ul>
 * <li>the module × scope table of every run, and every functional unit, with the difference to the baseline;</li>
 * <li>what explains each difference: {@link FootprintDelta} between the baseline and the scenario (by factor, by
 * activity, by instrument; the largest changed contributions);</li>
 * <li>with Monte Carlo (common random numbers across the runs): each run's P5–P95 and the probability that one run is
 * lower than another;</li>
 * <li>the one-at-a-time tornado of the parameters and the variance shares, labelled for what they are
 * ({@link ScenarioComparison#VARIANCE_LABEL}).</li>
 * </ul>
 * JSON schema {@value #SCHEMA_ID} ({@code schema/scenarios-1.schema.json}, docs/report-json.md). Like the footprint
 * reports, every format is byte-identical for the same comparison, and every file is written atomically.
 */
public final class ComparisonReport {

	/** The JSON schema id of the comparison. */
	public static final String SCHEMA_ID = "zerocarbon-scenarios-1";

	/** Bundle-relative path of the JSON Schema document. */
	public static final String SCHEMA_RESOURCE = "/schema/scenarios-1.schema.json";

	/** Header of the CSV: one row per run, module and scope (and a TOTAL row per run), then one per functional unit. */
	public static final String[] CSV_HEADER = { "scenario", "table", "module", "scope", "per", "kgCO2e", "baseline_kgCO2e",
			"difference_kgCO2e", "difference_percent" };

	/** The {@code table} column of the CSV. */
	public static final String MODULES = "modules", FUNCTIONAL_UNITS = "functional_units";

	/** How many changed contributions each scenario's explanation lists. */
	static final int EXPLANATION_LIMIT = 8;

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

	private ComparisonReport() {
	}

	/**
	 * Writes the comparison in the given formats.
	 *
	 * @return the files written, in the order JSON, CSV, HTML, PDF
	 */
	public static List<Path> write(Comparison comparison, Path outDir, Set<ReportFormat> formats) throws IOException {
		return write(comparison, outDir, formats, null);
	}

	/**
	 * Writes the comparison in the given formats, with progress (the PDF is the long part) and cancellation.
	 *
	 * @return the files written, in the order JSON, CSV, HTML, PDF
	 */
	public static List<Path> write(Comparison comparison, Path outDir, Set<ReportFormat> formats, IProgressMonitor monitor) throws IOException {
		Objects.requireNonNull(comparison, "comparison");
		Set<ReportFormat> todo = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
		SubMonitor progress = SubMonitor.convert(monitor, "Writing the scenario comparison of " + comparison.subject(), 10 * todo.size());
		Files.createDirectories(outDir);
		String base = baseName(comparison) + ".scenarios";
		List<Path> written = new ArrayList<>();
		for (ReportFormat format : todo) {
			switch (format) {
			case JSON -> written.add(ReportWriter.writeAtomically(outDir.resolve(base + ".json"), json(comparison)));
			case CSV -> written.add(ReportWriter.writeAtomically(outDir.resolve(base + ".csv"), csv(comparison)));
			case HTML -> written.add(ReportWriter.writeAtomically(outDir.resolve(base + ".html"), ComparisonHtml.render(comparison, false)));
			case PDF -> {
				ByteArrayOutputStream pdf = new ByteArrayOutputStream();
				PdfReport.renderXhtml(ComparisonHtml.render(comparison, true), null, pdf, progress.split(9));
				written.add(ReportWriter.writeAtomically(outDir.resolve(base + ".pdf"), pdf.toByteArray()));
				progress.split(1);
				continue;
			}
			}
			progress.split(10);
		}
		return written;
	}

	/** The file name the comparison's files start with: the subject's name, as its footprint reports. */
	public static String baseName(Comparison comparison) {
		FootprintResult r = comparison.baseline().result();
		String name = r.subject() != null && r.subject().name() != null ? r.subject().name() : comparison.subject();
		return ReportOptions.defaults().withBaseName(name).baseName();
	}

	/** The modules any run has a contribution in, in EN 15804 order (D last, reported beside the total). */
	static List<Module> modules(Comparison c) {
		Set<Module> modules = EnumSet.noneOf(Module.class);
		for (Run run : c.runs()) {
			run.result().contributions().forEach(x -> modules.add(x.module()));
		}
		return List.copyOf(modules);
	}

	/** The functional units of all runs by name, in the baseline's order first. */
	static Set<String> functionalUnits(Comparison c) {
		Set<String> names = new LinkedHashSet<>();
		for (Run run : c.runs()) {
			run.result().functionalUnits().forEach(fu -> names.add(fu.name()));
		}
		return names;
	}

	/** A run's functional unit of that name, or null. */
	static FunctionalUnitResult functionalUnit(Run run, String name) {
		return run.result().functionalUnits().stream().filter(fu -> fu.name().equals(name)).findFirst().orElse(null);
	}

	/** The explanation of a run's difference to the baseline (the baseline's own is empty). */
	static FootprintDelta delta(Comparison c, Run run) {
		return FootprintDelta.between(c.baseline().result(), run.result()).withLabels(c.baseline().name(), run.name());
	}

	static double percent(double value, double base) {
		return base == 0 ? 0 : 100 * (value - base) / Math.abs(base);
	}

	/** The comparison as JSON (schema {@value #SCHEMA_ID}). */
	public static String json(Comparison c) {
		StringWriter out = new StringWriter();
		try (JsonWriter w = new JsonWriter(out)) {
			w.setIndent("  ");
			w.beginObject();
			w.name("schema").value(SCHEMA_ID);
			w.name("unit").value("kg CO2e");
			w.name("subject").value(c.subject());
			w.name("methodology").value(c.methodology());
			w.name("iterations").value(c.iterations());
			w.name("seed").value(c.seed());
			w.name("baseline").value(c.baseline().name());
			List<Module> modules = modules(c);
			w.name("runs").beginArray();
			for (Run run : c.runs()) {
				writeRun(w, c, run, modules);
			}
			w.endArray();
			w.name("probabilities").beginArray();
			for (Probability p : c.probabilities()) {
				w.beginObject().name("a").value(p.a()).name("b").value(p.b());
				w.name("pALowerThanB").value(p.aLowerThanB()).name("pBLowerThanA").value(p.bLowerThanA()).name("iterations").value(p.iterations()).endObject();
			}
			w.endArray();
			w.name("tornado").beginArray();
			for (TornadoBar t : c.tornado()) {
				w.beginObject().name("parameter").value(t.parameter()).name("unit").value(t.unit());
				w.name("value").value(t.value()).name("low").value(t.low()).name("high").value(t.high()).name("source").value(t.source());
				w.name("resultLow").value(t.resultLow()).name("resultHigh").value(t.resultHigh());
				w.name("swing").value(t.swing()).endObject();
			}
			w.endArray();
			w.name("variance").beginObject().name("label").value(ScenarioComparison.VARIANCE_LABEL).name("shares").beginArray();
			for (VarianceShare v : c.variance()) {
				w.beginObject().name("input").value(v.input()).name("correlation").value(v.correlation()).name("share").value(v.share()).endObject();
			}
			w.endArray().endObject();
			w.endObject();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString().replace("\r\n", "\n") + "\n";
	}

	private static void writeRun(JsonWriter w, Comparison c, Run run, List<Module> modules) throws IOException {
		FootprintResult r = run.result();
		FootprintResult base = c.baseline().result();
		w.beginObject();
		w.name("name").value(run.name());
		w.name("description").value(run.description());
		w.name("extends").beginArray();
		for (String s : run.chain()) {
			w.value(s);
		}
		w.endArray();
		w.name("total").value(r.total());
		w.name("totalMarket").value(r.totalMarket());
		w.name("moduleD").value(r.moduleD());
		w.name("difference").value(r.total() - base.total());
		w.name("differencePercent").value(percent(r.total(), base.total()));
		w.name("modules").beginArray();
		for (Module m : modules) {
			w.beginObject().name("module").value(m.name());
			for (Scope s : Scope.values()) {
				w.name(s.name()).value(r.total(m, s));
			}
			w.name("total").value(r.total(m)).name("difference").value(r.total(m) - base.total(m)).endObject();
		}
		w.endArray();
		w.name("functionalUnits").beginArray();
		for (String name : functionalUnits(c)) {
			FunctionalUnitResult fu = functionalUnit(run, name);
			FunctionalUnitResult b = functionalUnit(c.baseline(), name);
			if (fu == null) {
				continue;
			}
			w.beginObject().name("name").value(name).name("amount").value(fu.amount()).name("kgCO2ePerUnit").value(fu.kgCO2ePerUnit());
			if (b != null) {
				w.name("differencePerUnit").value(fu.kgCO2ePerUnit() - b.kgCO2ePerUnit());
			}
			w.endObject();
		}
		w.endArray();
		double[] p = run.percentiles();
		w.name("uncertainty");
		if (p == null) {
			w.nullValue();
		} else {
			w.beginObject().name("iterations").value(run.samples().size()).name("mean").value(p[0]).name("p5").value(p[1]);
			w.name("p50").value(p[2]).name("p95").value(p[3]).endObject();
		}
		Double lower = c.lowerThanBaseline(run);
		w.name("pLowerThanBaseline");
		if (lower == null || run == c.baseline()) {
			w.nullValue();
		} else {
			w.value(lower);
		}
		w.name("explanation");
		if (run == c.baseline()) {
			w.nullValue();
		} else {
			FootprintDelta d = delta(c, run);
			w.beginObject();
			w.name("dueToFactors").value(d.dueToFactors()).name("dueToActivities").value(d.dueToActivities());
			w.name("dueToInstruments").value(d.dueToInstruments()).name("added").value(d.added());
			w.name("removed").value(d.removed());
			w.name("changes").beginArray();
			for (FootprintDelta.ContributionChange x : d.changes().stream().limit(EXPLANATION_LIMIT).toList()) {
				w.beginObject().name("element").value(x.key().element()).name("module").value(x.key().module().name());
				w.name("scope").value(x.key().scope().name()).name("description").value(x.key().description());
				w.name("change").value(x.change().name().toLowerCase(java.util.Locale.ROOT));
				w.name("difference").value(x.difference()).name("explanation").value(x.explanation()).endObject();
			}
			w.endArray().endObject();
		}
		w.endObject();
	}

	/**
	 * The comparison as one CSV table ({@link #CSV_HEADER}): per run, its module × scope cells (module D included,
	 * as its own module), a TOTAL row (modules A–C), and a row per functional unit; each with the baseline's figure
	 * and the difference. Numbers in full precision, no grouping.
	 */
	public static String csv(Comparison c) {
		StringBuilder out = new StringBuilder();
		try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
			csv.printRecord((Object[]) CSV_HEADER);
			FootprintResult base = c.baseline().result();
			List<Module> modules = modules(c);
			for (Run run : c.runs()) {
				FootprintResult r = run.result();
				Map<Module, Map<Scope, Double>> table = r.table();
				Map<Module, Map<Scope, Double>> baseTable = base.table();
				for (Module m : modules) {
					for (Scope s : Scope.values()) {
						double v = table.getOrDefault(m, Map.of()).getOrDefault(s, 0.0);
						double b = baseTable.getOrDefault(m, Map.of()).getOrDefault(s, 0.0);
						if (v != 0 || b != 0) {
							row(csv, run.name(), MODULES, m.name(), s.name(), "", v, b);
						}
					}
				}
				row(csv, run.name(), MODULES, "TOTAL", "", "", r.total(), base.total());
				for (String name : functionalUnits(c)) {
					FunctionalUnitResult fu = functionalUnit(run, name);
					FunctionalUnitResult b = functionalUnit(c.baseline(), name);
					if (fu != null) {
						row(csv, run.name(), FUNCTIONAL_UNITS, "TOTAL", "", name, fu.kgCO2ePerUnit(), b == null ? Double.NaN : b.kgCO2ePerUnit());
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static void row(CSVPrinter csv, String run, String table, String module, String scope, String per, double value, double base)
			throws IOException {
		boolean known = !Double.isNaN(base);
		csv.printRecord(run, table, module, scope, per, Num.plain(value), known ? Num.plain(base) : "", known ? Num.plain(value - base) : "",
				known && base != 0 ? Num.fixed(percent(value, base), 2) : "");
	}
}
