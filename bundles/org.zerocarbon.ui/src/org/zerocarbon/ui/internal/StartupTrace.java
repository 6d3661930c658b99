package org.zerocarbon.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Start-up milestones for {@code benchmarks/startup-benchmark.sh}: with {@code -Dzcw.startupTrace=<file>}, the
 * first time each event happens (the workbench window is shown, the Footprint view shows figures) a line
 * {@code <event> <epoch millis>} is appended to the file. Without the property nothing is recorded.
 */
public final class StartupTrace {

	/** The workbench window is open and painted. */
	public static final String WINDOW = "window";
	/** The Footprint view shows figures. */
	public static final String FIGURES = "figures";

	private static final String FILE = System.getProperty("zcw.startupTrace");
	/**
	 * With {@code -Dzcw.startupTrace.close=<ms>}, the workbench closes that long after the figures, as a user would
	 * (saving its layout), so that the benchmark's next start is a real second start.
	 */
	private static final Integer CLOSE_AFTER_MS = Integer.getInteger("zcw.startupTrace.close");
	private static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();

	private StartupTrace() {
	}

	/** Records the first occurrence of an event, if tracing is on. */
	public static void record(String event) {
		if (FILE == null || FILE.isBlank() || !RECORDED.add(event)) {
			return;
		}
		try {
			Files.writeString(Path.of(FILE), event + " " + System.currentTimeMillis() + "\n", StandardCharsets.UTF_8,
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		} catch (IOException e) {
			org.eclipse.core.runtime.ILog.of(StartupTrace.class).warn("Cannot write the start-up trace " + FILE + ": " + e.getMessage());
		}
		if (FIGURES.equals(event) && CLOSE_AFTER_MS != null && org.eclipse.ui.PlatformUI.isWorkbenchRunning()) {
			org.eclipse.swt.widgets.Display display = org.eclipse.ui.PlatformUI.getWorkbench().getDisplay();
			display.asyncExec(() -> display.timerExec(CLOSE_AFTER_MS, () -> org.eclipse.ui.PlatformUI.getWorkbench().close()));
		}
	}
}
