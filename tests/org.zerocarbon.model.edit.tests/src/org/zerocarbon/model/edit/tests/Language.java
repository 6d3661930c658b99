package org.zerocarbon.model.edit.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.zerocarbon.lang.ide.ZcIdeSetup;

import com.google.inject.Injector;

/** The language with its IDE services, and a resource set of in-memory model files. */
final class Language {

	private static final Injector INJECTOR = new ZcIdeSetup().createInjectorAndDoEMFRegistration();

	final XtextResourceSet resourceSet = INJECTOR.getInstance(XtextResourceSet.class);

	Language() {
		resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("zc",
				INJECTOR.getInstance(IResourceFactory.class));
	}

	/** Loads {@code inmemory:/<name>} from text. */
	XtextResource load(String name, String text) {
		XtextResource resource = (XtextResource) resourceSet.createResource(URI.createURI("inmemory:/" + name));
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}
}
