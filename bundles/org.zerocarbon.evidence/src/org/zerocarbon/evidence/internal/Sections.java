package org.zerocarbon.evidence.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.core.footprint.FootprintResult.Share;

/** The compliance matrix, the measured-data tables and the factor provenance of a package. */
public final class Sections {

	private Sections() {
	}

	/** One row of the compliance matrix. */
	public record Row(String ruleSet, CriterionResult result, List<String> evidence) {
	}

	/** {@code element (models/file.zc:line)} for each evidence element, failing ones first marked "FAIL". */
	public static List<String> evidence(CriterionResult result, ResourceSet resources, Path root) {
		List<String> out = new ArrayList<>();
		for (Evidence e : result.evidence()) {
			out.add((e.satisfied() ? "" : "FAIL ") + e.element() + " (" + location(e.elementUri(), resources, root) + ")"
					+ (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail()));
		}
		return out;
	}

	/** {@code models/path:line} of an element from its URI, or "?" */
	public static String location(String elementUri, ResourceSet resources, Path root) {
		if (elementUri == null) {
			return "?";
		}
		URI uri = URI.createURI(elementUri);
		EObject element = resources.getEObject(uri, false);
		int line = Computation.line(element);
		String file = uri.trimFragment().isFile() ? relative(Path.of(uri.trimFragment().toFileString()), root) : uri.trimFragment().toString();
		return file + (line > 0 ? ":" + line : "");
	}

	/** The package path of a file below the root. */
	public static String relative(Path file, Path root) {
		Path abs = file.toAbsolutePath().normalize();
		return abs.startsWith(root) ? "models/" + root.relativize(abs).toString().replace('\\', '/') : abs.toString();
	}

	/** criteria/compliance-matrix.csv */
	public static String matrixCsv(List<Row> rows) {
		List<List<?>> out = new ArrayList<>();
		for (Row row : rows) {
			CriterionResult r = row.result();
			out.add(List.of(row.ruleSet(), r.id(), nz(r.title()), nz(r.clause()), nz(r.severity()), r.status().name(), nz(r.message()),
					String.join("; ", row.evidence())));
		}
		return Texts.csv(List.of("rule_set", "criterion", "title", "clause", "severity", "result", "message", "evidence"), out);
	}

	/** criteria/compliance-matrix.html */
	public static String matrixHtml(List<Row> rows) {
		StringBuilder html = new StringBuilder(head("Compliance matrix"));
		html.append("<h1>Compliance matrix</h1>\n<table>\n<tr><th>Rule set</th><th>Criterion</th><th>Clause</th><th>Severity</th>"
				+ "<th>Result</th><th>Message</th><th>Evidence (element, file:line)</th></tr>\n");
		for (Row row : rows) {
			html.append(matrixRow(row, 12));
		}
		return html.append("</table>\n</body>\n</html>\n").toString();
	}

	/** One table row of the matrix (also used in index.html), with at most {@code limit} evidence lines, failing ones first. */
	public static String matrixRow(Row row, int limit) {
		CriterionResult r = row.result();
		StringBuilder html = new StringBuilder("<tr class=\"").append(r.status().name().toLowerCase(java.util.Locale.ROOT)).append("\"><td>")
				.append(Texts.html(row.ruleSet().substring(row.ruleSet().lastIndexOf('.') + 1))).append("</td><td>")
				.append(Texts.html(r.id().substring(r.id().lastIndexOf('.') + 1)))
				.append(r.title() == null || r.id().endsWith(r.title()) ? "" : "<br><small>" + Texts.html(r.title()) + "</small>").append("</td><td>")
				.append(Texts.html(r.clause())).append("</td><td>").append(Texts.html(r.severity())).append("</td><td><b>")
				.append(r.status().name()).append("</b></td><td>").append(Texts.html(r.message())).append("</td><td>");
		int shown = 0;
		List<String> failingFirst = new ArrayList<>(row.evidence().stream().filter(e -> e.startsWith("FAIL ")).toList());
		row.evidence().stream().filter(e -> !e.startsWith("FAIL ")).forEach(failingFirst::add);
		for (String e : failingFirst) {
			if (shown++ == limit) {
				html.append("... ").append(row.evidence().size() - limit).append(" more (see the CSV)<br>");
				break;
			}
			html.append(Texts.html(e)).append("<br>");
		}
		return html.append("</td></tr>\n").toString();
	}

	/** measured/meters.csv and, per meter, its days, states and programs, units in the headers. */
	public static SortedMap<String, String> measured(List<FootprintResult> results, Path root) {
		SortedMap<String, String> files = new TreeMap<>();
		Map<String, Measurement> meters = new TreeMap<>();
		for (FootprintResult result : results) {
			for (Measurement m : result.measurements()) {
				meters.putIfAbsent(m.meter(), m);
			}
		}
		if (meters.isEmpty()) {
			return files;
		}
		List<List<?>> summary = new ArrayList<>();
		for (Measurement m : meters.values()) {
			String base = Texts.fileName(m.meter());
			summary.add(List.of(m.meter(), nz(m.element()), nz(m.scope()), Computation.relocate(nz(m.source()), root), nz(m.from()),
					nz(m.to()), m.samples(), Texts.num(m.kWh()), Texts.num(m.coverage()), Texts.num(m.longestGapHours()), nz(m.longestGapStart()),
					Texts.num(m.intervalSeconds()), m.parts(), Texts.num(m.kWhPerPart()), Texts.num(m.annualKWh()), m.stale(),
					Computation.relocate(String.join(" | ", m.problems()), root)));
			List<List<?>> days = new ArrayList<>();
			m.days().forEach(d -> days.add(List.of(d.date(), Texts.num(d.kWh()))));
			files.put("measured/" + base + "-per-day.csv", Texts.csv(List.of("date", "energy [kWh]"), days));
			files.put("measured/" + base + "-per-state.csv", shares("state", m.states()));
			if (!m.programs().isEmpty()) {
				files.put("measured/" + base + "-per-operation.csv", shares("program", m.programs()));
			}
		}
		files.put("measured/meters.csv", Texts.csv(List.of("meter", "element", "scope", "source", "from [ISO instant]", "to [ISO instant]",
				"samples [count]", "energy [kWh]", "coverage [ratio 0..1]", "longest gap [h]", "longest gap start [ISO instant]",
				"sampling interval [s]", "parts [count]", "energy per part [kWh/part]", "B6 electricity per year [kWh/a]", "stale",
				"data problems"), summary));
		return files;
	}

	private static String shares(String kind, List<Share> shares) {
		List<List<?>> rows = new ArrayList<>();
		shares.forEach(s -> rows.add(List.of(s.name(), Texts.num(s.hours()), Texts.num(s.kWh()), s.parts())));
		return Texts.csv(List.of(kind, "time [h]", "energy [kWh]", "parts [count]"), rows);
	}

	/** provenance/factors.csv: every factor the results used, once, sorted by name. */
	public static String factors(List<FootprintResult> results) {
		Map<String, FactorProvenance> factors = new TreeMap<>();
		for (FootprintResult result : results) {
			for (FactorProvenance f : result.factors()) {
				factors.putIfAbsent(f.name() + "|" + f.unit() + "|" + f.region() + "|" + f.year(), f);
			}
		}
		List<List<?>> rows = new ArrayList<>();
		for (FactorProvenance f : factors.values()) {
			rows.add(List.of(f.name(), Texts.num(f.value()), nz(f.unit()), nz(f.region()), f.year() == null ? "" : f.year(), nz(f.source()),
					nz(f.licence())));
		}
		return Texts.csv(List.of("factor", "value [kg CO2e per unit]", "unit", "region", "year", "source", "licence"), rows);
	}

	/** The start of a small self-contained HTML page. */
	public static String head(String title) {
		return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + Texts.html(title) + "</title>\n<style>\n"
				+ "body{font-family:sans-serif;margin:2em;max-width:70em;color:#222}table{border-collapse:collapse;margin:1em 0}"
				+ "td,th{border:1px solid #bbb;padding:.3em .5em;vertical-align:top;text-align:left;font-size:90%;overflow-wrap:break-word}"
				+ "th{background:#eef}td:last-child{font-size:80%;min-width:24em}"
				+ "tr.pass td:nth-child(5){color:#060}tr.fail td:nth-child(5){color:#a00}td.n{text-align:right}code{font-size:90%}\n"
				+ "</style>\n</head>\n<body>\n";
	}

	static String nz(String text) {
		return text == null ? "" : text;
	}
}
