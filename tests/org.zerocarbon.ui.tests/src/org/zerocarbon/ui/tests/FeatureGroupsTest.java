package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.zerocarbon.ui.internal.FeatureGroups;
import org.zerocarbon.ui.internal.FeatureGroups.Feature;

/**
 * Help &gt; About &gt; Installation Details &gt; Features lists the platform's bundle groups. Ours come from
 * FeatureGroups, a registered provider (p2's is not in the product) that reads the installation's features folder;
 * here on folders written by the test.
 */
class FeatureGroupsTest {

	@TempDir
	Path folder;

	@Test
	void theProviderIsRegisteredAsAService() {
		assertTrue(Arrays.stream(Platform.getBundleGroupProviders()).anyMatch(p -> p instanceof FeatureGroups),
				"registered by OSGI-INF/featureGroups.xml");
	}

	@Test
	void readsLabelsVersionsProvidersDescriptionsAndTheInstalledPlugins() throws IOException {
		write("org.zerocarbon.ui.feature_0.1.0.202612030702", """
				<?xml version="1.0" encoding="UTF-8"?>
				<feature id="org.zerocarbon.ui.feature" label="ZeroCarbon Workbench UI" version="0.1.0.202612030702"
				      provider-name="ZeroCarbon Workbench">
				   <description>The workbench.</description>
				   <plugin id="org.zerocarbon.ui" version="0.0.0"/>
				   <plugin id="org.example.not.installed" version="0.0.0"/>
				</feature>
				""");
		Path runtime = write("org.zerocarbon.runtime.feature_0.1.0.202612030702", """
				<?xml version="1.0" encoding="UTF-8"?>
				<feature id="org.zerocarbon.runtime.feature" label="%featureName" version="0.1.0.202612030702" provider-name="%provider">
				   <plugin id="org.zerocarbon.core" version="0.0.0"/>
				</feature>
				""");
		Files.writeString(runtime.resolve("feature.properties"),
				"featureName=ZeroCarbon Workbench headless runtime\nprovider=ZeroCarbon Workbench\n");
		Files.createDirectories(folder.resolve("not-a-feature"));

		List<Feature> features = FeatureGroups.read(folder);
		assertEquals(List.of("org.zerocarbon.runtime.feature", "org.zerocarbon.ui.feature"), features.stream().map(Feature::id).toList());
		Feature headless = features.get(0);
		assertEquals("ZeroCarbon Workbench headless runtime", headless.getName(), "the %key from feature.properties");
		assertEquals("ZeroCarbon Workbench", headless.getProviderName());
		assertEquals("0.1.0.202612030702", headless.getVersion());
		Feature workbench = features.get(1);
		assertEquals("ZeroCarbon Workbench UI", workbench.getName());
		assertEquals("The workbench.", workbench.getDescription());
		// the installed plug-ins only: org.example.not.installed is not in the test runtime
		assertEquals(List.of("org.zerocarbon.ui"), Arrays.stream(workbench.getBundles()).map(Bundle::getSymbolicName).toList());
	}

	/** A feature.xml with a DTD (here one that would read a local file into the label) is skipped, not expanded. */
	@Test
	void refusesDoctypesAndExternalEntities() throws IOException {
		Path secret = Files.writeString(folder.resolve("secret.txt"), "do-not-leak");
		write("evil_1.0.0", """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE feature [ <!ENTITY leak SYSTEM "%s"> ]>
				<feature id="evil" label="&leak;" version="1.0.0"/>
				""".formatted(secret.toUri()));
		write("good_1.0.0", """
				<feature id="good" label="Good" version="1.0.0"/>
				""");

		List<Feature> features = FeatureGroups.read(folder);
		assertEquals(List.of("good"), features.stream().map(Feature::id).toList(), "the feature with a DTD is left out");
	}

	private Path write(String name, String xml) throws IOException {
		Path feature = Files.createDirectories(folder.resolve(name));
		Files.writeString(feature.resolve("feature.xml"), xml);
		return feature;
	}
}
