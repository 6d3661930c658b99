package org.zerocarbon.lang.ui.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.zerocarbon.lang.ui.internal.Analysis.Highlight;
import org.zerocarbon.lang.ui.internal.Analysis.Location;
import org.zerocarbon.lang.ui.internal.Analysis.OutlineNode;
import org.zerocarbon.lang.ui.internal.Analysis.Problem;
import org.zerocarbon.lang.ui.internal.Analysis.Reference;
import org.zerocarbon.lang.ui.internal.Analysis.Region;
import org.zerocarbon.lang.ui.internal.Analysis.Severity;

import com.google.inject.Injector;

/**
 * Computes an {@link Analysis} from a snapshot: validation, semantic highlighting, references, outline and
 * folding. Language thread only. Generic over the grammar: it uses Xtext's services and the metamodel, never
 * keywords or rule names.
 */
public final class Analyzer {

	/** Style id for names where an element is declared (the name of a factor, machine, ...). */
	public static final String DECLARATION_STYLE = HighlightingStyles.DEFINITION_ID;
	/** Style id for references to other elements. */
	public static final String REFERENCE_STYLE = "reference";

	private Analyzer() {
	}

	/** Runs every analysis; returns {@code null} when the document changed meanwhile (a newer run follows). */
	public static Analysis analyze(ModelSession.Snapshot snapshot) {
		try {
			return analyzeOrCancel(snapshot);
		} catch (RuntimeException | Error e) {
			// Xtext stops linking and validation with an exception (or error) when the cancel indicator fires.
			if (snapshot.injector().getInstance(OperationCanceledManager.class).isOperationCanceledException(e)) {
				return null;
			}
			throw e;
		}
	}

	private static Analysis analyzeOrCancel(ModelSession.Snapshot snapshot) {
		CancelIndicator outdated = snapshot.outdated();
		XtextResource resource = snapshot.resource();
		Injector injector = snapshot.injector();
		snapshot.session().refreshSiblings();
		EcoreUtil2.resolveLazyCrossReferences(resource, outdated);
		List<Issue> issues = injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, outdated);
		if (outdated.isCanceled()) {
			return null;
		}
		List<Problem> problems = new ArrayList<>();
		QuickFixes fixes = new QuickFixes(snapshot);
		for (Issue issue : issues) {
			if (issue.getOffset() == null || issue.getLength() == null) {
				continue;
			}
			problems.add(new Problem(new Region(issue.getOffset(), issue.getLength()), severity(issue),
					issue.getMessage(), issue.getCode(), issue.getLineNumber() == null ? 0 : issue.getLineNumber(),
					fixes.fixesFor(issue)));
		}
		problems.sort(Comparator.comparingInt(p -> p.region().offset()));
		List<Reference> references = references(resource, injector);
		List<Highlight> highlights = highlights(resource, injector, references, outdated);
		LineIndex lines = new LineIndex(snapshot.text());
		List<OutlineNode> outline = new ArrayList<>();
		List<Region> folds = new ArrayList<>();
		for (EObject root : resource.getContents()) {
			outline(root, injector, lines, outline, folds);
		}
		return new Analysis(snapshot.version(), List.copyOf(problems), highlights, references, List.copyOf(outline),
				List.copyOf(folds));
	}

	private static Severity severity(Issue issue) {
		return switch (issue.getSeverity()) {
			case ERROR -> Severity.ERROR;
			case WARNING -> Severity.WARNING;
			default -> Severity.INFO;
		};
	}

	/** Every resolved cross-reference in the resource, with where its target is declared. */
	static List<Reference> references(XtextResource resource, Injector injector) {
		ILocationInFileProvider locations = injector.getInstance(ILocationInFileProvider.class);
		List<Reference> result = new ArrayList<>();
		for (EObject object : (Iterable<EObject>) () -> resource.getAllContents()) {
			for (EReference reference : object.eClass().getEAllReferences()) {
				if (reference.isContainment() || reference.isContainer() || reference.isDerived()
						|| reference.isTransient() || !object.eIsSet(reference)) {
					continue;
				}
				List<INode> nodes = NodeModelUtils.findNodesForFeature(object, reference);
				List<?> values = reference.isMany() ? (List<?>) object.eGet(reference)
						: Collections.singletonList(object.eGet(reference));
				for (int i = 0; i < nodes.size() && i < values.size(); i++) {
					if (values.get(i) instanceof EObject target && !target.eIsProxy() && target.eResource() != null) {
						INode node = nodes.get(i);
						ITextRegion where = locations.getSignificantTextRegion(target);
						result.add(new Reference(new Region(node.getOffset(), node.getLength()),
								EcoreUtil.getURI(target).toString(), new Location(target.eResource().getURI(),
										new Region(where.getOffset(), where.getLength()))));
					}
				}
			}
		}
		result.sort(Comparator.comparingInt(r -> r.region().offset()));
		return List.copyOf(result);
	}

	private static List<Highlight> highlights(XtextResource resource, Injector injector, List<Reference> references,
			CancelIndicator outdated) {
		List<Highlight> result = new ArrayList<>();
		// The language's own semantic colouring first; our generic declaration/reference colouring fills the rest.
		injector.getInstance(ISemanticHighlightingCalculator.class).provideHighlightingFor(resource,
				(offset, length, ids) -> {
					if (ids.length > 0) {
						result.add(new Highlight(offset, length, ids[ids.length - 1]));
					}
				}, outdated);
		for (Reference reference : references) {
			result.add(new Highlight(reference.region().offset(), reference.region().length(), REFERENCE_STYLE));
		}
		IQualifiedNameProvider names = injector.getInstance(IQualifiedNameProvider.class);
		for (EObject object : (Iterable<EObject>) () -> resource.getAllContents()) {
			if (names.getFullyQualifiedName(object) != null && nameFeature(object) != null) {
				for (INode node : NodeModelUtils.findNodesForFeature(object, nameFeature(object))) {
					result.add(new Highlight(node.getOffset(), node.getLength(), DECLARATION_STYLE));
				}
			}
		}
		// Cross-references that are not resolved still read as references (they are underlined as errors too).
		Iterable<? extends INode> leaves = resource.getParseResult() == null ? List.<INode>of()
				: resource.getParseResult().getRootNode().getLeafNodes();
		for (INode leaf : leaves) {
			if (leaf.getGrammarElement() instanceof CrossReference) {
				result.add(new Highlight(leaf.getOffset(), leaf.getLength(), REFERENCE_STYLE));
			}
		}
		result.sort(Comparator.comparingInt(Highlight::offset));
		return List.copyOf(result);
	}

	private static EStructuralFeature nameFeature(EObject object) {
		EStructuralFeature name = object.eClass().getEStructuralFeature("name");
		return name != null && !name.isMany() && object.eIsSet(name) ? name : null;
	}

	private static void outline(EObject object, Injector injector, LineIndex lines, List<OutlineNode> into,
			List<Region> folds) {
		IQualifiedNameProvider names = injector.getInstance(IQualifiedNameProvider.class);
		ILocationInFileProvider locations = injector.getInstance(ILocationInFileProvider.class);
		QualifiedName name = nameFeature(object) == null ? null : names.getFullyQualifiedName(object);
		List<OutlineNode> children = name == null ? into : new ArrayList<>();
		for (EObject child : object.eContents()) {
			outline(child, injector, lines, children, folds);
		}
		if (name != null) {
			ITextRegion full = locations.getFullTextRegion(object);
			ITextRegion significant = locations.getSignificantTextRegion(object);
			Region fullRegion = new Region(full.getOffset(), full.getLength());
			into.add(new OutlineNode(name.getLastSegment() + " : " + object.eClass().getName(), object.eClass().getName(),
					EcoreUtil.getURI(object).toString(), fullRegion,
					new Region(significant.getOffset(), significant.getLength()), List.copyOf(children),
					org.zerocarbon.lang.ide.KeyFigures.of(object)));
			Region fold = lines.foldRegion(fullRegion);
			if (fold != null) {
				folds.add(fold);
			}
		}
	}

	/** Line starts of a text, to align folding regions to whole lines. */
	static final class LineIndex {
		private final String text;
		private final List<Integer> starts = new ArrayList<>();

		LineIndex(String text) {
			this.text = text;
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					starts.add(i + 1);
				}
			}
		}

		int lineOf(int offset) {
			int found = Collections.binarySearch(starts, offset);
			return found >= 0 ? found : -found - 2;
		}

		/** The whole lines a region spans, or {@code null} when it fits on one line (nothing to fold). */
		Region foldRegion(Region region) {
			int first = lineOf(region.offset());
			int last = lineOf(Math.max(region.offset(), region.offset() + region.length() - 1));
			if (last <= first) {
				return null;
			}
			int start = starts.get(first);
			int end = last + 1 < starts.size() ? starts.get(last + 1) : text.length();
			return new Region(start, end - start);
		}
	}
}
