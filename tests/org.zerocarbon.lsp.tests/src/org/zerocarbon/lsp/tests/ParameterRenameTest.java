package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go to definition, find references and rename of a parameter across files (issues 16, 18): the example's VmcStandby is declared in cell.zc, used there by its
 * simple name in two states, and set in scenarios.zc by its qualified name {@code Cell.VmcStandby}. Renaming it edits
 * all four places, and the scenario's reference keeps its qualifier.
 */
class ParameterRenameTest {

	@Test
	void aParameterIsRenamedInItsFileAndInTheScenarios(@TempDir Path tmp) throws Exception {
		Path work = tmp.resolve("ws");
		Examples.copyTo(work);
		Path cellFolder = work.resolve("housing-cell");
		Path cell = cellFolder.resolve("model/cell.zc");
		Path scenarios = cellFolder.resolve("model/scenarios.zc");
		String cellText = Files.readString(cell);
		String scenariosText = Files.readString(scenarios);
		try (LspClient client = new LspClient(LanguageServerSessionTest.cli(tmp))) {
			client.initialize(cellFolder, work.resolve("zc-library"));
			client.awaitDiagnostics(cell, d -> true, 60);
			client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(
					LanguageServerSessionTest.uri(cell), "zc", 1, cellText)));
			// go to definition from a use (the state on VMC1) lands on the declaration; find references lists every use
			TextDocumentIdentifier doc = new TextDocumentIdentifier(LanguageServerSessionTest.uri(cell));
			var definition = client.server.getTextDocumentService()
					.definition(new DefinitionParams(doc, LanguageServerSessionTest.position(cellText, "state standby VmcStandby", 16)))
					.get(60, TimeUnit.SECONDS);
			List<? extends Location> targets = definition.isLeft() ? definition.getLeft() : List.of();
			assertEquals(1, targets.size(), String.valueOf(definition));
			assertEquals(rows(cellText, "parameter VmcStandby").get(0), targets.get(0).getRange().getStart().getLine());
			List<? extends Location> references = client.server.getTextDocumentService()
					.references(new ReferenceParams(doc, LanguageServerSessionTest.position(cellText, "parameter VmcStandby", 12),
							new ReferenceContext(false)))
					.get(60, TimeUnit.SECONDS);
			// the two states in cell.zc and the scenario's setting in scenarios.zc
			assertEquals(3, references.size(), references.toString());
			assertTrue(references.stream().anyMatch(r -> r.getUri().equals(LanguageServerSessionTest.uri(scenarios))), references.toString());
			WorkspaceEdit rename = client.server.getTextDocumentService()
					.rename(new RenameParams(new TextDocumentIdentifier(LanguageServerSessionTest.uri(cell)),
							LanguageServerSessionTest.position(cellText, "parameter VmcStandby", 12), "StandbyDraw"))
					.get(60, TimeUnit.SECONDS);
			Map<String, List<TextEdit>> changes = rename.getChanges();
			assertNotNull(changes, "a WorkspaceEdit with changes: " + rename);
			// cell.zc: the declaration and every use (each "VmcStandby" in its text)
			assertEquals(rows(cellText, "VmcStandby"), changes.get(LanguageServerSessionTest.uri(cell)).stream()
					.map(e -> e.getRange().getStart().getLine()).sorted().toList(), changes.toString());
			assertTrue(changes.get(LanguageServerSessionTest.uri(cell)).stream().allMatch(e -> e.getNewText().equals("StandbyDraw")),
					changes.toString());
			// scenarios.zc: the qualified reference, qualifier kept
			List<TextEdit> inScenarios = changes.get(LanguageServerSessionTest.uri(scenarios));
			assertNotNull(inScenarios, "the scenario's reference is renamed too: " + changes.keySet());
			assertEquals(rows(scenariosText, "Cell.VmcStandby"), inScenarios.stream().map(e -> e.getRange().getStart().getLine()).toList());
			String renamed = apply(scenariosText, inScenarios);
			assertTrue(renamed.contains("set Cell.StandbyDraw = 0.8 kW"), renamed);
			client.server.shutdown().get(60, TimeUnit.SECONDS);
			client.server.exit();
		}
	}

	private static List<Integer> rows(String text, String word) {
		List<Integer> rows = new ArrayList<>();
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			rows.add((int) text.substring(0, at).chars().filter(c -> c == '\n').count());
		}
		return rows;
	}

	/** The text with the edits applied (edits on distinct lines, applied from the last). */
	private static String apply(String text, List<TextEdit> edits) {
		String[] lines = text.split("\n", -1);
		List<TextEdit> sorted = new ArrayList<>(edits);
		sorted.sort((a, b) -> Integer.compare(b.getRange().getStart().getLine(), a.getRange().getStart().getLine()));
		for (TextEdit e : sorted) {
			int line = e.getRange().getStart().getLine();
			String l = lines[line];
			lines[line] = l.substring(0, e.getRange().getStart().getCharacter()) + e.getNewText() + l.substring(e.getRange().getEnd().getCharacter());
		}
		return String.join("\n", lines);
	}
}
