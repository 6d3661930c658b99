package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;

/**
 * Bad input never crashes the engine: the example models, each mutated at random (a line deleted, duplicated or
 * swapped with the next, a number replaced by an edge value), are validated, and every variant that validates
 * without errors is computed. A variant either gives a footprint with finite figures or a
 * {@link CalculationException} (a message for the user); any other exception is a bug in the engine. Seeded, so a
 * failure names a variant that can be reproduced.
 */
class MutatedExamplesTest {

	private static final long SEED = 2026;
	private static final int VARIANTS = 120;
	private static final String[] EDGE_VALUES = { "0", "0.0", "1e-9", "999999999", "100", "1e6", "0.5" };
	private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?(?![\\w.])");

	@TempDir
	Path dir;

	@Test
	void everyValidVariantOfTheExamplesIsComputedOrExplained() throws IOException {
		Path examples = Path.of(System.getProperty("zc.examples", "../../examples")).toAbsolutePath().normalize();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(examples)) {
			files = walk.filter(p -> p.toString().endsWith(".zc")).sorted().toList();
		}
		assertTrue(files.size() >= 5, "the examples are found at " + examples);
		// the files that hold lines, parks and methodologies are the ones worth mutating
		List<Path> targets = files.stream().filter(p -> p.toString().contains("housing-cell") || p.toString().contains("methodology")).toList();

		Random random = new Random(SEED);
		List<String> crashes = new ArrayList<>();
		int computed = 0;
		int explained = 0;
		int rejected = 0;
		for (int variant = 0; variant < VARIANTS; variant++) {
			Path target = targets.get(random.nextInt(targets.size()));
			List<String> lines = new ArrayList<>(Arrays.asList(Files.readString(target).split("\n", -1)));
			String mutation = mutate(lines, random);
			Path variantDir = dir.resolve("v" + variant);
			List<URI> uris = new ArrayList<>();
			for (Path file : files) {
				Path copy = variantDir.resolve(examples.relativize(file));
				Files.createDirectories(copy.getParent());
				Files.writeString(copy, file.equals(target) ? String.join("\n", lines) : Files.readString(file));
				uris.add(URI.createFileURI(copy.toString()));
			}
			String name = "variant " + variant + " (" + examples.relativize(target) + ": " + mutation + ")";
			ModelValidation.Loaded loaded = ModelValidation.create().load(uris, () -> false);
			if (loaded.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
				rejected++;
				continue;
			}
			try {
				ModelSet models = new ModelSet(loaded.resourceSet());
				Methodology methodology = models.footprintMethodology(null);
				FootprintCalculator calculator = new FootprintCalculator(
						variant % 4 == 0 ? new FootprintCalculator.Options(20, SEED, 1) : FootprintCalculator.Options.DETERMINISTIC);
				for (EObject subject : models.subjects()) {
					FootprintResult result = calculator.calculate(subject, methodology, null);
					if (!Double.isFinite(result.total()) || !Double.isFinite(result.moduleD())) {
						crashes.add(name + ": total " + result.total() + ", module D " + result.moduleD());
					}
				}
				computed++;
			} catch (CalculationException e) {
				explained++;
			} catch (RuntimeException | StackOverflowError e) {
				crashes.add(name + ": " + e);
			}
		}
		assertTrue(crashes.isEmpty(), () -> crashes.size() + " variants crashed the engine:\n" + String.join("\n", crashes));
		// not vacuous: many variants pass validation and are computed
		String counts = computed + " computed, " + explained + " explained, " + rejected + " rejected by validation";
		System.out.println("MutatedExamplesTest: " + counts);
		assertTrue(computed >= VARIANTS / 4, "too few variants were computed: " + counts);
	}

	/** Changes the text in one random way and says how. */
	private static String mutate(List<String> lines, Random random) {
		int line = random.nextInt(lines.size());
		switch (random.nextInt(4)) {
			case 0:
				return "line " + (line + 1) + " deleted: " + lines.remove(line).strip();
			case 1:
				lines.add(line, lines.get(line));
				return "line " + (line + 1) + " duplicated: " + lines.get(line).strip();
			case 2:
				if (line + 1 < lines.size()) {
					String next = lines.get(line + 1);
					lines.set(line + 1, lines.get(line));
					lines.set(line, next);
				}
				return "lines " + (line + 1) + " and " + (line + 2) + " swapped";
			default:
				// a number somewhere from this line on becomes an edge value
				for (int i = 0; i < lines.size(); i++) {
					int at = (line + i) % lines.size();
					Matcher number = NUMBER.matcher(lines.get(at));
					if (!lines.get(at).strip().startsWith("//") && number.find()) {
						String value = EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
						String before = lines.get(at).strip();
						lines.set(at, lines.get(at).substring(0, number.start()) + value + lines.get(at).substring(number.end()));
						return "line " + (at + 1) + ": " + before + " -> " + value;
					}
				}
				return "no number to change";
		}
	}
}
