package org.zerocarbon.workspace;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.ListenerList;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;

/**
 * What the last build of each ZeroCarbon project found: the criteria results and the footprints of its lines and
 * parks, as computed by the builder (nothing is computed twice for the views). Views register a {@link Listener}
 * and are told after every build; results live for the session and are forgotten when a project is cleaned,
 * closed or deleted. UI-free: listeners are called on the builder's thread.
 */
public final class ZcBuildResults {

	/** Notified after a build published new results for a project, or after a project's results were dropped. */
	@FunctionalInterface
	public interface Listener {
		/** Called on the thread of the build (never the UI thread); {@link #of(IProject)} gives the new state. */
		void resultsChanged(IProject project);
	}

	/**
	 * Where a model element is written: its file and the first line of its definition.
	 *
	 * @param file   the model file
	 * @param line   1-based line
	 * @param offset 0-based character offset of the definition, or -1 when unknown
	 * @param length characters of the definition's first line
	 */
	public record Location(IFile file, int line, int offset, int length) {
	}

	/**
	 * The footprint of one line or park of the project, or why it could not be computed.
	 *
	 * @param subject qualified name of the line or park
	 * @param kind    "line" or "park"
	 * @param file    the model file that defines it
	 * @param result  the footprint, or null when it could not be computed
	 * @param problem why there is no footprint, or null
	 */
	public record Footprint(String subject, String kind, IFile file, FootprintResult result, String problem) {
	}

	/**
	 * The outcome of the last build of a project.
	 *
	 * @param project     the project
	 * @param modelErrors number of errors in the project's model files: with errors, nothing is computed
	 * @param note        why no footprint was computed for the whole project (e.g. no methodology), or null
	 * @param criteria    results of every criterion of every rule-set among the models, in rule-set order
	 * @param footprints  the footprints of the project's own lines and parks, by qualified name
	 * @param locations   where the elements named by criteria evidence and the subjects are written, by EMF URI
	 */
	public record ProjectResult(IProject project, int modelErrors, String note, List<CriterionResult> criteria,
			List<Footprint> footprints, Map<String, Location> locations) {
		public ProjectResult {
			criteria = List.copyOf(criteria);
			footprints = List.copyOf(footprints);
			locations = Map.copyOf(locations);
		}

		/** A result for models with errors: nothing computed. */
		static ProjectResult withErrors(IProject project, int errors) {
			return new ProjectResult(project, errors, null, List.of(), List.of(), Map.of());
		}

		/** Where an element is written, or null when unknown. */
		public Location locate(String elementUri) {
			return elementUri == null ? null : locations.get(elementUri);
		}

		/** The footprints of the lines and parks defined in one file. */
		public List<Footprint> footprintsIn(IFile file) {
			return footprints.stream().filter(f -> f.file().equals(file)).toList();
		}
	}

	private static final Map<IProject, ProjectResult> RESULTS = new ConcurrentHashMap<>();
	/** The last result without model errors, kept while later builds find errors (see {@link StaleReports}). */
	private static final Map<IProject, ProjectResult> LAST_GOOD = new ConcurrentHashMap<>();
	private static final ListenerList<Listener> LISTENERS = new ListenerList<>();
	private static volatile boolean watching;

	private ZcBuildResults() {
	}

	/** The last build's results of a project, or null when it has not been built in this session. */
	public static ProjectResult of(IProject project) {
		return RESULTS.get(project);
	}

	/**
	 * The last result of a project whose models had no errors, in this session, or null. While the models have
	 * errors, views show it as stale ({@link StaleReports#of(IProject)} says since when).
	 */
	public static ProjectResult lastGood(IProject project) {
		return LAST_GOOD.get(project);
	}

	/** Registers a listener (once; adding it again has no effect). */
	public static void addListener(Listener listener) {
		LISTENERS.add(listener);
	}

	/** Unregisters a listener. */
	public static void removeListener(Listener listener) {
		LISTENERS.remove(listener);
	}

	static void publish(ProjectResult result) {
		watchProjects();
		RESULTS.put(result.project(), result);
		if (result.modelErrors() == 0) {
			LAST_GOOD.put(result.project(), result);
		}
		notifyListeners(result.project());
	}

	static void forget(IProject project) {
		LAST_GOOD.remove(project);
		if (RESULTS.remove(project) != null) {
			notifyListeners(project);
		}
	}

	private static void notifyListeners(IProject project) {
		for (Listener listener : LISTENERS) {
			try {
				listener.resultsChanged(project);
			} catch (RuntimeException e) {
				// a broken view must not fail the build
				ILog.of(ZcBuildResults.class).error("A build-results listener failed: " + e.getMessage(), e);
			}
		}
	}

	/** Drops the results of projects that are closed or deleted, so that views do not show them. */
	private static void watchProjects() {
		if (watching) {
			return;
		}
		synchronized (ZcBuildResults.class) {
			if (!watching) {
				ResourcesPlugin.getWorkspace().addResourceChangeListener(event -> {
					if (event.getResource() instanceof IProject project) {
						forget(project);
					}
				}, IResourceChangeEvent.PRE_CLOSE | IResourceChangeEvent.PRE_DELETE);
				watching = true;
			}
		}
	}
}
