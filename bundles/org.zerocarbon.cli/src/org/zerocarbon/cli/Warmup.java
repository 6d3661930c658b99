package org.zerocarbon.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.UncertainParameter;
import org.zerocarbon.diagram.DiagramSvg;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineType;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.report.HtmlReport;
import org.zerocarbon.report.PdfReport;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.report.ReportOptions;

/**
 * Loads and initialises, on a second core, what {@code zcw report} needs after the models are validated (the
 * engine's statistics, the diagram layout, the report template, the PDF renderer) while the main thread parses and validates: a
 * report run is otherwise sequential, and most of these classes are loaded only once per JVM. It works on a tiny
 * synthetic line and result, never on the user's models, and its outcome is thrown away, so it cannot change a
 * figure; a failure is ignored (the real run will meet it and report it). The main thread {@linkplain #finish
 * waits for it} before it writes reports, so the two never use the diagram kit or the template at the same time.
 */
final class Warmup {

	private final Thread thread;

	private Warmup(Thread thread) {
		this.thread = thread;
	}

	/** Starts warming up for a report in the given formats, on a daemon thread. */
	static Warmup start(Set<ReportFormat> formats) {
		Thread thread = new Thread(() -> run(formats), "zcw-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
		return new Warmup(thread);
	}

	/** Waits until the warm-up is done (it takes well under the time validation does). */
	void finish() {
		try {
			thread.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void run(Set<ReportFormat> formats) {
		try {
			engine();
			if (formats.contains(ReportFormat.HTML)) {
				DiagramSvg.inline(line());
				HtmlReport.render(result(), ReportOptions.defaults());
			}
			if (formats.contains(ReportFormat.PDF)) {
				// the PDF stack (openhtmltopdf, PDFBox, font metrics) is the largest: about a second when cold
				PdfReport.render(result(), ReportOptions.defaults(), OutputStream.nullOutputStream(), null);
			}
		} catch (IOException | RuntimeException | LinkageError e) {
			// only a warm-up: the real run meets the same problem and reports it
		}
	}

	/** A two-process system with one lognormal amount, solved and sampled: the solver and the statistics. */
	private static void engine() {
		ProductSystem.Builder builder = ProductSystem.builder();
		int gwp = builder.indicator("GWP");
		int root = builder.process("root");
		int factor = builder.process("factor");
		builder.input(root, factor, 2);
		builder.intervention(factor, gwp, 0.5);
		ProductSystem system = builder.build();
		double[] demand = new double[system.processCount()];
		demand[root] = 1;
		new MonteCarlo(system, demand, List.of(new UncertainParameter("factor", UncertainParameter.Kind.INTERVENTION,
				system.interventionPosition(factor, gwp), UncertainParameter.logNormal(0.5, 1.2)))).run(20, 1, 1, null).statistics(gwp);
	}

	private static Line line() {
		ZcFactory zc = ZcFactory.eINSTANCE;
		Line line = zc.createLine();
		line.setName("WarmUp");
		for (String name : new String[] { "A", "B" }) {
			Machine machine = zc.createMachine();
			machine.setName(name);
			machine.setType(MachineType.VERTICAL_MACHINING_CENTRE);
			StateUse state = zc.createStateUse();
			state.setState(EnergyState.PROCESSING);
			state.setPower(quantity("5", "kW"));
			state.setShare(quantity("100", "%"));
			machine.getStates().add(state);
			line.getMachines().add(machine);
		}
		return line;
	}

	private static Quantity quantity(String value, String unit) {
		Quantity quantity = ZcFactory.eINSTANCE.createQuantity();
		quantity.setValue(new BigDecimal(value));
		quantity.setUnit(unit);
		return quantity;
	}

	private static FootprintResult result() {
		List<FootprintResult.Contribution> contributions = List.of(
				new FootprintResult.Contribution("w.A", null, Module.B6, Scope.SCOPE_2, "electricity", 1000, "kWh", "grid", 400, false, 2.0),
				new FootprintResult.Contribution("w.A", null, Module.A1, Scope.SCOPE_3, "steel", 100, "kg", "steel", 190, true, null),
				new FootprintResult.Contribution("w.A", null, Module.D, Scope.SCOPE_3, "credit", 50, "kg", "credit", -75, false, null));
		return new FootprintResult(new FootprintResult.Subject("w", "line", "w.zc"), new FootprintResult.MethodologyRef("m", "1", "M", null),
				contributions, List.of(new FootprintResult.FunctionalUnitResult("year", 1, 590)), new FootprintResult.Scope2(400, 400),
				new FootprintResult.DataQuality(0.5, 2.0, List.of()), new FootprintResult.UncertaintyResult(20, 1, 590, 10, 570, 590, 610,
						List.of(new FootprintResult.Driver("grid", 0.9, 0.8))),
				List.of(), List.of(), List.of(), List.of("warm-up"));
	}
}
