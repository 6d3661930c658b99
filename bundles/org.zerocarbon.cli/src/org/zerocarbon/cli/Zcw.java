package org.zerocarbon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.CriteriaChecker;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.diagram.DiagramSvg;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.report.FootprintDelta;
import org.zerocarbon.report.JsonReport;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.report.ReportOptions;
import org.zerocarbon.report.ReportWriter;
import org.zerocarbon.report.ResultProblems;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;

/**
 * The {@code zcw} command line: the headless face of the workbench for terminals and CI.
 * <p>
 * Exit codes: {@value #OK} when no error was found, {@value #PROBLEMS} when errors were found (or warnings, with
 * {@code --werror}; or an unmet criterion of severity error; or a finding of severity error of the footprint
 * calculation; or a footprint increase above
 * {@code --max-increase}), {@value #USAGE} for a usage error or an internal failure. Problems are printed one per
 * line as {@code file:line:column: severity: message [code]}, the format editors and CI annotators recognise.
 */
public final class Zcw {

	public static final int OK = 0;
	public static final int PROBLEMS = 1;
	public static final int USAGE = 2;

	static final String USAGE_TEXT = ZcwUsage.TEXT;


	private static final Set<String> VALUED = Set.of("--methodology", "--format", "--out", "--iterations", "--seed", "--baseline",
			"--max-increase", "--into", "--subject", "--unit", "--per", "--sign", "--alias", "--password-env", "--scenarios", "--raw-day", "--loop");

	private final PrintStream out;
	private final PrintStream err;
	private final Path workingDirectory;

	/**
	 * @param out              where results go
	 * @param err              where usage errors and progress go
	 * @param workingDirectory relative paths in arguments and output are relative to it
	 */
	public Zcw(PrintStream out, PrintStream err, Path workingDirectory) {
		this.out = out;
		this.err = err;
		this.workingDirectory = workingDirectory;
	}

	/** Runs one command and returns the process exit code. Never throws. */
	public int run(String... args) {
		boolean debug = List.of(args).contains("--debug");
		try {
			return dispatch(args);
		} catch (UsageException e) {
			err.println("zcw: " + e.getMessage());
			err.println("Run 'zcw help' for usage.");
			return USAGE;
		} catch (CalculationException e) {
			err.println(e.element() == null || e.element().eResource() == null ? "zcw: " + e.getMessage()
					: format(Problem.at(e.element(), Problem.Severity.ERROR, "org.zerocarbon.core.calculation", e.getMessage())));
			return PROBLEMS;
		} catch (RuntimeException | LinkageError e) {
			err.println("zcw: internal error: " + e);
			if (debug) {
				e.printStackTrace(err);
			} else {
				err.println("Run again with --debug for details, and please report it.");
			}
			return USAGE;
		}
	}

	/** Parsed command line. */
	private static final class Args {
		String command;
		final List<String> paths = new ArrayList<>();
		final Map<String, String> values = new LinkedHashMap<>();
		boolean werror;
		boolean quiet;

		String value(String option, String fallback) {
			return values.getOrDefault(option, fallback);
		}

		long number(String option, long fallback) {
			String text = values.get(option);
			if (text == null) {
				return fallback;
			}
			try {
				return Long.parseLong(text);
			} catch (NumberFormatException e) {
				throw new UsageException(option + " needs a whole number, not '" + text + "'");
			}
		}
	}

	private int dispatch(String[] raw) {
		Args args = new Args();
		for (int i = 0; i < raw.length; i++) {
			String arg = raw[i];
			if (VALUED.contains(arg)) {
				if (i + 1 >= raw.length) {
					throw new UsageException(arg + " needs a value");
				}
				args.values.put(arg, raw[++i]);
				continue;
			}
			switch (arg) {
				case "--werror" -> args.werror = true;
				case "--quiet", "-q" -> args.quiet = true;
				case "--debug" -> { /* handled in run */ }
				case "--version" -> {
					out.println("zcw " + version());
					return OK;
				}
				case "help", "--help", "-h" -> {
					out.print(USAGE_TEXT);
					return OK;
				}
				default -> {
					if (arg.startsWith("-")) {
						throw new UsageException("unknown option '" + arg + "'");
					} else if (args.command == null) {
						args.command = arg;
					} else {
						args.paths.add(arg);
					}
				}
			}
		}
		if (args.command == null) {
			throw new UsageException("no command given");
		}
		return switch (args.command) {
			case "validate" -> validate(args);
			case "report" -> report(args);
			case "check" -> check(args);
			case "diff" -> diff(args);
			case "import-epd", "import-olca", "export-epd", "export-olca" -> new InteropCommands(out, err, workingDirectory).run(args.command,
					args.paths, args.values, paths -> java.util.Optional.ofNullable(loadValid(paths, args, args.command))
							.map(loaded -> compute(loaded, args).stream().map(Computed::result).toList()).orElse(null));
			case "evidence" -> new EvidenceCommand(out, err, workingDirectory).run(args.paths, args.values, args.quiet);
			case "lsp" -> org.zerocarbon.lsp.ZcLanguageServer.serve(System.in, out, err, org.zerocarbon.lsp.ReportRunner.command((stream, argv) -> new Zcw(stream, stream, workingDirectory).run(argv)));
			default -> throw new UsageException("unknown command '" + args.command + "'");
		};
	}

	/**
	 * What the workbench's builder marks, printed: the models' problems and, when they have no error, what their
	 * footprints (computed without Monte Carlo) and criteria say ({@link ResultProblems}, the builder's conversion).
	 */
	private int validate(Args args) {
		List<Path> files = modelFiles(args.paths, "validate");
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris(files), () -> false);
		List<Problem> problems = new ArrayList<>(loaded.problems());
		if (loaded.hasNoErrors()) {
			problems.addAll(computedProblems(loaded, args));
		}
		return printProblems(files.size(), problems, args) ? PROBLEMS : OK;
	}

	/**
	 * The findings of every line's and park's footprint and the unmet criteria, as problems, each once (a finding
	 * about an element several subjects share is found for each). Models without a methodology get no footprint (as
	 * in the workbench, where that is a note on the line); a footprint that cannot be computed is an error.
	 */
	private List<Problem> computedProblems(ModelValidation.Loaded loaded, Args args) {
		ModelSet models = new ModelSet(loaded.resourceSet());
		java.util.LinkedHashSet<Problem> problems = new java.util.LinkedHashSet<>();
		Methodology methodology = null;
		try {
			methodology = models.subjects().isEmpty() ? null : models.footprintMethodology(args.values.get("--methodology"));
		} catch (CalculationException e) {
			// no (usable) methodology among the files: the workbench notes that on the line; here nothing is computed
		}
		if (methodology != null) {
			FootprintCalculator calculator = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC, measurements);
			for (EObject subject : models.subjects()) {
				try {
					problems.addAll(ResultProblems.findings(calculator.calculate(subject, methodology, null), subject, e -> true));
				} catch (CalculationException e) {
					EObject at = e.element() != null && e.element().eResource() != null ? e.element() : subject;
					problems.add(Problem.at(at, Problem.Severity.ERROR, ResultProblems.CALCULATION_FAILED,
							"Cannot compute the footprint of " + ModelSet.nameOf(subject) + ": " + e.getMessage()));
				}
			}
		}
		for (CriterionResult result : new CriteriaChecker(measurements).check(models.ruleSets(null), loaded.resourceSet())) {
			problems.addAll(ResultProblems.criterion(result, loaded.resourceSet(), e -> true));
		}
		return List.copyOf(problems);
	}

	/** Prints the problems (and a summary); true when they should fail the run. */
	private boolean printProblems(int fileCount, List<Problem> problems, Args args) {
		int errors = 0;
		int warnings = 0;
		for (Problem problem : problems) {
			out.println(format(problem));
			switch (problem.severity()) {
				case ERROR -> errors++;
				case WARNING -> warnings++;
				default -> { }
			}
		}
		if (!args.quiet) {
			out.println(summary(fileCount, errors, warnings));
		}
		return errors > 0 || (args.werror && warnings > 0);
	}

	/** Loads and validates; returns null (after printing the problems) when the models have errors. */
	private ModelValidation.Loaded loadValid(List<String> paths, Args args, String command) {
		List<Path> files = modelFiles(paths, command);
		progress(args, "Loading " + count(files.size(), "model file") + "...");
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris(files), () -> false);
		boolean failed = !loaded.hasNoErrors();
		if (failed || !loaded.problems().isEmpty()) {
			printProblems(files.size(), loaded.problems(), args);
		}
		if (failed) {
			err.println("zcw: the models have errors; fix them first (nothing was computed).");
			return null;
		}
		return loaded;
	}

	private int report(Args args) {
		Set<ReportFormat> formats = formats(args.value("--format", "json,csv,html"));
		Warmup warmup = Warmup.start(formats);
		ModelValidation.Loaded loaded = loadValid(args.paths, args, "report");
		if (loaded == null) {
			return PROBLEMS;
		}
		Path outDir = workingDirectory.resolve(args.value("--out", "reports")).normalize();
		FootprintResult baseline = null;
		if (args.values.containsKey("--baseline")) {
			baseline = readReport(args.value("--baseline", null));
		}
		List<Computed> computed = compute(loaded, args);
		warmup.finish();
		// the calculation's findings first, as file:line problems; an error among them fails the run
		List<Problem> findings = new ArrayList<>(new java.util.LinkedHashSet<>(
				computed.stream().flatMap(c -> FootprintOutput.findings(c.result(), c.subject()).stream()).toList()));
		findings.forEach(problem -> out.println(format(problem)));
		boolean failed = findings.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)
				|| args.werror && findings.stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING);
		// Writing works on the computed results only, so each subject's reports are written while the next one's
		// options are prepared, and side by side (a PDF takes about a second); what is printed stays in the
		// subjects' order.
		ExecutorService writers = Executors.newFixedThreadPool(Math.max(1, Math.min(computed.size(), Runtime.getRuntime().availableProcessors())),
				runnable -> {
					Thread thread = new Thread(runnable, "zcw-report-writer");
					thread.setDaemon(true);
					return thread;
				});
		try {
			List<Future<List<Path>>> written = new ArrayList<>();
			for (Computed each : computed) {
				ReportOptions options = ReportOptions.defaults().withBaseName(each.result().subject().name());
				if (formats.contains(ReportFormat.HTML)) {
					// laying out the diagram (ELK) is only worth it for the format that shows it; done here on this
					// thread, one subject after the other, as the model and the diagram kit are not shared between threads
					options = options.withDiagram(diagram(each.subject()));
				}
				if (baseline != null) {
					options = options.withBaseline(baseline, args.value("--baseline", null));
				}
				ReportOptions these = options;
				written.add(writers.submit(() -> ReportWriter.write(each.result(), formats, outDir, these, null)));
			}
			for (int i = 0; i < computed.size(); i++) {
				for (Path path : await(written.get(i), outDir)) {
					out.println("wrote " + display(path));
				}
				out.println(FootprintOutput.summary(computed.get(i).result()));
			}
		} finally {
			writers.shutdownNow();
		}
		if (!failed) {
			new ScenarioReports(out, this::display).run(loaded, args.values.get("--scenarios"),
					new ModelSet(loaded.resourceSet()).footprintMethodology(args.values.get("--methodology")), options(args), measurements, outDir, formats);
		}
		return failed ? PROBLEMS : OK;
	}

	private static FootprintCalculator.Options options(Args args) {
		return new FootprintCalculator.Options((int) args.number("--iterations", FootprintCalculator.Options.DEFAULT.iterations()),
				args.number("--seed", FootprintCalculator.Options.DEFAULT.seed()), Runtime.getRuntime().availableProcessors());
	}

	/** The files a report writer wrote; its failure as the exception the command line reports. */
	private List<Path> await(Future<List<Path>> writing, Path outDir) {
		try {
			return writing.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new CalculationException("interrupted while writing the reports to " + display(outDir));
		} catch (ExecutionException e) {
			if (e.getCause() instanceof IOException io) {
				throw new CalculationException("cannot write the reports to " + display(outDir) + ": " + io.getMessage());
			}
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (e.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	/** A subject and its footprint. */
	private record Computed(EObject subject, FootprintResult result) {
	}

	/** The subject's diagram as inline SVG for the HTML report, or null when it has none or it cannot be drawn. */
	private String diagram(EObject subject) {
		if (!SceneBuilder.supports(subject)) {
			return null;
		}
		try {
			return DiagramSvg.inline(subject);
		} catch (RuntimeException e) {
			// a report without its picture is still a report: say so and go on
			err.println("zcw: no diagram for " + ModelSet.nameOf(subject) + ": " + e.getMessage());
			return null;
		}
	}

	/** Measured data of this run: every source is read (a command line run is the user's demand), each once. */
	private final Measurements measurements = new ModelMeasurements(new MeasurementCache(), true, null);

	private List<Computed> compute(ModelValidation.Loaded loaded, Args args) {
		ModelSet models = new ModelSet(loaded.resourceSet());
		if (models.subjects().isEmpty()) {
			throw new CalculationException("no line or park among the model files: nothing to compute");
		}
		Methodology methodology = models.footprintMethodology(args.values.get("--methodology"));
		int iterations = options(args).iterations();
		FootprintCalculator calculator = new FootprintCalculator(options(args), measurements);
		List<Computed> results = new ArrayList<>();
		// the engine runs Monte Carlo only over declared uncertainties: say so only when there is one
		boolean uncertain = iterations > 0 && models.hasUncertainty();
		for (EObject subject : models.subjects()) {
			progress(args, "Computing the footprint of " + ModelSet.nameOf(subject) + " with " + ModelSet.nameOf(methodology)
					+ (uncertain ? " (Monte Carlo, " + iterations + " iterations)" : "") + "...");
			results.add(new Computed(subject, calculator.calculate(subject, methodology, null)));
		}
		return results;
	}

	private int check(Args args) {
		ModelValidation.Loaded loaded = loadValid(args.paths, args, "check");
		if (loaded == null) {
			return PROBLEMS;
		}
		ModelSet models = new ModelSet(loaded.resourceSet());
		List<RuleSet> ruleSets = models.ruleSets(args.values.get("--methodology"));
		if (ruleSets.isEmpty()) {
			// nothing to check is not a failure: a CI step on a model without criteria passes (and says why)
			if (!args.quiet) {
				out.println("No criteria among the model files: nothing to check.");
			}
			return OK;
		}
		int failedErrors = 0;
		int failedWarnings = 0;
		int passed = 0;
		int notApplicable = 0;
		int total = 0;
		for (RuleSet ruleSet : ruleSets) {
			out.println(ModelSet.nameOf(ruleSet) + (ruleSet.getReference() == null ? "" : " (" + ruleSet.getReference() + ")"));
			for (CriterionResult result : new CriteriaChecker(measurements).check(List.of(ruleSet), loaded.resourceSet())) {
				total++;
				out.printf(Locale.ROOT, "  %-4s %-7s %s: %s%n", label(result.status()), result.severity(), result.id(), result.message());
				if (result.status() == CriterionResult.Status.FAIL) {
					if ("error".equals(result.severity())) {
						failedErrors++;
					} else if ("warning".equals(result.severity())) {
						failedWarnings++;
					}
					for (FootprintResult.Evidence evidence : result.evidence()) {
						if (!evidence.satisfied()) {
							out.println("       " + location(loaded, evidence.elementUri()) + ": " + evidence.element());
						}
					}
				} else if (result.status() == CriterionResult.Status.PASS) {
					passed++;
				} else {
					notApplicable++;
				}
			}
		}
		if (!args.quiet) {
			out.println(total + (total == 1 ? " criterion: " : " criteria: ") + passed + " passed, " + (total - passed - notApplicable) + " failed ("
					+ count(failedErrors, "error") + ", " + count(failedWarnings, "warning") + "), " + notApplicable + " not applicable");
		}
		return failedErrors > 0 || (args.werror && failedWarnings > 0) ? PROBLEMS : OK;
	}

	private static String label(CriterionResult.Status status) {
		return switch (status) {
			case PASS -> "PASS";
			case FAIL -> "FAIL";
			case NOT_APPLICABLE -> "N/A";
		};
	}

	/** {@code file:line} of a model element, from its EMF URI. */
	private String location(ModelValidation.Loaded loaded, String elementUri) {
		if (elementUri == null) {
			return "?";
		}
		URI uri = URI.createURI(elementUri);
		EObject element = loaded.resourceSet().getEObject(uri, false);
		int line = element == null ? 0 : Problem.at(element, Problem.Severity.INFO, "", "").line();
		return display(uri.trimFragment().toString()) + (line > 0 ? ":" + line : "");
	}

	private int diff(Args args) {
		if (args.paths.size() != 2) {
			throw new UsageException("diff needs exactly two sides: zcw diff <old> <new> (JSON reports, .zc files or directories)");
		}
		Map<String, FootprintResult> before = side(args.paths.get(0), args);
		Map<String, FootprintResult> after = side(args.paths.get(1), args);
		if (before == null || after == null) {
			return PROBLEMS;
		}
		String maxIncrease = args.values.get("--max-increase");
		double limit = maxIncrease == null ? Double.POSITIVE_INFINITY : percent(maxIncrease);
		boolean exceeded = false;
		Set<String> names = new TreeSet<>(before.keySet());
		names.addAll(after.keySet());
		for (String name : names) {
			FootprintResult a = before.get(name);
			FootprintResult b = after.get(name);
			if (a == null || b == null) {
				out.println("## " + name + ": only in " + (a == null ? args.paths.get(1) : args.paths.get(0)));
				continue;
			}
			FootprintDelta delta = FootprintDelta.between(a, b).withLabels(args.paths.get(0), args.paths.get(1));
			out.println(delta.toMarkdown());
			if (a.total() != 0 && (b.total() - a.total()) / Math.abs(a.total()) * 100 > limit) {
				exceeded = true;
				err.printf(Locale.ROOT, "zcw: the footprint of %s grew by %.2f %% (limit %s %%)%n", name,
						(b.total() - a.total()) / Math.abs(a.total()) * 100, maxIncrease);
			}
		}
		return exceeded ? PROBLEMS : OK;
	}

	/** One side of a diff, by subject name: a JSON report, or models to compute. Null when the models have errors. */
	private Map<String, FootprintResult> side(String argument, Args args) {
		Map<String, FootprintResult> results = new LinkedHashMap<>();
		if (argument.endsWith(".json")) {
			FootprintResult result = readReport(argument);
			results.put(result.subject().name(), result);
			return results;
		}
		ModelValidation.Loaded loaded = loadValid(List.of(argument), args, "diff");
		if (loaded == null) {
			return null;
		}
		for (Computed computed : compute(loaded, args)) {
			results.put(computed.result().subject().name(), computed.result());
		}
		return results;
	}

	private FootprintResult readReport(String argument) {
		Path file = workingDirectory.resolve(argument);
		try {
			return JsonReport.read(file);
		} catch (IOException e) {
			throw new UsageException("cannot read the JSON report '" + argument + "': " + e.getMessage());
		} catch (RuntimeException e) {
			throw new UsageException("'" + argument + "' is not a ZeroCarbon JSON report: " + e.getMessage());
		}
	}

	private static double percent(String text) {
		try {
			return Double.parseDouble(text.replace("%", "").trim());
		} catch (NumberFormatException e) {
			throw new UsageException("--max-increase needs a percentage such as 5 or 2.5%, not '" + text + "'");
		}
	}

	private static Set<ReportFormat> formats(String list) {
		Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
		for (String name : list.split(",")) {
			String trimmed = name.trim().toUpperCase(Locale.ROOT);
			if (trimmed.equals("ALL")) {
				formats.addAll(EnumSet.allOf(ReportFormat.class));
				continue;
			}
			try {
				formats.add(ReportFormat.valueOf(trimmed));
			} catch (IllegalArgumentException e) {
				throw new UsageException("unknown report format '" + name.trim() + "' (use json, csv, html, pdf or all)");
			}
		}
		return formats;
	}

	private void progress(Args args, String message) {
		if (!args.quiet) {
			err.println(message);
		}
	}

	private static List<URI> uris(List<Path> files) {
		return files.stream().map(f -> URI.createFileURI(f.toString())).toList();
	}

	/** {@code path:line:column: severity: message [code]}, with the path relative to the working directory. */
	String format(Problem problem) {
		StringBuilder line = new StringBuilder(display(problem.fileUri()));
		if (problem.line() > 0) {
			line.append(':').append(problem.line());
			if (problem.column() > 0) {
				line.append(':').append(problem.column());
			}
		}
		return line.append(": ").append(problem.severity().label()).append(": ").append(problem.message())
				.append(" [").append(problem.code()).append(']').toString();
	}

	/** "1 error", "2 errors", "0 warnings". */
	static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	/** The closing line of a run, e.g. {@code 3 files checked: 1 error, 0 warnings}. */
	public static String summary(int files, int errors, int warnings) {
		String checked = files + (files == 1 ? " file" : " files") + " checked: ";
		if (errors == 0 && warnings == 0) {
			return checked + "no problems";
		}
		return checked + count(errors, "error") + ", " + count(warnings, "warning");
	}

	private String display(String fileUri) {
		URI uri = URI.createURI(fileUri);
		if (!uri.isFile()) {
			return fileUri;
		}
		return display(Path.of(uri.toFileString()));
	}

	private String display(Path path) {
		return path.startsWith(workingDirectory) ? workingDirectory.relativize(path).toString() : path.toString();
	}

	private List<Path> modelFiles(List<String> arguments, String command) {
		if (arguments.isEmpty()) {
			throw new UsageException(command + " needs at least one file or directory, e.g. 'zcw " + command + " examples/'");
		}
		TreeSet<Path> files = new TreeSet<>();
		for (String argument : arguments) {
			Path path = workingDirectory.resolve(argument).normalize();
			if (Files.isDirectory(path)) {
				ModelFiles.walk(path, files);
			} else if (Files.isRegularFile(path)) {
				if (!path.getFileName().toString().endsWith(".zc")) {
					throw new UsageException("'" + argument + "' is not a .zc model file");
				}
				files.add(path);
			} else {
				throw new UsageException("'" + argument + "': no such file or directory");
			}
		}
		if (files.isEmpty()) {
			throw new UsageException("no .zc files found in " + String.join(", ", arguments));
		}
		if (files.size() > 50) {
			err.println("Validating " + count(files.size(), "model file") + "...");
		}
		return new ArrayList<>(files);
	}

	private static String version() {
		Package pkg = Zcw.class.getPackage();
		String version = pkg == null ? null : pkg.getImplementationVersion();
		if (version == null) {
			var bundle = org.osgi.framework.FrameworkUtil.getBundle(Zcw.class);
			version = bundle == null ? "development" : bundle.getVersion().toString();
		}
		return version;
	}

	/** A mistake in how zcw was called; reported without a stack trace, exit code {@value Zcw#USAGE}. */
	static final class UsageException extends RuntimeException {
		private static final long serialVersionUID = 1L;

		UsageException(String message) {
			super(message);
		}
	}
}
