package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zerocarbon.model.zc.ZcModel;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.inject.Inject;

/**
 * The VS Code extension's snippets (editors/vscode/snippets/zerocarbon.json), expanded with their default text as
 * VS Code inserts them when the user only presses Tab, parse and validate without errors.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class VsCodeSnippetsTest {

	/** Snippets that are not a whole file, and the text around them (a machine belongs in a line). */
	private static final Map<String, String[]> CONTEXT = Map.of("Machine", new String[] { "line Cell {\n", "\n}\n" });

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;

	static Path snippetsFile() {
		Path file = Examples.root().resolve("../editors/vscode/snippets/zerocarbon.json").normalize();
		assertTrue(Files.isRegularFile(file), "no snippets at " + file);
		return file;
	}

	static JsonObject snippets() {
		return JsonParser.parseString(Examples.read(snippetsFile())).getAsJsonObject();
	}

	static Stream<String> snippetNames() {
		return snippets().keySet().stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("snippetNames")
	void snippetsDefaultTextParsesAndValidates(String name) throws Exception {
		JsonObject snippet = snippets().getAsJsonObject(name);
		String body = snippet.getAsJsonArray("body").asList().stream().map(JsonElement::getAsString)
				.collect(Collectors.joining("\n"));
		String[] around = CONTEXT.getOrDefault(name, new String[] { "", "" });
		String text = around[0] + expand(body) + around[1];
		ZcModel model = parser.parse(text);
		assertTrue(model.eResource().getErrors().isEmpty(),
				() -> name + ": syntax or linking errors " + model.eResource().getErrors() + " in\n" + text);
		List<Issue> errors = validator.validate(model).stream().filter(i -> i.getSeverity() == Severity.ERROR).toList();
		assertEquals(List.of(), errors, () -> name + " in\n" + text);
		assertFalse(model.getElements().isEmpty(), name);
	}

	@Test
	void theThreeSnippetsTheIssueAsksForAreThere() {
		assertTrue(snippets().keySet().containsAll(List.of("Line", "Machine", "Methodology")), snippets().keySet()::toString);
	}

	@Test
	void expansionOfTheSnippetSyntax() {
		// Worked by hand from VS Code's snippet syntax: placeholders give their default (nested ones too), a choice
		// its first option, a mirror the text of its tab stop, $0 and variables nothing; \$ and \} are literal.
		assertEquals("machine VMC1 vmc {\n\trated 25 kW\n\t\n}",
				expand("machine ${1:VMC1} ${2|vmc,hmc|} {\n\trated ${3:25} kW\n\t$0\n}"));
		assertEquals("a b-c b-c $ } x", expand("${1:a} ${2:b-${3:c}} $2 \\$ \\} x$TM_SELECTED_TEXT"));
		assertEquals("line L, L", expand("line ${1:L}, ${1}"));
	}

	/** A snippet body as VS Code inserts it when every tab stop keeps its default. */
	static String expand(String body) {
		Map<String, String> stops = new HashMap<>();
		int[] at = { 0 };
		return expand(body, at, false, stops);
	}

	// Recursive descent over VS Code's snippet grammar (a few lines; no Java library implements it).
	private static String expand(String s, int[] at, boolean inPlaceholder, Map<String, String> stops) {
		StringBuilder out = new StringBuilder();
		while (at[0] < s.length()) {
			char c = s.charAt(at[0]);
			if (c == '\\' && at[0] + 1 < s.length() && "$}\\".indexOf(s.charAt(at[0] + 1)) >= 0) {
				out.append(s.charAt(at[0] + 1));
				at[0] += 2;
			} else if (inPlaceholder && c == '}') {
				return out.toString();
			} else if (c == '$' && at[0] + 1 < s.length() && s.charAt(at[0] + 1) == '{') {
				at[0] += 2;
				int start = at[0];
				while (at[0] < s.length() && (Character.isLetterOrDigit(s.charAt(at[0])) || s.charAt(at[0]) == '_')) {
					at[0]++;
				}
				String id = s.substring(start, at[0]);
				String value;
				if (s.charAt(at[0]) == ':') {
					at[0]++;
					value = expand(s, at, true, stops);
				} else if (s.charAt(at[0]) == '|') {
					int end = s.indexOf("|}", at[0]);
					value = s.substring(at[0] + 1, end).split(",", -1)[0];
					at[0] = end + 1;
				} else {
					value = stops.getOrDefault(id, "");
				}
				at[0]++; // the closing '}'
				if (!stops.containsKey(id) && Character.isDigit(id.charAt(0))) {
					stops.put(id, value);
				}
				out.append(Character.isDigit(id.charAt(0)) ? stops.get(id) : value);
			} else if (c == '$') {
				int start = ++at[0];
				while (at[0] < s.length() && (Character.isLetterOrDigit(s.charAt(at[0])) || s.charAt(at[0]) == '_')) {
					at[0]++;
				}
				out.append(stops.getOrDefault(s.substring(start, at[0]), ""));
			} else {
				out.append(c);
				at[0]++;
			}
		}
		return out.toString();
	}
}
