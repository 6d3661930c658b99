package org.zerocarbon.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.maven.plugin.logging.Log;

/**
 * What zcw prints, as Maven log lines: a problem ({@code file:line:column: error: message [code]}) at its severity's
 * level, an unmet criterion of {@code zcw check} at its severity's level (with the lines naming the failing
 * elements), everything else as information. zcw's own messages ({@code zcw: ...} on its error stream, such as
 * "the models have errors" or "the footprint of X grew by 9.88 %") are kept for the build's failure message.
 */
final class ZcwLog {

	/** {@code path[:line[:column]]: severity: message [code]}, as org.zerocarbon.cli.Zcw formats problems. */
	private static final Pattern PROBLEM = Pattern.compile("\\S.*?: (error|warning|info): .*");
	/** A line of {@code zcw check}: {@code "  FAIL error   Rules.Metered: ..."}. */
	private static final Pattern FAILED_CRITERION = Pattern.compile("\\s+FAIL (error|warning)\\b.*");
	/** The element lines under a failed criterion, indented further. */
	private static final Pattern CONTINUATION = Pattern.compile("\\s{5,}\\S.*");
	/** zcw's hints for the terminal; the Maven goal says how to get the same in its own terms. */
	private static final Pattern TERMINAL_HINT = Pattern.compile("Run 'zcw help' for usage\\.|Run again with --debug.*");

	private enum Level {
		ERROR, WARN, INFO
	}

	private final Log log;
	private final List<String> messages = new ArrayList<>();
	private String summary;
	private Level criterionLevel = Level.INFO;

	ZcwLog(Log log) {
		this.log = log;
	}

	/** A line of zcw's output stream. */
	synchronized void out(String line) {
		if (line.matches("\\d+ files? checked: .*") || line.matches("\\d+ criteri(a|on): .*")) {
			summary = line;
		}
		var problem = PROBLEM.matcher(line);
		var criterion = FAILED_CRITERION.matcher(line);
		if (problem.matches()) {
			criterionLevel = Level.INFO;
			print(level(problem.group(1)), line);
		} else if (criterion.matches()) {
			criterionLevel = level(criterion.group(1));
			print(criterionLevel, line);
		} else if (CONTINUATION.matcher(line).matches()) {
			print(criterionLevel, line);
		} else {
			criterionLevel = Level.INFO;
			print(Level.INFO, line);
		}
	}

	/** A line of zcw's error stream: progress, problems of the calculation, and zcw's own messages. */
	synchronized void err(String line) {
		if (TERMINAL_HINT.matcher(line).matches()) {
			return;
		}
		if (line.startsWith("zcw: ")) {
			messages.add(line.substring("zcw: ".length()));
			print(Level.WARN, line);
		} else {
			out(line);
		}
	}

	/** zcw's own messages of this run ({@code zcw: } taken off), in order. */
	synchronized List<String> messages() {
		return List.copyOf(messages);
	}

	/** The last summary line zcw printed ({@code 3 files checked: 1 error, 0 warnings}), or null. */
	synchronized String summary() {
		return summary;
	}

	private static Level level(String severity) {
		return switch (severity) {
			case "error" -> Level.ERROR;
			case "warning" -> Level.WARN;
			default -> Level.INFO;
		};
	}

	private void print(Level level, String line) {
		switch (level) {
			case ERROR -> log.error(line);
			case WARN -> log.warn(line);
			default -> log.info(line);
		}
	}
}
