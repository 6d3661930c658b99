package org.zerocarbon.lang.batch;

import org.zerocarbon.lang.ZcStandaloneSetup;

import com.google.inject.Injector;

/**
 * The one Guice injector of the ZeroCarbon language for code that is not itself created by Xtext: the CLI,
 * the Eclipse builder, tests. Creating it registers the {@code zc} file extension and the metamodel in EMF's
 * global registries, which works the same inside and outside OSGi.
 */
public final class ZcLanguage {

	private static volatile Injector injector;

	private ZcLanguage() {
	}

	/** Returns the shared injector, creating it on first use. Thread-safe. */
	public static Injector injector() {
		Injector result = injector;
		if (result == null) {
			synchronized (ZcLanguage.class) {
				result = injector;
				if (result == null) {
					result = new ZcStandaloneSetup().createInjectorAndDoEMFRegistration();
					injector = result;
				}
			}
		}
		return result;
	}
}
