package org.zerocarbon.lsp;

import java.nio.file.Path;
import java.util.List;

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
}
