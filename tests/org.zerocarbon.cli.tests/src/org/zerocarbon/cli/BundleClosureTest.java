package org.zerocarbon.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The headless configuration zcw derives from the command line's wiring: everything the engine, language and
 * reports need, nothing of the workbench. The test runtime installs the workbench too (SWT, JFace, the IDE), so the
 * closure must leave those out by itself.
 */
class BundleClosureTest {

	private static Set<String> names(Set<String> closure) {
		return closure.stream().map(entry -> entry.substring(0, entry.indexOf(','))).collect(Collectors.toSet());
	}

	@Test
	void theClosureHasWhatTheCommandLineIsWiredToAndNoWorkbench() {
		Bundle cli = FrameworkUtil.getBundle(Zcw.class);
		Set<String> installed = Arrays.stream(cli.getBundleContext().getBundles()).map(Bundle::getSymbolicName).collect(Collectors.toSet());
		Set<String> closure = names(BundleClosure.of(cli));

		for (String needed : Set.of("org.zerocarbon.cli", "org.zerocarbon.lang", "org.zerocarbon.core", "org.zerocarbon.report",
				"org.zerocarbon.diagram", "org.zerocarbon.model", "org.eclipse.xtext", "org.eclipse.emf.ecore", "org.eclipse.core.runtime",
				"org.eclipse.equinox.app", "org.freemarker.freemarker", "org.apache.pdfbox")) {
			assertTrue(closure.contains(needed), needed + " is needed: " + closure);
		}
		for (String ui : Set.of("org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui.workbench", "org.eclipse.ui.ide",
				"org.apache.aries.spifly.dynamic.bundle")) {
			assertTrue(!installed.contains(ui) || !closure.contains(ui), ui + " is not needed: " + closure);
		}
		assertTrue(installed.contains("org.eclipse.swt"), "the test runtime has the workbench, so the test can fail: " + installed);
		assertFalse(closure.contains("org.eclipse.osgi"), "the framework is not a bundle to install");
		assertTrue(BundleClosure.of(cli).stream().allMatch(entry -> entry.matches("[^,]+,\\d+\\.\\d+\\.\\d+.*")), "name,version lines");
	}
}
