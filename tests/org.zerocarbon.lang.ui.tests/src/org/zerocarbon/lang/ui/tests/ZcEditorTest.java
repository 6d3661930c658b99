package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.document;
import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.open;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.problems;
import static org.zerocarbon.lang.ui.tests.Workbench.waitFor;
import static org.zerocarbon.lang.ui.tests.Workbench.waitForAnalysis;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.internal.Analysis;
import org.zerocarbon.lang.ui.internal.OutlinePage;
import org.zerocarbon.lang.ui.internal.ProblemAnnotation;
import org.zerocarbon.lang.ui.internal.TextHover;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * The ZeroCarbon editor in a real workbench (UI harness, under Xvfb in CI), on copies of the example projects:
 * every interaction goes through the workbench's commands or SWT events, as a user's would.
 */
class ZcEditorTest {

	private static final String CONTENT_ASSIST = "org.eclipse.ui.edit.text.contentAssist.proposals";
	private static final String QUICK_FIX = "org.eclipse.jdt.ui.edit.text.java.correction.assist.proposals";

	@TempDir
	static Path examples;

	@BeforeAll
	static void importExamples() throws IOException, CoreException {
		Workbench.importExamples(examples);
	}

	@AfterEach
	void closeEditors() {
		// Close popups a test may have left open, then the editors, discarding the edits.
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell != page().getWorkbenchWindow().getShell() && !shell.isDisposed() && shell.getParent() != null) {
				shell.close();
			}
		}
		page().closeAllEditors(false);
		flush();
	}

	@Test
	void anExampleOpensCheckedColouredFoldedAndOutlined() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/cell.zc"));
		waitForAnalysis(editor);
		Analysis analysis = editor.presenter().current();

		List<Analysis.Problem> errors = analysis.problems().stream()
				.filter(p -> p.severity() == Analysis.Severity.ERROR).toList();
		assertTrue(errors.isEmpty(), "the example has no errors, but the editor shows " + describe(errors));
		assertNotNull(Workbench.outlineNode(analysis.outline(), "Cell : Line"), "the outline lists the line");
		assertFalse(analysis.folds().isEmpty(), "blocks can be folded");

		// Syntax colouring (keywords bold) and semantic colouring (references italic), as drawn in the widget.
		String text = document(editor).get();
		int keyword = text.indexOf("machine TC1");
		int reference = text.indexOf("site Plant") + "site ".length();
		waitUntil("the reference is drawn as a reference", () -> style(editor, reference + 1).fontStyle == SWT.ITALIC);
		assertEquals(SWT.BOLD, style(editor, keyword + 1).fontStyle, "keywords are bold");

		// The Outline view shows the same tree.
		page().showView(IPageLayout.ID_OUTLINE);
		ContentOutline view = (ContentOutline) page().findView(IPageLayout.ID_OUTLINE);
		page().activate(editor);
		OutlinePage outline = waitFor("the outline page of the editor",
				() -> view.getCurrentPage() instanceof OutlinePage page ? page : null);
		waitUntil("the outline shows the model", () -> Workbench.outlineNode(outline.roots(), "Cell : Line") != null);
	}

	@Test
	void anErrorAppearsWhileTypingAndItsQuickFixRepairsIt() throws Exception {
		IFile site = file("housing-cell", "model/site.zc");
		String onDisk = read(site);
		ZcEditor editor = open(site);
		waitForAnalysis(editor);
		IDocument document = document(editor);
		int at = document.get().indexOf("CN_2023");
		document.replace(at, "CN_2023".length(), "CN_2032");

		ProblemAnnotation error = waitFor("an error annotation for the unknown factor", () -> problems(editor).stream()
				.filter(a -> a.getType().equals(ProblemAnnotation.ERROR) && a.getText().contains("CN_2032"))
				.findFirst().orElse(null));
		assertTrue(editor.isDirty(), "the error shows before saving");
		assertEquals(onDisk, read(site), "nothing was saved");
		assertEquals(1, error.problem().fixes().stream().filter(f -> f.label().equals("Change 'CN_2032' to 'CN_2023'")).count(),
				"the fix is offered once: " + error.problem().fixes());

		// Ctrl+1 at the error, then pick the fix in the popup.
		editor.selectAndReveal(at + 2, 0);
		execute(QUICK_FIX);
		pick("Change 'CN_2032' to 'CN_2023'");

		waitUntil("the fix is applied", () -> document.get().contains("grid CN_2023"));
		waitForAnalysis(editor);
		assertTrue(problems(editor).stream().noneMatch(a -> a.getType().equals(ProblemAnnotation.ERROR)),
				"the error is gone after the fix");
	}

	@Test
	void aBuilderMarkerOffersTheSameQuickFixInTheProblemsView() throws Exception {
		IFile cell = file("housing-cell", "model/cell.zc");
		String original = read(cell);
		cell.setContents(new ByteArrayInputStream(original.replace("site Plant", "site Plnat")
				.getBytes(StandardCharsets.UTF_8)), true, false, null);
		cell.getProject().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		IMarker marker = waitFor("the builder marks the misspelt site", () -> {
			try {
				for (IMarker each : cell.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO)) {
					if (each.getAttribute(IMarker.MESSAGE, "").contains("Plnat")) {
						return each;
					}
				}
				return null;
			} catch (CoreException e) {
				throw new IllegalStateException(e);
			}
		});

		IMarkerResolution[] resolutions = IDE.getMarkerHelpRegistry().getResolutions(marker);
		IMarkerResolution change = java.util.Arrays.stream(resolutions)
				.filter(r -> r.getLabel().equals("Change 'Plnat' to 'Plant'")).findFirst()
				.orElseThrow(() -> new AssertionError("resolutions: " + java.util.Arrays.stream(resolutions)
						.map(IMarkerResolution::getLabel).toList()));
		assertEquals(1, java.util.Arrays.stream(resolutions).filter(r -> r.getLabel().equals(change.getLabel())).count(),
				"each fix is offered once");
		change.run(marker);

		assertEquals(original, read(cell), "the fix is saved to the file");
	}

	@Test
	void contentAssistProposesFactorsFromAnotherProjectAndInsertsThePickedOne() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/site.zc"));
		waitForAnalysis(editor);
		IDocument document = document(editor);
		int at = document.get().indexOf("CN_2023");
		document.replace(at, "CN_2023".length(), "");
		editor.selectAndReveal(at, 0);

		execute(CONTENT_ASSIST);
		List<String> proposals = popupItems("CN_2023");
		assertTrue(proposals.stream().anyMatch(p -> p.startsWith("DE_2023")), "other grid factors too: " + proposals);
		pick("CN_2023");
		waitUntil("the proposal is inserted", () -> document.get().contains("grid CN_2023"));
	}

	@Test
	void contentAssistProposesTheGrammarsKeywordsInAnEmptyFile() throws Exception {
		IFile empty = file("housing-cell", "model/site.zc").getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString("empty.zc"));
		empty.create(new ByteArrayInputStream(new byte[0]), true, null);
		ZcEditor editor = open(empty);
		waitForAnalysis(editor);
		editor.selectAndReveal(0, 0);
		execute(CONTENT_ASSIST);
		List<String> proposals = popupItems("line");
		assertTrue(proposals.contains("factors") && proposals.contains("package"), "keywords: " + proposals);
	}

	@Test
	void f3OpensTheDeclarationInAnotherFile() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/site.zc"));
		waitForAnalysis(editor);
		int at = document(editor).get().indexOf("CN_2023");
		editor.selectAndReveal(at + 3, 0);

		execute("org.zerocarbon.lang.ui.openDeclaration");

		IFile grid = file("zc-library", "factors/grid.zc");
		ZcEditor target = waitFor("the factor library opens", () -> {
			IEditorPart active = page().getActiveEditor();
			return active instanceof ZcEditor zc && grid.equals(zc.getEditorInput().getAdapter(IFile.class)) ? zc : null;
		});
		ITextSelection selection = (ITextSelection) target.getSelectionProvider().getSelection();
		assertEquals("CN_2023", selection.getText(), "the factor's name is selected");
	}

	@Test
	void hoverShowsAFactorsValueSourceAndLicence() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/site.zc"));
		waitForAnalysis(editor);
		int at = document(editor).get().indexOf("CN_2023");
		String hover = new TextHover(editor::session).getHoverInfo(editor.viewer(),
				new org.eclipse.jface.text.Region(at + 1, 0));
		assertNotNull(hover, "a hover over the factor reference");
		assertTrue(hover.contains("582 gCO2e/kWh") && hover.contains("CC BY 4.0") && hover.contains("Ember"),
				"value, licence and source in: " + hover);
	}

	@Test
	void hoverOnAProcessShowsItsOutputAndInputsAndTheOutlineItsKeyFigures() throws Exception {
		IFile processes = file("housing-cell", "model/site.zc").getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString("processes.zc"));
		String text = "package housing\n\nimport zc.lib.grid.*\n\nfactors Processes {\n\tprocess Billet \"Steel billet\" {\n\t\toutput 1 kg\n"
				+ "\t\tinput 0.5 kWh from CN_2023\n\t\tinput 0.2 kWh from Power\n\t\temits 0.1 kgCO2e\n\t}\n\tprocess Power {\n\t\toutput 1 kWh\n"
				+ "\t\tinput 0.001 kg from Billet\n\t}\n}\n";
		processes.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		try {
			ZcEditor editor = open(processes);
			waitForAnalysis(editor);
			int at = document(editor).get().indexOf("from Billet") + "from ".length();
			String hover = new TextHover(editor::session).getHoverInfo(editor.viewer(), new org.eclipse.jface.text.Region(at + 1, 0));
			assertNotNull(hover, "a hover over the process reference");
			assertTrue(hover.contains("output 1 kg") && hover.contains("input 0.5 kWh from CN_2023")
					&& hover.contains("input 0.2 kWh from Power"), "the output and every input in: " + hover);

			Analysis.OutlineNode billet = Workbench.outlineNode(editor.presenter().current().outline(), "Billet : Process");
			assertNotNull(billet, "the outline lists the process");
			assertEquals("output 1 kg, 2 inputs, 1 direct emission", billet.detail());
			assertEquals("Billet : Process \u2014 output 1 kg, 2 inputs, 1 direct emission", billet.text());

			ZcEditor site = open(file("housing-cell", "model/site.zc"));
			waitForAnalysis(site);
			List<Analysis.OutlineNode> outline = site.presenter().current().outline();
			assertEquals("onsite 40 MWh per year at 0 gCO2e/kWh", Workbench.outlineNode(outline, "RoofPV : Generation").detail());
			assertEquals("gec 60 MWh, vintage 2025, retired", Workbench.outlineNode(outline, "Gec2025 : Certificate").detail());
		} finally {
			page().closeAllEditors(false);
			processes.delete(true, null);
		}
	}

	@Test
	void formatTidiesTheFileAndUndoRestoresItInOneStep() throws Exception {
		IFile messy = file("housing-cell", "model/site.zc").getParent().getFile(org.eclipse.core.runtime.IPath.fromOSString("messy.zc"));
		String original = "package   housing\nsite   Yard   \"yard\"   {region \"CN\"\n      location \"east\"}\n";
		messy.create(new ByteArrayInputStream(original.getBytes(StandardCharsets.UTF_8)), true, null);
		ZcEditor editor = open(messy);
		waitForAnalysis(editor);
		IDocument document = document(editor);

		execute("org.zerocarbon.lang.ui.format");

		waitUntil("the file is formatted", () -> !document.get().equals(original));
		String formatted = document.get();
		assertTrue(formatted.contains("site Yard \"yard\" {\n\tregion \"CN\"\n\tlocation \"east\"\n}"), formatted);
		((ITextOperationTarget) editor.viewer()).doOperation(ITextOperationTarget.UNDO);
		assertEquals(original, document.get(), "one undo restores the text before formatting");
	}

	@Test
	void toggleCommentCommentsOutAndBackIn() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/site.zc"));
		waitForAnalysis(editor);
		IDocument document = document(editor);
		int line = document.getLineOfOffset(document.get().indexOf("region \"CN\""));
		String before = lineText(document, line);
		editor.selectAndReveal(document.getLineOffset(line) + 2, 0);

		execute("org.zerocarbon.lang.ui.toggleComment");
		assertTrue(lineText(document, line).startsWith("//"), lineText(document, line));
		execute("org.zerocarbon.lang.ui.toggleComment");
		assertEquals(before, lineText(document, line));
	}

	@Test
	void renameChangesTheDeclarationAndItsReferencesInOtherFiles() throws Exception {
		IFile cellFile = file("housing-cell", "model/cell.zc");
		String cellBefore = read(cellFile);
		ZcEditor editor = open(file("housing-cell", "model/site.zc"));
		waitForAnalysis(editor);
		IDocument document = document(editor);
		editor.selectAndReveal(document.get().indexOf("site Plant") + "site Pl".length(), 0);

		// The command asks for the new name in a modal dialog; answer it from a timer inside the dialog's loop.
		Display display = Display.getCurrent();
		Runnable[] answer = new Runnable[1];
		answer[0] = () -> {
			for (Shell shell : display.getShells()) {
				if (shell.isVisible() && "Rename".equals(shell.getText())) {
					org.eclipse.swt.widgets.Text name = find(shell, org.eclipse.swt.widgets.Text.class);
					name.setText("MainPlant");
					org.eclipse.swt.widgets.Button ok = shell.getDefaultButton();
					ok.notifyListeners(SWT.Selection, new Event());
					return;
				}
			}
			display.timerExec(50, answer[0]);
		};
		display.timerExec(50, answer[0]);
		execute("org.zerocarbon.lang.ui.rename");

		waitUntil("the declaration is renamed", () -> document.get().contains("site MainPlant"));
		String cell = read(cellFile);
		// Put the example back for the other tests before asserting.
		cellFile.setContents(new ByteArrayInputStream(cellBefore.getBytes(StandardCharsets.UTF_8)), true, false, null);
		assertTrue(cell.contains("site MainPlant") && !cell.contains("site Plant"), "the reference in cell.zc is renamed");
	}

	@Test
	void theCaretMarksAllOccurrencesOfAnElement() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/cell.zc"));
		waitForAnalysis(editor);
		String text = document(editor).get();
		int declaration = text.indexOf("operation OP10") + "operation ".length();
		editor.selectAndReveal(declaration + 1, 0);
		waitUntil("the declaration and its uses are marked", () -> editor.presenter().occurrences().size() >= 2);
	}

	// ------------------------------------------------------------------------------------------------ helpers

	private static void execute(String commandId) throws Exception {
		IHandlerService handlers = page().getWorkbenchWindow().getService(IHandlerService.class);
		handlers.executeCommand(commandId, null);
	}

	private static StyleRange style(ZcEditor editor, int modelOffset) {
		StyleRange range = editor.viewer().getTextWidget().getStyleRangeAtOffset(modelOffset);
		return range == null ? new StyleRange() : range;
	}

	/** Waits for a proposal popup that lists an item starting with the text, and returns all its items. */
	private static List<String> popupItems(String expected) {
		Table table = waitFor("a popup listing '" + expected + "'", () -> popupTable(expected));
		List<String> items = new ArrayList<>();
		for (TableItem item : table.getItems()) {
			items.add(item.getText());
		}
		return items;
	}

	/** Picks the item that starts with the text in the open proposal popup, as Enter would. */
	private static void pick(String label) {
		Table table = waitFor("a popup listing '" + label + "'", () -> popupTable(label));
		TableItem[] items = table.getItems();
		for (int i = 0; i < items.length; i++) {
			if (items[i].getText().startsWith(label)) {
				table.setSelection(i);
				Event event = new Event();
				event.item = items[i];
				table.notifyListeners(SWT.Selection, event);
				table.notifyListeners(SWT.DefaultSelection, event);
				flush();
				return;
			}
		}
		throw new AssertionError("no item " + label);
	}

	private static Table popupTable(String expected) {
		for (Shell shell : Display.getCurrent().getShells()) {
			if (shell.isDisposed() || !shell.isVisible()) {
				continue;
			}
			Table table = findTable(shell);
			if (table != null) {
				for (TableItem item : table.getItems()) {
					if (item.getText().startsWith(expected)) {
						return table;
					}
				}
			}
		}
		return null;
	}

	private static <T extends org.eclipse.swt.widgets.Control> T find(org.eclipse.swt.widgets.Composite composite,
			Class<T> type) {
		for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
			if (type.isInstance(child)) {
				return type.cast(child);
			}
			if (child instanceof org.eclipse.swt.widgets.Composite inner) {
				T found = find(inner, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static Table findTable(org.eclipse.swt.widgets.Composite composite) {
		for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
			if (child instanceof Table table) {
				return table;
			}
			if (child instanceof org.eclipse.swt.widgets.Composite inner && !(child instanceof Shell)) {
				Table found = findTable(inner);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String lineText(IDocument document, int line) throws BadLocationException {
		return document.get(document.getLineOffset(line), document.getLineLength(line));
	}

	private static String read(IFile file) throws IOException, CoreException {
		try (InputStream in = file.getContents(true)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String describe(List<Analysis.Problem> problems) {
		return problems.stream().map(p -> "line " + p.line() + ": " + p.message()).collect(Collectors.joining("; "));
	}
}
