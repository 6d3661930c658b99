package org.zerocarbon.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.zerocarbon.parameters.ParameterEvaluator;
import org.zerocarbon.scenarios.ScenarioComparison.Comparison;
import org.zerocarbon.scenarios.ScenarioComparison.Run;
import org.zerocarbon.scenarios.ScenarioComparison.TornadoBar;
import org.zerocarbon.ui.internal.ColumnFit;
import org.zerocarbon.ui.internal.Figures;
import org.zerocarbon.ui.internal.ScenarioChart;
import org.zerocarbon.ui.internal.Tables;
import org.zerocarbon.ui.internal.TornadoChart;

/**
 * The Footprint view's Comparison tab: the baseline and every scenario in a table (GWP, the difference to the
 * baseline, P5–P95 and the probability of being lower than the baseline when Monte Carlo ran), their bars stacked by
 * module, and the tornado of the baseline's parameters. Double-clicking a run shows its footprint in the other tabs.
 */
final class ScenarioTab {

	/** The engine's name of the baseline run. */
	static final String BASELINE = "baseline";
	/** Column titles of the comparison table. */
	static final String[] COLUMNS = { "Run", "Description", "GWP (A–C)", "vs baseline", "%", "P5 – P95", "P(lower)" };
	private static final String[] TIPS = { null, null, "kg CO2e, modules A–C, scope 2 location-based", "kg CO2e, the run minus the baseline",
			"the difference in % of the baseline", "the run's 90 % interval (Monte Carlo)",
			"the probability that the run is lower than the baseline: the share of the common Monte Carlo iterations in which it is" };

	private final Composite stack;
	private final Label message;
	private final Composite content;
	private final Label heading;
	private final TableViewer table;
	private final SashForm sash;
	private final ScenarioChart bars;
	private final TornadoChart tornado;

	/**
	 * @param open called with a run's name when it is double-clicked
	 */
	ScenarioTab(Composite parent, Font bold, Consumer<String> open) {
		stack = new Composite(parent, SWT.NONE);
		stack.setLayout(new StackLayout());
		Composite empty = new Composite(stack, SWT.NONE);
		empty.setLayout(new GridLayout());
		message = new Label(empty, SWT.WRAP);
		message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		content = new Composite(stack, SWT.NONE);
		GridLayout layout = new GridLayout();
		layout.marginHeight = 2;
		content.setLayout(layout);
		heading = new Label(content, SWT.WRAP);
		heading.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		SashForm sash = new SashForm(content, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		table = new TableViewer(Tables.table(sash, COLUMNS, true));
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.setLabelProvider(new FootprintLabels.ArrayLabels(bold));
		table.addDoubleClickListener(e -> {
			if (e.getSelection() instanceof IStructuredSelection s && s.getFirstElement() instanceof String[] row) {
				open.accept(row[0]);
			}
		});
		table.getTable().setToolTipText("Double-click a run to see its footprint in the other tabs");
		for (int i = 0; i < TIPS.length; i++) {
			table.getTable().getColumn(i).setToolTipText(TIPS[i]);
		}
		SashForm charts = new SashForm(sash, SWT.HORIZONTAL);
		bars = new ScenarioChart(charts);
		tornado = new TornadoChart(charts);
		charts.setWeights(50, 50);
		// the table first: at the default layout's height (the Footprint view in the lower half) all its rows must
		// show; the charts take the rest (maximize the view for larger charts)
		sash.setWeights(60, 40);
		sash.addListener(SWT.Resize, e -> fitTable(sash));
		this.sash = sash;
		message("");
	}

	/** Gives the table the height of its rows (header included), at most all of the sash, and the charts the rest. */
	private void fitTable(SashForm form) {
		int total = form.getClientArea().height - form.getSashWidth();
		Table t = table.getTable();
		if (total <= 0 || t.isDisposed()) {
			return;
		}
		int rows = Math.max(4, t.getItemCount());
		int wanted = t.getHeaderHeight() + rows * t.getItemHeight() + 2 * t.getBorderWidth() + t.getHorizontalBar().getSize().y + 4;
		int tableHeight = Math.min(wanted, total);
		form.setWeights(Math.max(1, tableHeight), Math.max(1, total - tableHeight));
	}

	/** The tab's control. */
	Control control() {
		return stack;
	}

	/** Shows a message instead of a comparison. */
	void message(String text) {
		message.setText(text);
		table.setInput(List.of());
		bars.setRuns(List.of());
		tornado.setBars(List.of(), 0);
		((StackLayout) stack.getLayout()).topControl = message.getParent();
		stack.layout(true, true);
	}

	/** Shows a comparison. */
	void show(Comparison c) {
		String method = c.iterations() > 0 ? c.iterations() + " Monte Carlo iterations (seed " + c.seed() + ") on common random numbers"
				: "deterministic: P5–P95 and P(lower than baseline) need Monte Carlo (iterations in the ZeroCarbon preferences)";
		// one short line (a wrapped paragraph took the table's height in the default layout); the rest in its tooltip
		heading.setText("Baseline and " + c.scenarios().size() + " scenarios of " + simpleName(c.subject()) + ", kg CO2e"
				+ (c.iterations() > 0 ? ", " + c.iterations() + " Monte Carlo iterations" : ", no Monte Carlo (0 iterations, see Preferences)"));
		heading.setToolTipText("The baseline and " + c.scenarios().size() + " scenarios of " + c.subject() + " in kg CO2e, modules A–C, scope 2 "
				+ "location-based; " + method + ". The tornado varies each parameter over its range, the others at the baseline.");
		table.setInput(rows(c));
		ColumnFit.fit(table.getTable());
		fitTable(sash);
		List<ScenarioChart.Bar> runs = new ArrayList<>();
		for (Run run : c.runs()) {
			runs.add(new ScenarioChart.Bar(simpleName(run.name()), run.result()));
		}
		bars.setRuns(runs);
		List<TornadoChart.Bar> swings = new ArrayList<>();
		for (TornadoBar bar : c.tornado()) {
			String unit = bar.unit() == null ? "" : " " + bar.unit();
			swings.add(new TornadoChart.Bar(simpleName(bar.parameter()), ParameterEvaluator.format(bar.low()) + " – "
					+ ParameterEvaluator.format(bar.high()) + unit + " (" + bar.source() + ")", bar.resultLow(), bar.resultHigh()));
		}
		tornado.setBars(swings, c.baseline().result().total());
		((StackLayout) stack.getLayout()).topControl = content;
		stack.layout(true, true);
	}

	/** The comparison table (for tests). */
	Table table() {
		return table.getTable();
	}

	/** The message shown instead of a comparison, or null (for tests). */
	String message() {
		return ((StackLayout) stack.getLayout()).topControl == content ? null : message.getText();
	}

	/** The stacked bars (for tests). */
	ScenarioChart bars() {
		return bars;
	}

	/** The tornado (for tests). */
	TornadoChart tornado() {
		return tornado;
	}

	/**
	 * The table's rows: the baseline, then each scenario with its difference to the baseline. P(lower than baseline)
	 * is the share of the common Monte Carlo iterations in which the scenario's GWP is strictly below the
	 * baseline's (a tie is not lower).
	 */
	static List<String[]> rows(Comparison c) {
		double base = c.baseline().result().total();
		List<String[]> rows = new ArrayList<>();
		for (Run run : c.runs()) {
			double total = run.result().total();
			boolean baseline = run == c.baseline();
			double[] p = run.percentiles();
			Double lower = baseline ? null : c.lowerThanBaseline(run);
			rows.add(new String[] { run.name(), run.description() == null ? (baseline ? "the model as written" : "") : run.description(),
					Figures.number(total), baseline ? "" : signed(total - base), baseline || base == 0 ? "" : signedPercent((total - base) / base),
					p == null ? "" : Figures.number(p[1]) + " – " + Figures.number(p[3]), lower == null ? "" : Figures.percent(lower) });
		}
		return rows;
	}

	private static String signed(double value) {
		return (value > 0 ? "+" : "") + Figures.number(value);
	}

	private static String signedPercent(double share) {
		return String.format(Locale.ROOT, "%+.1f %%", share * 100);
	}

	/** The name after the package, e.g. LowerStandby for housing.LowerStandby. */
	static String simpleName(String name) {
		return name.substring(name.lastIndexOf('.') + 1);
	}
}
