package org.zerocarbon.lang.data;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.common.CommonPlugin;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.zerocarbon.model.zc.DataSource;

/**
 * Where the files of a data source are: its location is relative to the file that declares the source (so a model
 * and its data move together in git), and its last segment may be a glob ({@code mtconnect/vmc1-*.xml.gz}).
 * Used by the validator (does the data exist?), the engine's binding and the evidence package alike.
 */
public final class DataLocations {

	private DataLocations() {
	}

	/** The folder of the model file that declares the element, as a local path, or empty (an in-memory resource). */
	public static Optional<Path> folderOf(Resource resource) {
		if (resource == null || resource.getURI() == null) {
			return Optional.empty();
		}
		URI uri = resource.getURI();
		if (uri.isPlatform()) {
			uri = CommonPlugin.asLocalURI(uri); // platform:/resource -> file: inside a running workspace
		}
		if (!uri.isFile() || uri.isRelative()) {
			return Optional.empty(); // a relative URI (an in-memory or test resource) has no folder of its own
		}
		try {
			Path file = Path.of(uri.toFileString());
			return Optional.ofNullable(file.toAbsolutePath().getParent());
		} catch (InvalidPathException e) {
			return Optional.empty();
		}
	}

	/**
	 * The files a (file-based) source reads, sorted by name; empty when none exists or the location cannot be resolved.
	 *
	 * @throws IllegalArgumentException when the location is not a valid path or glob
	 */
	public static List<Path> files(DataSource source) {
		Optional<Path> folder = folderOf(source.eResource());
		if (folder.isEmpty() || source.getLocation() == null || source.isLive()) {
			return List.of();
		}
		return files(folder.get(), source.getLocation());
	}

	/** The files matching {@code location} (a relative or absolute path whose last segment may be a glob) under {@code base}. */
	public static List<Path> files(Path base, String location) {
		Path path;
		String last;
		int slash = location.replace('\\', '/').lastIndexOf('/');
		String dir = slash < 0 ? "" : location.substring(0, slash);
		last = slash < 0 ? location : location.substring(slash + 1);
		try {
			path = dir.isEmpty() ? base : base.resolve(dir);
		} catch (InvalidPathException e) {
			throw new IllegalArgumentException("'" + location + "' is not a valid path: " + e.getReason());
		}
		if (!isGlob(last)) {
			Path file = path.resolve(last);
			return Files.isRegularFile(file) ? List.of(file) : List.of();
		}
		PathMatcher matcher;
		try {
			matcher = FileSystems.getDefault().getPathMatcher("glob:" + last);
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("'" + last + "' is not a valid file pattern: " + e.getMessage());
		}
		List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(path)) {
			return files;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
			for (Path entry : entries) {
				if (Files.isRegularFile(entry) && matcher.matches(entry.getFileName())) {
					files.add(entry);
				}
			}
		} catch (IOException e) {
			return List.of();
		}
		files.sort(null);
		return files;
	}

	/** Whether a file name holds glob characters. */
	public static boolean isGlob(String name) {
		return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0 || name.indexOf('{') >= 0;
	}
}
