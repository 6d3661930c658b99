package org.zerocarbon.ui.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcNature;

/**
 * Runs the ZeroCarbon builder for the views: on request (a view's Refresh, a changed preference) and once per
 * session for projects whose results are not known yet (the builder's results are not persisted, and after a
 * restart nothing changed that would trigger a build).
 */
public final class Builds {

	/** Job family of the builds scheduled here (tests wait for it). */
	public static final Object FAMILY = Builds.class;

	private static final Set<IProject> REQUESTED = ConcurrentHashMap.newKeySet();

	private Builds() {
	}

	/** The open projects that have the ZeroCarbon nature, by name. */
	public static List<IProject> zcProjects() {
		return Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects()).filter(Builds::isZcProject).toList();
	}

	/** Whether a project is open and has the ZeroCarbon nature. */
	public static boolean isZcProject(IProject project) {
		try {
			return project.isOpen() && project.hasNature(ZcNature.ID);
		} catch (CoreException e) {
			return false; // a project whose description cannot be read is none of ours
		}
	}

	/**
	 * Builds the projects that have no results in this session yet, once each, if the workspace builds
	 * automatically (a user who turned that off builds by hand).
	 */
	public static void ensureBuilt(Collection<IProject> projects) {
		if (!ResourcesPlugin.getWorkspace().isAutoBuilding()) {
			return;
		}
		List<IProject> missing = projects.stream().filter(p -> ZcBuildResults.of(p) == null && REQUESTED.add(p)).toList();
		if (!missing.isEmpty()) {
			rebuild(missing);
		}
	}

	/** Schedules a full build of the projects (full: settings may have changed although no file did). */
	public static void rebuild(Collection<IProject> projects) {
		List<IProject> targets = List.copyOf(projects);
		if (targets.isEmpty()) {
			return;
		}
		WorkspaceJob job = new WorkspaceJob("Building ZeroCarbon projects") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) throws CoreException {
				SubMonitor progress = SubMonitor.convert(monitor, targets.size());
				for (IProject project : targets) {
					if (isZcProject(project)) {
						try {
							project.build(IncrementalProjectBuilder.FULL_BUILD, progress.split(1));
						} catch (OperationCanceledException e) {
							return Status.CANCEL_STATUS;
						}
					}
				}
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRuleFactory().buildRule());
		job.setUser(false);
		scheduleOnceStarted(job);
	}

	/**
	 * Schedules a job now or, while the workbench is still opening its window (a view restored at start-up asks for
	 * its project's build), once the window is open: on 2 cores the first build would otherwise share the CPU with
	 * the window's parts and first paint. The views say "Building ..." meanwhile.
	 */
	private static void scheduleOnceStarted(WorkspaceJob job) {
		if (!PlatformUI.isWorkbenchRunning() || !PlatformUI.getWorkbench().isStarting()) {
			job.schedule();
			return;
		}
		Display display = PlatformUI.getWorkbench().getDisplay();
		long until = System.currentTimeMillis() + 20_000; // a workbench that never finishes starting still gets its build
		display.asyncExec(new Runnable() {
			@Override
			public void run() {
				if (PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().isStarting() && System.currentTimeMillis() < until) {
					display.timerExec(50, this);
				} else {
					job.schedule();
				}
			}
		});
	}
}
