package org.zerocarbon.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;

/**
 * A horizontal bar chart of a footprint by life-cycle module, each bar split by GHG scope, drawn natively with
 * SWT's GC (no browser needed). Module D is drawn below the others, apart, because it is never netted. Figures are
 * in t CO2e when the largest bar exceeds 10 t, otherwise in kg CO2e.
 */
public final class ModuleChart {

	/** Scope colours and the colour of negative figures (benefits), the same as the HTML report's. */
	private static final RGB[] SCOPE_COLOURS = { new RGB(0x1f, 0x4e, 0x79), new RGB(0x2e, 0x8b, 0x57), new RGB(0xd4, 0xa7, 0x2c) };
	private static final RGB NEGATIVE = new RGB(0x8c, 0x8c, 0x8c);
	private static final int MARGIN = 10;
	private static final int GAP = 4;

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

	private final Canvas canvas;
	private List<Bar> bars = List.of();

	/** Creates the chart's canvas in the parent. */
	public ModuleChart(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
		canvas.addListener(SWT.Resize, e -> canvas.redraw());
	}

	/** The canvas, for layout. */
	public Canvas control() {
		return canvas;
	}

	/** Shows a footprint (or nothing, for null). */
	public void setFootprint(FootprintResult result) {
		bars = result == null ? List.of() : bars(result);
		canvas.redraw();
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

	private void paint(GC gc, Rectangle area) {
		gc.setAntialias(SWT.ON);
		gc.setTextAntialias(SWT.ON);
		if (bars.isEmpty() || area.width < 120 || area.height < 60) {
			return;
		}
		double min = 0;
		double max = 0;
		for (Bar bar : bars) {
			double positive = 0;
			double negative = 0;
			for (double value : bar.byScope()) {
				positive += Math.max(0, value);
				negative += Math.min(0, value);
			}
			max = Math.max(max, positive);
			min = Math.min(min, negative);
		}
		boolean tonnes = Math.max(max, -min) >= 10_000;
		double scale = tonnes ? 1000 : 1;
		String unit = tonnes ? "t CO2e" : "kg CO2e";

		int lineHeight = gc.getFontMetrics().getHeight();
		int y = MARGIN;
		y = legend(gc, area, y, unit) + GAP * 2;

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
			int positive = zero;
			int negative = zero;
			for (Scope scope : Scope.values()) {
				double value = bar.byScope()[scope.ordinal()];
				int width = (int) Math.round(Math.abs(value) / range * plotWidth);
				if (width == 0) {
					continue;
				}
				gc.setBackground(new Color(value > 0 ? SCOPE_COLOURS[scope.ordinal()] : NEGATIVE));
				if (value > 0) {
					gc.fillRectangle(positive, barTop, width, barHeight);
					positive += width;
				} else {
					negative -= width;
					gc.fillRectangle(negative, barTop, width, barHeight);
				}
			}
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

	/** Draws the legend (scope colours and the unit) and returns the y below it. */
	private static int legend(GC gc, Rectangle area, int y, String unit) {
		int x = MARGIN;
		int height = gc.getFontMetrics().getHeight();
		Color text = gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		String title = unit + ":";
		gc.setForeground(text);
		gc.drawText(title, x, y, true);
		x += gc.textExtent(title).x + 16;
		for (Scope scope : Scope.values()) {
			Point extent = gc.textExtent(scope.label());
			if (x + height + 4 + extent.x > area.width - MARGIN) {
				x = MARGIN;
				y += height + GAP;
			}
			gc.setBackground(new Color(SCOPE_COLOURS[scope.ordinal()]));
			gc.fillRectangle(x, y + 2, height - 4, height - 4);
			x += height;
			gc.setForeground(text);
			gc.drawText(scope.label(), x, y, true);
			x += extent.x + 12;
		}
		return y + height;
	}
}
