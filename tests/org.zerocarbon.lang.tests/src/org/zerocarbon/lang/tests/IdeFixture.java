package org.zerocarbon.lang.tests;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.Modules2;
import org.zerocarbon.lang.ZcRuntimeModule;
import org.zerocarbon.lang.batch.ZcLanguage;
import org.zerocarbon.lang.ide.ZcIdeModule;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** The language with its generic IDE services, and in-memory files for IDE service tests. */
final class IdeFixture {

	static final String LIBRARY = """
			package lib
			factors L {
				grid factor DE = 381 gCO2e/kWh { region "DE" source "s" licence "l" }
				grid factor FR = 56 gCO2e/kWh { region "FR" source "s" licence "l" }
				material factor Steel = 1.91 tCO2/t { source "s" licence "l" }
				material factor Aluminium = 15.1 tCO2e/t { source "s" licence "l" }
				transport factor Truck = 0.126 kgCO2e/tkm { source "s" licence "l" }
			}
			""";

	static {
		// EMF registrations (metamodel, the zc extension, Xtext's binary grammar format) are done once, globally.
		ZcLanguage.injector();
	}

	final Injector injector = Guice.createInjector(Modules2.mixin(new ZcRuntimeModule(), new ZcIdeModule()));
	final XtextResourceSet resourceSet = injector.getInstance(XtextResourceSet.class);

	IdeFixture() {
		load("lib.zc", LIBRARY);
	}

	XtextResource load(String name, String text) {
		XtextResource resource = (XtextResource) injector.getInstance(org.eclipse.xtext.resource.IResourceFactory.class)
				.createResource(URI.createURI("inmemory:/" + name));
		resourceSet.getResources().add(resource);
		try {
			resource.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Map.of());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return resource;
	}
}
