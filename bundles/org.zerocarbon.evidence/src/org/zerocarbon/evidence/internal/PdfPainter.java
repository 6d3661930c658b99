package org.zerocarbon.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.util.Matrix;
import org.zerocarbon.diagram.FontMetricsTable;
import org.zerocarbon.diagram.FontSpec;
import org.zerocarbon.diagram.Painter;
import org.zerocarbon.diagram.PathSpec;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.Size;

/**
 * A {@link Painter} that draws into one PDF page with PDFBox, as vector graphics with real (selectable) text: the
 * diagrams of an evidence package as PDF, the same picture as their SVG because both are painted by the diagram
 * kit's {@code ScenePainter}.
 * <p>
 * (The report bundle's SVG drawer for openhtmltopdf draws only rectangles and lines, enough for its charts but not
 * for diagrams with text, paths and ovals; a painter needs no SVG round trip at all.)
 * <p>
 * Text uses the PDF standard Helvetica faces, whose advance widths are the table the scene was measured with
 * ({@link FontMetricsTable}); characters Helvetica cannot encode (e.g. subscript two) are drawn in Liberation Sans,
 * which PDFBox ships, embedded as a subset. The bytes are deterministic: no creation date, and the document id is
 * given by the caller (a hash of the drawing's SVG).
 */
public final class PdfPainter implements Painter, AutoCloseable {

	/** The largest page side PDF readers accept, in points. */
	private static final float MAX_SIDE = 14_400;
	/** The Bézier control-point distance of a quarter circle, as a fraction of the radius. */
	private static final float KAPPA = 0.5522848f;
	private static final String FALLBACK_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private final PDDocument document = new PDDocument();
	private final PDPageContentStream content;
	private final Map<Integer, PDExtendedGraphicsState> alphas = new HashMap<>();
	private final Map<Standard14Fonts.FontName, PDFont> standard = new java.util.EnumMap<>(Standard14Fonts.FontName.class);
	private PDFont fallback;
	private Rgb foreground = Rgb.BLACK;
	private Rgb background = Rgb.WHITE;
	private int lineWidth = 1;
	private FontSpec font = FontSpec.NORMAL;

	/**
	 * The PDF of a laid-out scene.
	 *
	 * @param scene a scene from {@code SceneLayout.layout}
	 * @param id    the document id, e.g. the SHA-256 of the scene's SVG (see {@link #finish})
	 */
	public static byte[] of(Scene scene, byte[] id) throws IOException {
		try (PdfPainter painter = new PdfPainter(scene.width(), scene.height())) {
			ScenePainter.paint(scene, painter);
			return painter.finish(id);
		}
	}

	/**
	 * A page for a drawing of the given size (one diagram unit is one point, scaled down if a side would exceed the
	 * PDF limit of 200 inches).
	 */
	public PdfPainter(int width, int height) throws IOException {
		float w = Math.max(1, width);
		float h = Math.max(1, height);
		float scale = Math.min(1, MAX_SIDE / Math.max(w, h));
		PDPage page = new PDPage(new PDRectangle(w * scale, h * scale));
		document.addPage(page);
		content = new PDPageContentStream(document, page);
		// the diagram's y axis points down, PDF's up
		content.transform(new Matrix(scale, 0, 0, -scale, 0, h * scale));
		content.setLineJoinStyle(1);
		content.setLineCapStyle(0);
		apply(255);
	}

	@Override
	public void setForeground(Rgb colour) {
		foreground = colour;
	}

	@Override
	public void setBackground(Rgb colour) {
		background = colour;
	}

	@Override
	public void setAlpha(int alpha) {
		io(() -> apply(Math.max(0, Math.min(255, alpha))));
	}

	private void apply(int alpha) throws IOException {
		PDExtendedGraphicsState state = alphas.computeIfAbsent(alpha, a -> {
			PDExtendedGraphicsState s = new PDExtendedGraphicsState();
			s.setStrokingAlphaConstant(a / 255f);
			s.setNonStrokingAlphaConstant(a / 255f);
			return s;
		});
		content.setGraphicsStateParameters(state);
	}

	@Override
	public void setLineWidth(int width) {
		lineWidth = Math.max(0, width);
	}

	@Override
	public void setLineDash(int[] dashes) {
		float[] pattern = new float[dashes == null ? 0 : dashes.length];
		for (int i = 0; i < pattern.length; i++) {
			pattern[i] = dashes[i];
		}
		io(() -> content.setLineDashPattern(pattern, 0));
	}

	@Override
	public void setFont(FontSpec font) {
		this.font = font;
	}

	@Override
	public Size textExtent(String text) {
		return FontMetricsTable.INSTANCE.extent(text, font);
	}

	@Override
	public int ascent() {
		return FontMetricsTable.ascent(font);
	}

	@Override
	public void drawRectangle(int x, int y, int width, int height) {
		io(() -> {
			content.addRect(x, y, width, height);
			stroke();
		});
	}

	@Override
	public void fillRectangle(int x, int y, int width, int height) {
		io(() -> {
			content.addRect(x, y, width, height);
			fill();
		});
	}

	@Override
	public void drawRoundRectangle(int x, int y, int width, int height, int arcWidth, int arcHeight) {
		io(() -> {
			roundRectangle(x, y, width, height, arcWidth / 2f, arcHeight / 2f);
			stroke();
		});
	}

	@Override
	public void fillRoundRectangle(int x, int y, int width, int height, int arcWidth, int arcHeight) {
		io(() -> {
			roundRectangle(x, y, width, height, arcWidth / 2f, arcHeight / 2f);
			fill();
		});
	}

	@Override
	public void drawOval(int x, int y, int width, int height) {
		io(() -> {
			roundRectangle(x, y, width, height, width / 2f, height / 2f);
			stroke();
		});
	}

	@Override
	public void fillOval(int x, int y, int width, int height) {
		io(() -> {
			roundRectangle(x, y, width, height, width / 2f, height / 2f);
			fill();
		});
	}

	/** A rectangle with elliptic corners of radii rx, ry (an ellipse when they are half the sides). */
	private void roundRectangle(float x, float y, float w, float h, float rx, float ry) throws IOException {
		rx = Math.min(rx, w / 2);
		ry = Math.min(ry, h / 2);
		float kx = rx * KAPPA;
		float ky = ry * KAPPA;
		content.moveTo(x + rx, y);
		content.lineTo(x + w - rx, y);
		content.curveTo(x + w - rx + kx, y, x + w, y + ry - ky, x + w, y + ry);
		content.lineTo(x + w, y + h - ry);
		content.curveTo(x + w, y + h - ry + ky, x + w - rx + kx, y + h, x + w - rx, y + h);
		content.lineTo(x + rx, y + h);
		content.curveTo(x + rx - kx, y + h, x, y + h - ry + ky, x, y + h - ry);
		content.lineTo(x, y + ry);
		content.curveTo(x, y + ry - ky, x + rx - kx, y, x + rx, y);
		content.closePath();
	}

	@Override
	public void drawLine(int x1, int y1, int x2, int y2) {
		io(() -> {
			content.moveTo(x1, y1);
			content.lineTo(x2, y2);
			stroke();
		});
	}

	@Override
	public void drawPolyline(int[] points) {
		io(() -> {
			polyline(points);
			stroke();
		});
	}

	@Override
	public void fillPolygon(int[] points) {
		io(() -> {
			polyline(points);
			content.closePath();
			fill();
		});
	}

	private void polyline(int[] points) throws IOException {
		for (int i = 0; i + 1 < points.length; i += 2) {
			if (i == 0) {
				content.moveTo(points[i], points[i + 1]);
			} else {
				content.lineTo(points[i], points[i + 1]);
			}
		}
	}

	@Override
	public void drawPath(PathSpec path) {
		io(() -> {
			path(path);
			stroke();
		});
	}

	@Override
	public void fillPath(PathSpec path) {
		io(() -> {
			path(path);
			fill();
		});
	}

	private void path(PathSpec path) throws IOException {
		for (PathSpec.Segment s : path.segments()) {
			int[] c = s.coordinates();
			switch (s.op()) {
			case MOVE -> content.moveTo(c[0], c[1]);
			case LINE -> content.lineTo(c[0], c[1]);
			case CUBIC -> content.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
			case CLOSE -> content.closePath();
			}
		}
	}

	@Override
	public void drawText(String text, int x, int y) {
		if (text.isEmpty()) {
			return;
		}
		io(() -> {
			content.setNonStrokingColor(foreground.red() / 255f, foreground.green() / 255f, foreground.blue() / 255f);
			float at = x;
			PDFont helvetica = standardFont();
			int i = 0;
			while (i < text.length()) {
				// runs of characters Helvetica can encode, and runs it cannot (drawn in the fallback font)
				boolean encodable = encodes(helvetica, text.codePointAt(i));
				StringBuilder run = new StringBuilder();
				while (i < text.length() && encodes(helvetica, text.codePointAt(i)) == encodable) {
					int cp = text.codePointAt(i);
					run.appendCodePoint(encodable || encodes(fallback(), cp) ? cp : '?');
					i += Character.charCount(cp);
				}
				PDFont face = encodable ? helvetica : fallback();
				content.beginText();
				content.setFont(face, font.size());
				// undo the page's flip for the glyphs, baseline at the line box's ascent
				content.setTextMatrix(new Matrix(1, 0, 0, -1, at, y + ascent()));
				content.showText(run.toString());
				content.endText();
				at += face.getStringWidth(run.toString()) / 1000f * font.size();
			}
		});
	}

	private PDFont standardFont() {
		Standard14Fonts.FontName name = font.bold()
				? font.italic() ? Standard14Fonts.FontName.HELVETICA_BOLD_OBLIQUE : Standard14Fonts.FontName.HELVETICA_BOLD
				: font.italic() ? Standard14Fonts.FontName.HELVETICA_OBLIQUE : Standard14Fonts.FontName.HELVETICA;
		return standard.computeIfAbsent(name, PDType1Font::new);
	}

	private static boolean encodes(PDFont face, int codePoint) {
		try {
			face.encode(new String(Character.toChars(codePoint)));
			return true;
		} catch (IOException | IllegalArgumentException e) {
			return false;
		}
	}

	private PDFont fallback() throws IOException {
		if (fallback == null) {
			try (InputStream in = PDDocument.class.getResourceAsStream(FALLBACK_FONT)) {
				if (in == null) {
					throw new IOException("PDFBox does not ship " + FALLBACK_FONT + " any more");
				}
				fallback = PDType0Font.load(document, in, true);
			}
		}
		return fallback;
	}

	private void stroke() throws IOException {
		content.setStrokingColor(foreground.red() / 255f, foreground.green() / 255f, foreground.blue() / 255f);
		content.setLineWidth(lineWidth);
		content.stroke();
	}

	private void fill() throws IOException {
		content.setNonStrokingColor(background.red() / 255f, background.green() / 255f, background.blue() / 255f);
		content.fill();
	}

	/**
	 * Finishes the page and returns the PDF's bytes.
	 *
	 * @param id the document id (16 bytes are used), e.g. a hash of the drawing, so that the same drawing gives the
	 *           same bytes
	 */
	public byte[] finish(byte[] id) throws IOException {
		content.close();
		byte[] fixed = Arrays.copyOf(id, 16);
		COSArray ids = new COSArray();
		ids.add(new COSString(fixed));
		ids.add(new COSString(fixed));
		document.getDocument().setDocumentID(ids);
		document.getDocumentInformation().setProducer("ZeroCarbon Workbench");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

	@Override
	public void close() throws IOException {
		document.close();
	}

	private interface Drawing {
		void run() throws IOException;
	}

	/** The Painter interface has no checked exceptions; PDFBox's content stream writes to memory here. */
	private static void io(Drawing drawing) {
		try {
			drawing.run();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
