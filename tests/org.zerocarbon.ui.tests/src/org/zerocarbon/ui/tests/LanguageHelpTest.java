package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.jface.text.IDocument;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.HelpView;

/** The language reference: from the Help menu, and by F1 in the model editor at the section about the word under the caret. */
@ExtendWith(Examples.class)
class LanguageHelpTest {

	private static final String COMMAND = "org.zerocarbon.ui.languageHelp";

	@Test
	void f1OnAKeywordShowsItsSection() throws Exception {
		IFile cell = Workbench.file(Examples.CELL, "model/cell.zc");
		ZcEditor editor = (ZcEditor) IDE.openEditor(page(), cell, true);
		Workbench.flush();
		IDocument document = editor.getDocumentProvider().getDocument(editor.getEditorInput());
		int offset = document.get().indexOf("transport 7.8 t");
		editor.selectAndReveal(offset + 3, 0); // the caret inside "transport"
		Workbench.flush();

		IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
		assertEquals("F1", bindings.getBestActiveBindingFormattedFor(COMMAND), "F1 is the key while a model editor is active");
		PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(COMMAND, null);
		Workbench.flush();

		HelpView view = (HelpView) page().findView(HelpView.ID);
		assertNotNull(view, "the reference is open");
		StyledText text = view.text();
		String top = text.getLine(text.getTopIndex());
		assertEquals("Machines", top.strip(), "the section that explains transport legs is at the top");
		assertTrue(page().getActiveEditor() == editor, "the editor keeps the focus for typing on");
	}

	@Test
	void theHelpMenuOffersTheReference() {
		Menu bar = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().getMenuBar();
		MenuItem help = Arrays.stream(bar.getItems()).filter(i -> i.getText().replace("&", "").equals("Help")).findFirst().orElseThrow();
		help.getMenu().notifyListeners(SWT.Show, new Event()); // menus are filled when they open
		Workbench.flush();
		try {
			assertTrue(Arrays.stream(help.getMenu().getItems()).anyMatch(i -> i.getText().startsWith("ZeroCarbon Language Reference")),
					() -> Arrays.toString(help.getMenu().getItems()));
		} finally {
			help.getMenu().notifyListeners(SWT.Hide, new Event());
		}
	}
}
