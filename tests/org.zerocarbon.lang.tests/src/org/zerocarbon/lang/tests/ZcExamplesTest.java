package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;

/** The examples are what a new user opens first: they must validate clean, as `zcw validate examples/` does. */
class ZcExamplesTest {

	@Test
	void theExamplesValidateWithoutAnyProblem() {
		List<Path> files = Examples.files();
		assertTrue(files.size() >= 9, "examples found: " + files);
		List<Problem> problems = ModelValidation.create().validate(Examples.uris(files), () -> false);
		assertEquals("", problems.stream().map(p -> p.fileUri().replaceAll(".*/examples/", "") + ":" + p.line() + ": "
				+ p.severity().label() + ": " + p.message() + " [" + p.code() + "]").collect(Collectors.joining("\n")));
	}
}
