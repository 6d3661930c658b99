package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.SafeZip;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.CriteriaView;
import org.zerocarbon.ui.views.ExportEvidenceHandler;
import org.zerocarbon.ui.wizards.EvidenceExportWizard;

/**
 * File > Export > ZeroCarbon Evidence Package and the Criteria view's Export Evidence...: the wizard, filled in and
 * finished as a user would, writes the example's package, and it verifies.
 */
@ExtendWith(Examples.class)
class EvidenceExportWizardTest {

	@TempDir
	Path dir;

	/** A wizard dialog whose Finish a test can press. */
	private static final class Dialog extends WizardDialog {
		Dialog(EvidenceExportWizard wizard) {
			super(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), wizard);
			setBlockOnOpen(false);
		}

		void finish() {
			finishPressed();
		}
	}

	@Test
	void theWizardIsAnExportWizard() {
		assertNotNull(PlatformUI.getWorkbench().getExportWizardRegistry().findWizard(EvidenceExportWizard.ID));
	}

	@Test
	void theCriteriaViewOffersExportEvidenceForTheSelectedProject() throws Exception {
		CriteriaView view = (CriteriaView) page().showView(CriteriaView.ID);
		Object row = waitFor("the Criteria view shows the cell", () -> Arrays.stream(((Object[]) ((org.eclipse.jface.viewers.ITreeContentProvider) view
				.viewer().getContentProvider()).getElements(view.viewer().getInput()))).filter(r -> r.toString().startsWith("ProjectNode[project=P/" + Examples.CELL + ",")).findFirst()
				.orElse(null));
		Menu menu = view.viewer().getControl().getMenu();
		menu.notifyListeners(SWT.Show, new Event());
		List<String> items = Arrays.stream(menu.getItems()).map(MenuItem::getText).toList();
		assertTrue(items.contains("Export Evidence..."), items::toString);
		EvidenceExportWizard wizard = ExportEvidenceHandler.wizard(row);
		Dialog dialog = new Dialog(wizard);
		dialog.open();
		try {
			assertEquals(Examples.CELL, Widgets.find(body(wizard), Combo.class, c -> true).get(0).getText());
		} finally {
			dialog.close();
		}
	}

	@Test
	void theWizardWritesTheExamplePackageAndItVerifies() throws Exception {
		EvidenceExportWizard wizard = new EvidenceExportWizard();
		wizard.init(PlatformUI.getWorkbench(), new org.eclipse.jface.viewers.StructuredSelection(Examples.project(Examples.CELL)));
		wizard.setConfirm(false);
		Dialog dialog = new Dialog(wizard);
		dialog.open();
		Shell shell = dialog.getShell();
		Table subjects = Widgets.find(body(wizard), Table.class, t -> true).get(0);
		assertTrue(Arrays.stream(subjects.getItems()).anyMatch(i -> i.getText().startsWith("housing.Cell") && i.getChecked()),
				() -> Arrays.toString(subjects.getItems()));
		Path zip = dir.resolve("cell-evidence.zip");
		List<Text> texts = Widgets.find(body(wizard), Text.class, t -> true);
		// the fields in order: zip, iterations, seed, raw day, keystore, alias, password
		texts.get(0).setText(zip.toString());
		texts.get(1).setText("200");
		if (System.getenv("ZC_SCREENSHOTS") != null) {
			screenshot(shell, Path.of(System.getenv("ZC_SCREENSHOTS")).resolve("evidence-export-wizard.png"));
		}
		dialog.finish();
		assertTrue(shell.isDisposed(), "the wizard closes when the package is written");
		assertTrue(Files.isRegularFile(zip), "no package at " + zip);
		SortedMap<String, byte[]> entries = SafeZip.read(zip, SafeZip.Limits.DEFAULT);
		for (String name : List.of("manifest.json", "reports/housing.Cell.json", "reports/housing.Cell.pdf", "diagrams/line-housing.Cell.pdf",
				"measured/raw/index.csv", "models/housing-cell/model/cell.zc", "models/zc-library/factors/grid.zc")) {
			assertTrue(entries.containsKey(name), name + " is missing: " + entries.keySet());
		}
		String manifest = new String(entries.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
		assertTrue(manifest.contains("\"iterations\": 200"), manifest);
		EvidenceVerifier.Verification verification = EvidenceVerifier.verify(zip, null);
		assertTrue(verification.ok(), verification.failures()::toString);
	}

	@Test
	void anUncheckedLoopLeavesItsDiagramOut() throws Exception {
		// a second loop beside the example's AirLoop, so that "without that one, with the others" can be told apart
		org.eclipse.core.resources.IFile second = Examples.project(Examples.CELL).getFile("model/coolant-loop.zc");
		second.create(new java.io.ByteArrayInputStream("""
				package housing
				loop CoolantLoop "Coolant pump" {
					site Plant
					asset CoolantPump pump rated 5.5 kW
				}
				""".getBytes(java.nio.charset.StandardCharsets.UTF_8)), true, null);
		try {
			EvidenceExportWizard wizard = new EvidenceExportWizard();
			wizard.init(PlatformUI.getWorkbench(), new org.eclipse.jface.viewers.StructuredSelection(Examples.project(Examples.CELL)));
			wizard.setConfirm(false);
			Dialog dialog = new Dialog(wizard);
			dialog.open();
			List<Table> tables = Widgets.find(body(wizard), Table.class, t -> true);
			Table loops = tables.get(1);
			Workbench.waitUntil("the wizard lists the two loops", () -> loops.getItemCount() == 2 && loops.getItem(0).getData() != null);
			assertEquals(List.of("housing.AirLoop", "housing.CoolantLoop"), Arrays.stream(loops.getItems()).map(i -> i.getText()).toList());
			assertTrue(Arrays.stream(loops.getItems()).allMatch(i -> i.getChecked()), "every loop is checked at first");
			loops.getItem(0).setChecked(false);
			Path zip = dir.resolve("without-air-loop.zip");
			List<Text> texts = Widgets.find(body(wizard), Text.class, t -> true);
			texts.get(0).setText(zip.toString());
			texts.get(1).setText("0");
			dialog.finish();
			assertTrue(Files.isRegularFile(zip), () -> "no package: " + wizard.page().getErrorMessage());
			List<String> diagrams = SafeZip.read(zip, SafeZip.Limits.DEFAULT).keySet().stream().filter(n -> n.startsWith("diagrams/energyloop-"))
					.toList();
			assertEquals(List.of("diagrams/energyloop-housing.CoolantLoop.pdf", "diagrams/energyloop-housing.CoolantLoop.svg"), diagrams);
		} finally {
			second.delete(true, null);
		}
	}

	@Test
	void aWrongFieldIsNamedAndNothingIsWritten() {
		EvidenceExportWizard wizard = new EvidenceExportWizard();
		wizard.init(PlatformUI.getWorkbench(), new org.eclipse.jface.viewers.StructuredSelection(Examples.project(Examples.CELL)));
		Dialog dialog = new Dialog(wizard);
		dialog.open();
		try {
			List<Text> texts = Widgets.find(body(wizard), Text.class, t -> true);
			texts.get(0).setText(dir.resolve("x.zip").toString());
			texts.get(3).setText("3 March");
			dialog.finish();
			assertEquals("Raw samples of: give a day as YYYY-MM-DD, leave it empty for the representative day, or none",
					wizard.page().getErrorMessage());
			assertTrue(!Files.exists(dir.resolve("x.zip")));
		} finally {
			dialog.close();
		}
	}

	@Test
	void aCancelledExportWritesNothing() {
		org.eclipse.core.runtime.NullProgressMonitor cancelled = new org.eclipse.core.runtime.NullProgressMonitor();
		cancelled.setCanceled(true);
		Path zip = dir.resolve("cancelled.zip");
		EvidenceExportWizard.Request request = new EvidenceExportWizard.Request(Examples.project(Examples.CELL), List.of(), null, null, zip, 0, 42, null,
				false, null);
		org.junit.jupiter.api.Assertions.assertThrows(org.eclipse.core.runtime.OperationCanceledException.class,
				() -> EvidenceExportWizard.export(request, cancelled));
		assertTrue(!Files.exists(zip), "a cancelled export leaves no file");
	}

	private static org.eclipse.swt.widgets.Composite body(EvidenceExportWizard wizard) {
		return (org.eclipse.swt.widgets.Composite) wizard.page().getControl();
	}

	/** The dialog's shell as a PNG, for docs/evidence.md. */
	private static void screenshot(Shell shell, Path target) throws Exception {
		long until = System.currentTimeMillis() + 800;
		while (System.currentTimeMillis() < until) {
			Workbench.flush();
			Thread.sleep(50);
		}
		Rectangle client = shell.getClientArea();
		org.eclipse.swt.graphics.Point origin = shell.toDisplay(client.x, client.y);
		Image image = new Image(shell.getDisplay(), client.width, client.height);
		GC gc = new GC(shell.getDisplay());
		try {
			gc.copyArea(image, origin.x, origin.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			Files.createDirectories(target.getParent());
			loader.save(target.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
	}
}
