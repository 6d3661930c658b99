package org.zerocarbon.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The report charts as small inline SVG documents. They hold shapes only (rectangles and lines); every label
 * lives in the surrounding HTML, so the same chart renders in a browser and, through {@link PdfSvgDrawer}, in
 * the PDF, without needing fonts inside the SVG. Coordinates are printed with two decimals in
 * {@link java.util.Locale#ROOT}, so charts are deterministic.
 */
public final class SvgCharts {

	/** Colours of scope 1, 2 and 3 in the charts and the table. */
	public static final String[] SCOPE_COLOURS = { "#1f4e79", "#2e8b57", "#d4a72c" };

	/** Colour for negative values (module D benefits). */
	public static final String NEGATIVE_COLOUR = "#8c8c8c";

	/** Colours of the treemap tiles, in rank order; repeated when there are more tiles. */
	public static final String[] PALETTE = { "#1f4e79", "#2e8b57", "#d4a72c", "#b5523b", "#5b7fa6", "#7a9e3f", "#8e6c8a", "#3d8a8c",
			"#c98b2e", "#6b6b6b", "#9fb8d0", "#a7c58f" };

	private static final String AXIS = "#444444";

	private SvgCharts() {
	}

	/** A rectangle in chart coordinates. */
	public record Rect(double x, double y, double width, double height) {
	}

	/**
	 * A horizontal stacked bar: positive values stack right from zero, negative ones left. {@code min} and
	 * {@code max} give the common scale of all bars of one chart (min ≤ 0 ≤ max).
	 */
	public static String stackedBar(double[] values, String[] colours, double min, double max, int width, int height) {
		double lo = Math.min(0, min);
		double hi = Math.max(0, max);
		double span = hi - lo == 0 ? 1 : hi - lo;
		double zero = (0 - lo) / span * width;
		StringBuilder svg = open(width, height);
		double right = zero;
		double left = zero;
		double barHeight = height * 0.7;
		double y = (height - barHeight) / 2;
		for (int i = 0; i < values.length; i++) {
			double w = Math.abs(values[i]) / span * width;
			if (w <= 0) {
				continue;
			}
			if (values[i] > 0) {
				rect(svg, right, y, w, barHeight, colours[i % colours.length]);
				right += w;
			} else {
				left -= w;
				rect(svg, left, y, w, barHeight, NEGATIVE_COLOUR);
			}
		}
		if (lo < 0) {
			line(svg, zero, 0, zero, height, AXIS);
		}
		return svg.append("</svg>").toString();
	}

	/** A small square of one colour, for legends. */
	public static String swatch(String colour, int size) {
		StringBuilder svg = open(size, size);
		rect(svg, 0, 0, size, size, colour);
		return svg.append("</svg>").toString();
	}

	/**
	 * A squarified treemap (Bruls, Huizing, van Wijk) of the positive values, which must be sorted in descending
	 * order; tile i has colour {@code PALETTE[i % PALETTE.length]}.
	 */
	public static String treemap(double[] values, int width, int height) {
		List<Rect> rects = squarify(values, width, height);
		StringBuilder svg = open(width, height);
		for (int i = 0; i < rects.size(); i++) {
			Rect r = rects.get(i);
			svg.append("<rect x=\"").append(n(r.x())).append("\" y=\"").append(n(r.y())).append("\" width=\"").append(n(r.width()))
					.append("\" height=\"").append(n(r.height())).append("\" fill=\"").append(PALETTE[i % PALETTE.length])
					.append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * The uncertainty range: a whisker from P5 to P95, a box from P5 to P95 at the centre, a tick at the median
	 * and one at the mean, on a scale from {@code min} to {@code max}.
	 */
	public static String range(double p5, double p50, double p95, double mean, double min, double max, int width, int height) {
		double span = max - min == 0 ? 1 : max - min;
		StringBuilder svg = open(width, height);
		double x5 = (p5 - min) / span * width;
		double x50 = (p50 - min) / span * width;
		double x95 = (p95 - min) / span * width;
		double xm = (mean - min) / span * width;
		line(svg, 0, height / 2.0, width, height / 2.0, "#cccccc");
		rect(svg, x5, height * 0.25, Math.max(1, x95 - x5), height * 0.5, "#9fb8d0");
		rect(svg, x50 - 1, height * 0.1, 2, height * 0.8, SCOPE_COLOURS[0]);
		rect(svg, xm - 1, height * 0.2, 2, height * 0.6, "#b5523b");
		return svg.append("</svg>").toString();
	}

	/** Squarified layout of positive values, sorted descending, in a width × height box. Non-positive values get no tile. */
	public static List<Rect> squarify(double[] values, double width, double height) {
		List<Rect> out = new ArrayList<>();
		double sum = 0;
		int count = 0;
		for (double v : values) {
			if (v > 0) {
				sum += v;
				count++;
			}
		}
		if (count == 0 || width <= 0 || height <= 0) {
			return out;
		}
		double[] areas = new double[count];
		int k = 0;
		for (double v : values) {
			if (v > 0) {
				areas[k++] = v / sum * width * height;
			}
		}
		double x = 0;
		double y = 0;
		double w = width;
		double h = height;
		int start = 0;
		while (start < areas.length) {
			double side = Math.min(w, h);
			int end = start + 1;
			while (end < areas.length && worst(areas, start, end + 1, side) <= worst(areas, start, end, side)) {
				end++;
			}
			double rowSum = 0;
			for (int i = start; i < end; i++) {
				rowSum += areas[i];
			}
			boolean last = end == areas.length;
			// Lay the row along the shorter side: a column at the left of a wide box, a row at the top of a tall one.
			boolean column = w >= h;
			double length = column ? h : w;
			double thickness = last ? (column ? w : h) : rowSum / length;
			double pos = column ? y : x;
			double stop = pos + length;
			for (int i = start; i < end; i++) {
				double size = i == end - 1 ? stop - pos : areas[i] / thickness;
				out.add(column ? new Rect(x, pos, thickness, size) : new Rect(pos, y, size, thickness));
				pos += size;
			}
			if (column) {
				x += thickness;
				w -= thickness;
			} else {
				y += thickness;
				h -= thickness;
			}
			start = end;
		}
		return out;
	}

	private static double worst(double[] areas, int from, int to, double side) {
		double sum = 0;
		double max = 0;
		double min = Double.MAX_VALUE;
		for (int i = from; i < to; i++) {
			sum += areas[i];
			max = Math.max(max, areas[i]);
			min = Math.min(min, areas[i]);
		}
		double s2 = side * side;
		double sum2 = sum * sum;
		return Math.max(s2 * max / sum2, sum2 / (s2 * min));
	}

	/**
	 * Vertical columns of non-negative values (energy per day), with the largest value and the first and last labels
	 * written under the axis. Text is drawn as SVG text so that it stays readable when the chart is scaled.
	 */
	public static String columns(double[] values, String[] labels, String unit, int width, int height) {
		double max = 0;
		for (double v : values) {
			max = Math.max(max, v);
		}
		int axis = height - 14;
		StringBuilder svg = open(width, height);
		double slot = values.length == 0 ? width : (double) width / values.length;
		for (int i = 0; i < values.length; i++) {
			double h = max <= 0 ? 0 : Math.max(0, values[i]) / max * (axis - 12);
			rect(svg, i * slot + slot * 0.15, axis - h, slot * 0.7, h, SCOPE_COLOURS[1]);
		}
		line(svg, 0, axis, width, axis, AXIS);
		text(svg, 2, 10, "max " + Num.significant(max) + " " + unit, "start");
		if (labels.length > 0) {
			text(svg, 2, height - 2, labels[0], "start");
			text(svg, width - 2, height - 2, labels[labels.length - 1], "end");
		}
		return svg.append("</svg>").toString();
	}

	/** The colours of a tornado bar: the parameter at the low end of its range, and at the high end. */
	public static final String[] TORNADO_COLOURS = { "#5b7fa6", "#b5523b" };

	/**
	 * One bar of a tornado chart on the common scale {@code min..max}: from the result with the parameter at its low
	 * end to the baseline ({@link #TORNADO_COLOURS}[0]) and from the baseline to the result at its high end
	 * ([1]), with the baseline as a vertical line. A result below the baseline at the high end (a parameter that
	 * lowers the footprint as it grows) simply draws the high-end part on the left.
	 */
	public static String tornadoBar(double baseline, double resultLow, double resultHigh, double min, double max, int width, int height) {
		double span = max - min <= 0 ? 1 : max - min;
		java.util.function.DoubleUnaryOperator x = v -> (v - min) / span * width;
		StringBuilder svg = open(width, height);
		double barHeight = height * 0.7;
		double y = (height - barHeight) / 2;
		double b = x.applyAsDouble(baseline);
		double lo = x.applyAsDouble(resultLow);
		double hi = x.applyAsDouble(resultHigh);
		rect(svg, Math.min(lo, b), y, Math.abs(b - lo), barHeight, TORNADO_COLOURS[0]);
		rect(svg, Math.min(hi, b), y, Math.abs(hi - b), barHeight, TORNADO_COLOURS[1]);
		line(svg, b, 0, b, height, AXIS);
		return svg.append("</svg>").toString();
	}

	private static void text(StringBuilder svg, double x, double y, String text, String anchor) {
		svg.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"9\" font-family=\"sans-serif\" fill=\"")
				.append(AXIS).append("\" text-anchor=\"").append(anchor).append("\">")
				.append(text.replace("&", "&amp;").replace("<", "&lt;")).append("</text>");
	}

	private static StringBuilder open(int width, int height) {
		return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
				.append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
	}

	private static void rect(StringBuilder svg, double x, double y, double w, double h, String fill) {
		svg.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w)).append("\" height=\"")
				.append(n(h)).append("\" fill=\"").append(fill).append("\"/>");
	}

	private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String stroke) {
		svg.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2)).append("\" y2=\"")
				.append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1\"/>");
	}

	private static String n(double v) {
		return Num.fixed(v, 2);
	}
}
