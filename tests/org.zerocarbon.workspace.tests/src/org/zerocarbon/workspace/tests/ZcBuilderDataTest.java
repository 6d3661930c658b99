package org.zerocarbon.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * The builder runs when only a data file that a model's source reads changes (not just a .zc file): the measured
 * figures are read again; a data file that no source reads does not build; a data file removed or added again
 * brings or clears the model's "no data" warning.
 */
class ZcBuilderDataTest {

	private static final String MODEL = """
			package t
			factors F { grid factor G = 500 gCO2e/kWh { region "XX" source "s" licence "l" } }
			site S { region "XX" grid G }
			source Log "VMC1 export" csv "LOCATION" {
				timestamp "time" zone "UTC"
				column "P_kW" kW
			}
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine M vmc {
					state ready 4 kW for 50 %
					state processing 10 kW for 50 %
					meter Main machine measures power every 60 s item "P_kW" from Log
				}
			}
			methodology Meth { module B6 in scope2 use stage measured }
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = TestProjects.create("zc-data-test");
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	/** Rows a minute apart from 08:00, all at {@code kW}. */
	private static String csv(int fromMinute, int rows, String kW) {
		StringBuilder text = new StringBuilder("time,P_kW\n");
		for (int m = fromMinute; m < fromMinute + rows; m++) {
			text.append(String.format("2026-11-02T08:%02d:00Z,%s\n", m, kW));
		}
		return text.toString();
	}

	private FootprintResult.Measurement measured() {
		ZcBuildResults.ProjectResult result = ZcBuildResults.of(project);
		assertNotNull(result, "the project was built");
		FootprintResult footprint = result.footprints().get(0).result();
		assertNotNull(footprint, result.footprints().get(0).problem());
		assertEquals(1, footprint.measurements().size());
		return footprint.measurements().get(0);
	}

	/**
	 * By hand: 3 rows a minute apart at 6 kW are 2 minutes at 6 kW (trapezoid) = 0.2 kWh; the same rows at 12 kW are
	 * 0.4 kWh.
	 */
	@Test
	void aChangedCsvAloneRebuildsWithTheNewFigures() throws CoreException {
		write("model.zc", MODEL.replace("LOCATION", "data/vmc1.csv"));
		IFile data = write("data/vmc1.csv", csv(0, 3, "6"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		assertEquals(0.2, measured().kWh(), 1e-9);

		data.setContents(TestProjects.utf8(csv(0, 3, "12")), IResource.FORCE, null);
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);

		assertEquals(0.4, measured().kWh(), 1e-9);
	}

	/** A file that no source reads (another CSV beside it, a note) is not a reason to build. */
	@Test
	void aFileNoSourceReadsDoesNotBuild() throws CoreException {
		write("model.zc", MODEL.replace("LOCATION", "data/vmc1.csv"));
		write("data/vmc1.csv", csv(0, 3, "6"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		ZcBuildResults.ProjectResult before = ZcBuildResults.of(project);

		write("data/vmc2.csv", csv(0, 3, "9"));
		write("notes.txt", "not data");
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);

		assertSame(before, ZcBuildResults.of(project), "no build ran");
	}

	/**
	 * A glob: a second weekly export adds rows. By hand: week 1 is 08:00-08:02 (3 rows), week 2 08:03-08:04 (2 rows),
	 * all at 6 kW: 4 minutes at 6 kW = 0.4 kWh (the minute 08:02-08:03 joins the files).
	 */
	@Test
	void aNewFileMatchingTheSourcesGlobIsRead() throws CoreException {
		write("model.zc", MODEL.replace("LOCATION", "data/week-*.csv"));
		write("data/week-1.csv", csv(0, 3, "6"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		ZcBuildResults.ProjectResult before = ZcBuildResults.of(project);
		assertEquals(0.2, measured().kWh(), 1e-9);

		write("data/week-2.csv", csv(3, 2, "6"));
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);

		assertNotSame(before, ZcBuildResults.of(project));
		assertEquals(0.4, measured().kWh(), 1e-9);
		assertEquals(5, measured().samples());
	}

	/** Deleting the data brings the validator's "no data" warning on the source; restoring it clears the warning. */
	@Test
	void removingTheDataWarnsAndRestoringItClearsTheWarning() throws CoreException {
		IFile model = write("model.zc", MODEL.replace("LOCATION", "data/vmc1.csv"));
		IFile data = write("data/vmc1.csv", csv(0, 3, "6"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		assertEquals(List.of(), noData(model));

		data.delete(true, null);
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);
		List<IMarker> warnings = noData(model);
		assertEquals(1, warnings.size(), warnings::toString);
		assertEquals(4, warnings.get(0).getAttribute(IMarker.LINE_NUMBER, -1), "on the source");

		write("data/vmc1.csv", csv(0, 3, "6"));
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);
		assertEquals(List.of(), noData(model));
		assertEquals(0.2, measured().kWh(), 1e-9);
	}

	private static List<IMarker> noData(IFile model) throws CoreException {
		return Arrays.stream(model.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(IMarker.MESSAGE, "").startsWith("No data at")).toList();
	}

	private void build(int kind) throws CoreException {
		project.build(kind, null);
	}

	private IFile write(String path, String content) throws CoreException {
		return TestProjects.write(project, path, content);
	}
}
