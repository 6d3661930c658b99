package org.zerocarbon.lsp.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.xtext.util.CancelIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lsp.Footprints;

/**
 * The footprints never hold up diagnostics: a code lens is computed after the change's build has published its
 * diagnostics, and the next change cancels a computation in progress, so that its diagnostics come at once.
 */
class IncrementalFootprintsTest {

	private static final long T = 60;

	/** Counts computations; when armed, holds the next one until the request is cancelled (or 30 s pass). */
	static final class Gate implements Footprints.Listener {
		final AtomicReference<CountDownLatch> armed = new AtomicReference<>();
		final CountDownLatch cancelSeen = new CountDownLatch(1);
		final AtomicBoolean timedOut = new AtomicBoolean();
		volatile long lastGeneration = -1;

		@Override
		public void started(long generation, CancelIndicator cancel) {
			lastGeneration = generation;
			CountDownLatch started = armed.getAndSet(null);
			if (started == null) {
				return;
			}
			started.countDown();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (!cancel.isCanceled()) {
				if (System.nanoTime() > deadline) {
					timedOut.set(true);
					return;
				}
				try {
					Thread.sleep(1);
				} catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			cancelSeen.countDown();
		}
	}

	@Test
	void footprintsFollowDiagnosticsAndTheNextChangeCancelsThem(@TempDir Path tmp) throws Exception {
		Examples.copyTo(tmp);
		Path cell = tmp.resolve("housing-cell/model/cell.zc");
		String text = Files.readString(cell);
		String uri = LanguageServerSessionTest.uri(cell);
		Gate gate = new Gate();
		try (LspClient client = new LspClient(null, binder -> binder.bind(Footprints.Listener.class).toInstance(gate))) {
			client.initialize(tmp.resolve("housing-cell"), tmp.resolve("zc-library"));
			client.awaitDiagnostics(cell, d -> true, T);
			client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "zc", 1, text)));
			String before = lineLens(client, uri, text);

			// TC1 processes at 16.5 kW instead of 14.5 kW: more electricity, a larger total. The lens is asked for
			// right after the change; the server answers after the change's build, whose diagnostics it has sent
			// first (one stream: the client reads the notification before the response).
			String faster = text.replace("state processing 14.5 kW for 60 %", "state processing 16.5 kW for 60 %");
			assertNotEquals(text, faster, "the example has TC1's processing state");
			int published = client.published(cell);
			change(client, uri, 2, faster);
			String after = lineLens(client, uri, faster);
			assertTrue(client.published(cell) > published, "the change's diagnostics came before its lens");
			assertTrue(total(after) > total(before), "16.5 kW instead of 14.5 kW raises the line's total: " + before + " -> " + after);

			// a computation in progress (held by the gate) is cancelled by the next change, whose diagnostics follow
			CountDownLatch started = new CountDownLatch(1);
			gate.armed.set(started);
			String slower = text.replace("state processing 14.5 kW for 60 %", "state processing 12.5 kW for 60 %");
			change(client, uri, 3, slower);
			CompletableFuture<List<? extends CodeLens>> held = client.server.getTextDocumentService()
					.codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)));
			assertTrue(started.await(T, TimeUnit.SECONDS), "the lens computation started");
			long heldGeneration = gate.lastGeneration;
			int beforeCancel = client.published(cell);
			change(client, uri, 4, text);
			assertTrue(gate.cancelSeen.await(T, TimeUnit.SECONDS), "the next change cancels the computation in progress");
			ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> held.get(T, TimeUnit.SECONDS));
			assertTrue(failure.getCause() instanceof ResponseErrorException e && e.getResponseError().getCode() == ResponseErrorCode.RequestCancelled.getValue(),
					"the held lens request ends as cancelled: " + failure.getCause());
			assertTrue(waitFor(() -> client.published(cell) > beforeCancel), "the cancelling change's diagnostics");
			// back to the original text: the figure is the first one, computed for a newer generation
			assertEquals(before, lineLens(client, uri, text));
			assertTrue(gate.lastGeneration > heldGeneration, "a new computation for the newer build");
			assertTrue(!gate.timedOut.get(), "the gate was released by the cancellation, not by its time-out");
		}
	}

	private static void change(LspClient client, String uri, int version, String text) {
		client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, version),
				List.of(new TextDocumentContentChangeEvent(text))));
	}

	/** The title of the lens on the line "line Cell". */
	private static String lineLens(LspClient client, String uri, String text) throws Exception {
		List<? extends CodeLens> lenses = client.server.getTextDocumentService().codeLens(new CodeLensParams(new TextDocumentIdentifier(uri)))
				.get(T, TimeUnit.SECONDS);
		int row = LanguageServerSessionTest.position(text, "line Cell ", 5).getLine();
		return lenses.stream().filter(l -> l.getRange().getStart().getLine() == row).map(l -> l.getCommand().getTitle()).findFirst()
				.orElseThrow(() -> new AssertionError("no lens on the line: " + lenses));
	}

	/** "2,639,730 kg CO2e (modules A-C), ..." -> 2639730. */
	private static double total(String lens) {
		return Double.parseDouble(lens.substring(0, lens.indexOf(" kg")).replace(",", "").toLowerCase(Locale.ROOT));
	}

	private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(T);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(10);
		}
		return true;
	}
}
