package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.ui.tests.Widgets.allItems;
import static org.zerocarbon.ui.tests.Widgets.doubleClick;
import static org.zerocarbon.lang.ui.tests.Workbench.flush;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitFor;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IFileEditorInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.core.calc.CriteriaChecker;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.CriteriaView;

/** The Criteria view after a build of the example projects: the failed criteria, and navigation to the elements. */
@ExtendWith(Examples.class)
class CriteriaViewTest {

	@Test
	void showsTheFailedCriteriaOfTheExampleAndOpensTheFailingElement() throws Exception {
		CriteriaView view = (CriteriaView) page().showView(CriteriaView.ID);
		view.viewer().expandAll();
		flush();
		List<TreeItem> items = allItems(view.viewer().getTree());

		// the failed criteria shown are those the engine finds in the same files (the project and its library)
		assertEquals(failedByTheEngine(), failedShown(items, Examples.CELL));
		TreeItem transport = items.stream().filter(i -> i.getText(0).equals("TransportToSite") && project(i).equals(Examples.CELL)).findFirst()
				.orElseThrow();
		assertTrue(transport.getText(1).startsWith("FAILED: The machine has no transport leg to site"), transport.getText(1));
		assertEquals("warning", transport.getText(2));
		assertEquals("InventoryChecks", transport.getParentItem().getText(0));

		// CMM1 has no transport statement in cell.zc, so it fails the criterion; its definition starts on this line
		IFile cell = Workbench.file(Examples.CELL, "model/cell.zc");
		int line = lineOf(cell, "machine CMM1 ");
		TreeItem cmm1 = List.of(transport.getItems()).stream().filter(i -> i.getText(0).equals("housing.Cell.CMM1")).findFirst().orElseThrow();
		assertFalse(cmm1.getText(1).equals("satisfied"));
		assertEquals("cell.zc:" + line, cmm1.getText(3));

		doubleClick(cmm1);

		IEditorPart editor = waitFor("the editor opens", () -> page().getActiveEditor() instanceof ZcEditor e ? e : null);
		assertEquals(cell, ((IFileEditorInput) editor.getEditorInput()).getFile());
		ITextSelection selection = (ITextSelection) ((ZcEditor) editor).getSelectionProvider().getSelection();
		assertEquals(line - 1, selection.getStartLine(), "the caret is on the machine's definition");
		assertTrue(selection.getText().startsWith("machine CMM1 cmm"), selection.getText());
	}

	@Test
	void failedOnlyHidesEverythingThatPassed() throws Exception {
		CriteriaView view = (CriteriaView) page().showView(CriteriaView.ID);
		try {
			view.setFailedOnly(true);
			view.viewer().expandAll();
			flush();
			List<TreeItem> items = allItems(view.viewer().getTree());
			List<TreeItem> criteria = items.stream().filter(i -> depth(i) == 2).toList();

			assertEquals(failedByTheEngine().size(), criteria.size());
			assertTrue(criteria.stream().allMatch(i -> i.getText(1).startsWith("FAILED")));
			assertTrue(items.stream().filter(i -> depth(i) == 3).noneMatch(i -> i.getText(1).equals("satisfied")));
			// the library checks no machine of its own: nothing of it fails, so it is hidden
			assertTrue(items.stream().noneMatch(i -> depth(i) == 0 && i.getText(0).equals(Examples.LIBRARY)));
		} finally {
			view.setFailedOnly(false);
		}
	}

	/** Ids of the failed criteria, as the engine computes them for the example's files. */
	private static Set<String> failedByTheEngine() throws CoreException {
		List<URI> files = new ArrayList<>();
		for (String name : new String[] { Examples.CELL, Examples.LIBRARY }) {
			IProject project = Examples.project(name);
			project.accept(r -> {
				if (r.getType() == IResource.FILE && "zc".equals(r.getFileExtension())) {
					files.add(URI.createFileURI(r.getLocation().toString()));
				}
				return !r.getName().equals("reports");
			});
		}
		var loaded = ModelValidation.create().load(files, () -> false);
		Set<String> failed = new TreeSet<>();
		for (CriterionResult result : new CriteriaChecker().check(new ModelSet(loaded.resourceSet()).ruleSets(null), loaded.resourceSet())) {
			if (result.status() == CriterionResult.Status.FAIL) {
				failed.add(result.id());
			}
		}
		assertFalse(failed.isEmpty(), "the example has failed criteria (README: zcw check examples/)");
		return failed;
	}

	private static Set<String> failedShown(List<TreeItem> items, String project) {
		Set<String> shown = new TreeSet<>();
		for (TreeItem item : items) {
			if (depth(item) == 2 && project(item).equals(project) && item.getText(1).startsWith("FAILED")) {
				shown.add(item.getParentItem().getText(0) + "." + item.getText(0));
			}
		}
		return shown;
	}

	private static int depth(TreeItem item) {
		int depth = 0;
		for (TreeItem parent = item.getParentItem(); parent != null; parent = parent.getParentItem()) {
			depth++;
		}
		return depth;
	}

	private static String project(TreeItem item) {
		TreeItem top = item;
		while (top.getParentItem() != null) {
			top = top.getParentItem();
		}
		return top.getText(0);
	}

	/** 1-based line of the first line containing the text. */
	static int lineOf(IFile file, String text) throws IOException {
		List<String> lines = Files.readAllLines(file.getLocation().toFile().toPath());
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i + 1;
			}
		}
		throw new AssertionError(text + " is not in " + file);
	}
}
