package org.zerocarbon.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;

/**
 * The baseline and its scenarios side by side: one horizontal bar per run, stacked by life-cycle module (A1–C4;
 * module D is reported apart and left out), with a dotted line at the baseline's total. A module has the same colour
 * in every bar, the HTML comparison report's ({@link GcChart#palette(int)} in module order).
 */
public final class ScenarioChart extends GcChart {

	/**
	 * One bar: a run's name and its footprint.
	 *
	 * @param name   what the bar is labelled with
	 * @param result the run's footprint
	 */
	public record Bar(String name, FootprintResult result) {
	}

	private List<Bar> bars = List.of();
	private List<Module> modules = List.of();

	/** Creates the chart's canvas in the parent. */
	public ScenarioChart(Composite parent) {
		super(parent);
	}

	/** Shows the runs, the baseline first (an empty list clears the chart). */
	public void setRuns(List<Bar> runs) {
		bars = List.copyOf(runs);
		modules = modules(bars);
		redraw();
	}

	/** The runs drawn, in order (for tests). */
	public List<String> runs() {
		return bars.stream().map(Bar::name).toList();
	}

	/** The modules the bars are stacked by, in order (for tests). */
	public List<Module> modules() {
		return modules;
	}

	/** The modules A1–C4 that have a figure in some run, in module order. */
	static List<Module> modules(List<Bar> bars) {
		List<Module> modules = new ArrayList<>();
		for (Module module : Module.values()) {
			if (!module.isReportedSeparately() && bars.stream().anyMatch(b -> b.result().total(module) != 0)) {
				modules.add(module);
			}
		}
		return modules;
	}

	@Override
	protected void paint(GC gc, Rectangle area) {
		if (bars.isEmpty()) {
			return;
		}
		List<double[]> values = bars.stream().map(b -> modules.stream().mapToDouble(m -> b.result().total(m)).toArray()).toList();
		double[] extent = extent(values);
		double min = extent[0];
		double max = extent[1];
		boolean tonnes = inTonnes(Math.max(max, -min));
		double scale = tonnes ? 1000 : 1;
		List<RGB> colours = new ArrayList<>();
		for (int i = 0; i < modules.size(); i++) {
			colours.add(palette(i));
		}
		int lineHeight = gc.getFontMetrics().getHeight();
		int y = legend(gc, area, MARGIN, (tonnes ? "t" : "kg") + " CO2e (A–C) by module:", modules.stream().map(Module::name).toList(),
				colours) + GAP * 2;

		int labelWidth = 0;
		int valueWidth = 0;
		for (Bar bar : bars) {
			labelWidth = Math.max(labelWidth, gc.textExtent(bar.name()).x);
			valueWidth = Math.max(valueWidth, gc.textExtent(Figures.number(bar.result().total() / scale)).x);
		}
		int left = MARGIN + labelWidth + GAP * 2;
		int plotWidth = Math.max(20, area.width - MARGIN - valueWidth - GAP * 2 - left);
		double range = max - min == 0 ? 1 : max - min;
		int zero = left + (int) Math.round(-min / range * plotWidth);
		int rowHeight = Math.max(lineHeight + 2, Math.min(lineHeight + 14, (area.height - y - MARGIN) / bars.size()));
		int barHeight = Math.max(4, rowHeight - 6);
		Color axis = gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
		Color text = gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		int top = y;
		for (int b = 0; b < bars.size(); b++) {
			Bar bar = bars.get(b);
			int barTop = y + (rowHeight - barHeight) / 2;
			gc.setForeground(text);
			gc.drawText(bar.name(), MARGIN, y + (rowHeight - lineHeight) / 2, true);
			int positive = stack(gc, zero, barTop, barHeight, values.get(b), colours, null, range, plotWidth)[0];
			gc.setForeground(text);
			gc.drawText(Figures.number(bar.result().total() / scale), positive + GAP, y + (rowHeight - lineHeight) / 2, true);
			y += rowHeight;
		}
		gc.setForeground(axis);
		gc.drawLine(zero, top - GAP, zero, y);
		// the baseline's total across all bars, so that a scenario's gain reads at a glance
		int baseline = zero + (int) Math.round(bars.get(0).result().total() / range * plotWidth);
		gc.setLineStyle(SWT.LINE_DOT);
		gc.drawLine(baseline, top - GAP, baseline, y);
		gc.setLineStyle(SWT.LINE_SOLID);
	}
}
