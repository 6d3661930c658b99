package org.zerocarbon.ui.wizards;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.ModelTemplates;
import org.zerocarbon.workspace.ZcNature;

/**
 * Creates a model file: a line, an energy loop, a park, a factor library, a methodology or a criteria set, from a
 * skeleton that validates without errors, in a chosen folder and package. Opens it in the editor.
 */
public class NewModelFileWizard extends CreationWizard {

	/** Wizard id, as registered in plugin.xml. */
	public static final String ID = "org.zerocarbon.ui.wizards.newModelFile";

	/**
	 * What to create.
	 *
	 * @param container   the folder or project
	 * @param fileName    the file's name, with the {@code .zc} extension
	 * @param kind        the kind of element
	 * @param packageName the package, or empty
	 * @param name        the element's name
	 * @param description the element's description, or empty
	 * @param addNature   whether to give the project the ZeroCarbon nature (if it lacks it)
	 * @param site        for a line: the site to write, on a grid factor of the project or the bundled library; null
	 *                    for a site on a placeholder grid factor in the new file
	 * @param copy        a bundled library file the site's grid factor comes from, copied into the project (to its
	 *                    path in the library) unless a file is there already; or null
	 * @param supply      for a line: the first machine's frame and delivery, on factors of the project; or null
	 */
	record Request(IContainer container, String fileName, ModelTemplates.Kind kind, String packageName, String name, String description,
			boolean addNature, ModelTemplates.Site site, BundledExamples.Entry copy, ModelTemplates.Supply supply) {
	}

	private ModelFilePage page;

	public NewModelFileWizard() {
		super("New ZeroCarbon Model File");
	}

	@Override
	public void addPages() {
		page = new ModelFilePage(selection);
		addPage(page);
	}

	@Override
	protected Creation creation() {
		Request request = page.request();
		return monitor -> create(request, monitor);
	}

	@Override
	protected String what() {
		return page.request().fileName();
	}

	/** Creates the file (and missing folders); UI-free, so that tests can call it. */
	static IFile create(Request request, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Creating " + request.fileName(), 4);
		IContainer container = request.container();
		createFolders(container);
		progress.worked(1);
		if (request.copy() != null) {
			IFile library = container.getProject().getFile(request.copy().path());
			if (!library.exists()) {
				createFolders(library.getParent());
				try {
					library.create(new ByteArrayInputStream(BundledExamples.read(request.copy().resource()).getBytes(StandardCharsets.UTF_8)), false,
							progress.split(1));
				} catch (java.io.IOException e) {
					throw new CoreException(org.eclipse.core.runtime.Status.error("Cannot read the bundled library: " + e.getMessage(), e));
				}
			}
		}
		IFile file = container.getFile(org.eclipse.core.runtime.IPath.fromOSString(request.fileName()));
		String text = ModelTemplates.render(request.kind(), request.packageName(), request.name(), request.description(), request.site(),
				request.supply());
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), false, progress.split(1));
		IProject project = container.getProject();
		if (request.addNature()) {
			ZcNature.addTo(project, progress.split(1));
		}
		return file;
	}
}
