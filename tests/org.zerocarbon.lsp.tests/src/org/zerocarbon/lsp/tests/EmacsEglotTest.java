package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.validation.ZcIssueCodes;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A real editor: Emacs, headless ({@code emacs --batch}), with the project's major mode
 * (editors/emacs/zerocarbon-mode.el) and eglot (Emacs 29's, or Debian's elpa-eglot on Emacs 28), driven by
 * editors/emacs/check.el: eglot starts the server as a process ({@link ServerProcess}), Flymake shows its
 * diagnostics, completion at point asks it for proposals and {@code zerocarbon-footprints} for the code lenses.
 * Skipped when there is no {@code emacs} with eglot, unless {@code ZC_REQUIRE_EMACS=1} (CI), where it fails instead.
 */
class EmacsEglotTest {

	private static final HeadlessEditor EMACS = new HeadlessEditor("emacs", "ZC_EMACS_");

	@Test
	void flymakeShowsAPlantedUnitErrorAndCompletionGoesThroughEglot(@TempDir Path tmp) throws Exception {
		String emacs = emacs();
		// TC1's processing state in kg instead of kW: a mass where the state's power belongs
		Path cell = HeadlessEditor.cell(tmp.resolve("ws"), "state processing 14.5 kW", "state processing 14.5 kg");
		String planted = Files.readString(cell);
		int row = HeadlessEditor.row(planted, planted.indexOf("state processing 14.5 kg"));
		// the line is "\t\tstate processing 14.5 kg for 60 %": two tabs and "state processing 14.5 " (22 characters)
		// come before the unit, so the error starts at character 24
		assertEquals("\t\tstate processing 14.5 kg for 60 %", planted.lines().toList().get(row));

		JsonObject received = check(emacs, tmp, cell, Map.of("ZC_EMACS_COMPLETE", "by truck factor H"));
		List<JsonObject> errors = new ArrayList<>();
		for (JsonElement element : received.getAsJsonArray("diagnostics")) {
			if ("error".equals(element.getAsJsonObject().get("severity").getAsString())) {
				errors.add(element.getAsJsonObject());
			}
		}
		assertEquals(1, errors.size(), "one error, the planted one: " + received);
		JsonObject error = errors.get(0);
		assertEquals(row + ":24", error.get("line").getAsInt() + ":" + error.get("character").getAsInt(), "the unit of line " + (row + 1) + ", 'kg': " + error);
		assertEquals(ZcIssueCodes.WRONG_DIMENSION, HeadlessEditor.string(error.get("code")), error.toString());
		// the validator's message (QuantityValidator): the expected kind, an example unit and what the unit is
		String message = error.get("message").getAsString();
		assertTrue(message.contains("must be a power (e.g. kW), but 'kg' is a mass"), message);
		// Flymake's text of it carries the code too: eglot 1.9 writes "<source> [<code>]: <message>", and the server
		// sends no source
		assertEquals(" [" + ZcIssueCodes.WRONG_DIMENSION + "]: " + message, error.get("text").getAsString());

		// "factor HGV_2015" cut to "factor H": the library's HGV_2015 (zc-library/transport.zc) is proposed, and only
		// names that start with "H" are
		assertEquals("H", received.get("prefix").getAsString(), received.toString());
		List<String> completions = HeadlessEditor.strings(received.getAsJsonArray("completions"));
		assertTrue(completions.contains("HGV_2015"), "completions of H: " + completions);
		assertTrue(completions.stream().allMatch(c -> c.startsWith("H")), "completions of H: " + completions);
	}

	@Test
	void theExampleHasNoDiagnosticsAndShowsTheFootprints(@TempDir Path tmp) throws Exception {
		String emacs = emacs();
		Path work = tmp.resolve("ws");
		Path cell = HeadlessEditor.cell(work, null, null);
		String text = Files.readString(cell);
		int lineRow = HeadlessEditor.row(text, text.indexOf("line Cell "));
		FootprintResult cli = Examples.cellByCli(work, true);

		JsonObject received = check(emacs, tmp, cell, Map.of("ZC_EMACS_LENSES", "1"));
		assertEquals(0, received.getAsJsonArray("diagnostics").size(), "no diagnostics on the example: " + received);
		String total = HeadlessEditor.total(cli);
		String lineLens = HeadlessEditor.lens(received, lineRow);
		long machineLenses = StreamSupport.stream(received.getAsJsonArray("lenses").spliterator(), false).map(JsonElement::getAsJsonObject)
				.filter(lens -> lens.get("line").getAsInt() != lineRow && lens.get("title").getAsString().endsWith("of the line")).count();
		assertTrue(lineLens != null && lineLens.startsWith(total), "the footprint of line Cell " + lineLens + " starts with zcw report's " + total);
		// cell.zc declares eight machines (TC1, VMC1, VMC2, HMC1, MT1, DB1, Wash1, CMM1)
		assertEquals(8L, machineLenses, "a footprint per machine: " + received.getAsJsonArray("lenses"));
	}

	@Test
	void theModeHighlightsAndIndentsWithTheGrammarsKeywords(@TempDir Path tmp) throws Exception {
		String emacs = emacs();
		Path grammar = scripts().resolveSibling("vscode/syntaxes/zerocarbon.tmLanguage.json");
		JsonObject repository = JsonParser.parseString(Files.readString(grammar)).getAsJsonObject().getAsJsonObject("repository");

		String sample = """
				machine TC1 turning "Turning centre" {
				rated 30 kW // not 30 kWh
				output 24 parts/h
				transport 7.8 t over 950 km by truck factor HGV_2015
				}
				""";
		Path in = tmp.resolve("sample.zc");
		Files.writeString(in, sample);
		Path out = tmp.resolve("mode.json");
		String lisp = """
				(let ((json-encoding-pretty-print nil) runs)
				  (find-file (getenv "ZC_IN"))
				  (indent-region (point-min) (point-max))
				  (font-lock-ensure)
				  (goto-char (point-min))
				  (while (not (eobp))
				    (let ((next (next-single-property-change (point) 'face nil (point-max))))
				      (push (list (buffer-substring-no-properties (point) next) (format "%s" (get-text-property (point) 'face))) runs)
				      (goto-char next)))
				  (with-temp-file (getenv "ZC_OUT")
				    (insert (json-encode
				             `((mode . ,(symbol-name (with-current-buffer (get-file-buffer (getenv "ZC_IN")) major-mode)))
				               (text . ,(with-current-buffer (get-file-buffer (getenv "ZC_IN")) (buffer-substring-no-properties (point-min) (point-max))))
				               (runs . ,(vconcat (nreverse runs)))
				               (declarations . ,zerocarbon-declaration-keywords)
				               (operator-words . ,zerocarbon-operator-keywords)
				               (keywords . ,zerocarbon-keywords)
				               (booleans . ,zerocarbon-boolean-keywords)
				               (constants . ,zerocarbon-constant-keywords))))))
				""";
		ProcessBuilder builder = new ProcessBuilder(emacs, "--batch", "-l", scripts().resolve("zerocarbon-mode.el").toString(), "--eval", lisp);
		builder.environment().put("ZC_IN", in.toString());
		builder.environment().put("ZC_OUT", out.toString());
		home(builder, tmp);
		EMACS.run(builder, 60, tmp.resolve("emacs.log"), out);
		JsonObject mode = JsonParser.parseString(Files.readString(out)).getAsJsonObject();
		assertEquals("zerocarbon-mode", mode.get("mode").getAsString(), "*.zc opens in the mode");

		// the mode's word lists are the TextMate grammar's (which generate-grammar.js makes from Zc.xtext)
		for (String list : List.of("declarations", "operator-words", "keywords", "booleans", "constants")) {
			String match = repository.getAsJsonObject(list).getAsJsonArray("patterns").get(0).getAsJsonObject().get("match").getAsString();
			Matcher words = Pattern.compile("\\\\b\\(\\?:(.*)\\)\\\\b").matcher(match);
			assertTrue(words.matches(), list + ": " + match);
			assertEquals(Arrays.asList(words.group(1).split("\\|")), HeadlessEditor.strings(mode.getAsJsonArray(list)), list);
		}

		// faces, run by run: the runs of the sample in order (a run is text of one face)
		List<String[]> runs = new ArrayList<>();
		for (JsonElement run : mode.getAsJsonArray("runs")) {
			runs.add(new String[] { run.getAsJsonArray().get(0).getAsString(), run.getAsJsonArray().get(1).getAsString() });
		}
		int[] at = { 0 };
		String keyword = "font-lock-keyword-face", builtin = "font-lock-builtin-face", constant = "font-lock-constant-face", unit = "font-lock-type-face";
		face(runs, at, "machine", keyword);
		face(runs, at, "TC1", "font-lock-function-name-face"); // the declared name
		face(runs, at, "turning", constant); // a machine kind
		face(runs, at, "\"Turning centre\"", "font-lock-string-face");
		face(runs, at, "rated", builtin);
		face(runs, at, "30", constant);
		face(runs, at, "kW", unit);
		face(runs, at, "not 30 kWh\n", "font-lock-comment-face"); // no number or unit inside the comment
		face(runs, at, "output", builtin);
		face(runs, at, "24", constant);
		face(runs, at, "parts/h", unit); // a quotient of units is one unit
		face(runs, at, "7.8", constant);
		face(runs, at, "t", unit);
		face(runs, at, "over", builtin); // a keyword after a number is not its unit
		face(runs, at, "950", constant);
		face(runs, at, "km", unit);
		face(runs, at, "truck", constant);
		face(runs, at, "factor", keyword);
		face(runs, at, " HGV_2015\n}\n", "nil"); // a reference: no face

		// indentation: one tab per open brace, none on the closing one
		assertEquals(List.of("machine TC1 turning \"Turning centre\" {", "\trated 30 kW // not 30 kWh", "\toutput 24 parts/h",
				"\ttransport 7.8 t over 950 km by truck factor HGV_2015", "}"), mode.get("text").getAsString().lines().toList());
	}

	/** Runs check.el on {@code file} of the copied workspace tmp/ws and returns what it wrote. */
	private static JsonObject check(String emacs, Path tmp, Path file, Map<String, String> more) throws Exception {
		Path scripts = scripts();
		Path out = tmp.resolve("emacs.json");
		ProcessBuilder builder = new ProcessBuilder(emacs, "--batch", "-l", scripts.resolve("zerocarbon-mode.el").toString(), "-l",
				scripts.resolve("check.el").toString());
		EMACS.workspace(builder, tmp.resolve("ws"), file, out);
		builder.environment().put("ZC_EMACS_TIMEOUT", "90");
		home(builder, tmp);
		builder.environment().putAll(more);
		return EMACS.check(builder, 200, tmp.resolve("emacs.log"), out);
	}

	/** No user's init or packages (~/.emacs.d): Debian's site-lisp (elpa-eglot) only. */
	private static void home(ProcessBuilder builder, Path tmp) throws IOException {
		Files.createDirectories(tmp.resolve("home"));
		builder.environment().put("HOME", tmp.resolve("home").toString());
	}

	/** Finds the next run with {@code text} from {@code at[0]} on and checks its face. */
	private static void face(List<String[]> runs, int[] at, String text, String face) {
		for (int i = at[0]; i < runs.size(); i++) {
			if (runs.get(i)[0].equals(text)) {
				assertEquals(face, runs.get(i)[1], "the face of '" + text + "'");
				at[0] = i + 1;
				return;
			}
		}
		fail("no run '" + text + "' after run " + at[0] + ": " + runs.stream().map(r -> r[0] + "=" + r[1]).toList());
	}

	/** The emacs on the PATH if eglot loads in it; skips (or fails when ZC_REQUIRE_EMACS=1) without. */
	static String emacs() throws InterruptedException {
		HeadlessEditor.Probe probe = HeadlessEditor.probe("emacs", "--batch", "--eval", "(progn (require 'eglot) (princ emacs-version))");
		if (probe.ok()) {
			return "emacs";
		}
		return HeadlessEditor.skip("ZC_REQUIRE_EMACS", probe.exit() < 0 ? "emacs is not installed (Debian packages emacs-nox and elpa-eglot)"
				: "emacs cannot load eglot (Debian package elpa-eglot on Emacs 28): " + probe.printed());
	}

	/** editors/emacs of the repository. */
	static Path scripts() {
		return HeadlessEditor.scripts("emacs", "check.el");
	}
}
