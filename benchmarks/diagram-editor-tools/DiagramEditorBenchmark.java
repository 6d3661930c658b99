import java.util.Arrays;
import java.util.Locale;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Display;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.ui.GcPainter;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;

/**
 * What the diagram editor spends on generated lines (the generator of DiagramBenchmark): build + ELK layout, and
 * painting with the SWT GC painter onto an off-screen image the size of an editor window (1600 × 1000), at 100 %
 * (what a repaint costs: only the visible figures are drawn) and zoomed out until the whole drawing fits (every
 * figure drawn). Then the editor's incremental case: one machine added to the 100-machine line, re-laid out and
 * repainted. Medians after warm-up. Run by benchmarks/diagram-editor-benchmark.sh (needs a display: Xvfb).
 */
public final class DiagramEditorBenchmark {

	private static final int WIDTH = 1600;
	private static final int HEIGHT = 1000;

	public static void main(String[] args) {
		int[] sizes = args.length == 0 ? new int[] { 100, 1000, 5000 }
				: Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		Display display = new Display();
		GcPainter.Resources resources = new GcPainter.Resources(display);
		Image image = new Image(display, WIDTH, HEIGHT);
		try {
			System.out.println("Diagram editor benchmark: generated lines, GC painter on a " + WIDTH + " x " + HEIGHT
					+ " off-screen image (font: " + resources.family() + ")");
			System.out.printf(Locale.ROOT, "load average %.1f on %d processors%n",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
					Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "%8s %14s %14s %12s %14s %16s%n", "machines", "build+layout", "paint 100 %",
					"total", "paint all", "drawing");
			Line warm = DiagramBenchmark.line(1000);
			for (int r = 0; r < 3; r++) {
				Scene scene = SceneLayout.layout(new SceneBuilder().build(warm));
				paint(image, resources, scene, 1, true);
				paint(image, resources, scene, fit(scene), false);
			}
			for (int n : sizes) {
				int runs = n <= 100 ? 15 : n <= 1000 ? 5 : 3;
				int warmups = n <= 100 ? 25 : n <= 1000 ? 3 : 1;
				Line line = DiagramBenchmark.line(n);
				long[] layout = new long[runs];
				long[] viewport = new long[runs];
				long[] all = new long[runs];
				Scene scene = null;
				for (int r = -warmups; r < runs; r++) {
					long t0 = System.nanoTime();
					scene = SceneLayout.layout(new SceneBuilder().build(line));
					long t1 = System.nanoTime();
					paint(image, resources, scene, 1, true);
					long t2 = System.nanoTime();
					paint(image, resources, scene, fit(scene), false);
					long t3 = System.nanoTime();
					if (r >= 0) {
						layout[r] = t1 - t0;
						viewport[r] = t2 - t1;
						all[r] = t3 - t2;
					}
				}
				System.out.printf(Locale.ROOT, "%8d %11.1f ms %11.1f ms %9.1f ms %11.1f ms %9d x %d%n", n,
						median(layout), median(viewport), median(layout) + median(viewport), median(all), scene.width(),
						scene.height());
			}
			Line line = DiagramBenchmark.line(100);
			long[] edit = new long[15];
			for (int r = -10; r < edit.length; r++) {
				Machine added = DiagramBenchmark.machine("Added" + r, 1);
				long t0 = System.nanoTime();
				line.getMachines().add(added);
				line.getFlows().add(DiagramBenchmark.flow(line.getMachines().get(50), added));
				Scene scene = SceneLayout.layout(new SceneBuilder().build(line));
				paint(image, resources, scene, 1, true);
				long t1 = System.nanoTime();
				if (r >= 0) {
					edit[r] = t1 - t0;
				}
				line.getFlows().remove(line.getFlows().size() - 1);
				line.getMachines().remove(added);
			}
			System.out.printf(Locale.ROOT, "add one machine to the 100-machine line, re-layout and repaint (100 %%): %.1f ms%n",
					median(edit));
		} finally {
			image.dispose();
			resources.dispose();
			display.dispose();
		}
	}

	/** The zoom at which the whole drawing fits the image (at most 1). */
	private static double fit(Scene scene) {
		return Math.min(1, Math.min((double) WIDTH / scene.width(), (double) HEIGHT / scene.height()));
	}

	/**
	 * Paints as the editor's canvas does: a transform for the zoom, a painter created under it, and (for
	 * {@code visibleOnly}) only the figures in the window, which is scrolled to the middle of the drawing.
	 */
	private static void paint(Image image, GcPainter.Resources resources, Scene scene, double zoom, boolean visibleOnly) {
		GC gc = new GC(image);
		Transform transform = new Transform(gc.getDevice());
		try {
			int originX = visibleOnly ? Math.max(0, (int) (scene.width() * zoom / 2) - WIDTH / 2) : 0;
			transform.translate(-originX, 0);
			transform.scale((float) zoom, (float) zoom);
			gc.setTransform(transform);
			GcPainter painter = new GcPainter(gc, resources);
			if (visibleOnly) {
				ScenePainter.paint(scene, painter, (int) (originX / zoom), 0, (int) (WIDTH / zoom) + 1,
						(int) (HEIGHT / zoom) + 1);
			} else {
				ScenePainter.paint(scene, painter);
			}
		} finally {
			gc.setTransform(null);
			transform.dispose();
			gc.dispose();
		}
	}

	private static double median(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		return s[s.length / 2] / 1e6;
	}
}
