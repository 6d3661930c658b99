package org.zerocarbon.lang;

import org.eclipse.emf.ecore.EPackage;
import org.zerocarbon.model.zc.ZcPackage;

import com.google.inject.Injector;

/**
 * Initialization support for running Xtext languages without Equinox extension registry.
 */
public class ZcStandaloneSetup extends ZcStandaloneSetupGenerated {

	public static void doSetup() {
		new ZcStandaloneSetup().createInjectorAndDoEMFRegistration();
	}

	/**
	 * Also registers the metamodel: the grammar imports the hand-written Ecore, so the generated setup leaves that
	 * to the model bundle's plugin.xml, which only works inside Equinox. On a plain class path (benchmarks, tools)
	 * nothing else would register it.
	 */
	@Override
	public void register(Injector injector) {
		if (!EPackage.Registry.INSTANCE.containsKey(ZcPackage.eNS_URI)) {
			EPackage.Registry.INSTANCE.put(ZcPackage.eNS_URI, ZcPackage.eINSTANCE);
		}
		super.register(injector);
	}
}
