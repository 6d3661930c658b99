package org.zerocarbon.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.report.internal.PdfSvgDrawer;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * The PDF report: the HTML template with a title page (model name, methodology id and version, and the date
 * when {@link ReportOptions#date()} is set), laid out for A4 by openhtmltopdf on PDFBox. Charts are drawn as
 * vector graphics by {@link PdfSvgDrawer}.
 * <p>
 * Text uses the PDF standard Helvetica, with Liberation Sans (shipped inside PDFBox) embedded as the fallback for
 * characters Helvetica lacks. The PDF is not promised byte-identical (PDFBox writes a document id); its text is.
 */
public final class PdfReport {

	/** Liberation Sans, which PDFBox ships for its own use; SIL Open Font License. */
	private static final String FALLBACK_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

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
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.withHtmlContent(html, null);
		builder.useSVGDrawer(new PdfSvgDrawer());
		builder.useFont(() -> {
			InputStream in = PDDocument.class.getResourceAsStream(FALLBACK_FONT);
			if (in == null) {
				throw new IllegalStateException("PDFBox does not ship " + FALLBACK_FONT + " any more");
			}
			return in;
		}, "Liberation Sans");
		builder.withProducer("ZeroCarbon Workbench");
		builder.toStream(out);
		progress.split(1);
		builder.run();
		progress.split(7);
	}
}
