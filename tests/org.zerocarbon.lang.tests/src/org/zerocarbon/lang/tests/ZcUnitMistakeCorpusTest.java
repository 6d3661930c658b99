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
	private static final String DIM = ZcIssueCodes.WRONG_DIMENSION;

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
						"'interval' is a time, so it cannot be compared with 1 kW"));
	}

	private static Arguments mistake(String file, String find, String replace, String code, String message) {
		return Arguments.of(file, find, replace, code, message);
	}

	@Test
	void theCorpusHasAtLeastThirtyMistakes() {
		assertTrue(mistakes().count() >= 30);
	}

	@ParameterizedTest(name = "[{index}] {0}: {2}")
	@MethodSource("mistakes")
	void eachSeededMistakeIsReportedAloneAtItsLine(String file, String find, String replace, String code, String message)
			throws IOException {
		Path root = Examples.root();
		for (Path source : Examples.files()) {
			Path target = copy.resolve(root.relativize(source).toString());
			Files.createDirectories(target.getParent());
			Files.copy(source, target);
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
