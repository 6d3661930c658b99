package org.zerocarbon.telemetry.model.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Meter;

/** Model files written for a test, loaded without errors, and their meters by name. */
final class TestModels {

	private TestModels() {
	}

	/** Writes the text to the file and loads it; fails on any error. */
	static ResourceSet load(Path file, String text) throws IOException {
		Files.writeString(file, text);
		ModelValidation.Loaded loaded = ModelValidation.create().load(List.of(URI.createFileURI(file.toString())), () -> false);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		assertTrue(errors.isEmpty(), errors::toString);
		return loaded.resourceSet();
	}

	/** The meter of that name. */
	static Meter meter(ResourceSet models, String name) {
		for (var it = models.getAllContents(); it.hasNext();) {
			if (it.next() instanceof Meter m && m.getName().equals(name)) {
				return m;
			}
		}
		throw new AssertionError("no meter " + name);
	}
}
