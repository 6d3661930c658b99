package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.diagram.ui.tests.Diagrams.node;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.texteditor.ITextEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.ui.DiagramEditor;
import org.zerocarbon.diagram.ui.internal.BackgroundProcessesAction;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Show Background Processes in the diagram editor: a line whose machine uses a process of a library file (two
 * processes in a loop) shows one collapsed node, the toggle expands it, and a double-click on a process opens its
 * definition in the library's text.
 */
class BackgroundProcessesTest {

	private static IProject project;

	@BeforeAll
	static void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("background-processes");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFolder model = project.getFolder("model");
		if (!model.exists()) {
			model.create(true, true, null);
		}
		write(model.getFile("lib.zc"), """
				package lib
				factors Lib {
					material factor Steel = 1.9 kgCO2e/kg
					process Billet "Steel billet, supplier route" {
						output 1 kg
						input 0.5 kWh from Power
						input 1.1 kg from Steel
						emits 0.2 kgCO2e
					}
					process Power "Electricity with plant upkeep" {
						output 1 kWh
						input 0.001 kg from Billet
						emits 0.5 kgCO2e
					}
				}
				""");
		write(model.getFile("line.zc"), """
				package demo
				import lib.*
				line Cell {
					machine Mill vmc {
						state processing 10 kW for 100 %
						subassembly Frame { material 10 kg factor Billet }
					}
					machine Saw other {
						state processing 2 kW for 100 %
					}
					flow Saw -> Mill
				}
				""");
	}

	private static void write(IFile file, String text) throws CoreException {
		ByteArrayInputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			file.create(in, true, null);
		}
	}

	@AfterEach
	void closeEditors() {
		page().closeAllEditors(false);
		flush();
	}

	@AfterAll
	static void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	private static DiagramEditor open() throws Exception {
		DiagramEditor editor = Diagrams.open(project.getFile("model/line.zc"));
		editor.canvas().setZoom(1, 0, 0);
		return editor;
	}

	private static void toggle(DiagramEditor editor) throws Exception {
		page().activate(editor);
		editor.getSite().getService(IHandlerService.class).executeCommand(BackgroundProcessesAction.COMMAND_ID, null);
		flush();
		Diagrams.waitIdle(editor);
	}

	@Test
	void collapsedByDefaultTheToggleExpandsAndCollapsesAgain() throws Exception {
		DiagramEditor editor = open();
		Node group = node(editor, "background_processes").orElseThrow();
		assertEquals("2 user-defined processes, collapsed", group.subtitle());
		assertTrue(Diagrams.edge(editor, "background_processes", "Mill").isPresent());
		assertTrue(Diagrams.edge(editor, "background_processes", "Saw").isEmpty(), "the saw uses no process");
		assertFalse(editor.backgroundProcesses().update(editor.content()).isChecked());
		assertTrue(editor.backgroundProcesses().isEnabled(), "enabled on a line diagram");
		assertFalse(editor.backgroundProcesses().getToolTipText().isEmpty(), "the toggle has a help text");

		toggle(editor);
		waitUntil("the processes are expanded", () -> node(editor, "process_Billet").isPresent());
		assertTrue(node(editor, "background_processes").isEmpty());
		assertEquals("process · output 1 kWh", node(editor, "process_Power").orElseThrow().subtitle());
		List<String> loop = Diagrams.scene(editor).edges().stream().filter(e -> e.kind() == Edge.Kind.PROVIDES)
				.map(e -> e.source().id() + " -> " + e.target().id()).toList();
		assertEquals(List.of("process_Billet -> Mill", "process_Power -> process_Billet", "process_Billet -> process_Power"),
				loop);
		assertTrue(editor.backgroundProcesses().update(editor.content()).isChecked(), "the state is the editor's");

		toggle(editor);
		waitUntil("the processes are collapsed again", () -> node(editor, "background_processes").isPresent());
		assertTrue(node(editor, "process_Billet").isEmpty());
	}

	@Test
	void doubleClickOnAProcessOpensItsDefinitionAndDeleteIsRefused() throws Exception {
		DiagramEditor editor = open();
		toggle(editor);
		waitUntil("the processes are expanded", () -> node(editor, "process_Power").isPresent());
		Node power = node(editor, "process_Power").orElseThrow();
		editor.canvas().reveal(power.id());
		flush();

		Diagrams.click(editor.canvas(), Diagrams.centre(editor, power.id()));
		editor.deleteSelection();
		flush();
		assertTrue(editor.lastProblem() != null && editor.lastProblem().contains("factor library"), editor.lastProblem());
		assertTrue(node(editor, "process_Power").isPresent());

		// On the title too: a process of another file is not renamed here, its definition opens.
		int[] title = power.titleBox();
		Diagrams.doubleClick(editor.canvas(), editor.canvas().toCanvas(power.x() + title[0] + 5, power.y() + title[1] + 5));
		assertNull(editor.canvas().renameField(), "no in-place rename of a library's process");
		ZcEditor text = Workbench.waitFor("the library opens in the text editor",
				() -> page().getActiveEditor() instanceof ZcEditor z ? z : null);
		assertEquals("lib.zc", text.getEditorInput().getName());
		ITextSelection selection = (ITextSelection) ((ITextEditor) text).getSelectionProvider().getSelection();
		assertEquals("Power", selection.getText(), "the process's name is selected");
	}
}
