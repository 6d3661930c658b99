package org.zerocarbon.lang.tests;

import org.eclipse.xtext.testing.GlobalRegistries;
import org.eclipse.xtext.testing.GlobalRegistries.GlobalStateMemento;
import org.eclipse.xtext.testing.IInjectorProvider;
import org.eclipse.xtext.testing.IRegistryConfigurator;
import org.zerocarbon.lang.ZcStandaloneSetup;
import org.zerocarbon.lang.batch.ZcLanguage;

import com.google.inject.Injector;

/**
 * Gives language tests an injector of the ZeroCarbon language and restores EMF's global registries after each
 * test, so tests do not leak state into each other. (Hand-written: the Xtext generator's test project is off.)
 */
public class ZcInjectorProvider implements IInjectorProvider, IRegistryConfigurator {

	private GlobalStateMemento stateBeforeInjectorCreation;
	private GlobalStateMemento stateAfterInjectorCreation;
	private Injector injector;

	static {
		GlobalRegistries.initializeDefaults();
	}

	@Override
	public Injector getInjector() {
		if (injector == null) {
			// The shared injector (used by ModelValidation, the CLI and the builder) registers the language globally;
			// it must be part of the state that is restored after each test, or later tests lose the registration.
			ZcLanguage.injector();
			stateBeforeInjectorCreation = GlobalRegistries.makeCopyOfGlobalState();
			injector = new ZcStandaloneSetup().createInjectorAndDoEMFRegistration();
			stateAfterInjectorCreation = GlobalRegistries.makeCopyOfGlobalState();
		}
		return injector;
	}

	@Override
	public void restoreRegistry() {
		stateBeforeInjectorCreation.restoreGlobalState();
	}

	@Override
	public void setupRegistry() {
		getInjector();
		stateAfterInjectorCreation.restoreGlobalState();
	}
}
