package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.file;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.open;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitFor;
import static org.zerocarbon.lang.ui.tests.Workbench.waitForAnalysis;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.commands.operations.OperationHistoryFactory;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.views.contentoutline.ContentOutline;
import org.eclipse.ui.views.properties.ComboBoxPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertyDescriptor;
import org.eclipse.ui.views.properties.IPropertySource;
import org.eclipse.ui.views.properties.PropertySheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.edit.ModelEdits;
import org.zerocarbon.lang.ui.internal.Analysis.OutlineNode;
import org.zerocarbon.lang.ui.internal.OutlinePage;
import org.zerocarbon.lang.ui.properties.ModelPropertySheetPage;

/**
 * The Properties view on ZeroCarbon elements: the element at the caret (or selected in the outline) shows its
 * properties by category, and a value set in the view is written to the text as one undo step.
 */
class ModelPropertiesTest {

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

	private static IDocument document(ZcEditor editor) {
		return editor.getDocumentProvider().getDocument(editor.getEditorInput());
	}

	private static IPropertyDescriptor descriptor(IPropertySource source, String name) {
		return Arrays.stream(source.getPropertyDescriptors()).filter(d -> d.getDisplayName().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no property " + name + " in " + Arrays.stream(
						source.getPropertyDescriptors()).map(IPropertyDescriptor::getDisplayName).toList()));
	}

	/** The properties the view shows for the element whose label starts with {@code label}. */
	private static IPropertySource shown(PropertySheet sheet, String label) {
		return waitFor("the Properties view shows " + label, () -> sheet.getCurrentPage() instanceof ModelPropertySheetPage page
				? page.sources().stream().filter(s -> s.toString().startsWith(label)).findFirst().orElse(null) : null);
	}

	/** The value the Properties view's tree shows in the row of the property, or null. */
	private static String row(PropertySheet sheet, String property) {
		Tree tree = (Tree) sheet.getCurrentPage().getControl();
		return row(tree.getItems(), property);
	}

	private static String row(TreeItem[] items, String property) {
		for (TreeItem item : items) {
			if (item.getText(0).equals(property)) {
				return item.getText(1);
			}
			item.setExpanded(true);
			String nested = row(item.getItems(), property);
			if (nested != null) {
				return nested;
			}
		}
		return null;
	}

	@Test
	void theMachineAtTheCaretShowsItsPropertiesAndASetValueIsWrittenAsOneUndoStep() throws Exception {
		IFile cell = file("housing-cell", "model/cell.zc");
		ZcEditor editor = open(cell);
		waitForAnalysis(editor);
		IDocument document = document(editor);
		String before = document.get();
		PropertySheet sheet = (PropertySheet) page().showView(IPageLayout.ID_PROP_SHEET);
		page().activate(editor);
		int vmc2 = before.indexOf("machine VMC2");
		// The caret on the machine's rated power: the properties are the machine's, not the quantity's.
		int rated = before.indexOf("rated 25 kW", vmc2);
		editor.selectAndReveal(rated + "rated 2".length(), 0);

		IPropertySource machine = shown(sheet, "Machine VMC2 (25 kW)");
		IPropertyDescriptor ratedPower = descriptor(machine, "Rated Power");
		assertEquals("Figures", ratedPower.getCategory());
		assertEquals("Rated (nameplate) electrical power.", ratedPower.getDescription());
		assertEquals("25 kW", machine.getPropertyValue(ratedPower.getId()));
		waitUntil("the view lists the rated power", () -> "25 kW".equals(row(sheet, "Rated Power")));
		assertEquals("VMC2", row(sheet, "Name"));

		machine.setPropertyValue(ratedPower.getId(), "27.5 kW");

		String expected = before.substring(0, rated) + "rated 27.5 kW" + before.substring(rated + "rated 25 kW".length());
		waitUntil("the new rated power is in the text", () -> document.get().equals(expected));
		waitUntil("the view shows the new value", () -> "27.5 kW".equals(row(sheet, "Rated Power")));
		assertTrue(editor.isDirty());
		OperationHistoryFactory.getOperationHistory().undo(ModelEdits.undoContext(cell), null, null);
		assertEquals(before, document.get(), "one undo takes the change back");
	}

	@Test
	void aChoiceIsWrittenAsTheWordOfTheLanguage() throws Exception {
		IFile cell = file("housing-cell", "model/cell.zc");
		ZcEditor editor = open(cell);
		IDocument document = document(editor);
		String before = document.get();
		PropertySheet sheet = (PropertySheet) page().showView(IPageLayout.ID_PROP_SHEET);
		page().activate(editor);
		editor.selectAndReveal(before.indexOf("machine VMC2") + "machine VM".length(), 0);

		IPropertySource machine = shown(sheet, "Machine VMC2");
		ComboBoxPropertyDescriptor type = (ComboBoxPropertyDescriptor) descriptor(machine, "Type");
		assertEquals("General", type.getCategory());
		int hmc = Arrays.asList(labels(type)).indexOf("hmc");
		assertTrue(hmc >= 0);
		machine.setPropertyValue(type.getId(), hmc);

		waitUntil("the machine type is written", () -> document.get().equals(before.replace("machine VMC2 vmc", "machine VMC2 hmc")));
	}

	/** The entries of a choice, as its cell editor lists them. */
	private static String[] labels(ComboBoxPropertyDescriptor descriptor) {
		Tree tree = (Tree) ((PropertySheet) page().findView(IPageLayout.ID_PROP_SHEET)).getCurrentPage().getControl();
		ComboBoxCellEditor editor = (ComboBoxCellEditor) descriptor.createPropertyEditor(tree);
		try {
			return editor.getItems();
		} finally {
			editor.dispose();
		}
	}

	@Test
	void anElementSelectedInTheOutlineShowsItsProperties() throws Exception {
		IFile loop = file("housing-cell", "model/air-loop.zc");
		ZcEditor editor = open(loop);
		waitForAnalysis(editor);
		page().showView(IPageLayout.ID_OUTLINE);
		PropertySheet sheet = (PropertySheet) page().showView(IPageLayout.ID_PROP_SHEET);
		ContentOutline outlineView = (ContentOutline) page().findView(IPageLayout.ID_OUTLINE);
		page().activate(editor);
		OutlinePage outline = waitFor("the outline page", () -> outlineView.getCurrentPage() instanceof OutlinePage p ? p : null);
		OutlineNode sensor = waitFor("the sensor in the outline", 
				() -> Workbench.outlineNode(outline.roots(), "HeaderPressure : Sensor"));
		page().activate(outlineView);
		outline.setSelection(new StructuredSelection(sensor));

		IPropertySource properties = shown(sheet, "Sensor HeaderPressure (1 s)");
		IPropertyDescriptor asset = descriptor(properties, "Asset");
		assertEquals("References", asset.getCategory());
		assertNotNull(properties.getPropertyValue(asset.getId()));
		String[] candidates = labels((ComboBoxPropertyDescriptor) asset);
		assertEquals("Comp1", candidates[(Integer) properties.getPropertyValue(asset.getId())]);
		assertTrue(Arrays.asList(candidates).containsAll(java.util.List.of("", "Comp1", "Comp2", "VMC1Standby")),
				"the assets in scope, and none: " + Arrays.toString(candidates));

		// Another asset, chosen from the list, is written by its name.
		IDocument document = document(editor);
		String before = document.get();
		properties.setPropertyValue(asset.getId(), Arrays.asList(candidates).indexOf("Comp2"));
		waitUntil("the sensor is on Comp2", () -> document.get().equals(
				before.replace("measures pressure on Comp1", "measures pressure on Comp2")));
	}
}
