package org.zerocarbon.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.workspace.StaleReports;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcNature;

/** While the models have errors, the last good reports stay and are marked stale; the next good build unmarks them. */
class StaleReportsTest {

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		ResourcesPlugin.getWorkspace().getDescription().setAutoBuilding(false);
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-stale-test");
		project.create(null);
		project.open(null);
		ZcNature.addTo(project, null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void reportsOfTheLastGoodBuildAreMarkedStaleWhileTheModelHasErrors() throws CoreException, IOException {
		write("factors.zc", ZcBuilderReportsTest.FACTORS);
		write("methodology.zc", ZcBuilderReportsTest.METHODOLOGY);
		IFile line = write("line.zc", ZcBuilderReportsTest.LINE);
		Instant beforeGoodBuild = Instant.now().minusSeconds(2); // file times may be rounded to the second
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		Path json = path("reports/t.L.json");
		Path html = path("reports/t.L.html");
		String goodJson = Files.readString(json);
		assertFalse(Files.readString(html).contains("Reports are stale"));
		assertNull(StaleReports.of(project), "a good build leaves no mark");

		// one error: "rated" takes a power, and kWh is an energy
		rewrite(line, ZcBuilderReportsTest.LINE.replace("rated 20 kW", "rated 20 kWh"));
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

		IFile mark = project.getFile("reports/" + StaleReports.MARK);
		assertTrue(mark.exists(), "STALE.txt is in the workspace");
		assertTrue(mark.isDerived());
		String markText = Files.readString(path("reports/" + StaleReports.MARK));
		assertTrue(markText.startsWith("Reports are stale: the model has 1 error (last good build "), markText);
		StaleReports.Mark parsed = StaleReports.of(project);
		assertEquals(1, parsed.errors());
		assertNotNull(parsed.lastGoodBuild());
		assertFalse(parsed.lastGoodBuild().isBefore(beforeGoodBuild), "the last good build is the one above: " + parsed.lastGoodBuild());
		assertEquals(goodJson, Files.readString(json), "JSON stays as the last good build wrote it");
		String staleHtml = Files.readString(html);
		assertEquals(1, count(staleHtml, "Reports are stale: the model has 1 error"), "one banner in the HTML report");
		assertTrue(staleHtml.indexOf("Reports are stale") > staleHtml.indexOf("<body"), "the banner is inside the body");
		assertEquals(1, ZcBuildResults.of(project).modelErrors());
		assertEquals(0, ZcBuildResults.lastGood(project).modelErrors());
		assertEquals(1, ZcBuildResults.lastGood(project).footprints().size(), "the last good footprint is kept for the views");

		// a second error: the banner is replaced, not added, and the last good build's time stays
		rewrite(line, ZcBuilderReportsTest.LINE.replace("rated 20 kW", "rated 20 kWh").replace("service life 10 a", "service life 10 kg"));
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		String twice = Files.readString(html);
		assertEquals(1, count(twice, "Reports are stale"), twice.substring(0, Math.min(2000, twice.length())));
		assertTrue(twice.contains("the model has 2 errors"));
		assertEquals(parsed.lastGoodBuild(), StaleReports.of(project).lastGoodBuild());

		// fixed: the reports are regenerated, the mark and the banner are gone
		rewrite(line, ZcBuilderReportsTest.LINE);
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		assertFalse(mark.exists());
		assertNull(StaleReports.of(project));
		assertFalse(Files.readString(html).contains("Reports are stale"));
	}

	@Test
	void aProjectWithoutReportsGetsNoMark() throws CoreException {
		write("line.zc", ZcBuilderReportsTest.LINE.replace("rated 20 kW", "rated 20 kWh"));
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertFalse(project.getFile("reports/" + StaleReports.MARK).exists());
		assertNull(StaleReports.of(project));
	}

	@Test
	void bannerIsInsertedAfterTheBodyTagAndReplacedOnTheNextMarking() {
		StaleReports.Mark one = new StaleReports.Mark(1, Instant.parse("2026-12-02T19:40:12Z"));
		String html = "<html><head></head><body class=\"r\"><h1>L</h1></body></html>";
		String marked = StaleReports.withBanner(html, one);
		assertTrue(marked.startsWith("<html><head></head><body class=\"r\"><!-- zcw:stale --><div"), marked);
		assertTrue(marked.contains("Reports are stale: the model has 1 error (last good build 2026-12-02 19:40 UTC)"), marked);
		assertTrue(marked.endsWith("<!-- /zcw:stale --><h1>L</h1></body></html>"), marked);
		String again = StaleReports.withBanner(marked, new StaleReports.Mark(3, one.lastGoodBuild()));
		assertEquals(1, count(again, "zcw:stale -->") - 1, "one opening and one closing comment: " + again);
		assertTrue(again.contains("the model has 3 errors"));
		assertEquals(html, StaleReports.withoutBanner(again));
		assertEquals("no body", StaleReports.withBanner("no body", one));
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

	private Path path(String relative) {
		return project.getFile(relative).getLocation().toFile().toPath();
	}

	private IFile write(String name, String text) throws CoreException {
		IFile file = project.getFile(name);
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}

	private static void rewrite(IFile file, String text) throws CoreException {
		file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}
}
