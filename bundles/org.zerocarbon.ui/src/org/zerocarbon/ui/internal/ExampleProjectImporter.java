package org.zerocarbon.ui.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
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
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.progress.UIJob;
import org.zerocarbon.ui.views.FootprintView;

/**
 * Opens the bundled example projects in place when the workbench is started with
 * {@code -Dzerocarbon.examples=<dir>} (the {@code zcw-workbench} script does this): every sub-directory of that
 * directory holding a {@code .project} file becomes a workspace project located there, unless the workspace
 * already has a project of that name. Files are never copied or modified.
 * <p>
 * When that creates projects (a new workspace), the workbench also shows what the product is for: the window fills
 * the screen, the example's line model opens in the editor and the Footprint view comes to the front, where the
 * figures appear once the first build is done. Later starts restore whatever the user left.
 */
public class ExampleProjectImporter implements IStartup {

	/** System property naming the directory of example projects. */
	public static final String PROPERTY = "zerocarbon.examples";

	@Override
	public void earlyStartup() {
		PlatformUI.getWorkbench().getDisplay().asyncExec(() -> StartupTrace.record(StartupTrace.WINDOW));
		String dir = System.getProperty(PROPERTY);
		if (dir == null || dir.isBlank()) {
			return;
		}
		List<IProject> created = new ArrayList<>();
		WorkspaceJob job = new WorkspaceJob("Opening ZeroCarbon example projects") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) {
				return importProjects(Path.of(dir), created, monitor);
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (!created.isEmpty()) {
					welcome(created);
				}
			}
		});
		job.schedule();
	}

	/** Imports every project directory found directly below {@code root}; returns what went wrong, if anything. */
	public static IStatus importProjects(Path root, IProgressMonitor monitor) {
		return importProjects(root, new ArrayList<>(), monitor);
	}

	/**
	 * Imports every project directory found directly below {@code root}, adding the projects it creates to
	 * {@code created}; returns what went wrong, if anything.
	 */
	public static IStatus importProjects(Path root, List<IProject> created, IProgressMonitor monitor) {
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
					created.add(project);
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

	/** On the UI thread, once the workbench window is up: full-screen window, example model, Footprint view. */
	private static void welcome(List<IProject> projects) {
		UIJob job = new UIJob("Showing the ZeroCarbon example") {
			@Override
			public IStatus runInUIThread(IProgressMonitor monitor) {
				IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
				if (window == null || window.getActivePage() == null) {
					return Status.OK_STATUS;
				}
				Shell shell = window.getShell();
				Rectangle screen = shell.getMonitor().getClientArea();
				if (shell.getSize().x < screen.width * 4 / 5 || shell.getSize().y < screen.height * 4 / 5) {
					// the platform's first window is small; setMaximized needs a window manager, bounds do not
					shell.setBounds(screen);
				}
				try {
					showExample(window.getActivePage(), projects);
				} catch (CoreException e) {
					return Status.warning("Cannot open the example model: " + e.getMessage(), e);
				}
				return Status.OK_STATUS;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	/**
	 * Opens the first model file (by path) among the projects that declares a line, falling back to one declaring
	 * a park, in its editor, and brings the Footprint view to the front beside it.
	 *
	 * @return the file opened, or null when the projects hold no line or park
	 */
	public static IFile showExample(IWorkbenchPage page, List<IProject> projects) throws CoreException {
		List<IFile> models = new ArrayList<>();
		for (IProject project : projects) {
			project.accept(resource -> {
				if (resource instanceof IFile file && "zc".equals(file.getFileExtension())) {
					models.add(file);
				}
				// reports and other derived output are never examples
				return !resource.isDerived() && !resource.getName().startsWith(".");
			});
		}
		models.sort(java.util.Comparator.comparing(f -> f.getFullPath().toString()));
		IFile example = firstDeclaring(models, LINE);
		if (example == null) {
			example = firstDeclaring(models, PARK);
		}
		if (example == null) {
			return null;
		}
		page.showView(FootprintView.ID, null, IWorkbenchPage.VIEW_VISIBLE);
		IDE.openEditor(page, example, true);
		return example;
	}

	private static final Pattern LINE = Pattern.compile("(?m)^\\s*line\\s+\\w");
	private static final Pattern PARK = Pattern.compile("(?m)^\\s*park\\s+\\w");

	private static IFile firstDeclaring(List<IFile> files, Pattern declaration) {
		for (IFile file : files) {
			try {
				if (declaration.matcher(Files.readString(file.getLocation().toFile().toPath())).find()) {
					return file;
				}
			} catch (IOException | RuntimeException e) {
				// an unreadable file is not a candidate; the builder reports it
			}
		}
		return null;
	}
}
