package org.zerocarbon.lang.ui.internal;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.resource.impl.ResourceSetBasedResourceDescriptions;
import org.eclipse.xtext.util.LazyStringInputStream;

/**
 * The part of the Xtext language server's workspace access that Xtext's IDE services (quick fixes, the change
 * serializer) call back into, answered from one editor snapshot instead of a language server. Runs on the
 * language thread; every answer is computed synchronously.
 * <p>
 * Fixes that change the model get a fresh copy of the resource set ({@link #newLiveScopeResourceSet}), so they
 * can never corrupt the editor's own resource: their result comes back as text edits that are applied to the
 * document, and the editor re-parses from there.
 */
class SessionServerAccess implements ILanguageServerAccess {

	final ModelSession.Snapshot snapshot;

	SessionServerAccess(ModelSession.Snapshot snapshot) {
		this.snapshot = snapshot;
	}

	@Override
	public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
		return CompletableFuture.completedFuture(doSyncRead(uri, function));
	}

	@Override
	public <T> T doSyncRead(String uri, Function<Context, T> function) {
		URI resourceUri = URI.createURI(uri);
		if (resourceUri.equals(snapshot.resource().getURI())) {
			return function.apply(new Context(snapshot.resource(), snapshot.ideDocument(), true, snapshot.outdated()));
		}
		Resource resource = snapshot.resource().getResourceSet().getResource(resourceUri, true);
		String text = resource instanceof XtextResource xtext && xtext.getParseResult() != null
				? NodeModelUtils.getNode(xtext.getContents().get(0)).getRootNode().getText()
				: "";
		return function.apply(new Context(resource, new Document(0, text), false, snapshot.outdated()));
	}

	@Override
	public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
		ResourceSetBasedResourceDescriptions index = snapshot.injector()
				.getInstance(ResourceSetBasedResourceDescriptions.class);
		index.setContext(snapshot.resource().getResourceSet());
		return CompletableFuture.completedFuture(function.apply(new IndexContext((IResourceDescriptions) index,
				snapshot.outdated())));
	}

	@Override
	public void addBuildListener(IBuildListener listener) {
		// There is no language-server build in the workbench; the workspace builder runs on save instead.
	}

	@Override
	public LanguageClient getLanguageClient() {
		return null;
	}

	@Override
	public ResourceSet newLiveScopeResourceSet(URI uri) {
		XtextResourceSet copy = snapshot.injector().getInstance(XtextResourceSet.class);
		copy.getResourceFactoryRegistry().getExtensionToFactoryMap().put(ModelSession.EXTENSION,
				snapshot.injector().getInstance(IResourceFactory.class));
		Resource own = copy.createResource(snapshot.resource().getURI());
		try {
			own.load(new LazyStringInputStream(snapshot.text(), "UTF-8"), null);
		} catch (IOException e) {
			throw new IllegalStateException("Cannot copy " + snapshot.resource().getURI(), e);
		}
		// The other files load lazily from disk when the fix follows a reference into them.
		return copy;
	}

	@Override
	public InitializeParams getInitializeParams() {
		// Plain per-file changes ("changes"), not versioned document changes: that is what TextChanges reads.
		WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
		WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
		edits.setDocumentChanges(false);
		workspace.setWorkspaceEdit(edits);
		ClientCapabilities capabilities = new ClientCapabilities();
		capabilities.setWorkspace(workspace);
		InitializeParams params = new InitializeParams();
		params.setCapabilities(capabilities);
		return params;
	}

	@Override
	public InitializeResult getInitializeResult() {
		return new InitializeResult();
	}
}
