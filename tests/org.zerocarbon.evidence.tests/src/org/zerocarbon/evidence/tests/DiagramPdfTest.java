package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.FontSpec;
import org.zerocarbon.diagram.PathSpec;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.internal.PdfPainter;

/** The PDF painter behind the packaged diagrams: page size, real text (also beyond Helvetica), same bytes twice. */
class DiagramPdfTest {

	private static final byte[] ID = HexFormat.of().parseHex(EvidencePackage.sha256("a drawing".getBytes(StandardCharsets.UTF_8)));

	/** A small drawing with every kind of call the scene painter makes. */
	private static byte[] drawing() throws IOException {
		try (PdfPainter painter = new PdfPainter(300, 120)) {
			painter.setBackground(new Rgb(230, 240, 255));
			painter.fillRoundRectangle(10, 10, 120, 50, 12, 12);
			painter.setForeground(new Rgb(40, 40, 40));
			painter.setLineWidth(2);
			painter.drawRoundRectangle(10, 10, 120, 50, 12, 12);
			painter.setFont(FontSpec.TITLE);
			painter.drawText("Machine VMC1", 16, 16);
			painter.setFont(FontSpec.SMALL);
			// the subscript two is not in Helvetica's encoding: drawn in the embedded fallback font
			painter.drawText("4.2 kg CO\u2082e", 16, 40);
			painter.setLineDash(new int[] { 4, 2 });
			painter.drawPolyline(new int[] { 130, 35, 180, 35, 180, 80 });
			painter.setLineDash(null);
			painter.setAlpha(128);
			painter.fillOval(170, 80, 40, 30);
			painter.setAlpha(255);
			painter.drawPath(new PathSpec().moveTo(220, 20).cubicTo(240, 0, 260, 40, 280, 20).lineTo(280, 60).close());
			painter.fillPolygon(new int[] { 220, 100, 240, 90, 240, 110 });
			painter.drawLine(0, 119, 299, 119);
			return painter.finish(ID);
		}
	}

	@Test
	void aDrawingBecomesOnePageOfItsSizeWithItsText() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(drawing())) {
			assertEquals(1, pdf.getNumberOfPages());
			// one diagram unit is one point: a 300 x 120 drawing is a 300 pt x 120 pt page
			PDRectangle box = pdf.getPage(0).getMediaBox();
			assertEquals(300, box.getWidth(), 1e-3);
			assertEquals(120, box.getHeight(), 1e-3);
			String text = new PDFTextStripper().getText(pdf);
			assertTrue(text.contains("Machine VMC1"), text);
			assertTrue(text.contains("4.2 kg CO\u2082e"), text);
			assertEquals(null, pdf.getDocumentInformation().getCreationDate(), "no wall-clock date in the PDF");
		}
	}

	@Test
	void theSameDrawingGivesTheSameBytes() throws IOException {
		assertArrayEquals(drawing(), drawing());
	}

	@Test
	void aHugeDrawingIsScaledToThePdfPageLimit() throws IOException {
		try (PdfPainter painter = new PdfPainter(28_800, 100)) {
			painter.drawLine(0, 0, 28_800, 100);
			try (PDDocument pdf = Loader.loadPDF(painter.finish(ID))) {
				// PDF pages are at most 14,400 pt: scaled by a half
				assertEquals(14_400, pdf.getPage(0).getMediaBox().getWidth(), 1e-3);
				assertEquals(50, pdf.getPage(0).getMediaBox().getHeight(), 1e-3);
			}
		}
	}
}
