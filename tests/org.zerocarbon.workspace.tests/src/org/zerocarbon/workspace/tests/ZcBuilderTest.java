package org.zerocarbon.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

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
import org.zerocarbon.workspace.ZcBuilder;
import org.zerocarbon.workspace.ZcMarkers;
import org.zerocarbon.workspace.ZcNature;

/** Runs the real builder in a real (test) workspace and checks the markers it leaves. */
class ZcBuilderTest {

	private static final String VALID_LINE = """
			package demo
			line Cell {
			  machine VMC1 vmc {
			    rated 15 kW
			    state standby 1.2 kW for 30 %
			    state processing 9.5 kW for 70 %
			  }
			}
			""";

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		ResourcesPlugin.getWorkspace().getDescription().setAutoBuilding(false);
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-builder-test");
		project.create(null);
		project.open(null);
		ZcNature.addTo(project, null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void natureInstallsTheBuilder() throws CoreException {
		assertTrue(project.hasNature(ZcNature.ID));
		assertEquals(ZcBuilder.ID, project.getDescription().getBuildSpec()[0].getBuilderName());
	}

	@Test
	void brokenModelFileGetsExactlyOneMarkerAtTheRightLine() throws CoreException {
		IFile file = write("models/line.zc", VALID_LINE.replace("for 70 %", "for 60 %"));

		build(IncrementalProjectBuilder.FULL_BUILD);

		IMarker[] markers = file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		assertEquals(1, markers.length, () -> describe(markers));
		IMarker marker = markers[0];
		assertEquals("The energy-state shares of machine 'VMC1' add up to 90 %, not 100 %", marker.getAttribute(IMarker.MESSAGE));
		assertEquals(3, marker.getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(IMarker.SEVERITY_ERROR, marker.getAttribute(IMarker.SEVERITY, -1));
		assertEquals("org.zerocarbon.lang.stateSharesSum", marker.getAttribute(ZcMarkers.PROBLEM_ID));
		assertTrue(marker.isSubtypeOf(IMarker.PROBLEM));
		String elementUri = (String) marker.getAttribute(ZcMarkers.ELEMENT_URI);
		assertNotNull(elementUri);
		assertTrue(elementUri.contains("line.zc#"), elementUri);
		// the marker range covers the machine's name on line 3
		int start = marker.getAttribute(IMarker.CHAR_START, -1);
		int end = marker.getAttribute(IMarker.CHAR_END, -1);
		assertEquals("VMC1", VALID_LINE.substring(start, end));
	}

	@Test
	void syntaxErrorIsASyntaxMarkerWithItsLine() throws CoreException {
		IFile file = write("broken.zc", "line Cell {\n  machine M1 vmc {\n    rated fifteen kW\n  }\n}\n");

		build(IncrementalProjectBuilder.FULL_BUILD);

		IMarker[] markers = file.findMarkers(ZcMarkers.SYNTAX, false, IResource.DEPTH_ZERO);
		assertTrue(markers.length >= 1, () -> describe(markers));
		assertEquals(3, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertEquals(IMarker.SEVERITY_ERROR, markers[0].getAttribute(IMarker.SEVERITY, -1));
	}

	@Test
	void fixingTheFileRemovesTheMarkerOnTheNextIncrementalBuild() throws CoreException {
		IFile file = write("line.zc", VALID_LINE.replace("for 70 %", "for 60 %"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		assertEquals(1, file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO).length);

		file.setContents(stream(VALID_LINE), IResource.FORCE, null);
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);

		// the validation error is gone; what remains is the note that there is no methodology to report with
		IMarker[] markers = file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		assertEquals(1, markers.length, () -> describe(markers));
		assertEquals("org.zerocarbon.workspace.noMethodology", markers[0].getAttribute(ZcMarkers.PROBLEM_ID));
		assertEquals(IMarker.SEVERITY_INFO, markers[0].getAttribute(IMarker.SEVERITY, -1));
	}

	@Test
	void referenceToAFactorInAnotherFileResolvesAndBreaksWhenTheFactorGoes() throws CoreException {
		IFile library = write("lib.zc", """
				package lib
				factors Grid {
				  grid factor de = 0.381 kgCO2e/kWh { region "DE" year 2023 source "test" licence "CC0" }
				}
				""");
		IFile site = write("site.zc", """
				package demo
				site Plant {
				  grid lib.de
				}
				""");
		build(IncrementalProjectBuilder.FULL_BUILD);
		assertEquals(0, site.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO).length,
				() -> describe(markersOf(site)));

		library.setContents(stream("package lib\nfactors Grid {\n}\n"), IResource.FORCE, null);
		build(IncrementalProjectBuilder.INCREMENTAL_BUILD);

		IMarker[] markers = site.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		assertEquals(1, markers.length, () -> describe(markers));
		assertEquals(3, markers[0].getAttribute(IMarker.LINE_NUMBER, -1));
		assertTrue(((String) markers[0].getAttribute(IMarker.MESSAGE)).contains("lib.de"));
	}

	@Test
	void cleanRemovesTheMarkers() throws CoreException {
		IFile file = write("line.zc", VALID_LINE.replace("for 70 %", "for 60 %"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		assertEquals(1, file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO).length);

		project.build(IncrementalProjectBuilder.CLEAN_BUILD, null);

		assertEquals(0, file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO).length);
	}

	@Test
	void canceledBuildThrowsAndKeepsPreviousMarkers() throws CoreException {
		IFile file = write("line.zc", VALID_LINE.replace("for 70 %", "for 60 %"));
		build(IncrementalProjectBuilder.FULL_BUILD);
		NullProgressMonitor canceled = new NullProgressMonitor();
		canceled.setCanceled(true);

		assertThrows(OperationCanceledException.class,
				() -> project.build(IncrementalProjectBuilder.FULL_BUILD, canceled));

		assertEquals(1, file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO).length);
	}

	private void build(int kind) throws CoreException {
		project.build(kind, null);
	}

	private IFile write(String path, String content) throws CoreException {
		IFile file = project.getFile(path);
		if (file.getParent() instanceof org.eclipse.core.resources.IFolder folder && !folder.exists()) {
			folder.create(true, true, null);
		}
		file.create(stream(content), true, null);
		return file;
	}

	private static ByteArrayInputStream stream(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}

	private static IMarker[] markersOf(IFile file) {
		try {
			return file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
		} catch (CoreException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String describe(IMarker[] markers) {
		StringBuilder text = new StringBuilder(markers.length + " markers:");
		for (IMarker marker : markers) {
			text.append("\n  line ").append(marker.getAttribute(IMarker.LINE_NUMBER, -1)).append(": ")
					.append(marker.getAttribute(IMarker.MESSAGE, ""));
		}
		return text.toString();
	}
}
