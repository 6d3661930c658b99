package org.zerocarbon.ui.wizards;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.INewWizard;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.WorkspaceModifyOperation;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.wizards.newresource.BasicNewResourceWizard;
import org.zerocarbon.ui.internal.Icons;

/**
 * What the ZeroCarbon wizards share: the resources are created in one workspace operation with progress (undone as
 * a whole when it fails), problems are shown in a dialog, and the model file created is revealed and opened.
 */
abstract class CreationWizard extends Wizard implements INewWizard {

	/** The work that creates the resources and returns the model file to open; runs outside the UI thread. */
	@FunctionalInterface
	interface Creation {
		IFile run(IProgressMonitor monitor) throws CoreException;
	}

	protected IWorkbench workbench;
	protected IStructuredSelection selection;
	private IFile created;

	CreationWizard(String title) {
		setWindowTitle(title);
		setNeedsProgressMonitor(true);
		setDefaultPageImageDescriptor(Icons.descriptor("zc32"));
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		this.workbench = workbench;
		this.selection = selection;
	}

	/** Reads the pages (on the UI thread) and returns the work to do. */
	protected abstract Creation creation();

	/** What is created, for messages, e.g. "The project demo". */
	protected abstract String what();

	/** The model file created and opened (for tests). */
	public IFile createdFile() {
		return created;
	}

	/** Creates the folder and its missing parents. */
	static void createFolders(IContainer container) throws CoreException {
		if (container instanceof IFolder folder && !folder.exists()) {
			createFolders(folder.getParent());
			folder.create(false, true, null);
		}
	}

	@Override
	public boolean performFinish() {
		Creation creation = creation();
		WorkspaceModifyOperation operation = new WorkspaceModifyOperation() {
			@Override
			protected void execute(IProgressMonitor monitor) throws CoreException {
				created = creation.run(monitor);
			}
		};
		try {
			getContainer().run(true, true, operation);
		} catch (InterruptedException e) {
			return false;
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause();
			ErrorDialog.openError(getShell(), getWindowTitle(), what() + " could not be created.",
					cause instanceof CoreException core ? core.getStatus() : Status.error(String.valueOf(cause.getMessage()), cause));
			return false;
		}
		BasicNewResourceWizard.selectAndReveal(created, workbench.getActiveWorkbenchWindow());
		try {
			IDE.openEditor(workbench.getActiveWorkbenchWindow().getActivePage(), created, true);
		} catch (PartInitException e) {
			ErrorDialog.openError(getShell(), getWindowTitle(), what() + " was created, but " + created.getName() + " could not be opened.",
					e.getStatus());
		}
		return true;
	}
}
