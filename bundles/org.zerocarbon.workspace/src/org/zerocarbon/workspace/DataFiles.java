package org.zerocarbon.workspace;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.lang.data.DataLocations;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.ZcModel;

/**
 * The data files the models' file-based sources read (CSV exports, MTConnect recordings and probes), so that a
 * build runs when only a data file changes: each source's location (a path whose last segment may be a glob) is kept
 * as a folder and a name pattern, with the model file that declares the source. A file added, removed or changed in
 * a resource delta that matches one of them names that model file. Files outside the workspace's projects give no
 * deltas and are not watched; live sources (agents, servers) have no files.
 */
final class DataFiles {

	/** No source reads a file (before the first build). */
	static final DataFiles NONE = new DataFiles(List.of());

	/** A folder and a name (or glob) a source reads, and the model file declaring the source. */
	private record Watch(Path folder, String name, PathMatcher glob, URI model) {
		boolean matches(Path file) {
			if (!folder.equals(file.getParent())) {
				return false;
			}
			return glob == null ? name.equals(file.getFileName().toString()) : glob.matches(file.getFileName());
		}
	}

	private final List<Watch> watches;

	private DataFiles(List<Watch> watches) {
		this.watches = List.copyOf(watches);
	}

	/** The data files read by the sources declared in {@code files} (top-level elements: sources are nowhere else). */
	static DataFiles of(ResourceSet models, Collection<URI> files) {
		List<Watch> watches = new ArrayList<>();
		for (URI uri : files) {
			Resource resource = models.getResource(uri, false);
			if (resource == null) {
				continue;
			}
			for (EObject root : resource.getContents()) {
				if (root instanceof ZcModel model) {
					for (EObject element : model.getElements()) {
						if (element instanceof DataSource source && !source.isLive()) {
							Optional<Path> folder = DataLocations.folderOf(resource);
							if (folder.isPresent()) {
								watch(watches, folder.get(), source.getLocation(), uri);
								watch(watches, folder.get(), source.getProbe(), uri);
							}
						}
					}
				}
			}
		}
		return new DataFiles(watches);
	}

	private static void watch(List<Watch> watches, Path base, String location, URI model) {
		if (location == null || location.isBlank()) {
			return;
		}
		String text = location.replace('\\', '/');
		int slash = text.lastIndexOf('/');
		String name = text.substring(slash + 1);
		try {
			Path folder = (slash < 0 ? base : base.resolve(text.substring(0, slash))).toAbsolutePath().normalize();
			PathMatcher glob = DataLocations.isGlob(name) ? FileSystems.getDefault().getPathMatcher("glob:" + name) : null;
			watches.add(new Watch(folder, name, glob, model));
		} catch (IllegalArgumentException e) {
			// InvalidPathException or a bad glob: the validator reports the location; there is nothing to watch
		}
	}

	/** Whether no source reads a file. */
	boolean isEmpty() {
		return watches.isEmpty();
	}

	/**
	 * The model files whose sources read a file that the delta adds, removes or changes the content of.
	 *
	 * @param existence receives those whose data files were added or removed (the validator's "no data" warning
	 *                  may change, so they are to be validated again)
	 */
	Set<URI> touchedBy(IResourceDelta delta, Set<URI> existence) throws CoreException {
		Set<URI> touched = new LinkedHashSet<>();
		if (watches.isEmpty()) {
			return touched;
		}
		delta.accept(child -> {
			IResource resource = child.getResource();
			if (resource.getType() != IResource.FILE) {
				return true;
			}
			boolean content = child.getKind() != IResourceDelta.CHANGED
					|| (child.getFlags() & (IResourceDelta.CONTENT | IResourceDelta.REPLACED)) != 0;
			IPath location = resource.getLocation();
			if (content && location != null) {
				Path file = location.toFile().toPath().toAbsolutePath().normalize();
				for (Watch watch : watches) {
					if (watch.matches(file)) {
						touched.add(watch.model());
						if (child.getKind() != IResourceDelta.CHANGED) {
							existence.add(watch.model());
						}
					}
				}
			}
			return false;
		});
		return touched;
	}
}
