package org.zerocarbon.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.xtext.ide.server.IMultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.workspace.FileProjectConfig;
import org.eclipse.xtext.workspace.IWorkspaceConfig;
import org.eclipse.xtext.workspace.WorkspaceConfig;

import com.google.inject.Inject;

/**
 * All folders of a (multi-root) workspace as one model set, the way {@code zcw validate a/ b/} validates the files
 * of both folders together: a line in one folder resolves the factors of a library in another.
 * <p>
 * Xtext's default makes each folder a project of its own that sees no other (its projects have no dependencies),
 * and declaring every folder a dependency of every other would be a dependency cycle, which Xtext's build refuses.
 * So the workspace is one project rooted at the folders' deepest common directory, with each folder as one of its
 * source folders (only those are scanned; a folder inside another is scanned once).
 */
public class WorkspaceFolders implements IMultiRootWorkspaceConfigFactory {

	/** The project's name, as the index and the diagnostics' sources see it. */
	static final String PROJECT = "zerocarbon-workspace";

	@Inject
	private UriExtensions uris;

	@Override
	public IWorkspaceConfig getWorkspaceConfig(List<WorkspaceFolder> folders) {
		List<Path> roots = new ArrayList<>();
		for (WorkspaceFolder folder : folders == null ? List.<WorkspaceFolder>of() : folders) {
			URI uri = uris.toUri(folder.getUri());
			if (uri.isFile()) {
				roots.add(Path.of(uri.toFileString()).toAbsolutePath().normalize());
			}
		}
		// a folder inside another is already scanned with it
		List<Path> distinct = roots.stream().distinct()
				.filter(root -> roots.stream().noneMatch(other -> !other.equals(root) && root.startsWith(other))).sorted().toList();
		if (distinct.isEmpty()) {
			return new WorkspaceConfig();
		}
		Path common = distinct.get(0);
		for (Path root : distinct) {
			while (!root.startsWith(common)) {
				common = common.getParent();
			}
		}
		WorkspaceConfig workspace = new WorkspaceConfig();
		FileProjectConfig project = new FileProjectConfig(URI.createFileURI(common.toString() + (common.toString().endsWith("/") ? "" : "/")), PROJECT,
				workspace);
		for (Path root : distinct) {
			String relative = common.relativize(root).toString().replace('\\', '/');
			project.addSourceFolder(relative.isEmpty() ? "." : relative);
		}
		workspace.addProject(project);
		return workspace;
	}
}
