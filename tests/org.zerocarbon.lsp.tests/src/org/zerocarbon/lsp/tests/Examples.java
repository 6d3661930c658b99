package org.zerocarbon.lsp.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.zerocarbon.cli.Zcw;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.report.JsonReport;

/** The example projects of the repository, copied to a temporary directory so that tests may change them. */
final class Examples {

	private Examples() {
	}

	static Path source() {
		String dir = System.getProperty("zc.examples");
		Path path = dir == null ? Path.of("../../examples") : Path.of(dir);
		if (!Files.isDirectory(path.resolve("housing-cell"))) {
			throw new IllegalStateException("examples not found at " + path.toAbsolutePath() + " (system property zc.examples)");
		}
		return path.toAbsolutePath().normalize();
	}

	/**
	 * The footprint of the line Cell as {@code zcw report --format json --iterations 0 housing-cell zc-library}
	 * computes it in {@code workspace} (a copy made by {@link #copyTo}), read back from the JSON report.
	 *
	 * @param clean whether the run must find no problems (exit code 0); otherwise warnings and errors are allowed
	 */
	static FootprintResult cellByCli(Path workspace, boolean clean) throws IOException {
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		PrintStream stream = new PrintStream(printed, true, StandardCharsets.UTF_8);
		Path out = workspace.resolve("cli-out");
		int code = new Zcw(stream, stream, workspace).run("report", "--format", "json", "--iterations", "0", "--out", out.toString(), "housing-cell",
				"zc-library");
		if (clean ? code != 0 : code > 1) {
			throw new AssertionError("zcw report exited with " + code + ":\n" + printed.toString(StandardCharsets.UTF_8));
		}
		return JsonReport.read(LanguageServerSessionTest.cellReport(out));
	}

	/** Copies examples/housing-cell and examples/zc-library into {@code target}. */
	static void copyTo(Path target) {
		Path source = source();
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path relative = source.relativize(file);
				if (!relative.toString().isEmpty() && !relative.startsWith("housing-cell") && !relative.startsWith("zc-library")) {
					continue;
				}
				Path copy = target.resolve(relative.toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
