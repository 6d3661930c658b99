package org.zerocarbon.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * A chart of the views drawn natively with SWT's GC (no browser needed) on a canvas of its own, redrawn when resized,
 * with what the charts share: the colours (those of the HTML report), the legend, stacked bars, t or kg CO2e.
 */
public abstract class GcChart {

	/** Colours of scope 1, 2 and 3, the same as the HTML report's. */
	static final RGB[] SCOPE_COLOURS = { rgb(0x1f4e79), rgb(0x2e8b57), rgb(0xd4a72c) };
	/** Colour of negative figures (benefits). */
	static final RGB NEGATIVE = rgb(0x8c8c8c);
	/**
	 * Colours of series in rank order (modules in a stacked bar), the HTML report's palette: it starts with the scope
	 * colours, so a chart of one series per scope reads alike.
	 */
	private static final RGB[] PALETTE = { rgb(0x1f4e79), rgb(0x2e8b57), rgb(0xd4a72c), rgb(0xb5523b), rgb(0x5b7fa6), rgb(0x7a9e3f),
			rgb(0x8e6c8a), rgb(0x3d8a8c), rgb(0xc98b2e), rgb(0x6b6b6b), rgb(0x9fb8d0), rgb(0xa7c58f) };
	/** The tornado's colours, as in the report: the parameter at the low end of its range. */
	static final RGB TORNADO_LOW = rgb(0x5b7fa6);
	/** The tornado's colour of the parameter at the high end of its range. */
	static final RGB TORNADO_HIGH = rgb(0xb5523b);
	/** Margin around the drawing, in pixels. */
	static final int MARGIN = 10;
	/** Gap between labels and bars, in pixels. */
	static final int GAP = 4;

	private final Canvas canvas;

	/** Creates the chart's canvas in the parent. */
	protected GcChart(Composite parent) {
		canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
		canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
		canvas.addPaintListener(e -> {
			e.gc.setAntialias(SWT.ON);
			e.gc.setTextAntialias(SWT.ON);
			Rectangle area = canvas.getClientArea();
			if (area.width >= 120 && area.height >= 60) {
				paint(e.gc, area);
			}
		});
		canvas.addListener(SWT.Resize, e -> canvas.redraw());
	}

	/** The canvas, for layout. */
	public Canvas control() {
		return canvas;
	}

	/** Draws the chart again (after its data changed). */
	protected void redraw() {
		canvas.redraw();
	}

	/** Draws the chart into an area at least 120 x 60 pixels. */
	protected abstract void paint(GC gc, Rectangle area);

	/** The colour of the i-th series (0-based) of a chart, repeating after twelve. */
	public static RGB palette(int i) {
		return PALETTE[i % PALETTE.length];
	}

	/** Whether a chart whose largest magnitude is {@code max} kg CO2e writes t CO2e (from 10 t) rather than kg CO2e. */
	static boolean inTonnes(double max) {
		return Math.abs(max) >= 10_000;
	}

	/**
	 * The scale of stacked bars: the lowest sum of a bar's negative values (at most 0) and the highest sum of a bar's
	 * positive values (at least 0).
	 */
	static double[] extent(List<double[]> bars) {
		double min = 0;
		double max = 0;
		for (double[] values : bars) {
			double positive = 0;
			double negative = 0;
			for (double value : values) {
				positive += Math.max(0, value);
				negative += Math.min(0, value);
			}
			max = Math.max(max, positive);
			min = Math.min(min, negative);
		}
		return new double[] { min, max };
	}

	/**
	 * Draws a stacked bar: positive values stack right from {@code zero}, negative ones left, {@code range} kg CO2e
	 * to {@code plotWidth} pixels.
	 *
	 * @param negative the colour of negative values, or null to draw them in their series' colour
	 * @return the x where the positive values end and the x where the negative ones end
	 */
	static int[] stack(GC gc, int zero, int top, int height, double[] values, List<RGB> colours, RGB negative, double range, int plotWidth) {
		int positive = zero;
		int left = zero;
		for (int i = 0; i < values.length; i++) {
			int width = (int) Math.round(Math.abs(values[i]) / range * plotWidth);
			if (width == 0) {
				continue;
			}
			gc.setBackground(new Color(values[i] < 0 && negative != null ? negative : colours.get(i)));
			if (values[i] > 0) {
				gc.fillRectangle(positive, top, width, height);
				positive += width;
			} else {
				left -= width;
				gc.fillRectangle(left, top, width, height);
			}
		}
		return new int[] { positive, left };
	}

	/**
	 * Draws a legend: a title, then a swatch and a label per series, wrapping at the width of the area.
	 *
	 * @return the y below the legend
	 */
	static int legend(GC gc, Rectangle area, int y, String title, List<String> labels, List<RGB> colours) {
		int x = MARGIN;
		int height = gc.getFontMetrics().getHeight();
		Color text = gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		gc.setForeground(text);
		gc.drawText(title, x, y, true);
		x += gc.textExtent(title).x + 16;
		for (int i = 0; i < labels.size(); i++) {
			Point extent = gc.textExtent(labels.get(i));
			if (x + height + 4 + extent.x > area.width - MARGIN) {
				x = MARGIN;
				y += height + GAP;
			}
			gc.setBackground(new Color(colours.get(i)));
			gc.fillRectangle(x, y + 2, height - 4, height - 4);
			x += height;
			gc.setForeground(text);
			gc.drawText(labels.get(i), x, y, true);
			x += extent.x + 12;
		}
		return y + height;
	}

	private static RGB rgb(int hex) {
		return new RGB(hex >> 16 & 0xff, hex >> 8 & 0xff, hex & 0xff);
	}
}
