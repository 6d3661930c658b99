package org.zerocarbon.lang.ui.internal;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.contentoutline.ContentOutlinePage;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.internal.Analysis.OutlineNode;

/**
 * The Outline view for a model file: the named elements as a tree, refreshed after each check. Selecting an
 * element selects its name in the editor; with "Link with Editor" on, moving the caret selects the element around
 * it in the outline.
 */
public final class OutlinePage extends ContentOutlinePage {

	private final ZcEditor editor;
	private final Consumer<Analysis> refresh = this::update;
	private final ISelectionChangedListener caret = event -> {
		if (event.getSelection() instanceof ITextSelection selection) {
			revealAt(selection.getOffset());
		}
	};
	private AnalysisPresenter presenter;
	private boolean linking = true;
	private boolean revealing;
	private List<OutlineNode> roots = List.of();

	/** @param editor the editor whose model is shown */
	public OutlinePage(ZcEditor editor) {
		this.editor = editor;
	}

	/** Follows a presenter's analyses (again after the editor's input changed). UI thread. */
	public void attach(AnalysisPresenter next) {
		if (presenter != null) {
			presenter.removeListener(refresh);
		}
		presenter = next;
		presenter.addListener(refresh);
		if (getTreeViewer() != null && presenter.current() != null) {
			update(presenter.current());
		}
	}

	@Override
	public void createControl(Composite parent) {
		super.createControl(parent);
		TreeViewer tree = getTreeViewer();
		tree.setContentProvider(new ITreeContentProvider() {
			@Override
			public Object[] getElements(Object input) {
				return ((List<?>) input).toArray();
			}

			@Override
			public Object[] getChildren(Object parentElement) {
				return ((OutlineNode) parentElement).children().toArray();
			}

			@Override
			public Object getParent(Object element) {
				return null;
			}

			@Override
			public boolean hasChildren(Object element) {
				return !((OutlineNode) element).children().isEmpty();
			}
		});
		tree.setLabelProvider(new LabelProvider() {
			@Override
			public String getText(Object element) {
				return ((OutlineNode) element).text();
			}
		});
		tree.setInput(roots);
		tree.expandToLevel(3);
		IAction link = new Action("Link with Editor", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				linking = isChecked();
			}
		};
		link.setChecked(linking);
		link.setImageDescriptor(org.eclipse.ui.PlatformUI.getWorkbench().getSharedImages()
				.getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_ELCL_SYNCED));
		link.setToolTipText("Select the element at the caret while you move through the text");
		getSite().getActionBars().getToolBarManager().add(link);
		if (editor.getSelectionProvider() instanceof org.eclipse.jface.viewers.IPostSelectionProvider selections) {
			selections.addPostSelectionChangedListener(caret);
		}
		if (presenter != null && presenter.current() != null) {
			update(presenter.current());
		}
	}

	@Override
	public void dispose() {
		if (presenter != null) {
			presenter.removeListener(refresh);
		}
		if (editor.getSelectionProvider() instanceof org.eclipse.jface.viewers.IPostSelectionProvider selections) {
			selections.removePostSelectionChangedListener(caret);
		}
		super.dispose();
	}

	private void update(Analysis analysis) {
		TreeViewer tree = getTreeViewer();
		if (tree == null || tree.getControl().isDisposed()) {
			return;
		}
		boolean first = roots.isEmpty();
		// Elements are new records after every check; keep what was expanded by the elements' URIs.
		java.util.Set<String> expanded = new java.util.HashSet<>();
		for (Object element : tree.getExpandedElements()) {
			expanded.add(((OutlineNode) element).uri());
		}
		roots = analysis.outline();
		tree.setInput(roots);
		if (first) {
			tree.expandToLevel(3);
		} else {
			List<OutlineNode> again = new java.util.ArrayList<>();
			collect(roots, expanded, again);
			tree.setExpandedElements(again.toArray());
		}
	}

	@Override
	public void selectionChanged(org.eclipse.jface.viewers.SelectionChangedEvent event) {
		super.selectionChanged(event);
		if (revealing) {
			return;
		}
		if (event.getSelection() instanceof IStructuredSelection selection
				&& selection.getFirstElement() instanceof OutlineNode node) {
			editor.selectAndReveal(node.name().offset(), node.name().length());
		}
	}

	private static void collect(List<OutlineNode> nodes, java.util.Set<String> uris, List<OutlineNode> into) {
		for (OutlineNode node : nodes) {
			if (uris.contains(node.uri())) {
				into.add(node);
			}
			collect(node.children(), uris, into);
		}
	}

	private void revealAt(int offset) {
		TreeViewer tree = getTreeViewer();
		if (!linking || tree == null || tree.getControl().isDisposed()) {
			return;
		}
		OutlineNode innermost = innermost(roots, offset);
		if (innermost == null) {
			return;
		}
		revealing = true;
		try {
			tree.setSelection(new StructuredSelection(innermost), true);
		} finally {
			revealing = false;
		}
	}

	private static OutlineNode innermost(List<OutlineNode> nodes, int offset) {
		for (OutlineNode node : nodes) {
			if (node.full().contains(offset)) {
				OutlineNode inner = innermost(node.children(), offset);
				return inner != null ? inner : node;
			}
		}
		return null;
	}

	/** The top-level elements shown (for tests). */
	public List<OutlineNode> roots() {
		return roots;
	}
}
