package org.zerocarbon.ui.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.resources.WorkspaceJob;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.intro.IIntroSite;
import org.eclipse.ui.part.IntroPart;
import org.eclipse.ui.progress.UIJob;
import org.zerocarbon.ui.views.HelpView;
import org.zerocarbon.ui.wizards.NewModelFileWizard;
import org.zerocarbon.ui.wizards.NewZcProjectWizard;

/**
 * The Welcome page (Help &gt; Welcome, Show View &gt; Welcome): what the product is for, and one click to the
 * example, a new project or model file, and the guides. Plain SWT (the Platform's Universal Intro needs
 * {@code org.eclipse.ui.intro}, which is not on Maven Central). Every action closes the page and happens in the
 * workbench behind it.
 */
public class WelcomePart extends IntroPart {

	/** The actions offered, by the text of their link (for tests). */
	public static final List<String> ACTIONS = List.of("Open the example line", "Create a ZeroCarbon project",
			"Create a ZeroCarbon model file", "Read the workbench guide", "Read the language reference");

	private Composite body;
	private Font title;
	private final List<Link> links = new ArrayList<>();

	@Override
	public void createPartControl(Composite parent) {
		ScrolledComposite scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
		body = new Composite(scrolled, SWT.NONE);
		GridLayout layout = new GridLayout();
		layout.marginWidth = 32;
		layout.marginHeight = 24;
		layout.verticalSpacing = 10;
		body.setLayout(layout);
		body.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));

		FontData[] data = JFaceResources.getBannerFont().getFontData();
		for (FontData d : data) {
			d.setHeight(d.getHeight() * 2);
		}
		title = new Font(parent.getDisplay(), data);
		Label heading = label("ZeroCarbon Workbench " + ProductInfo.version(), SWT.NONE);
		heading.setFont(title);
		label("Carbon footprints and zero-carbon criteria for CNC production lines, energy-management loops and industrial parks. "
				+ "You describe lines, machines and their energy states in .zc model files; every save checks them (units, references, "
				+ "criteria) and computes the footprint by EN 15804 module and GHG scope, with HTML, PDF, JSON and CSV reports. "
				+ "The same engine runs headless as the zcw command line, for CI.", SWT.WRAP);

		section("Start");
		link(ACTIONS.get(0), "the housing cell: 8 machines, a shared air station, its footprint and criteria", this::openExample);
		link(ACTIONS.get(1), "with the example factor library and methodologies, and the example models or a new line",
				() -> NewZcProjectWizard.open(shell()));
		link(ACTIONS.get(2), "a line, energy loop, park, factor library, methodology or criteria set", () -> {
			NewModelFileWizard wizard = new NewModelFileWizard();
			wizard.init(PlatformUI.getWorkbench(), org.eclipse.jface.viewers.StructuredSelection.EMPTY);
			new org.eclipse.jface.wizard.WizardDialog(shell(), wizard).open();
		});
		section("Learn");
		link(ACTIONS.get(3), "the views, the editor, diagrams, reports, preferences", () -> showHelp(HelpView.WORKBENCH_GUIDE));
		link(ACTIONS.get(4), "every statement of the .zc language, with examples (F1 in the editor)", () -> showHelp(HelpView.LANGUAGE));
		label("Help > Help Contents lists every guide; Help > Search searches them all. The Welcome page comes back with Help > Welcome.",
				SWT.WRAP);

		scrolled.setContent(body);
		scrolled.setExpandHorizontal(true);
		scrolled.setExpandVertical(true);
		scrolled.addListener(SWT.Resize, e -> {
			int width = scrolled.getClientArea().width;
			scrolled.setMinSize(body.computeSize(Math.max(400, width), SWT.DEFAULT));
		});
		body.addDisposeListener(e -> title.dispose());
		PlatformUI.getWorkbench().getHelpSystem().setHelp(body, ZcHelpUI.CONTEXT_PREFIX + "welcome");
	}

	private Label label(String text, int style) {
		Label label = new Label(body, style);
		label.setText(text);
		label.setBackground(body.getBackground());
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 640;
		label.setLayoutData(data);
		return label;
	}

	private void section(String text) {
		Label label = label(text, SWT.NONE);
		label.setFont(JFaceResources.getHeaderFont());
		((GridData) label.getLayoutData()).verticalIndent = 12;
	}

	private void link(String text, String detail, Runnable action) {
		Link link = new Link(body, SWT.WRAP);
		link.setText("<a>" + text + "</a>: " + detail);
		link.setBackground(body.getBackground());
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
		data.widthHint = 640;
		data.horizontalIndent = 12;
		link.setLayoutData(data);
		link.setData(text);
		link.addListener(SWT.Selection, e -> {
			IWorkbenchWindow window = getIntroSite().getWorkbenchWindow();
			PlatformUI.getWorkbench().getIntroManager().closeIntro(this);
			window.getShell().getDisplay().asyncExec(action);
		});
		links.add(link);
	}

	/** The links, in order (for tests). */
	public List<Link> links() {
		return List.copyOf(links);
	}

	private org.eclipse.swt.widgets.Shell shell() {
		return getIntroSite() == null ? PlatformUI.getWorkbench().getDisplay().getActiveShell()
				: getIntroSite().getWorkbenchWindow().getShell();
	}

	private static IWorkbenchPage page() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		return window == null ? null : window.getActivePage();
	}

	private static void showHelp(String document) {
		IWorkbenchPage page = page();
		if (page != null) {
			try {
				((HelpView) page.showView(HelpView.ID)).showDocument(document, null);
			} catch (PartInitException e) {
				MessageDialog.openError(page.getWorkbenchWindow().getShell(), "Help", "Cannot open the help: " + e.getMessage());
			}
		}
	}

	/**
	 * Opens the example line: from the workspace when a project holds one; otherwise imports the bundled example
	 * projects first (as {@code zcw-workbench} does); without those, offers the New ZeroCarbon Project wizard,
	 * which can create the example models.
	 */
	void openExample() {
		IWorkbenchPage page = page();
		if (page == null) {
			return;
		}
		List<IProject> open = Arrays.stream(ResourcesPlugin.getWorkspace().getRoot().getProjects()).filter(IProject::isOpen).toList();
		try {
			if (ExampleProjectImporter.showExample(page, open) != null) {
				return;
			}
		} catch (CoreException e) {
			// fall through to the import
		}
		String examples = System.getProperty(ExampleProjectImporter.PROPERTY);
		if (examples == null || examples.isBlank()) {
			NewZcProjectWizard.open(page.getWorkbenchWindow().getShell());
			return;
		}
		List<IProject> created = new ArrayList<>();
		WorkspaceJob job = new WorkspaceJob("Opening the ZeroCarbon example projects") {
			@Override
			public IStatus runInWorkspace(IProgressMonitor monitor) {
				return ExampleProjectImporter.importProjects(Path.of(examples), created, monitor);
			}
		};
		job.setRule(ResourcesPlugin.getWorkspace().getRoot());
		job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
			@Override
			public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
				new UIJob("Showing the ZeroCarbon example") {
					@Override
					public IStatus runInUIThread(IProgressMonitor monitor) {
						try {
							IFile shown = ExampleProjectImporter.showExample(page, created);
							return shown != null ? Status.OK_STATUS : Status.warning("The example projects in " + examples + " hold no line");
						} catch (CoreException e) {
							return e.getStatus();
						}
					}
				}.schedule();
			}
		});
		job.schedule();
	}

	@Override
	public void init(IIntroSite site, org.eclipse.ui.IMemento memento) throws PartInitException {
		super.init(site, memento);
		setTitle("Welcome");
	}

	@Override
	public void standbyStateChanged(boolean standby) {
		// the same content in both states
	}

	@Override
	public void setFocus() {
		Control first = links.isEmpty() ? body : links.get(0);
		first.setFocus();
	}
}
