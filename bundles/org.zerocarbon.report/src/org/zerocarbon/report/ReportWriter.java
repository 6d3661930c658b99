package org.zerocarbon.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.core.footprint.FootprintResult;

/**
 * The one entry point for writing reports, used by the CLI ({@code zcw report}), the workspace builder and the
 * tests.
 * <p>
 * Every file is written atomically: to a temporary file in the output directory, then moved over the target
 * with {@link StandardCopyOption#ATOMIC_MOVE}. A reader (a browser, a CI job, the next build) therefore sees
 * either the old report or the new one, never half a file; on failure or cancellation the temporary file is
 * removed and the old report stays.
 * <p>
 * All formats are byte-identical for the same result and options (see {@link ReportOptions}).
 *
 * <pre>{@code
 * List<Path> files = ReportWriter.write(result, EnumSet.allOf(ReportFormat.class), Path.of("target/reports"),
 *         ReportOptions.defaults().withBaseName("housing-cell"), monitor);
 * }</pre>
 */
public final class ReportWriter {

	private ReportWriter() {
	}

	/**
	 * Writes the reports of one result.
	 *
	 * @param result  the footprint
	 * @param formats which formats; CSV gives two files, plus one for a breakdown by equipment (lines), one for the
	 *                electricity supply by instrument and one for the findings, when the result has them
	 * @param outDir  the output directory, created if missing
	 * @param options base name, title, date, baseline
	 * @param monitor progress and cancellation (the PDF is the long part); may be null
	 * @return the files written, in the order JSON, CSV, HTML, PDF
	 * @throws IOException                when a file cannot be written (earlier files of this call stay written)
	 * @throws OperationCanceledException when cancelled; files already moved into place stay
	 */
	public static List<Path> write(FootprintResult result, Set<ReportFormat> formats, Path outDir, ReportOptions options,
			IProgressMonitor monitor) throws IOException {
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(outDir, "outDir");
		ReportOptions opts = options == null ? ReportOptions.defaults() : options;
		Set<ReportFormat> todo = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
		SubMonitor progress = SubMonitor.convert(monitor, "Writing reports of " + (result.subject() == null ? "footprint" : result.subject().name()),
				1 + 10 * todo.size());
		Files.createDirectories(outDir);
		FootprintResult r = result.normalized();
		progress.split(1);
		List<Path> written = new ArrayList<>();
		String base = opts.baseName();
		for (ReportFormat format : todo) {
			switch (format) {
			case JSON -> {
				written.add(writeAtomically(outDir.resolve(base + ".json"), JsonReport.write(r, opts)));
				progress.split(10);
			}
			case CSV -> {
				written.add(writeAtomically(outDir.resolve(base + "-modules.csv"), CsvReport.moduleTable(r)));
				written.add(writeAtomically(outDir.resolve(base + "-contributions.csv"), CsvReport.contributions(r)));
				if (!r.equipment().isEmpty()) {
					written.add(writeAtomically(outDir.resolve(base + "-equipment.csv"), CsvReport.equipment(r)));
				}
				if (!r.instruments().isEmpty()) {
					written.add(writeAtomically(outDir.resolve(base + "-instruments.csv"), CsvReport.instruments(r)));
				}
				if (!r.findings().isEmpty()) {
					written.add(writeAtomically(outDir.resolve(base + "-findings.csv"), CsvReport.findings(r)));
				}
				progress.split(10);
			}
			case HTML -> {
				written.add(writeAtomically(outDir.resolve(base + ".html"), HtmlReport.render(r, opts)));
				progress.split(10);
			}
			case PDF -> {
				ByteArrayOutputStream pdf = new ByteArrayOutputStream();
				PdfReport.render(r, opts, pdf, progress.split(9));
				written.add(writeAtomically(outDir.resolve(base + ".pdf"), pdf.toByteArray()));
				progress.split(1);
			}
			}
		}
		return written;
	}

	/** Writes text as UTF-8, atomically. */
	public static Path writeAtomically(Path target, String text) throws IOException {
		return writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Writes bytes atomically: a temporary file in the target's directory, then an atomic move over the target.
	 *
	 * @return the target
	 */
	public static Path writeAtomically(Path target, byte[] bytes) throws IOException {
		Path dir = target.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			Files.write(tmp, bytes);
			// createTempFile makes the file private (rw-------); a report is meant to be read by the team and CI.
			if (Files.getFileStore(tmp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
				Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
			}
			try {
				Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				// Some file systems (e.g. certain network mounts) cannot; a plain replace is the best they offer.
				Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(tmp);
		}
		return target;
	}
}
