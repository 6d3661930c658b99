package org.zerocarbon.architecture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the dependency rules of ARCHITECTURE.md true by reading every bundle's MANIFEST.MF: logic bundles stay
 * free of UI, only the workspace and UI bundles touch Eclipse resources, the metamodel depends on EMF only, and
 * every bundle is shipped in a feature and built by the parent POM.
 */
class DependencyRulesTest {

	private static final Path ROOT = findRepositoryRoot();

	static Stream<Path> bundles() throws IOException {
		try (Stream<Path> dirs = Files.list(ROOT.resolve("bundles"))) {
			List<Path> result = dirs.filter(d -> Files.isRegularFile(d.resolve("META-INF/MANIFEST.MF"))).sorted().toList();
			assertFalse(result.isEmpty(), "no bundles found under " + ROOT);
			return result.stream();
		}
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void onlyUiBundlesRequireUi(Path bundle) throws IOException {
		if (isUiBundle(bundle)) {
			return;
		}
		for (String dependency : dependencies(bundle)) {
			assertFalse(dependency.startsWith("org.eclipse.ui") || dependency.startsWith("org.eclipse.swt")
					|| dependency.startsWith("org.eclipse.jface") || dependency.startsWith("org.eclipse.e4.ui"),
					name(bundle) + " is not a UI bundle but depends on " + dependency);
		}
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void onlyWorkspaceAndUiBundlesRequireResources(Path bundle) throws IOException {
		if (isUiBundle(bundle) || name(bundle).equals("org.zerocarbon.workspace")) {
			return;
		}
		assertFalse(dependencies(bundle).stream().anyMatch(d -> d.startsWith("org.eclipse.core.resources")),
				name(bundle) + " must not depend on org.eclipse.core.resources (only workspace and UI bundles may)");
	}

	@Test
	void metamodelDependsOnEmfOnly() throws IOException {
		for (String dependency : dependencies(ROOT.resolve("bundles/org.zerocarbon.model"))) {
			assertTrue(dependency.startsWith("org.eclipse.emf."), "the metamodel bundle depends on " + dependency);
		}
	}

	/**
	 * The telemetry readers are plain Java (equinox.common, the JDK's XML and HTTP, Gson, commons-csv); the lead's
	 * model binding inside the bundle may add model, core and units.
	 */
	@Test
	void telemetryStaysPlain() throws IOException {
		List<String> allowed = List.of("org.eclipse.equinox.common", "org.zerocarbon.model", "org.zerocarbon.core",
				"org.zerocarbon.units", "com.google.gson", "org.apache.commons.csv", "javax.xml", "org.w3c.dom", "org.xml.sax");
		for (String dependency : dependencies(ROOT.resolve("bundles/org.zerocarbon.telemetry"))) {
			assertTrue(allowed.stream().anyMatch(a -> dependency.equals(a) || dependency.startsWith(a + ".")),
					"org.zerocarbon.telemetry depends on " + dependency);
		}
	}

	/**
	 * The capability bundles stay in their layer: the telemetry readers are plain Java (no EMF, no model, so they can
	 * be reused and benchmarked alone); the engine sees measured data only through the telemetry API, never the
	 * binding or a protocol bundle; the binding, evidence and interop bundles sit on the engine, below every UI.
	 */
	@Test
	void capabilityBundlesStayInTheirLayer() throws IOException {
		for (String dependency : dependencies(ROOT.resolve("bundles/org.zerocarbon.telemetry"))) {
			assertFalse(dependency.startsWith("org.eclipse.emf") || dependency.startsWith("org.zerocarbon."),
					"the telemetry readers must not depend on " + dependency + " (plain Java below the model)");
		}
		for (String dependency : dependencies(ROOT.resolve("bundles/org.zerocarbon.core"))) {
			assertFalse(dependency.startsWith("org.zerocarbon.telemetry.") || dependency.startsWith("org.zerocarbon.evidence")
					|| dependency.startsWith("org.zerocarbon.interop") || dependency.startsWith("org.eclipse.milo"),
					"the engine must not depend on " + dependency + " (only on the telemetry API)");
		}
		for (String capability : List.of("org.zerocarbon.telemetry.model", "org.zerocarbon.telemetry.opcua", "org.zerocarbon.evidence",
				"org.zerocarbon.interop")) {
			Path bundle = ROOT.resolve("bundles").resolve(capability);
			if (!Files.isDirectory(bundle)) {
				continue;
			}
			for (String dependency : dependencies(bundle)) {
				assertFalse(dependency.startsWith("org.zerocarbon.ui") || dependency.startsWith("org.zerocarbon.workspace")
						|| dependency.startsWith("org.zerocarbon.cli") || dependency.startsWith("org.zerocarbon.diagram.ui"),
						capability + " is below the workspace, the CLI and the UI but depends on " + dependency);
			}
		}
	}

	/**
	 * Parameters and scenarios: the evaluator sits on the metamodel and the units only (the language and the engine
	 * both use it, so it may depend on neither); the scenario comparison sits on the engine, below the report, the
	 * CLI, the workspace and every UI.
	 */
	@Test
	void parametersAndScenariosStayInTheirLayer() throws IOException {
		List<String> allowed = List.of("org.zerocarbon.model", "org.zerocarbon.units", "org.eclipse.emf.ecore", "org.eclipse.emf.common",
				"javax.measure", "org.apache.commons.statistics");
		for (String dependency : dependencies(ROOT.resolve("bundles/org.zerocarbon.parameters"))) {
			assertTrue(allowed.stream().anyMatch(a -> dependency.equals(a) || dependency.startsWith(a + ".")),
					"org.zerocarbon.parameters depends on " + dependency + " (it may use the metamodel, the units, EMF and commons-statistics only)");
		}
		for (String dependency : dependencies(ROOT.resolve("bundles/org.zerocarbon.scenarios"))) {
			assertFalse(dependency.startsWith("org.zerocarbon.report") || dependency.startsWith("org.zerocarbon.cli")
					|| dependency.startsWith("org.zerocarbon.workspace") || dependency.startsWith("org.zerocarbon.lang")
					|| dependency.startsWith("org.zerocarbon.ui") || dependency.startsWith("org.zerocarbon.diagram"),
					"org.zerocarbon.scenarios sits on the engine but depends on " + dependency);
		}
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void everyBundleIsInAFeatureAndInTheBuild(Path bundle) throws IOException {
		String features = readAll(ROOT.resolve("features"), "feature.xml");
		assertTrue(features.contains("<plugin id=\"" + name(bundle) + "\""), name(bundle) + " is in no feature");
		String pom = Files.readString(ROOT.resolve("pom.xml"));
		assertTrue(pom.contains("<module>bundles/" + bundle.getFileName() + "</module>"), bundle + " is not a module of the build");
	}

	@ParameterizedTest
	@MethodSource("bundles")
	void bundleSymbolicNameMatchesItsFolder(Path bundle) throws IOException {
		assertEquals(bundle.getFileName().toString(), name(bundle));
	}

	private static boolean isUiBundle(Path bundle) {
		String name = bundle.getFileName().toString();
		return name.endsWith(".ui") || name.contains(".ui.");
	}

	private static String name(Path bundle) throws IOException {
		String value = manifest(bundle).getMainAttributes().getValue("Bundle-SymbolicName");
		return value.split(";")[0].trim();
	}

	/** Required bundles and imported packages, without their attributes and directives. */
	private static List<String> dependencies(Path bundle) throws IOException {
		List<String> result = new ArrayList<>();
		for (String header : new String[] { "Require-Bundle", "Import-Package" }) {
			String value = manifest(bundle).getMainAttributes().getValue(header);
			if (value != null) {
				for (String clause : splitClauses(value)) {
					result.add(clause.split(";")[0].trim());
				}
			}
		}
		return result;
	}

	/** Splits a manifest header at the commas that are not inside quoted version ranges. */
	static List<String> splitClauses(String header) {
		List<String> clauses = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : header.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				clauses.add(current.toString());
				current.setLength(0);
			} else {
				current.append(c);
			}
		}
		if (!current.isEmpty()) {
			clauses.add(current.toString());
		}
		return clauses;
	}

	@Test
	void clauseSplittingRespectsQuotedRanges() {
		assertEquals(List.of("a;bundle-version=\"[1.0,2.0)\"", " b"), splitClauses("a;bundle-version=\"[1.0,2.0)\", b"));
	}

	private static Manifest manifest(Path bundle) throws IOException {
		try (InputStream in = Files.newInputStream(bundle.resolve("META-INF/MANIFEST.MF"))) {
			return new Manifest(in);
		}
	}

	private static String readAll(Path dir, String fileName) throws IOException {
		StringBuilder text = new StringBuilder();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(f -> f.getFileName().toString().equals(fileName)).toList()) {
				text.append(Files.readString(file));
			}
		}
		return text.toString();
	}

	private static Path findRepositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !(Files.isDirectory(dir.resolve("bundles")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}
}
