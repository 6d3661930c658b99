package org.zerocarbon.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ProjectScope;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.prefs.BackingStoreException;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.report.JsonReport;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcMarkers;
import org.zerocarbon.workspace.ZcNature;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * The builder honours the ZeroCarbon preferences (report formats, report generation, Monte Carlo, methodology),
 * project settings over workspace settings, and publishes its results for the views.
 */
class ZcPreferencesBuildTest {

	/** The test models of {@link ZcBuilderReportsTest}, with an uncertain grid factor for the Monte Carlo run. */
	private static final String FACTORS = ZcBuilderReportsTest.FACTORS.replace("region \"XX\"",
			"region \"XX\" uncertainty lognormal gsd 1.2");
	private static final String METHODOLOGY = ZcBuilderReportsTest.METHODOLOGY;
	/** 162,000 kg CO2e in total, of which B6 160,000 (see {@link ZcBuilderReportsTest}); the machine is on line 6. */
	private static final String LINE = ZcBuilderReportsTest.LINE;

	/** A second methodology with modules: only B6 counts. Its rule-set has one criterion that every machine passes. */
	private static final String OTHER_METHODOLOGY = """
			package t
			methodology UseOnly "use stage only" {
				version "1"
				title "Use only"
				module B6 required in scope2
				criteria UseRules {
					criterion Rated {
						severity error
						message "The machine has no rated power"
						check every Machine m satisfies m.ratedPower > 0 kW
					}
				}
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		ResourcesPlugin.getWorkspace().getDescription().setAutoBuilding(false);
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-preferences-test");
		project.create(null);
		project.open(null);
		ZcNature.addTo(project, null);
		write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		write("line.zc", LINE);
	}

	@AfterEach
	void deleteProjectAndWorkspaceSettings() throws CoreException, BackingStoreException {
		project.delete(true, true, null);
		IEclipsePreferences workspace = InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER);
		workspace.clear();
		workspace.flush();
	}

	@Test
	void defaultsWriteJsonCsvAndHtmlButNoPdf() throws CoreException {
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		assertEquals(Set.of("json", "html", "csv"), formats());
		assertTrue(reports().containsAll(Set.of("t.L.json", "t.L.html", "t.L-modules.csv", "t.L-contributions.csv")), reports()::toString);
	}

	@Test
	void reportsFolderHoldsExactlyTheFormatsOfTheProjectSettings() throws CoreException, BackingStoreException {
		projectSetting(ZcPreferences.REPORT_FORMATS, "json");
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertEquals(Set.of("t.L.json"), reports());

		// saving the project's settings is a change the next (incremental) build picks up by itself
		projectSetting(ZcPreferences.REPORT_FORMATS, "html,csv");
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		assertEquals(Set.of("html", "csv"), formats());
	}

	@Test
	void workspaceSettingsApplyUnlessTheProjectHasItsOwn() throws CoreException, BackingStoreException {
		IEclipsePreferences workspace = InstanceScope.INSTANCE.getNode(ZcPreferences.QUALIFIER);
		workspace.put(ZcPreferences.REPORT_FORMATS, "csv,pdf");
		workspace.flush();
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertEquals(Set.of("csv", "pdf"), formats());
		assertTrue(reports().contains("t.L.pdf"));

		projectSetting(ZcPreferences.REPORT_FORMATS, "json");
		assertTrue(ZcPreferences.hasProjectSettings(project));
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertEquals(Set.of("t.L.json"), reports());

		ZcPreferences.removeProjectSettings(project);
		assertFalse(ZcPreferences.hasProjectSettings(project));
		assertEquals(Set.of(ReportFormat.CSV, ReportFormat.PDF), ZcPreferences.settings(project).formats());
	}

	@Test
	void withoutReportGenerationNoReportIsWrittenButTheViewsStillGetTheFootprint() throws CoreException, BackingStoreException {
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertFalse(reports().isEmpty());

		projectSetting(ZcPreferences.GENERATE_REPORTS, "false");
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

		assertEquals(Set.of(), reports(), "the reports of the previous build are removed, not left stale");
		ZcBuildResults.ProjectResult result = ZcBuildResults.of(project);
		assertEquals(1, result.footprints().size());
		assertEquals(162_000, result.footprints().get(0).result().total(), 1e-6);
	}

	@Test
	void monteCarloIterationsAndSeedReachTheReport() throws CoreException, BackingStoreException, IOException {
		assertTrue(FACTORS.contains("gsd 1.2"), "the grid factor is uncertain");
		projectSetting(ZcPreferences.ITERATIONS, "200");
		projectSetting(ZcPreferences.SEED, "7");
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		FootprintResult report = JsonReport.read(project.getFile("reports/t.L.json").getLocation().toFile().toPath());
		assertNotNull(report.uncertainty(), "a Monte Carlo result with 200 iterations");
		assertEquals(200, report.uncertainty().iterations());
		assertEquals(7, report.uncertainty().seed());
	}

	@Test
	void theMethodologySettingChoosesAmongSeveral() throws CoreException, BackingStoreException, IOException {
		write("other.zc", OTHER_METHODOLOGY);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertEquals(Set.of(), reports(), "two methodologies with modules and no choice: no report");
		assertTrue(ZcBuildResults.of(project).note().contains("Several methodologies"), ZcBuildResults.of(project).note());

		projectSetting(ZcPreferences.METHODOLOGY, "t.UseOnly");
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

		FootprintResult report = JsonReport.read(project.getFile("reports/t.L.json").getLocation().toFile().toPath());
		assertEquals("t.UseOnly", report.methodology().id());
		assertEquals(160_000, report.total(), 1e-6); // B6 only (see LINE)
	}

	@Test
	void resultsListEveryCriterionOnceWithWhereItsEvidenceIsWritten() throws CoreException, BackingStoreException {
		write("other.zc", OTHER_METHODOLOGY);
		projectSetting(ZcPreferences.METHODOLOGY, "Meth");
		List<IProject> notified = new ArrayList<>();
		ZcBuildResults.Listener listener = notified::add;
		ZcBuildResults.addListener(listener);
		try {
			project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		} finally {
			ZcBuildResults.removeListener(listener);
		}
		assertEquals(List.of(project), notified);

		ZcBuildResults.ProjectResult result = ZcBuildResults.of(project);
		assertEquals(0, result.modelErrors());
		assertNull(result.note());
		// the other methodology's rule-set, then the stand-alone one (checked with the footprint): each exactly once
		assertEquals(List.of("UseRules.Rated", "Rules.Metered"), result.criteria().stream().map(CriterionResult::id).toList());
		CriterionResult metered = result.criteria().get(1);
		assertEquals(CriterionResult.Status.FAIL, metered.status());
		assertEquals(CriterionResult.Status.PASS, result.criteria().get(0).status());
		ZcBuildResults.Location location = result.locate(metered.evidence().get(0).elementUri());
		assertEquals(project.getFile("line.zc"), location.file());
		assertEquals(6, location.line());
		assertEquals(LINE.indexOf("machine M vmc"), location.offset());
		assertEquals(1, result.footprintsIn(project.getFile("line.zc")).size());
		assertEquals(0, result.footprintsIn(project.getFile("factors.zc")).size());
		IMarker[] markers = project.getFile("line.zc").findMarkers(ZcMarkers.CRITERIA, false, IResource.DEPTH_ZERO);
		assertEquals(1, markers.length, "one marker for the one unmet criterion");
	}

	@Test
	void modelErrorsArePublishedAndCleanForgetsTheResults() throws CoreException {
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertEquals(1, ZcBuildResults.of(project).footprints().size());

		project.getFile("line.zc").setContents(new ByteArrayInputStream(LINE.replace("rated 20 kW", "rated 20 kWh")
				.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		assertEquals(1, ZcBuildResults.of(project).modelErrors());
		assertTrue(ZcBuildResults.of(project).footprints().isEmpty());

		project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
		assertNull(ZcBuildResults.of(project));
	}

	private void projectSetting(String key, String value) throws BackingStoreException {
		IEclipsePreferences node = new ProjectScope(project).getNode(ZcPreferences.QUALIFIER);
		node.put(key, value);
		node.flush();
	}

	/** The report formats in reports/: the extensions of its files (CSV reports are several files). */
	private Set<String> formats() throws CoreException {
		return new TreeSet<>(reports().stream().map(name -> name.substring(name.lastIndexOf('.') + 1)).toList());
	}

	/** Names of the files in reports/. */
	private Set<String> reports() throws CoreException {
		IFolder folder = project.getFolder("reports");
		folder.refreshLocal(IResource.DEPTH_ONE, null);
		if (!folder.exists()) {
			return Set.of();
		}
		return new TreeSet<>(Arrays.stream(folder.members()).map(IResource::getName).toList());
	}

	private IFile write(String path, String content) throws CoreException {
		IFile file = project.getFile(path);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}
}
