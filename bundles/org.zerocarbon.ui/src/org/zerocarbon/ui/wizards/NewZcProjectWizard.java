package org.zerocarbon.ui.wizards;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IProjectDescription;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.WizardNewProjectCreationPage;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.ModelTemplates;
import org.zerocarbon.workspace.ZcNature;

/**
 * Creates a ZeroCarbon project: the nature (and so the builder), the chosen files of the example factor library and
 * methodologies, and either the example models (the housing cell) or a new line using a grid factor of the
 * library. The line file is opened at the end.
 */
public class NewZcProjectWizard extends CreationWizard {

	/** Wizard id, as registered in plugin.xml. */
	public static final String ID = "org.zerocarbon.ui.wizards.newProject";

	private WizardNewProjectCreationPage projectPage;
	private ProjectContentPage contentPage;

	/** What to put into the new project. */
	record Content(List<BundledExamples.Entry> library, boolean exampleModels, String lineName, BundledExamples.GridFactor grid) {
	}

	public NewZcProjectWizard() {
		super("New ZeroCarbon Project");
	}

	/** Opens the wizard in a dialog. */
	public static void open(Shell shell) {
		NewZcProjectWizard wizard = new NewZcProjectWizard();
		wizard.init(PlatformUI.getWorkbench(), StructuredSelection.EMPTY);
		new WizardDialog(shell, wizard).open();
	}

	@Override
	public void addPages() {
		projectPage = new WizardNewProjectCreationPage("project");
		projectPage.setTitle("ZeroCarbon Project");
		projectPage.setDescription("Create a project for lines, energy loops and parks; its models are checked and reported on every save.");
		addPage(projectPage);
		contentPage = new ProjectContentPage();
		addPage(contentPage);
	}

	@Override
	protected Creation creation() {
		IProject project = projectPage.getProjectHandle();
		URI location = projectPage.useDefaults() ? null : projectPage.getLocationURI();
		Content content = contentPage.content();
		return monitor -> create(project, location, content, monitor);
	}

	@Override
	protected String what() {
		return "The project " + projectPage.getProjectName();
	}

	/**
	 * Creates and fills the project; UI-free, so that tests can call it.
	 *
	 * @param location the project's location, or null for the default one in the workspace
	 * @return the line file to open
	 */
	static IFile create(IProject project, URI location, Content content, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Creating " + project.getName(), 4 + content.library().size());
		IWorkspace workspace = ResourcesPlugin.getWorkspace();
		IProjectDescription description = workspace.newProjectDescription(project.getName());
		description.setLocationURI(location);
		description.setComment("ZeroCarbon project");
		project.create(description, progress.split(1));
		project.open(progress.split(1));
		ZcNature.addTo(project, progress.split(1));
		try {
			for (BundledExamples.Entry entry : content.library()) {
				write(project.getFile(entry.path()), BundledExamples.read(entry.resource()), progress.split(1));
			}
			IFile line;
			if (content.exampleModels()) {
				line = null;
				for (BundledExamples.Entry entry : BundledExamples.models()) {
					IFile file = project.getFile(IPath.fromOSString("model").append(entry.path()));
					write(file, BundledExamples.read(entry.resource()), null);
					if (line == null || entry.path().equals("cell.zc")) {
						line = file;
					}
				}
			} else {
				BundledExamples.GridFactor grid = content.grid();
				ModelTemplates.Site site = grid == null ? null : new ModelTemplates.Site("Plant", grid.region(), grid.qualifiedName());
				String pkg = ModelTemplates.packageFor(project.getName());
				line = project.getFile("model/" + content.lineName().toLowerCase(java.util.Locale.ROOT) + ".zc");
				// the first machine is made of the library's first material and comes by its first freight factor (a truck
				// in the bundled library), so that the new project starts without "no material"/"no transport" warnings
				ModelTemplates.Supply supply = new ModelTemplates.Supply(BundledExamples.firstFactor("material", content.library()),
						BundledExamples.firstFactor("transport", content.library()));
				write(line, ModelTemplates.render(ModelTemplates.Kind.LINE, pkg, content.lineName(), "", site, supply), null);
			}
			progress.split(1);
			return line;
		} catch (IOException e) {
			throw new CoreException(Status.error("Cannot read the bundled examples: " + e.getMessage(), e));
		}
	}

	private static void write(IFile file, String text, IProgressMonitor monitor) throws CoreException {
		createFolders(file.getParent());
		// UTF-8, as the .zc content type declares
		file.create(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), false, monitor);
	}
}
