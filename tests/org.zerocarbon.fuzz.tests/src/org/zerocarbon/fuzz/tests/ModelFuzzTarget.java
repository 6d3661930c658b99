package org.zerocarbon.fuzz.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Grammar;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.CriteriaChecker;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.ZcLanguage;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.RuleSet;

/**
 * Jazzer fuzz target over the parser, the validator and the engine, the path of {@code zcw validate},
 * {@code zcw report} and {@code zcw check}: one of the example model files is replaced by the fuzzer's input, that
 * file is validated alone, then the whole example set together ({@link ModelValidation}), and when that has no
 * error every line and park is computed (with a short Monte Carlo run) and every rule-set checked. A reported problem or a {@link CalculationException} is the expected answer to bad
 * input; any other exception or error (stack overflow, out of memory) escapes to Jazzer, which records it as a
 * crash with the input that caused it.
 * <p>
 * Input layout: the first byte chooses the file that is replaced (modulo the number of example files), the rest
 * is that file's content, written as it is (malformed UTF-8 and NUL bytes included). {@link #seed} writes the examples in that layout.
 * Started by {@link ModelFuzzTest} (a few minutes in CI) and {@code benchmarks/fuzz.sh} (an hour), in a JVM of
 * its own with a flat class path, as Jazzer's standalone driver requires.
 */
public final class ModelFuzzTarget {

	/** System property: the examples folder. */
	public static final String EXAMPLES = "zc.examples";

	/** System property: the scratch folder the example files are copied to (default: a new temporary folder). */
	public static final String WORK = "zc.fuzz.work";

	private static Path work;
	private static List<Path> files;
	private static List<byte[]> originals;
	private static ModelValidation validation;

	private ModelFuzzTarget() {
	}

	/** Called once by Jazzer: copies the example model files to a scratch folder and warms the language up. */
	public static void fuzzerInitialize() throws IOException {
		Path examples = Path.of(System.getProperty(EXAMPLES, "examples")).toAbsolutePath();
		String folder = System.getProperty(WORK);
		work = folder == null ? Files.createTempDirectory("zc-fuzz") : Files.createDirectories(Path.of(folder));
		files = new ArrayList<>();
		originals = new ArrayList<>();
		for (Path file : modelFiles(examples)) {
			Path copy = work.resolve(examples.relativize(file).toString());
			Files.createDirectories(copy.getParent());
			byte[] bytes = Files.readAllBytes(file);
			Files.write(copy, bytes);
			files.add(copy);
			originals.add(bytes);
		}
		if (files.isEmpty()) {
			throw new IllegalStateException("no .zc files under " + examples + " (set -D" + EXAMPLES + ")");
		}
		validation = ModelValidation.create();
	}

	/** The example model files, sorted (the order the input's first byte refers to). */
	public static List<Path> modelFiles(Path examples) throws IOException {
		try (Stream<Path> walk = Files.walk(examples)) {
			return walk.filter(p -> p.toString().endsWith(".zc") && !p.toString().contains("/reports/")).sorted()
					.toList();
		}
	}

	/** The keywords of the language's grammar: a dictionary for the fuzzer's mutations. */
	public static List<String> keywords() {
		Grammar grammar = ZcLanguage.injector().getInstance(IGrammarAccess.class).getGrammar();
		return GrammarUtil.getAllKeywords(grammar).stream().sorted().toList();
	}

	/** Writes one seed per example file (its index byte, then its text) into the corpus folder. */
	public static int seed(Path examples, Path corpus) throws IOException {
		List<Path> models = modelFiles(examples);
		Files.createDirectories(corpus);
		for (int i = 0; i < models.size(); i++) {
			byte[] text = Files.readAllBytes(models.get(i));
			byte[] input = new byte[text.length + 1];
			input[0] = (byte) i;
			System.arraycopy(text, 0, input, 1, text.length);
			Files.write(corpus.resolve("example-" + i + "-" + models.get(i).getFileName()), input);
		}
		return models.size();
	}

	/** One input: validate, and compute when valid. Exceptions other than reported problems escape. */
	public static void fuzzerTestOneInput(byte[] input) {
		if (input.length == 0) {
			return;
		}
		int index = Byte.toUnsignedInt(input[0]) % files.size();
		Path target = files.get(index);
		try {
			Files.write(target, Arrays.copyOfRange(input, 1, input.length));
			run(target);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		} finally {
			try {
				Files.write(target, originals.get(index));
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	/**
	 * Validates the changed file alone, then the whole set; with no error, does what {@code zcw report} and
	 * {@code zcw check} do with valid files: every line and park with every methodology that defines life-cycle
	 * modules (criteria included), and every rule-set on its own. A {@link CalculationException} is the engine's
	 * reported problem, what zcw prints as a diagnostic.
	 */
	private static void run(Path changed) {
		// the file on its own first, as an editor holds it before its library is there (unresolved references);
		// this also gives each example seed coverage of its own, so that the fuzzer keeps and mutates them all
		validation.load(List.of(URI.createFileURI(changed.toString())), () -> false);
		List<URI> uris = files.stream().map(p -> URI.createFileURI(p.toString())).toList();
		ModelValidation.Loaded loaded = validation.load(uris, () -> false);
		if (!loaded.hasNoErrors()) {
			return;
		}
		ModelSet models = new ModelSet(loaded.resourceSet());
		FootprintCalculator calculator = new FootprintCalculator(new FootprintCalculator.Options(20, 42, 1),
				Measurements.NONE);
		List<Methodology> methodologies = models.methodologies().stream().filter(m -> !m.getModules().isEmpty()).toList();
		if (methodologies.size() != 1) {
			reported(() -> models.footprintMethodology(null)); // none or several: zcw asks for --methodology
		}
		for (Methodology methodology : methodologies) {
			for (EObject subject : models.subjects()) {
				reported(() -> calculator.calculate(subject, methodology, null));
			}
		}
		for (RuleSet ruleSet : models.ruleSets(null)) {
			reported(() -> new CriteriaChecker().check(List.of(ruleSet), loaded.resourceSet()));
		}
	}

	/** Runs a step of the engine; its reported problem is a fine answer, any other exception escapes. */
	private static void reported(Runnable step) {
		try {
			step.run();
		} catch (CalculationException e) {
			// the engine's reported problem
		}
	}
}
