package org.zerocarbon.lsp;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Writes the reports of models, as {@code zcw report} does. The command line hands its own report command to the
 * server ({@code zcw lsp}), so that the {@code zerocarbon/report} request and {@code zcw report} share one code path
 * (validation, calculation, diagrams, writers) and the server bundle does not depend on the command line's.
 */
@FunctionalInterface
public interface ReportRunner {

	/**
	 * Validates the model files, computes their lines and parks and writes their reports.
	 *
	 * @param files   the model files (the subjects' files and the libraries they use)
	 * @param formats report formats, e.g. "json", "html" (as {@code zcw report --format} takes them)
	 * @param outDir  the output directory
	 * @return what the run printed (one "wrote &lt;file&gt;" line per file, problems as file:line) and its exit code
	 */
	Result report(List<Path> files, List<String> formats, Path outDir);

	/**
	 * @param exitCode {@code zcw}'s exit code: 0 no errors, 1 problems found, 2 usage or internal error
	 * @param output   what the run printed on its standard output and error
	 */
	record Result(int exitCode, String output) {
	}

	/**
	 * A runner of the command line's {@code report} command, e.g. {@code command((stream, argv) -> new Zcw(stream,
	 * stream, dir).run(argv))}: it is called with {@code report --format <formats> --out <dir> <files...>} and a
	 * stream that collects what it prints.
	 */
	static ReportRunner command(ToIntBiFunction<PrintStream, String[]> zcw) {
		return (files, formats, outDir) -> {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream();
			List<String> argv = new ArrayList<>(List.of("report", "--format", String.join(",", formats), "--out", outDir.toString()));
			files.forEach(file -> argv.add(file.toString()));
			int code;
			try (PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
				code = zcw.applyAsInt(stream, argv.toArray(String[]::new));
			}
			return new Result(code, buffer.toString(StandardCharsets.UTF_8));
		};
	}
}
