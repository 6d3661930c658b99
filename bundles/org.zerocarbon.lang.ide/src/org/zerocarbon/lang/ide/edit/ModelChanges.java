package org.zerocarbon.lang.ide.edit;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature.Setting;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.ide.serializer.IChangeSerializer;
import org.eclipse.xtext.ide.serializer.IEmfResourceChange;
import org.eclipse.xtext.ide.serializer.ITextDocumentChange;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.IParseResult;
import org.eclipse.xtext.resource.IReferenceDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.IResourceDescriptions;
import org.eclipse.xtext.resource.IResourceDescriptionsProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledError;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Writes a change of the model back to ZeroCarbon DSL text, UI-free: the text is parsed, the change runs on the
 * model, and Xtext's {@link IChangeSerializer} turns what it recorded into minimal text edits. Only the changed
 * parts of the text are rewritten, so comments and layout elsewhere stay as they are; new elements are laid out by
 * the language's formatter. The Workbench ({@code org.zerocarbon.lang.ui.edit.ModelEdits}), the command line and
 * tests all use this.
 * <p>
 * What the serializer does with references:
 * <ul>
 * <li>A rename updates every reference to the element in the file, and in the other files loaded in the resource
 * set (returned as {@link Result#otherFiles()}). Files that are not loaded are not updated.</li>
 * <li>Removing an element that something outside the removed part still refers to is refused (a
 * {@link ModelEditException} lists the references with file and line): the text would not link any more. Remove
 * or change the referring elements in the same change, e.g. a machine's flows together with the machine.</li>
 * </ul>
 * Not thread-safe: call it on the thread that owns the resource set.
 */
public final class ModelChanges {

	/** At most this many dangling references are listed in a refusal; the rest are counted. */
	private static final int LISTED_REFERENCES = 5;

	private ModelChanges() {
	}

	/**
	 * The edits of one change.
	 *
	 * @param file         the changed file
	 * @param oldText      its text before the change
	 * @param newText      its text after the change
	 * @param replacements the edits that turn {@code oldText} into {@code newText}, sorted, non-overlapping
	 * @param otherFiles   edits of other files of the resource set (references to a renamed element), in offsets
	 *                     of their text as loaded; empty lists are left out
	 * @param otherTexts   the texts of those other files as loaded, which their edits apply to
	 */
	public record Result(URI file, String oldText, String newText, List<Replacement> replacements,
			Map<URI, List<Replacement>> otherFiles, Map<URI, String> otherTexts) {

		/** Whether the change changes any text. */
		public boolean changed() {
			return !replacements.isEmpty() || !otherFiles.isEmpty();
		}
	}

	/** {@link #compute(ResourceSet, URI, String, Consumer, CancelIndicator)} without cancellation. */
	public static Result compute(ResourceSet resourceSet, URI uri, String text, Consumer<ZcModel> change) {
		return compute(resourceSet, uri, text, change, CancelIndicator.NullImpl);
	}

	/**
	 * Parses {@code text} as the file {@code uri} in the resource set (replacing the resource of that URI if it is
	 * loaded already), runs {@code change} on its model, and returns the text edits that write the change.
	 * <p>
	 * The resource set should hold the other model files the file refers to (so that references resolve and can be
	 * written) and that refer to it (so that their references follow a rename). It is changed by the call: the
	 * model of {@code uri} ends up changed and other resources may point into it, so pass a resource set of your
	 * own and drop it, or reload what you keep.
	 *
	 * @param change changes the model in place; it finds the elements it changes by name or URI fragment (see
	 *               {@link ModelElements}) and may throw {@link ModelEditException} when one is missing
	 * @param cancel checked after the change ran, before the edits are computed; when it cancels, a
	 *               {@link CancellationException} is thrown
	 * @throws ModelEditException if the text has syntax errors, the change throws it, removes an element that is
	 *                            still referred to, or cannot be written as valid text; the message says which
	 *                            and where
	 */
	public static Result compute(ResourceSet resourceSet, URI uri, String text, Consumer<ZcModel> change,
			CancelIndicator cancel) {
		XtextResource resource = parse(resourceSet, uri, text);
		refuseSyntaxErrors(resource, "has syntax errors; fix them in the text first");
		EObject root = resource.getContents().isEmpty() ? null : resource.getContents().get(0);
		if (!(root instanceof ZcModel model)) {
			throw new ModelEditException(fileName(uri) + " is empty: write at least its package line (e.g. "
					+ "'package demo') before adding elements to it.");
		}
		Set<EObject> before = Collections.newSetFromMap(new IdentityHashMap<>());
		resource.getAllContents().forEachRemaining(before::add);
		Map<EObject, List<IReferenceDescription>> incoming = incomingReferences(resource);
		Removals removals = new Removals(resource, text);
		List<Replacement> deletions = new ArrayList<>();

		IChangeSerializer serializer = resource.getResourceServiceProvider().get(IChangeSerializer.class);
		serializer.setUpdateRelatedFiles(true);
		serializer.addModification(resource, changed -> {
			change.accept(model);
			refuseDanglingReferences(resource, before, incoming);
			deletions.addAll(removals.takeBack());
			if (cancel.isCanceled()) {
				throw new CancellationException("The model edit was cancelled.");
			}
		});
		List<IEmfResourceChange> changes = new ArrayList<>();
		try {
			serializer.applyModifications(changes::add);
		} catch (ModelEditException | CancellationException | OperationCanceledError e) {
			throw e;
		} catch (RuntimeException e) {
			throw new ModelEditException("The change cannot be written to " + fileName(uri) + ": " + describe(e)
					+ ". Nothing was changed.", e);
		}
		return result(uri, text, changes, deletions, resource);
	}

	private static Result result(URI uri, String text, List<IEmfResourceChange> changes, List<Replacement> deletions,
			XtextResource resource) {
		List<Replacement> own = List.of();
		Map<URI, List<Replacement>> others = new LinkedHashMap<>();
		Map<URI, String> otherTexts = new LinkedHashMap<>();
		for (IEmfResourceChange change : changes) {
			if (!(change instanceof ITextDocumentChange textChange) || textChange.getReplacements().isEmpty()) {
				continue;
			}
			List<Replacement> replacements = new ArrayList<>();
			for (ITextReplacement replacement : textChange.getReplacements()) {
				replacements.add(new Replacement(replacement.getOffset(), replacement.getLength(),
						replacement.getReplacementText()));
			}
			replacements.sort(java.util.Comparator.comparingInt(Replacement::offset));
			if (textChange.getOldURI().equals(uri)) {
				own = List.copyOf(replacements);
			} else {
				String original = textChange.getResource().getParseResult().getRootNode().getText();
				refuseInvalid(resource, textChange.getOldURI(), Replacement.apply(original, replacements));
				others.put(textChange.getOldURI(), List.copyOf(replacements));
				otherTexts.put(textChange.getOldURI(), original);
			}
		}
		own = withDeletions(uri, own, deletions);
		own = ChangedSpots.format(resource.getResourceServiceProvider(), uri, text, own);
		String newText = Replacement.apply(text, own);
		refuseInvalid(resource, uri, newText);
		return new Result(uri, text, newText, own, Collections.unmodifiableMap(others),
				Collections.unmodifiableMap(otherTexts));
	}

	/** The serializer's edits and the deletions of removed elements, which must not overlap. */
	private static List<Replacement> withDeletions(URI uri, List<Replacement> edits, List<Replacement> deletions) {
		if (deletions.isEmpty()) {
			return edits;
		}
		List<Replacement> all = new ArrayList<>(edits);
		all.addAll(deletions);
		all.sort(java.util.Comparator.comparingInt(Replacement::offset).thenComparingInt(Replacement::length));
		for (int i = 1; i < all.size(); i++) {
			Replacement previous = all.get(i - 1);
			if (all.get(i).offset() < previous.offset() + previous.length()) {
				throw new ModelEditException("The change cannot be written to " + fileName(uri) + ": it removes and "
						+ "writes text at the same place. Make the removal and the addition two changes. Nothing was "
						+ "changed.");
			}
		}
		return List.copyOf(all);
	}

	// ------------------------------------------------------------------------------------------ parsing

	private static XtextResource parse(ResourceSet resourceSet, URI uri, String text) {
		Resource existing = resourceSet.getResource(uri, false);
		try {
			if (existing instanceof XtextResource resource) {
				resource.reparse(text);
				return resource;
			}
			if (existing != null) {
				throw new ModelEditException(fileName(uri) + " is not a ZeroCarbon model file.");
			}
			Resource created = resourceSet.createResource(uri);
			if (!(created instanceof XtextResource resource)) {
				throw new ModelEditException(fileName(uri) + " is not a ZeroCarbon model file (no .zc extension?).");
			}
			resource.load(new LazyStringInputStream(text, "UTF-8"), resourceSet.getLoadOptions());
			return resource;
		} catch (IOException e) {
			// Reading from a string does not fail; say what happened if it ever does.
			throw new ModelEditException("Cannot parse " + fileName(uri) + ": " + e.getMessage(), e);
		}
	}

	private static void refuseSyntaxErrors(XtextResource resource, String what) {
		IParseResult result = resource.getParseResult();
		if (result != null && result.hasSyntaxErrors()) {
			throw new ModelEditException(fileName(resource.getURI()) + " " + what + " (" + firstError(result) + ").");
		}
	}

	/** Parses text the change produced; text that does not parse means the change cannot be written. */
	private static void refuseInvalid(XtextResource resource, URI uri, String text) {
		IParseResult result = resource.getParser().parse(new StringReader(text));
		if (result.hasSyntaxErrors()) {
			throw new ModelEditException("The change would make " + fileName(uri) + " invalid (" + firstError(result)
					+ " in the changed text). Nothing was changed.");
		}
	}

	private static String firstError(IParseResult result) {
		Iterator<INode> errors = result.getSyntaxErrors().iterator();
		if (!errors.hasNext()) {
			return "syntax error";
		}
		INode node = errors.next();
		return "line " + node.getStartLine() + ": " + node.getSyntaxErrorMessage().getMessage();
	}

	// ------------------------------------------------------------------------------------------ removed elements

	/** Elements of the resource that other resources of the set refer to, with those references. */
	private static Map<EObject, List<IReferenceDescription>> incomingReferences(XtextResource resource) {
		IResourceDescriptions index = resource.getResourceServiceProvider().get(IResourceDescriptionsProvider.class)
				.getResourceDescriptions(resource.getResourceSet());
		Map<EObject, List<IReferenceDescription>> incoming = new IdentityHashMap<>();
		for (IResourceDescription description : index.getAllResourceDescriptions()) {
			if (description.getURI().equals(resource.getURI())) {
				continue;
			}
			for (IReferenceDescription reference : description.getReferenceDescriptions()) {
				URI target = reference.getTargetEObjectUri();
				if (target != null && resource.getURI().equals(target.trimFragment())) {
					EObject element = resource.getEObject(target.fragment());
					if (element != null) {
						incoming.computeIfAbsent(element, e -> new ArrayList<>()).add(reference);
					}
				}
			}
		}
		return incoming;
	}

	/**
	 * Refuses a change that removed elements something else still refers to: in the same file (an attached element
	 * whose reference points into the removed part) or in another file of the resource set.
	 */
	private static void refuseDanglingReferences(XtextResource resource, Set<EObject> before,
			Map<EObject, List<IReferenceDescription>> incoming) {
		Set<EObject> removed = Collections.newSetFromMap(new IdentityHashMap<>());
		for (EObject element : before) {
			if (element.eResource() != resource) {
				removed.add(element);
			}
		}
		if (removed.isEmpty()) {
			return;
		}
		Map<EObject, List<String>> referrers = new LinkedHashMap<>();
		Map<EObject, Collection<Setting>> usages = EcoreUtil.UsageCrossReferencer.findAll(removed, resource);
		for (Map.Entry<EObject, Collection<Setting>> usage : usages.entrySet()) {
			for (Setting setting : usage.getValue()) {
				if (setting.getEObject().eResource() == resource) {
					referrers.computeIfAbsent(topmostRemoved(usage.getKey(), removed), e -> new ArrayList<>())
							.add(where(setting.getEObject()));
				}
			}
		}
		for (Map.Entry<EObject, List<IReferenceDescription>> entry : incoming.entrySet()) {
			if (removed.contains(entry.getKey())) {
				for (IReferenceDescription reference : entry.getValue()) {
					EObject source = resource.getResourceSet().getEObject(reference.getSourceEObjectUri(), false);
					referrers.computeIfAbsent(topmostRemoved(entry.getKey(), removed), e -> new ArrayList<>())
							.add(source == null ? fileName(reference.getSourceEObjectUri()) : where(source));
				}
			}
		}
		if (!referrers.isEmpty()) {
			throw new ModelEditException(danglingMessage(referrers));
		}
	}

	private static String danglingMessage(Map<EObject, List<String>> referrers) {
		StringBuilder message = new StringBuilder();
		for (Map.Entry<EObject, List<String>> entry : referrers.entrySet()) {
			List<String> places = entry.getValue().stream().distinct().toList();
			message.append(message.isEmpty() ? "Cannot remove " : "; cannot remove ").append(label(entry.getKey()))
					.append(": it is still referred to by ")
					.append(String.join(", ", places.subList(0, Math.min(LISTED_REFERENCES, places.size()))));
			if (places.size() > LISTED_REFERENCES) {
				message.append(" and ").append(places.size() - LISTED_REFERENCES).append(" more");
			}
		}
		return message.append(". Remove or change those references first (or in the same change). Nothing was changed.")
				.toString();
	}

	/** The removed element to name in a message: the outermost removed container of {@code element}. */
	private static EObject topmostRemoved(EObject element, Set<EObject> removed) {
		EObject result = element;
		for (EObject container = element.eContainer(); container != null && removed.contains(container); container = container
				.eContainer()) {
			result = container;
		}
		return result;
	}

	/** "'flow TC1 -> VMC1 rate 12 parts/h' (cell.zc line 140)": the element as written, and where. */
	private static String where(EObject element) {
		INode node = NodeModelUtils.getNode(element);
		String file = element.eResource() == null ? "?" : fileName(element.eResource().getURI());
		if (node == null) {
			return label(element) + " (" + file + ")";
		}
		return "'" + firstLine(node.getText().strip()) + "' (" + file + " line " + node.getStartLine() + ")";
	}

	/** "Machine 'VMC1'", or the element's first line of text. */
	static String label(EObject element) {
		if (element instanceof NamedElement named && named.getName() != null) {
			return element.eClass().getName() + " '" + named.getName() + "'";
		}
		INode node = NodeModelUtils.getNode(element);
		return node == null ? element.eClass().getName() : "'" + firstLine(node.getText().strip()) + "'";
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		String line = (end < 0 ? text : text.substring(0, end)).strip();
		return line.length() > 80 ? line.substring(0, 77) + "..." : line;
	}

	static String fileName(URI uri) {
		String name = uri.trimFragment().lastSegment();
		return name == null ? uri.toString() : URI.decode(name);
	}

	private static String describe(RuntimeException e) {
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}
}
