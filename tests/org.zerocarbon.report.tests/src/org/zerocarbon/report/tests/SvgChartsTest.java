package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zerocarbon.report.internal.Num;
import org.zerocarbon.report.internal.SvgCharts;
import org.zerocarbon.report.internal.SvgCharts.Rect;

class SvgChartsTest {

	@Test
	void treemapTilesAreProportionalAndFillTheBox() {
		double[] values = { 60, 25, 10, 4, 1, 0, -3 };
		List<Rect> tiles = SvgCharts.squarify(values, 400, 200);
		assertEquals(5, tiles.size(), "non-positive values get no tile");
		double area = 0;
		for (int i = 0; i < tiles.size(); i++) {
			Rect r = tiles.get(i);
			assertEquals(values[i] / 100 * 400 * 200, r.width() * r.height(), 1e-6, "tile " + i);
			assertTrue(r.x() >= -1e-9 && r.y() >= -1e-9 && r.x() + r.width() <= 400 + 1e-9 && r.y() + r.height() <= 200 + 1e-9, "inside: " + r);
			area += r.width() * r.height();
		}
		assertEquals(400 * 200, area, 1e-6);
	}

	@Test
	void stackedBarPutsNegativesLeftOfZero() {
		// scale −100..300 over 400 px: zero at x = 100; +150 and +50 stack right, −100 goes left to x = 0
		String svg = SvgCharts.stackedBar(new double[] { 150, 50, -100 }, SvgCharts.SCOPE_COLOURS, -100, 300, 400, 10);
		assertTrue(svg.contains("<rect x=\"100.00\" y=\"1.50\" width=\"150.00\""), svg);
		assertTrue(svg.contains("<rect x=\"250.00\" y=\"1.50\" width=\"50.00\""), svg);
		assertTrue(svg.contains("<rect x=\"0.00\" y=\"1.50\" width=\"100.00\""), svg);
		assertTrue(svg.contains("<line x1=\"100.00\""), "zero axis");
	}

	@Test
	void numbersIgnoreTheDefaultLocale() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.GERMANY);
			assertEquals("1,234.5", Num.kg(1234.5));
			assertEquals("0.0", Num.kg(-0.00001), "no negative zero");
			assertEquals("1234.500", Num.fixed(1234.5, 3));
			assertEquals("10000000", Num.plain(1e7));
			assertEquals("0.30000000000000004", Num.plain(0.1 + 0.2));
			assertEquals("0.01235", Num.significant(0.0123456));
		} finally {
			Locale.setDefault(before);
		}
	}
}
