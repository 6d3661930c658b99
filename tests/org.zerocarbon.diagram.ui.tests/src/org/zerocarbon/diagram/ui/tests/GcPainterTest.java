package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.FontMetricsTable;
import org.zerocarbon.diagram.FontSpec;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.diagram.ui.GcPainter;

/**
 * The GC painter draws text inside the box the diagram kit measured for it (so labels never overlap their
 * neighbours), at 100 % and zoomed, and measures as the SVG painter does.
 */
class GcPainterTest {

	private static final List<String> TEXTS = List.of("VMC1", "HeaderPressure", "≈ 9.8 kWh per machine-hour · 14 % of line",
			"6.77 kg CO2e per machine-hour · 13 % of footprint", "⚠ open loop: reads no sensor", "WWWWMMMM mmmm");

	private Display display;
	private GcPainter.Resources resources;

	@BeforeEach
	void setUp() {
		display = Display.getCurrent();
		resources = new GcPainter.Resources(display);
	}

	@AfterEach
	void tearDown() {
		resources.dispose();
	}

	@Test
	void textStaysInItsMeasuredBoxAtEveryZoom() {
		for (double zoom : new double[] { 1, 0.75, 1.5 }) {
			for (FontSpec font : List.of(FontSpec.NORMAL, FontSpec.TITLE, FontSpec.SMALL)) {
				for (String text : TEXTS) {
					int measured = FontMetricsTable.INSTANCE.extent(text, font).width();
					int[] ink = inkColumns(text, font, zoom);
					int x = 10;
					assertTrue(ink[0] >= Math.floor(x * zoom) - 1,
							text + " starts left of its box at " + zoom + ": " + ink[0]);
					assertTrue(ink[1] <= Math.ceil((x + measured) * zoom) + 1, text + " (" + font + ") runs past its box at "
							+ zoom + ": ink to " + ink[1] + ", box to " + (x + measured) * zoom);
					// ... and fills most of it: not a tiny or missing rendering.
					assertTrue(ink[1] - ink[0] >= measured * zoom * 0.6, text + " is drawn much narrower than measured");
				}
			}
		}
	}

	@Test
	void measuresLikeTheSvgPainterAndUsesAMetricCompatibleFontWhenInstalled() {
		Image image = new Image(display, 10, 10);
		GC gc = new GC(image);
		try {
			GcPainter painter = new GcPainter(gc, resources);
			painter.setFont(FontSpec.TITLE);
			assertEquals(FontMetricsTable.INSTANCE.extent("HeaderPressure", FontSpec.TITLE), painter.textExtent("HeaderPressure"));
			assertEquals(FontMetricsTable.ascent(FontSpec.TITLE), painter.ascent());
			if (!"Sans".equals(resources.family())) {
				// Liberation Sans, Arial or Helvetica: the table's widths, to within hinting.
				int measured = painter.textExtent("HeaderPressure").width();
				assertTrue(Math.abs(painter.actualWidth("HeaderPressure") - measured) <= 2,
						resources.family() + " draws " + painter.actualWidth("HeaderPressure") + " px, the table says " + measured);
			}
		} finally {
			gc.dispose();
			image.dispose();
		}
	}

	/** The first and last image columns with dark pixels after drawing the text at x = 10, y = 10. */
	private int[] inkColumns(String text, FontSpec font, double zoom) {
		int width = (int) ((FontMetricsTable.INSTANCE.extent(text, font).width() + 60) * zoom);
		int height = (int) (60 * zoom);
		Image image = new Image(display, width, height);
		GC gc = new GC(image);
		Transform transform = new Transform(display);
		try {
			gc.setBackground(display.getSystemColor(org.eclipse.swt.SWT.COLOR_WHITE));
			gc.fillRectangle(0, 0, width, height);
			transform.scale((float) zoom, (float) zoom);
			gc.setTransform(transform);
			GcPainter painter = new GcPainter(gc, resources);
			painter.setForeground(Rgb.BLACK);
			painter.setFont(font);
			painter.drawText(text, 10, 10);
			gc.setTransform(null);
			ImageData data = image.getImageData();
			int first = Integer.MAX_VALUE;
			int last = -1;
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					RGB rgb = data.palette.getRGB(data.getPixel(x, y));
					if (rgb.red + rgb.green + rgb.blue < 3 * 160) {
						first = Math.min(first, x);
						last = Math.max(last, x);
					}
				}
			}
			assertTrue(last >= 0, text + " left no ink");
			return new int[] { first, last };
		} finally {
			transform.dispose();
			gc.dispose();
			image.dispose();
		}
	}
}
