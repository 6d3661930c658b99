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
		double b6 = scope2(view, "B6");

		// The grid factor of the line's site (CN_2023, examples/zc-library/factors/grid.zc) halves: B6's scope 2, the
		// line's grid electricity over its service life times that factor (the site's roof PV counts at 0 g/kWh),
		// halves as well; B6's scope 1 (the dryer's gas) stays.
		IFile grid = Workbench.file(Examples.LIBRARY, "factors/grid.zc");
		String text = Files.readString(grid.getLocation().toFile().toPath());
		assertTrue(text.contains("grid factor CN_2023 \"China, 2023\" = 582 gCO2e/kWh"));
		grid.setContents(new ByteArrayInputStream(text.replace("= 582 gCO2e/kWh", "= 291 gCO2e/kWh").getBytes(StandardCharsets.UTF_8)),
				IResource.FORCE, null);

		waitUntil("the view shows the rebuilt footprint", () -> !Double.isNaN(scope2(view, "B6")) && scope2(view, "B6") != b6);
		Widgets.waitForJobs();
		assertEquals(b6 / 2, scope2(view, "B6"), 1.0);
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
			IFile line = create(broken, "line.zc", "line L {\n\tmachine M vmc {\n\t\trated 15 kWh\n\t\tstate processing 5 kW for 100 %\n\t}\n}\n");
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

	/**
	 * The equipment tab of a line with a mill-turn split by hours, a plain machine and a compressed-air station
	 * that only the mill-turn draws on. By hand (grid 0.5 kg/kWh; 4000 h a year for 10 years = 40,000 h):
	 * <pre>
	 * M own     A1 frame 1000 kg x 2 kg/kg = 2,000; B6 (2 kW x 25 % + 10 kW x 75 %) = 8 kW x 40,000 h x 0.5 = 160,000
	 *           -> 162,000
	 * Air       50,000 kWh a year x 10 a x 0.5 = 250,000, all of it allocated to M, its only consumer
	 * M         162,000 + 250,000 = 412,000; by hours Milling 3000 / 4000 = 75 % -> 309,000, Turning 25 % -> 103,000
	 * V         5 kW x 40,000 h x 0.5 = 100,000
	 * line      412,000 + 100,000 = 512,000 (the air is inside M's figure); M 412/512 = 80.47 %, V 19.53 %
	 * shares of the line: M 80.5 %, Milling 309/512 = 60.4 %, Turning 103/512 = 20.1 %, V 19.5 % (one decimal)
	 * </pre>
	 */
	@Test
	void equipmentTabShowsEachMachineItsFunctionsAndTheSharedAir() throws Exception {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-footprint-equipment");
		project.create(null);
		project.open(null);
		try {
			ZcNature.addTo(project, null);
			create(project, "factors.zc", """
					package t
					factors F {
						grid factor G "test grid" = 500 gCO2e/kWh { region "XX" source "test" licence "CC0" }
						material factor Steel "test steel" = 2 kgCO2e/kg { source "test" licence "CC0" }
					}
					""");
			create(project, "methodology.zc", """
					package t
					methodology Meth "test methodology" {
						version "1"
						title "Test"
						module A1 required in scope3
						module B6 required in scope2
						functional unit MH machineHour
						allocation by hours for millturn
					}
					""");
			IFile line = create(project, "line.zc", """
					package t
					site S { region "XX" grid t.G }
					line L {
						site S
						profile { shifts 2 hours 4000 h per year service life 10 a }
						machine M millturn {
							state standby 2 kW for 25 %
							state processing 10 kW for 75 %
							function Milling { hours 3000 h }
							function Turning { hours 1000 h }
							subassembly Frame { material 1000 kg factor t.Steel }
						}
						machine V vmc {
							state processing 5 kW for 100 %
						}
						utility Air compressedAir { electricity 50 MWh per year leaks 10 % supplies M 20 Nm3/h }
					}
					""");
			Widgets.waitForJobs();
			FootprintView view = (FootprintView) page().showView(FootprintView.ID);
			view.show(line);
			waitUntil("the footprint is shown", () -> view.emptyMessage() == null);
			view.tabs().setSelection(1);

			org.eclipse.swt.widgets.Tree tree = view.equipment().getTree();
			view.equipment().expandAll();
			assertEquals(java.util.List.of(
					// the site buys no instrument: market-based = location-based in the last column
					"M | 412,000 | 80.5 % | 250,000 |  | 412,000",
					"Milling (75 % allocated) | 309,000 | 60.4 % |  |  | 309,000",
					"Turning (25 % allocated) | 103,000 | 20.1 % |  |  | 103,000",
					"Air (shared compressedAir) | 250,000 | 100 % in machines |  |  | 250,000",
					"V | 100,000 | 19.5 % |  |  | 100,000"),
					Widgets.allItems(tree).stream().map(FootprintViewTest::row).toList());
			// the GWP split tab: no factor declares a split, so all of it is fossil; A1 = 1,000 kg × 2 = 2,000;
			// total 412,000 + 100,000 = 512,000 both ways
			view.tabs().setSelection(2);
			java.util.List<String> gwp = Arrays.stream(view.gwpTable().getItems())
					.map(i -> i.getText(0) + " | " + i.getText(2) + " | " + i.getText(3) + " | " + i.getText(4) + " | " + i.getText(6) + " | " + i.getText(7))
					.toList();
			assertEquals("A1 | 2,000 | 0 | 0 | 2,000 | 2,000", gwp.get(0));
			assertEquals("Total | 512,000 | 0 | 0 | 512,000 | 512,000", gwp.get(gwp.size() - 1));
			java.util.List<String> facts = Arrays.stream(view.factsTable().getItems()).map(i -> i.getText(0) + ": " + i.getText(1)).toList();
			assertTrue(facts.contains("GWP split: partly defaulted: factors without a declared split count as fossil"), facts::toString);
			assertTrue(facts.stream().anyMatch(f -> f.startsWith("Total, market-based: 512,000")), facts::toString);

			// double-clicking a function opens the model where it is defined (line 10, "function Turning")
			org.eclipse.swt.widgets.TreeItem turning = Widgets.allItems(tree).get(2);
			Widgets.doubleClick(turning);
			org.eclipse.ui.texteditor.ITextEditor editor = page().getActiveEditor().getAdapter(org.eclipse.ui.texteditor.ITextEditor.class);
			assertEquals(line, editor.getEditorInput().getAdapter(IFile.class));
			org.eclipse.jface.text.ITextSelection selection = (org.eclipse.jface.text.ITextSelection) editor.getSelectionProvider().getSelection();
			assertEquals(9, selection.getStartLine(), "0-based line of 'function Turning'");
		} finally {
			page().closeAllEditors(false);
			project.delete(true, true, null);
		}
	}

	private static IFile create(IProject project, String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}

	private static String row(org.eclipse.swt.widgets.TreeItem item) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < FootprintView.EQUIPMENT_COLUMNS.length; i++) {
			text.append(i == 0 ? "" : " | ").append(item.getText(i));
		}
		return text.toString();
	}

	/** The Total column of a row of the module table, or NaN when the row is not shown. */
	private static double total(FootprintView view, String module) {
		return Arrays.stream(view.table().getItems()).filter(i -> i.getText(0).equals(module)).findFirst().map(FootprintViewTest::figure)
				.orElse(Double.NaN);
	}

	/** The Scope 2 column of a row of the module table, or NaN when the row is not shown. */
	private static double scope2(FootprintView view, String module) {
		return Arrays.stream(view.table().getItems()).filter(i -> i.getText(0).equals(module)).findFirst().map(i -> Figures.parse(i.getText(3)))
				.orElse(Double.NaN);
	}

	private static double figure(TableItem item) {
		return Figures.parse(item.getText(5));
	}
}
