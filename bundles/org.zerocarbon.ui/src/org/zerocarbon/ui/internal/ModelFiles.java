package org.zerocarbon.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.emf.common.util.URI;

/** The model files the builder reads for a project, for the parts of the UI that load the models themselves. */
public final class ModelFiles {

	private ModelFiles() {
	}

	/** The model files of the project and of the open projects it references, as file URIs. */
	public static List<URI> of(IProject project) throws CoreException {
		List<IProject> projects = new ArrayList<>(List.of(project));
		for (IProject referenced : project.getReferencedProjects()) {
			if (referenced.isAccessible()) {
				projects.add(referenced);
			}
		}
		List<URI> files = new ArrayList<>();
		for (IProject p : projects) {
			p.accept(proxy -> {
				if (proxy.isDerived() || proxy.isHidden() || proxy.isTeamPrivateMember()) {
					return false; // the builder reads none of these either
				}
				if (proxy.getType() == IResource.FILE && proxy.getName().endsWith(".zc")) {
					IPath location = ((IFile) proxy.requestResource()).getLocation();
					if (location != null && !files.contains(URI.createFileURI(location.toFile().getAbsolutePath()))) {
						files.add(URI.createFileURI(location.toFile().getAbsolutePath()));
					}
				}
				return proxy.getType() != IResource.FILE;
			}, IResource.NONE);
		}
		return files;
	}
}
