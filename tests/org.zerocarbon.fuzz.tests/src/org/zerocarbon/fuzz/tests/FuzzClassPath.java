package org.zerocarbon.fuzz.tests;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The flat class path of a child JVM that runs this bundle's code outside OSGi: the Jazzer jars, then every bundle
 * the test bundle is wired to, directly or not (required bundles, imported packages, fragments), as a jar or a
 * folder of classes, with nested jars of a {@code Bundle-ClassPath} copied out, and the OSGi framework jar.
 * Bundles the test runtime holds but nothing here uses (the platform's UI bundles) are left out.
 */
final class FuzzClassPath {

	/** System property: the folder holding the Jazzer jars (the pom copies them to {@code target/jazzer}). */
	static final String JAZZER_DIR = "zc.jazzer.dir";

	private FuzzClassPath() {
	}

	/**
	 * The class path of {@code type}'s bundle, Jazzer first.
	 *
	 * @param nested the folder that nested jars are copied to
	 */
	static List<String> of(Class<?> type, Path nested) throws IOException {
		Set<String> path = new LinkedHashSet<>();
		Path jazzer = Path.of(System.getProperty(JAZZER_DIR, "target/jazzer")).toAbsolutePath();
		try (Stream<Path> jars = Files.list(jazzer)) {
			jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> path.add(p.toString()));
		} catch (IOException e) {
			throw new IOException("the Jazzer jars are not in " + jazzer + " (the pom copies them at process-test-classes)", e);
		}
		Bundle self = FrameworkUtil.getBundle(type);
		Files.createDirectories(nested);
		for (Bundle bundle : closure(self)) {
			if (bundle.getBundleId() == 0) {
				continue; // the framework: added last, from the launcher's property
			}
			File file = FileLocator.getBundleFileLocation(bundle).orElse(null);
			if (file != null) {
				addBundle(bundle, file, nested, path);
			}
		}
		String framework = System.getProperty("osgi.framework");
		if (framework != null && framework.startsWith("file:")) {
			path.add(Path.of(URI.create(framework.replace(" ", "%20"))).toString());
		}
		return new ArrayList<>(path);
	}

	/** The bundle and all bundles it is wired to, following the wires of every namespace, with their fragments. */
	static Set<Bundle> closure(Bundle start) {
		Set<Bundle> seen = new LinkedHashSet<>();
		Deque<Bundle> todo = new ArrayDeque<>(List.of(start));
		while (!todo.isEmpty()) {
			Bundle bundle = todo.pop();
			if (!seen.add(bundle)) {
				continue;
			}
			BundleWiring wiring = bundle.adapt(BundleWiring.class);
			if (wiring == null) {
				continue;
			}
			for (BundleWire wire : wiring.getRequiredWires(null)) {
				todo.add(wire.getProvider().getBundle());
			}
			for (BundleWire wire : wiring.getProvidedWires("osgi.wiring.host")) {
				todo.add(wire.getRequirer().getBundle()); // fragments of this bundle
			}
		}
		return seen;
	}

	private static void addBundle(Bundle bundle, File file, Path nested, Set<String> path) throws IOException {
		String classPath = bundle.getHeaders().get("Bundle-ClassPath");
		List<String> entries = new ArrayList<>();
		if (classPath == null) {
			entries.add(".");
		} else {
			for (String entry : classPath.split(",")) {
				entries.add(entry.split(";")[0].trim());
			}
		}
		for (String entry : entries) {
			if (file.isDirectory()) {
				// a bundle of the reactor, run from its project folder: its classes are in target/classes
				File classes = new File(file, "target/classes");
				path.add(".".equals(entry) ? (classes.isDirectory() ? classes : file).toString()
						: new File(file, entry).toString());
			} else if (".".equals(entry)) {
				path.add(file.toString());
			} else {
				try (JarFile jar = new JarFile(file)) {
					ZipEntry inner = jar.getEntry(entry);
					if (inner != null && !inner.isDirectory()) {
						Path copy = nested.resolve(bundle.getSymbolicName() + "-" + Path.of(entry).getFileName());
						try (InputStream in = jar.getInputStream(inner)) {
							Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
						}
						path.add(copy.toString());
					}
				}
			}
		}
	}
}
