package org.zerocarbon.lang.ui.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.rename.IRenameService2;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.IResourceServiceProvider;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.eclipse.xtext.util.SimpleAttributeResolver;

/**
 * Rename of a named element and every reference to it, across the files of the project (and the projects it
 * references), with Xtext's {@link IRenameService2}: the same rename the Xtext language server offers. Language
 * thread only.
 * <p>
 * The rename service changes the model and serializes the change; it works on a private copy of all files (the
 * edited one as in the editor, the others as on disk), so the editor's own model is never touched. The result is
 * text edits per file.
 */
public final class Rename {

	/** The element to rename, by its current name. */
	public record Target(String name) {
	}

	private Rename() {
	}

	/** The renameable element at the offset (declared or referenced there), or {@code null}. */
	public static Target targetAt(ModelSession.Snapshot snapshot, int offset) {
		EObjectAtOffsetHelper helper = snapshot.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject element = helper.getElementWithNameAt(snapshot.resource(), offset);
		if (element == null) {
			element = helper.resolveCrossReferencedElementAt(snapshot.resource(), offset);
		}
		String name = element == null || element.eIsProxy() ? null : SimpleAttributeResolver.NAME_RESOLVER.apply(element);
		if (name == null) {
			return null;
		}
		return new Target(name);
	}

	/** The edits that rename the element at the offset to {@code newName} everywhere. */
	public static TextChanges compute(ModelSession.Snapshot snapshot, int offset, String newName) {
		// The rename service finds the language's services through Xtext's global registry, where the headless
		// (builder) injector may have registered itself since; make sure it finds the IDE services it needs.
		IResourceServiceProvider.Registry.INSTANCE.getExtensionToFactoryMap().put(ModelSession.EXTENSION,
				snapshot.injector().getInstance(IResourceServiceProvider.class));
		CopyAccess access = new CopyAccess(snapshot);
		IRenameService2.Options options = new IRenameService2.Options();
		options.setLanguageServerAccess(access);
		String uri = snapshot.resource().getURI().toString();
		options.setRenameParams(new RenameParams(new TextDocumentIdentifier(uri),
				snapshot.ideDocument().getPosition(offset), newName));
		options.setCancelIndicator(snapshot.outdated());
		WorkspaceEdit edit = snapshot.injector().getInstance(IRenameService2.class).rename(options);
		if (edit == null) {
			return TextChanges.forEditedFile(snapshot, java.util.List.of());
		}
		return TextChanges.of(edit, snapshot);
	}

	/** Language-server access over a private copy of every model file the edited file can see. */
	private static final class CopyAccess extends SessionServerAccess {
		private final XtextResourceSet copy;
		private final Map<URI, String> originalTexts = new HashMap<>();

		CopyAccess(ModelSession.Snapshot snapshot) {
			super(snapshot);
			copy = snapshot.injector().getInstance(XtextResourceSet.class);
			copy.getResourceFactoryRegistry().getExtensionToFactoryMap().put(ModelSession.EXTENSION,
					snapshot.injector().getInstance(IResourceFactory.class));
			// Every file must be loaded: the rename finds references through the resources of this set.
			for (Resource loaded : snapshot.resource().getResourceSet().getResources()) {
				URI uri = loaded.getURI();
				String text = uri.equals(snapshot.resource().getURI()) ? snapshot.text() : TextChanges.diskText(uri);
				Resource resource = copy.createResource(uri);
				try {
					resource.load(new LazyStringInputStream(text, "UTF-8"), null);
				} catch (IOException e) {
					throw new IllegalStateException("Cannot copy " + uri + " for the rename", e);
				}
				originalTexts.put(uri, text);
			}
		}

		@Override
		public <T> T doSyncRead(String uri, Function<Context, T> function) {
			// The copy's resources, and the texts they were loaded from (the edits are computed against those).
			URI resourceUri = URI.createURI(uri);
			Resource resource = copy.getResource(resourceUri, true);
			String text = originalTexts.computeIfAbsent(resourceUri, TextChanges::diskText);
			return function.apply(new Context(resource, new Document(0, text), true, () -> false));
		}

		@Override
		public ResourceSet newLiveScopeResourceSet(URI uri) {
			return copy;
		}
	}
}
