package org.zerocarbon.ui.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.ui.IStartup;

/**
 * Opens the bundled example projects in place when the workbench is started with
 * {@code -Dzerocarbon.examples=<dir>} (the {@code zcw-workbench} script does this): every sub-directory of that
 * directory holding a {@code .project} file becomes a workspace project located there, unless the workspace
 * already has a project of that name. Files are never copied or modified.
 */
public class ExampleProjectImporter implements IStartup {

	/** System property naming the directory of example projects. */
	public static final String PROPERTY = "zerocarbon.examples";

	@Override
	public void earlyStartup() {
		String dir = System.getProperty(PROPERTY);
		if (dir == null || dir.isBlank()) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob("Opening ZeroCarbon example projects") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) {
				return importProjects(Path.of(dir), monitor);
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.schedule();
	}

	/** Imports every project directory found directly below {@code root}; returns what went wrong, if anything. */
	public static IStatus importProjects(Path root, IProgressMonitor monitor) {
		if (!Files.isDirectory(root)) {
			// a wrong -Dzerocarbon.examples is worth a log entry, not an error dialog at every start
			return Status.warning("No example projects: " + root + " is not a directory");
		}
		List<Path> candidates = new ArrayList<>();
		if (Files.isRegularFile(root.resolve(IProjectDescription.DESCRIPTION_FILE_NAME))) {
			candidates.add(root);
		}
		try (Stream<Path> children = Files.list(root)) {
			children.filter(p -> Files.isRegularFile(p.resolve(IProjectDescription.DESCRIPTION_FILE_NAME))).sorted()
					.forEach(candidates::add);
		} catch (IOException e) {
			return Status.error("Cannot list example projects in " + root + ": " + e.getMessage(), e);
		}
		SubMonitor progress = SubMonitor.convert(monitor, candidates.size());
		MultiStatus result = new MultiStatus(ExampleProjectImporter.class, 0, "Some example projects could not be opened");
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		for (Path candidate : candidates) {
			try {
				File descriptionFile = candidate.resolve(IProjectDescription.DESCRIPTION_FILE_NAME).toFile();
				IProjectDescription description = workspace.loadProjectDescription(IPath.fromFile(descriptionFile));
				IProject project = workspace.getRoot().getProject(description.getName());
				if (!project.exists()) {
					description.setLocation(IPath.fromFile(candidate.toFile()));
					project.create(description, progress.split(1));
				}
				if (!project.isOpen()) {
					project.open(null);
				}
			} catch (CoreException e) {
				result.add(Status.error("Cannot open example project " + candidate + ": " + e.getMessage(), e));
			}
		}
		return result.isOK() ? Status.OK_STATUS : result;
	}
}
