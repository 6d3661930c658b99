package org.zerocarbon.report;

import java.time.LocalDate;

import org.zerocarbon.core.footprint.FootprintResult;

/**
 * Options of a report. The defaults give deterministic output: no date, no baseline. Immutable; the
 * {@code with...} methods return a changed copy.
 *
 * @param baseName  file name without extension, e.g. "footprint" gives footprint.json, footprint.html...
 * @param title     document title; null for "Carbon footprint of &lt;subject&gt;"
 * @param date      date printed on the title page and in the JSON; null (the default) prints none, so that the
 *                  same result always gives the same bytes
 * @param baseline  an earlier result to compare against: the reports then include the {@link FootprintDelta};
 *                  null for none
 * @param baselineLabel how to name the baseline in the delta, e.g. "main" or "baseline.json"; null for "baseline"
 * @param diagramSvg an inline SVG diagram of the subject (see {@code org.zerocarbon.diagram.DiagramSvg#inline}) to show
 *                   in the HTML report; null for none. The PDF leaves it out: its SVG drawer handles charts only.
 */
public record ReportOptions(String baseName, String title, LocalDate date, FootprintResult baseline, String baselineLabel,
		String diagramSvg) {

	/** The default base name of report files. */
	public static final String DEFAULT_BASE_NAME = "footprint";

	public ReportOptions {
		if (baseName == null || baseName.isBlank()) {
			baseName = DEFAULT_BASE_NAME;
		}
		if (baseName.contains("/") || baseName.contains("\\")) {
			throw new IllegalArgumentException("The report base name '" + baseName + "' must be a file name, not a path");
		}
	}

	/** Deterministic defaults: base name "footprint", no date, no baseline. */
	public static ReportOptions defaults() {
		return new ReportOptions(DEFAULT_BASE_NAME, null, null, null, null, null);
	}

	/** A copy with another base name for the files. */
	public ReportOptions withBaseName(String name) {
		return new ReportOptions(name, title, date, baseline, baselineLabel, diagramSvg);
	}

	/** A copy with a document title. */
	public ReportOptions withTitle(String newTitle) {
		return new ReportOptions(baseName, newTitle, date, baseline, baselineLabel, diagramSvg);
	}

	/** A copy that prints this date (the report is then only as deterministic as the date). */
	public ReportOptions withDate(LocalDate newDate) {
		return new ReportOptions(baseName, title, newDate, baseline, baselineLabel, diagramSvg);
	}

	/** A copy that compares against a baseline result, e.g. one read back with {@link JsonReport#read}. */
	public ReportOptions withBaseline(FootprintResult newBaseline, String label) {
		return new ReportOptions(baseName, title, date, newBaseline, label, diagramSvg);
	}

	/** A copy that shows this inline SVG diagram of the subject in the HTML report. */
	public ReportOptions withDiagram(String svg) {
		return new ReportOptions(baseName, title, date, baseline, baselineLabel, svg);
	}

	/** The delta against the baseline, or null when there is none. */
	public FootprintDelta delta(FootprintResult current) {
		return baseline == null ? null : FootprintDelta.between(baseline, current).withLabels(baselineLabel == null ? "baseline" : baselineLabel, "current");
	}

	/** The title to print for a result. */
	public String titleFor(FootprintResult result) {
		if (title != null && !title.isBlank()) {
			return title;
		}
		String subject = result.subject() == null ? "unnamed subject" : result.subject().name();
		return "Carbon footprint of " + subject;
	}
}
