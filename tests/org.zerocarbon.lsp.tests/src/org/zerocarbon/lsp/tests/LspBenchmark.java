package org.zerocarbon.lsp.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;

/**
 * The language server's benchmarks (benchmarks/lsp-benchmark.sh), printed, not asserted: each starts the server as
 * a new process (a cold JVM) with the given command and talks to it over its standard input and output, as an
 * editor does.
 * <ol>
 * <li>initialize → the first diagnostics of examples/housing-cell/model/cell.zc (median of 3 processes);
 * <li>keystroke → diagnostics in a 3,000-line file (a line of TC1 copies), median of 21 changes;
 * <li>change → code lenses of the example line with new footprints, median of 11 changes;
 * <li>initialize → diagnostics of every file of a 10,000-machine workspace (200 lines of 50 machines).
 * </ol>
 * Usage: {@code LspBenchmark <examples dir> <work dir> <server command...>}; environment ZC_LSP_BENCH: which of
 * cold, keystroke, lens, large to run (default all).
 */
public final class LspBenchmark {

	private static final long T = 600;

	private LspBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path examples = Path.of(args[0]).toAbsolutePath().normalize();
		Path work = Path.of(args[1]).toAbsolutePath().normalize();
		List<String> command = Arrays.asList(args).subList(2, args.length);
		System.setProperty("zc.examples", examples.toString());
		Examples.copyTo(work);
		Path cell = work.resolve("housing-cell/model/cell.zc");
		String cellText = Files.readString(cell);
		Path folder = work.resolve("housing-cell");
		Path library = work.resolve("zc-library");
		System.out.printf(Locale.ROOT, "zcw lsp benchmarks on %d cores, server: %s%n", Runtime.getRuntime().availableProcessors(),
				String.join(" ", command).replaceAll("-cp \\S+", "-cp ..."));

		String parts = System.getenv().getOrDefault("ZC_LSP_BENCH", "cold,keystroke,lens,large");
		if (parts.contains("cold")) {
			cold(command, folder, library, cell);
		}
		if (parts.contains("keystroke")) {
			keystroke(command, folder, library, cellText);
		}
		if (parts.contains("lens")) {
			lens(command, folder, library, cell, cellText);
		}
		if (parts.contains("large")) {
			large(command, work, folder, library, cellText);
		}
	}

	private static void cold(List<String> command, Path folder, Path library, Path cell) throws Exception {
		List<Long> cold = new ArrayList<>();
		List<Long> coldCpu = new ArrayList<>();
		for (int run = 0; run < 3; run++) {
			long start = System.nanoTime();
			try (Server server = new Server(command)) {
				server.client.initialize(folder, library);
				server.client.awaitDiagnostics(cell, d -> true, T);
				cold.add(ms(start));
				coldCpu.add(server.cpu());
			}
		}
		print("initialize -> first diagnostics, example, cold JVM", cold, coldCpu, 3000);
	}

	private static void keystroke(List<String> command, Path folder, Path library, String cellText) throws Exception {

		Path big = folder.resolve("model/big.zc");
		String bigText = bigLine(cellText, "Big", 157);
		Files.writeString(big, bigText);
		try (Server server = new Server(command)) {
			server.client.initialize(folder, library);
			server.client.awaitDiagnostics(big, d -> true, T);
			String uri = big.toUri().toString();
			server.client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zc", 1, bigText)));
			server.client.awaitDiagnostics(big, d -> server.client.published(big) > 1, T);
			List<Long> keystrokes = new ArrayList<>();
			List<Long> keystrokeCpu = new ArrayList<>();
			int count = Integer.parseInt(System.getenv().getOrDefault("ZC_LSP_KEYSTROKES", "21"));
			for (int i = 0; i < count; i++) {
				// one character typed: TC1 copy 70's processing power 14.5 -> 14.6 and back
				String text = i % 2 == 0 ? bigText.replace("state processing 14.5 kW for 60 % // M70", "state processing 14.6 kW for 60 % // M70") : bigText;
				int before = server.client.published(big);
				long cpu = server.cpu();
				long start = System.nanoTime();
				change(server.client, uri, i + 2, text);
				server.client.awaitDiagnostics(big, d -> server.client.published(big) > before, T);
				keystrokes.add(ms(start));
				keystrokeCpu.add(server.cpu() - cpu);
			}
			print("keystroke -> diagnostics, " + bigText.lines().count() + "-line file", keystrokes.subList(1, keystrokes.size()),
					keystrokeCpu.subList(1, keystrokeCpu.size()), 100);
		}
		Files.delete(big);
	}

	private static void lens(List<String> command, Path folder, Path library, Path cell, String cellText) throws Exception {

		try (Server server = new Server(command)) {
			server.client.initialize(folder, library);
			String uri = cell.toUri().toString();
			server.client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zc", 1, cellText)));
			lenses(server.client, uri); // the first computation also reads the measured data
			List<Long> lensTimes = new ArrayList<>();
			List<Long> lensCpu = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String text = i % 2 == 0 ? cellText.replace("state processing 14.5 kW for 60 %", "state processing 16.5 kW for 60 %") : cellText;
				long cpu = server.cpu();
				long start = System.nanoTime();
				change(server.client, uri, i + 2, text);
				lenses(server.client, uri);
				lensTimes.add(ms(start));
				lensCpu.add(server.cpu() - cpu);
			}
			print("change -> code lenses (footprints), example line", lensTimes.subList(1, lensTimes.size()), lensCpu.subList(1, lensCpu.size()), 300);
		}
	}

	private static void large(List<String> command, Path work, Path folder, Path library, String cellText) throws Exception {

		Path large = work.resolve("large");
		List<Path> files = new ArrayList<>();
		for (int f = 0; f < 200; f++) {
			Path file = large.resolve("line" + f + ".zc");
			Files.createDirectories(large);
			Files.writeString(file, bigLine(cellText, "L" + f, 50));
			files.add(file);
		}
		long start = System.nanoTime();
		try (Server server = new Server(command)) {
			server.client.initializeWithin(T, large, folder, library);
			for (Path file : files) {
				server.client.awaitDiagnostics(file, d -> true, T);
			}
			print("initialize -> diagnostics of all 200 files, 10,000 machines", List.of(ms(start)), List.of(server.cpu()), 15000);
		}
	}

	/**
	 * A line of {@code machines} copies of TC1 (its block in cell.zc, meters left out), in a package of its own
	 * that imports the example's; each copy's processing state is marked with a comment "// M&lt;i&gt;".
	 */
	static String bigLine(String cellText, String name, int machines) {
		int lineAt = cellText.indexOf("line Cell ");
		int tc1At = cellText.indexOf("\tmachine TC1 ");
		int tc1End = cellText.indexOf("\n\t}\n", tc1At) + "\n\t}\n".length();
		String header = cellText.substring(lineAt, tc1At).replace("line Cell ", "line " + name + " ").replace("twin CellTwin", "twin " + name + "Twin");
		String tc1 = cellText.substring(tc1At, tc1End).lines().filter(l -> !l.trim().startsWith("meter ")).reduce("", (a, b) -> a + b + "\n");
		StringBuilder text = new StringBuilder("package bench.").append(name.toLowerCase(Locale.ROOT))
				.append("\n\nimport housing.*\nimport zc.lib.fuels.*\nimport zc.lib.materials.*\nimport zc.lib.transport.*\n\n").append(header);
		for (int i = 0; i < machines; i++) {
			text.append(tc1.replace("TC1", "M" + i).replace("state processing 14.5 kW for 60 %", "state processing 14.5 kW for 60 % // M" + i));
		}
		return text.append("}\n").toString();
	}

	private static void lenses(LspClient client, String uri) throws Exception {
		client.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri))).get(T, TimeUnit.SECONDS);
	}

	private static void change(LspClient client, String uri, int version, String text) {
		client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	private static long ms(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	/** Wall times with their medians, and the median of the server process's CPU time (all its threads). */
	private static void print(String label, List<Long> times, List<Long> cpu, long target) {
		long median = median(times);
		System.out.printf(Locale.ROOT, "%-58s median %6d ms wall, %6d ms server CPU (target <= %d ms: %s)  wall runs: %s%n", label, median,
				median(cpu), target, median <= target ? "met" : "MISSED", times);
	}

	private static long median(List<Long> values) {
		return values.stream().sorted().toList().get(values.size() / 2);
	}

	/** A server process and its client; closing shuts it down. */
	private static final class Server implements AutoCloseable {
		final Process process;
		final LspClient client;

		Server(List<String> command) throws Exception {
			process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
			client = new LspClient(process);
		}

		/** The CPU time the server process used so far, in ms. */
		long cpu() {
			return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
		}

		@Override
		public void close() throws Exception {
			try {
				client.server.shutdown().get(60, TimeUnit.SECONDS);
				client.server.exit();
				process.waitFor(30, TimeUnit.SECONDS);
			} finally {
				process.destroyForcibly();
			}
		}
	}
}
