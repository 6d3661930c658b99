package org.zerocarbon.ui.wizards;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CheckboxTableViewer;
import org.eclipse.jface.viewers.ComboViewer;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.ModelTemplates;

/**
 * Second page of the New ZeroCarbon Project wizard: which files of the example library to copy (all by default),
 * and whether to start from the example models or from a new line on a grid factor of the library.
 */
final class ProjectContentPage extends WizardPage {

	private List<BundledExamples.Entry> library = List.of();
	private CheckboxTableViewer libraryViewer;
	private Button example;
	private Text lineName;
	private ComboViewer grid;
	private Label gridLabel;

	ProjectContentPage() {
		super("content");
		setTitle("Library and First Model");
		setDescription("Copy the example emission-factor library and methodologies, and start from the example or from a new line.");
		try {
			library = BundledExamples.library();
		} catch (IOException e) {
			setErrorMessage("The example library cannot be read: " + e.getMessage());
		}
	}

	@Override
	public void createControl(Composite parent) {
		Composite page = new Composite(parent, SWT.NONE);
		page.setLayout(new GridLayout(2, false));

		Label libraryLabel = new Label(page, SWT.WRAP);
		libraryLabel.setText("Factor library and methodologies to copy into the project (public figures with their sources and licences; "
				+ "the methodologies are illustrations, not the standards):");
		libraryLabel.setLayoutData(wide(2));
		libraryViewer = CheckboxTableViewer.newCheckList(page, SWT.BORDER | SWT.V_SCROLL);
		libraryViewer.setContentProvider(ArrayContentProvider.getInstance());
		libraryViewer.setLabelProvider(LabelProvider.createTextProvider(e -> ((BundledExamples.Entry) e).path() + "  –  "
				+ ((BundledExamples.Entry) e).summary()));
		libraryViewer.setInput(library);
		libraryViewer.setAllChecked(true);
		GridData tableData = wide(2);
		tableData.heightHint = 120;
		libraryViewer.getTable().setLayoutData(tableData);
		libraryViewer.addCheckStateListener(e -> update());

		example = new Button(page, SWT.CHECK);
		example.setText("Include the example models (a machining cell, its compressed-air loop and a park)");
		example.setLayoutData(wide(2));
		example.addListener(SWT.Selection, e -> update());

		Label nameLabel = new Label(page, SWT.NONE);
		nameLabel.setText("New line:");
		lineName = new Text(page, SWT.BORDER);
		lineName.setText("Line");
		lineName.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		lineName.addListener(SWT.Modify, e -> update());

		gridLabel = new Label(page, SWT.NONE);
		gridLabel.setText("Grid electricity:");
		grid = new ComboViewer(page, SWT.READ_ONLY);
		grid.setContentProvider(ArrayContentProvider.getInstance());
		grid.setLabelProvider(LabelProvider.createTextProvider(e -> e instanceof BundledExamples.GridFactor f
				? f.description() + " (" + f.qualifiedName() + ")" : String.valueOf(e)));
		grid.getCombo().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		setControl(page);
		update();
	}

	private static GridData wide(int span) {
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1);
		data.widthHint = 500;
		return data;
	}

	/** Enables what applies and checks what was typed. */
	private void update() {
		boolean newLine = !example.getSelection();
		lineName.setEnabled(newLine);
		List<BundledExamples.GridFactor> factors = List.of();
		try {
			factors = BundledExamples.gridFactors(checked());
		} catch (IOException e) {
			setErrorMessage("The example library cannot be read: " + e.getMessage());
		}
		Object previous = grid.getStructuredSelection().getFirstElement();
		grid.setInput(factors);
		if (previous != null && factors.contains(previous)) {
			grid.setSelection(new StructuredSelection(previous));
		} else if (!factors.isEmpty()) {
			grid.setSelection(new StructuredSelection(BundledExamples.defaultGrid(factors, Locale.getDefault())));
		}
		grid.getCombo().setEnabled(newLine && !factors.isEmpty());
		gridLabel.setEnabled(grid.getCombo().isEnabled());
		String problem = newLine ? ModelTemplates.checkName(lineName.getText(), "line name") : null;
		List<BundledExamples.Entry> checked = checked();
		if (problem == null && example.getSelection()
				&& !library.stream().filter(e -> e.path().startsWith("factors/")).allMatch(checked::contains)) {
			problem = "The example models use every file of the factor library: keep them checked.";
		}
		setErrorMessage(problem);
		setPageComplete(problem == null);
	}

	private List<BundledExamples.Entry> checked() {
		List<BundledExamples.Entry> entries = new ArrayList<>();
		for (Object element : libraryViewer.getCheckedElements()) {
			entries.add((BundledExamples.Entry) element);
		}
		return entries;
	}

	/** What the user chose. */
	NewZcProjectWizard.Content content() {
		if (getControl() == null) {
			// the user finished on the first page: the whole library and a new line on the grid factor of the user's country
			List<BundledExamples.GridFactor> factors = List.of();
			try {
				factors = BundledExamples.gridFactors(library);
			} catch (IOException e) {
				// the line is created without a site; the footprint says that electricity is not counted
			}
			return new NewZcProjectWizard.Content(library, false, "Line", BundledExamples.defaultGrid(factors, Locale.getDefault()));
		}
		Object factor = grid.getStructuredSelection().getFirstElement();
		return new NewZcProjectWizard.Content(checked(), example.getSelection(), lineName.getText().strip(),
				example.getSelection() ? null : (BundledExamples.GridFactor) factor);
	}
}
