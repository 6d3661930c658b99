package org.zerocarbon.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;

/**
 * Marks the reports in {@code reports/} as stale while the project's models have errors: the builder then computes
 * nothing, so the reports of the last good build stay (they are still useful) but must not be mistaken for current.
 * <ul>
 * <li>{@code reports/STALE.txt} says so, with the number of errors and the time of the last good build;</li>
 * <li>every generated HTML report gets a banner saying the same, right after {@code <body>}, between
 * {@code <!-- zcw:stale -->} comments (replaced on the next marking, so it never piles up).</li>
 * </ul>
 * JSON, CSV and PDF reports are left byte for byte as the last good build wrote them: tools that read them compare
 * them, and {@code STALE.txt} beside them is the mark. The next build without errors rewrites every report and
 * removes {@code STALE.txt} (it is a derived file the build did not write). Files are written atomically (a temporary
 * file, then a move), so a reader never sees half a report.
 */
public final class StaleReports {

	/** The marker file's name in {@code reports/}. */
	public static final String MARK = "STALE.txt";
	private static final String BEGIN = "<!-- zcw:stale -->";
	private static final String END = "<!-- /zcw:stale -->";
	private static final Pattern LAST_GOOD = Pattern.compile("^Last good build: (\\S+)$", Pattern.MULTILINE);
	private static final Pattern ERRORS = Pattern.compile("the model has (\\d+) errors?");

	/**
	 * The stale mark of a project's reports.
	 *
	 * @param errors        errors in the project's models when it was marked
	 * @param lastGoodBuild when the reports were written, or null when unknown
	 */
	public record Mark(int errors, Instant lastGoodBuild) {
		/** "Reports are stale: the model has 2 errors (last good build 2026-12-02 19:40 UTC)". */
		public String text() {
			return "Reports are stale: the model has " + errors + (errors == 1 ? " error" : " errors")
					+ (lastGoodBuild == null ? "" : " (last good build " + readable(lastGoodBuild) + ")");
		}
	}

	private StaleReports() {
	}

	/** The mark of a project's reports, or null when they are current (or there are none). */
	public static Mark of(IProject project) {
		IFile mark = project.getFolder(ReportStage.REPORTS_FOLDER).getFile(MARK);
		if (mark.getLocation() == null || !Files.isRegularFile(mark.getLocation().toFile().toPath())) {
			return null;
		}
		try {
			return parse(Files.readString(mark.getLocation().toFile().toPath(), StandardCharsets.UTF_8));
		} catch (IOException e) {
			return new Mark(0, null);
		}
	}

	/**
	 * Marks the project's generated reports as stale. Does nothing when there are no generated reports; a report a
	 * user put into {@code reports/} (not derived) is never touched.
	 */
	static void mark(IProject project, int errors) throws CoreException {
		IFolder folder = project.getFolder(ReportStage.REPORTS_FOLDER);
		if (!folder.exists() || folder.getLocation() == null) {
			return;
		}
		Instant lastGood = null;
		boolean any = false;
		for (IResource member : folder.members()) {
			if (member instanceof IFile file && file.isDerived() && !MARK.equals(file.getName())) {
				any = true;
				Instant written = Instant.ofEpochMilli(file.getLocalTimeStamp());
				if (!"html".equals(file.getFileExtension()) && (lastGood == null || written.isAfter(lastGood))) {
					lastGood = written; // the HTML reports' times change with their banner; the others keep the build's
				}
			}
		}
		if (!any) {
			return;
		}
		Mark previous = of(project);
		if (previous != null && previous.lastGoodBuild() != null) {
			lastGood = previous.lastGoodBuild();
		}
		Mark mark = new Mark(errors, lastGood == null ? null : lastGood.truncatedTo(ChronoUnit.SECONDS));
		try {
			Path directory = folder.getLocation().toFile().toPath();
			write(directory.resolve(MARK), text(mark));
			for (IResource member : folder.members()) {
				if (member instanceof IFile file && file.isDerived() && "html".equals(file.getFileExtension())) {
					Path html = file.getLocation().toFile().toPath();
					write(html, withBanner(Files.readString(html, StandardCharsets.UTF_8), mark));
				}
			}
		} catch (IOException e) {
			// the reports stay as they are; the Footprint view still says they are stale
			ILog.of(StaleReports.class).warn("Cannot mark the reports of " + project.getName() + " as stale: " + e.getMessage(), e);
		}
		folder.refreshLocal(IResource.DEPTH_ONE, null);
		IFile markFile = folder.getFile(MARK);
		if (markFile.exists()) {
			markFile.setDerived(true, null);
		}
	}

	/** The text of {@code STALE.txt}. */
	static String text(Mark mark) {
		return mark.text() + ".\n"
				+ "The reports in this folder are those of the last build without errors; the next build without errors replaces them"
				+ " and removes this file.\n"
				+ (mark.lastGoodBuild() == null ? "" : "Last good build: " + mark.lastGoodBuild() + "\n");
	}

	static Mark parse(String text) {
		Matcher errors = ERRORS.matcher(text);
		Matcher lastGood = LAST_GOOD.matcher(text);
		Instant at = null;
		if (lastGood.find()) {
			try {
				at = Instant.parse(lastGood.group(1));
			} catch (java.time.format.DateTimeParseException e) {
				at = null;
			}
		}
		return new Mark(errors.find() ? Integer.parseInt(errors.group(1)) : 0, at);
	}

	/**
	 * The HTML with the stale banner after {@code <body>} (an earlier banner replaced); unchanged when it has no
	 * {@code <body>} tag.
	 */
	public static String withBanner(String html, Mark mark) {
		String clean = withoutBanner(html);
		int body = clean.indexOf("<body");
		int open = body < 0 ? -1 : clean.indexOf('>', body);
		if (open < 0) {
			return clean;
		}
		String banner = BEGIN + "<div style=\"background:#fff3cd;border:2px solid #b58100;color:#5c4100;padding:8px 12px;"
				+ "margin:0 0 12px 0;font-weight:bold\">" + escape(mark.text())
				+ ". These figures are from that build; fix the errors and build again to update them.</div>" + END;
		return clean.substring(0, open + 1) + banner + clean.substring(open + 1);
	}

	/** The HTML without a stale banner. */
	public static String withoutBanner(String html) {
		int begin = html.indexOf(BEGIN);
		int end = begin < 0 ? -1 : html.indexOf(END, begin);
		return end < 0 ? html : html.substring(0, begin) + html.substring(end + END.length());
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** "2026-12-02 19:40 UTC". */
	static String readable(Instant instant) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(instant);
	}

	private static void write(Path target, String text) throws IOException {
		org.zerocarbon.report.ReportWriter.writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
	}
}
