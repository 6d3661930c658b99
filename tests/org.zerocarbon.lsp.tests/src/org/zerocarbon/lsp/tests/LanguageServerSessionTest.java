package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentFormattingParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.cli.Zcw;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.lsp.ReportRunner;
import org.zerocarbon.report.JsonReport;

/**
 * A whole editor session against the language server, through JSON-RPC: initialize with the example's two folders
 * (the model and the factor library, a multi-root workspace), diagnostics, completion, hover, rename across files,
 * code lenses whose figures are the command line's, the standard services, the report request, shutdown and exit.
 */
class LanguageServerSessionTest {

	private static final long T = 60;

	/** The command line's report command, as {@code zcw lsp} hands it to the server. */
	static ReportRunner cli(Path workingDirectory) {
		return ReportRunner.command((stream, argv) -> new Zcw(stream, stream, workingDirectory).run(argv));
	}

	@Test
	void aWholeSession(@TempDir Path tmp) throws Exception {
		Path work = tmp.resolve("ws");
		Examples.copyTo(work);
		Path cellFolder = work.resolve("housing-cell");
		Path library = work.resolve("zc-library");
		Path cell = cellFolder.resolve("model/cell.zc");
		Path transport = library.resolve("factors/transport.zc");

		// The command line's figures for the same models, computed first (the session renames a factor later).
		Path pristine = tmp.resolve("pristine");
		Examples.copyTo(pristine);
		FootprintResult cli = Examples.cellByCli(pristine, true);

		try (LspClient client = new LspClient(cli(tmp))) {
			InitializeResult init = client.initialize(cellFolder, library);
			assertNotNull(init.getCapabilities().getCodeLensProvider(), "code lens advertised");
			assertNotNull(init.getCapabilities().getSemanticTokensProvider(), "semantic tokens advertised");

			// the library is in the other workspace folder: cell.zc's factor references resolve, no errors
			List<Diagnostic> cellDiagnostics = client.awaitDiagnostics(cell, d -> true, T);
			assertTrue(cellDiagnostics.stream().noneMatch(d -> d.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error),
					"cell.zc has no errors across the two folders: " + cellDiagnostics);

			// a file with a deliberate error: a grid factor in kg (a mass, not kg CO2e per kWh) on line 4 (index 3)
			Path broken = cellFolder.resolve("model/broken.zc");
			String wrong = """
					package housing.broken

					factors Broken "a deliberate mistake" {
						grid factor Bad "wrong unit" = 582 kg {
							source "test"
							licence "CC0"
						}
					}
					""";
			client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(broken), "zc", 1, wrong)));
			List<Diagnostic> errors = client.awaitDiagnostics(broken, d -> !d.isEmpty(), T);
			Diagnostic dimension = errors.stream().filter(d -> d.getCode() != null && ZcIssueCodes.WRONG_DIMENSION.equals(d.getCode().getLeft()))
					.findFirst().orElseThrow(() -> new AssertionError("no " + ZcIssueCodes.WRONG_DIMENSION + " among " + errors));
			assertEquals(3, dimension.getRange().getStart().getLine(), "line 4 of broken.zc");

			// the quick fix of the builder's code is offered as a code action: a grid factor's unit is kg CO2e per kWh
			CodeActionParams actionParams = new CodeActionParams(new TextDocumentIdentifier(uri(broken)), dimension.getRange(),
					new CodeActionContext(List.of(dimension)));
			List<Either<Command, CodeAction>> actions = client.server.getTextDocumentService().codeAction(actionParams).get(T, TimeUnit.SECONDS);
			assertTrue(actions.stream().anyMatch(a -> a.isRight() && a.getRight().getTitle().equals("Change 'kg' to 'kgCO2e/kWh'")), "quick fixes: "
					+ actions.stream().map(a -> a.isRight() ? a.getRight().getTitle() : a.getLeft().getTitle()).toList());

			// a keystroke fixes it (kg -> kgCO2e/kWh, messily indented): the error goes; the formatter indents it
			String fixed = wrong.replace("582 kg {", "0.582 kgCO2e/kWh {").replace("\t\tsource", "source");
			client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(broken), 2),
					List.of(new TextDocumentContentChangeEvent(fixed))));
			client.awaitDiagnostics(broken, d -> d.stream().noneMatch(x -> x.getSeverity() == org.eclipse.lsp4j.DiagnosticSeverity.Error), T);
			List<? extends TextEdit> format = client.server.getTextDocumentService()
					.formatting(new DocumentFormattingParams(new TextDocumentIdentifier(uri(broken)), new FormattingOptions(4, false))).get(T, TimeUnit.SECONDS);
			assertTrue(format.stream().anyMatch(e -> e.getNewText().contains("\t\t")), "the formatter re-indents 'source': " + format);
			client.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri(broken))));

			String cellText = Files.readString(cell);
			client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(cell), "zc", 1, cellText)));

			// completion after "factor H" on line 49 proposes the library's HGV_2015
			Position afterH = position(cellText, "by truck factor H", "by truck factor H".length());
			Either<List<CompletionItem>, CompletionList> completion = client.server.getTextDocumentService()
					.completion(new CompletionParams(new TextDocumentIdentifier(uri(cell)), afterH)).get(T, TimeUnit.SECONDS);
			List<CompletionItem> items = completion.isLeft() ? completion.getLeft() : completion.getRight().getItems();
			assertTrue(items.stream().anyMatch(i -> i.getLabel().contains("HGV_2015")), "proposals: " + items.stream().map(CompletionItem::getLabel).toList());

			// hover on the reference: value, source and licence as transport.zc declares them (lines 5, 8, 9)
			Hover hover = client.server.getTextDocumentService()
					.hover(new HoverParams(new TextDocumentIdentifier(uri(cell)), position(cellText, "factor HGV_2015", "factor HG".length())))
					.get(T, TimeUnit.SECONDS);
			String hoverText = hover.getContents().getRight().getValue();
			assertTrue(hoverText.contains("0.126 kgCO2e/tkm"), hoverText);
			assertTrue(hoverText.contains("Licence: Open Government Licence v3.0"), hoverText);
			assertTrue(hoverText.contains("Source: UK DEFRA greenhouse gas conversion factors"), hoverText);

			// code lenses: the line's total and TC1's figures are the command line's
			List<? extends CodeLens> lenses = client.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri(cell))))
					.get(T, TimeUnit.SECONDS);
			int lineRow = position(cellText, "line Cell ", 5).getLine();
			int tc1Row = position(cellText, "machine TC1 ", 8).getLine();
			String lineLens = title(lenses, lineRow);
			String total = String.format(Locale.ROOT, "%,.0f kg CO2e (modules A-C)", cli.total());
			assertTrue(lineLens.startsWith(total), lineLens + " should start with the CLI's " + total);
			// TC1 per machine-hour = its A-C footprint over the hours one machine runs: the MachineHour unit's amount
			// (counted over all machines of the line) divided by the number of machines; its share = TC1 / line total
			FootprintResult.Equipment tc1 = cli.equipment().stream().filter(e -> e.element().endsWith(".TC1")).findFirst().orElseThrow();
			long machines = cli.equipment().stream().filter(e -> "machine".equals(e.kind())).count();
			double machineHours = cli.functionalUnits().stream().filter(u -> u.name().equals("MachineHour")).findFirst().orElseThrow().amount();
			String perHour = String.format(Locale.ROOT, "%.3g kg CO2e per machine-hour", tc1.kgCO2e() / (machineHours / machines));
			double share = tc1.kgCO2e() / cli.total() * 100;
			String ofLine = String.format(Locale.ROOT, share >= 10 ? "%.0f %% of the line" : "%.1f %% of the line", share);
			assertEquals(perHour + ", " + ofLine, title(lenses, tc1Row));
			assertTrue(client.lensRefreshes.get() > 0, "the server asks the client to refresh its lenses after a build");

			// document symbols: the line with its machines; workspace symbols find the library's factor
			List<Either<SymbolInformation, DocumentSymbol>> symbols = client.server.getTextDocumentService()
					.documentSymbol(new DocumentSymbolParams(new TextDocumentIdentifier(uri(cell)))).get(T, TimeUnit.SECONDS);
			assertTrue(names(symbols).contains("housing.Cell.TC1"), names(symbols).toString());
			Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>> found = client.server.getWorkspaceService()
					.symbol(new WorkspaceSymbolParams("HGV")).get(T, TimeUnit.SECONDS);
			List<String> foundUris = found.isLeft() ? found.getLeft().stream().filter(s -> s.getName().contains("HGV_2015")).map(s -> s.getLocation().getUri()).toList()
					: found.getRight().stream().filter(s -> s.getName().contains("HGV_2015")).map(s -> s.getLocation().getLeft().getUri()).toList();
			assertEquals(List.of(uri(transport)), foundUris);

			// semantic tokens for the open file
			SemanticTokens tokens = client.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(new TextDocumentIdentifier(uri(cell))))
					.get(T, TimeUnit.SECONDS);
			assertFalse(tokens.getData().isEmpty(), "semantic tokens");

			// the custom request writes the line's JSON report through zcw report; its total is the CLI's
			Path reports = tmp.resolve("reports");
			Map<String, Object> report = client.server.report(Map.of("uri", uri(cell), "formats", List.of("json"), "out", reports.toString()))
					.get(120, TimeUnit.SECONDS);
			assertEquals(0.0, ((Number) report.get("exitCode")).doubleValue(), String.valueOf(report.get("output")));
			assertTrue(String.valueOf(report.get("written")).contains(cellReport(reports).getFileName().toString()), String.valueOf(report));
			assertEquals(cli.total(), JsonReport.read(cellReport(reports)).total(), 1e-6);

			// rename the library's factor: the edit touches the library and the model in the other folder
			String transportText = Files.readString(transport);
			client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(transport), "zc", 1, transportText)));
			WorkspaceEdit rename = client.server.getTextDocumentService()
					.rename(new RenameParams(new TextDocumentIdentifier(uri(transport)), position(transportText, "factor HGV_2015", 8), "HGV_2016"))
					.get(T, TimeUnit.SECONDS);
			Map<String, List<TextEdit>> changes = rename.getChanges();
			assertNotNull(changes, "a WorkspaceEdit with changes: " + rename);
			assertEquals(1, changes.get(uri(transport)).size(), changes.toString());
			// cell.zc's references are every "HGV_2015" in its text (six in the example: each machine's transport)
			List<Integer> expectedRows = new ArrayList<>();
			for (int at = cellText.indexOf("HGV_2015"); at >= 0; at = cellText.indexOf("HGV_2015", at + 1)) {
				expectedRows.add((int) cellText.substring(0, at).chars().filter(c -> c == '\n').count());
			}
			assertFalse(expectedRows.isEmpty(), "cell.zc uses HGV_2015");
			assertEquals(expectedRows, changes.get(uri(cell)).stream().map(e -> e.getRange().getStart().getLine()).sorted().toList(), changes.toString());
			assertTrue(changes.values().stream().flatMap(List::stream).allMatch(e -> e.getNewText().equals("HGV_2016")), changes.toString());

			client.server.shutdown().get(T, TimeUnit.SECONDS);
			client.server.exit();
			assertTrue(client.session.await(20, TimeUnit.SECONDS), "the session ends after exit");
			assertTrue(client.session.exit().get(1, TimeUnit.SECONDS), "exit after shutdown: a clean end");
		}
	}

	/** The JSON report of the line Cell among the reports in a directory. */
	static Path cellReport(Path dir) throws java.io.IOException {
		try (var files = Files.list(dir)) {
			List<Path> all = files.sorted().toList();
			return all.stream().filter(f -> f.getFileName().toString().matches("(.*\\.)?Cell\\.json")).findFirst()
					.orElseThrow(() -> new AssertionError("no JSON report of Cell among " + all));
		}
	}

	static String uri(Path file) {
		return file.toUri().toString();
	}

	/** The position {@code offset} characters into the first occurrence of {@code marker}. */
	static Position position(String text, String marker, int offset) {
		int at = text.indexOf(marker);
		if (at < 0) {
			throw new AssertionError("'" + marker + "' not in the text");
		}
		int index = at + offset;
		int line = 0;
		int lineStart = 0;
		for (int i = 0; i < index; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, index - lineStart);
	}

	private static String title(List<? extends CodeLens> lenses, int row) {
		return lenses.stream().filter(l -> l.getRange().getStart().getLine() == row).map(l -> l.getCommand().getTitle()).findFirst()
				.orElseThrow(() -> new AssertionError("no lens on line " + (row + 1) + ": " + lenses));
	}

	private static List<String> names(List<Either<SymbolInformation, DocumentSymbol>> symbols) {
		List<String> names = new ArrayList<>();
		for (Either<SymbolInformation, DocumentSymbol> symbol : symbols) {
			if (symbol.isLeft()) {
				names.add(symbol.getLeft().getName());
			} else {
				collect(symbol.getRight(), names);
			}
		}
		return names;
	}

	private static void collect(DocumentSymbol symbol, List<String> names) {
		names.add(symbol.getName());
		if (symbol.getChildren() != null) {
			symbol.getChildren().forEach(child -> collect(child, names));
		}
	}
}
