package org.zerocarbon.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.IResourceProxy;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.zerocarbon.lang.batch.IncrementalValidation;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;

/**
 * Validates the {@code .zc} files of a project into problem markers. It runs on every save (auto-build) and
 * on explicit builds, delegating all checking to {@link ModelValidation}, the same engine the CLI uses.
 * <p>
 * All model files of the project, and those of the projects it references, are validated together so that references
 * between them resolve. They stay loaded between builds ({@link IncrementalValidation}): when a file changes, it is
 * re-read and re-validated with the files that reference it, as Xtext's incremental builder does; a change to the
 * names a file exports (or a full build) re-reads everything, because any reference may then resolve differently.
 * When the models have no
 * errors, the footprint reports are regenerated and the criteria checked (see {@link ReportStage}), as the project's
 * {@link ZcPreferences settings} say, and the results are published for the views ({@link ZcBuildResults}). A
 * change to a data file that a model's source reads (a CSV export, an MTConnect recording or probe, see
 * {@link DataFiles}) rebuilds too: the measured figures are read again, and when a data file was added or removed the
 * model declaring the source is validated again (its "no data" warning). A build triggered by changes that touch
 * neither a model file, a data file nor the project's settings does nothing. Cancellation leaves the previous markers
 * in place and forces a full build next time.
 */
public class ZcBuilder extends IncrementalProjectBuilder {

	/** Builder id, as written in {@code .project} files. */
	public static final String ID = "org.zerocarbon.workspace.zcBuilder";
	/** The DSL's one file extension. */
	public static final String EXTENSION = "zc";

	/**
	 * The project's models as last validated, kept between builds so that a save re-reads only the changed files
	 * and those that depend on them (builders live as long as their project is open).
	 */
	private IncrementalValidation models;
	/** The project's own build settings (see {@link ZcPreferences}): a change rebuilds the project. */
	private static final IPath PROJECT_SETTINGS = IPath.fromOSString(".settings/" + ZcPreferences.QUALIFIER + ".prefs");
	/** The data files the models' sources read, as of the last build. */
	private DataFiles dataFiles = DataFiles.NONE;
	/** Per model file, how often data files its sources read were added or removed: part of its validation stamp. */
	private final Map<URI, Integer> dataGenerations = new HashMap<>();
	/** A model file's stamp for {@link IncrementalValidation}: it changes with the file and with its data's existence. */
	private record Stamp(long modification, int data) {
	}

	@Override
	protected IProject[] build(int kind, Map<String, String> args, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Validating ZeroCarbon models in " + getProject().getName(), 100);
		IProject[] referenced = referencedProjects();
		if (kind != FULL_BUILD && kind != CLEAN_BUILD && !changed(referenced)) {
			return referenced;
		}
		Map<URI, IFile> files = modelFiles(getProject());
		// Files of referenced projects (e.g. a shared factor library) are loaded so that references into them
		// resolve; their problems are reported by their own project's build, not here.
		Map<URI, IFile> context = new LinkedHashMap<>(files);
		for (IProject project : referenced) {
			modelFiles(project).forEach(context::putIfAbsent);
		}
		progress.worked(5);
		if (kind == FULL_BUILD && models != null) {
			models.forget();
		}
		ModelValidation.Loaded loaded = validate(context, progress.split(50));
		dataFiles = DataFiles.of(loaded.resourceSet(), context.keySet());
		List<Problem> problems = new ArrayList<>(loaded.problems());
		int errors = (int) problems.stream()
				.filter(p -> p.severity() == Problem.Severity.ERROR && files.containsKey(URI.createURI(p.fileUri()))).count();
		ZcBuildResults.ProjectResult result = ZcBuildResults.ProjectResult.withErrors(getProject(), errors);
		if (errors == 0) {
			try {
				ReportStage.Outcome outcome = ReportStage.run(getProject(), loaded.resourceSet(), context, files.keySet(), progress.split(35));
				problems.addAll(outcome.problems());
				result = outcome.result();
			} catch (OperationCanceledException e) {
				forgetLastBuiltState();
				throw e;
			}
		} else {
			StaleReports.mark(getProject(), errors);
		}
		replaceMarkers(files, problems, progress.split(10));
		ZcBuildResults.publish(result);
		// Returning the referenced projects makes the platform hand us their deltas (and call us when they change).
		return referenced;
	}

	private IProject[] referencedProjects() throws CoreException {
		return java.util.Arrays.stream(getProject().getReferencedProjects()).filter(IProject::isAccessible).toArray(IProject[]::new);
	}

	/** Whether a model file, or a data file a model reads, changed in this project or a referenced one since the last build. */
	private boolean changed(IProject[] referenced) throws CoreException {
		boolean changed = false;
		List<IProject> projects = new ArrayList<>(List.of(referenced));
		projects.add(0, getProject());
		for (IProject project : projects) {
			IResourceDelta delta = getDelta(project);
			if (delta == null) {
				changed = true;
				continue;
			}
			changed |= touchesModels(delta);
			// every delta is looked at: each model whose data files were added or removed is validated again
			Set<URI> existence = new HashSet<>();
			changed |= !dataFiles.touchedBy(delta, existence).isEmpty();
			existence.forEach(uri -> dataGenerations.merge(uri, 1, Integer::sum));
		}
		return changed;
	}

	private ModelValidation.Loaded validate(Map<URI, IFile> files, SubMonitor progress) {
		progress.setTaskName("Validating " + files.size() + " model files");
		Map<URI, Stamp> stamps = new LinkedHashMap<>();
		files.forEach((uri, file) -> stamps.put(uri, new Stamp(file.getModificationStamp(), dataGenerations.getOrDefault(uri, 0))));
		if (models == null) {
			models = IncrementalValidation.create();
		}
		ModelValidation.Loaded loaded = models.update(stamps, progress::isCanceled);
		if (progress.isCanceled()) {
			forgetLastBuiltState();
			throw new OperationCanceledException();
		}
		return loaded;
	}

	private static void replaceMarkers(Map<URI, IFile> files, List<Problem> problems, SubMonitor progress) throws CoreException {
		progress.setWorkRemaining(files.size() + problems.size());
		for (IFile file : files.values()) {
			file.deleteMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO);
			progress.worked(1);
		}
		for (Problem problem : problems) {
			IFile file = files.get(URI.createURI(problem.fileUri()));
			if (file != null && file.exists()) {
				ZcMarkers.create(file, problem);
			}
			progress.worked(1);
		}
	}

	@Override
	protected void clean(IProgressMonitor monitor) throws CoreException {
		SubMonitor.convert(monitor, "Removing ZeroCarbon markers", 1);
		getProject().deleteMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_INFINITE);
		if (models != null) {
			models.forget();
		}
		ReportStage.clean(getProject());
		ZcBuildResults.forget(getProject());
	}

	/** All model files of the project, keyed by the file URI the validator reports problems against. */
	static Map<URI, IFile> modelFiles(IProject project) throws CoreException {
		Map<URI, IFile> files = new LinkedHashMap<>();
		List<IFile> found = new ArrayList<>();
		project.accept((IResourceProxy proxy) -> {
			if (proxy.isDerived() || proxy.isTeamPrivateMember() || proxy.isHidden()) {
				return false;
			}
			if (proxy.getType() == IResource.FILE) {
				if (proxy.getName().endsWith("." + EXTENSION)) {
					found.add((IFile) proxy.requestResource());
				}
				return false;
			}
			return true;
		}, IResource.NONE);
		for (IFile file : found) {
			IPath location = file.getLocation();
			if (location != null) {
				files.put(URI.createFileURI(location.toFile().getAbsolutePath()), file);
			}
		}
		return files;
	}

	/** Whether a model file, or the project's own ZeroCarbon settings, changed in the delta. */
	private static boolean touchesModels(IResourceDelta delta) throws CoreException {
		if (delta.findMember(PROJECT_SETTINGS) != null) {
			return true;
		}
		boolean[] touched = { false };
		delta.accept(child -> {
			if (touched[0] || child.getResource().isDerived()) {
				return false;
			}
			if (child.getResource().getType() == IResource.FILE) {
				if (EXTENSION.equals(child.getResource().getFileExtension())
						&& (child.getKind() != IResourceDelta.CHANGED || (child.getFlags() & IResourceDelta.CONTENT) != 0
								|| (child.getFlags() & IResourceDelta.REPLACED) != 0)) {
					touched[0] = true;
				}
				return false;
			}
			return true;
		});
		return touched[0];
	}
}
