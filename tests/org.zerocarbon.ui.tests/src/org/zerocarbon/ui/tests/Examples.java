package org.zerocarbon.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.workspace.ZcBuildResults;

/**
 * The example projects (housing-cell and zc-library) for a test class ({@code @ExtendWith(Examples.class)}): copied
 * into a temporary folder, opened and built before the class's tests; closed editors, removed projects and deleted
 * copies after them.
 */
final class Examples implements BeforeAllCallback, AfterAllCallback {

	static final String CELL = "housing-cell";
	static final String LIBRARY = "zc-library";

	private Path folder;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException, CoreException {
		folder = Files.createTempDirectory("zc-ui-examples");
		Workbench.importExamples(folder);
		Workbench.waitUntil("the example projects are built",
				() -> ZcBuildResults.of(project(CELL)) != null && ZcBuildResults.of(project(LIBRARY)) != null);
		Widgets.waitForJobs(Builds.FAMILY);
		// reports copied along from a run of the workbench on examples/ are not the builder's: tests count the builder's
		for (String name : new String[] { CELL, LIBRARY }) {
			IFolder reports = project(name).getFolder("reports");
			if (reports.exists()) {
				for (IResource member : reports.members()) {
					if (!member.isDerived()) {
						member.delete(true, null);
					}
				}
			}
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException, CoreException {
		Workbench.page().closeAllEditors(false);
		for (String name : new String[] { CELL, LIBRARY }) {
			IProject project = project(name);
			if (project.exists()) {
				project.delete(false, true, null);
			}
		}
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	static IProject project(String name) {
		return ResourcesPlugin.getWorkspace().getRoot().getProject(name);
	}
}
