package org.zerocarbon.workspace.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.cli.Zcw;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * The example projects as the workbench builds them and as {@code zcw validate} sees them: the same problems, line
 * for line (file, line, severity, message, code), because both go through one conversion
 * ({@code org.zerocarbon.report.ResultProblems}). A CI run on {@code examples/} shows what a first start shows.
 */
class ExampleMarkersTest {

	private static final Path EXAMPLES = Path.of(System.getProperty("zc.examples", "../../examples")).toAbsolutePath().normalize();

	private Path copy;
	private final List<IProject> projects = new ArrayList<>();

	@BeforeEach
	void importExamples() throws IOException, CoreException {
		copy = Files.createTempDirectory("zc-example-markers");
		try (Stream<Path> files = Files.walk(EXAMPLES)) {
			for (Path file : files.toList()) {
				Path target = copy.resolve(EXAMPLES.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else if (!EXAMPLES.relativize(file).toString().contains("reports")) {
					Files.copy(file, target);
				}
			}
		}
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		workspace.getDescription().setAutoBuilding(false);
		for (String name : List.of("zc-library", "housing-cell")) {
			IProjectDescription description = workspace.loadProjectDescription(IPath.fromOSString(copy.resolve(name).resolve(".project").toString()));
			IProject project = workspace.getRoot().getProject(description.getName());
			project.create(description, null);
			project.open(null);
			projects.add(project);
		}
	}

	@AfterEach
	void removeProjects() throws CoreException {
		for (IProject project : projects) {
			project.delete(true, true, null);
		}
	}

	@Test
	void zcwValidatePrintsWhatTheBuilderMarks() throws CoreException {
		for (IProject project : projects) {
			project.build(IncrementalProjectBuilder.FULL_BUILD, null);
		}
		TreeSet<String> marked = new TreeSet<>();
		Map<String, Integer> byKind = new TreeMap<>();
		for (IProject project : projects) {
			for (IMarker marker : project.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_INFINITE)) {
				String severity = switch (marker.getAttribute(IMarker.SEVERITY, -1)) {
					case IMarker.SEVERITY_ERROR -> "error";
					case IMarker.SEVERITY_WARNING -> "warning";
					default -> "info";
				};
				String code = marker.getAttribute(ZcMarkers.PROBLEM_ID, "");
				marked.add(marker.getResource().getProjectRelativePath().toString() + " " + project.getName() + ":"
						+ marker.getAttribute(IMarker.LINE_NUMBER, 0) + ": " + severity + ": " + marker.getAttribute(IMarker.MESSAGE, "") + " [" + code + "]");
				byKind.merge(severity + " " + (code.startsWith("org.zerocarbon.criteria.") ? "criterion" : code), 1, Integer::sum);
			}
		}

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int exit = new Zcw(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), copy)
				.run("validate", "zc-library", "housing-cell");
		TreeSet<String> printed = new TreeSet<>();
		String summary = null;
		for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
			// housing-cell/model/cell.zc:63:1: warning: message [code] -> model/cell.zc housing-cell:63: warning: message [code]
			java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^/]+)/([^:]+):(\\d+)(?::\\d+)?: (.*)").matcher(line);
			if (m.matches()) {
				printed.add(m.group(2) + " " + m.group(1) + ":" + m.group(3) + ": " + m.group(4));
			} else {
				summary = line;
			}
		}

		assertEquals(marked, printed, "zcw validate prints the builder's markers");
		assertEquals(Zcw.OK, exit, "warnings do not fail a run without --werror");
		// By hand from the example: 15 elements fail the three warning criteria (zcw check examples/ lists them:
		// PrimaryDataForSubassemblies 7 machines without primary data for a subassembly, TransportToSite the 3
		// machines without a transport leg (DB1, Wash1, CMM1), MeasuredCoverage the 5 machines above 5 kW without
		// a measured meter); 6 pieces of equipment declare an end of life without a factor (AirStation, HMC1, MT1,
		// TC1, VMC1 recycling and landfill, VMC2 recycling only: one warning each, 11 treatments); the two measured
		// machines deviate from their declared use (HMC1: energy, processing and standby share; VMC1: energy and
		// standby share: 5 warnings). No error, no note.
		assertEquals(Map.of("warning criterion", 15, "warning org.zerocarbon.accounting.missingFactor", 6,
				"warning org.zerocarbon.accounting.measuredDeviation", 5), byKind, marked::toString);
		assertEquals("13 files checked: 0 errors, 26 warnings", summary);
		assertTrue(marked.stream().anyMatch(m -> m.contains("end of life (recycling, landfill) of machine HMC1 has no emission factor.")), marked::toString);
	}
}
