package org.zerocarbon.lang.ui.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.internal.Analysis;

/**
 * Types into a large generated model while the editor keeps checking it, and measures how long the UI thread is
 * busy per keystroke and the longest time it does not answer at all (target: never blocked for more than 50 ms).
 * A heartbeat timer runs every {@value #HEARTBEAT_MS} ms on the UI thread; any gap beyond that is time the UI
 * thread was blocked. Prints its figures and writes them to {@code target/editor-benchmark.txt}.
 */
class TypingLatencyBenchmark {

	private static final int MACHINES = 200;
	private static final int KEYSTROKES = 400;
	private static final int KEY_INTERVAL_MS = 40;
	/** Every this many keystrokes the typist pauses long enough for a check to start while typing resumes. */
	private static final int BURST = 25;
	private static final int PAUSE_MS = 450;
	private static final int HEARTBEAT_MS = 5;

	@Test
	void typingStaysResponsiveWhileTheModelIsChecked() throws Exception {
		IFile file = generate();
		IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
		ZcEditor editor = (ZcEditor) IDE.openEditor(page, file, ZcEditor.ID, true);
		Display display = Display.getCurrent();
		long opened = System.nanoTime();
		waitUntil(display, () -> editor.presenter() != null && editor.presenter().currentIfUpToDate() != null, 120_000);
		double firstCheckMs = (System.nanoTime() - opened) / 1e6;
		Analysis first = editor.presenter().current();

		StyledText widget = editor.viewer().getTextWidget();
		String text = widget.getText();
		// Type inside a machine block in the middle of the file: a description string being written.
		int caret = text.indexOf("machine M" + String.format("%03d", MACHINES / 2));
		caret = text.indexOf('\n', caret) + 1;
		widget.setCaretOffset(caret);
		widget.insert("\t// ");
		widget.setCaretOffset(caret + 4);

		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		long[] gcBefore = gcTotals();
		List<Double> keystrokeMs = new ArrayList<>();
		List<Double> keystrokeCpuMs = new ArrayList<>();
		List<Double> stallsMs = new ArrayList<>();
		// the same gaps less the collector's stop-the-world pauses that fell into them: what our code blocked
		List<Double> stallsLessGcMs = new ArrayList<>();
		List<Long> stallStarts = new ArrayList<>();
		long[] lastBeat = { System.nanoTime() };
		long[] lastPauses = { gcTotals()[1] };
		long[] lastCpu = { threads.getCurrentThreadCpuTime() };
		// the UI thread's own CPU time within each gap: the part of a stall that is work on the UI thread, the rest
		// being waits (for the X server, for a core while the check and Xvfb run, for a lock)
		List<Double> stallCpuMs = new ArrayList<>();
		boolean[] running = { true };
		Runnable[] beat = new Runnable[1];
		beat[0] = () -> {
			long now = System.nanoTime();
			long pauses = gcTotals()[1];
			double stall = (now - lastBeat[0]) / 1e6 - HEARTBEAT_MS;
			stallsMs.add(stall);
			stallStarts.add(lastBeat[0]);
			long cpu = threads.getCurrentThreadCpuTime();
			stallCpuMs.add((cpu - lastCpu[0]) / 1e6);
			lastCpu[0] = cpu;
			stallsLessGcMs.add(Math.max(0, stall - (pauses - lastPauses[0])));
			lastPauses[0] = pauses;
			lastBeat[0] = now;
			if (running[0]) {
				display.timerExec(HEARTBEAT_MS, beat[0]);
			}
		};
		display.timerExec(HEARTBEAT_MS, beat[0]);
		// a watchdog (like Eclipse's UI responsiveness monitor) samples the UI thread's stack while it is late
		Thread ui = display.getThread();
		java.util.Map<Long, List<String>> lateStacks = new java.util.concurrent.ConcurrentHashMap<>();
		Thread watchdog = new Thread(() -> {
			while (running[0]) {
				long beatAt = lastBeat[0];
				if ((System.nanoTime() - beatAt) / 1e6 > HEARTBEAT_MS + 15) {
					lateStacks.computeIfAbsent(beatAt, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(stack(ui));
				}
				try {
					Thread.sleep(3);
				} catch (InterruptedException e) {
					return;
				}
			}
		}, "UI watchdog");
		watchdog.setDaemon(true);
		watchdog.start();

		long[] firstKeyDone = { Long.MAX_VALUE };
		long analysesBefore = first.version();
		int analysesShown = 0;
		long lastShownVersion = first.version();
		for (int i = 0; i < KEYSTROKES; i++) {
			char c = (char) ('a' + i % 26);
			Event down = new Event();
			down.character = c;
			down.keyCode = c;
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			widget.notifyListeners(SWT.KeyDown, down);
			keystrokeCpuMs.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
			keystrokeMs.add((System.nanoTime() - start) / 1e6);
			if (i == 1) {
				firstKeyDone[0] = System.nanoTime(); // keystroke 2 begins: the first one has been handled and painted
			}
			runFor(display, (i + 1) % BURST == 0 ? PAUSE_MS : KEY_INTERVAL_MS);
			Analysis shown = editor.presenter().current();
			if (shown != null && shown.version() != lastShownVersion) {
				analysesShown++;
				lastShownVersion = shown.version();
			}
		}
		running[0] = false;
		long stopped = System.nanoTime();
		long[] gcAfter = gcTotals();
		waitUntil(display, () -> editor.presenter().currentIfUpToDate() != null, 120_000);
		double feedbackMs = (System.nanoTime() - stopped) / 1e6;
		double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		boolean typedEverything = widget.getText().length() == text.length() + 4 + KEYSTROKES;

		String figures = String.format(Locale.ROOT, """
				ZeroCarbon editor typing latency (%d-machine line, %d lines, %d characters)
				  first check after opening:        %8.1f ms
				  keystrokes typed:                 %8d  (all arrived in the text: %s)
				  UI time per keystroke  median:    %8.2f ms   p95: %6.2f ms   max: %6.2f ms  (wall clock)
				  UI CPU per keystroke   median:    %8.2f ms   p95: %6.2f ms   max: %6.2f ms  (UI thread's own CPU time)
				  UI thread stall        median:    %8.2f ms   p99: %6.2f ms   max: %6.2f ms  (target: max <= 50 ms)
				  stall less GC pauses   median:    %8.2f ms   p99: %6.2f ms   max: %6.2f ms
				  stall after keystroke 1 (the editor tab turns dirty and repaints at the first): max %6.2f ms
				  UI CPU within a stall  median:    %8.2f ms   p99: %6.2f ms   max: %6.2f ms  (work done on the UI thread)
				  checks shown while typing:        %8d  (document versions %d..%d)
				  problems shown after typing stops:%8.1f ms  (reconcile delay %d ms + check)
				  garbage collections while typing: %8d  (%d ms of stop-the-world pauses in total; JVM: %s)
				  machine load average (1 min):     %8.1f before, %.1f after, on %d cores
				  verdict:                          %s
				""", MACHINES, widget.getLineCount(), widget.getCharCount(), firstCheckMs, KEYSTROKES, typedEverything,
				percentile(keystrokeMs, 50), percentile(keystrokeMs, 95), percentile(keystrokeMs, 100),
				percentile(keystrokeCpuMs, 50), percentile(keystrokeCpuMs, 95), percentile(keystrokeCpuMs, 100),
				percentile(stallsMs, 50), percentile(stallsMs, 99), percentile(stallsMs, 100),
				percentile(stallsLessGcMs, 50), percentile(stallsLessGcMs, 99), percentile(stallsLessGcMs, 100),
				percentile(afterFirstKey(stallsMs, stallStarts, firstKeyDone[0]), 100),
				percentile(stallCpuMs, 50), percentile(stallCpuMs, 99), percentile(stallCpuMs, 100), analysesShown,
				analysesBefore, editor.presenter().current().version(), feedbackMs,
				org.zerocarbon.lang.ui.internal.ZcSourceViewerConfiguration.RECONCILE_DELAY_MS,
				gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1],
				String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
						.filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:")).toList()),
				loadBefore, loadAfter,
				Runtime.getRuntime().availableProcessors(),
				percentile(stallsMs, 100) <= 50 ? "PASS (UI never blocked > 50 ms)" : "FAIL (UI blocked > 50 ms)");
		figures += worstStalls(stallsLessGcMs, stallCpuMs, stallStarts, lateStacks);
		System.out.println(figures);
		Path out = Path.of("target", "editor-benchmark.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, figures);
		page.closeAllEditors(false);
	}

	/** The stalls that began after a given time. */
	private static List<Double> afterFirstKey(List<Double> stalls, List<Long> starts, long since) {
		List<Double> later = new ArrayList<>();
		for (int i = 0; i < stalls.size(); i++) {
			if (starts.get(i) >= since) {
				later.add(stalls.get(i));
			}
		}
		return later;
	}

	/** The three longest stalls (less collector pauses) with what the UI thread was doing, sampled by the watchdog. */
	private static String worstStalls(List<Double> stalls, List<Double> cpu, List<Long> starts,
			java.util.Map<Long, List<String>> samples) {
		long all = samples.values().stream().mapToLong(List::size).sum();
		long ours = samples.values().stream().flatMap(List::stream)
				.filter(stack -> stack.lines().anyMatch(f -> f.contains("at org.zerocarbon.") && !f.contains(".benchmark."))).count();
		StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
				"  UI thread late (> %d ms): %d stack samples, %d with ZeroCarbon code on the stack%n", HEARTBEAT_MS + 15, all, ours));
		text.append("  longest stalls and the UI thread's stack while late:\n");
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < stalls.size(); i++) {
			order.add(i);
		}
		order.sort((a, b) -> Double.compare(stalls.get(b), stalls.get(a)));
		for (int i : order.subList(0, Math.min(3, order.size()))) {
			text.append(String.format(Locale.ROOT, "    %.1f ms, of which %.1f ms UI-thread CPU, %.0f ms after typing began:%n",
					stalls.get(i), cpu.get(i), (starts.get(i) - starts.get(0)) / 1e6));
			List<String> stacks = samples.getOrDefault(starts.get(i), List.of());
			// the innermost frames of up to two distinct samples
			new java.util.LinkedHashSet<>(stacks).stream().limit(2)
					.forEach(stack -> text.append(String.join("\n", stack.lines().limit(12).toList())).append("\n        --\n"));
		}
		return text.toString();
	}

	/** A thread's stack, one indented frame per line. */
	private static String stack(Thread thread) {
		StringBuilder text = new StringBuilder();
		StackTraceElement[] frames = thread.getStackTrace();
		for (int i = 0; i < frames.length; i++) {
			text.append("        at ").append(frames[i]).append('\n');
		}
		return text.toString();
	}

	private static IFile generate() throws CoreException, IOException {
		IProject project = ResourcesPlugin.getWorkspace().getRoot().getProject("editor-benchmark");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
		IFile factors = project.getFile("factors.zc");
		IFile line = project.getFile("line.zc");
		write(factors, """
				package bench.factors

				factors Freight "Freight" {
					transport factor Truck "Truck" = 0.126 kgCO2e/tkm {
						source "benchmark"
						licence "CC0"
					}
				}
				""");
		StringBuilder model = new StringBuilder("package bench\n\nimport bench.factors.*\n\nline Big \"Generated line\" {\n");
		for (int m = 0; m < MACHINES; m++) {
			String name = String.format("M%03d", m);
			model.append("\tmachine ").append(name).append(" vmc \"Machine ").append(m).append("\" {\n")
					.append("\t\trated 25 kW\n")
					.append("\t\tstate off 0.1 kW for 5 %\n")
					.append("\t\tstate standby 1.8 kW for 20 %\n")
					.append("\t\tstate ready 4.5 kW for 15 %\n")
					.append("\t\tstate processing 11.0 kW for 60 %\n")
					.append("\t\tcomponent Spindle spindle 15 kW\n")
					.append("\t\tcomponent Axes feed 4.2 kW\n")
					.append("\t\ttransport 7.8 t over 950 km by truck factor Truck\n")
					.append("\t\toperation OP10 \"Op\" rate 24 parts/h {\n")
					.append("\t\t\tprocessing 120 s\n")
					.append("\t\t\tready 30 s\n")
					.append("\t\t}\n")
					.append("\t\tmeter ").append(name).append("_OP10 operation OP10 every 1 s item \"ENERGY\"\n")
					.append("\t}\n");
		}
		model.append("}\n");
		write(line, model.toString());
		return line;
	}

	private static void write(IFile file, String content) throws CoreException {
		ByteArrayInputStream in = new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
		if (file.exists()) {
			file.setContents(in, true, false, null);
		} else {
			file.create(in, true, null);
		}
	}

	private static void runFor(Display display, long millis) {
		long end = System.currentTimeMillis() + millis;
		while (System.currentTimeMillis() < end) {
			if (!display.readAndDispatch()) {
				display.timerExec(1, () -> {
				});
				display.sleep();
			}
		}
	}

	private static void waitUntil(Display display, java.util.function.BooleanSupplier condition, long timeoutMs) {
		long end = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > end) {
				throw new AssertionError("the editor did not finish checking within " + timeoutMs + " ms");
			}
			runFor(display, 10);
		}
	}

	/**
	 * Number of collections and milliseconds of stop-the-world pauses, over all collectors. The beans of concurrent
	 * cycles (G1 Concurrent GC, ZGC Cycles) count time the application kept running, so they are left out.
	 */
	private static long[] gcTotals() {
		long count = 0;
		long millis = 0;
		for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
				.getGarbageCollectorMXBeans()) {
			if (gc.getName().contains("Concurrent") || gc.getName().endsWith("Cycles")) {
				continue;
			}
			count += Math.max(0, gc.getCollectionCount());
			millis += Math.max(0, gc.getCollectionTime());
		}
		return new long[] { count, millis };
	}

	private static double percentile(List<Double> values, int percent) {
		if (values.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}
}
