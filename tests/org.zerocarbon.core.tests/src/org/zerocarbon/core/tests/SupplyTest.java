package org.zerocarbon.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;

/** Electricity supply with instruments and both scope-2 methods, checked against hand calculations. */
class SupplyTest {

	private static final double EPS = 1e-6;

	static final String FACTORS = """
			package t
			factors F {
				grid factor G "test grid" = 500 gCO2e/kWh { region "XX" }
				grid factor G2 "second grid" = 300 gCO2e/kWh { region "XX" }
				residual factor R "residual mix" = 600 gCO2e/kWh { region "XX" }
				fuel factor Gas "natural gas" = 2 kgCO2e/m3 { calorific 36 MJ/m3 }
			}
			""";

	static final String METHODOLOGY = """
			package t
			methodology Meth "test methodology" {
				version "1"
				title "Test"
				module B1 in scope1
				module B6 in scope2
				module C1 in scope3
				functional unit MH machineHour
				vintage between 2024 and 2026
			}
			""";

	/** One machine at 10 kW for 100 % of 1,000 h a year over 10 years: 10,000 kWh a year, 100,000 kWh over the life. */
	static String line(String siteBody) {
		return """
				package l
				site S { region "XX" grid t.G %s }
				line L {
					site S
					profile { shifts 1 hours 1000 h per year service life 10 a }
					machine M vmc { state processing 10 kW for 100 %% }
				}
				""".formatted(siteBody);
	}

	/** A second line on site S: 30 kW for 100 % of 1,000 h a year, 30,000 kWh a year. */
	static final String OTHER_LINE = """
			package k
			line K {
				site l.S
				profile { shifts 1 hours 1000 h per year service life 10 a }
				machine M vmc { state processing 30 kW for 100 % }
			}
			""";

	@TempDir
	Path dir;

	private FootprintResult compute(ResourceSet models, Class<? extends org.eclipse.emf.ecore.EObject> type, String name) {
		return new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC).calculate(Models.find(models, type, name),
				Models.find(models, Methodology.class, "Meth"), null);
	}

	/**
	 * A line on a site with on-site PV, a PPA, a certificate and a residual mix. Per year, by hand:
	 * <pre>
	 * consumption C = 10 kW x 100 % x 1,000 h = 10,000 kWh
	 * location-based: grid-delivered 10,000 - 2,000 (PV) = 8,000 kWh x 0.5 = 4,000 kg; PV 2,000 x 0 = 0  -> 4,000 kg/a
	 * market-based: PV 2,000 kWh at 0                       -> left 8,000
	 *               PPA 3,000 kWh at 0.02 kg = 60 kg         -> left 5,000
	 *               certificate 1,000 kWh at 0               -> left 4,000
	 *               residual 4,000 kWh x 0.6 = 2,400 kg      -> 2,460 kg/a
	 * over 10 years: location 40,000 kg, market 24,600 kg; residual row 40,000 kWh; certificate row 10,000 kWh
	 * </pre>
	 */
	@Test
	void lineWithPpaCertificatesAndResidualMix() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, line("""
				residual t.R
				onsite Pv "roof" 2 MWh per year rate 0 gCO2e/kWh
				ppa Wind "wind PPA" 3 MWh per year rate 20 gCO2e/kWh market "XX"
				certificate Cert1 go 1 MWh vintage 2025 market "XX" tracking "T-1" retired
				"""));
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(40_000, result.scope2().locationBasedKgCO2e(), EPS);
		assertEquals(24_600, result.scope2().marketBasedKgCO2e(), EPS);
		assertEquals(40_000, result.total(), EPS);
		assertEquals(24_600, result.totalMarket(), EPS);
		assertEquals(24_600, result.totalMarket(Module.B6), EPS);
		assertEquals(24_600, result.equipment().get(0).kgCO2eMarket(), EPS);
		assertEquals(40_000, row(result, "residual").kWh(), EPS);
		assertEquals(24_000, row(result, "residual").kgCO2e(), EPS);
		assertEquals(10_000, row(result, "certificate").kWh(), EPS);
		assertEquals(600, row(result, "ppa").kgCO2e(), EPS);
		assertEquals(80_000, row(result, "location:grid").kWh(), EPS);
		double market = result.instruments().stream().filter(r -> !r.locationBased()).mapToDouble(InstrumentUse::kgCO2e).sum();
		double location = result.instruments().stream().filter(InstrumentUse::locationBased).mapToDouble(InstrumentUse::kgCO2e).sum();
		assertEquals(24_600, market, EPS);
		assertEquals(40_000, location, EPS);
		assertTrue(result.findings().stream().noneMatch(f -> f.code().equals("overClaim")), result.findings()::toString);
		assertTrue(result.notes().stream().anyMatch(n -> n.contains("pro rata")), result.notes()::toString);
	}

	/**
	 * Certificates for more than the consumption. By hand, per year: C = 10,000 kWh; the certificate offers 12,000 kWh,
	 * covers 10,000 at 0 and over-claims 2,000 (a finding); nothing is left for the residual mix: market-based 0;
	 * location-based 10,000 x 0.5 = 5,000 kg/a, 50,000 kg over 10 years.
	 */
	@Test
	void certificateOverClaim() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, line("""
				residual t.R
				certificate Cert1 go 12 MWh vintage 2025 market "XX" tracking "T-2" retired
				"""));
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(50_000, result.scope2().locationBasedKgCO2e(), EPS);
		assertEquals(0, result.scope2().marketBasedKgCO2e(), EPS);
		assertEquals(100_000, row(result, "certificate").kWh(), EPS);
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("overClaim") && f.severity().equals("error")
				&& f.message().contains("2,000")), result.findings()::toString);
	}

	/**
	 * Two lines share one site's certificate pro rata. Line L uses 10,000 kWh a year, line K 30,000 kWh a year (30 kW x
	 * 1,000 h): L gets 10,000 / 40,000 = 25 % of the 8,000 kWh certificate = 2,000 kWh a year; the rest of L's 8,000 kWh at
	 * the residual 0.6 = 4,800 kg a year, 48,000 kg over 10 years.
	 */
	@Test
	void aSitesInstrumentsAreSharedProRata() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, line("""
				residual t.R
				certificate Cert1 go 8 MWh vintage 2025 market "XX" tracking "T-3" retired
				"""), OTHER_LINE);
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(20_000, row(result, "certificate").kWh(), EPS);
		assertEquals(48_000, result.scope2().marketBasedKgCO2e(), EPS);
		assertEquals(50_000, result.scope2().locationBasedKgCO2e(), EPS);
	}

	/**
	 * A line's own certificate comes first, then its pro-rata part of the site's. Per year, by hand: L uses 10,000 kWh,
	 * K 30,000 kWh; L's own certificate covers 2,000 kWh; L's part of the site's 8,000 kWh certificate is 10,000 / 40,000 =
	 * 25 % = 2,000 kWh; the remaining 6,000 kWh at the residual 0.6 = 3,600 kg a year, 36,000 kg over 10 years.
	 */
	@Test
	void aLinesOwnInstrumentsComeOnTopOfItsSitesShare() throws IOException {
		String withOwn = line("""
				residual t.R
				certificate Cert1 go 8 MWh vintage 2025 market "XX" tracking "T-4" retired
				""").replace("machine M vmc", "certificate Own go 2 MWh vintage 2025 market \"XX\" tracking \"T-5\" retired\n\tmachine M vmc");
		ResourceSet models = Models.load(dir, FACTORS, METHODOLOGY, withOwn, OTHER_LINE);
		FootprintResult result = compute(models, Line.class, "L");

		assertEquals(40_000, row(result, "certificate").kWh(), EPS);
		assertEquals(36_000, result.scope2().marketBasedKgCO2e(), EPS);
	}

	private static final String PARK_METHODOLOGY = METHODOLOGY.replace("vintage between 2024 and 2026", """
			conversion calorific "calorific" { electricity 0.1229 kgce/kWh heat 0.03412 kgce/MJ }
				conversion coal "coal" { electricity 0.3 kgce/kWh heat 0.03412 kgce/MJ }
				vintage between 2024 and 2026
			""");

	private static String park(String sources, String more) {
		return """
				package p
				site PS { region "XX" grid t.G }
				park P industrial {
					site PS
					energy supply Supply {
				%s
					}
				%s
				}
				""".formatted(sources, more);
	}

	/**
	 * Two grid sources in either order, and a certificate on the park. By hand, per year:
	 * <pre>
	 * location-based: 1,000 MWh x 0.5 + 3,000 MWh x 0.3 = 500 + 900 = 1,400 t
	 * grid average = 1,400 t / 4,000 MWh = 0.35 kg/kWh
	 * market-based: certificate 1,000 MWh at 0; the other 3,000 MWh at the grid average (no residual mix) = 1,050 t
	 * </pre>
	 */
	@Test
	void twoGridSourcesInEitherOrderGiveTheSameFigures() throws IOException {
		String a = "source A grid delivers 1000 MWh per year factor t.G";
		String b = "source B grid delivers 3000 MWh per year factor t.G2";
		String certificate = "certificate Cert go 1000 MWh vintage 2025 market \"XX\" tracking \"P-1\" retired";
		for (String sources : new String[] { a + "\n" + b, b + "\n" + a }) {
			Path sub = java.nio.file.Files.createTempDirectory(dir, "order");
			ResourceSet models = Models.load(sub, FACTORS, PARK_METHODOLOGY, park(sources, certificate));
			FootprintResult result = compute(models, Park.class, "P");
			assertEquals(1_400_000, result.scope2().locationBasedKgCO2e(), 1e-3, sources);
			assertEquals(1_050_000, result.scope2().marketBasedKgCO2e(), 1e-3, sources);
			assertEquals(0.35, row(result, "grid-average-fallback").kgCO2ePerKWh(), 1e-12);
		}
	}

	/**
	 * A park with a direct green line at its own rate and PV. By hand, per year: grid 1,000 MWh x 0.5 = 500 t; PV 200 MWh
	 * clean, no rate = 0; direct wind 300 MWh x 10 g = 3 t; location-based = market-based = 503 t (the direct line counts
	 * at its own rate in both methods). Clean share (physical) = (200 + 300) / 1,500 = 33.33 %.
	 */
	@Test
	void parkWithDirectLineAndPv() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, PARK_METHODOLOGY, park("""
				source Grid grid delivers 1000 MWh per year factor t.G
				source Pv pv delivers 200 MWh per year clean
				source Wind greenDirect delivers 300 MWh per year rate 10 gCO2e/kWh clean
				""", ""));
		FootprintResult result = compute(models, Park.class, "P");

		assertEquals(503_000, result.scope2().locationBasedKgCO2e(), 1e-3);
		assertEquals(503_000, result.scope2().marketBasedKgCO2e(), 1e-3);
		assertEquals(3_000, row(result, "location:direct").kgCO2e(), 1e-6);
		assertEquals(100.0 * 500 / 1500, indicator(result, "clean-energy share").value(), 1e-9);
	}

	/**
	 * The tce of a park under both coefficient methods. By hand, per year:
	 * <pre>
	 * electricity 1,000,000 kWh; boiler gas 1,000 m3 x 36 MJ/m3 = 36,000 MJ (scope 1: 1,000 x 2 = 2,000 kg)
	 * calorific: 1,000,000 x 0.1229 + 36,000 x 0.03412 = 122,900 + 1,228.32 = 124,128.32 kgce = 124.12832 tce
	 * coal:      1,000,000 x 0.3    + 1,228.32          = 301,228.32 kgce = 301.22832 tce
	 * scope 1 + scope 2 = 2 t + 500 t = 502 t (both methods: no instruments, no residual: market = location)
	 * per tce: calorific 502 / 124.12832 = 4.044201...; coal 502 / 301.22832 = 1.666510...
	 * </pre>
	 */
	@Test
	void tceUnderBothCoefficientMethods() throws IOException {
		ResourceSet models = Models.load(dir, FACTORS, PARK_METHODOLOGY, park("source Grid grid delivers 1000 MWh per year factor t.G", """
				buildings Halls {
					item Hall "hall" area 5000 m2 { fuel Boiler 1000 m3 per year factor t.Gas }
				}
				"""));
		FootprintResult result = compute(models, Park.class, "P");

		assertEquals(2_000, result.total(org.zerocarbon.core.footprint.Scope.SCOPE_1), 1e-6);
		assertEquals(124.12832, indicator(result, "energy consumption (calorific-equivalent method)").value(), 1e-9);
		assertEquals(301.22832, indicator(result, "energy consumption (coal-equivalent method)").value(), 1e-9);
		assertEquals(502 / 124.12832, indicator(result, "carbon emissions per unit of energy consumption (t CO2e per tce, scope 1 + "
				+ "market-based scope 2, calorific-equivalent method)").value(), 1e-9);
		assertEquals(502 / 301.22832, indicator(result, "carbon emissions per unit of energy consumption (t CO2e per tce, scope 1 + "
				+ "location-based scope 2, coal-equivalent method)").value(), 1e-9);
	}

	static InstrumentUse row(FootprintResult result, String kind) {
		return result.instruments().stream().filter(r -> r.kind().equals(kind)).reduce((x, y) -> new InstrumentUse(x.element(), null, kind,
				x.kWh() + y.kWh(), x.kgCO2ePerKWh(), x.kgCO2e() + y.kgCO2e(), x.note())).orElseThrow(() -> new AssertionError("no " + kind
						+ " row in " + result.instruments()));
	}

	static FootprintResult.Indicator indicator(FootprintResult result, String name) {
		return result.indicators().stream().filter(i -> i.name().equals(name)).findFirst()
				.orElseThrow(() -> new AssertionError("no indicator " + name + " in " + result.indicators()));
	}
}
