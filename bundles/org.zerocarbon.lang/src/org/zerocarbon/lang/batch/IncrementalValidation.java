package org.zerocarbon.lang.batch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;

/**
 * Validation that keeps the files of a project loaded between runs and, after a change, re-reads only the files
 * that changed and the files that depend on them, as Xtext's incremental builder does. This is what makes a save in
 * the workbench fast: editing a line does not re-parse the factor libraries and the methodology it uses.
 * <p>
 * The rules that keep the result exactly that of a full {@link ModelValidation#load}:
 * <ul>
 * <li>A file is re-read when its stamp changed; every file that references an object in a re-read file is re-read
 * too (transitively), so no resolved reference can point to an object of an old version of a file.</li>
 * <li>When the names a changed file exports change (an element added, removed or renamed), references anywhere may
 * now resolve differently (or a duplicate name appear), so everything is re-read; so it is when their index data
 * change (a factor's kind or region, a certificate's tracking id, a methodology's vintage window), which rules of
 * other files read. The same holds when a file is added
 * or removed.</li>
 * <li>Files that are not re-read keep their problems from the previous run: nothing they see has changed.</li>
 * <li>A cancelled run forgets everything, and the next run is a full one.</li>
 * </ul>
 * Not thread-safe: one instance per project, used by one build at a time. The resource set it returns stays owned
 * by this object; callers read it until the next {@link #update}.
 */
public final class IncrementalValidation {

	private final ModelValidation validation;
	private State state;
	private int lastReloaded;

	/** What is known after a run, per file URI. */
	private record State(XtextResourceSet resourceSet, ResourceDescriptionsData index, Map<URI, Object> stamps,
			Map<URI, List<Problem>> problems, Map<URI, Set<URI>> dependencies, Map<URI, Set<String>> exports) {
	}

	public IncrementalValidation(ModelValidation validation) {
		this.validation = validation;
	}

	/** An incremental validation over the shared language injector. */
	public static IncrementalValidation create() {
		return new IncrementalValidation(ModelValidation.create());
	}

	/**
	 * Brings the models up to date with the files and validates what changed.
	 *
	 * @param files    every model file that belongs to the run, with a stamp that changes whenever its content does
	 *                 (e.g. the workspace's modification stamp); the iteration order is the load order
	 * @param canceled polled between files; a cancelled run returns the problems found so far and is forgotten
	 * @return the loaded models and the problems of all files, in {@link Problem#READING_ORDER}
	 */
	public ModelValidation.Loaded update(Map<URI, ?> files, BooleanSupplier canceled) {
		State previous = state;
		state = null;
		if (previous == null || !previous.stamps.keySet().equals(files.keySet())) {
			return full(files, canceled);
		}
		Set<URI> changed = new LinkedHashSet<>();
		files.forEach((uri, stamp) -> {
			if (!stamp.equals(previous.stamps.get(uri))) {
				changed.add(uri);
			}
		});
		if (changed.isEmpty()) {
			lastReloaded = 0;
			state = previous;
			return new ModelValidation.Loaded(previous.resourceSet, all(previous.problems));
		}
		Set<URI> affected = withDependents(changed, previous.dependencies);
		State next = new State(previous.resourceSet, previous.index, new LinkedHashMap<>(files), new HashMap<>(previous.problems),
				new HashMap<>(previous.dependencies), new HashMap<>(previous.exports));
		affected.forEach(next.problems::remove);
		List<Resource> reloaded = reload(next, affected, canceled);
		if (reloaded == null) {
			return new ModelValidation.Loaded(next.resourceSet, all(next.problems));
		}
		for (Resource resource : reloaded) {
			if (changed.contains(resource.getURI()) && !exports(next.index, resource).equals(next.exports.get(resource.getURI()))) {
				// the names visible to other files changed: any reference may now resolve differently
				return full(files, canceled);
			}
		}
		if (!check(next, reloaded, canceled)) {
			return new ModelValidation.Loaded(next.resourceSet, all(next.problems));
		}
		lastReloaded = reloaded.size();
		state = next;
		return new ModelValidation.Loaded(next.resourceSet, all(next.problems));
	}

	/** How many files the last {@link #update} read (all of them after a full run); for tests and benchmarks. */
	public int lastReloaded() {
		return lastReloaded;
	}

	/** Forgets everything: the next run reads all files. */
	public void forget() {
		state = null;
	}

	private ModelValidation.Loaded full(Map<URI, ?> files, BooleanSupplier canceled) {
		XtextResourceSet resourceSet = validation.newResourceSet();
		Map<URI, List<Problem>> problems = new HashMap<>();
		List<Resource> loaded = new ArrayList<>();
		for (URI file : files.keySet()) {
			if (canceled.getAsBoolean()) {
				return new ModelValidation.Loaded(resourceSet, all(problems));
			}
			Problem unreadable = validation.loadInto(resourceSet, file);
			if (unreadable == null) {
				loaded.add(resourceSet.getResource(file, false));
			} else {
				problems.computeIfAbsent(file, k -> new ArrayList<>()).add(unreadable);
			}
		}
		ResourceDescriptionsData index = ModelValidation.installIndex(resourceSet, loaded);
		State next = new State(resourceSet, index, new LinkedHashMap<>(files), problems, new HashMap<>(), new HashMap<>());
		if (!check(next, loaded, canceled)) {
			return new ModelValidation.Loaded(resourceSet, all(problems));
		}
		lastReloaded = files.size();
		state = next;
		return new ModelValidation.Loaded(resourceSet, all(problems));
	}

	/**
	 * Unloads and loads again the affected files, updating the index of {@code next} and recording files that can no
	 * longer be read among its problems; null when cancelled.
	 */
	private List<Resource> reload(State next, Set<URI> affected, BooleanSupplier canceled) {
		XtextResourceSet resourceSet = next.resourceSet;
		for (URI uri : affected) {
			// out of the index before the unload: the index's description of the old file reads its (still loaded)
			// contents to find the names to drop; after an unload it would load the file again
			next.index.removeDescription(uri);
			Resource old = resourceSet.getResource(uri, false);
			if (old != null) {
				old.unload();
				resourceSet.getResources().remove(old);
			}
		}
		List<Resource> reloaded = new ArrayList<>();
		for (URI uri : affected) {
			if (canceled.getAsBoolean()) {
				return null;
			}
			Problem unreadable = validation.loadInto(resourceSet, uri);
			if (unreadable == null) {
				Resource resource = resourceSet.getResource(uri, false);
				reloaded.add(resource);
				if (resource instanceof XtextResource xtext) {
					next.index.addDescription(uri, ModelValidation.describe(xtext));
				}
			} else {
				next.problems.put(uri, new ArrayList<>(List.of(unreadable)));
			}
		}
		return reloaded;
	}

	/** Resolves and validates the given resources into {@code next}; false when cancelled. */
	private boolean check(State next, List<Resource> resources, BooleanSupplier canceled) {
		for (Resource resource : resources) {
			if (canceled.getAsBoolean()) {
				return false;
			}
			URI uri = resource.getURI();
			List<Problem> found = next.problems.computeIfAbsent(uri, k -> new ArrayList<>());
			found.addAll(validation.resolveAndValidate(resource, canceled));
			next.dependencies.put(uri, referencedResources(resource));
			next.exports.put(uri, exports(next.index, resource));
		}
		return !canceled.getAsBoolean();
	}

	/** The files whose objects this resource's (resolved) references point to, itself excluded. */
	private static Set<URI> referencedResources(Resource resource) {
		Set<URI> targets = new HashSet<>();
		for (TreeIterator<EObject> contents = resource.getAllContents(); contents.hasNext();) {
			for (EObject target : contents.next().eCrossReferences()) {
				Resource other = target.eIsProxy() ? null : target.eResource();
				if (other != null && other != resource) {
					targets.add(other.getURI());
				}
			}
		}
		return targets;
	}

	/** The names (with their types and index data) a file makes visible to others. */
	private static Set<String> exports(ResourceDescriptionsData index, Resource resource) {
		Set<String> names = new HashSet<>();
		IResourceDescription description = index.getResourceDescription(resource.getURI());
		if (description != null) {
			for (IEObjectDescription exported : description.getExportedObjects()) {
				StringBuilder name = new StringBuilder(exported.getQualifiedName() + ":" + exported.getEClass().getName());
				// what rules of other files read from the index: a factor's kind and region, a certificate's tracking
				// id, a methodology's vintage window and required modules
				for (String key : new java.util.TreeSet<>(java.util.Arrays.asList(exported.getUserDataKeys()))) {
					name.append(';').append(key).append('=').append(exported.getUserData(key));
				}
				names.add(name.toString());
			}
		}
		return names;
	}

	/** The changed files and, transitively, every file that references one of them. */
	private static Set<URI> withDependents(Set<URI> changed, Map<URI, Set<URI>> dependencies) {
		Set<URI> affected = new LinkedHashSet<>(changed);
		Deque<URI> work = new ArrayDeque<>(changed);
		while (!work.isEmpty()) {
			URI target = work.pop();
			dependencies.forEach((file, targets) -> {
				if (targets.contains(target) && affected.add(file)) {
					work.push(file);
				}
			});
		}
		return affected;
	}

	private static List<Problem> all(Map<URI, List<Problem>> problems) {
		List<Problem> all = new ArrayList<>();
		problems.values().forEach(all::addAll);
		all.sort(Problem.READING_ORDER);
		return all;
	}
}
