package org.zerocarbon.lsp.tests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The language server as a process of its own, the way an editor starts it: a JVM running
 * {@code org.zerocarbon.lsp.ZcLanguageServer} on a plain class path made of the bundles this test runs with (their
 * jars, or the class folders of the bundles the build just compiled), talking over standard input and output.
 */
final class ServerProcess {

	private ServerProcess() {
	}

	/**
	 * The class path: every bundle of the running framework, as a jar or class folder, the framework's own jar
	 * included (Equinox's common runtime, which the engine's progress monitors come from, uses its classes).
	 */
	static List<Path> classPath() {
		Set<Path> entries = new LinkedHashSet<>();
		Bundle self = FrameworkUtil.getBundle(ServerProcess.class);
		for (Bundle bundle : self.getBundleContext().getBundles()) {
			File location = FileLocator.getBundleFileLocation(bundle).orElse(null);
			if (location == null) {
				continue;
			}
			Path path = location.toPath().toAbsolutePath().normalize();
			// a bundle of the reactor is its project folder; its classes are in target/classes
			Path classes = path.resolve("target/classes");
			entries.add(Files.isDirectory(path) && Files.isDirectory(classes) ? classes : path);
		}
		return new ArrayList<>(entries);
	}

	/** The java command that starts the server: {@code java -Xmx2g -cp ... org.zerocarbon.lsp.ZcLanguageServer}. */
	static List<String> command(String heap) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx" + heap);
		command.add("-cp");
		command.add(String.join(File.pathSeparator, classPath().stream().map(Path::toString).toList()));
		command.add("org.zerocarbon.lsp.ZcLanguageServer");
		return command;
	}

	/**
	 * Writes the command's JVM options to a java argument file ({@code java @file}), for the benchmark and the
	 * screenshot script: target/server.args of the test project (system property zc.lsp.serverArgs).
	 */
	static void writeArgumentFile() {
		String file = System.getProperty("zc.lsp.serverArgs");
		if (file == null) {
			return;
		}
		List<String> command = command("2g");
		try {
			Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
			Files.writeString(Path.of(file), String.join("\n", command.subList(1, command.size())) + "\n");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
