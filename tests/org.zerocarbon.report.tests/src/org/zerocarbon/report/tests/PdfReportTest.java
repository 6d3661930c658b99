package org.zerocarbon.report.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zerocarbon.report.PdfReport;
import org.zerocarbon.report.ReportOptions;

class PdfReportTest {

	private static byte[] pdf(ReportOptions options) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfReport.render(Samples.housingCell(), options, out, null);
		return out.toByteArray();
	}

	@Test
	void hasATitlePageWithModelMethodologyAndVersion() throws Exception {
		byte[] bytes = pdf(ReportOptions.defaults());
		assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			assertTrue(doc.getNumberOfPages() >= 4, "title page, body and annex: " + doc.getNumberOfPages());
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			String title = stripper.getText(doc);
			assertTrue(title.contains("Carbon footprint of demo.HousingCell"), title);
			assertTrue(title.contains("zc.cnc-footprint"), title);
			assertTrue(title.contains("Methodology version") && title.contains("0.3"), title);
			assertFalse(title.contains("Date"), "no date unless asked");
			stripper.setStartPage(2);
			stripper.setEndPage(doc.getNumberOfPages());
			String body = stripper.getText(doc).replaceAll("\\s+", " ");
			assertTrue(body.contains("Footprint by life-cycle stage and scope"), "the same body as the HTML");
			assertTrue(body.contains("Criteria compliance"));
			assertTrue(body.contains("Ember via Our World in Data"));
		}
	}

	@Test
	void isByteIdenticalForTheSameResult() throws Exception {
		byte[] first = pdf(ReportOptions.defaults());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		PdfReport.render(Samples.shuffled(Samples.housingCell()), ReportOptions.defaults(), out, null);
		assertArrayEquals(first, out.toByteArray());
		try (PDDocument doc = Loader.loadPDF(first)) {
			assertNull(doc.getDocumentInformation().getCreationDate(), "no wall-clock date in the metadata");
		}
	}

	@Test
	void printsTheDateWhenAsked() throws Exception {
		byte[] bytes = pdf(ReportOptions.defaults().withDate(LocalDate.of(2026, 11, 22)).withTitle("Tender annex 4: housing cell"));
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setEndPage(1);
			String title = stripper.getText(doc);
			assertTrue(title.contains("2026-11-22"), title);
			assertTrue(title.contains("Tender annex 4: housing cell"), title);
			assertEquals(2026, doc.getDocumentInformation().getCreationDate().get(java.util.Calendar.YEAR));
		}
	}
}
