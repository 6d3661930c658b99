package org.zerocarbon.ui.preferences;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * The controls of the ZeroCarbon build settings, shared by the preference page (workspace) and the property page
 * (one project). It shows and returns {@link ZcPreferences.Settings}; the pages store them.
 */
final class SettingsBlock {

	private static final Map<ReportFormat, String> FORMAT_LABELS = new EnumMap<>(Map.of(ReportFormat.HTML,
			"&HTML (self-contained page with charts and diagram)", ReportFormat.JSON, "&JSON (for CI gates and diffs)", ReportFormat.CSV,
			"&CSV (module table and contributions)", ReportFormat.PDF, "&PDF (slower: leave off for saves, use zcw report for releases)"));

	private final Composite control;
	/** The methodology entry that stores no id: the builder takes the only methodology with life-cycle modules. */
	static final String AUTOMATIC = "(the only one with life-cycle modules)";

	private final Combo methodology;
	private final Button generate;
	private final Map<ReportFormat, Button> formats = new EnumMap<>(ReportFormat.class);
	private final Spinner iterations;
	private final Text seed;
	private Runnable onChange = () -> {
	};

	SettingsBlock(Composite parent) {
		control = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		control.setLayout(layout);

		new Label(control, SWT.NONE).setText("&Methodology:");
		// editable: an id typed in for a methodology not among the models read (yet) is kept
		methodology = new Combo(control, SWT.DROP_DOWN | SWT.BORDER);
		methodology.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		methodology.setItems(AUTOMATIC);
		hint("The methodology footprints are computed with: one of the projects' models, or a qualified or simple name typed in, e.g. "
				+ "zc.methodology.ISO_TR_24122_as_reported. Used when it is among the project's models; needed when several methodologies "
				+ "define life-cycle modules.");

		Group reports = new Group(control, SWT.NONE);
		reports.setText("Reports in the derived reports/ folder");
		reports.setLayout(new GridLayout(1, false));
		reports.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		generate = new Button(reports, SWT.CHECK);
		generate.setText("&Generate reports on every build");
		generate.addListener(SWT.Selection, e -> changed());
		for (ReportFormat format : ReportFormat.values()) {
			Button box = new Button(reports, SWT.CHECK);
			box.setText(FORMAT_LABELS.get(format));
			GridData data = new GridData();
			data.horizontalIndent = 20;
			box.setLayoutData(data);
			box.addListener(SWT.Selection, e -> changed());
			formats.put(format, box);
		}

		Group monteCarlo = new Group(control, SWT.NONE);
		monteCarlo.setText("Uncertainty (Monte Carlo) on build");
		monteCarlo.setLayout(new GridLayout(2, false));
		monteCarlo.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
		new Label(monteCarlo, SWT.NONE).setText("&Iterations:");
		iterations = new Spinner(monteCarlo, SWT.BORDER);
		iterations.setValues(0, 0, ZcPreferences.MAX_ITERATIONS, 0, 100, 1000);
		iterations.addListener(SWT.Modify, e -> changed());
		new Label(monteCarlo, SWT.NONE).setText("&Seed:");
		seed = new Text(monteCarlo, SWT.BORDER);
		GridData seedData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		seedData.widthHint = 120;
		seed.setLayoutData(seedData);
		seed.addListener(SWT.Modify, e -> changed());
		Label mcHint = new Label(monteCarlo, SWT.WRAP);
		mcHint.setText("0 iterations: no uncertainty analysis (fastest saves). The same seed gives the same figures.");
		GridData hintData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		hintData.widthHint = 400;
		mcHint.setLayoutData(hintData);
	}

	private void hint(String text) {
		Label label = new Label(control, SWT.WRAP);
		label.setText(text);
		GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
		data.widthHint = 400;
		label.setLayoutData(data);
	}

	Composite control() {
		return control;
	}

	/**
	 * Offers these methodologies (qualified names) after the automatic entry; the text shown, chosen or typed, stays.
	 */
	void offer(List<String> names) {
		if (methodology.isDisposed()) {
			return;
		}
		String text = methodology.getText();
		String[] items = new String[names.size() + 1];
		items[0] = AUTOMATIC;
		for (int i = 0; i < names.size(); i++) {
			items[i + 1] = names.get(i);
		}
		methodology.setItems(items);
		methodology.setText(text);
	}

	/** The methodology combo (for tests). */
	Combo methodologyCombo() {
		return methodology;
	}

	/** Called after every edit (pages validate and update). */
	void onChange(Runnable listener) {
		onChange = listener;
	}

	private void changed() {
		for (Button box : formats.values()) {
			box.setEnabled(control.isEnabled() && generate.getSelection());
		}
		onChange.run();
	}

	/** Enables or disables all controls (project page without project-specific settings). */
	void setEnabled(boolean enabled) {
		control.setEnabled(enabled);
		for (var child : new org.eclipse.swt.widgets.Control[] { methodology, generate, iterations, seed }) {
			child.setEnabled(enabled);
		}
		changed();
	}

	/** What is wrong with the values typed, or null. */
	String problem() {
		try {
			Long.parseLong(seed.getText().strip());
		} catch (NumberFormatException e) {
			return "The seed must be a whole number, e.g. 42.";
		}
		if (generate.getSelection() && formats.values().stream().noneMatch(Button::getSelection)) {
			return "Choose at least one report format, or turn report generation off.";
		}
		return null;
	}

	/** Shows settings. */
	void show(ZcPreferences.Settings settings) {
		methodology.setText(settings.methodology().isBlank() ? AUTOMATIC : settings.methodology());
		generate.setSelection(settings.generateReports());
		formats.forEach((format, box) -> box.setSelection(settings.formats().contains(format)));
		iterations.setSelection(settings.iterations());
		seed.setText(Long.toString(settings.seed()));
		changed();
	}

	/** The settings shown; call only when {@link #problem()} is null. */
	ZcPreferences.Settings settings() {
		Set<ReportFormat> selected = EnumSet.noneOf(ReportFormat.class);
		formats.forEach((format, box) -> {
			if (box.getSelection()) {
				selected.add(format);
			}
		});
		String id = methodology.getText().strip();
		return new ZcPreferences.Settings(AUTOMATIC.equals(id) ? "" : id, selected, generate.getSelection(), iterations.getSelection(),
				Long.parseLong(seed.getText().strip()));
	}

	/** The format check boxes (for tests). */
	Map<ReportFormat, Button> formatButtons() {
		return formats;
	}
}
