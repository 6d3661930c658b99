package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.zerocarbon.core.calc.SignificantFigures;

/** Figures for people: four significant digits, whole grouped numbers from 1,000 on, no exponent (issue 17). */
class SignificantFiguresTest {

	@Test
	void fourDigitsBelowAThousandWholeNumbersAbove() {
		assertEquals("5.499", SignificantFigures.of(5.49912));
		assertEquals("0.2483", SignificantFigures.of(0.248349));
		assertEquals("6.370", SignificantFigures.of(6.37), "trailing zeros kept: the digits line up with 6.577");
		assertEquals("329,966", SignificantFigures.of(329_966.4), "was 3.300e+05");
		assertEquals("-1,235", SignificantFigures.of(-1_234.5));
		assertEquals("175,982", SignificantFigures.of(175_982.0));
		// small figures in plain notation: 0.0000475 has the significant digits 4, 7, 5 and a zero added
		assertEquals("0.00004750", SignificantFigures.of(0.0000475));
		assertEquals("12.50", SignificantFigures.of(12.5));
	}
}
