package org.zerocarbon.maven;

import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.zerocarbon.cli.Zcw;

/**
 * A goal that runs one {@code zcw} command on the project's models in the build's JVM, on the plugin's plain class
 * path, with the same exit semantics: exit code 1 (model errors, an unmet criterion of severity error, a footprint
 * increase above the limit; warnings too with {@code werror}) fails the build with a {@link MojoFailureException},
 * exit code 2 (a usage error, such as an unknown report format, or an internal error) with a
 * {@link MojoExecutionException}. Paths in the messages are relative to the project's directory. When none of the
 * configured model paths exists (a module without models), the goal says so and does nothing, as the compiler does
 * without sources.
 */
public abstract class AbstractZcwMojo extends AbstractMojo {

	/** The project's directory: relative paths in the configuration and in messages are relative to it. */
	@Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
	protected File basedir;

	/** Treat warnings as errors ({@code --werror}): a warning fails the build. */
	@Parameter(property = "zerocarbon.werror", defaultValue = "false")
	protected boolean werror;

	/** Print only problems and results, not summaries or progress ({@code --quiet}). */
	@Parameter(property = "zerocarbon.quiet", defaultValue = "false")
	protected boolean quiet;

	/** Print the stack trace of an internal error ({@code --debug}). */
	@Parameter(property = "zerocarbon.debug", defaultValue = "false")
	protected boolean debug;

	/** Skip the ZeroCarbon goals. */
	@Parameter(property = "zerocarbon.skip", defaultValue = "false")
	protected boolean skip;

	/**
	 * The {@code .zc} files and directories (searched recursively, hidden directories skipped); all files are
	 * validated together, so references between them resolve. On the command line a comma-separated list. For
	 * {@code diff} the new side: one file or directory, or a JSON report.
	 */
	@Parameter(property = "zerocarbon.models", defaultValue = "${project.basedir}/src/main/zc", required = true)
	protected List<File> models;

	/** The zcw command of this goal: {@code validate}, {@code report}, {@code check} or {@code diff}. */
	protected abstract String command();

	/** The model paths and then the goal's {@linkplain #options(List) options}; null when there are no models. */
	private List<String> arguments() {
		List<String> arguments = modelPaths();
		if (arguments != null) {
			options(arguments);
		}
		return arguments;
	}

	/** Adds the goal's arguments to the model paths (options after them); none by default. */
	protected void options(List<String> arguments) {
		// validate has none
	}

	/** The model paths, or null (after saying so) when none of them exists. */
	private List<String> modelPaths() {
		List<String> paths = new ArrayList<>();
		for (File model : models) {
			if ((model.isAbsolute() ? model : new File(basedir, model.getPath())).exists()) {
				paths.add(path(model));
			}
		}
		if (paths.isEmpty()) {
			getLog().info("No ZeroCarbon models at " + models + ": nothing to " + command());
			return null;
		}
		return paths;
	}

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (skip) {
			getLog().info("ZeroCarbon " + command() + " skipped (zerocarbon.skip)");
			return;
		}
		List<String> arguments = arguments();
		if (arguments == null) {
			return;
		}
		List<String> argv = new ArrayList<>();
		argv.add(command());
		argv.addAll(arguments);
		if (werror) {
			argv.add("--werror");
		}
		if (quiet) {
			argv.add("--quiet");
		}
		if (debug) {
			argv.add("--debug");
			getLog().debug("zcw " + String.join(" ", argv));
		}
		quietenFontFallbacks();
		ZcwLog log = new ZcwLog(getLog());
		int code;
		try (PrintStream out = new PrintStream(new LineOutputStream(log::out), true, StandardCharsets.UTF_8);
				PrintStream err = new PrintStream(new LineOutputStream(log::err), true, StandardCharsets.UTF_8)) {
			code = new Zcw(out, err, basedir.toPath().toAbsolutePath()).run(argv.toArray(String[]::new));
		}
		switch (code) {
			case Zcw.OK -> { }
			case Zcw.PROBLEMS -> throw new MojoFailureException(failure(log));
			default -> throw new MojoExecutionException("zcw " + command() + " could not run: "
					+ String.join("; ", log.messages())
					+ (debug ? "" : " (run with -Dzerocarbon.debug=true for the stack trace of an internal error)"));
		}
	}

	/**
	 * As {@code zcw} does: PDFBox warns once per font that it falls back to Liberation Sans, which the reports embed
	 * on purpose. Maven's logger reads a logger's level from this system property when the logger is made, so it
	 * works when set before the first PDF; a value the user set wins.
	 */
	private static void quietenFontFallbacks() {
		String key = "org.slf4j.simpleLogger.log.org.apache.pdfbox.pdmodel.font";
		if (System.getProperty(key) == null) {
			System.setProperty(key, "error");
		}
	}

	/** The message of a failed build: zcw's own messages, or its summary line, or the problems above. */
	private String failure(ZcwLog log) {
		List<String> reasons = new ArrayList<>(log.messages());
		if (reasons.isEmpty() && log.summary() != null) {
			reasons.add(log.summary());
		}
		String reason = reasons.isEmpty() ? "see the problems above" : String.join("; ", reasons);
		return "ZeroCarbon " + command() + " failed: " + reason;
	}

	/** Adds {@code option value} when the value is set. */
	protected void option(List<String> arguments, String option, Object value) {
		if (value != null && !value.toString().isBlank()) {
			arguments.add(option);
			arguments.add(value instanceof File file ? path(file) : value.toString());
		}
	}

	/**
	 * A path as zcw gets it: relative to the project's directory when it lies below it, so that messages and the
	 * labels of a diff read {@code src/main/zc} rather than the absolute path.
	 */
	protected String path(File file) {
		Path base = basedir.toPath().toAbsolutePath().normalize();
		Path path = base.resolve(file.toPath()).normalize();
		if (!path.startsWith(base)) {
			return path.toString();
		}
		String relative = base.relativize(path).toString();
		return relative.isEmpty() ? "." : relative;
	}
}
