package org.zerocarbon.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.logging.Level;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.report.internal.PdfSvgDrawer;

import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * The PDF report: the HTML template with a title page (model name, methodology id and version, and the date
 * when {@link ReportOptions#date()} is set), laid out for A4 by openhtmltopdf on PDFBox. Charts are drawn as
 * vector graphics by {@link PdfSvgDrawer}.
 * <p>
 * Text uses the PDF standard Helvetica, with Liberation Sans (shipped inside PDFBox) embedded as the fallback for
 * characters Helvetica lacks. Like the other formats, the PDF is byte-identical for the same result and options:
 * its creation date is the options' date (none by default) and its document id is a hash of its content.
 */
public final class PdfReport {

	/** Liberation Sans, which PDFBox ships for its own use; SIL Open Font License. */
	private static final String FALLBACK_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	static {
		// openhtmltopdf logs every font load and style sheet at INFO; a CLI run must stay quiet unless something
		// is wrong. Its warnings and errors still get through.
		for (String logger : XRLog.listRegisteredLoggers()) {
			XRLog.setLevel(logger, Level.WARNING);
		}
	}

	private PdfReport() {
	}

	/**
	 * Renders the PDF report to a stream (which is not closed).
	 *
	 * @param monitor progress and cancellation; may be null
	 * @throws IOException                when writing fails
	 * @throws OperationCanceledException when the monitor is cancelled
	 */
	public static void render(FootprintResult result, ReportOptions options, OutputStream out, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Rendering the PDF report", 10);
		String html = HtmlReport.render(result, options, true);
		progress.split(2);
		renderXhtml(html, options.date(), out, progress.split(8));
	}

	/**
	 * Renders well-formed XHTML (inline SVG allowed) as a PDF: the same renderer, fonts and byte-identical output as
	 * the footprint report, for the other documents of the product (the scenario comparison, the evidence package's
	 * diagrams).
	 *
	 * @param date the creation date written into the PDF; null writes none
	 */
	public static void renderXhtml(String html, LocalDate date, OutputStream out, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Rendering a PDF", 8);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.useSVGDrawer(new PdfSvgDrawer());
		builder.withProducer("ZeroCarbon Workbench");
		progress.split(1);
		try (PDDocument doc = new PDDocument(); TrueTypeFont fallback = fallbackFont()) {
			builder.usePDDocument(doc);
			builder.useFont(new PDFontSupplier(PDType0Font.load(doc, fallback, true)), "Liberation Sans");
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.createPDFWithoutClosing();
			}
			progress.split(6);
			// The same content gives the same bytes: no wall-clock creation date, and a document id derived from
			// the content instead of PDFBox's time-based one.
			PDDocumentInformation info = doc.getDocumentInformation();
			info.setCreationDate(date == null ? null : GregorianCalendar.from(date.atStartOfDay(ZoneOffset.UTC)));
			info.setModificationDate(null);
			byte[] id = Arrays.copyOf(sha256(html), 16);
			COSArray ids = new COSArray();
			ids.add(new COSString(id));
			ids.add(new COSString(id));
			doc.getDocument().setDocumentID(ids);
			doc.save(out);
		}
		progress.split(1);
	}

	/**
	 * Liberation Sans with glyph substitution switched off. PDFBox would otherwise run the font's GSUB ligature
	 * rules over every string shown in it, rebuilding a regular expression each time: about half a second per
	 * report of the example (profiled), for text whose output is the same. Reports need neither ligatures nor
	 * complex scripts, and a ligature glyph would have no character of its own in the PDF's text layer.
	 */
	private static TrueTypeFont fallbackFont() throws IOException {
		InputStream in = PDDocument.class.getResourceAsStream(FALLBACK_FONT);
		if (in == null) {
			throw new IllegalStateException("PDFBox does not ship " + FALLBACK_FONT + " any more");
		}
		try (in) {
			TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
			font.setEnableGsub(false);
			return font;
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
	}
}
