package org.zerocarbon.ui.wizards;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.ManifestSignature;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.ModelFiles;
import org.zerocarbon.workspace.ZcBuildResults;

/**
 * The one page of {@link EvidenceExportWizard}: project, the lines and parks to report (with their diagrams), the
 * energy loops whose diagrams go in, the methodology, the zip, the Monte Carlo settings, the day of the raw samples,
 * and the optional signing key. The lines and parks come from the project's last build; the loops are not in it, so a
 * job reads the project's models for them (never on the UI thread) while the list says "Reading the models…".
 */
public final class EvidenceExportWizardPage extends WizardPage {

	/** Job family of the loop look-ups (tests wait for it). */
	public static final Object LOOPS_FAMILY = new Object();

	private final List<IProject> projects = Builds.zcProjects();
	private IProject initialProject;
	private final String initialSubject;
	Combo project;
	Table subjects;
	Table loops;
	Combo methodology;
	Text zip;
	Text iterations;
	Text seed;
	Text rawDay;
	Button sign;
	Text keystore;
	Text alias;
	Text password;

	EvidenceExportWizardPage(IProject initialProject, String initialSubject) {
		super("evidence");
		this.initialProject = initialProject;
		this.initialSubject = initialSubject;
		setTitle("ZeroCarbon Evidence Package");
		setDescription("One zip for a tender or a verifier: models, measured data, reports, diagrams, criteria, SHA-256 manifest");
	}

	@Override
	public void createControl(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(3, false));
		project = combo(body, "&Project:", SWT.READ_ONLY);
		projects.forEach(p -> project.add(p.getName()));
		project.addListener(SWT.Selection, e -> projectChanged());
		label(body, "&Lines and parks:").setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		subjects = new Table(body, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
		GridData list = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		list.heightHint = 90;
		subjects.setLayoutData(list);
		label(body, "Energy l&oops:").setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
		loops = new Table(body, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
		GridData loopList = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		loopList.heightHint = 60;
		loops.setLayoutData(loopList);
		methodology = combo(body, "&Methodology:", SWT.DROP_DOWN);
		methodology.setToolTipText("Empty: the only methodology with life-cycle modules among the models");
		zip = text(body, "&Zip file:", 1);
		Button browse = new Button(body, SWT.PUSH);
		browse.setText("&Browse...");
		browse.addListener(SWT.Selection, e -> {
			FileDialog dialog = new FileDialog(getShell(), SWT.SAVE);
			dialog.setFilterExtensions(new String[] { "*.zip" });
			dialog.setOverwrite(true);
			String chosen = dialog.open();
			if (chosen != null) {
				zip.setText(chosen);
			}
		});
		iterations = text(body, "Monte Carlo &iterations:", 2);
		iterations.setText("1000");
		seed = text(body, "Monte Carlo s&eed:", 2);
		seed.setText("42");
		rawDay = text(body, "&Raw samples of:", 2);
		rawDay.setMessage("YYYY-MM-DD; empty: the representative (median) day; none: no raw samples");

		Group signing = new Group(body, SWT.NONE);
		signing.setText("Signature (CMS, manifest.json.p7s)");
		signing.setLayout(new GridLayout(3, false));
		signing.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		sign = new Button(signing, SWT.CHECK);
		sign.setText("Si&gn the manifest with a PKCS#12 key");
		sign.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 3, 1));
		keystore = text(signing, "&Keystore (.p12):", 2);
		alias = text(signing, "&Alias:", 2);
		password = new Text(signing, SWT.BORDER | SWT.PASSWORD);
		label(signing, "Pass&word:").moveAbove(password);
		password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		sign.addListener(SWT.Selection, e -> signingChanged());

		int index = initialProject == null ? -1 : projects.indexOf(initialProject);
		if (index >= 0 || !projects.isEmpty()) {
			project.select(Math.max(0, index));
			projectChanged();
		}
		signingChanged();
		setControl(body);
	}

	private void projectChanged() {
		IProject chosen = projects.get(project.getSelectionIndex());
		subjects.removeAll();
		Set<String> methodologies = new LinkedHashSet<>();
		ZcBuildResults.ProjectResult result = ZcBuildResults.lastGood(chosen);
		if (result != null) {
			for (ZcBuildResults.Footprint footprint : result.footprints()) {
				TableItem item = new TableItem(subjects, SWT.NONE);
				item.setText(footprint.subject() + "  (" + footprint.kind() + ")");
				item.setData(footprint.subject());
				item.setChecked(initialSubject == null || !chosen.equals(initialProject) || footprint.subject().equals(initialSubject));
				if (footprint.result() != null && footprint.result().methodology() != null) {
					methodologies.add(footprint.result().methodology().id());
				}
			}
		}
		setMessage(result == null ? "The project has not been built yet: its lines and parks show once it is (all are exported meanwhile)" : null,
				INFORMATION);
		methodology.setItems(methodologies.toArray(String[]::new));
		if (!methodologies.isEmpty()) {
			methodology.select(0);
		}
		if (chosen.getLocation() != null && (zip.getText().isBlank() || !chosen.equals(initialProject))) {
			zip.setText(chosen.getLocation().append(chosen.getName() + "-evidence.zip").toOSString());
		}
		initialProject = chosen;
		readLoops(chosen);
	}

	/** Fills the loop list from the project's models, parsed in a job; an item without data means "not read yet". */
	private void readLoops(IProject chosen) {
		loops.removeAll();
		new TableItem(loops, SWT.NONE).setText("Reading the models\u2026");
		Display display = loops.getDisplay();
		Job job = new Job("Reading the energy loops of " + chosen.getName()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				List<String> names;
				try {
					names = EvidencePackage.loopNames(ModelValidation.create().load(ModelFiles.of(chosen), monitor::isCanceled).resourceSet());
				} catch (CoreException | RuntimeException e) {
					names = null;
				}
				List<String> found = names;
				display.asyncExec(() -> {
					if (loops.isDisposed() || project.getSelectionIndex() < 0 || !projects.get(project.getSelectionIndex()).equals(chosen)) {
						return;
					}
					loops.removeAll();
					if (found == null) {
						new TableItem(loops, SWT.NONE).setText("The models could not be read: every loop is exported");
						return;
					}
					for (String name : found) {
						TableItem item = new TableItem(loops, SWT.NONE);
						item.setText(name);
						item.setData(name);
						item.setChecked(true);
					}
				});
				return Status.OK_STATUS;
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == LOOPS_FAMILY;
			}
		};
		job.setSystem(true);
		job.schedule();
	}

	private void signingChanged() {
		for (Text field : List.of(keystore, alias, password)) {
			field.setEnabled(sign.getSelection());
		}
	}

	/**
	 * The request the fields describe.
	 *
	 * @throws IllegalArgumentException naming the field that is wrong and what it needs
	 */
	EvidenceExportWizard.Request request() {
		if (project.getSelectionIndex() < 0) {
			throw new IllegalArgumentException("Choose a ZeroCarbon project; there is none in the workspace");
		}
		IProject chosen = projects.get(project.getSelectionIndex());
		List<String> names = new ArrayList<>();
		for (TableItem item : subjects.getItems()) {
			if (item.getChecked()) {
				names.add((String) item.getData());
			}
		}
		if (subjects.getItemCount() > 0 && names.isEmpty()) {
			throw new IllegalArgumentException("Check at least one line or park");
		}
		if (names.size() == subjects.getItemCount()) {
			names.clear(); // all of them, also those a later build adds
		}
		List<String> loopNames = new ArrayList<>();
		boolean read = true;
		for (TableItem item : loops.getItems()) {
			read &= item.getData() != null;
			if (item.getChecked() && item.getData() != null) {
				loopNames.add((String) item.getData());
			}
		}
		if (!read || loopNames.size() == loops.getItemCount()) {
			loopNames = null; // all of them: not read yet, or all checked (also those added later)
		}
		String file = zip.getText().trim();
		if (!file.endsWith(".zip")) {
			throw new IllegalArgumentException("Give the package a .zip file name");
		}
		int n = (int) number(iterations, "iterations");
		long s = number(seed, "seed");
		String day = rawDay.getText().trim();
		LocalDate date = null;
		if (!day.isEmpty() && !day.equals("none")) {
			try {
				date = LocalDate.parse(day);
			} catch (DateTimeParseException e) {
				throw new IllegalArgumentException("Raw samples of: give a day as YYYY-MM-DD, leave it empty for the representative day, or none");
			}
		}
		ManifestSignature.Signer signer = null;
		if (sign.getSelection()) {
			Path store = Path.of(keystore.getText().trim());
			if (!Files.isRegularFile(store)) {
				throw new IllegalArgumentException("Keystore: no such file " + store);
			}
			if (alias.getText().isBlank()) {
				throw new IllegalArgumentException("Give the alias of the signing key in the keystore");
			}
			signer = new ManifestSignature.Signer(store, alias.getText().trim(), password.getText().toCharArray());
		}
		String chosenMethodology = methodology.getText().trim();
		return new EvidenceExportWizard.Request(chosen, names, loopNames, chosenMethodology.isEmpty() ? null : chosenMethodology, Path.of(file), n, s, date,
				!day.equals("none"), signer);
	}

	private static long number(Text field, String what) {
		try {
			long value = Long.parseLong(field.getText().trim());
			if (value < 0) {
				throw new NumberFormatException();
			}
			return value;
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("The Monte Carlo " + what + " must be a whole number of 0 or more, not '" + field.getText() + "'");
		}
	}

	private static Label label(Composite parent, String text) {
		Label label = new Label(parent, SWT.NONE);
		label.setText(text);
		return label;
	}

	private static Combo combo(Composite parent, String label, int style) {
		label(parent, label);
		Combo combo = new Combo(parent, style);
		combo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return combo;
	}

	private static Text text(Composite parent, String label, int span) {
		label(parent, label);
		Text text = new Text(parent, SWT.BORDER);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, span, 1));
		return text;
	}
}
