package org.zerocarbon.diagram.ui.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.diagram.ui.GcPainter;
import org.zerocarbon.report.ReportWriter;

/**
 * Writes a laid-out scene to a file: SVG with the report painter, PNG with the screen painter on an off-screen
 * image. Files are written atomically and readable by others ({@link ReportWriter#writeAtomically}).
 */
public final class DiagramExport {

	/** PNGs larger than this many pixels are refused (the image would need gigabytes); SVG has no such limit. */
	static final long MAX_PIXELS = 60_000_000L;

	private DiagramExport() {
	}

	/**
	 * Asks where to export a diagram, in the model file's folder by default.
	 *
	 * @param name the default file name without extension (the diagram's key)
	 * @return the chosen file, or {@code null} if cancelled
	 */
	public static Path choose(Shell shell, boolean svg, String name, IFile model) {
		FileDialog dialog = new FileDialog(shell, SWT.SAVE);
		dialog.setText(svg ? "Export Diagram as SVG" : "Export Diagram as PNG");
		dialog.setFilterExtensions(new String[] { svg ? "*.svg" : "*.png" });
		dialog.setFileName(name + (svg ? ".svg" : ".png"));
		if (model.getParent().getLocation() != null) {
			dialog.setFilterPath(model.getParent().getLocation().toOSString());
		}
		dialog.setOverwrite(true);
		String chosen = dialog.open();
		return chosen == null ? null : Path.of(chosen);
	}

	/** Writes the scene as a self-contained SVG document. */
	public static void svg(Scene scene, Path target) throws IOException {
		SvgPainter painter = new SvgPainter(scene.width(), scene.height());
		ScenePainter.paint(scene, painter);
		ReportWriter.writeAtomically(target, painter.toSvg().getBytes(StandardCharsets.UTF_8));
	}

	/** Draws the scene at 100 % on an image, the way the editor draws it, and writes it as PNG. UI thread. */
	public static void png(Display display, Scene scene, Path target) throws IOException {
		ImageData data = render(display, scene);
		ImageLoader loader = new ImageLoader();
		loader.data = new ImageData[] { data };
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			loader.save(png, SWT.IMAGE_PNG);
		} catch (SWTException e) {
			throw new IOException("the PNG encoder failed: " + e.getMessage(), e);
		}
		ReportWriter.writeAtomically(target, png.toByteArray());
	}

	/** The scene drawn at 100 % with the {@link GcPainter}. UI thread. */
	public static ImageData render(Display display, Scene scene) throws IOException {
		int width = Math.max(1, scene.width());
		int height = Math.max(1, scene.height());
		if ((long) width * height > MAX_PIXELS) {
			throw new IOException("the diagram is " + width + " × " + height
					+ " pixels, too large for a PNG; export it as SVG instead");
		}
		Image image = new Image(display, width, height);
		GcPainter.Resources resources = new GcPainter.Resources(display);
		GC gc = new GC(image);
		try {
			ScenePainter.paint(scene, new GcPainter(gc, resources));
			gc.dispose();
			return image.getImageData();
		} finally {
			if (!gc.isDisposed()) {
				gc.dispose();
			}
			resources.dispose();
			image.dispose();
		}
	}
}
