package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.report.CsvReport;
import org.zerocarbon.report.JsonReport;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.report.ReportOptions;
import org.zerocarbon.report.ReportWriter;

class ReportWriterTest {

	@TempDir
	Path dir;

	private List<String> names() throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).sorted().toList();
		}
	}

	@Test
	void writesEveryFormatAndNothingElse() throws Exception {
		List<Path> files = ReportWriter.write(Samples.housingCell(), EnumSet.allOf(ReportFormat.class), dir,
				ReportOptions.defaults().withBaseName("housing-cell"), new NullProgressMonitor());
		assertEquals(List.of("housing-cell-contributions.csv", "housing-cell-modules.csv", "housing-cell.html", "housing-cell.json",
				"housing-cell.pdf"), names());
		assertEquals(5, files.size());
		assertEquals("%PDF", new String(Files.readAllBytes(dir.resolve("housing-cell.pdf")), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
	}

	@Test
	void aLineWithEquipmentGetsTheEquipmentCsvToo() throws Exception {
		List<Path> files = ReportWriter.write(Samples.withEquipment(), EnumSet.of(ReportFormat.CSV), dir, ReportOptions.defaults(), null);
		assertEquals(List.of("footprint-contributions.csv", "footprint-equipment.csv", "footprint-modules.csv"), names());
		assertEquals(3, files.size());
	}

	@Test
	void sameResultGivesByteIdenticalTextReports() throws Exception {
		EnumSet<ReportFormat> text = EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML);
		Path a = Files.createDirectory(dir.resolve("a"));
		Path b = Files.createDirectory(dir.resolve("b"));
		ReportWriter.write(Samples.housingCell(), text, a, ReportOptions.defaults(), null);
		ReportWriter.write(Samples.shuffled(Samples.housingCell()), text, b, ReportOptions.defaults(), null);
		for (String name : List.of("footprint.json", "footprint-modules.csv", "footprint-contributions.csv", "footprint.html")) {
			assertArrayEquals(Files.readAllBytes(a.resolve(name)), Files.readAllBytes(b.resolve(name)), name);
		}
	}

	@Test
	void cancellingLeavesTheOldReportAndNoTemporaryFiles() throws Exception {
		Files.writeString(dir.resolve("footprint.pdf"), "old report");
		NullProgressMonitor cancelled = new NullProgressMonitor();
		cancelled.setCanceled(true);
		assertThrows(OperationCanceledException.class,
				() -> ReportWriter.write(Samples.housingCell(), EnumSet.of(ReportFormat.PDF), dir, ReportOptions.defaults(), cancelled));
		assertEquals("old report", Files.readString(dir.resolve("footprint.pdf")));
		assertEquals(List.of("footprint.pdf"), names());
	}

	@Test
	void writtenReportsAreReadableByOthers() throws Exception {
		// the temporary file starts private (createTempFile); the published report must not stay that way
		// (the product is built for linux/gtk, whose file systems have POSIX permissions)
		Path file = org.zerocarbon.report.ReportWriter.writeAtomically(dir.resolve("r.json"), "{}");
		assertEquals("rw-r--r--",
				java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)));
	}

	@Test
	void replacesAnExistingReport() throws Exception {
		Files.writeString(dir.resolve("footprint.json"), "old");
		ReportWriter.write(Samples.tiny(), EnumSet.of(ReportFormat.JSON), dir, null, null);
		String written = Files.readString(dir.resolve("footprint.json"));
		assertTrue(written.startsWith("{\n  \"schema\": \"" + org.zerocarbon.report.JsonReport.SCHEMA_ID + "\""), written.substring(0, Math.min(80, written.length())));
		assertEquals(List.of("footprint.json"), names());
	}

	@Test
	void aFailedWriteLeavesNoTemporaryFile() throws Exception {
		Path target = Files.createDirectory(dir.resolve("footprint.json"));
		Files.writeString(target.resolve("keep"), "x");
		// The target is a non-empty directory: the move fails, and the temporary file must go.
		assertThrows(java.io.IOException.class, () -> ReportWriter.writeAtomically(target, "{}"));
		assertEquals(List.of("footprint.json"), names());
	}

	@Test
	void anEmptyResultStillGivesEveryReport() throws Exception {
		FootprintResult empty = new FootprintResult(null, null, List.of(), List.of(), null, null, null, List.of(), List.of(), List.of(),
				List.of("no machine in the model"));
		ReportWriter.write(empty, EnumSet.allOf(ReportFormat.class), dir, null, null);
		assertEquals(5, names().size());
		String html = Files.readString(dir.resolve("footprint.html"));
		assertTrue(html.contains("no machine in the model"));
		assertTrue(html.contains("No contributions"));
		assertFalse(html.contains("Top 0"));
		assertEquals(List.of(String.join(",", CsvReport.TABLE_HEADER),
				"TOTAL,Total A1-C4 (module D excluded),,0.000,0.000,0.000,0.000,0.000,0.000,0.000,0.000,0.000,0.000"),
				Files.readAllLines(dir.resolve("footprint-modules.csv")));
		assertEquals(empty, JsonReport.read(dir.resolve("footprint.json")));
	}

	@Test
	void aBrokenBaselineFileIsNamedInTheError() throws Exception {
		Path broken = Files.writeString(dir.resolve("baseline.json"), "{\n  \"schema\": \"zerocarbon-footprint-1\",\n  \"notes\": [1, \n");
		JsonReport.ReportFormatException e = assertThrows(JsonReport.ReportFormatException.class, () -> JsonReport.read(broken));
		assertTrue(e.getMessage().startsWith(broken + ": "), e.getMessage());
		assertTrue(e.getMessage().contains("line"), e.getMessage());
	}

	@Test
	void formatsParseAsUsersTypeThem() {
		assertEquals(ReportFormat.PDF, ReportFormat.parse(" pdf"));
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("docx"));
		assertTrue(e.getMessage().contains("json, csv, html, pdf"));
	}
}
