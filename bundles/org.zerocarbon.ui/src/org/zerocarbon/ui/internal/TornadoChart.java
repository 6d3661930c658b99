package org.zerocarbon.ui.internal;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;

/**
 * The tornado of a baseline: one bar per parameter, from the baseline's GWP with the parameter at the low end of its
 * range to the GWP at the high end, the others at their values, around a vertical line at the baseline's GWP, the
 * largest swing on top. The part from the baseline to the low-end result has one colour, the part to the high-end
 * result another, those of the HTML report's tornado.
 */
public final class TornadoChart extends GcChart {

	/**
	 * One bar.
	 *
	 * @param parameter  the parameter's name
	 * @param range      the range it is varied over, as shown (e.g. "0.8 – 2.2 kW")
	 * @param resultLow  the GWP (kg CO2e) with the parameter at the low end
	 * @param resultHigh the GWP (kg CO2e) with the parameter at the high end
	 */
	public record Bar(String parameter, String range, double resultLow, double resultHigh) {
		/** The spread of the result over the range. */
		public double swing() {
			return Math.abs(resultHigh - resultLow);
		}
	}

	private List<Bar> bars = List.of();
	private double baseline;

	/** Creates the chart's canvas in the parent. */
	public TornadoChart(Composite parent) {
		super(parent);
	}

	/**
	 * Shows the bars in the order given (the engine sorts them by swing, the largest first).
	 *
	 * @param baseline the baseline's GWP, kg CO2e
	 */
	public void setBars(List<Bar> bars, double baseline) {
		this.bars = List.copyOf(bars);
		this.baseline = baseline;
		redraw();
	}

	/** The parameters drawn, top to bottom (for tests). */
	public List<String> parameters() {
		return bars.stream().map(Bar::parameter).toList();
	}

	@Override
	protected void paint(GC gc, Rectangle area) {
		Color text = gc.getDevice().getSystemColor(SWT.COLOR_LIST_FOREGROUND);
		if (bars.isEmpty()) {
			gc.setForeground(text);
			gc.drawText("No tornado: no parameter has a range (parameter P = 1.8 kW range 0.8 kW to 2.2 kW) or an uncertainty.", MARGIN, MARGIN,
					true);
			return;
		}
		double min = baseline;
		double max = baseline;
		for (Bar bar : bars) {
			min = Math.min(min, Math.min(bar.resultLow(), bar.resultHigh()));
			max = Math.max(max, Math.max(bar.resultLow(), bar.resultHigh()));
		}
		boolean tonnes = inTonnes(Math.max(Math.abs(min), Math.abs(max)));
		double scale = tonnes ? 1000 : 1;
		int lineHeight = gc.getFontMetrics().getHeight();
		int y = legend(gc, area, MARGIN, "GWP, " + (tonnes ? "t" : "kg") + " CO2e, with the parameter at the",
				List.of("low end", "high end of its range"), List.of(TORNADO_LOW, TORNADO_HIGH)) + GAP;
		String base = "baseline " + Figures.number(baseline / scale);

		int labelWidth = 0;
		int valueWidth = 0;
		for (Bar bar : bars) {
			labelWidth = Math.max(labelWidth, Math.max(gc.textExtent(bar.parameter()).x, gc.textExtent(bar.range()).x));
			valueWidth = Math.max(valueWidth, Math.max(gc.textExtent(Figures.number(bar.resultLow() / scale)).x,
					gc.textExtent(Figures.number(bar.resultHigh() / scale)).x));
		}
		int left = MARGIN + labelWidth + GAP * 3 + valueWidth;
		int plotWidth = Math.max(20, area.width - MARGIN - valueWidth - GAP * 2 - left);
		double range = max - min == 0 ? 1 : max - min;
		double lowest = min;
		java.util.function.DoubleToIntFunction x = v -> left + (int) Math.round((v - lowest) / range * plotWidth);
		int centre = x.applyAsInt(baseline);
		gc.setForeground(text);
		gc.drawText(base, Math.max(left, Math.min(centre - gc.textExtent(base).x / 2, area.width - MARGIN - gc.textExtent(base).x)), y, true);
		y += lineHeight + GAP;
		// two lines of label per bar: the parameter, and the range it is varied over
		int rowHeight = Math.max(2 * lineHeight + 2, Math.min(2 * lineHeight + 12, (area.height - y - MARGIN) / bars.size()));
		int barHeight = Math.max(4, Math.min(rowHeight - 6, 2 * lineHeight));
		int top = y;
		for (Bar bar : bars) {
			int barTop = y + (rowHeight - barHeight) / 2;
			int labelTop = y + (rowHeight - 2 * lineHeight) / 2;
			gc.setForeground(text);
			gc.drawText(bar.parameter(), MARGIN, labelTop, true);
			gc.drawText(bar.range(), MARGIN, labelTop + lineHeight, true);
			int low = x.applyAsInt(bar.resultLow());
			int high = x.applyAsInt(bar.resultHigh());
			gc.setBackground(new Color(TORNADO_LOW));
			gc.fillRectangle(Math.min(low, centre), barTop, Math.max(1, Math.abs(centre - low)), barHeight);
			gc.setBackground(new Color(TORNADO_HIGH));
			gc.fillRectangle(Math.min(high, centre), barTop, Math.max(1, Math.abs(high - centre)), barHeight);
			// each end's figure outside its end of the bar
			int textTop = y + (rowHeight - lineHeight) / 2;
			drawEnd(gc, Figures.number(bar.resultLow() / scale), low, low <= high, textTop);
			drawEnd(gc, Figures.number(bar.resultHigh() / scale), high, high < low, textTop);
			y += rowHeight;
		}
		gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_WIDGET_NORMAL_SHADOW));
		gc.drawLine(centre, top - GAP, centre, y);
	}

	/** Writes a bar end's figure left of the end ({@code leftEnd}) or right of it. */
	private static void drawEnd(GC gc, String value, int end, boolean leftEnd, int y) {
		gc.drawText(value, leftEnd ? end - GAP - gc.textExtent(value).x : end + GAP, y, true);
	}
}
