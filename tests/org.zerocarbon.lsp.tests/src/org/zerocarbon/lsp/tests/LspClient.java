package org.zerocarbon.lsp.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.zerocarbon.lsp.ReportRunner;
import org.zerocarbon.lsp.ZcLanguageServer;

import com.google.inject.Module;

/**
 * An LSP4J client talking to an in-process server over pipes, as an editor does over a process's stdin/stdout:
 * every request and notification goes through JSON-RPC. It keeps the diagnostics published last per file and
 * counts the code-lens refreshes the server asks for.
 */
final class LspClient implements LanguageClient, AutoCloseable {

	/** The server side of the custom request, as a client declares it. */
	interface ZeroCarbonServer extends LanguageServer {
		@JsonRequest("zerocarbon/report")
		CompletableFuture<Map<String, Object>> report(Map<String, Object> params);
	}

	final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
	private final Map<String, Integer> publications = new ConcurrentHashMap<>();
	final AtomicInteger lensRefreshes = new AtomicInteger();
	final ZcLanguageServer.Session session;
	final ZeroCarbonServer server;
	private final Object changed = new Object();

	/** @param extra bindings for the server's language injector (see {@link ZcLanguageServer#start}) */
	LspClient(ReportRunner reports, Module... extra) throws IOException {
		PipedInputStream serverIn = new PipedInputStream(1 << 16);
		PipedOutputStream clientOut = new PipedOutputStream(serverIn);
		PipedInputStream clientIn = new PipedInputStream(1 << 16);
		PipedOutputStream serverOut = new PipedOutputStream(clientIn);
		session = ZcLanguageServer.start(serverIn, serverOut, reports, extra);
		server = connect(clientIn, clientOut);
	}

	/** A client of a server process (its standard input and output). */
	LspClient(Process process) {
		session = null;
		server = connect(process.getInputStream(), process.getOutputStream());
	}

	private ZeroCarbonServer connect(InputStream in, OutputStream out) {
		Launcher<ZeroCarbonServer> launcher = new LSPLauncher.Builder<ZeroCarbonServer>().setLocalService(this)
				.setRemoteInterface(ZeroCarbonServer.class).setInput(in).setOutput(out).create();
		launcher.startListening();
		return launcher.getRemoteProxy();
	}

	/** initialize (with the folders as workspace folders) and initialized. */
	InitializeResult initialize(Path... folders) throws Exception {
		return initializeWithin(60, folders);
	}

	/** initialize and initialized, waiting up to {@code seconds} for the answer (the server builds the workspace first). */
	InitializeResult initializeWithin(long seconds, Path... folders) throws Exception {
		InitializeParams params = new InitializeParams();
		params.setProcessId((int) ProcessHandle.current().pid());
		params.setWorkspaceFolders(List.of(folders).stream().map(f -> new WorkspaceFolder(f.toUri().toString(), f.getFileName().toString())).toList());
		ClientCapabilities capabilities = new ClientCapabilities();
		WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
		workspace.setCodeLens(new CodeLensWorkspaceCapabilities(true));
		workspace.setWorkspaceFolders(true);
		WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
		edits.setDocumentChanges(false);
		workspace.setWorkspaceEdit(edits);
		capabilities.setWorkspace(workspace);
		capabilities.setTextDocument(new TextDocumentClientCapabilities());
		params.setCapabilities(capabilities);
		InitializeResult result = server.initialize(params).get(seconds, TimeUnit.SECONDS);
		server.initialized(new InitializedParams());
		return result;
	}

	/** Waits until the diagnostics of the file satisfy the condition; returns them. */
	List<Diagnostic> awaitDiagnostics(Path file, Predicate<List<Diagnostic>> condition, long seconds) throws InterruptedException {
		String uri = file.toUri().toString();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		synchronized (changed) {
			while (true) {
				List<Diagnostic> current = diagnostics.get(uri);
				if (current != null && condition.test(current)) {
					return current;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new AssertionError("no matching diagnostics for " + uri + " within " + seconds + " s; last: " + current
							+ "; files with diagnostics: " + diagnostics.keySet());
				}
				changed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
	}

	/** How many times the server published the file's diagnostics. */
	int published(Path file) {
		return publications.getOrDefault(file.toUri().toString(), 0);
	}

	@Override
	public void publishDiagnostics(PublishDiagnosticsParams params) {
		synchronized (changed) {
			diagnostics.put(params.getUri(), params.getDiagnostics());
			publications.merge(params.getUri(), 1, Integer::sum);
			changed.notifyAll();
		}
	}

	@Override
	public CompletableFuture<Void> refreshCodeLenses() {
		lensRefreshes.incrementAndGet();
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void telemetryEvent(Object object) {
	}

	@Override
	public void showMessage(MessageParams params) {
		System.err.println("server: " + params.getMessage());
	}

	@Override
	public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
		return CompletableFuture.completedFuture(null);
	}

	@Override
	public void logMessage(MessageParams params) {
		System.err.println("server log: " + params.getMessage());
	}

	@Override
	public void close() {
		if (session != null) {
			session.close();
		}
	}
}
