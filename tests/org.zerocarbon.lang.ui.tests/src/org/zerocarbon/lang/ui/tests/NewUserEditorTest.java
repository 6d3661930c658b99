package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.internal.Analysis.QuickFix;
import org.zerocarbon.lang.ui.internal.ProblemAnnotation;
import org.zerocarbon.lang.ui.internal.TextHover;

/**
 * What a new user meets in the model editor (issue 17): the hover explains a problem before anything else and
 * speaks the language's words, and a unit's quick fix says what it writes. On copies of the example projects.
 */
class NewUserEditorTest {

	@TempDir
	static Path examples;

	@BeforeAll
	static void importExamples() throws IOException, CoreException {
		Workbench.importExamples(examples);
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
		flush();
	}

	@Test
	void aWrongUnitIsExplainedFirstInTheHoverAndItsFixNamesWhatItWrites() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/cell.zc"));
		waitForAnalysis(editor);
		IDocument document = document(editor);
		int at = document.get().indexOf("rated 30 kW") + "rated 30 ".length();
		document.replace(at, "kW".length(), "kWh");

		ProblemAnnotation error = waitFor("an error for the energy unit on a power", () -> problems(editor).stream()
				.filter(a -> a.getType().equals(ProblemAnnotation.ERROR) && a.getText().startsWith("The rated power must be a power"))
				.findFirst().orElse(null));

		String hover = new TextHover(editor::session).getHoverInfo(editor.viewer(), new Region(at + 1, 0));
		assertTrue(hover.startsWith("<p><b>Error:</b> The rated power must be a power"), "the problem comes first: " + hover);
		assertTrue(hover.indexOf("<b>quantity") > hover.indexOf("Error:"), "then the element (the quantity 30 kWh): " + hover);

		List<String> labels = error.problem().fixes().stream().map(QuickFix::label).toList();
		assertEquals("Change 'kWh' to 'kW'", labels.get(0), labels.toString());
		editor.applyFix(error.problem().fixes().get(0));
		waitUntil("the fix writes kW", () -> document.get().contains("rated 30 kW\n"));
		waitForAnalysis(editor);
		waitUntil("the error is gone", () -> problems(editor).stream().noneMatch(a -> a.getType().equals(ProblemAnnotation.ERROR)));
		assertEquals(null, TextHover.problems(editor.viewer().getAnnotationModel(), at + 1), "no problem left to show");
	}

	@Test
	void aSpaceTypedIntoAUnitIsOneErrorWhileTyping() throws Exception {
		ZcEditor editor = open(file("zc-library", "factors/grid.zc"));
		waitForAnalysis(editor);
		List<String> before = problems(editor).stream().map(a -> a.getText()).sorted().toList();
		IDocument document = document(editor);
		int at = document.get().indexOf("= 582 gCO2e/kWh") + "= 582 g".length();
		document.replace(at, 0, " "); // the file is reparsed in part, as while typing

		waitFor("the unit's error", () -> problems(editor).stream().filter(a -> a.getText().startsWith("a unit is written without spaces"))
				.findFirst().orElse(null));
		waitForAnalysis(editor);
		List<String> after = new java.util.ArrayList<>(problems(editor).stream().map(a -> a.getText()).sorted().toList());
		assertTrue(after.remove("a unit is written without spaces: 'gCO2e', not 'g CO2e'"), after.toString());
		assertEquals(before, after, "nothing else changed: no cascade, the factor's source and licence still read");
	}

	@Test
	void theHoverNamesAnElementAsTheLanguageDoes() throws Exception {
		ZcEditor editor = open(file("housing-cell", "model/cell.zc"));
		waitForAnalysis(editor);
		int at = document(editor).get().indexOf("machine VMC1") + "machine ".length();
		String hover = new TextHover(editor::session).getHoverInfo(editor.viewer(), new Region(at + 1, 0));
		assertTrue(hover.startsWith("<b>machine housing.Cell.VMC1"), hover);
		// VMC1 in cell.zc: rated 25 kW and five states (off, standby, ready, warmup, processing)
		assertTrue(hover.contains("rated power: <b>25 kW</b>") && hover.contains("states: <b>5</b>"), hover);
		assertFalse(hover.contains("StateUse") || hover.contains("Machine") || hover.contains("ratedPower"), "no metamodel names: " + hover);
	}
}
