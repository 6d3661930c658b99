package org.zerocarbon.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git commit of a folder and whether its working tree is clean, from {@code git} on the PATH (JGit is not in
 * the target platform). Without git, or outside a repository, both are "unknown".
 *
 * @param commit the commit id, or "unknown"
 * @param state  "clean", "dirty" or "unknown"
 */
public record Git(String commit, String state) {

	/** Nothing known. */
	public static final Git UNKNOWN = new Git("unknown", "unknown");

	/**
	 * Asks git about the folder: the last commit that changed it (not HEAD, which moves with commits elsewhere in
	 * the repository and would make two packages of the same models differ), and whether it has uncommitted changes.
	 */
	public static Git of(Path folder) {
		String commit = run(folder, "log", "-1", "--format=%H", "--", ".");
		if (commit == null || commit.isBlank()) {
			return UNKNOWN;
		}
		String status = run(folder, "status", "--porcelain", "--", ".");
		return new Git(commit.trim(), status == null ? "unknown" : status.isBlank() ? "clean" : "dirty");
	}

	private static String run(Path folder, String... args) {
		List<String> command = new java.util.ArrayList<>(List.of("git", "-C", folder.toString()));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			process.getOutputStream().close();
			String out;
			try (InputStream in = process.getInputStream()) {
				out = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
			}
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				return null;
			}
			return process.exitValue() == 0 ? out : null;
		} catch (IOException e) {
			return null; // no git on the PATH
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}
}
