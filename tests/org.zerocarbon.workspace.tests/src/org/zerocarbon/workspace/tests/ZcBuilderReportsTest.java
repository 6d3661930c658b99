package org.zerocarbon.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.workspace.ZcMarkers;
import org.zerocarbon.workspace.ZcNature;

/** The builder regenerates footprint reports and criteria markers when any model file changes. */
class ZcBuilderReportsTest {

	static final String FACTORS = """
			package t
			factors F {
				grid factor G "test grid" = 500 gCO2e/kWh { region "XX" source "test" licence "CC0" }
				material factor Steel "test steel" = 2 kgCO2e/kg { source "test" licence "CC0" }
			}
			""";

	static final String METHODOLOGY = """
			package t
			methodology Meth "test methodology" {
				version "1"
				title "Test"
				module A1 required in scope3
				module B6 required in scope2
				functional unit MH machineHour
			}
			criteria Rules "test rules" {
				reference "test"
				criterion Metered {
					severity error
					clause "test clause 1"
					message "The machine has no meter"
					check every Machine m satisfies some Meter x in m.meters satisfies x.scope = machine
				}
			}
			""";

	/** A1: 1000 kg x 2 = 2,000; B6: 8 kW mean x 4000 h x 10 a x 0.5 kg/kWh = 160,000; total 162,000 kg. */
	static final String LINE = """
			package t
			site S { region "XX" grid t.G }
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine M vmc {
					rated 20 kW
					state standby 2 kW for 25 %
					state processing 10 kW for 75 %
					subassembly Frame { material 1000 kg factor t.Steel }
				}
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		ResourcesPlugin.getWorkspace().getDescription().setAutoBuilding(false);
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-reports-test");
		project.create(null);
		project.open(null);
		ZcNature.addTo(project, null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void savingAFactorLibraryChangesTheReportOfTheLineThatUsesIt() throws CoreException, IOException {
		IFile factors = write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		write("line.zc", LINE);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		IFile json = project.getFile("reports/t.L.json");
		assertTrue(json.exists(), "the report is in the workspace");
		assertTrue(json.isDerived(), "the report is marked derived");
		assertTrue(project.getFolder("reports").isDerived());
		assertTrue(project.getFile("reports/t.L.html").exists());
		String before = Files.readString(json.getLocation().toFile().toPath());
		assertTrue(before.contains("162000"), "total 162,000 kg CO2e in " + before.substring(0, Math.min(400, before.length())));

		// the grid factor goes from 500 to 250 g/kWh: B6 halves to 80,000, total 82,000 kg
		rewrite(factors, FACTORS.replace("500 gCO2e/kWh", "250 gCO2e/kWh"));
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

		String after = Files.readString(json.getLocation().toFile().toPath());
		assertTrue(after.contains("82000"), "new total 82,000 kg CO2e");
		assertFalse(after.contains("162000"));
	}

	@Test
	void aFindingOfTheCalculationIsAnAccountingMarkerOnTheElement() throws CoreException {
		write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		// the machine uses 8 kW × 4,000 h = 32,000 kWh a year; the certificate claims 100,000 kWh: 68,000 kWh over-claimed
		IFile line = write("line.zc", LINE.replace("site S { region \"XX\" grid t.G }", """
				site S {
					region "XX"
					grid t.G
					certificate Cert1 irec "test certificate" 100 MWh vintage 2025 market "XX" tracking "T-1" retired
				}"""));
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		List<IMarker> overClaims = java.util.Arrays.stream(line.findMarkers(ZcMarkers.ACCOUNTING, false, IResource.DEPTH_ZERO))
				.filter(m -> "org.zerocarbon.accounting.overClaim".equals(m.getAttribute(ZcMarkers.PROBLEM_ID, ""))).toList();
		assertEquals(1, overClaims.size(), () -> markers(line));
		assertEquals(5, overClaims.get(0).getAttribute(IMarker.LINE_NUMBER, -1), "on the certificate's line: " + markers(line));
		assertTrue(overClaims.get(0).getAttribute(ZcMarkers.ELEMENT_URI, "").contains("line.zc#"), "with the certificate's URI");
		assertTrue(overClaims.get(0).isSubtypeOf(ZcMarkers.PROBLEM));
	}

	private static String markers(IFile file) {
		try {
			return java.util.Arrays.stream(file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
					.map(m -> m.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + m.getAttribute(ZcMarkers.PROBLEM_ID, "") + " " + m.getAttribute(IMarker.MESSAGE, ""))
					.toList().toString();
		} catch (CoreException e) {
			return e.toString();
		}
	}

	@Test
	void unmetCriterionIsAMarkerOnTheMachineAndGoesWhenFixed() throws CoreException {
		write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		IFile line = write("line.zc", LINE);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		IMarker[] markers = line.findMarkers(ZcMarkers.CRITERIA, false, IResource.DEPTH_ZERO);
		assertEquals(1, markers.length);
		assertEquals(6, markers[0].getAttribute(IMarker.LINE_NUMBER, -1)); // "machine M vmc {" is line 6
		assertEquals(IMarker.SEVERITY_ERROR, markers[0].getAttribute(IMarker.SEVERITY, -1));
		assertEquals("Criterion Rules.Metered (test clause 1): The machine has no meter", markers[0].getAttribute(IMarker.MESSAGE));
		assertEquals("org.zerocarbon.criteria.Rules.Metered", markers[0].getAttribute(ZcMarkers.PROBLEM_ID));

		rewrite(line, LINE.replace("subassembly Frame", "meter Main machine every 1 s\n\t\tsubassembly Frame"));
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

		assertEquals(0, line.findMarkers(ZcMarkers.CRITERIA, false, IResource.DEPTH_ZERO).length);
	}

	@Test
	void modelsWithErrorsKeepTheirLastReportsAndCleanRemovesThem() throws CoreException {
		write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		IFile line = write("line.zc", LINE);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertTrue(project.getFile("reports/t.L.json").exists());

		rewrite(line, LINE.replace("rated 20 kW", "rated 20 kWh"));
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		assertTrue(project.getFile("reports/t.L.json").exists(), "a broken edit does not destroy the last good report");

		project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);
		assertFalse(project.getFile("reports/t.L.json").exists());
		assertTrue(line.exists(), "clean never touches the user's files");
	}

	@Test
	void factorsInAReferencedLibraryProjectResolveAndTheirChangesRebuildTheLine() throws CoreException, IOException {
		IProject library = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-library-test");
		library.create(null);
		library.open(null);
		ZcNature.addTo(library, null);
		try {
			IFile factors = library.getFile("factors.zc");
			factors.create(new ByteArrayInputStream(FACTORS.getBytes(StandardCharsets.UTF_8)), true, null);
			var description = project.getDescription();
			description.setReferencedProjects(new IProject[] { library });
			project.setDescription(description, null);
			write("methodology.zc", METHODOLOGY);
			IFile line = write("line.zc", LINE);
			ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.FULL_BUILD, null);

			assertEquals(0, java.util.Arrays.stream(line.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
					.filter(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR
							&& !String.valueOf(m.getAttribute(ZcMarkers.PROBLEM_ID, "")).startsWith("org.zerocarbon.criteria"))
					.count(), "references into the library project resolve");
			IFile json = project.getFile("reports/t.L.json");
			assertTrue(Files.readString(json.getLocation().toFile().toPath()).contains("162000"));
			assertFalse(library.getFolder("reports").exists(), "the library has no line, so no report");

			// 500 -> 250 g/kWh in the other project: B6 halves, total 2,000 + 80,000 = 82,000 kg
			rewrite(factors, FACTORS.replace("500 gCO2e/kWh", "250 gCO2e/kWh"));
			ResourcesPlugin.getWorkspace().build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);

			assertTrue(Files.readString(json.getLocation().toFile().toPath()).contains("82000"));
		} finally {
			library.delete(true, true, null);
		}
	}

	@Test
	void aFootprintTheEngineCannotComputeIsAnErrorOnTheElementAtFault() throws CoreException {
		write("factors.zc", FACTORS);
		// the methodology splits mill-turns by mass, which the functions below do not declare: the text is valid,
		// only the calculation can tell
		write("methodology.zc", METHODOLOGY.replace("functional unit MH machineHour", "functional unit MH machineHour\n\tallocation by mass for millturn"));
		IFile line = write("line.zc", """
				package t
				site S { region "XX" grid t.G }
				line L {
					site S
					profile { shifts 2 hours 4000 h per year service life 10 a }
					machine MT millturn {
						state standby 2 kW for 25 %
						state processing 10 kW for 75 %
						function Milling { hours 2400 h }
						function Turning { hours 1600 h }
					}
				}
				""");
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);

		IMarker[] failed = java.util.Arrays.stream(line.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO))
				.filter(m -> "org.zerocarbon.workspace.calculationFailed".equals(m.getAttribute(ZcMarkers.PROBLEM_ID, ""))).toArray(IMarker[]::new);
		assertEquals(1, failed.length);
		assertEquals(9, failed[0].getAttribute(IMarker.LINE_NUMBER, -1), "on function Milling, the first without a mass");
		assertEquals(IMarker.SEVERITY_ERROR, failed[0].getAttribute(IMarker.SEVERITY, -1));
		String message = failed[0].getAttribute(IMarker.MESSAGE, "");
		assertTrue(message.startsWith("Cannot compute the footprint of t.L: ") && message.contains("declares no mass"), message);
		assertFalse(project.getFile("reports/t.L.json").exists(), "no report from a failed calculation");
	}

	@Test
	void cancelWhileReportingKeepsTheLastReportAndTheNextBuildCatchesUp() throws CoreException, IOException {
		IFile factors = write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		write("line.zc", LINE);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		java.nio.file.Path json = project.getFile("reports/t.L.json").getLocation().toFile().toPath();
		String before = Files.readString(json);

		// 500 -> 250 g/kWh, and the user presses Cancel as soon as the builder starts on the line's footprint
		rewrite(factors, FACTORS.replace("500 gCO2e/kWh", "250 gCO2e/kWh"));
		CancelOn cancel = new CancelOn("Footprint of");
		assertThrows(OperationCanceledException.class, () -> project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, cancel));
		assertTrue(cancel.isCanceled(), "the build reached the footprint stage");
		assertEquals(before, Files.readString(json), "a canceled build leaves the last report whole");

		// the next ordinary build is not fooled by the canceled one: B6 halves, 2,000 + 80,000 = 82,000 kg
		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		assertTrue(Files.readString(json).contains("82000"), "the next build writes the new total");
	}

	@Test
	void cancelWhileValidatingKeepsTheMarkersAndTheNextBuildCatchesUp() throws CoreException {
		write("factors.zc", FACTORS);
		write("methodology.zc", METHODOLOGY);
		IFile line = write("line.zc", LINE);
		project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		assertEquals(1, line.findMarkers(ZcMarkers.CRITERIA, false, IResource.DEPTH_ZERO).length, "the machine has no meter");

		// the edit adds the meter (criterion met) and breaks a unit; the build is canceled while it validates
		rewrite(line, LINE.replace("subassembly Frame", "meter Main machine every 1 s\n\t\tsubassembly Frame")
				.replace("rated 20 kW", "rated 20 kWh"));
		CancelOn cancel = new CancelOn("Validating ");
		assertThrows(OperationCanceledException.class, () -> project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, cancel));
		assertTrue(cancel.isCanceled(), "the build reached validation");
		IMarker[] kept = line.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		assertEquals(1, kept.length, "the markers of the last complete build stay");
		assertEquals("org.zerocarbon.criteria.Rules.Metered", kept[0].getAttribute(ZcMarkers.PROBLEM_ID));

		project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
		IMarker[] now = line.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		assertEquals(0, line.findMarkers(ZcMarkers.CRITERIA, false, IResource.DEPTH_ZERO).length, "the meter is seen");
		assertTrue(java.util.Arrays.stream(now).anyMatch(m -> m.getAttribute(IMarker.SEVERITY, -1) == IMarker.SEVERITY_ERROR
				&& m.getAttribute(IMarker.LINE_NUMBER, -1) == 7), "the unit error on line 7 is reported");
	}

	/** A progress monitor whose user presses Cancel when the builder announces a (sub-)task starting with a prefix. */
	private static final class CancelOn extends NullProgressMonitor {
		private final String prefix;

		CancelOn(String prefix) {
			this.prefix = prefix;
		}

		@Override
		public void setTaskName(String name) {
			check(name);
		}

		@Override
		public void subTask(String name) {
			check(name);
		}

		private void check(String name) {
			if (name != null && name.startsWith(prefix)) {
				setCanceled(true);
			}
		}
	}

	private static void rewrite(IFile file, String content) throws CoreException {
		file.setContents(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}

	private IFile write(String path, String content) throws CoreException {
		IFile file = project.getFile(path);
		file.create(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), true, null);
		return file;
	}
}
