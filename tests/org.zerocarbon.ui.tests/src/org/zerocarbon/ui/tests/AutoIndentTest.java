package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;

/**
 * Typing in the model editor, key by key as the keyboard sends them: Enter keeps the indentation and adds a level
 * after a brace, a brace brings its closing brace, and a closing brace on a blank line goes to its block's column.
 * Expected texts are written out by hand (a tab per level).
 */
class AutoIndentTest {

	private IProject project;
	private ZcEditor editor;
	private StyledText text;

	@BeforeEach
	void openEditor() throws Exception {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-auto-indent");
		project.create(null);
		project.open(null);
		IFile file = project.getFile("typing.zc");
		file.create(new ByteArrayInputStream(new byte[0]), true, null);
		editor = Workbench.open(file);
		text = editor.viewer().getTextWidget();
		text.setFocus();
	}

	@AfterEach
	void close() throws Exception {
		Workbench.page().closeEditor(editor, false);
		project.delete(true, true, null);
	}

	@Test
	void enterAfterABraceIndentsAndTheBraceClosesBelow() {
		type("line L {");
		assertEquals("line L {}", text.getText(), "the closing brace comes with the opening one");
		type("\n");
		assertEquals("line L {\n\t\n}", text.getText());
		assertEquals("line L {\n\t".length(), text.getCaretOffset(), "the caret on the indented line");
		type("machine M vmc {\nrated 20 kW\n");
		assertEquals("line L {\n\tmachine M vmc {\n\t\trated 20 kW\n\t\t\n\t}\n}", text.getText());
	}

	@Test
	void aClosingBraceOnABlankLineGoesToTheColumnOfItsBlock() {
		setText("line L {\n\tmachine M vmc {\n\t\trated 20 kW\n\t\t");
		type("}");
		assertEquals("line L {\n\tmachine M vmc {\n\t\trated 20 kW\n\t}", text.getText());
		type("\n}");
		assertEquals("line L {\n\tmachine M vmc {\n\t\trated 20 kW\n\t}\n}", text.getText(), "Enter after } keeps its column, } dedents");
	}

	@Test
	void aClosingBraceBeforeTheInsertedOneStepsOverIt() {
		type("profile {");
		type("}");
		assertEquals("profile {}", text.getText());
		assertEquals(text.getText().length(), text.getCaretOffset());
	}

	@Test
	void enterInsideACommentOrAfterABraceInAStringAddsNoLevel() {
		setText("\t// a block {");
		type("\n");
		assertEquals("\t// a block {\n\t", text.getText(), "the comment's indentation is kept, no level added");
		setText("\tmachine M vmc \"a {");
		type("{");
		assertEquals("\tmachine M vmc \"a {{", text.getText(), "no closing brace inside a string");
	}

	private void setText(String content) {
		editor.viewer().getDocument().set(content);
		text.setCaretOffset(content.length());
	}

	/** Sends each character as a key press; \n is the Enter key. */
	private void type(String keys) {
		for (char c : keys.toCharArray()) {
			Event event = new Event();
			event.character = c == '\n' ? SWT.CR : c;
			event.keyCode = c == '\n' ? SWT.CR : c;
			text.notifyListeners(SWT.KeyDown, event);
			Workbench.flush();
		}
	}
}
