package org.zerocarbon.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.ExecutorServiceProvider;
import org.eclipse.xtext.ide.server.ILanguageServerShutdownAndExitHandler;
import org.eclipse.xtext.ide.server.IMultiRootWorkspaceConfigFactory;
import org.eclipse.xtext.ide.server.LanguageServerImpl;
import org.eclipse.xtext.ide.server.ServerModule;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.impl.ResourceServiceProviderRegistryImpl;
import org.eclipse.xtext.util.Modules2;
import org.zerocarbon.lang.ZcRuntimeModule;
import org.zerocarbon.lang.ide.ZcIdeModule;
import org.zerocarbon.lang.ide.ZcIdeSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;

/**
 * The ZeroCarbon language server ({@code zcw lsp}): Xtext's {@link LanguageServerImpl} over LSP4J, with the
 * language's runtime, IDE and server modules.
 * <p>
 * Xtext's {@link ServerModule} finds languages with {@link java.util.ServiceLoader} ({@code META-INF/services/
 * org.eclipse.xtext.ISetup}), which does not cross bundles in OSGi. The server therefore gets a registry that maps
 * the {@code zc} extension to the language's resource service provider directly: the same on a plain class path
 * and in the product.
 */
public final class ZcLanguageServer {

	/** The file extension of the models. */
	public static final String EXTENSION = "zc";

	private ZcLanguageServer() {
	}

	/**
	 * The server on a plain class path (the bundles as jars or class folders, no OSGi), over standard input and
	 * output: what the tests and benchmarks start as a process. It has no report writer ({@code zerocarbon/report}
	 * answers that it needs {@code zcw lsp}); everything else is {@code zcw lsp}'s. Exits with {@link #serve}'s code.
	 */
	public static void main(String[] args) {
		System.exit(serve(System.in, System.out, System.err, null));
	}

	/**
	 * Serves one client over the streams until it sends {@code exit} or closes its end. Standard output is
	 * redirected to {@code log} meanwhile, so that nothing but protocol messages reaches {@code out}.
	 *
	 * @param reports writes the reports of {@code zerocarbon/report} (the command line's report command)
	 * @return 0 after {@code shutdown} and {@code exit}, 1 when the client went away without them (as the
	 *         protocol asks)
	 */
	public static int serve(InputStream in, OutputStream out, PrintStream log, ReportRunner reports) {
		PrintStream stdout = System.out;
		System.setOut(log);
		try {
			Session session = start(in, out, reports);
			try {
				session.listening().get();
			} catch (CancellationException e) {
				// exit came
			} catch (ExecutionException e) {
				// the input stream failed: the client is gone
				log.println("zcw lsp: the connection to the client closed: " + e.getCause());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			session.close();
			return session.exit().isDone() && session.exit().join() ? 0 : 1;
		} finally {
			System.setOut(stdout);
		}
	}

	/**
	 * A started server: its implementation, the client proxy, the listening thread's future (done when the input
	 * ends or {@code exit} came) and whether a {@code shutdown} preceded {@code exit}.
	 */
	public record Session(Injector injector, LanguageServerImpl server, LanguageClient client, Future<Void> listening,
			CompletableFuture<Boolean> exit) {

		/** Stops the server's request threads. */
		public void close() {
			listening.cancel(true);
			injector.getInstance(ExecutorServiceProvider.class).dispose();
		}

		/** Waits up to the timeout for the session to end; true when it did. */
		public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
			try {
				listening.get(timeout, unit);
				return true;
			} catch (ExecutionException | CancellationException e) {
				return true;
			} catch (TimeoutException e) {
				return listening.isDone();
			}
		}
	}

	/**
	 * Starts a server on the streams (in-process: tests and editors' socket bridges).
	 *
	 * @param extra bindings mixed into the language's (last, so they override), e.g. a {@link Footprints.Listener}
	 */
	public static Session start(InputStream in, OutputStream out, ReportRunner reports, Module... extra) {
		ExitSignal exit = new ExitSignal();
		Injector injector = createInjector(reports, exit, extra);
		LanguageServerImpl server = injector.getInstance(LanguageServerImpl.class);
		Launcher<LanguageClient> launcher = new LSPLauncher.Builder<LanguageClient>().setLocalService(server)
				.setRemoteInterface(LanguageClient.class).setInput(in).setOutput(out).create();
		server.connect(launcher.getRemoteProxy());
		Future<Void> listening = launcher.startListening();
		exit.listening = listening;
		return new Session(injector, server, launcher.getRemoteProxy(), listening, exit.done);
	}

	/**
	 * The server's injector: Xtext's server module with a registry holding the ZeroCarbon language (its runtime,
	 * IDE and {@link ZcLspModule} bindings), all workspace folders as one model set ({@link WorkspaceFolders}), and
	 * {@code exit} ending the session instead of the JVM.
	 */
	static Injector createInjector(ReportRunner reports, ILanguageServerShutdownAndExitHandler exit, Module... extra) {
		Injector language = new ZcIdeSetup() {
			@Override
			public Injector createInjector() {
				List<Module> modules = new ArrayList<>(List.of(new ZcRuntimeModule(), new ZcIdeModule(), new ZcLspModule(reports)));
				modules.addAll(List.of(extra));
				return Guice.createInjector(Modules2.mixin(modules.toArray(Module[]::new)));
			}
		}.createInjectorAndDoEMFRegistration();
		IResourceServiceProvider.Registry registry = new ResourceServiceProviderRegistryImpl();
		registry.getExtensionToFactoryMap().put(EXTENSION, language.getInstance(IResourceServiceProvider.class));
		return Guice.createInjector(Modules2.mixin(new ServerModule(), binder -> {
			binder.bind(IResourceServiceProvider.Registry.class).toInstance(registry);
			binder.bind(IMultiRootWorkspaceConfigFactory.class).to(WorkspaceFolders.class);
			binder.bind(ILanguageServerShutdownAndExitHandler.class).toInstance(exit);
		}));
	}

	/** {@code shutdown} then {@code exit}: the session ends (the JVM is the caller's to end). */
	private static final class ExitSignal implements ILanguageServerShutdownAndExitHandler {
		private volatile boolean shutdown;
		private volatile Future<Void> listening;
		final CompletableFuture<Boolean> done = new CompletableFuture<>();

		@Override
		public void shutdown() {
			shutdown = true;
		}

		@Override
		public void exit() {
			done.complete(shutdown);
			if (listening != null) {
				listening.cancel(true);
			}
		}
	}
}
