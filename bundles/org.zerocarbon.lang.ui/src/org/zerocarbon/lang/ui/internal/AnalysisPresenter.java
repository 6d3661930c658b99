package org.zerocarbon.lang.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.BadPositionCategoryException;
import org.eclipse.jface.text.DefaultPositionUpdater;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IPositionUpdater;
import org.eclipse.jface.text.ITextPresentationListener;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.TextAttribute;
import org.eclipse.jface.text.TextPresentation;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.IAnnotationModelExtension;
import org.eclipse.jface.text.source.IAnnotationModelListener;
import org.eclipse.jface.text.source.projection.ProjectionAnnotation;
import org.eclipse.jface.text.source.projection.ProjectionAnnotationModel;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.jface.viewers.IPostSelectionProvider;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.ui.texteditor.MarkerAnnotation;
import org.zerocarbon.lang.ui.internal.Analysis.Highlight;
import org.zerocarbon.lang.ui.internal.Analysis.OutlineNode;
import org.zerocarbon.lang.ui.internal.Analysis.Problem;
import org.zerocarbon.lang.ui.internal.Analysis.Reference;
import org.zerocarbon.lang.ui.internal.Analysis.Region;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * Shows an {@link Analysis} in the editor, on the UI thread: problem annotations, semantic colours, folding,
 * mark occurrences, and the outline (through listeners). An analysis is only shown if the document has not
 * changed since it was computed; otherwise its offsets would be wrong, and a newer one is on its way.
 */
public final class AnalysisPresenter implements ITextPresentationListener {

	private static final String SEMANTIC_CATEGORY = "org.zerocarbon.lang.ui.semantic";

	private final ModelSession session;
	private final ProjectionViewer viewer;
	private final IAnnotationModel annotations;
	private final List<Consumer<Analysis>> listeners = new CopyOnWriteArrayList<>();
	private final IPositionUpdater semanticUpdater = new DefaultPositionUpdater(SEMANTIC_CATEGORY);
	private final Map<Position, String> semantic = new HashMap<>();
	private final ISelectionChangedListener caretListener = event -> {
		if (event.getSelection() instanceof ITextSelection selection) {
			markOccurrences(selection.getOffset());
		}
	};
	private boolean hidingMarkers;
	private volatile Analysis current;
	/** New builder markers (after a save) arrive while live problems are shown: hide them too. */
	private final IAnnotationModelListener markerListener = this::annotationsChanged;

	private List<Annotation> problemAnnotations = List.of();
	private List<Annotation> occurrenceAnnotations = List.of();
	private final Map<Region, ProjectionAnnotation> folds = new HashMap<>();

	/** Attaches to a configured viewer. UI thread. */
	public AnalysisPresenter(ModelSession session, ProjectionViewer viewer, IAnnotationModel annotations) {
		this.session = session;
		this.viewer = viewer;
		this.annotations = annotations;
		IDocument document = session.document();
		document.addPositionCategory(SEMANTIC_CATEGORY);
		document.addPositionUpdater(semanticUpdater);
		viewer.addTextPresentationListener(this);
		if (viewer instanceof IPostSelectionProvider selections) {
			selections.addPostSelectionChangedListener(caretListener);
		}
		annotations.addAnnotationModelListener(markerListener);
	}

	private void annotationsChanged(IAnnotationModel model) {
		if (current == null || hidingMarkers || viewer.getTextWidget() == null) {
			return;
		}
		org.eclipse.swt.widgets.Display display = viewer.getTextWidget().getDisplay();
		display.asyncExec(() -> {
			if (viewer.getTextWidget() != null && !viewer.getTextWidget().isDisposed()) {
				hideStaleMarkers();
			}
		});
	}

	/** Detaches. UI thread. */
	public void dispose() {
		annotations.removeAnnotationModelListener(markerListener);
		viewer.removeTextPresentationListener(this);
		if (viewer instanceof IPostSelectionProvider selections) {
			selections.removePostSelectionChangedListener(caretListener);
		}
		IDocument document = session.document();
		document.removePositionUpdater(semanticUpdater);
		try {
			document.removePositionCategory(SEMANTIC_CATEGORY);
		} catch (BadPositionCategoryException e) {
			// Already removed: nothing left to clean up.
		}
	}

	/** The analysis on screen, or {@code null} before the first one. Any thread. */
	public Analysis current() {
		return current;
	}

	/** The analysis on screen if it matches the document exactly, else {@code null}. */
	public Analysis currentIfUpToDate() {
		Analysis analysis = current;
		return analysis != null && analysis.version() == session.documentVersion() ? analysis : null;
	}

	/** Registers a listener called (UI thread) after each analysis is shown, e.g. the outline page. */
	public void addListener(Consumer<Analysis> listener) {
		listeners.add(listener);
	}

	/** Removes a listener. */
	public void removeListener(Consumer<Analysis> listener) {
		listeners.remove(listener);
	}

	/** Shows an analysis if it is still current. UI thread. */
	public void show(Analysis analysis) {
		if (analysis == null || viewer.getTextWidget() == null || viewer.getTextWidget().isDisposed()
				|| analysis.version() != session.documentVersion()) {
			return;
		}
		current = analysis;
		showProblems(analysis.problems());
		showHighlights(analysis.highlights());
		showFolds(analysis.folds());
		ITextSelection selection = (ITextSelection) viewer.getSelectionProvider().getSelection();
		markOccurrences(selection.getOffset());
		for (Consumer<Analysis> listener : listeners) {
			listener.accept(analysis);
		}
	}

	private void showProblems(List<Problem> problems) {
		Map<Annotation, Position> added = new HashMap<>();
		for (Problem problem : problems) {
			added.put(new ProblemAnnotation(problem), new Position(problem.region().offset(), problem.region().length()));
		}
		replace(problemAnnotations, added);
		problemAnnotations = new ArrayList<>(added.keySet());
		hideStaleMarkers();
	}

	/**
	 * The builder's markers describe the file as last saved; while the live problems are shown they would only
	 * duplicate or contradict them, so their annotations are hidden (not deleted: the markers stay in the Problems
	 * view, and come back when the editor closes).
	 */
	public void hideStaleMarkers() {
		List<MarkerAnnotation> stale = new ArrayList<>();
		for (Iterator<Annotation> it = annotations.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof MarkerAnnotation marker && !marker.isMarkedDeleted() && isOurs(marker.getMarker())) {
				stale.add(marker);
			}
		}
		// Changing the annotations notifies our own model listener; it must not schedule this again.
		hidingMarkers = true;
		try {
			for (MarkerAnnotation marker : stale) {
				marker.markDeleted(true);
				annotationChanged(marker);
			}
		} finally {
			hidingMarkers = false;
		}
	}

	private void annotationChanged(Annotation annotation) {
		if (annotations instanceof IAnnotationModelExtension extension) {
			Position position = annotations.getPosition(annotation);
			if (position != null) {
				extension.modifyAnnotationPosition(annotation, position);
			}
		}
	}

	private static boolean isOurs(IMarker marker) {
		try {
			return marker.exists() && marker.isSubtypeOf(ZcMarkers.PROBLEM);
		} catch (CoreException e) {
			return false;
		}
	}

	private void replace(List<Annotation> old, Map<Annotation, Position> added) {
		if (annotations instanceof IAnnotationModelExtension extension) {
			extension.replaceAnnotations(old.toArray(Annotation[]::new), added);
		} else {
			old.forEach(annotations::removeAnnotation);
			added.forEach(annotations::addAnnotation);
		}
	}

	private void showHighlights(List<Highlight> highlights) {
		IDocument document = session.document();
		Set<String> before = new HashSet<>();
		Set<Region> dirty = new HashSet<>();
		for (Map.Entry<Position, String> entry : semantic.entrySet()) {
			Position position = entry.getKey();
			before.add(position.offset + ":" + position.length + ":" + entry.getValue());
			try {
				document.removePosition(SEMANTIC_CATEGORY, position);
			} catch (BadPositionCategoryException e) {
				// The category is installed in the constructor; nothing to remove otherwise.
			}
		}
		Set<String> after = new HashSet<>();
		Map<Position, String> next = new HashMap<>();
		for (Highlight highlight : highlights) {
			Position position = new Position(highlight.offset(), highlight.length());
			try {
				document.addPosition(SEMANTIC_CATEGORY, position);
				next.put(position, highlight.styleId());
				after.add(highlight.offset() + ":" + highlight.length() + ":" + highlight.styleId());
			} catch (BadLocationException | BadPositionCategoryException e) {
				// Outside the document: the analysis matches this version, so this cannot happen; skip the range.
			}
		}
		// Re-colour only what changed: a full repaint would re-lex the whole file on the UI thread.
		for (Map.Entry<Position, String> entry : semantic.entrySet()) {
			Position p = entry.getKey();
			if (!after.contains(p.offset + ":" + p.length + ":" + entry.getValue())) {
				dirty.add(new Region(p.offset, p.length));
			}
		}
		for (Map.Entry<Position, String> entry : next.entrySet()) {
			Position p = entry.getKey();
			if (!before.contains(p.offset + ":" + p.length + ":" + entry.getValue())) {
				dirty.add(new Region(p.offset, p.length));
			}
		}
		semantic.clear();
		semantic.putAll(next);
		int length = document.getLength();
		for (Region region : dirty) {
			int offset = Math.min(region.offset(), length);
			viewer.invalidateTextPresentation(offset, Math.min(region.length(), length - offset));
		}
	}

	@Override
	public void applyTextPresentation(TextPresentation presentation) {
		org.eclipse.jface.text.IRegion extent = presentation.getExtent();
		int start = extent.getOffset();
		int end = start + extent.getLength();
		List<StyleRange> ranges = new ArrayList<>();
		for (Map.Entry<Position, String> entry : semantic.entrySet()) {
			Position position = entry.getKey();
			if (position.isDeleted() || position.offset + position.length <= start || position.offset >= end) {
				continue;
			}
			TextAttribute attribute = Styles.attribute(entry.getValue());
			if (attribute.getForeground() == null && attribute.getStyle() == 0) {
				continue;
			}
			int from = Math.max(start, position.offset);
			int to = Math.min(end, position.offset + position.length);
			StyleRange range = new StyleRange(from, to - from, attribute.getForeground(), null, attribute.getStyle());
			ranges.add(range);
		}
		ranges.sort((a, b) -> Integer.compare(a.start, b.start));
		presentation.mergeStyleRanges(ranges.toArray(StyleRange[]::new));
	}

	private void showFolds(List<Region> regions) {
		ProjectionAnnotationModel model = viewer.getProjectionAnnotationModel();
		if (model == null) {
			return;
		}
		Set<Region> wanted = new HashSet<>(regions);
		List<Annotation> removed = new ArrayList<>();
		for (Iterator<Map.Entry<Region, ProjectionAnnotation>> it = folds.entrySet().iterator(); it.hasNext();) {
			Map.Entry<Region, ProjectionAnnotation> entry = it.next();
			Position position = model.getPosition(entry.getValue());
			// Keep a fold (and whether it is collapsed) while its region is still wanted.
			if (position == null || !wanted.remove(new Region(position.offset, position.length))) {
				removed.add(entry.getValue());
				it.remove();
			}
		}
		Map<Annotation, Position> added = new HashMap<>();
		for (Region region : wanted) {
			ProjectionAnnotation annotation = new ProjectionAnnotation();
			added.put(annotation, new Position(region.offset(), region.length()));
			folds.put(region, annotation);
		}
		model.modifyAnnotations(removed.toArray(Annotation[]::new), added, null);
		// Re-key the kept folds by their current positions, so the next comparison is by present offsets.
		Map<Region, ProjectionAnnotation> rekeyed = new HashMap<>();
		folds.forEach((region, annotation) -> {
			Position position = model.getPosition(annotation);
			rekeyed.put(position == null ? region : new Region(position.offset, position.length), annotation);
		});
		folds.clear();
		folds.putAll(rekeyed);
	}

	/** Marks the declaration and all references of the element at the offset. UI thread; no parsing. */
	void markOccurrences(int offset) {
		Analysis analysis = currentIfUpToDate();
		Map<Annotation, Position> added = new HashMap<>();
		if (analysis != null) {
			String target = targetAt(analysis, offset);
			if (target != null) {
				for (Reference reference : analysis.references()) {
					if (reference.targetUri().equals(target)) {
						added.put(new OccurrenceAnnotation("Reference"),
								new Position(reference.region().offset(), reference.region().length()));
					}
				}
				OutlineNode declaration = find(analysis.outline(), target);
				if (declaration != null) {
					added.put(new OccurrenceAnnotation("Declaration"),
							new Position(declaration.name().offset(), declaration.name().length()));
				}
			}
		}
		replace(occurrenceAnnotations, added);
		occurrenceAnnotations = new ArrayList<>(added.keySet());
	}

	/** The EMF URI of the element referenced or declared at the offset, or {@code null}. */
	static String targetAt(Analysis analysis, int offset) {
		for (Reference reference : analysis.references()) {
			if (reference.region().contains(offset)) {
				return reference.targetUri();
			}
		}
		OutlineNode declared = declaredAt(analysis.outline(), offset);
		return declared == null ? null : declared.uri();
	}

	private static OutlineNode declaredAt(List<OutlineNode> nodes, int offset) {
		for (OutlineNode node : nodes) {
			if (node.name().contains(offset)) {
				return node;
			}
			OutlineNode inner = declaredAt(node.children(), offset);
			if (inner != null) {
				return inner;
			}
		}
		return null;
	}

	static OutlineNode find(List<OutlineNode> nodes, String uri) {
		for (OutlineNode node : nodes) {
			if (node.uri().equals(uri)) {
				return node;
			}
			OutlineNode inner = find(node.children(), uri);
			if (inner != null) {
				return inner;
			}
		}
		return null;
	}

	/** The occurrence annotations on screen (for tests). */
	public List<Annotation> occurrences() {
		return List.copyOf(occurrenceAnnotations);
	}
}
