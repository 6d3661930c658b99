package org.zerocarbon.ui.wizards;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IImportWizard;
import org.eclipse.ui.IWorkbench;
import org.zerocarbon.interop.EpdImport;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;

/**
 * File > Import > ZeroCarbon > EPD: imports an ILCD+EPD dataset or package, or an openEPD document, into a factor
 * library of the workspace (created when missing), as {@code zcw import-epd} does (see docs/interop.md).
 */
public class EpdImportWizard extends Wizard implements IImportWizard {

	/** Wizard id, as registered in plugin.xml. */
	public static final String ID = "org.zerocarbon.ui.wizards.importEpd";

	private IStructuredSelection selection;
	private Page page;

	public EpdImportWizard() {
		setWindowTitle("Import EPD");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection currentSelection) {
		this.selection = currentSelection;
	}

	@Override
	public void addPages() {
		page = new Page(defaultLibrary(selection));
		addPage(page);
	}

	/** The selected .zc file, or supplier-epds.zc in the selected folder or project; empty without a selection. */
	static String defaultLibrary(IStructuredSelection selection) {
		Object first = selection == null ? null : selection.getFirstElement();
		if (first instanceof IFile file && "zc".equals(file.getFileExtension())) {
			return file.getFullPath().toString();
		}
		if (first instanceof IResource resource) {
			IContainer container = resource instanceof IContainer c ? c : resource.getParent();
			return container.getFullPath().append("supplier-epds.zc").toString();
		}
		return "";
	}

	@Override
	public boolean performFinish() {
		String source = page.source.getText().trim();
		String target = page.library.getText().trim();
		String unit = page.unit.getText().trim();
		if (source.isEmpty() || !Files.isRegularFile(Path.of(source))) {
			page.setErrorMessage("Choose the EPD file to import (.xml, .zip or .json)");
			return false;
		}
		if (!target.endsWith(".zc") || target.split("/").length < 3) {
			page.setErrorMessage("Give the library as a .zc file in a project, e.g. /MyProject/lib/supplier-epds.zc");
			return false;
		}
		IFile file = ResourcesPlugin.getWorkspace().getRoot().getFile(new org.eclipse.core.runtime.Path(target));
		if (!file.getProject().isOpen()) {
			page.setErrorMessage("The project " + file.getProject().getName() + " is not open");
			return false;
		}
		String[] message = new String[1];
		try {
			getContainer().run(true, true, monitor -> {
				try {
					message[0] = run(Path.of(source), file, unit.isEmpty() ? null : unit, monitor);
				} catch (CoreException e) {
					throw new InvocationTargetException(e);
				} catch (OperationCanceledException e) {
					throw new InterruptedException();
				}
			});
		} catch (InvocationTargetException e) {
			page.setErrorMessage(e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			return false;
		}
		MessageDialog.openInformation(getShell(), "EPD imported", message[0]);
		return true;
	}

	/**
	 * Imports into the workspace file (creating its folders) and refreshes the project; UI-free, so that tests can
	 * call it. Returns what was done, in words; a file that cannot be imported is a CoreException with the
	 * importer's {@code file:line: message}.
	 */
	public static String run(Path source, IFile library, String unit, IProgressMonitor monitor) throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Importing " + source.getFileName(), 10);
		library.getParent().getLocation().toFile().mkdirs();
		ImportReport report;
		try {
			report = EpdImport.run(source, source.getFileName().toString(), library.getLocation().toFile().toPath(), unit,
					Clock.systemDefaultZone(), progress.split(8));
		} catch (InteropException e) {
			throw new CoreException(Status.error(e.getMessage(), e));
		} finally {
			library.getProject().refreshLocal(IResource.DEPTH_INFINITE, progress.split(2));
		}
		StringBuilder message = new StringBuilder();
		message.append(report.added().size()).append(" products added ").append(report.added()).append(", ").append(report.replaced().size())
				.append(" replaced ").append(report.replaced()).append(" in ").append(library.getFullPath()).append('.');
		report.warnings().forEach(w -> message.append("\n\nWarning: ").append(w));
		if (!report.ignored().isEmpty()) {
			message.append("\n\nNot imported (").append(report.ignored().size()).append("):");
			report.ignored().stream().limit(10).forEach(i -> message.append("\n- ").append(i));
		}
		return message.toString();
	}

	/** Source file, target library, declared unit. */
	static final class Page extends WizardPage {
		Text source;
		Text library;
		Text unit;
		private final String initialLibrary;

		Page(String initialLibrary) {
			super("epd");
			this.initialLibrary = initialLibrary;
			setTitle("Import an EPD");
			setDescription("ILCD+EPD (one dataset .xml or a package .zip) or openEPD (.json), into a factor library");
		}

		@Override
		public void createControl(Composite parent) {
			Composite body = new Composite(parent, SWT.NONE);
			body.setLayout(new GridLayout(3, false));
			new Label(body, SWT.NONE).setText("EPD &file:");
			source = new Text(body, SWT.BORDER);
			source.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
			Button browse = new Button(body, SWT.PUSH);
			browse.setText("&Browse...");
			browse.addListener(SWT.Selection, e -> {
				FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
				dialog.setFilterExtensions(new String[] { "*.xml;*.zip;*.json", "*.*" });
				String chosen = dialog.open();
				if (chosen != null) {
					source.setText(chosen);
				}
			});
			new Label(body, SWT.NONE).setText("Into &library:");
			library = new Text(body, SWT.BORDER);
			library.setText(initialLibrary);
			library.setMessage("/Project/lib/supplier-epds.zc");
			library.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			new Label(body, SWT.NONE).setText("Declared &unit:");
			unit = new Text(body, SWT.BORDER);
			unit.setMessage("only for a single ILCD dataset, e.g. 1 m2");
			unit.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
			Label note = new Label(body, SWT.WRAP);
			note.setText("A product whose EPD is already in the library is replaced; the rest of the file is kept as it is.");
			note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
			setControl(body);
		}
	}
}
