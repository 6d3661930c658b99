package org.zerocarbon.lsp.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** The example projects of the repository, copied to a temporary directory so that tests may change them. */
final class Examples {

	private Examples() {
	}

	static Path source() {
		String dir = System.getProperty("zc.examples");
		Path path = dir == null ? Path.of("../../examples") : Path.of(dir);
		if (!Files.isDirectory(path.resolve("housing-cell"))) {
			throw new IllegalStateException("examples not found at " + path.toAbsolutePath() + " (system property zc.examples)");
		}
		return path.toAbsolutePath().normalize();
	}

	/** Copies examples/housing-cell and examples/zc-library into {@code target}. */
	static void copyTo(Path target) {
		Path source = source();
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Path relative = source.relativize(file);
				if (!relative.toString().isEmpty() && !relative.startsWith("housing-cell") && !relative.startsWith("zc-library")) {
					continue;
				}
				Path copy = target.resolve(relative.toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(copy);
				} else {
					Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
