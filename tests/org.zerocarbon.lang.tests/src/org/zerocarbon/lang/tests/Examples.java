package org.zerocarbon.lang.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;

/** The example projects under {@code examples/} (location passed by the build as system property zc.examples). */
final class Examples {

	private Examples() {
	}

	static Path root() {
		String location = System.getProperty("zc.examples");
		if (location == null) {
			throw new IllegalStateException("System property zc.examples is not set (see the test bundle's pom.xml)");
		}
		Path root = Path.of(location).toAbsolutePath().normalize();
		if (!Files.isDirectory(root)) {
			throw new IllegalStateException("No examples folder at " + root);
		}
		return root;
	}

	/** All .zc files below a folder, sorted. */
	static List<Path> files(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(p -> p.toString().endsWith(".zc")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static List<Path> files() {
		return files(root());
	}

	static List<URI> uris(List<Path> files) {
		return files.stream().map(p -> URI.createFileURI(p.toString())).toList();
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
