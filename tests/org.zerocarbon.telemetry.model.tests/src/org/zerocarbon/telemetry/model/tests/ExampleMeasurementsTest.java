package org.zerocarbon.telemetry.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;

/**
 * The bundled example with its week of synthetic data (examples/housing-cell/data): both data sources are read, the
 * machine meters of VMC1 (MTConnect files) and HMC1 (CSV) give B6, and the reconciliation flags VMC1, whose
 * declared energy is far from what the data says. Declared energy of VMC1 in its operating hours, by hand:
 * (0.1 x 5 % + 1.8 x 20 % + 4.5 x 15 % + 6.2 x 3 % + 11.0 x 57 %) kW = 7.496 kW x 4,000 h = 29,984 kWh a year.
 */
class ExampleMeasurementsTest {

	@Test
	void theExampleCellReadsItsWeekOfData() throws IOException {
		Path examples = Path.of(System.getProperty("zc.examples", "../../examples")).toAbsolutePath().normalize();
		List<URI> uris;
		try (Stream<Path> walk = Files.walk(examples)) {
			uris = walk.filter(p -> p.toString().endsWith(".zc")).sorted().map(p -> URI.createFileURI(p.toString())).toList();
		}
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris, () -> false);
		List<Problem> problems = loaded.problems().stream().filter(p -> p.severity() != Problem.Severity.INFO).toList();
		assertTrue(problems.isEmpty(), problems::toString);
		ResourceSet models = loaded.resourceSet();
		ModelSet set = new ModelSet(models);
		Line cell = (Line) set.subjects().stream().filter(s -> s instanceof Line l && l.getName().equals("Cell")).findFirst().orElseThrow();
		FootprintResult result = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC,
				new ModelMeasurements(new MeasurementCache(), false, null)).calculate(cell, set.footprintMethodology(null), null);

		assertEquals(2, result.measurements().stream().filter(FootprintResult.Measurement::usedForB6).count(), result.measurements()::toString);
		for (FootprintResult.Measurement m : result.measurements()) {
			System.out.println(m.meter() + ": " + m.kWh() + " kWh, coverage " + m.coverage() + ", annual " + m.annualKWh() + ", states "
					+ m.states() + ", parts " + m.parts() + ", problems " + m.problems());
			assertTrue(m.coverage() > 0.99, m::toString);
			assertTrue(m.samples() > 50_000, m::toString);
		}
		System.out.println("total " + result.total() + " market " + result.totalMarket());
		result.findings().forEach(f -> System.out.println(f.severity() + " " + f.code() + " " + f.message()));
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("measuredDeviation") && f.element().equals("housing.Cell.VMC1")
				&& f.message().contains("declared 29,984 kWh")), result.findings()::toString);
	}
}
