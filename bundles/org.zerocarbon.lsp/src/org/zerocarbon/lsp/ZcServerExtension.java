package org.zerocarbon.lsp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.emf.common.util.URI;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.ILanguageServerExtension;
import org.eclipse.xtext.ide.server.UriExtensions;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.zerocarbon.model.zc.ZcPackage;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * What the ZeroCarbon server adds to Xtext's: the build generation the code lenses are computed for (and a
 * {@code workspace/codeLens/refresh} to the client after each build, when it supports it), and the custom request
 * {@value #REPORT}, which writes the reports of a file's lines and parks through {@code zcw report}'s code path.
 */
@Singleton
public class ZcServerExtension implements ILanguageServerExtension, ILanguageServerAccess.IBuildListener {

	/** The custom request that writes reports. */
	public static final String REPORT = "zerocarbon/report";

	/** Parameters of {@value #REPORT}: the file, the formats (default json, csv, html), the output directory. */
	public static class ReportParams {
		/** The model file whose subjects are reported (a file: URI, as in textDocument requests). */
		public String uri;
		/** Report formats: json, csv, html, pdf or all. */
		public List<String> formats;
		/** Output directory (a file: URI or a path); default: {@code reports} in the workspace folder holding the file. */
		public String out;
	}

	/** Result of {@value #REPORT}: the exit code of {@code zcw report}, the files it wrote and what it printed. */
	public static class ReportResult {
		public int exitCode;
		public List<String> written = new ArrayList<>();
		public String output;
	}

	@Inject
	private UriExtensions uris;

	@Inject(optional = true)
	private ReportRunner reports;

	private volatile ILanguageServerAccess access;

	private final AtomicLong generation = new AtomicLong();

	/** Reports are written off the server's request threads: a PDF takes about a second. */
	private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "zerocarbon-report");
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public void initialize(ILanguageServerAccess serverAccess) {
		if (this.access == null) {
			this.access = serverAccess;
			serverAccess.addBuildListener(this);
		}
	}

	/** The server's access, or null before the server asked for its extensions. */
	ILanguageServerAccess access() {
		return access;
	}

	/** Bumped by every build: the footprints of a generation are computed once. */
	long generation() {
		return generation.get();
	}

	@Override
	public void afterBuild(List<IResourceDescription.Delta> deltas) {
		generation.incrementAndGet();
		ClientCapabilities capabilities = access.getInitializeParams() == null ? null : access.getInitializeParams().getCapabilities();
		if (capabilities != null && capabilities.getWorkspace() != null && capabilities.getWorkspace().getCodeLens() != null
				&& Boolean.TRUE.equals(capabilities.getWorkspace().getCodeLens().getRefreshSupport()) && access.getLanguageClient() != null) {
			access.getLanguageClient().refreshCodeLenses();
		}
	}

	/**
	 * Writes the reports of the file's lines and parks with {@code zcw report}: from the saved files, the file
	 * itself, every file that declares no line or park (libraries, methodologies, suppliers) and the files of the
	 * lines and parks it refers to.
	 */
	@JsonRequest(REPORT)
	public CompletableFuture<ReportResult> report(ReportParams params) {
		if (params == null || params.uri == null) {
			return CompletableFuture.failedFuture(invalid("zerocarbon/report needs the uri of a .zc file"));
		}
		if (reports == null) {
			return CompletableFuture.failedFuture(invalid("this server was started without a report writer (start it with 'zcw lsp')"));
		}
		URI file = uris.toUri(params.uri);
		if (!file.isFile()) {
			return CompletableFuture.failedFuture(invalid("zerocarbon/report needs a file: URI, not " + params.uri));
		}
		return access.doReadIndex(context -> modelFiles(context.getIndex(), file)).thenApplyAsync(files -> {
			Path model = Path.of(file.toFileString());
			Path outDir = params.out == null || params.out.isBlank() ? folderOf(model).resolve("reports")
					: params.out.startsWith("file:") ? Path.of(uris.toUri(params.out).toFileString()) : Path.of(params.out);
			List<String> formats = params.formats == null || params.formats.isEmpty() ? List.of("json", "csv", "html") : params.formats;
			ReportRunner.Result run = reports.report(files, formats, outDir.toAbsolutePath().normalize());
			ReportResult result = new ReportResult();
			result.exitCode = run.exitCode();
			result.output = run.output();
			for (String line : run.output().split("\\R")) {
				if (line.startsWith("wrote ")) {
					result.written.add(Path.of("").toAbsolutePath().resolve(line.substring("wrote ".length())).toUri().toString());
				}
			}
			return result;
		}, writer);
	}

	/** The model files a report of {@code file} needs (see {@link #report}), as paths. */
	private static List<Path> modelFiles(IResourceDescriptions index, URI file) {
		Set<URI> needed = new LinkedHashSet<>();
		needed.add(file);
		IResourceDescription own = index.getResourceDescription(file);
		if (own != null) {
			for (IReferenceDescription reference : own.getReferenceDescriptions()) {
				needed.add(reference.getTargetEObjectUri().trimFragment());
			}
		}
		for (IResourceDescription description : index.getAllResourceDescriptions()) {
			if (!description.getExportedObjectsByType(ZcPackage.Literals.LINE).iterator().hasNext()
					&& !description.getExportedObjectsByType(ZcPackage.Literals.PARK).iterator().hasNext()) {
				needed.add(description.getURI());
			}
		}
		return needed.stream().filter(URI::isFile).map(uri -> Path.of(uri.toFileString())).filter(Files::isRegularFile).toList();
	}

	/** The workspace folder holding a file (the deepest), or the file's directory outside them. */
	private Path folderOf(Path model) {
		Path best = null;
		if (access.getInitializeParams() != null && access.getInitializeParams().getWorkspaceFolders() != null) {
			for (var folder : access.getInitializeParams().getWorkspaceFolders()) {
				URI uri = uris.toUri(folder.getUri());
				if (uri.isFile()) {
					Path root = Path.of(uri.toFileString());
					if (model.startsWith(root) && (best == null || root.startsWith(best))) {
						best = root;
					}
				}
			}
		}
		return best != null ? best : model.getParent();
	}

	private static ResponseErrorException invalid(String message) {
		return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, message, null));
	}
}
