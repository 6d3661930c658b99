package org.zerocarbon.workspace.tests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.zerocarbon.workspace.ZcNature;

/** ZeroCarbon projects in the test workspace (auto-build off: tests build explicitly) and their files. */
final class TestProjects {

	private TestProjects() {
	}

	/** A new open project with the ZeroCarbon nature. */
	static IProject create(String name) throws CoreException {
		ResourcesPlugin.getWorkspace().getDescription().setAutoBuilding(false);
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject(name);
		project.create(null);
		project.open(null);
		ZcNature.addTo(project, null);
		return project;
	}

	/** Creates a file (and its folder) with the text as UTF-8. */
	static IFile write(IProject project, String path, String content) throws CoreException {
		IFile file = project.getFile(path);
		if (file.getParent() instanceof IFolder folder && !folder.exists()) {
			folder.create(true, true, null);
		}
		file.create(utf8(content), true, null);
		return file;
	}

	static ByteArrayInputStream utf8(String content) {
		return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
	}
}
