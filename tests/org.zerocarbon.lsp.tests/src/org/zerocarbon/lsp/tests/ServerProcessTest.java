package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.validation.ZcIssueCodes;

/**
 * The server as its own process over standard input and output, as editors start it: the example workspace's
 * diagnostics arrive, and {@code shutdown} then {@code exit} end the process with exit code 0. Also writes the
 * server's java argument file for benchmarks/lsp-benchmark.sh and the Neovim screenshot.
 */
class ServerProcessTest {

	@Test
	void aServerProcessPublishesDiagnosticsAndExitsCleanly(@TempDir Path tmp) throws Exception {
		ServerProcess.writeArgumentFile();
		Examples.copyTo(tmp);
		Path cell = tmp.resolve("housing-cell/model/cell.zc");
		// TC1 rated 12 kW: its processing state's 14.5 kW is above it (a warning of the validator, line of the state)
		String text = Files.readString(cell).replaceFirst("rated 30 kW", "rated 12 kW");
		Files.writeString(cell, text);
		int row = (int) text.substring(0, text.indexOf("state processing 14.5 kW")).chars().filter(c -> c == '\n').count();

		Process process = new ProcessBuilder(ServerProcess.command("1g")).redirectError(tmp.resolve("stderr.txt").toFile()).start();
		try (LspClient client = new LspClient(process)) {
			client.initialize(tmp.resolve("housing-cell"), tmp.resolve("zc-library"));
			List<Diagnostic> diagnostics = client.awaitDiagnostics(cell, d -> !d.isEmpty(), 60);
			assertTrue(diagnostics.stream().anyMatch(d -> d.getSeverity() == DiagnosticSeverity.Warning && d.getRange().getStart().getLine() == row
					&& ZcIssueCodes.STATE_POWER_ABOVE_RATED.equals(d.getCode().getLeft())), diagnostics.toString());
			client.server.shutdown().get(60, TimeUnit.SECONDS);
			client.server.exit();
			assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the process ends after exit");
			assertEquals(0, process.exitValue(), "exit after shutdown: exit code 0; " + Files.readString(tmp.resolve("stderr.txt")));
		} finally {
			process.destroyForcibly();
		}
	}
}
