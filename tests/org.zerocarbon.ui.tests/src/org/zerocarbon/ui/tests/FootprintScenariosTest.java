package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.resources.IResource;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.scenarios.ScenarioComparison;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.Figures;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * The Footprint view's scenarios on the example line (housing-cell/model/scenarios.zc: LowerStandby, GreenerSupply
 * and Both): the choice shows a scenario's footprint, the figure the engine computes for it; the Comparison tab lists
 * the baseline and the three scenarios, and its tornado puts VmcStandby, the one parameter with a range, on top.
 */
@ExtendWith(Examples.class)
class FootprintScenariosTest {

	private static final String CELL = "housing.Cell";

	/**
	 * By hand, LowerStandby is 7,682 kg CO2e below the baseline: it sets VmcStandby, the standby draw of VMC1 and VMC2,
	 * from 1.8 to 0.8 kW, 1.0 kW less. VMC1's use stage is its measured energy (meter VMC1_Main reads the Shopfloor
	 * recording), so only VMC2's declared states count: standby 22 % of 4000 h a year for 15 years = 13,200 h, x 1.0 kW
	 * = 13,200 kWh less. The roof PV's yield is used either way, so each kWh saved is a grid kWh, at the site's 582 g
	 * CO2e/kWh (CN_2023, location-based): 13,200 x 0.582 = 7,682.4 kg CO2e less.
	 */
	@Test
	void choosingAScenarioShowsTheEnginesFigureForIt() throws Exception {
		FootprintView view = open();
		double baseline = total(view);
		// the baseline shown is the build's own figure
		assertEquals(Math.round(build().result().total()), baseline, 0.0);
		ScenarioComparison.Comparison expected = engine();
		assertEquals(Math.round(expected.baseline().result().total()), baseline, 0.0, "the comparison's baseline is the build's");
		double lowerStandby = run(expected, "housing.LowerStandby").result().total();
		assertTrue(lowerStandby < expected.baseline().result().total(), "a lower standby draw lowers the footprint");
		assertEquals(7_682.4, expected.baseline().result().total() - lowerStandby, 0.5, "13,200 kWh of grid electricity less");

		choose(view, "housing.LowerStandby");
		assertEquals(Math.round(lowerStandby), total(view), 0.0);
		assertTrue(total(view) < baseline);
		choose(view, "housing.Both");
		assertEquals(Math.round(run(expected, "housing.Both").result().total()), total(view), 0.0);
		choose(view, "Baseline (the model as written)");
		assertEquals(baseline, total(view), 0.0);
	}

	@Test
	void comparisonTabListsTheFourRunsAndTheTornadoStartsWithVmcStandby() throws Exception {
		FootprintView view = open();
		ScenarioComparison.Comparison expected = engine();
		assertNull(view.comparisonMessage());
		TableItem[] rows = view.comparisonTable().getItems();
		assertEquals(4, rows.length, "the baseline and three scenarios");
		assertEquals(List.of("baseline", "housing.Both", "housing.GreenerSupply", "housing.LowerStandby"),
				Arrays.stream(rows).map(r -> r.getText(0)).toList());
		assertEquals(List.of("baseline", "Both", "GreenerSupply", "LowerStandby"), view.scenarioChart().runs());
		double base = Figures.parse(rows[0].getText(2));
		for (TableItem row : rows) {
			double total = Figures.parse(row.getText(2));
			assertEquals(Math.round(run(expected, row.getText(0)).result().total()), total, 0.0, row.getText(0));
			if (row != rows[0]) {
				// the difference column is the GWP column minus the baseline's (each rounded to whole kg)
				assertEquals(total - base, Figures.parse(row.getText(3).replace("+", "")), 1.0, row.getText(0));
			}
		}
		// without Monte Carlo (the example's settings) there are no percentiles and no probabilities
		assertEquals("", rows[3].getText(5));
		assertEquals("", rows[3].getText(6));
		assertEquals("VmcStandby", view.tornado().parameters().get(0));
		assertTrue(view.scenarioChart().modules().contains(org.zerocarbon.core.footprint.Module.B6));
	}

	/**
	 * In the perspective's own layout (the Footprint view in the lower half, not maximized) the Comparison tab shows
	 * its four runs: the heading is one line and the table has the larger part of the tab (a new user once saw only
	 * the table's header there).
	 */
	@Test
	void theComparisonShowsItsRunsInTheDefaultLayout() throws Exception {
		FootprintView view = open();
		page().resetPerspective();
		org.eclipse.swt.custom.CTabFolder tabs = view.tabs();
		for (org.eclipse.swt.custom.CTabItem item : tabs.getItems()) {
			if (item.getText().startsWith("Comparison")) {
				tabs.setSelection(item);
			}
		}
		tabs.getParent().layout(true, true);
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		org.eclipse.swt.widgets.Table table = view.comparisonTable();
		int visibleRows = (table.getClientArea().height - table.getHeaderHeight()) / table.getItemHeight();
		assertTrue(visibleRows >= 4, "rows visible in the default layout: " + visibleRows + " (table " + table.getSize() + ", view "
				+ tabs.getSize() + ")");
	}

	/** After a save that changes a scenario, the comparison is computed again: the view's figure follows the file. */
	@Test
	void aSavedScenarioIsComparedAgain() throws Exception {
		FootprintView view = open();
		choose(view, "housing.LowerStandby");
		double before = total(view);
		IFile scenarios = Workbench.file(Examples.CELL, "model/scenarios.zc");
		String text = Files.readString(scenarios.getLocation().toFile().toPath());
		assertTrue(text.contains("set Cell.VmcStandby = 0.8 kW"));
		try {
			// 1.2 kW instead of 0.8: less saved, so a higher figure than before, still below the baseline
			set(scenarios, text.replace("set Cell.VmcStandby = 0.8 kW", "set Cell.VmcStandby = 1.2 kW"));
			waitUntil("the view shows the new comparison", () -> view.comparisonMessage() == null && view.scenarioChoice().getItemCount() == 4
					&& total(view) != before);
			assertEquals("housing.LowerStandby", view.scenarioChoice().getText(), "the choice is kept across builds");
			assertTrue(total(view) > before);
		} finally {
			set(scenarios, text);
			compared(view);
		}
	}

	/**
	 * With Monte Carlo (200 iterations in the project's settings) the table has each run's P5–P95 and its P(lower than
	 * baseline). LowerStandby only changes a parameter that has no uncertainty, so iteration i draws the same factors
	 * for the baseline and for it (common random numbers): with 13,200 kWh less grid electricity at the same drawn
	 * grid factor, it is lower in every iteration, P(lower) = 100 %.
	 */
	@Test
	void withMonteCarloTheTableHasIntervalsAndProbabilities() throws Exception {
		FootprintView view = open();
		IProject project = Examples.project(Examples.CELL);
		ZcPreferences.Settings settings = ZcPreferences.settings(project);
		ZcBuildResults.ProjectResult before = ZcBuildResults.of(project);
		try {
			ZcPreferences.store(new ProjectScope(project).getNode(ZcPreferences.QUALIFIER),
					new ZcPreferences.Settings(settings.methodology(), settings.formats(), settings.generateReports(), 200, 7));
			waitUntil("the project is built with Monte Carlo", () -> ZcBuildResults.of(project) != before);
			compared(view);
			TableItem lower = row(view, "housing.LowerStandby");
			assertEquals("100 %", lower.getText(6));
			String[] interval = lower.getText(5).split(" – ");
			assertEquals(2, interval.length, lower.getText(5));
			assertTrue(Figures.parse(interval[0]) < Figures.parse(interval[1]), lower.getText(5));
			assertEquals("", row(view, "baseline").getText(6), "the baseline is not compared with itself");
		} finally {
			ZcBuildResults.ProjectResult during = ZcBuildResults.of(project);
			ZcPreferences.removeProjectSettings(project);
			waitUntil("the project is built without Monte Carlo", () -> ZcBuildResults.of(project) != during);
			compared(view);
		}
	}

	/**
	 * A comparison cancelled while it runs (as the Progress view's cancel does) says so in the tab, and the view keeps
	 * the baseline's figures; the next build compares again.
	 */
	@Test
	void aCancelledComparisonSaysSoAndTheNextBuildComparesAgain() throws Exception {
		FootprintView view = open();
		double baseline = total(view);
		IProject project = Examples.project(Examples.CELL);
		IJobChangeListener canceller = new JobChangeAdapter() {
			@Override
			public void running(IJobChangeEvent event) {
				if (event.getJob().belongsTo(FootprintView.scenarioJobs())) {
					event.getJob().cancel();
				}
			}
		};
		Job.getJobManager().addJobChangeListener(canceller);
		try {
			ZcBuildResults.ProjectResult before = ZcBuildResults.of(project);
			Builds.rebuild(List.of(project));
			waitUntil("the project is built again", () -> ZcBuildResults.of(project) != before);
			waitUntil("the tab says the comparison was cancelled",
					() -> view.comparisonMessage() != null && view.comparisonMessage().startsWith("The comparison was cancelled."));
			assertEquals(1, view.scenarioChoice().getItemCount(), "only the baseline to choose");
			assertEquals(baseline, total(view), 0.0);
		} finally {
			Job.getJobManager().removeJobChangeListener(canceller);
		}
		ZcBuildResults.ProjectResult cancelled = ZcBuildResults.of(project);
		Builds.rebuild(List.of(project));
		waitUntil("the project is built once more", () -> ZcBuildResults.of(project) != cancelled);
		compared(view);
		assertEquals(4, view.scenarioChoice().getItemCount());
	}

	/**
	 * The example's park (park.zc, riverside.Riverside) counts its energy from its own supply system's declared MWh a
	 * year (grid 52,000 MWh, roof PV, wind) on its site ParkSite, not from the machines' states: the scenarios lower the
	 * cell's standby draw and add PV on the cell's site Plant, so none of them, nor VmcStandby's range, moves the
	 * park's figures, and there is nothing to compare.
	 */
	@Test
	void aSubjectNoScenarioChangesHasNothingToCompare() throws Exception {
		FootprintView view = open();
		view.show(Examples.project(Examples.CELL));
		waitUntil("the project's line and park are shown", () -> view.subjects().getItemCount() == 2);
		int park = Arrays.asList(view.subjects().getItems()).indexOf("riverside.Riverside (park)");
		assertTrue(park >= 0, Arrays.toString(view.subjects().getItems()));
		Widgets.choose(view.subjects(), park);
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		waitUntil("the tab says there is nothing to compare", () -> view.comparisonMessage() != null
				&& view.comparisonMessage().startsWith("No scenario and no parameter changes the footprint of riverside.Riverside"));
		assertEquals(1, view.scenarioChoice().getItemCount());
		Widgets.choose(view.subjects(), 1 - park);
		compared(view);
		assertEquals(4, view.scenarioChoice().getItemCount(), "the cell's scenarios again");
	}

	private static TableItem row(FootprintView view, String run) {
		return Arrays.stream(view.comparisonTable().getItems()).filter(i -> i.getText(0).equals(run)).findFirst()
				.orElseThrow(() -> new AssertionError("no row " + run));
	}

	private static FootprintView open() throws Exception {
		FootprintView view = (FootprintView) page().showView(FootprintView.ID);
		IDE.openEditor(page(), Workbench.file(Examples.CELL, "model/cell.zc"), true);
		waitUntil("the footprint is shown", () -> view.emptyMessage() == null);
		compared(view);
		choose(view, "Baseline (the model as written)"); // an earlier test's choice is kept
		return view;
	}

	/** Waits for the builds and then for the comparison of the last build's scenarios. */
	private static void compared(FootprintView view) {
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		waitUntil("the scenarios of the last build are compared", view::scenariosCompared);
	}

	private static void choose(FootprintView view, String item) {
		int index = Arrays.asList(view.scenarioChoice().getItems()).indexOf(item);
		assertTrue(index >= 0, item + " among " + Arrays.toString(view.scenarioChoice().getItems()));
		Widgets.choose(view.scenarioChoice(), index);
	}

	private static void set(IFile file, String text) throws Exception {
		file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}

	/** The module table's total row (A1–C4), as shown. */
	private static double total(FootprintView view) {
		for (TableItem item : view.table().getItems()) {
			if (item.getText(0).equals("Total")) {
				return Figures.parse(item.getText(5));
			}
		}
		return Double.NaN;
	}

	private static ZcBuildResults.Footprint build() {
		return ZcBuildResults.of(Examples.project(Examples.CELL)).footprints().stream().filter(f -> f.subject().equals(CELL)).findFirst()
				.orElseThrow();
	}

	private static ScenarioComparison.Run run(ScenarioComparison.Comparison c, String name) {
		return c.runs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no run " + name));
	}

	/**
	 * The engine's comparison, computed here directly: the files of both example projects read from disk, the
	 * build's methodology, no Monte Carlo (the examples' settings) and the measured data read afresh.
	 */
	private static ScenarioComparison.Comparison engine() throws IOException {
		List<URI> files = new ArrayList<>();
		for (String project : new String[] { Examples.CELL, Examples.LIBRARY }) {
			try (Stream<Path> walk = Files.walk(Examples.project(project).getLocation().toFile().toPath())) {
				walk.filter(p -> p.toString().endsWith(".zc")).sorted().forEach(p -> files.add(URI.createFileURI(p.toAbsolutePath().toString())));
			}
		}
		ModelValidation.Loaded loaded = ModelValidation.create().load(files, () -> false);
		assertTrue(loaded.hasNoErrors(), loaded.problems().toString());
		ModelSet models = new ModelSet(loaded.resourceSet());
		EObject cell = models.subjects().stream().filter(s -> ModelSet.nameOf(s).equals(CELL)).findFirst().orElseThrow();
		Methodology methodology = models.footprintMethodology(build().result().methodology().id());
		assertNotNull(methodology);
		FootprintCalculator calculator = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC,
				new ModelMeasurements(new MeasurementCache(), false, null));
		var resources = loaded.resourceSet().getResources();
		return new ScenarioComparison(resources, calculator).compare(cell, methodology, ScenarioComparison.select(resources, "all", methodology),
				false, null);
	}
}
