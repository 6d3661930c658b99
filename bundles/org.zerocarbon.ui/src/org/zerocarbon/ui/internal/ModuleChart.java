package org.zerocarbon.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;

/**
 * A horizontal bar chart of a footprint by life-cycle module, each bar split by GHG scope, drawn natively with
 * SWT's GC ({@link GcChart}). Module D is drawn below the others, apart, because it is never netted. Figures are
 * in t CO2e when the largest bar exceeds 10 t, otherwise in kg CO2e.
 */
public final class ModuleChart extends GcChart {

	/** One bar: a module and its figure per scope. */
	record Bar(Module module, double[] byScope) {
		double total() {
			double sum = 0;
			for (double value : byScope) {
				sum += value;
			}
			return sum;
		}
	}

	private List<Bar> bars = List.of();

	/** Creates the chart's canvas in the parent. */
	public ModuleChart(Composite parent) {
		super(parent);
	}

	/** Shows a footprint (or nothing, for null). */
	public void setFootprint(FootprintResult result) {
		bars = result == null ? List.of() : bars(result);
		redraw();
	}

	/** The modules drawn, in order (for tests). */
	public List<Module> modules() {
		return bars.stream().map(Bar::module).toList();
	}

	static List<Bar> bars(FootprintResult result) {
		List<Bar> bars = new ArrayList<>();
		for (Map.Entry<Module, Map<Scope, Double>> row : result.table().entrySet()) {
			double[] values = new double[Scope.values().length];
			row.getValue().forEach((scope, value) -> values[scope.ordinal()] = value);
			bars.add(new Bar(row.getKey(), values));
		}
		return bars;
	}

	@Override
	protected void paint(GC gc, Rectangle area) {
		if (bars.isEmpty()) {
			return;
		}
		double[] extent = extent(bars.stream().map(Bar::byScope).toList());
		double min = extent[0];
		double max = extent[1];
		boolean tonnes = inTonnes(Math.max(max, -min));
		double scale = tonnes ? 1000 : 1;
		String unit = tonnes ? "t CO2e" : "kg CO2e";

		int lineHeight = gc.getFontMetrics().getHeight();
		int y = MARGIN;
		y = legend(gc, area, y, unit + ":", Arrays.stream(Scope.values()).map(Scope::label).toList(), List.of(SCOPE_COLOURS)) + GAP * 2;

		int labelWidth = 0;
		int valueWidth = 0;
		for (Bar bar : bars) {
			labelWidth = Math.max(labelWidth, gc.textExtent(bar.module().name()).x);
			valueWidth = Math.max(valueWidth, gc.textExtent(Figures.number(bar.total() / scale)).x);
		}
		int left = MARGIN + labelWidth + GAP * 2;
		int right = area.width - MARGIN - valueWidth - GAP * 2;
		int plotWidth = Math.max(20, right - left);
		double range = max - min == 0 ? 1 : max - min;
		int zero = left + (int) Math.round(-min / range * plotWidth);
		int rows = bars.size() + (bars.stream().anyMatch(b -> b.module().isReportedSeparately()) ? 1 : 0);
		int rowHeight = Math.max(lineHeight + 2, Math.min(lineHeight + 12, (area.height - y - MARGIN) / Math.max(1, rows)));
		int barHeight = Math.max(4, rowHeight - 6);

		Color axis = gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW);
		Color text = gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		int top = y;
		for (Bar bar : bars) {
			if (bar.module().isReportedSeparately()) {
				y += rowHeight / 2;
				gc.setForeground(axis);
				gc.setLineStyle(SWT.LINE_DOT);
				gc.drawLine(MARGIN, y, area.width - MARGIN, y);
				gc.setLineStyle(SWT.LINE_SOLID);
				y += rowHeight / 2;
			}
			int barTop = y + (rowHeight - barHeight) / 2;
			gc.setForeground(text);
			gc.drawText(bar.module().name(), MARGIN, y + (rowHeight - lineHeight) / 2, true);
			int[] ends = stack(gc, zero, barTop, barHeight, bar.byScope(), List.of(SCOPE_COLOURS), NEGATIVE, range, plotWidth);
			int positive = ends[0];
			int negative = ends[1];
			gc.setForeground(text);
			String value = Figures.number(bar.total() / scale);
			int valueX = bar.total() >= 0 ? positive + GAP : Math.max(MARGIN + labelWidth + GAP, negative - GAP - gc.textExtent(value).x);
			if (bar.total() < 0 && valueX + gc.textExtent(value).x > negative) {
				valueX = positive + GAP; // no room on the left of a negative bar: write the figure right of the axis
			}
			gc.drawText(value, valueX, y + (rowHeight - lineHeight) / 2, true);
			y += rowHeight;
		}
		gc.setForeground(axis);
		gc.drawLine(zero, top - GAP, zero, y);
	}
}
