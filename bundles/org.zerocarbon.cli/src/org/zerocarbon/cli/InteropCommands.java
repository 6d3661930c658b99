package org.zerocarbon.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.interop.EpdImport;
import org.zerocarbon.interop.IlcdEpdWriter;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;
import org.zerocarbon.interop.OlcaExport;
import org.zerocarbon.interop.OlcaImport;

/**
 * The interoperability commands of zcw: {@code import-epd}, {@code export-epd}, {@code export-olca} and
 * {@code import-olca}. A file that cannot be read or mapped is reported as {@code file:line: error: message}
 * with exit code {@value Zcw#PROBLEMS}; nothing is written then.
 */
final class InteropCommands {

	private final PrintStream out;
	private final PrintStream err;
	private final Path workingDirectory;

	InteropCommands(PrintStream out, PrintStream err, Path workingDirectory) {
		this.out = out;
		this.err = err;
		this.workingDirectory = workingDirectory;
	}

	/**
	 * @param compute the footprints of the subjects of the model files (null when the models have errors, which
	 *                have been printed then)
	 */
	int run(String command, List<String> paths, Map<String, String> values, Function<List<String>, List<FootprintResult>> compute) {
		try {
			return switch (command) {
				case "import-epd" -> importEpd(paths, values);
				case "import-olca" -> importOlca(paths, values);
				default -> export(command, paths, values, compute);
			};
		} catch (InteropException e) {
			err.println(e.source() + (e.line() > 0 ? ":" + e.line() : "") + ": error: " + e.detail());
			return Zcw.PROBLEMS;
		}
	}

	private int importEpd(List<String> paths, Map<String, String> values) throws InteropException {
		if (paths.size() != 1) {
			throw new Zcw.UsageException("import-epd needs one file: zcw import-epd <epd.xml|package.zip|openepd.json> --into <library.zc>");
		}
		Path input = existing(paths.get(0));
		Path library = into(values, "import-epd");
		ImportReport report = EpdImport.run(input, paths.get(0), library, values.get("--unit"), Clock.systemDefaultZone(), null);
		return print(report, library);
	}

	private int importOlca(List<String> paths, Map<String, String> values) throws InteropException {
		if (paths.size() != 1) {
			throw new Zcw.UsageException("import-olca needs one zip: zcw import-olca <json-ld.zip> --into <library.zc>");
		}
		Path input = existing(paths.get(0));
		Path library = into(values, "import-olca");
		return print(OlcaImport.run(input, paths.get(0), library), library);
	}

	private int print(ImportReport report, Path library) {
		report.ignored().forEach(line -> out.println("ignored: " + line));
		report.warnings().forEach(line -> out.println("warning: " + line));
		out.println("wrote " + display(library) + ": " + report.added().size() + " added " + report.added() + ", " + report.replaced().size()
				+ " replaced " + report.replaced());
		return Zcw.OK;
	}

	private int export(String command, List<String> paths, Map<String, String> values, Function<List<String>, List<FootprintResult>> compute)
			throws InteropException {
		String subject = values.get("--subject");
		String target = values.get("--out");
		if (subject == null || target == null) {
			throw new Zcw.UsageException(command + " needs --subject <line or machine> and --out <file>");
		}
		List<FootprintResult> results = compute.apply(paths);
		if (results == null) {
			return Zcw.PROBLEMS;
		}
		FootprintResult result = results.stream().filter(r -> r.subject().name().equals(subject) || r.subject().name().endsWith("." + subject))
				.findFirst().orElseThrow(() -> new Zcw.UsageException("no subject '" + subject + "' among "
						+ results.stream().map(r -> r.subject().name()).toList()));
		Path out = workingDirectory.resolve(target).normalize();
		if (command.equals("export-olca")) {
			OlcaExport.write(result, out);
		} else {
			IlcdEpdWriter.Declared declared = IlcdEpdWriter.declared(result, values.get("--per"));
			if (declared == null) {
				throw new Zcw.UsageException("no functional unit " + (values.get("--per") == null ? "of machines or machine-hours"
						: "'" + values.get("--per") + "'") + " in the result of " + result.subject().name() + " (its methodology has "
						+ result.functionalUnits().stream().map(FootprintResult.FunctionalUnitResult::name).toList() + "; choose one with --per)");
			}
			IlcdEpdWriter.write(result, declared, out, Clock.systemDefaultZone());
		}
		this.out.println("wrote " + display(out));
		return Zcw.OK;
	}

	private Path existing(String argument) {
		Path path = workingDirectory.resolve(argument).normalize();
		if (!Files.isRegularFile(path)) {
			throw new Zcw.UsageException("'" + argument + "': no such file");
		}
		return path;
	}

	private Path into(Map<String, String> values, String command) {
		String into = values.get("--into");
		if (into == null || !into.endsWith(".zc")) {
			throw new Zcw.UsageException(command + " needs --into <library.zc>");
		}
		return workingDirectory.resolve(into).normalize();
	}

	private String display(Path path) {
		return path.startsWith(workingDirectory) ? workingDirectory.relativize(path).toString() : path.toString();
	}
}
