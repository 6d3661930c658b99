package org.zerocarbon.lang.ui.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.zerocarbon.lang.ide.ZcIdeSetup;

import com.google.inject.Injector;

/**
 * The one place where the editor reaches Xtext: the IDE injector of the ZeroCarbon language and the single
 * background thread on which every Xtext call runs.
 * <p>
 * Xtext resources and most of its services are not thread-safe, and parsing a large file must never happen on the
 * UI thread. Serializing all access on one thread (as xtext-web's {@code XtextServiceDispatcher} does per
 * session) makes both true without any locking: UI code submits work here and applies the results later with
 * {@code Display.asyncExec}. The UI thread never waits for this thread.
 */
public final class LanguageAccess {

	private static final LanguageAccess INSTANCE = new LanguageAccess();

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "ZeroCarbon language services");
		// A daemon, so that a pending reconcile never keeps the workbench from shutting down.
		thread.setDaemon(true);
		return thread;
	});
	private final CompletableFuture<Injector> injector;
	private volatile Thread languageThread;

	private LanguageAccess() {
		injector = CompletableFuture.supplyAsync(() -> {
			languageThread = Thread.currentThread();
			awaitTheWorkbenchWindow();
			return new ZcIdeSetup().createInjectorAndDoEMFRegistration();
		}, executor);
	}

	/**
	 * While the workbench is still opening its window (an editor restored at start-up asks for the language), waits
	 * until it has: creating the injector takes about a second of CPU, which on 2 cores the window's parts and first
	 * paint would otherwise share. The editor shows plain text until then and colours it afterwards. At most 20 s,
	 * so that a workbench that never finishes starting still gets its language.
	 */
	private static void awaitTheWorkbenchWindow() {
		long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
		try {
			while (org.eclipse.ui.PlatformUI.isWorkbenchRunning() && org.eclipse.ui.PlatformUI.getWorkbench().isStarting()
					&& System.nanoTime() < until) {
				Thread.sleep(50);
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The shared instance. Creating it starts building the injector in the background. */
	public static LanguageAccess get() {
		return INSTANCE;
	}

	/**
	 * Runs work on the language thread.
	 *
	 * @return a future that completes with the result, or exceptionally; failures are also written to the error
	 *         log, so that a caller that only shows a status message does not hide them
	 */
	public <T> CompletableFuture<T> submit(String what, Supplier<T> work) {
		CompletableFuture<T> result = injector.thenApplyAsync(ignored -> work.get(), executor);
		result.whenComplete((value, failure) -> {
			if (failure != null && !isCancellation(unwrap(failure))) {
				ILog.of(LanguageAccess.class).error("ZeroCarbon editor: " + what + " failed", unwrap(failure));
			}
		});
		return result;
	}

	/** The injector; call only from work submitted through {@link #submit}. */
	public Injector injector() {
		return injector.join();
	}

	/** The injector if it has been created already, else {@code null}; never blocks. */
	public Injector injectorIfReady() {
		return injector.isDone() && !injector.isCompletedExceptionally() ? injector.join() : null;
	}

	/** Runs {@code whenReady} (on the language thread) once the injector exists. */
	public CompletableFuture<Injector> whenReady() {
		return injector;
	}

	/** Whether the calling thread is the language thread. */
	public boolean isLanguageThread() {
		return Thread.currentThread() == languageThread;
	}

	/** Whether a failure only reports that work was cancelled (an editor closed, or the text changed). */
	private static boolean isCancellation(Throwable failure) {
		return failure instanceof java.util.concurrent.CancellationException
				|| failure instanceof org.eclipse.core.runtime.OperationCanceledException
				|| failure instanceof org.eclipse.xtext.service.OperationCanceledError;
	}

	/** A failure's message for the status line (the full trace is in the error log). */
	public static String unwrapMessage(Throwable failure) {
		Throwable cause = unwrap(failure);
		return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof java.util.concurrent.CompletionException
				|| cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}
}
