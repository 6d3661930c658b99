package org.zerocarbon.lang.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Scenario;
import org.zerocarbon.scenarios.ScenarioComparison;

/**
 * Scenario throughput (issue 16): the baseline and N scenarios of one subject, each setting 3 parameters, evaluated
 * deterministically (reports aside), streamed (no run kept). Prints the time per workload and the heap after it.
 * <ul>
 * <li>the example line (examples/housing-cell with its library): 1,000 scenarios; target ≤ 2 s;</li>
 * <li>a generated line of 10,000 machines: 100 scenarios; target ≤ 30 s.</li>
 * </ul>
 * Usage: benchmarks/scenario-benchmark.sh [examples-dir]
 */
public final class ScenarioBenchmark {

	public static void main(String[] args) throws IOException {
		Path examples = Path.of(args.length > 0 ? args[0] : "examples");
		Path work = Files.createTempDirectory("zc-scenario-bench");
		exampleLine(examples, work.resolve("example"), 1000);
		bigLine(work.resolve("big"), 10_000, 100);
	}

	/** The example with three of the cell's standby draws as parameters, and {@code n} scenarios setting them. */
	private static void exampleLine(Path examples, Path dir, int n) throws IOException {
		copy(examples, dir);
		Path cell = dir.resolve("housing-cell/model/cell.zc");
		String text = Files.readString(cell);
		text = text.replace("state standby 2.1 kW for 20 %", "state standby TcStandby for 20 %")
				.replace("state standby 3.1 kW for 16 %", "state standby HmcStandby for 16 %")
				.replace("\tparameter VmcStandby", "\tparameter TcStandby = 2.1 kW\n\tparameter HmcStandby = 3.1 kW\n\tparameter VmcStandby");
		Files.writeString(cell, text);
		StringBuilder scenarios = new StringBuilder("package housing\n");
		for (int i = 0; i < n; i++) {
			scenarios.append(String.format(Locale.ROOT, "scenario Alt%d { set Cell.VmcStandby = %.3f kW set Cell.TcStandby = %.3f kW set Cell.HmcStandby = %.3f kW }%n", i,
					0.8 + i % 10 * 0.1, 1.0 + i % 7 * 0.15, 2.0 + i % 5 * 0.2));
		}
		Files.writeString(dir.resolve("housing-cell/model/bench-scenarios.zc"), scenarios);
		run("example line, " + n + " scenarios x 3 parameters", dir, "housing.Cell");
	}

	/** One line of {@code machines} machines, all drawing parameter P in processing, and {@code n} scenarios. */
	private static void bigLine(Path dir, int machines, int n) throws IOException {
		Files.createDirectories(dir);
		StringBuilder text = new StringBuilder("""
				package big
				factors F { grid factor G "grid" = 500 gCO2e/kWh { region "XX" } }
				methodology M "m" { version "1" module B6 required in scope2 functional unit MH machineHour }
				site S { region "XX" grid G }
				line L {
					site S
					profile { shifts 2 hours 4000 h per year service life 10 a }
					parameter P = 10 kW
					parameter Q = 1 kW
					parameter R = 60 %
				""");
		for (int m = 0; m < machines; m++) {
			text.append("\tmachine M").append(m).append(" vmc { state processing P + ").append(m % 10).append(" kW for R state standby Q for 100 % - R }\n");
		}
		text.append("}\n");
		for (int i = 0; i < n; i++) {
			text.append(String.format(Locale.ROOT, "scenario S%d { set L.P = %d kW set L.Q = %.1f kW set L.R = %d %% }%n", i, 5 + i % 10, 0.5 + i % 4 * 0.25,
					50 + i % 20));
		}
		Files.writeString(dir.resolve("big.zc"), text);
		run("line of " + machines + " machines, " + n + " scenarios x 3 parameters", dir, "big.L");
	}

	private static void run(String label, Path dir, String subjectName) throws IOException {
		List<URI> uris;
		try (Stream<Path> walk = Files.walk(dir)) {
			uris = walk.filter(p -> p.toString().endsWith(".zc")).sorted().map(p -> URI.createFileURI(p.toString())).toList();
		}
		long t0 = System.nanoTime();
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris, () -> false);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		if (!errors.isEmpty()) {
			throw new IllegalStateException(label + ": the generated model has errors: " + errors.subList(0, Math.min(3, errors.size())));
		}
		double load = seconds(t0);
		ResourceSet set = loaded.resourceSet();
		ModelSet models = new ModelSet(set);
		EObject subject = models.subjects().stream().filter(s -> ModelSet.nameOf(s).equals(subjectName)).findFirst().orElseThrow();
		Methodology methodology = models.footprintMethodology(null);
		List<Scenario> scenarios = ScenarioComparison.select(set.getResources(), "all", methodology);
		ScenarioComparison comparison = new ScenarioComparison(set.getResources(), new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC));
		for (int round = 1; round <= 2; round++) {
			System.gc();
			AtomicInteger count = new AtomicInteger();
			double[] sum = new double[1];
			long start = System.nanoTime();
			comparison.stream(subject, methodology, scenarios, run -> {
				count.incrementAndGet();
				sum[0] += run.result().total();
			}, null);
			double elapsed = seconds(start);
			Runtime rt = Runtime.getRuntime();
			System.out.printf(Locale.ROOT, "%s, round %d: %d runs (baseline + scenarios) in %.2f s (%.2f ms a run), mean total %,.0f kg CO2e; "
					+ "heap used %d MB (load + validate %.1f s)%n", label, round, count.get(), elapsed, 1000 * elapsed / count.get(), sum[0] / count.get(),
					(rt.totalMemory() - rt.freeMemory()) >> 20, load);
		}
	}

	private static void copy(Path from, Path to) throws IOException {
		List<Path> all = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(from)) {
			walk.forEach(all::add);
		}
		for (Path p : all) {
			Path target = to.resolve(from.relativize(p).toString());
			if (Files.isDirectory(p)) {
				Files.createDirectories(target);
			} else {
				Files.copy(p, target);
			}
		}
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}
}
