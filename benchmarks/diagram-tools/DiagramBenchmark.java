import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;

import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineType;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.ZcFactory;

/**
 * Prints build + ELK layout and SVG paint times for generated lines of 100, 1,000 and 5,000 machines, and
 * the time to re-lay out and repaint after adding one machine to the 100-machine line. Each figure is the
 * median of several runs after warm-up. Run by benchmarks/diagram-benchmark.sh.
 */
public final class DiagramBenchmark {

	private static final ZcFactory F = ZcFactory.eINSTANCE;

	public static void main(String[] args) {
		int[] sizes = args.length == 0 ? new int[] { 100, 1000, 5000 }
				: Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		System.out.println("Diagram benchmark: generated lines (chain of machines, every 5th also feeds the one two ahead)");
		// Other builds on the machine inflate every figure; say how busy it was.
		System.out.printf(Locale.ROOT, "load average %.1f on %d processors%n",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%8s %8s %14s %12s %12s %10s%n", "machines", "flows", "build+layout", "SVG paint",
				"total", "SVG size");
		// Warm the JIT on a mid-sized line first, so the small sizes are not measured half-interpreted.
		Line warm = line(1000);
		for (int r = 0; r < 3; r++) {
			Scene scene = SceneLayout.layout(new SceneBuilder().build(warm));
			ScenePainter.paint(scene, new SvgPainter(scene.width(), scene.height()));
		}
		for (int n : sizes) {
			int runs = n <= 100 ? 15 : n <= 1000 ? 5 : 3;
			// Small graphs need many rounds before the JIT has compiled ELK; the big ones warm it on the way.
			int warmups = n <= 100 ? 25 : n <= 1000 ? 3 : 1;
			Line line = line(n);
			long[] layout = new long[runs];
			long[] paint = new long[runs];
			int svgLength = 0;
			for (int r = -warmups; r < runs; r++) {
				long t0 = System.nanoTime();
				Scene scene = SceneLayout.layout(new SceneBuilder().build(line));
				long t1 = System.nanoTime();
				SvgPainter painter = new SvgPainter(scene.width(), scene.height());
				ScenePainter.paint(scene, painter);
				svgLength = painter.toSvg().length();
				long t2 = System.nanoTime();
				if (r >= 0) {
					layout[r] = t1 - t0;
					paint[r] = t2 - t1;
				}
			}
			System.out.printf(Locale.ROOT, "%8d %8d %11.1f ms %9.1f ms %9.1f ms %7d kB%n", n, line.getFlows().size(),
					median(layout), median(paint), median(layout) + median(paint), svgLength / 1024);
		}
		// The editor case: one machine added to a 100-machine line, then re-layout and repaint from scratch.
		Line line = line(100);
		long[] edit = new long[15];
		for (int r = -3; r < edit.length; r++) {
			Machine added = machine("Added" + r, 1);
			long t0 = System.nanoTime();
			line.getMachines().add(added);
			line.getFlows().add(flow(line.getMachines().get(50), added));
			Scene scene = SceneLayout.layout(new SceneBuilder().build(line));
			SvgPainter painter = new SvgPainter(scene.width(), scene.height());
			ScenePainter.paint(scene, painter);
			painter.toSvg();
			long t1 = System.nanoTime();
			if (r >= 0) {
				edit[r] = t1 - t0;
			}
			line.getFlows().remove(line.getFlows().size() - 1);
			line.getMachines().remove(added);
		}
		System.out.printf(Locale.ROOT, "add one machine to the 100-machine line, re-layout and repaint: %.1f ms%n",
				median(edit));
	}

	static Line line(int machines) {
		Line line = F.createLine();
		line.setName("Generated" + machines);
		for (int i = 0; i < machines; i++) {
			line.getMachines().add(machine("M" + i, i));
		}
		for (int i = 0; i + 1 < machines; i++) {
			line.getFlows().add(flow(line.getMachines().get(i), line.getMachines().get(i + 1)));
			if (i % 5 == 0 && i + 2 < machines) {
				line.getFlows().add(flow(line.getMachines().get(i), line.getMachines().get(i + 2)));
			}
		}
		return line;
	}

	static Machine machine(String name, int i) {
		Machine m = F.createMachine();
		m.setName(name);
		m.setType(MachineType.get(i % 10));
		m.setRatedPower(q(10 + i % 30, "kW"));
		StateUse standby = F.createStateUse();
		standby.setState(EnergyState.STANDBY);
		standby.setPower(q(1 + i % 3, "kW"));
		standby.setShare(q(40, "%"));
		StateUse processing = F.createStateUse();
		processing.setState(EnergyState.PROCESSING);
		processing.setPower(q(5 + i % 20, "kW"));
		processing.setShare(q(60, "%"));
		m.getStates().add(standby);
		m.getStates().add(processing);
		return m;
	}

	static MaterialFlow flow(Machine from, Machine to) {
		MaterialFlow f = F.createMaterialFlow();
		f.setSource(from);
		f.setTarget(to);
		f.setRate(q(12, "parts/h"));
		return f;
	}

	static Quantity q(double value, String unit) {
		Quantity q = F.createQuantity();
		q.setValue(BigDecimal.valueOf(value));
		q.setUnit(unit);
		return q;
	}

	static double median(long[] nanos) {
		long[] s = nanos.clone();
		Arrays.sort(s);
		return s[s.length / 2] / 1e6;
	}
}
