package org.zerocarbon.units.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.UnitSyntaxException;
import org.zerocarbon.units.ZcUnits;

/** Runs inside OSGi (tycho-surefire), so it also proves Indriya works across bundles without ServiceLoader. */
class ZcUnitsTest {

	@ParameterizedTest
	@CsvSource({ "kW, POWER", "MW, POWER", "kWh, ENERGY", "GJ, ENERGY", "tce, ENERGY", "t, MASS", "kg, MASS",
			"tCO2e, CARBON_MASS", "kgCO2, CARBON_MASS", "h, TIME", "a, TIME", "km, LENGTH", "tkm, FREIGHT",
			"t*km, FREIGHT", "m3, VOLUME", "m^3, VOLUME", "l, VOLUME", "bar, PRESSURE", "degC, TEMPERATURE", "%, RATIO",
			"parts/h, RATE", "m3/min, VOLUME_FLOW", "kgCO2e/kWh, CARBON_PER_ENERGY", "gCO2e/kWh, CARBON_PER_ENERGY",
			"tCO2/tce, CARBON_PER_ENERGY", "tCO2e/t, CARBON_PER_MASS", "kgCO2e/tkm, CARBON_PER_FREIGHT",
			"kgCO2e/t/km, CARBON_PER_FREIGHT" })
	void unitExpressionsHaveTheirKind(String unit, QuantityKind kind) {
		assertEquals(kind, ZcUnits.kindOf(unit).orElseThrow(), unit);
		assertTrue(kind.accepts(unit));
	}

	@Test
	void anEnergyIsNotAPower() {
		assertFalse(QuantityKind.POWER.accepts("kWh"));
		assertFalse(QuantityKind.ENERGY.accepts("kW"));
		assertFalse(QuantityKind.MASS.accepts("kgCO2e"), "carbon mass has a dimension of its own");
		assertFalse(QuantityKind.RATIO.accepts("kgCO2e/kg"), "an emission intensity per mass is not dimensionless");
	}

	@ParameterizedTest
	@CsvSource({ "1, kWh, 3.6, MJ", "1, tce, 29.3076, GJ", "1, tce, 8141, kWh", "582, gCO2e/kWh, 0.582, kgCO2e/kWh",
			"1.91, tCO2/t, 1.91, kgCO2/kg", "1, tkm, 1000, kg*km", "15, kW, 15000, W", "70, %, 0.7, parts",
			"1, a, 8760, h", "6.5, bar, 650, kPa" })
	void conversionsAreExact(String value, String from, String expected, String to) {
		BigDecimal converted = ZcUnits.convert(new BigDecimal(value), from, to);
		assertEquals(0, new BigDecimal(expected).compareTo(converted.setScale(Math.min(converted.scale(), 10),
				java.math.RoundingMode.HALF_EVEN)), from + " -> " + to + " gave " + converted);
	}

	@Test
	void celsiusConvertsWithItsOffset() {
		assertEquals(293.15, ZcUnits.convert(20.0, "degC", "K"), 1e-9);
	}

	@Test
	void incompatibleConversionIsRefused() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ZcUnits.convert(BigDecimal.ONE, "kWh", "kW"));
		assertTrue(e.getMessage().contains("dimensions differ"), e.getMessage());
		// refused again, not remembered as a converter
		assertThrows(IllegalArgumentException.class, () -> ZcUnits.convert(BigDecimal.ONE, "kWh", "kW"));
	}

	/**
	 * The exact and the double conversions share one converter per pair of units; the exact result stays exact
	 * however often the pair is used, and each value is converted on its own (20 degC = 293.15 K, 30 degC = 303.15 K).
	 */
	@Test
	void aPairUsedAgainConvertsEachValueExactly() {
		for (int i = 0; i < 3; i++) {
			assertEquals(0, new BigDecimal("293.15").compareTo(ZcUnits.convert(new BigDecimal("20"), "degC", "K")));
			assertEquals(303.15, ZcUnits.convert(30.0, "degC", "K"), 1e-9);
			assertEquals(0, new BigDecimal("0.0036").compareTo(ZcUnits.convert(new BigDecimal("0.001"), "kWh", "MJ")));
		}
	}

	@ParameterizedTest
	@CsvSource({ "kwh, kWh", "KW, kW", "kgCO2eq, kgCO2e", "year, a", "hours, h", "tkmm, tkm" })
	void unknownSymbolsGetASuggestion(String wrong, String suggestion) {
		UnitSyntaxException e = assertThrows(UnitSyntaxException.class, () -> ZcUnits.parse(wrong));
		assertEquals(suggestion, e.getSuggestion());
		assertEquals(wrong, e.getSymbol());
		assertTrue(e.getMessage().startsWith("Unknown unit '" + wrong + "'"), e.getMessage());
	}

	@Test
	void malformedExpressionsAreRejected() {
		assertThrows(UnitSyntaxException.class, () -> ZcUnits.parse("kW/"));
		assertThrows(UnitSyntaxException.class, () -> ZcUnits.parse(""));
		assertThrows(UnitSyntaxException.class, () -> ZcUnits.parse("m^x"));
		assertTrue(ZcUnits.tryParse("zorks").isEmpty());
	}

	@Test
	void kindsListTheirSymbols() {
		assertTrue(QuantityKind.POWER.symbols().containsAll(java.util.List.of("W", "kW", "MW")));
		assertFalse(QuantityKind.POWER.symbols().contains("kWh"));
		assertTrue(QuantityKind.ENERGY.symbols().contains("tce"));
		assertTrue(QuantityKind.POWER.accepts(QuantityKind.POWER.preferredSymbol()));
		for (QuantityKind kind : QuantityKind.values()) {
			assertTrue(kind.accepts(kind.preferredSymbol()), kind + " accepts its preferred unit");
		}
	}
}
