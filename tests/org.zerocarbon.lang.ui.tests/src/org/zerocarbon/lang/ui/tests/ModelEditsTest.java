package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Edits.await;
import static org.zerocarbon.lang.ui.tests.Edits.onDisk;
import static org.zerocarbon.lang.ui.tests.Edits.refusal;
import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.open;
import static org.zerocarbon.lang.ui.tests.Workbench.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewerExtension6;
import org.eclipse.jface.text.IUndoManagerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.ide.edit.ModelEditException;
import org.zerocarbon.lang.ide.edit.ModelElements;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.edit.ModelEditResult;
import org.zerocarbon.lang.ui.edit.ModelEdits;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineType;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcFactory;

/**
 * Model changes through {@link ModelEdits} on a copy of the example projects: written into the document an open
 * editor shows, one undo step in the operation history, saved when no editor holds the file, refused with the
 * document untouched.
 */
class ModelEditsTest {

	@TempDir
	static Path examples;

	private final IOperationHistory history = OperationHistoryFactory.getOperationHistory();
	private IFile cell;
	private IFile loop;
	private String cellText;
	private String loopText;

	@BeforeAll
	static void importExamples() throws IOException, CoreException {
		Workbench.importExamples(examples);
	}

	/**
	 * The projects live in this class's temporary folder, which JUnit deletes after the class: take them out of the
	 * workspace first, so that the next test class imports its own copies into a clean workspace.
	 */
	@org.junit.jupiter.api.AfterAll
	static void removeProjects() throws CoreException {
		page().closeAllEditors(false);
		flush();
		for (org.eclipse.core.resources.IProject project : org.eclipse.core.resources.ResourcesPlugin.getWorkspace().getRoot().getProjects()) {
			project.delete(false, true, null);
		}
	}

	@BeforeEach
	void remember() throws IOException, CoreException {
		cell = file("housing-cell", "model/cell.zc");
		loop = file("housing-cell", "model/air-loop.zc");
		cellText = onDisk(cell);
		loopText = onDisk(loop);
	}

	@AfterEach
	void restore() throws CoreException, IOException {
		page().closeAllEditors(false);
		flush();
		if (!onDisk(cell).equals(cellText)) {
			cell.setContents(new ByteArrayInputStream(cellText.getBytes(StandardCharsets.UTF_8)), true, false, null);
		}
		if (!onDisk(loop).equals(loopText)) {
			loop.setContents(new ByteArrayInputStream(loopText.getBytes(StandardCharsets.UTF_8)), true, false, null);
		}
	}

	@Test
	void aChangeShowsInTheOpenEditorAndUndoInTheHistoryTakesItBack() throws Exception {
		ZcEditor editor = open(cell);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		String before = document.get();
		int vmc2 = before.indexOf("machine VMC2");
		int rated = before.indexOf("rated 25 kW", vmc2);
		String expected = before.substring(0, rated) + "rated 27.5 kW" + before.substring(rated + "rated 25 kW".length());

		ModelEditResult result = await(ModelEdits.modify(cell, "Change rated power of VMC2",
				model -> ModelElements.named(model, Machine.class, "VMC2").getRatedPower().setValue(new BigDecimal("27.5"))));

		assertTrue(result.changed());
		assertEquals(expected, document.get(), "only VMC2's rated power changed");
		assertEquals(expected, result.text());
		assertFalse(result.saved(), "the editor holds the document: the change is unsaved, like typing");
		assertTrue(editor.isDirty());
		assertEquals(cellText, onDisk(cell));

		IUndoContext context = ModelEdits.undoContext(cell);
		assertSame(((IUndoManagerExtension) ((ITextViewerExtension6) editor.viewer()).getUndoManager()).getUndoContext(),
				context, "the text editor's Ctrl+Z works on the same history");
		assertEquals("Change rated power of VMC2", history.getUndoOperation(context).getLabel());
		history.undo(context, null, null);
		assertEquals(before, document.get(), "one undo step takes the whole change back");
		history.redo(context, null, null);
		assertEquals(expected, document.get());
	}

	@Test
	void withoutAnEditorTheChangeIsSavedAndTheNewMachineLaidOut() throws Exception {
		ModelEditResult result = await(ModelEdits.modify(cell, "Add Machine VMC9", model -> {
			Machine machine = ZcFactory.eINSTANCE.createMachine();
			machine.setName("VMC9");
			machine.setType(MachineType.VERTICAL_MACHINING_CENTRE);
			Quantity rated = ZcFactory.eINSTANCE.createQuantity();
			rated.setValue(new BigDecimal("20"));
			rated.setUnit("kW");
			machine.setRatedPower(rated);
			ModelElements.named(model, Line.class, "Cell").getMachines().add(machine);
		}));

		assertTrue(result.saved(), "nothing held the document, so the change was saved");
		String saved = onDisk(cell);
		assertEquals(result.text(), saved);
		String block = "\tmachine VMC9 vmc {\n\t\trated 20 kW\n\t}\n";
		assertEquals(1, saved.split(java.util.regex.Pattern.quote(block), -1).length - 1, saved);
		assertEquals(cellText, saved.replace(block, ""), "nothing else changed");
		assertTrue(saved.indexOf(block) < saved.indexOf("\tflow "), "the machine comes after the machines");
	}

	@Test
	void aDocumentWithSyntaxErrorsIsRefusedAndLeftAsItIs() throws Exception {
		ZcEditor editor = open(cell);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		document.replace(document.get().indexOf("machine VMC2"), 0, "}} ");
		String broken = document.get();

		Throwable refused = refusal(ModelEdits.modify(cell, "Change VMC2",
				model -> ModelElements.named(model, Machine.class, "VMC2").setName("VMC3")));

		assertInstanceOf(ModelEditException.class, refused);
		assertTrue(refused.getMessage().startsWith("cell.zc has syntax errors; fix them in the text first (line "),
				refused.getMessage());
		assertEquals(broken, document.get());
	}

	@Test
	void aMissingElementIsRefusedInWords() {
		Throwable refused = refusal(ModelEdits.modify(cell, "Change VMC7",
				model -> ModelElements.named(model, Machine.class, "VMC7").setName("VMC8")));
		assertEquals("There is no machine named 'VMC7'.", refused.getMessage());
	}

	@Test
	void anEditorWithoutTextEditorUndoesThroughTheSameContext() throws Exception {
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		buffers.connect(cell.getFullPath(), LocationKind.IFILE, null);
		try {
			IDocument document = buffers.getTextFileBuffer(cell.getFullPath(), LocationKind.IFILE).getDocument();
			IUndoContext context = ModelEdits.undoContext(cell);
			assertNotNull(context, "a document held by any editor gets an undo history");

			ModelEditResult result = await(ModelEdits.modify(cell, "Rename TC1",
					model -> ModelElements.named(model, Machine.class, "TC1").setName("TC01")));
			assertFalse(result.saved(), "the connected buffer holds the change");
			assertTrue(document.get().contains("machine TC01 turning") && document.get().contains("flow TC01 -> VMC1"),
					"the machine and the flows that refer to it are renamed");

			// The text editor opened now shows the same document and undoes on the same history.
			ZcEditor editor = open(cell);
			assertSame(document, editor.getDocumentProvider().getDocument(editor.getEditorInput()));
			assertSame(context, ((IUndoManagerExtension) ((ITextViewerExtension6) editor.viewer()).getUndoManager())
					.getUndoContext());
			history.undo(context, null, null);
			assertEquals(cellText, document.get());
		} finally {
			page().closeAllEditors(false);
			buffers.disconnect(cell.getFullPath(), LocationKind.IFILE, null);
		}
	}

	@Test
	void undoingARenameTakesBackTheReferencesInOtherFilesToo() throws Exception {
		ZcEditor editor = open(cell);
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		await(ModelEdits.modify(cell, "Rename VMC1", model -> ModelElements.named(model, Machine.class, "VMC1").setName("VMC10")));
		assertEquals(loopText.replace("machine Cell.VMC1", "machine Cell.VMC10"), onDisk(loop));

		IUndoContext context = ModelEdits.undoContext(cell);
		history.undo(context, null, null);
		assertEquals(cellText, document.get());
		assertEquals(loopText, onDisk(loop), "the other file is set back and saved");
		history.redo(context, null, null);
		assertEquals(loopText.replace("machine Cell.VMC1", "machine Cell.VMC10"), onDisk(loop));
	}

	@Test
	void aRenameUpdatesReferencesInOtherFilesAndSavesThem() throws Exception {
		ModelEditResult result = await(ModelEdits.modify(cell, "Rename VMC1",
				model -> ModelElements.named(model, Machine.class, "VMC1").setName("VMC10")));

		assertEquals(List.of(loop), result.otherFiles());
		assertEquals(loopText.replace("machine Cell.VMC1", "machine Cell.VMC10"), onDisk(loop));
		assertTrue(onDisk(cell).contains("machine VMC10 vmc"));
	}
}
