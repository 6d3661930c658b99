package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.SaveOptions;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.serializer.ISerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zerocarbon.lang.batch.ZcLanguage;

import com.google.inject.Injector;

/**
 * Serializer round trip of every example: the model (without its node model, as a diagram edit would produce it)
 * is serialized to text, the text is parsed again, and the two models must be identical - including every cross
 * reference, which must resolve to the same element.
 */
class ZcRoundTripTest {

	static Stream<Path> examples() {
		return Examples.files().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void modelToTextToModelIsIdentity(Path file) throws IOException {
		Injector injector = ZcLanguage.injector();
		List<Path> all = Examples.files();
		XtextResourceSet original = load(injector, all);
		URI uri = URI.createFileURI(file.toString());
		Resource source = original.getResource(uri, false);
		assertTrue(source.getErrors().isEmpty(), () -> "example has syntax errors: " + source.getErrors());
		EcoreUtil.resolveAll(original);

		// A copy without node model, in a resource of its own under the same URI.
		EObject copy = EcoreUtil.copy(source.getContents().get(0));
		original.getResources().remove(source);
		XtextResource detached = (XtextResource) original.createResource(uri);
		detached.getContents().add(copy);
		assertNull(NodeModelUtils.getNode(copy));
		String text = injector.getInstance(ISerializer.class).serialize(copy, SaveOptions.newBuilder().format().getOptions());

		XtextResourceSet reparsedSet = load(injector, all.stream().filter(p -> !p.equals(file)).toList());
		Resource reparsed = reparsedSet.createResource(uri);
		reparsed.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		assertTrue(reparsed.getErrors().isEmpty(), () -> "serialized text does not parse: " + reparsed.getErrors() + "\n" + text);
		EcoreUtil.resolveAll(reparsedSet);

		EObject again = reparsed.getContents().get(0);
		assertTrue(EcoreUtil.equals(copy, again), () -> "the model changed in the round trip; text was:\n" + text);
		long elements = count(copy);
		assertTrue(elements > 1, "the example is not empty");
		assertEquals(elements, count(again));
	}

	private static long count(EObject root) {
		long n = 0;
		for (var it = root.eAllContents(); it.hasNext(); it.next()) {
			n++;
		}
		return n;
	}

	private static XtextResourceSet load(Injector injector, List<Path> files) {
		XtextResourceSet set = injector.getInstance(XtextResourceSet.class);
		for (Path path : files) {
			set.getResource(URI.createFileURI(path.toString()), true);
		}
		return set;
	}
}
