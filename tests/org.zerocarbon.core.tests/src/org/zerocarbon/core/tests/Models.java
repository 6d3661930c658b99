package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;

/** Loads DSL text written by a test through the same entry point as the CLI, and finds elements in it. */
final class Models {

	private Models() {
	}

	/** Writes the files into {@code dir}, loads them together and asserts they have no errors. */
	static ResourceSet load(Path dir, String... fileContents) throws IOException {
		ModelValidation.Loaded loaded = ModelValidation.create().load(write(dir, fileContents), () -> false);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		assertTrue(errors.isEmpty(), () -> "the test model has errors: " + errors);
		return loaded.resourceSet();
	}

	/** Writes the files into {@code dir} and loads them together, errors or not (for tests of what the engine does with them). */
	static ResourceSet loadIgnoringErrors(Path dir, String... fileContents) throws IOException {
		return ModelValidation.create().load(write(dir, fileContents), () -> false).resourceSet();
	}

	private static List<URI> write(Path dir, String... fileContents) throws IOException {
		List<URI> uris = new ArrayList<>();
		for (int i = 0; i < fileContents.length; i++) {
			Path file = dir.resolve("m" + i + ".zc");
			Files.writeString(file, fileContents[i]);
			uris.add(URI.createFileURI(file.toString()));
		}
		return uris;
	}

	/** The one element of the given type and name in the resource set. */
	static <T extends EObject> T find(ResourceSet set, Class<T> type, String name) {
		for (var it = set.getAllContents(); it.hasNext();) {
			Object next = it.next();
			if (type.isInstance(next)) {
				EObject element = (EObject) next;
				var feature = element.eClass().getEStructuralFeature("name");
				if (feature != null && name.equals(element.eGet(feature))) {
					return type.cast(element);
				}
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " named " + name);
	}
}
