package org.zerocarbon.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.core.footprint.FootprintResult.Share;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.ColumnFit;
import org.zerocarbon.workspace.MeasuredData;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcBuildResults.Footprint;

/**
 * The measured data of the selected project's meters: per meter its source, energy, coverage, longest gap, achieved
 * sampling interval, parts and energy per part and whether B6 came from it; for the selected meter its energy per
 * day (columns) and the time in each energy state (a bar with a legend). Fed by the build's results; nothing is read
 * here. "Refresh Live Sources" reads MTConnect agents and OPC UA servers once, which a save never does.
 */
public class MeterView extends ViewPart {

	/** The view's id in plugin.xml. */
	public static final String ID = "org.zerocarbon.ui.meterView";

	private static final RGB[] STATE_COLOURS = { new RGB(0x9e, 0x9e, 0x9e), new RGB(0xd4, 0xa7, 0x2c), new RGB(0x5b, 0x9b, 0xd5),
			new RGB(0xc5, 0x5a, 0x11), new RGB(0x2e, 0x8b, 0x57), new RGB(0x70, 0x30, 0xa0) };
	private static final List<String> STATES = List.of("off", "standby", "ready", "warmup", "processing");

	private Table table;
	private Canvas chart;
	private IProject project;
	private List<Measurement> rows = List.of();
	private final AtomicBoolean refreshPending = new AtomicBoolean();
	private final ZcBuildResults.Listener resultsListener = built -> {
		if (built.equals(project)) {
			refreshSoon();
		}
	};
	private final ISelectionListener selectionListener = this::selectionChanged;

	@Override
	public void createPartControl(Composite parent) {
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		table = new Table(sash, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (String[] column : new String[][] { { "Meter", "220" }, { "Source", "260" }, { "kWh", "90" }, { "Coverage", "80" },
				{ "Longest gap", "90" }, { "Interval", "70" }, { "Parts", "60" }, { "kWh/part", "70" }, { "Use stage (B6)", "160" } }) {
			TableColumn c = new TableColumn(table, column[0].equals("Meter") || column[0].equals("Source") ? SWT.LEFT : SWT.RIGHT);
			c.setText(column[0]);
			c.setWidth(Integer.parseInt(column[1]));
		}
		// the widths above until the first rows arrive; then each column as wide as its content (ColumnFit)
		ColumnFit.install(table);
		table.addListener(SWT.Selection, e -> chart.redraw());
		Composite chartHolder = new Composite(sash, SWT.NONE);
		chartHolder.setLayout(new FillLayout());
		chart = new Canvas(chartHolder, SWT.DOUBLE_BUFFERED);
		chart.addPaintListener(e -> paint(e.gc, chart.getClientArea()));
		sash.setWeights(45, 55);
		Action refresh = new Action("Refresh Live Sources") {
			@Override
			public void run() {
				MeasuredData.refreshLiveSources();
				Builds.rebuild(project == null ? Builds.zcProjects() : List.of(project));
			}
		};
		refresh.setToolTipText("Read the MTConnect agents and OPC UA servers now (a save never does), then rebuild");
		getViewSite().getActionBars().getToolBarManager().add(refresh);
		getSite().getPage().addPostSelectionListener(selectionListener);
		ZcBuildResults.addListener(resultsListener);
		selectionChanged(null, getSite().getPage().getSelection());
		if (project == null && !Builds.zcProjects().isEmpty()) {
			project = Builds.zcProjects().get(0);
		}
		refresh();
	}

	private void selectionChanged(IWorkbenchPart part, org.eclipse.jface.viewers.ISelection selection) {
		if (part == this || !(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
			return;
		}
		IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
		if (resource != null && !resource.getProject().equals(project)) {
			project = resource.getProject();
			refresh();
		}
	}

	private void refreshSoon() {
		if (refreshPending.compareAndSet(false, true)) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
				refreshPending.set(false);
				if (!table.isDisposed()) {
					refresh();
				}
			});
		}
	}

	/** Shows the meters of this project (as selecting it in the Project Explorer does); returns the rows shown. */
	public List<Measurement> show(IProject shown) {
		project = shown;
		return refresh();
	}

	/** The meters table (for tests). */
	public Table table() {
		return table;
	}

	/** Shows the measurements of the project's last build (for tests: the rows shown). */
	public List<Measurement> refresh() {
		List<Measurement> measured = new ArrayList<>();
		ZcBuildResults.ProjectResult result = project == null ? null : ZcBuildResults.of(project);
		if (result != null) {
			for (Footprint footprint : result.footprints()) {
				FootprintResult r = footprint.result();
				if (r != null) {
					measured.addAll(r.measurements());
				}
			}
		}
		rows = measured;
		table.removeAll();
		for (Measurement m : rows) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { m.meter(), m.source() + (m.stale() ? " (stale)" : ""), number(m.kWh(), 1), percent(m.coverage()),
					number(m.longestGapHours() * 60, 0) + " min", Double.isNaN(m.intervalSeconds()) ? "—" : number(m.intervalSeconds(), 1) + " s",
					String.valueOf(m.parts()), m.parts() > 0 ? number(m.kWhPerPart(), 2) : "—",
					m.usedForB6() ? number(m.annualKWh(), 0) + " kWh a year" : "declared" });
		}
		if (!rows.isEmpty()) {
			table.select(0);
		}
		ColumnFit.fit(table);
		setContentDescription(project == null ? "Select a ZeroCarbon project." : rows.isEmpty() ? project.getName()
				+ ": no meter reads a data source (meter ... from <source>), or the project is not built yet." : project.getName() + ": "
						+ rows.size() + (rows.size() == 1 ? " meter" : " meters") + " with measured data");
		chart.redraw();
		return rows;
	}

	private void paint(GC gc, Rectangle area) {
		int index = table.getSelectionIndex();
		if (index < 0 || index >= rows.size()) {
			return;
		}
		Measurement m = rows.get(index);
		int x0 = area.x + 10;
		int width = Math.max(50, area.width - 20);
		gc.drawString(m.meter() + ": energy per day (kWh)", x0, area.y + 4, true);
		int top = area.y + 24;
		int height = Math.max(30, area.height / 2 - 40);
		double max = m.days().stream().mapToDouble(FootprintResult.DayEnergy::kWh).max().orElse(0);
		Color bar = new Color(gc.getDevice(), STATE_COLOURS[4]);
		try {
			int n = Math.max(1, m.days().size());
			double slot = (double) width / n;
			gc.setBackground(bar);
			for (int i = 0; i < m.days().size(); i++) {
				int h = max <= 0 ? 0 : (int) Math.round(m.days().get(i).kWh() / max * height);
				gc.fillRectangle(x0 + (int) (i * slot + slot * 0.15), top + height - h, Math.max(1, (int) (slot * 0.7)), h);
			}
			gc.drawLine(x0, top + height, x0 + width, top + height);
			if (!m.days().isEmpty()) {
				gc.drawString(m.days().get(0).date(), x0, top + height + 2, true);
				String last = m.days().get(m.days().size() - 1).date();
				Point extent = gc.stringExtent(last);
				gc.drawString(last, x0 + width - extent.x, top + height + 2, true);
				String scale = "max " + number(max, 1) + " kWh";
				gc.drawString(scale, x0 + width - gc.stringExtent(scale).x, area.y + 4, true);
			}
		} finally {
			bar.dispose();
		}
		int y = top + height + 26;
		gc.drawString("Time in each energy state", x0, y, true);
		y += 18;
		double hours = m.states().stream().mapToDouble(Share::hours).sum();
		int x = x0;
		int legendX = x0;
		for (int i = 0; i < m.states().size(); i++) {
			Share s = m.states().get(i);
			int c = STATES.indexOf(s.name());
			Color colour = new Color(gc.getDevice(), STATE_COLOURS[c < 0 ? STATE_COLOURS.length - 1 : c]);
			try {
				gc.setBackground(colour);
				int w = hours <= 0 ? 0 : (int) Math.round(s.hours() / hours * width);
				gc.fillRectangle(x, y, w, 18);
				x += w;
				gc.fillRectangle(legendX, y + 26, 10, 10);
				String label = s.name() + " " + percent(hours > 0 ? s.hours() / hours : 0) + ", " + number(s.kWh(), 0) + " kWh";
				gc.drawString(label, legendX + 14, y + 23, true);
				legendX += gc.stringExtent(label).x + 30;
			} finally {
				colour.dispose();
			}
		}
		if (m.states().isEmpty()) {
			gc.drawString("no state signal or power thresholds", x0, y, true);
		}
	}

	private static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%,." + decimals + "f", value);
	}

	private static String percent(double share) {
		return String.format(Locale.ROOT, "%.1f %%", 100 * share);
	}

	@Override
	public void setFocus() {
		table.setFocus();
	}

	@Override
	public void dispose() {
		ZcBuildResults.removeListener(resultsListener);
		getSite().getPage().removePostSelectionListener(selectionListener);
		super.dispose();
	}
}
