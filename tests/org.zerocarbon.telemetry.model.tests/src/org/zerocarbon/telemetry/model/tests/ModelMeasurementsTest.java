package org.zerocarbon.telemetry.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;

/**
 * The binding of the model's data sources and meters to the telemetry readers, end to end: a CSV export beside the
 * model, its layout as the DSL declares it, B6 from it, the cache, and bad rows reported with file:line.
 */
class ModelMeasurementsTest {

	@TempDir
	Path dir;

	private static final String MODEL = """
			package t
			factors F { grid factor G = 500 gCO2e/kWh { region "XX" source "s" licence "l" } }
			site S { region "XX" grid G }
			source Log "two hours of VMC1" csv "data/vmc1.csv" {
				timestamp "time" zone "UTC"
				delimiter ";" decimal ","
				state "state"
				column "P_kW" kW
			}
			line L {
				site S
				profile { shifts 2 hours 4000 h per year service life 10 a }
				machine M vmc {
					state ready 4 kW for 50 %
					state processing 10 kW for 50 %
					meter Main machine measures power every 60 s item "P_kW" from Log
				}
			}
			methodology Meth { module B6 in scope2 use stage measured }
			""";

	/**
	 * Two hours at one record a minute: processing at 10 kW from 00:00 to 00:59, ready at 4 kW from 01:00 to 02:00
	 * (121 records; decimal commas). The row at {@code badLine} (1-based file line) holds "abc" if > 0.
	 */
	private Path writeCsv(int badLine) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add("time;P_kW;state");
		Instant start = Instant.parse("2026-11-02T00:00:00Z");
		for (int minute = 0; minute <= 120; minute++) {
			boolean processing = minute < 60;
			String power = processing ? "10,0" : "4,0";
			if (lines.size() + 1 == badLine) {
				power = "abc";
			}
			lines.add(start.plusSeconds(60L * minute) + ";" + power + ";" + (processing ? "processing" : "ready"));
		}
		Path csv = dir.resolve("data/vmc1.csv");
		Files.createDirectories(csv.getParent());
		Files.write(csv, lines);
		return csv;
	}

	private ResourceSet load() throws IOException {
		Path file = dir.resolve("model.zc");
		Files.writeString(file, MODEL);
		ModelValidation.Loaded loaded = ModelValidation.create().load(List.of(URI.createFileURI(file.toString())), () -> false);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		assertTrue(errors.isEmpty(), errors::toString);
		return loaded.resourceSet();
	}


	private static FootprintResult compute(ResourceSet models, MeasurementCache cache) {
		Line line = null;
		Methodology methodology = null;
		for (var it = models.getAllContents(); it.hasNext();) {
			Object next = it.next();
			line = next instanceof Line l ? l : line;
			methodology = next instanceof Methodology m ? m : methodology;
		}
		return new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC, new ModelMeasurements(cache, false, null)).calculate(line,
				methodology, null);
	}

	/**
	 * By hand, trapezoid rule between records a minute apart:
	 * <pre>
	 * 59 minutes at 10 kW, the minute 00:59-01:00 at (10 + 4) / 2 = 7 kW, 60 minutes at 4 kW
	 * E = (590 + 7 + 240) kW min = 837 kW min = 13.95 kWh over 2 h, all of it operating (no off state)
	 * B6 = 4,000 h x 13.95 kWh / 2 h = 27,900 kWh a year x 10 a x 0.5 kg/kWh = 139,500 kg CO2e
	 * </pre>
	 */
	@Test
	void b6FromACsvExportBesideTheModel() throws IOException {
		writeCsv(0);
		FootprintResult result = compute(load(), new MeasurementCache());

		FootprintResult.Measurement row = result.measurements().get(0);
		assertEquals(121, row.samples());
		assertEquals(13.95, row.kWh(), 1e-9);
		assertEquals(1.0, row.coverage(), 1e-9);
		assertEquals(60, row.intervalSeconds(), 1e-9);
		assertEquals(1.0, row.states().stream().filter(s -> s.name().equals("processing")).findFirst().orElseThrow().hours(), 1e-9);
		assertEquals(27_900, row.annualKWh(), 1e-6);
		assertEquals(139_500, result.total(Module.B6), 1e-6);
	}

	/** A second build with the same data reads nothing; touching the file makes the next build read it again. */
	@Test
	void aggregatesAreCachedByTheDataIdentity() throws IOException {
		Path csv = writeCsv(0);
		MeasurementCache cache = new MeasurementCache();
		compute(load(), cache);
		assertEquals(0, cache.hits());
		compute(load(), cache);
		assertEquals(1, cache.hits(), "unchanged data: answered from the cache");
		Files.writeString(csv, Files.readString(csv) + "2026-11-02T02:01:00Z;4,0;ready\n");
		Files.setLastModifiedTime(csv, FileTime.from(Instant.now().plusSeconds(5)));
		FootprintResult changed = compute(load(), cache);
		assertEquals(1, cache.hits(), "changed data: read again");
		assertEquals(122, changed.measurements().get(0).samples());
	}

	/** A value that is not a number is a finding naming the file and line; the other records still count. */
	@Test
	void aBadRowIsReportedWithItsFileAndLine() throws IOException {
		writeCsv(32);
		FootprintResult result = compute(load(), new MeasurementCache());

		FootprintResult.Measurement row = result.measurements().get(0);
		assertEquals(120, row.samples());
		assertTrue(row.problems().stream().anyMatch(p -> p.contains("vmc1.csv:32")), row.problems()::toString);
		assertTrue(result.findings().stream().anyMatch(f -> f.code().equals("measurementData") && f.message().contains("vmc1.csv:32")),
				result.findings()::toString);
	}
}
