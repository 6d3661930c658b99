package org.zerocarbon.evidence.internal;

import java.util.Collection;
import java.util.List;

import org.zerocarbon.core.footprint.FootprintResult;

/** index.html: what the package claims, the methodology, the headline figures, the criteria and every file. */
public final class IndexPage {

	private IndexPage() {
	}

	/**
	 * @param files every other file of the package (index.html and manifest.json are added)
	 */
	public static String render(String version, Computation computation, List<FootprintResult> results, List<Sections.Row> rows,
			Collection<String> files, Git git) {
		FootprintResult.MethodologyRef m = results.get(0).methodology();
		String methodology = m == null ? "" : m.id() + (m.version() == null ? "" : " version " + m.version())
				+ (m.title() == null ? "" : " (" + m.title() + ")");
		StringBuilder html = new StringBuilder(Sections.head("Zero-carbon evidence package"));
		html.append("<h1>Zero-carbon evidence package</h1>\n<h2>What this package claims</h2>\n<p>The carbon footprints below were computed by "
				+ "ZeroCarbon Workbench ").append(Texts.html(version)).append(" from the models in <code>models/</code> (git commit <code>")
				.append(Texts.html(git.commit())).append("</code>, working tree ").append(Texts.html(git.state()))
				.append(") with the methodology <b>").append(Texts.html(methodology)).append("</b>. Recomputing them with "
						+ "<code>zcw evidence verify</code> reproduces the JSON reports byte for byte; every file's SHA-256 is in "
						+ "<a href=\"manifest.json\">manifest.json</a>.</p>\n");
		html.append("<h2>Headline figures</h2>\n<table>\n<tr><th>Subject</th><th>Kind</th><th>kg CO2e, location-based (modules A-C)</th>"
				+ "<th>kg CO2e, market-based</th><th>Scope 2 location-based</th><th>Scope 2 market-based</th><th>Module D</th><th>Reports</th></tr>\n");
		for (FootprintResult r : results) {
			String base = "reports/" + Texts.fileName(r.subject().name());
			html.append("<tr><td>").append(Texts.html(r.subject().name())).append("</td><td>").append(Texts.html(r.subject().kind()))
					.append("</td><td class=\"n\">").append(Texts.kg(r.total())).append("</td><td class=\"n\">").append(Texts.kg(r.totalMarket()))
					.append("</td><td class=\"n\">").append(r.scope2() == null ? "" : Texts.kg(r.scope2().locationBasedKgCO2e()))
					.append("</td><td class=\"n\">").append(r.scope2() == null ? "" : Texts.kg(r.scope2().marketBasedKgCO2e()))
					.append("</td><td class=\"n\">").append(Texts.kg(r.moduleD())).append("</td><td>");
			for (String ext : List.of(".html", ".pdf", ".json", "-modules.csv")) {
				if (files.contains(base + ext)) {
					html.append("<a href=\"").append(Texts.html(base + ext)).append("\">").append(ext.replaceFirst("^[-.]", "")).append("</a> ");
				}
			}
			html.append("</td></tr>\n");
		}
		html.append("</table>\n<h2>Criteria</h2>\n");
		long passed = rows.stream().filter(r -> r.result().status() == FootprintResult.CriterionResult.Status.PASS).count();
		long failed = rows.stream().filter(r -> r.result().status() == FootprintResult.CriterionResult.Status.FAIL).count();
		html.append("<p>").append(rows.size()).append(" criteria: ").append(passed).append(" passed, ").append(failed)
				.append(" failed, ").append(rows.size() - passed - failed).append(" not applicable. The full matrix: "
						+ "<a href=\"criteria/compliance-matrix.html\">HTML</a>, <a href=\"criteria/compliance-matrix.csv\">CSV</a>.</p>\n<table>\n"
						+ "<tr><th>Rule set</th><th>Criterion</th><th>Clause</th><th>Severity</th><th>Result</th><th>Message</th>"
						+ "<th>Evidence (element, file:line)</th></tr>\n");
		rows.forEach(row -> html.append(Sections.matrixRow(row, 4)));
		html.append("</table>\n<h2>Files</h2>\n");
		String section = null;
		for (String file : files) {
			String folder = file.contains("/") ? file.substring(0, file.indexOf('/')) : "";
			if (!folder.equals(section)) {
				html.append(section == null ? "" : "</ul>\n").append("<h3>").append(folder.isEmpty() ? "package" : Texts.html(folder) + "/")
						.append("</h3>\n<ul>\n");
				section = folder;
			}
			html.append("<li><a href=\"").append(Texts.html(file)).append("\">").append(Texts.html(file)).append("</a></li>\n");
		}
		if (section != null) {
			html.append("</ul>\n");
		}
		return html.append("<p><a href=\"manifest.json\">manifest.json</a></p>\n</body>\n</html>\n").toString();
	}
}
