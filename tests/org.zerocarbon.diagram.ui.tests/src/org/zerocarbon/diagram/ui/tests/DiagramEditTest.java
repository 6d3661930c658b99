package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.diagram.ui.tests.Diagrams.centre;
import static org.zerocarbon.diagram.ui.tests.Diagrams.document;
import static org.zerocarbon.diagram.ui.tests.Diagrams.edge;
import static org.zerocarbon.diagram.ui.tests.Diagrams.node;
import static org.zerocarbon.diagram.ui.tests.Diagrams.pick;
import static org.zerocarbon.diagram.ui.tests.Diagrams.waitIdle;
import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.ui.DiagramEditor;
import org.zerocarbon.diagram.ui.internal.CanvasTooltip;
import org.zerocarbon.diagram.ui.internal.PaletteTool;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Editing in the diagram: every gesture is a model change written into the DSL text, undone and redone through
 * the workbench's history; the test asserts both the diagram (scene) and the text after each step.
 */
class DiagramEditTest {

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

	private static DiagramEditor line() throws Exception {
		DiagramEditor editor = Diagrams.open(file("housing-cell", "model/cell.zc"));
		editor.canvas().setZoom(1, 0, 0);
		return editor;
	}

	private static void command(DiagramEditor editor, String id) throws Exception {
		page().activate(editor);
		editor.getSite().getService(IHandlerService.class).executeCommand(id, null);
		flush();
	}

	private static String text(DiagramEditor editor) {
		return document(editor).get();
	}

	@Test
	void createAMachineFromThePaletteConnectItUndoAndRedo() throws Exception {
		DiagramEditor editor = line();
		String original = text(editor);

		pick(editor, PaletteTool.MACHINE);
		Diagrams.click(editor.canvas(), Diagrams.background(editor));
		Diagrams.waitEdit(editor, "the new machine is drawn", () -> node(editor, "Machine1").isPresent());
		assertTrue(text(editor).contains("machine Machine1 other"), text(editor));
		assertEquals(List.of("Machine1"), editor.canvas().selection(), "the new machine is selected");
		assertEquals(PaletteTool.SELECT, editor.canvas().tool(), "the palette returns to selecting");

		pick(editor, PaletteTool.FLOW);
		Diagrams.drag(editor.canvas(), centre(editor, "CMM1"), centre(editor, "Machine1"));
		Diagrams.waitEdit(editor, "the flow is drawn", () -> edge(editor, "CMM1", "Machine1").isPresent());
		assertTrue(text(editor).contains("flow CMM1 -> Machine1"), text(editor));
		assertEquals(Edge.Kind.MATERIAL, edge(editor, "CMM1", "Machine1").orElseThrow().kind());

		command(editor, IWorkbenchCommandConstants.EDIT_UNDO);
		Diagrams.waitEdit(editor, "undo removes the flow", () -> edge(editor, "CMM1", "Machine1").isEmpty());
		assertFalse(text(editor).contains("flow CMM1 -> Machine1"));
		assertTrue(node(editor, "Machine1").isPresent(), "the machine stays: it was an edit of its own");

		command(editor, IWorkbenchCommandConstants.EDIT_UNDO);
		Diagrams.waitEdit(editor, "undo removes the machine", () -> node(editor, "Machine1").isEmpty());
		assertEquals(original, text(editor), "two undos restore the text exactly");

		command(editor, IWorkbenchCommandConstants.EDIT_REDO);
		Diagrams.waitEdit(editor, "redo brings the machine back", () -> node(editor, "Machine1").isPresent());
		assertTrue(text(editor).contains("machine Machine1 other"));
	}

	@Test
	void aMeterIsAddedToTheMachineClicked() throws Exception {
		DiagramEditor editor = line();
		long meters = node(editor, "VMC2").orElseThrow().badges().stream().filter(b -> b.contains("meter")).count();
		assertEquals(1, meters, "VMC2 shows its meters in one badge");
		String before = node(editor, "VMC2").orElseThrow().badges().stream().filter(b -> b.contains("meter")).findFirst().orElseThrow();
		int count = Integer.parseInt(before.substring(0, before.indexOf(' ')));
		pick(editor, PaletteTool.METER);
		Diagrams.click(editor.canvas(), centre(editor, "VMC2"));
		Diagrams.waitEdit(editor, "the meter shows on VMC2", () -> node(editor, "VMC2").orElseThrow().badges().stream()
				.anyMatch(b -> b.startsWith((count + 1) + " meters")));
		assertTrue(text(editor).contains("meter VMC2_Meter1 machine every 1 s"), text(editor));
	}

	@Test
	void deletingAMachineDeletesItsFlowsInDiagramAndText() throws Exception {
		DiagramEditor editor = line();
		Diagrams.click(editor.canvas(), centre(editor, "Wash1"));
		assertEquals(List.of("Wash1"), editor.canvas().selection());
		Diagrams.key(editor.canvas(), SWT.DEL, (char) 127);
		Diagrams.waitEdit(editor, "Wash1 is gone", () -> node(editor, "Wash1").isEmpty());
		String text = text(editor);
		assertFalse(text.contains("machine Wash1"), text);
		assertFalse(text.contains("-> Wash1") || text.contains("Wash1 ->"), "its flows went with it: " + text);
		assertTrue(edge(editor, "DB1", "Wash1").isEmpty() && edge(editor, "Wash1", "CMM1").isEmpty());
		assertTrue(node(editor, "CMM1").isPresent(), "the machines around it stay");

		command(editor, IWorkbenchCommandConstants.EDIT_UNDO);
		waitUntil("undo restores Wash1 and its flows",
				() -> editor.isIdle() && edge(editor, "DB1", "Wash1").isPresent() && edge(editor, "Wash1", "CMM1").isPresent());
	}

	@Test
	void deletingAFlowEdgeDeletesOnlyTheFlow() throws Exception {
		DiagramEditor editor = line();
		Edge flow = edge(editor, "HMC1", "DB1").orElseThrow();
		int[] p = flow.points();
		// The middle of the route's first segment.
		Diagrams.click(editor.canvas(), editor.canvas().toCanvas((p[0] + p[2]) / 2, (p[1] + p[3]) / 2));
		assertEquals(List.of(flow.id()), editor.canvas().selection());
		editor.deleteSelection();
		Diagrams.waitEdit(editor, "the flow is gone", () -> edge(editor, "HMC1", "DB1").isEmpty());
		assertFalse(text(editor).contains("flow HMC1 -> DB1"));
		assertTrue(node(editor, "HMC1").isPresent() && node(editor, "DB1").isPresent());
	}

	@Test
	void renameInPlaceRenamesTheMachineAndItsReferences() throws Exception {
		DiagramEditor editor = line();
		Diagrams.click(editor.canvas(), centre(editor, "TC1"));
		Diagrams.key(editor.canvas(), SWT.F2, (char) 0);
		Text field = editor.canvas().renameField();
		assertNotNull(field, "F2 opens the name field");
		assertEquals("TC1", field.getText());
		field.setText("Lathe1");
		Event enter = new Event();
		enter.detail = SWT.TRAVERSE_RETURN;
		enter.doit = true;
		field.notifyListeners(SWT.Traverse, enter);
		Diagrams.waitEdit(editor, "the machine is renamed", () -> node(editor, "Lathe1").isPresent());
		String text = text(editor);
		assertTrue(text.contains("machine Lathe1 turning"), text);
		assertTrue(text.contains("flow Lathe1 -> VMC1") && text.contains("flow Lathe1 -> VMC2"), "references follow: " + text);
		assertFalse(text.contains("TC1 ->"), text);
		assertTrue(node(editor, "TC1").isEmpty());
		assertEquals(List.of("Lathe1"), editor.canvas().selection(), "the renamed machine stays selected");
	}

	@Test
	void doubleClickOnANameRenamesAndElsewhereShowsTheElementInTheText() throws Exception {
		DiagramEditor editor = line();
		Node vmc = node(editor, "VMC1").orElseThrow();
		int[] title = vmc.titleBox();
		Diagrams.doubleClick(editor.canvas(), editor.canvas().toCanvas(vmc.x() + title[0] + 5, vmc.y() + title[1] + 5));
		assertNotNull(editor.canvas().renameField(), "a double-click on the name renames");
		Event escape = new Event();
		escape.detail = SWT.TRAVERSE_ESCAPE;
		editor.canvas().renameField().notifyListeners(SWT.Traverse, escape);

		Diagrams.doubleClick(editor.canvas(), editor.canvas().toCanvas(vmc.x() + vmc.width() / 2, vmc.y() + vmc.height() - 6));
		ZcEditor text = Workbench.waitFor("the text editor opens", () -> page().getActiveEditor() instanceof ZcEditor z ? z : null);
		ITextSelection selection = (ITextSelection) ((ITextEditor) text).getSelectionProvider().getSelection();
		assertEquals("VMC1", selection.getText(), "the element's name is selected");
		assertTrue(text.viewer().getDocument() == document(editor), "text and diagram share one document");
	}

	@Test
	void theLoopPaletteCreatesASensorAControllerAndTheFeedbackEdge() throws Exception {
		DiagramEditor editor = Diagrams.open(file("housing-cell", "model/air-loop.zc"));
		editor.canvas().setZoom(1, 0, 0);

		pick(editor, PaletteTool.SENSOR);
		Diagrams.click(editor.canvas(), Diagrams.background(editor));
		Diagrams.waitEdit(editor, "the sensor is drawn", () -> node(editor, "Sensor1").isPresent());
		assertTrue(text(editor).contains("sensor Sensor1 measures power every 1 s"), text(editor));

		pick(editor, PaletteTool.CONTROLLER);
		Diagrams.drag(editor.canvas(), centre(editor, "Sensor1"), centre(editor, "Comp2Switch"));
		Diagrams.waitEdit(editor, "the controller is drawn", () -> node(editor, "Controller1").isPresent());
		assertTrue(text(editor).contains("controller Controller1 rule reads Sensor1 drives Comp2Switch"), text(editor));
		assertTrue(edge(editor, "Sensor1", "Controller1").isPresent() && edge(editor, "Controller1", "Comp2Switch").isPresent());

		pick(editor, PaletteTool.ASSET);
		Diagrams.click(editor.canvas(), Diagrams.background(editor));
		Diagrams.waitEdit(editor, "the asset is drawn", () -> node(editor, "Asset1").isPresent());
		assertTrue(text(editor).contains("asset Asset1 other"), text(editor));
		pick(editor, PaletteTool.ACTUATOR);
		Diagrams.click(editor.canvas(), centre(editor, "Asset1"));
		Diagrams.waitEdit(editor, "the actuator is drawn", () -> edge(editor, "Actuator1", "Asset1").isPresent());
		assertTrue(text(editor).contains("actuator Actuator1 switch controls Asset1"), text(editor));
		assertEquals(Edge.Kind.ACTION, edge(editor, "Actuator1", "Asset1").orElseThrow().kind());

		pick(editor, PaletteTool.FEEDBACK);
		Diagrams.drag(editor.canvas(), centre(editor, "Comp2"), centre(editor, "Sensor1"));
		Diagrams.waitEdit(editor, "the feedback edge is drawn", () -> edge(editor, "Comp2", "Sensor1").isPresent());
		assertEquals(Edge.Kind.FEEDBACK, edge(editor, "Comp2", "Sensor1").orElseThrow().kind());
		assertTrue(text(editor).contains("sensor Sensor1 measures power on Comp2 every 1 s"), text(editor));
	}

	@Test
	void theTextEditorUndoesTheDiagramsEditsTooOneHistory() throws Exception {
		DiagramEditor editor = line();
		ZcEditor text = Diagrams.openText(file("housing-cell", "model/cell.zc"));
		page().activate(editor);
		pick(editor, PaletteTool.MACHINE);
		Diagrams.click(editor.canvas(), Diagrams.background(editor));
		Diagrams.waitEdit(editor, "the new machine is drawn", () -> node(editor, "Machine1").isPresent());
		assertTrue(text.viewer().getDocument().get().contains("machine Machine1 other"), "the text editor shows the edit");

		page().activate(text);
		text.getSite().getService(IHandlerService.class).executeCommand(IWorkbenchCommandConstants.EDIT_UNDO, null);
		waitIdle(editor);
		waitUntil("undo in the text editor removes the machine from the diagram",
				() -> editor.isIdle() && node(editor, "Machine1").isEmpty());
	}

	// ---- issue 17: the tooltip goes at once when the drawing changes under it, and stays away until the pointer rests

	/** Moves the pointer onto a node's centre and lets it rest there, and waits for the tooltip. */
	private static CanvasTooltip hover(DiagramEditor editor, String id) {
		int[] at = centre(editor, id);
		Diagrams.mouse(editor.canvas(), SWT.MouseMove, at, 0, 0);
		Diagrams.mouse(editor.canvas(), SWT.MouseHover, at, 0, 0);
		flush();
		CanvasTooltip tooltip = editor.canvas().tooltip();
		// cell.zc: the machines of line Cell in package housing
		waitUntil("the tooltip of " + id + " is up", () -> tooltip.text() != null && tooltip.text().contains("housing.Cell." + id));
		return tooltip;
	}

	@Test
	void theTooltipOfAMachineNamesItAndItsDescriptionAndGoesOnAMoveToAnother() throws Exception {
		DiagramEditor editor = line();
		CanvasTooltip tooltip = hover(editor, "TC1");
		// cell.zc: machine TC1 turning "Turning centre, 2 spindles"
		assertTrue(tooltip.text().startsWith("Machine housing.Cell.TC1\nTurning centre, 2 spindles"), tooltip.text());
		int[] at = centre(editor, "TC1");
		Diagrams.mouse(editor.canvas(), SWT.MouseMove, new int[] { at[0] + 2, at[1] + 1 }, 0, 0);
		assertTrue(tooltip.isVisible(), "a move within the machine keeps its tooltip");
		Diagrams.mouse(editor.canvas(), SWT.MouseMove, centre(editor, "VMC1"), 0, 0);
		assertFalse(tooltip.isVisible(), "a move onto another machine hides it");
		hover(editor, "VMC1"); // and resting there shows that one's
	}

	@Test
	void deletingTheHoveredMachineHidesItsTooltipAtOnce() throws Exception {
		DiagramEditor editor = line();
		editor.canvas().select(List.of("CMM1"));
		CanvasTooltip tooltip = hover(editor, "CMM1");
		editor.deleteSelection(); // as Edit > Delete does, without a key on the canvas
		assertNull(tooltip.text(), "hidden when the delete is asked for, before the diagram is redrawn");
		Diagrams.waitEdit(editor, "CMM1 is deleted", () -> node(editor, "CMM1").isEmpty());
		assertFalse(tooltip.isVisible(), "and it does not come back over the new drawing");
	}

	@Test
	void reLayoutHidesTheTooltipAtOnce() throws Exception {
		DiagramEditor editor = line();
		CanvasTooltip tooltip = hover(editor, "VMC1");
		editor.relayout();
		assertNull(tooltip.text(), "hidden when the re-layout is asked for");
		waitIdle(editor);
		assertFalse(tooltip.isVisible());
	}

	@Test
	void aRedrawForAChangeOfTheTextHidesTheTooltip() throws Exception {
		DiagramEditor editor = line();
		CanvasTooltip tooltip = hover(editor, "HMC1");
		var document = document(editor);
		document.replace(document.get().indexOf("\tflow TC1 -> VMC1"), 0, "\tmachine Saw1 other {\n\t}\n");
		waitUntil("the typed machine appears", () -> editor.isIdle() && node(editor, "Saw1").isPresent());
		assertFalse(tooltip.isVisible(), "HMC1 may have moved: its tooltip went with the old drawing");
	}
}
