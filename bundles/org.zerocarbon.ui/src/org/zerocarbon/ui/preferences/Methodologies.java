package org.zerocarbon.ui.preferences;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.common.util.URI;
import org.eclipse.swt.widgets.Display;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.ui.internal.ModelFiles;

/**
 * The methodologies the settings pages offer: those defined in the model files of the projects in scope (and of the
 * projects they reference), by qualified name. The files are parsed in a job, read-only, never on the UI thread.
 */
final class Methodologies {

	/** Job family of the look-ups (tests wait for it). */
	static final Object FAMILY = Methodologies.class;

	private Methodologies() {
	}

	/** The qualified names of the methodologies in the projects' model files, sorted; a file with errors still counts. */
	static List<String> of(Collection<IProject> projects, IProgressMonitor monitor) throws CoreException {
		Set<URI> files = new LinkedHashSet<>();
		for (IProject project : projects) {
			if (project.isAccessible()) {
				files.addAll(ModelFiles.of(project));
			}
		}
		if (files.isEmpty()) {
			return List.of();
		}
		ModelValidation.Loaded loaded = ModelValidation.create().load(new ArrayList<>(files), monitor::isCanceled);
		Set<String> names = new TreeSet<>();
		new ModelSet(loaded.resourceSet()).methodologies().forEach(m -> names.add(ModelSet.nameOf(m)));
		return List.copyOf(names);
	}

	/** Looks the methodologies up in a job and hands them to {@code result} on the UI thread of {@code display}. */
	static Job offer(Collection<IProject> projects, Display display, Consumer<List<String>> result) {
		Job job = new Job("Reading the methodologies of the ZeroCarbon projects") {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					List<String> names = of(projects, monitor);
					if (!display.isDisposed()) {
						display.asyncExec(() -> result.accept(names));
					}
					return Status.OK_STATUS;
				} catch (CoreException e) {
					return e.getStatus();
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
		return job;
	}
}
