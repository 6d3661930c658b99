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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.zerocarbon.core.footprint.FootprintResult;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A real editor that the language server tests run headless (NeovimTest, EmacsEglotTest): found on the PATH, or
 * the test is skipped, unless {@code ZC_REQUIRE_<EDITOR>=1} (CI), where it fails instead; its check script
 * (editors/&lt;editor&gt;/check.*) is given the file, the workspace and the server command in environment variables
 * {@code ZC_<EDITOR>_FILE}, {@code _ROOT}, {@code _FOLDERS}, {@code _CMD} and {@code _OUT}, run as a process with a
 * time limit, and writes what the editor received to a JSON file.
 */
final class HeadlessEditor {

	private final String name;

	private final String prefix;

	/** {@code name} for messages (nvim, emacs); {@code prefix} of the script's variables (ZC_NVIM_). */
	HeadlessEditor(String name, String prefix) {
		this.name = name;
		this.prefix = prefix;
	}

	/**
	 * The environment of the check script on {@code file} of {@code work} (a copy of the examples,
	 * {@link Examples#copyTo}): housing-cell the first workspace folder, zc-library the second, the server started
	 * as {@link ServerProcess}, the JSON written to {@code out}.
	 */
	void workspace(ProcessBuilder builder, Path work, Path file, Path out) {
		Map<String, String> env = builder.environment();
		env.put(prefix + "FILE", file.toString());
		env.put(prefix + "ROOT", work.resolve("housing-cell").toString());
		env.put(prefix + "FOLDERS", new Gson().toJson(List.of(work.resolve("zc-library").toString())));
		env.put(prefix + "CMD", new Gson().toJson(ServerProcess.command("1g")));
		env.put(prefix + "OUT", out.toString());
	}

	/** Runs the editor (its output to {@code log}) and checks that it ends within {@code seconds}, with exit code 0. */
	void run(ProcessBuilder builder, int seconds, Path log, Path out) throws IOException, InterruptedException {
		Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean ended = process.waitFor(seconds, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly();
		}
		String printed = Files.exists(log) ? Files.readString(log) : "";
		assertTrue(ended, name + " ended: " + printed);
		assertEquals(0, process.exitValue(), name + "'s exit code; it printed: " + printed + (Files.exists(out) ? Files.readString(out) : ""));
	}

	/** {@link #run}, then what the check script wrote to {@code out}, which must not report a time-out. */
	JsonObject check(ProcessBuilder builder, int seconds, Path log, Path out) throws IOException, InterruptedException {
		run(builder, seconds, log, out);
		JsonObject received = JsonParser.parseString(Files.readString(out, StandardCharsets.UTF_8)).getAsJsonObject();
		assertFalse(received.get("timedOut").getAsBoolean(), received.toString());
		return received;
	}

	/** What a probe command printed (stripped) and its exit code; -1 when it did not start (not installed). */
	record Probe(int exit, String printed) {

		boolean ok() {
			return exit == 0;
		}
	}

	/** Runs {@code command} to see whether the editor is there and works. */
	static Probe probe(String... command) throws InterruptedException {
		try {
			Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
			String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Probe(probe.waitFor(), printed.strip());
		} catch (IOException e) {
			return new Probe(-1, "");
		}
	}

	/** Skips the test for {@code problem}, or fails it when {@code variable} is 1 (CI); returns nothing. */
	static String skip(String variable, String problem) {
		if ("1".equals(System.getenv(variable))) {
			fail(variable + "=1 but " + problem);
		}
		Assumptions.abort(problem + ": the test is skipped");
		return null;
	}

	/** editors/{@code editor} of the repository, which holds {@code script}: beside the folder of system property zc.lsp.nvim. */
	static Path scripts(String editor, String script) {
		String dir = System.getProperty("zc.lsp.nvim");
		Path path = (dir == null ? Path.of("../../editors", editor) : Path.of(dir).resolveSibling(editor)).toAbsolutePath().normalize();
		assertTrue(Files.isRegularFile(path.resolve(script)), script + " in " + path);
		return path;
	}

	/**
	 * Copies the examples to {@code work} ({@link Examples#copyTo}) and returns its housing-cell/model/cell.zc, with the
	 * first {@code from} in it (which must be there) replaced by {@code to}, or as it is when {@code from} is null.
	 */
	static Path cell(Path work, String from, String to) throws IOException {
		Examples.copyTo(work);
		Path cell = work.resolve("housing-cell/model/cell.zc");
		if (from != null) {
			String text = Files.readString(cell);
			String changed = text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
			assertFalse(changed.equals(text), "'" + from + "' in the example's cell.zc");
			Files.writeString(cell, changed);
		}
		return cell;
	}

	/** The title of the lens on {@code line} (zero-based) of the check script's "lenses", or null. */
	static String lens(JsonObject received, int line) {
		for (JsonElement element : received.getAsJsonArray("lenses")) {
			JsonObject lens = element.getAsJsonObject();
			if (lens.get("line").getAsInt() == line) {
				return string(lens.get("title"));
			}
		}
		return null;
	}

	/** How the line's lens starts: {@code zcw report}'s total, e.g. "1,234 kg CO2e (modules A-C)". */
	static String total(FootprintResult cli) {
		return String.format(Locale.ROOT, "%,.0f kg CO2e (modules A-C)", cli.total());
	}

	/** The zero-based line of {@code offset} in {@code text}. */
	static int row(String text, int offset) {
		assertTrue(offset >= 0, "marker in the text");
		return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
	}

	static List<String> strings(JsonArray array) {
		List<String> strings = new ArrayList<>();
		array.forEach(e -> strings.add(e.getAsString()));
		return strings;
	}

	static String string(JsonElement element) {
		return element == null || element.isJsonNull() ? null : element.getAsString();
	}
}
