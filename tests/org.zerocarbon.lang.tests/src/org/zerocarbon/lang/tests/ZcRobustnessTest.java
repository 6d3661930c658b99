package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.log4j.AppenderSkeleton;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggingEvent;
import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.NestingDepth;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.lang.validation.ZcIssueCodes;

/** Inputs found by fuzzing (issue 17): each is reported as a problem, never as an exception or an out-of-memory. */
class ZcRobustnessTest {

	@TempDir
	Path dir;

	/** What Xtext logs with an exception (a validator that threw, as the CLI would print it). */
	private final List<String> loggedExceptions = new ArrayList<>();

	private final AppenderSkeleton appender = new AppenderSkeleton() {
		@Override
		protected void append(LoggingEvent event) {
			if (event.getThrowableInformation() != null) {
				loggedExceptions.add(event.getRenderedMessage() + ": " + event.getThrowableInformation().getThrowable());
			}
		}

		@Override
		public boolean requiresLayout() {
			return false;
		}

		@Override
		public void close() {
		}
	};

	@BeforeEach
	void listen() {
		Logger.getRootLogger().addAppender(appender);
	}

	@AfterEach
	void noExceptionWasLogged() {
		Logger.getRootLogger().removeAppender(appender);
		assertEquals(List.of(), loggedExceptions);
	}

	private List<Problem> validate(String... texts) throws IOException {
		List<URI> uris = new ArrayList<>();
		for (int i = 0; i < texts.length; i++) {
			Path file = dir.resolve("f" + i + ".zc");
			Files.writeString(file, texts[i]);
			uris.add(URI.createFileURI(file.toString()));
		}
		return ModelValidation.create().validate(uris, () -> false);
	}

	private static String machineRated(String number) {
		return """
				line Cell {
				  machine VMC1 vmc {
				    rated %s kW
				  }
				}
				""".formatted(number);
	}

	@Test
	void hugeExponentsAreOutOfRangeAtTheirPositionQuickly() {
		for (String number : List.of("1e999999999", "1e+2147483648", "-2.5e-99999999999999", "1.5e+2147483647", "1e1001")) {
			List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> validate(machineRated(number)));
			List<Problem> outOfRange = problems.stream().filter(p -> ZcIssueCodes.NUMBER_OUT_OF_RANGE.equals(p.code())).toList();
			assertEquals(1, outOfRange.size(), number + ": " + problems);
			Problem p = outOfRange.get(0);
			assertEquals(Problem.Severity.ERROR, p.severity());
			assertEquals(3, p.line(), number + ": " + p);
			assertTrue(p.message().contains("out of the range"), p.message());
			assertTrue(problems.stream().allMatch(q -> q.message() != null && !q.message().contains("Exception")), problems::toString);
		}
	}

	@Test
	void hugeExponentsInAFactorAreOutOfRange() throws IOException {
		List<Problem> problems = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> validate("""
				package zc.lib.grid
				factors Grid "grid" {
					grid factor US "US" = 1e999999999 kgCO2/kWh {
						basis co2 region "US" year 2022 source "EIA" url "https://eia.gov" licence "public domain"
					}
				}
				"""));
		assertTrue(problems.stream().anyMatch(p -> ZcIssueCodes.NUMBER_OUT_OF_RANGE.equals(p.code()) && p.line() == 3),
				problems::toString);
	}

	@Test
	void computableExponentsStillParse() throws IOException {
		List<Problem> problems = validate(machineRated("1.5e1"));
		assertEquals(List.of(), problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList());
	}

	@Test
	void aFileOfOneStrayWordBesideOthersIsAProblemNotAnException() throws IOException {
		for (String stray : List.of("x", "}", "{", ")", "x y")) {
			List<Problem> problems = validate(machineRated("9.5"), stray);
			assertTrue(problems.stream().anyMatch(p -> p.fileUri().endsWith("f1.zc") && p.severity() == Problem.Severity.ERROR),
					stray + ": " + problems);
			assertTrue(problems.stream().noneMatch(p -> p.message().contains("Exception")), stray + ": " + problems);
		}
	}

	private static String criterion(String check) {
		return """
				criteria Rules {
				  criterion Deep {
				    severity error
				    message "deep"
				    check %s
				  }
				}
				""".formatted(check);
	}

	@Test
	void deeplyNestedParenthesesAreOneClearError() throws IOException {
		int depth = 2000;
		String check = "(".repeat(depth) + "true" + ")".repeat(depth);
		List<Problem> problems = validate(criterion(check));
		assertEquals(1, problems.size(), problems::toString);
		assertEquals(ModelValidation.NESTED_TOO_DEEPLY, problems.get(0).code());
		assertTrue(problems.get(0).message().startsWith("Nested too deeply"), problems.get(0).message());
		assertEquals(Problem.Severity.ERROR, problems.get(0).severity());
		assertEquals(5, problems.get(0).line());
	}

	@Test
	void deeplyNestedNegationsAreOneClearError() throws IOException {
		List<Problem> problems = validate(criterion("not ".repeat(5000) + "true"));
		assertEquals(1, problems.size(), problems::toString);
		assertEquals(ModelValidation.NESTED_TOO_DEEPLY, problems.get(0).code());
		assertEquals(5, problems.get(0).line());
	}

	@Test
	void nestingUpToTheDocumentedDepthParses() throws IOException {
		int depth = NestingDepth.MAX_DEPTH - 2; // the criteria and criterion blocks are two levels
		List<Problem> problems = validate(criterion("(".repeat(depth / 2) + "not ".repeat(depth - depth / 2) + "true"
				+ ")".repeat(depth / 2)));
		assertEquals(List.of(), problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList());
		List<Problem> deeper = validate(criterion("(".repeat(depth / 2 + 1) + "not ".repeat(depth - depth / 2) + "true"
				+ ")".repeat(depth / 2 + 1)));
		assertEquals(1, deeper.size(), deeper::toString);
		assertEquals(ModelValidation.NESTED_TOO_DEEPLY, deeper.get(0).code());
	}

	@Test
	void aStrayFileBesideTheExamplesIsAProblemNotAnException() throws IOException {
		for (String stray : List.of("x", "}", "x\n", "}\n", "\n}", " x ")) {
			for (boolean first : List.of(true, false)) {
			Path file = dir.resolve("stray.zc");
			Files.writeString(file, stray);
			List<URI> uris = new ArrayList<>(Examples.uris(Examples.files()));
			uris.add(first ? 0 : uris.size(), URI.createFileURI(file.toString()));
			List<Problem> problems = ModelValidation.create().validate(uris, () -> false);
			assertTrue(problems.stream().anyMatch(p -> p.fileUri().endsWith("stray.zc") && p.severity() == Problem.Severity.ERROR),
					stray + ": " + problems);
			assertTrue(problems.stream().noneMatch(p -> p.message().contains("Exception")), stray + ": " + problems);
			}
		}
	}

	@Test
	void moderateNestingIsFine() throws IOException {
		List<Problem> problems = validate(criterion("(".repeat(20) + "not not true" + ")".repeat(20)));
		assertEquals(List.of(), problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList());
	}
}
