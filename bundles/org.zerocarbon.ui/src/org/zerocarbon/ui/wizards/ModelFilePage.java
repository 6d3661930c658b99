package org.zerocarbon.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspaceRoot;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.ContainerSelectionDialog;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.ModelTemplates;
import org.zerocarbon.ui.internal.ModelTemplates.Kind;

/** The page of the New Model File wizard: kind, folder, file name, package, element name and description. */
final class ModelFilePage extends WizardPage {

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.^]+)");

	private final IContainer initial;
	private Combo kind;
	private Text container;
	private Text fileName;
	private Text packageName;
	private Text name;
	private Text description;
	private Button addNature;
	private Label gridLabel;
	private Combo grid;
	/** What the grid choice offers, in the combo's order. */
	private java.util.List<GridChoice> grids = java.util.List.of();
	/** The texts of the target project's model files, read when the target changes. */
	private java.util.List<String> projectTexts = java.util.List.of();
	/** Whether the user typed a file name of their own (then it no longer follows the element's name). */
	private boolean fileNameEdited;
	private boolean updating;

	ModelFilePage(IStructuredSelection selection) {
		super("modelFile");
		setTitle("ZeroCarbon Model File");
		setDescription("Create a line, an energy loop, a park, a factor library, a methodology or a criteria set.");
		initial = initialContainer(selection);
	}

	private static IContainer initialContainer(IStructuredSelection selection) {
		Object first = selection == null ? null : selection.getFirstElement();
		IResource resource = first == null ? null : Adapters.adapt(first, IResource.class);
		if (resource instanceof IFile file) {
			return file.getParent();
		}
		if (resource instanceof IContainer container && resource.getType() != IResource.ROOT) {
			return container;
		}
		return Builds.zcProjects().stream().findFirst().map(IContainer.class::cast).orElse(null);
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(3, false));

		kind = new Combo(label(page, "&Kind:"), SWT.READ_ONLY);
		kind.setItems(Arrays.stream(Kind.values()).map(Kind::label).toArray(String[]::new));
		kind.select(0);
		kind.setLayoutData(span(2));

		container = new Text(label(page, "&Folder:"), SWT.BORDER);
		container.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		container.setText(initial == null ? "" : initial.getFullPath().makeRelative().toString());
		Button browse = new Button(page, SWT.PUSH);
		browse.setText("B&rowse...");
		browse.addListener(SWT.Selection, e -> browse());

		name = new Text(label(page, "&Name:"), SWT.BORDER);
		name.setLayoutData(span(2));
		fileName = new Text(label(page, "F&ile name:"), SWT.BORDER);
		fileName.setLayoutData(span(2));
		packageName = new Text(label(page, "&Package:"), SWT.BORDER);
		packageName.setLayoutData(span(2));
		packageName.setMessage("none");
		description = new Text(label(page, "&Description:"), SWT.BORDER);
		description.setLayoutData(span(2));
		description.setMessage("optional, shown in reports");
		gridLabel = new Label(page, SWT.NONE);
		gridLabel.setText("Site &grid:");
		grid = new Combo(page, SWT.READ_ONLY);
		grid.setLayoutData(span(2));
		grid.setToolTipText("A new line gets a site; its grid factor gives the machines' energy use (B6) its emissions");

		addNature = new Button(page, SWT.CHECK);
		addNature.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		addNature.setSelection(true);

		kind.addListener(SWT.Selection, e -> kindChanged());
		name.addListener(SWT.Modify, e -> {
			if (!fileNameEdited && !updating) {
				updating = true;
				fileName.setText(defaultFileName());
				updating = false;
			}
			validate();
		});
		fileName.addListener(SWT.Modify, e -> {
			fileNameEdited |= !updating;
			validate();
		});
		container.addListener(SWT.Modify, e -> {
			packageName.setText(defaultPackage());
			updateGrids();
			validate();
		});
		packageName.addListener(SWT.Modify, e -> validate());
		description.addListener(SWT.Modify, e -> validate());
		packageName.setText(defaultPackage());
		updateGrids();
		kindChanged();
		setControl(page);
		name.setFocus();
	}

	private static Composite label(Composite page, String text) {
		Label label = new Label(page, SWT.NONE);
		label.setText(text);
		return page;
	}

	private static GridData span(int columns) {
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, columns, 1);
		data.widthHint = 380;
		return data;
	}

	private Kind selectedKind() {
		return Kind.values()[Math.max(0, kind.getSelectionIndex())];
	}

	private void kindChanged() {
		name.setText(selectedKind().defaultName());
		boolean line = selectedKind() == Kind.LINE;
		grid.setEnabled(line);
		gridLabel.setEnabled(line);
		validate();
	}

	/**
	 * A grid factor for the new line's site: one the project defines, or one of the bundled library (whose grid file
	 * is then copied into the project), or none (a placeholder factor in the new file).
	 *
	 * @param label  what the combo shows
	 * @param factor the grid factor (qualified name and region), or null for the placeholder
	 * @param copy   the bundled library file to copy into the project first, or null
	 */
	record GridChoice(String label, BundledExamples.GridFactor factor, BundledExamples.Entry copy) {
	}

	/** The grid factors of the target project; when it has none, those of the bundled library; then "none". */
	private void updateGrids() {
		java.util.List<GridChoice> choices = new java.util.ArrayList<>();
		IContainer target = targetContainer();
		projectTexts = target != null && target.getProject().isOpen() ? projectTexts(target.getProject()) : java.util.List.of();
		for (String text : projectTexts) {
			for (BundledExamples.GridFactor f : BundledExamples.gridFactors(text)) {
				choices.add(new GridChoice(f.qualifiedName() + (f.description().isEmpty() ? "" : " — " + f.description()), f, null));
			}
		}
		if (choices.isEmpty()) {
			try {
				for (BundledExamples.Entry entry : BundledExamples.library()) {
					for (BundledExamples.GridFactor f : BundledExamples.gridFactors(java.util.List.of(entry))) {
						choices.add(new GridChoice(f.qualifiedName() + " — " + f.description() + " (copies the example library's " + entry.path()
								+ " into the project)", f, entry));
					}
				}
			} catch (IOException e) {
				// no bundled library: the placeholder remains
			}
		}
		choices.add(new GridChoice("None yet: a placeholder grid factor of 0 g CO2e/kWh in the new file (B6 stays 0 until replaced)", null,
				null));
		grids = choices;
		grid.setItems(choices.stream().map(GridChoice::label).toArray(String[]::new));
		// the grid of the user's country, as in the project wizard (BundledExamples.defaultGrid), else the first
		java.util.List<BundledExamples.GridFactor> factors = choices.stream().map(GridChoice::factor).toList(); // null: the placeholder
		BundledExamples.GridFactor preferred = BundledExamples.defaultGrid(factors.stream().filter(java.util.Objects::nonNull).toList(),
				Locale.getDefault());
		grid.select(Math.max(0, factors.indexOf(preferred)));
	}

	/**
	 * The first machine's frame and delivery for a new line: the first material and freight factors of the
	 * project's own files (none: no frame, no delivery, and the validator says what is missing).
	 */
	private ModelTemplates.Supply supply() {
		String material = BundledExamples.firstFactorIn("material", projectTexts);
		String transport = BundledExamples.firstFactorIn("transport", projectTexts);
		return material == null && transport == null ? null : new ModelTemplates.Supply(material, transport);
	}

	/** The texts of the project's model files (not derived ones), in the order the workspace visits them. */
	private static java.util.List<String> projectTexts(org.eclipse.core.resources.IProject project) {
		java.util.List<String> found = new java.util.ArrayList<>();
		try {
			project.accept(resource -> {
				if (resource instanceof IFile file && "zc".equals(file.getFileExtension()) && !file.isDerived()) {
					try (InputStream in = file.getContents()) {
						found.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					} catch (IOException | CoreException e) {
						// an unreadable file offers no factor
					}
				}
				return !(resource instanceof IContainer c && c.getName().startsWith(".") && c.getType() == IResource.FOLDER);
			});
		} catch (CoreException e) {
			// an unreadable project offers none
		}
		return found;
	}

	private String defaultFileName() {
		String base = name.getText().strip().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		return (base.isEmpty() ? selectedKind().keyword() : base) + ".zc";
	}

	/** The package of a model file already in the folder, else one derived from the project's name. */
	private String defaultPackage() {
		IContainer folder = targetContainer();
		if (folder == null) {
			return "";
		}
		if (folder.exists()) {
			try {
				for (IResource member : folder.members()) {
					if (member instanceof IFile file && "zc".equals(file.getFileExtension())) {
						String found = packageOf(file);
						if (found != null) {
							return found;
						}
					}
				}
			} catch (CoreException e) {
				// an unreadable folder gives no hint; the project's name still does
			}
		}
		return ModelTemplates.packageFor(folder.getProject().getName());
	}

	private static String packageOf(IFile file) {
		try (InputStream in = file.getContents()) {
			Matcher matcher = PACKAGE.matcher(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
			return matcher.find() ? matcher.group(1).replace("^", "") : null;
		} catch (IOException | CoreException e) {
			return null;
		}
	}

	private IContainer targetContainer() {
		String path = container == null ? "" : container.getText().strip();
		if (path.isEmpty()) {
			return null;
		}
		IWorkspaceRoot root = ResourcesPlugin.getWorkspace().getRoot();
		IPath full = IPath.fromOSString(path).makeAbsolute();
		if (full.segmentCount() == 0) {
			return null;
		}
		return full.segmentCount() == 1 ? root.getProject(full.segment(0)) : root.getFolder(full);
	}

	private void browse() {
		ContainerSelectionDialog dialog = new ContainerSelectionDialog(getShell(), targetContainer(), false, "Choose the folder of the new model file:");
		if (dialog.open() == Window.OK && dialog.getResult().length > 0) {
			container.setText(((IPath) dialog.getResult()[0]).makeRelative().toString());
		}
	}

	private void validate() {
		String problem = problem();
		setErrorMessage(problem);
		setPageComplete(problem == null);
		IContainer target = targetContainer();
		boolean lacksNature = target != null && target.getProject().isOpen() && !Builds.isZcProject(target.getProject());
		addNature.setText(target == null ? "Add the ZeroCarbon nature to the project"
				: "Add the ZeroCarbon nature to " + target.getProject().getName() + " (its models are then checked and reported on every save)");
		addNature.setVisible(lacksNature);
		addNature.getParent().layout();
	}

	private String problem() {
		IContainer target = targetContainer();
		if (target == null) {
			return "Choose the folder of the new file.";
		}
		if (!target.getProject().exists() || !target.getProject().isOpen()) {
			return "The project " + target.getProject().getName() + " does not exist or is closed.";
		}
		IStatus path = ResourcesPlugin.getWorkspace().validatePath(target.getFullPath().toString(), IResource.PROJECT | IResource.FOLDER);
		if (!path.isOK()) {
			return path.getMessage();
		}
		String problem = ModelTemplates.checkName(name.getText().strip(), "name");
		if (problem != null) {
			return problem;
		}
		problem = ModelTemplates.checkPackage(packageName.getText().strip());
		if (problem != null) {
			return problem;
		}
		String file = fileName.getText().strip();
		if (!file.endsWith(".zc") || file.length() == 3) {
			return "The file name must end with .zc.";
		}
		IStatus valid = ResourcesPlugin.getWorkspace().validateName(file, IResource.FILE);
		if (!valid.isOK()) {
			return valid.getMessage();
		}
		if (target.getFile(IPath.fromOSString(file)).exists()) {
			return target.getFullPath().append(file).makeRelative() + " exists already.";
		}
		return null;
	}

	/** What to create. */
	NewModelFileWizard.Request request() {
		IContainer target = targetContainer();
		GridChoice choice = selectedKind() != Kind.LINE || grids.isEmpty() ? null : grids.get(Math.max(0, grid.getSelectionIndex()));
		ModelTemplates.Site site = choice == null || choice.factor() == null ? null
				: new ModelTemplates.Site(name.getText().strip() + "Site", choice.factor().region(), choice.factor().qualifiedName());
		return new NewModelFileWizard.Request(target, fileName.getText().strip(), selectedKind(), packageName.getText().strip(),
				name.getText().strip(), description.getText().strip(), addNature.getVisible() && addNature.getSelection(), site,
				choice == null ? null : choice.copy(), selectedKind() == Kind.LINE ? supply() : null);
	}
}
