package org.zerocarbon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;

/**
 * The {@code zcw} command line: the headless face of the workbench for terminals and CI.
 * <p>
 * Exit codes: {@value #OK} when no error was found, {@value #PROBLEMS} when errors were found (or warnings, with
 * {@code --werror}), {@value #USAGE} for a usage error or an internal failure. Problems are printed one per line
 * as {@code file:line:column: severity: message [code]}, the format editors and CI annotators recognise.
 */
public final class Zcw {

	public static final int OK = 0;
	public static final int PROBLEMS = 1;
	public static final int USAGE = 2;

	static final String USAGE_TEXT = """
			Usage: zcw <command> [options] <paths...>

			Commands:
			  validate <paths...>   Parse and validate .zc model files (directories are searched recursively,
			                        hidden directories skipped). Files are validated together, so references
			                        between them resolve.
			  help                  Show this help.

			Options:
			  --werror              Treat warnings as errors (exit code 1).
			  --quiet               Print only the problems, not the summary.
			  --debug               Print stack traces of internal errors.
			  --version             Print the version and exit.

			Exit codes: 0 no errors, 1 problems found, 2 usage or internal error.
			""";

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

	private int dispatch(String[] args) {
		List<String> paths = new ArrayList<>();
		boolean werror = false;
		boolean quiet = false;
		String command = null;
		for (String arg : args) {
			switch (arg) {
				case "--werror" -> werror = true;
				case "--quiet", "-q" -> quiet = true;
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
					} else if (command == null) {
						command = arg;
					} else {
						paths.add(arg);
					}
				}
			}
		}
		if (command == null) {
			throw new UsageException("no command given");
		}
		return switch (command) {
			case "validate" -> validate(paths, werror, quiet);
			default -> throw new UsageException("unknown command '" + command + "'");
		};
	}

	private int validate(List<String> paths, boolean werror, boolean quiet) {
		if (paths.isEmpty()) {
			throw new UsageException("validate needs at least one file or directory, e.g. 'zcw validate examples/'");
		}
		List<Path> files = collectModelFiles(paths);
		if (files.isEmpty()) {
			throw new UsageException("no .zc files found in " + String.join(", ", paths));
		}
		if (files.size() > 50) {
			err.println("Validating " + files.size() + " model files...");
		}
		List<URI> uris = files.stream().map(f -> URI.createFileURI(f.toString())).toList();
		List<Problem> problems = ModelValidation.create().validate(uris, () -> false);
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
		if (!quiet) {
			out.println(summary(files.size(), errors, warnings));
		}
		return errors > 0 || (werror && warnings > 0) ? PROBLEMS : OK;
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

	/** The closing line of a run, e.g. {@code 3 files checked: 1 error, 0 warnings}. */
	public static String summary(int files, int errors, int warnings) {
		String checked = files + (files == 1 ? " file" : " files") + " checked: ";
		if (errors == 0 && warnings == 0) {
			return checked + "no problems";
		}
		return checked + errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning" : " warnings");
	}

	private String display(String fileUri) {
		URI uri = URI.createURI(fileUri);
		if (!uri.isFile()) {
			return fileUri;
		}
		Path path = Path.of(uri.toFileString());
		return path.startsWith(workingDirectory) ? workingDirectory.relativize(path).toString() : path.toString();
	}

	private List<Path> collectModelFiles(List<String> arguments) {
		TreeSet<Path> files = new TreeSet<>();
		for (String argument : arguments) {
			Path path = workingDirectory.resolve(argument).normalize();
			if (Files.isDirectory(path)) {
				walk(path, files);
			} else if (Files.isRegularFile(path)) {
				if (!path.getFileName().toString().endsWith(".zc")) {
					throw new UsageException("'" + argument + "' is not a .zc model file");
				}
				files.add(path);
			} else {
				throw new UsageException("'" + argument + "': no such file or directory");
			}
		}
		return new ArrayList<>(files);
	}

	private static void walk(Path root, TreeSet<Path> files) {
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
					return !dir.equals(root) && name.startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (attrs.isRegularFile() && file.getFileName().toString().endsWith(".zc")) {
						files.add(file);
					}
					return FileVisitResult.CONTINUE;
				}
			});
		} catch (IOException e) {
			throw new UsageException("cannot read directory '" + root + "': " + e.getMessage());
		}
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
