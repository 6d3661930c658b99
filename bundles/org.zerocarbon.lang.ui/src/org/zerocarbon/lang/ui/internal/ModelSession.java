package org.zerocarbon.lang.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IResourceProxy;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Path;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.xtext.resource.IResourceFactory;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;

import com.google.inject.Injector;

/**
 * The Xtext view of one open document: an {@link XtextResource} that follows the document's text, in a resource
 * set that also holds the other model files of the same project and of the projects it references, so that
 * references across files resolve.
 * <p>
 * Threading: the document is only touched on the UI thread, where {@link #documentChanged} queues each change.
 * Everything else runs on the language thread ({@link LanguageAccess}): work submitted with {@link #read} first
 * replays the queued changes onto a private copy of the text and the resource, then sees a consistent
 * {@link Snapshot}. Replaying the document's own events means no change can be lost or applied twice, and the UI
 * thread never copies the document.
 */
public final class ModelSession implements IDocumentListener {

	/** The file extension of model files; siblings with it are loaded next to the edited file. */
	static final String EXTENSION = "zc";

	private record Edit(long version, int offset, int length, String text) {
	}

	/**
	 * What work on the language thread sees: the resource, parsed from exactly {@code text}, which is the document
	 * text at {@code version} (the number of document changes since the session started).
	 */
	public record Snapshot(ModelSession session, XtextResource resource, String text, long version,
			Injector injector) {

		/** Cancels when the document has changed since this snapshot was taken, or the editor closed. */
		public CancelIndicator outdated() {
			return () -> session.disposed || session.documentVersion() != version;
		}

		/** The same text as an Xtext IDE document (line/column conversions for LSP-shaped services). */
		public org.eclipse.xtext.ide.server.Document ideDocument() {
			return new org.eclipse.xtext.ide.server.Document((int) version, text);
		}
	}

	private final LanguageAccess access;
	private final IDocument document;
	private final URI uri;
	private final IFile file;
	private final ConcurrentLinkedQueue<Edit> pending = new ConcurrentLinkedQueue<>();
	private final AtomicLong uiVersion = new AtomicLong();
	private volatile boolean disposed;

	// Confined to the language thread.
	private final StringBuilder text;
	private long version;
	private XtextResourceSet resourceSet;
	private XtextResource resource;
	private final Map<URI, Long> siblingStamps = new HashMap<>();

	/**
	 * Starts following a document. Must be called on the UI thread (it copies the text once).
	 *
	 * @param file the workspace file behind the document, or {@code null} for a file outside the workspace (then
	 *             no other files are loaded and references stay within the file)
	 * @param uri  the URI the resource gets; a {@code platform:/resource} URI for workspace files
	 */
	public ModelSession(IDocument document, IFile file, URI uri) {
		this.access = LanguageAccess.get();
		this.document = document;
		this.file = file;
		this.uri = uri;
		this.text = new StringBuilder(document.get());
		document.addDocumentListener(this);
	}

	/** The URI for a workspace file: {@code platform:/resource/<project>/<path>}. */
	public static URI uriOf(IFile file) {
		return URI.createPlatformResourceURI(file.getFullPath().toString(), true);
	}

	/** The workspace file of a {@code platform:/resource} URI, or {@code null}. */
	public static IFile fileOf(URI uri) {
		if (uri == null || !uri.isPlatformResource()) {
			return null;
		}
		return ResourcesPlugin.getWorkspace().getRoot().getFile(new Path(uri.toPlatformString(true)));
	}

	/** The URI of the edited resource. */
	public URI uri() {
		return uri;
	}

	/** The edited workspace file, or {@code null}. */
	public IFile file() {
		return file;
	}

	/** The document this session follows. */
	public IDocument document() {
		return document;
	}

	/** The number of document changes so far; compare with {@link Snapshot#version()} to detect stale results. */
	public long documentVersion() {
		return uiVersion.get();
	}

	@Override
	public void documentAboutToBeChanged(DocumentEvent event) {
		// Only the completed change matters.
	}

	@Override
	public void documentChanged(DocumentEvent event) {
		long next = uiVersion.incrementAndGet();
		pending.add(new Edit(next, event.getOffset(), event.getLength(), event.getText() == null ? "" : event.getText()));
	}

	/**
	 * Runs work on the language thread against the current document text.
	 *
	 * @param what a short description for the error log, e.g. "content assist"
	 */
	public <T> CompletableFuture<T> read(String what, Function<Snapshot, T> work) {
		return access.submit(what, () -> {
			if (disposed) {
				throw new java.util.concurrent.CancellationException("editor closed");
			}
			return work.apply(sync());
		});
	}

	/** Stops following the document. UI thread. */
	public void dispose() {
		disposed = true;
		document.removeDocumentListener(this);
		access.submit("closing a model", () -> {
			if (resourceSet != null) {
				for (Resource each : resourceSet.getResources()) {
					each.unload();
				}
				resourceSet.getResources().clear();
			}
			return null;
		});
	}

	/** Whether the editor closed. */
	public boolean isDisposed() {
		return disposed;
	}

	/** Brings text and resource up to date with the queued document changes. Language thread. */
	private Snapshot sync() {
		Injector injector = access.injector();
		List<Edit> edits = new ArrayList<>();
		for (Edit edit; (edit = pending.poll()) != null;) {
			edits.add(edit);
		}
		for (Edit edit : edits) {
			text.replace(edit.offset(), edit.offset() + edit.length(), edit.text());
			version = edit.version();
		}
		String current = text.toString();
		if (resource == null) {
			resourceSet = injector.getInstance(XtextResourceSet.class);
			resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put(EXTENSION,
					injector.getInstance(IResourceFactory.class));
			resource = (XtextResource) resourceSet.createResource(uri);
			load(resource, current);
			refreshSiblings();
		} else if (edits.size() == 1) {
			// One change (the common case while typing): Xtext's partial parser re-parses only the affected part.
			Edit edit = edits.get(0);
			resource.update(edit.offset(), edit.length(), edit.text());
		} else if (!edits.isEmpty()) {
			reparse(current);
		}
		return new Snapshot(this, resource, current, version, injector);
	}

	private void reparse(String content) {
		try {
			resource.reparse(content);
		} catch (IOException e) {
			// Re-parsing a string cannot fail on I/O; log it rather than lose the editor's model.
			ILog.of(ModelSession.class).error("Cannot re-parse " + resource.getURI(), e);
		}
	}

	private static void load(XtextResource resource, String content) {
		try {
			resource.load(new LazyStringInputStream(content, "UTF-8"), null);
		} catch (IOException e) {
			// Reading from a string cannot fail; keep the resource empty rather than break the editor.
			ILog.of(ModelSession.class).error("Cannot parse " + resource.getURI(), e);
		}
	}

	/**
	 * Loads the other model files of the project and of the projects it references that are new or changed on disk since the last call, and drops
	 * deleted ones. Language thread. Returns whether anything changed, in which case the edited resource is
	 * re-linked against them.
	 */
	boolean refreshSiblings() {
		if (file == null || resourceSet == null) {
			return false;
		}
		Map<URI, IFile> found = new HashMap<>();
		try {
			// The project and the projects it references (e.g. a shared factor library), transitively.
			java.util.Deque<IProject> todo = new java.util.ArrayDeque<>(List.of(file.getProject()));
			java.util.Set<IProject> done = new java.util.HashSet<>();
			while (!todo.isEmpty()) {
				IProject project = todo.pop();
				if (done.add(project) && project.isAccessible()) {
					collectModelFiles(project, found);
					todo.addAll(List.of(project.getReferencedProjects()));
				}
			}
		} catch (CoreException e) {
			ILog.of(ModelSession.class).error("Cannot list the model files of " + file.getProject().getName(), e);
			return false;
		}
		found.remove(uri);
		boolean changed = false;
		for (Iterator<Map.Entry<URI, Long>> it = siblingStamps.entrySet().iterator(); it.hasNext();) {
			Map.Entry<URI, Long> entry = it.next();
			IFile sibling = found.get(entry.getKey());
			if (sibling == null || sibling.getModificationStamp() != entry.getValue()) {
				Resource stale = resourceSet.getResource(entry.getKey(), false);
				if (stale != null) {
					stale.unload();
					resourceSet.getResources().remove(stale);
				}
				it.remove();
				changed = true;
			}
		}
		for (Map.Entry<URI, IFile> entry : found.entrySet()) {
			if (!siblingStamps.containsKey(entry.getKey())) {
				long stamp = entry.getValue().getModificationStamp();
				Resource sibling = resourceSet.createResource(entry.getKey());
				try {
					sibling.load(resourceSet.getLoadOptions());
				} catch (IOException | RuntimeException e) {
					// An unreadable sibling only means its names are missing from scope; say so in the log.
					ILog.of(ModelSession.class).warn("Cannot load " + entry.getKey() + ": " + e.getMessage());
				}
				siblingStamps.put(entry.getKey(), stamp);
				changed = true;
			}
		}
		if (changed && resource != null) {
			reparse(text.toString());
		}
		return changed;
	}

	private static void collectModelFiles(IProject project, Map<URI, IFile> into) throws CoreException {
		if (!project.isAccessible()) {
			return;
		}
		project.accept((IResourceProxy proxy) -> {
			if (proxy.isDerived() || proxy.isTeamPrivateMember() || proxy.isHidden()) {
				return false;
			}
			if (proxy.getType() == IResource.FILE) {
				if (proxy.getName().endsWith("." + EXTENSION)) {
					IFile found = (IFile) proxy.requestResource();
					into.put(uriOf(found), found);
				}
				return false;
			}
			return true;
		}, IResource.NONE);
	}

	/** The project's resource set; language thread only. */
	XtextResourceSet resourceSet() {
		return resourceSet;
	}
}
