package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.zerocarbon.ui.internal.Figures;

/** The views' per-unit figures all have four significant digits, so that figures side by side read alike. */
class FiguresTest {

	@Test
	void perUnitFiguresKeepFourSignificantDigits() {
		// 6.37 has three significant digits; with four it is 6.370, like 6.577 beside it (the Footprint view wrote "6.37")
		assertEquals("6.370", Figures.perUnit(6.37));
		assertEquals("6.577", Figures.perUnit(6.577));
		// 6.5774 rounds to 6.577, and so does 6.5775: as a double it is 6.57749999999999968..., below the half
		assertEquals("6.577", Figures.perUnit(6.5774));
		assertEquals("6.577", Figures.perUnit(6.5775));
		assertEquals("6.578", Figures.perUnit(6.57751));
		// small figures: 0.0475 has the significant digits 4, 7, 5 and a zero added
		assertEquals("0.04750", Figures.perUnit(0.0475));
		assertEquals("12.50", Figures.perUnit(12.5));
		// 123.45 is stored as 123.4500000000000028..., so four significant digits round it up to 123.5
		assertEquals("123.5", Figures.perUnit(123.45));
		assertEquals("-4.000", Figures.perUnit(-4));
		// 999.96 rounds to 1000 with four significant digits, and from 1,000 up figures are whole and grouped
		assertEquals("1,000", Figures.perUnit(999.96));
		assertEquals("12,346", Figures.perUnit(12345.6));
		assertEquals("0", Figures.perUnit(0));
	}

	@Test
	void otherFiguresAreUnchanged() {
		// totals from 100 up are whole and grouped; below, up to four significant digits without trailing zeros
		assertEquals("1,994,134", Figures.number(1994134.4));
		assertEquals("6.37", Figures.number(6.37));
		assertEquals("4.748 kg CO2e", Figures.kg(4.748));
	}
}
