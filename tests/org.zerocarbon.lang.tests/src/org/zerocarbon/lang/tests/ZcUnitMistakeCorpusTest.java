package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.lang.validation.ZcIssueCodes;

/**
 * A corpus of seeded unit mistakes. Each case copies the example projects, makes exactly one mistake on one line
 * and validates the whole copy through {@link ModelValidation} (what {@code zcw validate} and the builder call). The
 * copy must report exactly that mistake: the right file, the right line, the right issue code and message.
 */
class ZcUnitMistakeCorpusTest {

	private static final String CELL = "housing-cell/model/cell.zc";
	private static final String LOOP = "housing-cell/model/air-loop.zc";
	private static final String PARK = "housing-cell/model/park.zc";
	private static final String GRID = "zc-library/factors/grid.zc";
	private static final String MATERIALS = "zc-library/factors/materials.zc";
	private static final String TRANSPORT = "zc-library/factors/transport.zc";
	private static final String M24122 = "zc-library/methodology/iso-tr-24122-as-reported.zc";
	private static final String M37115 = "zc-library/methodology/iso-tr-37115-1-zcu-as-reported.zc";
	private static final String SITE = "housing-cell/model/site.zc";
	private static final String FUELS = "zc-library/factors/fuels.zc";
	private static final String SUPPLIERS = "housing-cell/model/suppliers.zc";
	private static final String DIM = ZcIssueCodes.WRONG_DIMENSION;

	/** The natural-gas factor without its calorific value. */
	private static final Setup NO_CALORIFIC = new Setup(FUELS, "\t\tcalorific 36 MJ/m3\n", "");

	/** A valid change made to the copy before the mistake (first occurrence of the text in the file). */
	record Setup(String file, String find, String replace) {
	}

	@TempDir
	Path copy;

	static Stream<Arguments> mistakes() {
		return Stream.of(
				mistake(CELL, "rated 30 kW", "rated 30 kWh", DIM, "The rated power must be a power (e.g. kW), but 'kWh' is an energy"),
				mistake(CELL, "state processing 14.5 kW for 60 %", "state processing 14.5 kWh for 60 %", DIM,
						"The power in the state must be a power (e.g. kW), but 'kWh' is an energy"),
				mistake(CELL, "hours 4000 h per year", "hours 4000 kWh per year", DIM,
						"The operating hours per year must be a time (e.g. h), but 'kWh' is an energy"),
				mistake(CELL, "service life 15 a", "service life 15 kg", DIM, "The service life must be a time (e.g. h), but 'kg' is a mass"),
				mistake(CELL, "maps thermal electrical every 1 s", "maps thermal electrical every 1 Hz", DIM,
						"The twin update interval must be a time (e.g. h), but 'Hz' is a rate per time"),
				mistake(CELL, "flow TC1 -> VMC1 rate 12 parts/h", "flow TC1 -> VMC1 rate 12 parts", DIM,
						"The flow rate must be a rate per time (e.g. parts/h), but 'parts' is a ratio"),
				mistake(CELL, "component MainSpindle spindle 22 kW", "component MainSpindle spindle 22 kJ", DIM,
						"The component power must be a power (e.g. kW), but 'kJ' is an energy"),
				mistake(CELL, "material 5200 kg factor", "material 5200 m factor", DIM,
						"The material mass must be a mass (e.g. kg), but 'm' is a distance"),
				mistake(CELL, "transport 7.8 t over 950 km", "transport 7.8 t over 950 kg", DIM,
						"The transport distance must be a distance (e.g. km), but 'kg' is a mass"),
				mistake(CELL, "transport 9.5 t over 18500 km", "transport 9.5 km over 18500 km", DIM,
						"The transported mass must be a mass (e.g. kg), but 'km' is a distance"),
				mistake(CELL, "installation energy 380 kWh", "installation energy 380 kW", DIM,
						"The installation energy must be an energy (e.g. kWh), but 'kW' is a power"),
				mistake(CELL, "declared 310 kgCO2e", "declared 310 kg", DIM,
						"The declared carbon must be a carbon mass (e.g. kgCO2e), but 'kg' is a mass"),
				mistake(CELL, "38 kg every 5 a", "38 kg every 5 kg", DIM, "The replacement interval must be a time (e.g. h), but 'kg' is a mass"),
				mistake(CELL, "end of life recycling 90 %", "end of life recycling 90 kg", DIM,
						"The end-of-life share must be a ratio (e.g. %), but 'kg' is a mass"),
				mistake(CELL, "rate 24 parts/h {", "rate 24 parts/kWh {", DIM, "The operation rate must be a rate per time (e.g. parts/h), but 'parts/kWh' is a unit of dimension"),
				mistake(CELL, "processing 120 s", "processing 120 kW", DIM, "The time per part must be a time (e.g. h), but 'kW' is a power"),
				mistake(CELL, "meter TC1_Main machine every 1 s", "meter TC1_Main machine every 1 m", DIM,
						"The sampling interval must be a time (e.g. h), but 'm' is a distance"),
				mistake(CELL, "rated 42 kW", "rated 42 kwh", ZcIssueCodes.UNKNOWN_UNIT, "Unknown unit 'kwh'; did you mean 'kWh'?"),
				mistake(CELL, "rated 6 kW", "rated 6", ZcIssueCodes.MISSING_UNIT, "The rated power needs a unit: a power, e.g. 6 kW"),
				mistake(CELL, "state standby 4.5 kW for 45 %", "state standby 4.5 kW for 45 h", ZcIssueCodes.STATE_SHARE_NOT_PERCENT,
						"The share of time in state 'standby' must be a percentage (e.g. 40 %), not 'h'"),
				mistake(CELL, "state processing 2.2 kW for 50 %", "state processing 2.2 KW for 50 %", ZcIssueCodes.UNKNOWN_UNIT,
						"Unknown unit 'KW'; did you mean 'kW'?"),
				mistake(LOOP, "rated 37 kW", "rated 37 bar", DIM, "The rated power must be a power (e.g. kW), but 'bar' is a pressure"),
				mistake(LOOP, "sensor HeaderPressure measures pressure on Comp1 at \"main header after the dryer\" every 1 s",
						"sensor HeaderPressure measures pressure on Comp1 at \"main header after the dryer\" every 1 bar", DIM,
						"The sampling interval must be a time (e.g. h), but 'bar' is a pressure"),
				mistake(LOOP, "setpoint HeaderTarget 6.3 bar", "setpoint HeaderTarget 6.3 barr", ZcIssueCodes.UNKNOWN_UNIT,
						"Unknown unit 'barr'; did you mean 'bar'?"),
				mistake(LOOP, "18000 kWh on Comp1", "18000 kg on Comp1", DIM,
						"The saving (per year) must be an energy, a ratio or a power (e.g. kWh), but 'kg' is a mass"),
				mistake(PARK, "delivers 15400 MWh per year", "delivers 15400 MW per year", DIM,
						"The energy per year must be an energy (e.g. kWh), but 'MW' is a power"),
				mistake(PARK, "source Battery storage capacity 8 MWh", "source Battery storage capacity 8 t", DIM,
						"The capacity must be a power or an energy (e.g. kW), but 't' is a mass"),
				mistake(PARK, "removals 320 tCO2e", "removals 320 t", DIM, "The removals per year must be a carbon mass (e.g. kgCO2e), but 't' is a mass"),
				mistake(PARK, "energy 11200 tce", "energy 11200 tCO2", DIM,
						"The annual energy consumption must be an energy (e.g. kWh), but 'tCO2' is a carbon mass"),
				mistake(PARK, "clean share 40 %", "clean share 40 MWh", DIM, "The clean-energy share must be a ratio (e.g. %), but 'MWh' is an energy"),
				mistake(PARK, "emissions 4200 tCO2e", "emissions 4200 tkm", DIM,
						"The emissions per year must be a carbon mass (e.g. kgCO2e), but 'tkm' is a freight transport work"),
				mistake(GRID, "= 381 gCO2e/kWh {", "= 381 gCO2e/kg {", DIM,
						"The grid factor must be an emission factor per energy (e.g. kgCO2e/kWh), but 'gCO2e/kg' is an emission factor per mass"),
				mistake(TRANSPORT, "= 0.032 kgCO2e/tkm {", "= 0.032 kgCO2e/km {", DIM,
						"The transport factor must be an emission factor per freight (e.g. kgCO2e/tkm), but 'kgCO2e/km' is a unit of dimension"),
				mistake(MATERIALS, "uncertainty normal sd 2 tCO2e/t", "uncertainty normal sd 2 tCO2e", DIM,
						"The uncertainty bound must be an emission factor per mass (e.g. kgCO2e/kg), but 'tCO2e' is a carbon mass"),
				mistake(MATERIALS, "= 15.1 tCO2e/t {", "= 15.1 tCO2e/kWh {", DIM,
						"The material factor must be an emission factor per mass (e.g. kgCO2e/kg), but 'tCO2e/kWh' is an emission factor per energy"),
				mistake(M24122, "service life 15 a between 10 a and 25 a", "service life 15 a between 10 kg and 25 a", DIM,
						"The shortest service life must be a time (e.g. h), but 'kg' is a mass"),
				mistake(M24122, "cutoff 1 %", "cutoff 1 kg", DIM, "The cut-off must be a ratio (e.g. %), but 'kg' is a mass"),
				mistake(M24122, "require primaryShare of A1 A2 A3 >= 60 %", "require primaryShare of A1 A2 A3 >= 60 kWh", DIM,
						"The primary-data share must be a ratio (e.g. %), but 'kWh' is an energy"),
				mistake(M37115, "m.ratedPower > 5 kW", "m.ratedPower > 5 kWh", ZcIssueCodes.INCOMPATIBLE_COMPARISON,
						"'ratedPower' is a power, so it cannot be compared with 5 kWh"),
				mistake(M37115, "x.interval <= 1 min", "x.interval <= 1 kW", ZcIssueCodes.INCOMPATIBLE_COMPARISON,
						"'interval' is a time, so it cannot be compared with 1 kW"),
				// issue 11: energy instruments, scope 1, processes, GWP split, functional-unit data, tce
				mistake(SITE, "60 MWh vintage 2025", "60 MW vintage 2025", DIM,
						"The certified energy must be an energy (e.g. kWh), but 'MW' is a power"),
				mistake(SITE, "80 MWh per year rate 0 gCO2e/kWh", "80 MWh per year rate 0 kWh", DIM,
						"The emission rate of the contract must be an emission factor per energy (e.g. kgCO2e/kWh), but 'kWh' is an energy"),
				mistake(SITE, "40 MWh per year rate 0 gCO2e/kWh", "40 MW per year rate 0 gCO2e/kWh", DIM,
						"The generated energy per year must be an energy (e.g. kWh), but 'MW' is a power"),
				mistake(SITE, "vintage 2025 market", "vintage 2021 market", ZcIssueCodes.CERTIFICATE_VINTAGE,
						"The vintage 2021 of certificate 'Gec2025' lies outside the window of methodology 'ISO_TR_24122_as_reported' (2024 to 2026)"),
				mistake(CELL, "leaks 4 % per year", "leaks 140 % per year", ZcIssueCodes.RATIO_ABOVE_100,
						"The leak rate per year cannot be above 100 %"),
				mistake(CELL, "recovered 80 %", "recovered 180 %", ZcIssueCodes.RATIO_ABOVE_100,
						"The end-of-life recovery cannot be above 100 %"),
				mistake(CELL, "charge 2.5 kg", "charge 2.5 kW", DIM, "The refrigerant charge must be a mass (e.g. kg), but 'kW' is a power"),
				mistake(NO_CALORIFIC, CELL, "2600 m3 per year", "26000 kWh per year", ZcIssueCodes.MISSING_CALORIFIC,
						"The fuel 'DryerGas' is given as an energy (26000 kWh), but its factor 'NaturalGas_IPCC2006' is per m3 and declares "
								+ "no calorific value to convert it: write the amount in m3, or add the net calorific value to the factor"),
				mistake(PARK, "9000 L per year", "9000 kg per year", DIM, "The fuel amount per year must be a volume or an energy (e.g. m3), "
						+ "but 'kg' is a mass"),
				mistake(FUELS, "calorific 36 MJ/m3", "calorific 36 MJ/kg", DIM,
						"The calorific value must be an energy per m3 (e.g. MJ/m3), but 'MJ/kg' is"),
				mistake(FUELS, "= 1530 kgCO2e/kg {", "= 1530 kgCO2e/kWh {", DIM,
						"The refrigerant factor must be an emission factor per mass (e.g. kgCO2e/kg), but 'kgCO2e/kWh' is an emission factor per energy"),
				mistake(GRID, "= 600 gCO2e/kWh {", "= 600 gCO2e/kg {", DIM,
						"The residual factor must be an emission factor per energy (e.g. kgCO2e/kWh), but 'gCO2e/kg' is an emission factor per mass"),
				mistake(CELL, "output 24 parts/h", "output 24 parts", DIM,
						"The output rate of the line must be a rate per time (e.g. parts/h), but 'parts' is a ratio"),
				mistake(PARK, "area 42000 m2", "area 42000 m3", DIM, "The floor area must be an area (e.g. m2), but 'm3' is a volume"),
				mistake(M24122, "electricity 0.300 kgce/kWh", "electricity 0.300 kg/kWh", DIM,
						"The conversion coefficient must be an energy per energy (e.g. kgce/kWh), but 'kg/kWh' is"),
				mistake(SUPPLIERS, "input 0.6 kWh from CN_2023 {", "input 0.6 kg from CN_2023 {", DIM,
						"The input amount must be an energy (e.g. kWh), but 'kg' is a mass ('CN_2023' is per kWh)"),
				mistake(SUPPLIERS, "input 1.08 kg from Steel_crude_2021 {", "input 1.08 kg from WeldedFrame {", ZcIssueCodes.PROCESS_LOOP,
						"Process 'WeldedFrame' consumes at least as much of its own output as it makes, through the loop 'WeldedFrame' → 'WeldedFrame'"),
				mistake(SUPPLIERS, "emits 0.012 kgCO2e {", "emits 0.012 kWh {", DIM,
						"The direct emission per run must be a carbon mass (e.g. kgCO2e), but 'kWh' is an energy"),
				mistake(SUPPLIERS, "output 1 kg", "output 0 kg", ZcIssueCodes.PROCESS_OUTPUT_NOT_POSITIVE,
						"The reference output of process 'WeldedFrame' must be positive (one run makes it), not 0 kg"),
				mistake(MATERIALS, "split fossil 1.91 tCO2/t", "split fossil 1.8 tCO2/t", ZcIssueCodes.GWP_SPLIT_SUM,
						"The GWP split of factor 'Steel_crude_2021' adds up to 1.8 tCO2/t (1.8), but the factor is 1.91 tCO2/t"));
	}

	private static Arguments mistake(String file, String find, String replace, String code, String message) {
		return mistake(null, file, find, replace, code, message);
	}

	private static Arguments mistake(Setup setup, String file, String find, String replace, String code, String message) {
		return Arguments.of(file, find, replace, code, message, setup);
	}

	@Test
	void theCorpusHasAtLeastThirtyMistakes() {
		assertTrue(mistakes().count() >= 30);
	}

	@ParameterizedTest(name = "[{index}] {0}: {2}")
	@MethodSource("mistakes")
	void eachSeededMistakeIsReportedAloneAtItsLine(String file, String find, String replace, String code, String message, Setup setup)
			throws IOException {
		Path root = Examples.root();
		for (Path source : Examples.files()) {
			Path target = copy.resolve(root.relativize(source).toString());
			Files.createDirectories(target.getParent());
			Files.copy(source, target);
		}
		// the measured data beside the models (a link: the validator only looks for the files)
		Files.createSymbolicLink(copy.resolve("housing-cell/data"), root.resolve("housing-cell/data").toAbsolutePath());
		if (setup != null) {
			Path prepared = copy.resolve(setup.file());
			String text = Files.readString(prepared);
			assertTrue(text.contains(setup.find()), "'" + setup.find() + "' not found in " + setup.file());
			Files.writeString(prepared, text.replaceFirst(java.util.regex.Pattern.quote(setup.find()),
					java.util.regex.Matcher.quoteReplacement(setup.replace())));
		}
		Path seeded = copy.resolve(file);
		List<String> lines = Files.readAllLines(seeded);
		int line = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(find)) {
				assertEquals(-1, line, "'" + find + "' must occur on one line only");
				line = i + 1;
			}
		}
		assertTrue(line > 0, "'" + find + "' not found in " + file);
		lines.set(line - 1, lines.get(line - 1).replace(find, replace));
		Files.write(seeded, lines);

		List<Problem> problems = ModelValidation.create().validate(Examples.uris(Examples.files(copy)), () -> false);

		assertEquals(1, problems.size(), () -> "expected exactly one problem, got " + problems);
		Problem problem = problems.get(0);
		assertTrue(problem.fileUri().endsWith(file), problem.fileUri());
		assertEquals(line, problem.line(), problem.toString());
		assertEquals(code, problem.code(), problem.toString());
		assertTrue(problem.message().startsWith(message), () -> "message was: " + problem.message());
		assertEquals(Problem.Severity.ERROR, problem.severity());
	}
}
