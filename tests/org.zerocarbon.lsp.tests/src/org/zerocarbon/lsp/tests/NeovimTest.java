package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.validation.ZcIssueCodes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A real editor: Neovim's built-in LSP client, headless, with the project's set-up (editors/neovim/zerocarbon.lua,
 * driven by editors/neovim/check.lua) opens cell.zc of a two-folder workspace and writes the diagnostics and code
 * lenses it received to a file. Neovim starts the server itself, as a process ({@link ServerProcess}: the bundles
 * this test runs with on a plain class path), so the test needs no built product. Skipped when there is no {@code nvim}, unless
 * {@code ZC_REQUIRE_NVIM=1} (CI), where it fails instead.
 */
class NeovimTest {

	private static final HeadlessEditor NVIM = new HeadlessEditor("nvim", "ZC_NVIM_");

	@Test
	void neovimReceivesDiagnosticsAndFootprintLenses(@TempDir Path tmp) throws Exception {
		String nvim = nvim();
		Path work = tmp.resolve("ws");
		// TC1 rated 12 kW: its processing state (14.5 kW) is above it, a warning; the engine does not use the rating,
		// so the footprint is the example's
		Path cell = HeadlessEditor.cell(work, "rated 30 kW", "rated 12 kW");
		String changed = Files.readString(cell);
		FootprintResult cli = Examples.cellByCli(work, false);
		int processingRow = HeadlessEditor.row(changed, changed.indexOf("state processing 14.5 kW"));
		int lineRow = HeadlessEditor.row(changed, changed.indexOf("line Cell "));

		Path out = tmp.resolve("nvim.json");
		ProcessBuilder builder = new ProcessBuilder(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
				"luafile " + HeadlessEditor.scripts("neovim", "check.lua").resolve("check.lua"));
		NVIM.workspace(builder, work, cell, out);
		Map<String, String> env = builder.environment();
		env.put("ZC_NVIM_TIMEOUT", "90000");
		for (String xdg : List.of("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")) {
			env.put(xdg, tmp.resolve("xdg").resolve(xdg).toString());
		}
		JsonObject received = NVIM.check(builder, 150, tmp.resolve("nvim.log"), out);
		List<String> warnings = new ArrayList<>();
		for (JsonElement element : received.getAsJsonArray("diagnostics")) {
			JsonObject diagnostic = element.getAsJsonObject();
			// Neovim's severities: 1 error, 2 warning
			if (diagnostic.get("severity").getAsInt() == 2 && ZcIssueCodes.STATE_POWER_ABOVE_RATED.equals(HeadlessEditor.string(diagnostic.get("code")))) {
				warnings.add(diagnostic.get("line").getAsInt() + ": " + diagnostic.get("message").getAsString());
			}
		}
		assertEquals(1, warnings.size(), "one warning above the rating: " + received);
		assertTrue(warnings.get(0).startsWith(processingRow + ": "), "on TC1's processing state, line " + (processingRow + 1) + ": " + warnings);
		String total = HeadlessEditor.total(cli);
		String lineLens = HeadlessEditor.lens(received, lineRow);
		assertTrue(lineLens != null && lineLens.startsWith(total), "the lens of line Cell " + lineLens + " starts with zcw report's " + total);
	}

	/** The nvim on the PATH; skips (or fails when ZC_REQUIRE_NVIM=1) without one. */
	static String nvim() throws InterruptedException {
		HeadlessEditor.Probe version = HeadlessEditor.probe("nvim", "--version");
		if (version.ok() && version.printed().startsWith("NVIM v")) {
			return "nvim";
		}
		return HeadlessEditor.skip("ZC_REQUIRE_NVIM", "there is no nvim on the PATH (Debian package neovim)");
	}
}
