package org.zerocarbon.fuzz.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The fuzz test of issue 17: Jazzer (coverage-guided, libFuzzer's mutators) over the parser, the validator and the
 * engine, seeded with the example files, for {@code zc.fuzz.seconds} (90 s in a build). The test fails with each
 * crashing input (Base64 and escaped text, kept under {@code target/fuzz/model/crashes}) and its stack trace when
 * any exception other than a reported problem escapes {@link ModelFuzzTarget}. {@code benchmarks/fuzz.sh} runs the
 * same test for an hour.
 */
class ModelFuzzTest {

	private static Path examples() {
		return Path.of(System.getProperty(ModelFuzzTarget.EXAMPLES, "../../examples")).toAbsolutePath().normalize();
	}

	private static Path folder(String name) {
		return Path.of(System.getProperty("zc.fuzz.out", "target/fuzz")).toAbsolutePath().resolve(name);
	}

	@Test
	void noInputCrashesTheParserValidatorOrEngine() throws IOException, InterruptedException {
		long seconds = Long.getLong("zc.fuzz.seconds", 90);
		int keepGoing = Integer.getInteger("zc.fuzz.keepGoing", 1);
		JazzerRun run = JazzerRun.start(examples(), folder("model"), seconds, ModelFuzzTarget.class, keepGoing,
				ModelFuzzTarget.keywords());
		System.out.println("Fuzz test: " + run.summary() + " in " + seconds + " s; log in " + run.folder().resolve("jazzer.log"));
		assertNoCrash(run);
		assertEquals(0, run.exitCode(), () -> "Jazzer exited with " + run.exitCode() + ":\n" + run.tail());
		// the 13 examples themselves were run, and libFuzzer's empty input, then mutated inputs beyond them
		assertTrue(run.seeds() >= 13, () -> "only " + run.seeds() + " example files were found under " + examples());
		assertTrue(run.inputs() > run.seeds() + 1, () -> "no mutated input was tried (" + run.inputs() + " inputs):\n" + run.tail());
	}

	/** Fails with the findings (exception, stack, each crashing input as Base64 and text) when the run crashed. */
	static void assertNoCrash(JazzerRun run) throws IOException {
		if (!run.crashes().isEmpty()) {
			throw new AssertionError("Jazzer found " + run.crashes().size() + " crashing input(s) after " + run.inputs()
					+ " inputs, kept in " + run.folder().resolve("crashes") + ":\n" + run.findings());
		}
	}

	/**
	 * The harness can fail: CrashingTarget throws on every input holding "machine", which every example line seed
	 * holds, so the very first such seed is a crash. The run must report it, keep the input under target/ and make
	 * {@link #assertNoCrash} fail with that input printed.
	 */
	@Test
	void aCrashFailsTheTestWithItsInput() throws IOException, InterruptedException {
		JazzerRun run = JazzerRun.start(examples(), folder("planted"), 30, CrashingTarget.class, 1, List.of());
		assertEquals(1, run.crashes().size(), run::tail);
		Path crash = run.crashes().get(0);
		assertTrue(crash.startsWith(folder("planted")), crash::toString);
		byte[] input = Files.readAllBytes(crash);
		assertTrue(new String(input, StandardCharsets.UTF_8).contains("machine"), crash::toString);
		assertTrue(run.exitCode() != 0, "Jazzer exits non-zero on a finding");

		AssertionError failure = assertThrows(AssertionError.class, () -> assertNoCrash(run));
		String message = failure.getMessage();
		assertTrue(message.contains("IllegalStateException: planted"), message);
		assertTrue(message.contains("at org.zerocarbon.fuzz.tests.CrashingTarget.fuzzerTestOneInput"), message);
		Matcher base64 = Pattern.compile("Base64: (\\S+)").matcher(message);
		assertTrue(base64.find(), message);
		assertEquals(new String(input, StandardCharsets.ISO_8859_1),
				new String(Base64.getDecoder().decode(base64.group(1)), StandardCharsets.ISO_8859_1));
		assertTrue(message.contains(JazzerRun.escaped(input).substring(0, 40)), message);
	}

	/** The escaping of inputs in failure messages, worked out by hand. */
	@Test
	void inputsAreEscapedReadably() {
		// 'a', '\', newline, tab, NUL, 0xff, '~'
		byte[] input = { 'a', '\\', '\n', '\t', 0, (byte) 0xff, '~' };
		assertEquals("a\\\\\\n\\t\\x00\\xff~", JazzerRun.escaped(input));
	}

	/** Dictionary lines, worked out by hand: quotes and backslashes escaped, bytes outside ASCII as \xNN. */
	@Test
	void keywordsAreWrittenAsDictionaryLines() {
		assertEquals("\"machine\"", JazzerRun.dictionaryEntry("machine"));
		assertEquals("\"a\\\"b\\\\\"", JazzerRun.dictionaryEntry("a\"b\\"));
		// 'ü' is C3 BC in UTF-8, '²' is C2 B2
		assertEquals("\"\\xc3\\xbc\\xc2\\xb2\"", JazzerRun.dictionaryEntry("\u00fc\u00b2"));
		assertTrue(ModelFuzzTarget.keywords().containsAll(List.of("machine", "line", "{", "}")), () -> ModelFuzzTarget.keywords().toString());
	}

	/** The count of inputs, from the final statistics, else the last progress line. */
	@Test
	void inputsAreCountedFromTheDriverOutput() {
		assertEquals(1234, JazzerRun.inputs("#1000\tpulse\n#1234\tDONE cov: 1\nstat::number_of_executed_units: 1234\n"));
		assertEquals(2048, JazzerRun.inputs("#13\tINITED\n#2048\tpulse  cov: 5\n"));
		assertEquals(0, JazzerRun.inputs("nothing ran"));
	}
}
