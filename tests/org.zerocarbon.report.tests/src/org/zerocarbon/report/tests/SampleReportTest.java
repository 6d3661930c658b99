package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.report.FootprintDelta;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.report.ReportOptions;
import org.zerocarbon.report.ReportWriter;

/**
 * Writes the housing-cell reports (all formats, and a delta against a variant with a greener grid factor) where
 * benchmarks/report-check.sh renders them in Chromium and pdftoppm; into a temporary directory when the build
 * does not name one.
 */
class SampleReportTest {

	@TempDir
	Path temp;

	@Test
	void writesTheSampleReports() throws Exception {
		String configured = System.getProperty("zerocarbon.report.sampleDir");
		Path dir = configured == null || configured.isBlank() ? temp : Path.of(configured);
		FootprintResult r = Samples.housingCell();
		List<Path> files = ReportWriter.write(r, EnumSet.allOf(ReportFormat.class), dir, ReportOptions.defaults().withBaseName("housing-cell"), null);
		assertEquals(5, files.size());
		for (Path f : files) {
			assertTrue(Files.size(f) > 1000, f + " has content");
		}
		// The next model version: a green-power contract is not modelled, but the grid factor of a newer data year
		// is (0.582 → 0.55 kg/kWh), and HMC1 runs 10 % more processing hours.
		FootprintResult next = Samples.variant(0.55, "HMC1", 1.1);
		FootprintDelta delta = FootprintDelta.between(r, next).withLabels("v1", "v2");
		String md = delta.toMarkdown(12);
		ReportWriter.writeAtomically(dir.resolve("housing-cell-delta.md"), md);
		assertTrue(md.contains("| HMC1 |") || md.contains("| demo.HousingCell.HMC1 |"), md);
		ReportWriter.write(next, EnumSet.of(ReportFormat.HTML), dir,
				ReportOptions.defaults().withBaseName("housing-cell-v2").withBaseline(r, "v1"), null);
	}
}
