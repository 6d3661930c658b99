package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.validation.ZcIssueCodes;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A real editor: Neovim's built-in LSP client, headless, with the project's set-up (editors/neovim/zerocarbon.lua,
 * driven by editors/neovim/check.lua) opens cell.zc of a two-folder workspace and writes the diagnostics and code
 * lenses it received to a file. Neovim starts the server itself, as a process ({@link ServerProcess}: the bundles
 * this test runs with on a plain class path), so the test needs no built product. Skipped when there is no {@code nvim}, unless
 * {@code ZC_REQUIRE_NVIM=1} (CI), where it fails instead.
 */
class NeovimTest {

	@Test
	void neovimReceivesDiagnosticsAndFootprintLenses(@TempDir Path tmp) throws Exception {
		String nvim = nvim();
		Path work = tmp.resolve("ws");
		Examples.copyTo(work);
		Path cell = work.resolve("housing-cell/model/cell.zc");
		// TC1 rated 12 kW: its processing state (14.5 kW) is above it, a warning; the engine does not use the rating,
		// so the footprint is the example's
		String text = Files.readString(cell);
		String changed = text.replaceFirst("rated 30 kW", "rated 12 kW");
		assertFalse(changed.equals(text), "TC1 is rated 30 kW in the example");
		Files.writeString(cell, changed);
		FootprintResult cli = Examples.cellByCli(work, false);
		int processingRow = row(changed, changed.indexOf("state processing 14.5 kW"));
		int lineRow = row(changed, changed.indexOf("line Cell "));

		Path scripts = scripts();
		Path out = tmp.resolve("nvim.json");
		Path log = tmp.resolve("nvim.log");
		ProcessBuilder builder = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + scripts.resolve("check.lua"))
				.redirectErrorStream(true).redirectOutput(log.toFile());
		Map<String, String> env = builder.environment();
		env.put("ZC_NVIM_FILE", cell.toString());
		env.put("ZC_NVIM_ROOT", work.resolve("housing-cell").toString());
		env.put("ZC_NVIM_FOLDERS", new Gson().toJson(List.of(work.resolve("zc-library").toString())));
		env.put("ZC_NVIM_CMD", new Gson().toJson(ServerProcess.command("1g")));
		env.put("ZC_NVIM_OUT", out.toString());
		env.put("ZC_NVIM_TIMEOUT", "90000");
		for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
			env.put(xdg, tmp.resolve("xdg").resolve(xdg).toString());
		}
		Process process = builder.start();
		boolean ended = process.waitFor(150, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		String printed = Files.exists(log) ? Files.readString(log) : "";
		assertTrue(ended, "nvim ended: " + printed);
		assertEquals(0, process.exitValue(), "nvim's exit code; it printed: " + printed + (Files.exists(out) ? Files.readString(out) : ""));

		JsonObject received = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
		assertFalse(received.get("timedOut").getAsBoolean(), received.toString());
		List<String> warnings = new ArrayList<>();
		for (JsonElement element : received.getAsJsonArray("diagnostics")) {
			JsonObject diagnostic = element.getAsJsonObject();
			// Neovim's severities: 1 error, 2 warning
			if (diagnostic.get("severity").getAsInt() == 2 && ZcIssueCodes.STATE_POWER_ABOVE_RATED.equals(string(diagnostic.get("code")))) {
				warnings.add(diagnostic.get("line").getAsInt() + ": " + diagnostic.get("message").getAsString());
			}
		}
		assertEquals(1, warnings.size(), "one warning above the rating: " + received);
		assertTrue(warnings.get(0).startsWith(processingRow + ": "), "on TC1's processing state, line " + (processingRow + 1) + ": " + warnings);
		String total = String.format(Locale.ROOT, "%,.0f kg CO2e (modules A-C)", cli.total());
		String lineLens = null;
		for (JsonElement element : received.getAsJsonArray("lenses")) {
			JsonObject lens = element.getAsJsonObject();
			if (lens.get("line").getAsInt() == lineRow) {
				lineLens = lens.get("title").getAsString();
			}
		}
		assertTrue(lineLens != null && lineLens.startsWith(total), "the lens of line Cell " + lineLens + " starts with zcw report's " + total);
	}

	/** The nvim on the PATH; skips (or fails when ZC_REQUIRE_NVIM=1) without one. */
	static String nvim() throws InterruptedException {
		try {
			Process version = new ProcessBuilder("nvim", "--version").redirectErrorStream(true).start();
			String first = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
			if (version.waitFor() == 0 && first.startsWith("NVIM v")) {
				return "nvim";
			}
		} catch (IOException e) {
			// not installed
		}
		if ("1".equals(System.getenv("ZC_REQUIRE_NVIM"))) {
			fail("ZC_REQUIRE_NVIM=1 but there is no nvim on the PATH (Debian package neovim)");
		}
		Assumptions.abort("nvim is not installed (Debian package neovim): the Neovim test is skipped");
		return null;
	}

	/** editors/neovim of the repository (system property zc.lsp.nvim). */
	static Path scripts() {
		String dir = System.getProperty("zc.lsp.nvim");
		Path path = (dir == null ? Path.of("../../editors/neovim") : Path.of(dir)).toAbsolutePath().normalize();
		assertTrue(Files.isRegularFile(path.resolve("check.lua")), "check.lua in " + path);
		return path;
	}

	private static int row(String text, int offset) {
		assertTrue(offset >= 0, "marker in the text");
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
	}

	private static String string(JsonElement element) {
		return element == null || element.isJsonNull() ? null : element.getAsString();
	}
}
