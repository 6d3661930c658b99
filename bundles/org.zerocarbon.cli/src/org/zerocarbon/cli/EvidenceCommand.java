package org.zerocarbon.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.ManifestSignature;
import org.zerocarbon.evidence.MeasuredEvidence;
import org.zerocarbon.evidence.RawDay;
import org.zerocarbon.evidence.SafeZip;

/**
 * {@code zcw evidence <paths> --out <file>.zip [--methodology id] [--subject names] [--loop names|none] [--iterations n] [--seed n]
 * [--raw-day YYYY-MM-DD|none] [--sign keystore.p12 --alias a --password-env VAR]}
 * builds the evidence package of the models ({@code names}: qualified names separated by commas); {@code zcw evidence verify <file>.zip} checks one. Exit codes:
 * {@value Zcw#OK} built or verified, {@value Zcw#PROBLEMS} the models have errors or the package does not verify
 * (each failure printed, naming its file), {@value Zcw#USAGE} usage or internal error.
 */
final class EvidenceCommand {

	private final PrintStream out;
	private final PrintStream err;
	private final Path workingDirectory;

	EvidenceCommand(PrintStream out, PrintStream err, Path workingDirectory) {
		this.out = out;
		this.err = err;
		this.workingDirectory = workingDirectory;
	}

	int run(List<String> paths, Map<String, String> values, boolean quiet) {
		try {
			if (!paths.isEmpty() && paths.get(0).equals("verify")) {
				return verify(paths.subList(1, paths.size()), quiet);
			}
			return build(paths, values, quiet);
		} catch (SafeZip.UnsafeZipException e) {
			err.println("zcw: the package is refused: " + e.getMessage());
			return Zcw.PROBLEMS;
		} catch (IOException e) {
			err.println("zcw: " + e.getMessage());
			return Zcw.USAGE;
		}
	}

	private int build(List<String> paths, Map<String, String> values, boolean quiet) throws IOException {
		if (paths.isEmpty()) {
			throw new Zcw.UsageException("evidence needs model files or directories: zcw evidence <paths...> --out <file>.zip");
		}
		String outName = values.get("--out");
		if (outName == null || !outName.endsWith(".zip")) {
			throw new Zcw.UsageException("evidence needs --out <file>.zip");
		}
		TreeSet<Path> files = new TreeSet<>();
		Path root = null;
		for (String argument : paths) {
			Path path = workingDirectory.resolve(argument).normalize();
			if (Files.isDirectory(path)) {
				ModelFiles.walk(path, files);
				root = paths.size() == 1 ? path : null;
			} else if (Files.isRegularFile(path) && argument.endsWith(".zc")) {
				files.add(path);
			} else {
				throw new Zcw.UsageException("'" + argument + "': no such .zc file or directory");
			}
		}
		if (files.isEmpty()) {
			throw new Zcw.UsageException("no .zc files found in " + String.join(", ", paths));
		}
		EvidencePackage.Options options = EvidencePackage.Options.defaults().withMethodology(values.get("--methodology"));
		if (values.containsKey("--subject")) {
			options = options.withSubjects(names(values, "--subject"));
		}
		if (values.containsKey("--loop")) {
			options = options.withLoops(values.get("--loop").equals("none") ? List.of() : names(values, "--loop"));
		}
		options = options.withIterations((int) number(values, "--iterations", 1000)).withSeed(number(values, "--seed", 42));
		if (values.containsKey("--sign")) {
			options = options.withSigner(signer(values));
		}
		if (values.containsKey("--raw-day")) {
			options = options.withMeasured(rawDay(values.get("--raw-day")));
		}
		if (!quiet) {
			err.println("Building the evidence package of " + Zcw.count(files.size(), "model file") + "...");
		}
		Path zip = workingDirectory.resolve(outName).normalize();
		EvidencePackage.Built built = EvidencePackage.build(new ArrayList<>(files), root, options, zip, null);
		out.println("wrote " + display(zip) + " (" + built.entries().size() + " files)");
		built.results().forEach(result -> out.println(FootprintOutput.summary(result)));
		return Zcw.OK;
	}

	private int verify(List<String> paths, boolean quiet) throws IOException {
		if (paths.size() != 1) {
			throw new Zcw.UsageException("evidence verify needs one package: zcw evidence verify <file>.zip");
		}
		Path zip = workingDirectory.resolve(paths.get(0)).normalize();
		if (!Files.isRegularFile(zip)) {
			throw new Zcw.UsageException("'" + paths.get(0) + "': no such file");
		}
		if (!quiet) {
			err.println("Verifying " + display(zip) + " (hashes, then recomputing the footprints)...");
		}
		EvidenceVerifier.Verification verification = EvidenceVerifier.verify(zip, null);
		for (String failure : verification.failures()) {
			out.println(display(zip) + ": " + failure);
		}
		if (!quiet) {
			verification.notes().forEach(out::println);
		}
		out.println(verification.ok() ? "verified: " + display(zip) : "NOT verified: " + verification.failures().size() + " failures");
		return verification.ok() ? Zcw.OK : Zcw.PROBLEMS;
	}

	/** --sign keystore.p12 --alias a --password-env VAR (the password is never given on the command line). */
	private ManifestSignature.Signer signer(Map<String, String> values) {
		String alias = values.get("--alias");
		String variable = values.get("--password-env");
		if (alias == null || variable == null) {
			throw new Zcw.UsageException("--sign needs --alias <alias> and --password-env <VARIABLE holding the keystore password>");
		}
		String password = System.getenv(variable);
		if (password == null) {
			throw new Zcw.UsageException("the environment variable " + variable + " (--password-env) is not set");
		}
		Path keystore = workingDirectory.resolve(values.get("--sign")).normalize();
		if (!Files.isRegularFile(keystore)) {
			throw new Zcw.UsageException("'" + values.get("--sign") + "': no such keystore");
		}
		return new ManifestSignature.Signer(keystore, alias, password.toCharArray());
	}

	/** --raw-day YYYY-MM-DD (that day's raw samples), or none; without it, the representative day's. */
	private static List<MeasuredEvidence> rawDay(String text) {
		if (text.equals("none")) {
			return List.of();
		}
		try {
			return List.of(RawDay.of(LocalDate.parse(text)));
		} catch (DateTimeParseException e) {
			throw new Zcw.UsageException("--raw-day needs a day as YYYY-MM-DD (or none), not '" + text + "'");
		}
	}

	/** The qualified names an option gives, separated by commas (the lines and parks of --subject, the loops of --loop). */
	private static List<String> names(Map<String, String> values, String option) {
		List<String> names = java.util.Arrays.stream(values.get(option).split(",")).map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
		if (names.isEmpty()) {
			throw new Zcw.UsageException(option + " needs qualified names separated by commas, e.g. housing.Cell");
		}
		return names;
	}

	private static long number(Map<String, String> values, String option, long fallback) {
		String text = values.get(option);
		try {
			return text == null ? fallback : Long.parseLong(text);
		} catch (NumberFormatException e) {
			throw new Zcw.UsageException(option + " needs a whole number, not '" + text + "'");
		}
	}

	private String display(Path path) {
		return path.startsWith(workingDirectory) ? workingDirectory.relativize(path).toString() : path.toString();
	}
}
