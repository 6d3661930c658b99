package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.report.JsonReport;
import org.zerocarbon.ui.internal.Figures;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.workspace.ZcNature;

/** The Footprint view of the example line: the same figures as the builder's JSON report, before and after a change. */
@ExtendWith(Examples.class)
class FootprintViewTest {

	@Test
	void moduleTableTotalIsTheReportsTotalAndFollowsAFactorChange() throws Exception {
		FootprintView view = (FootprintView) page().showView(FootprintView.ID);
		IFile cell = Workbench.file(Examples.CELL, "model/cell.zc");
		IDE.openEditor(page(), cell, true); // the view follows the active editor
		waitUntil("the footprint is shown", () -> view.emptyMessage() == null);
		assertEquals(1, view.subjects().getItemCount(), "cell.zc holds one line");
		assertEquals("housing.Cell (line)", view.subjects().getItem(0));

		Path json = Examples.project(Examples.CELL).getFile("reports/housing.Cell.json").getLocation().toFile().toPath();
		FootprintResult report = JsonReport.read(json);
		assertEquals(Math.round(report.total()), total(view, "Total"), 0.0);
		// the module rows add up to the total row (each rounded to whole kg)
		double sum = Arrays.stream(view.table().getItems()).filter(i -> i.getText(0).matches("[ABC]\\d")).mapToDouble(i -> figure(i)).sum();
		long modules = Arrays.stream(view.table().getItems()).filter(i -> i.getText(0).matches("[ABC]\\d")).count();
		assertEquals(total(view, "Total"), sum, modules * 0.5);
		double b6 = total(view, "B6");

		// The grid factor of the line's site (CN_2023, examples/zc-library/factors/grid.zc) halves: B6, the line's
		// electricity over its service life times that factor, halves as well.
		IFile grid = Workbench.file(Examples.LIBRARY, "factors/grid.zc");
		String text = Files.readString(grid.getLocation().toFile().toPath());
		assertTrue(text.contains("grid factor CN_2023 \"China, 2023\" = 582 gCO2e/kWh"));
		grid.setContents(new ByteArrayInputStream(text.replace("= 582 gCO2e/kWh", "= 291 gCO2e/kWh").getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);

		waitUntil("the view shows the rebuilt footprint", () -> !Double.isNaN(total(view, "B6")) && total(view, "B6") != b6);
		Widgets.waitForJobs();
		assertEquals(b6 / 2, total(view, "B6"), 1.0);
		FootprintResult rebuilt = JsonReport.read(json);
		assertNotEquals(report.total(), rebuilt.total());
		assertEquals(Math.round(rebuilt.total()), total(view, "Total"), 0.0);
	}

	@Test
	void saysWhyThereIsNoFootprint() throws Exception {
		FootprintView view = (FootprintView) page().showView(FootprintView.ID);
		view.show(Workbench.file(Examples.LIBRARY, "factors/grid.zc"));
		assertTrue(view.emptyMessage().contains("grid.zc holds no line or park"), view.emptyMessage());

		IProject broken = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-footprint-broken");
		broken.create(null);
		broken.open(null);
		try {
			ZcNature.addTo(broken, null);
			IFile line = broken.getFile("line.zc");
			line.create(new ByteArrayInputStream("line L {\n\tmachine M vmc {\n\t\trated 15 kWh\n\t\tstate processing 5 kW for 100 %\n\t}\n}\n"
					.getBytes(StandardCharsets.UTF_8)), true, null);
			Widgets.waitForJobs();
			view.show(line);
			waitUntil("the view reports the errors", () -> view.emptyMessage() != null && view.emptyMessage().contains("errors"));
			assertTrue(view.emptyMessage().startsWith("The model has errors: see the Problems view."), view.emptyMessage());
		} finally {
			broken.delete(true, true, null);
		}
		view.show(Examples.project(Examples.CELL));
		waitUntil("the project's footprints are shown", () -> view.emptyMessage() == null);
		assertEquals(2, view.subjects().getItemCount(), "the project holds the line and the park");
		assertNull(view.emptyMessage());
	}

	/** The Total column of a row of the module table, or NaN when the row is not shown. */
	private static double total(FootprintView view, String module) {
		return Arrays.stream(view.table().getItems()).filter(i -> i.getText(0).equals(module)).findFirst().map(FootprintViewTest::figure)
				.orElse(Double.NaN);
	}

	private static double figure(TableItem item) {
		return Figures.parse(item.getText(5));
	}
}
