package org.zerocarbon.ui.views;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.IElementComparer;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITableColorProvider;
import org.eclipse.jface.viewers.ITableFontProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.part.ViewPart;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult.Status;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.ColumnFit;
import org.zerocarbon.ui.internal.Icons;
import org.zerocarbon.ui.internal.Navigation;
import org.zerocarbon.ui.wizards.NewZcProjectWizard;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcBuildResults.Location;
import org.zerocarbon.workspace.ZcBuildResults.ProjectResult;

/**
 * The zero-carbon criteria of every ZeroCarbon project as its last build checked them: project, criteria set,
 * criterion (pass, fail or not applicable, with its severity and clause) and the model elements it looked at.
 * Double-clicking an element opens its definition in the editor. Fed by {@link ZcBuildResults} after each build;
 * nothing is evaluated here.
 */
public class CriteriaView extends ViewPart {

	/** View id. */
	public static final String ID = "org.zerocarbon.ui.criteriaView";

	/** Column titles, in order. */
	static final String[] COLUMNS = { "Criterion", "Result", "Severity", "Location", "Clause" };
	private static final int[] WIDTHS = { 290, 400, 70, 110, 420 };

	/** A row of the tree. The key identifies it across builds, so that expansion and selection survive a refresh. */
	sealed interface Node permits ProjectNode, RuleSetNode, CriterionNode, EvidenceNode, MessageNode {
		String key();
	}

	record ProjectNode(IProject project, ProjectResult result) implements Node {
		@Override
		public String key() {
			return project.getName();
		}
	}

	record RuleSetNode(ProjectNode parent, String name, List<CriterionResult> criteria) implements Node {
		@Override
		public String key() {
			return parent.key() + "/" + name;
		}
	}

	record CriterionNode(RuleSetNode parent, CriterionResult result) implements Node {
		@Override
		public String key() {
			return parent.parent().key() + "/" + result.id();
		}

		/** The criterion's own name, without its rule-set. */
		String name() {
			return result.id().substring(result.id().lastIndexOf('.') + 1);
		}
	}

	record EvidenceNode(CriterionNode parent, Evidence evidence, Location location) implements Node {
		@Override
		public String key() {
			return parent.key() + "/" + evidence.element();
		}
	}

	/** A row that explains why a project shows no criteria: a short label and the explanation. */
	record MessageNode(ProjectNode parent, String label, String text, boolean problems) implements Node {
		@Override
		public String key() {
			return parent.key() + "/:" + label;
		}
	}

	private TreeViewer viewer;
	private Composite stack;
	private Link emptyMessage;
	private Icons icons;
	private Font bold;
	private boolean failedOnly;
	private final java.util.Set<IProject> expandedOnce = new java.util.HashSet<>();
	private final AtomicBoolean refreshPending = new AtomicBoolean();
	private final ZcBuildResults.Listener resultsListener = project -> refreshSoon();
	private final IResourceChangeListener projectsListener = this::projectsChanged;

	@Override
	public void createPartControl(Composite parent) {
		stack = new Composite(parent, SWT.NONE);
		// F1 anywhere in the view: its section of the workbench guide (contexts.xml)
		PlatformUI.getWorkbench().getHelpSystem().setHelp(stack, "org.zerocarbon.ui.criteriaView");
		StackLayout layout = new StackLayout();
		stack.setLayout(layout);
		icons = new Icons(stack);

		Composite empty = new Composite(stack, SWT.NONE);
		empty.setLayout(new GridLayout());
		emptyMessage = new Link(empty, SWT.WRAP);
		emptyMessage.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		emptyMessage.addListener(SWT.Selection, e -> NewZcProjectWizard.open(getSite().getShell()));

		viewer = new TreeViewer(stack, SWT.MULTI | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
		Tree tree = viewer.getTree();
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			TreeColumn column = new TreeColumn(tree, SWT.LEFT);
			column.setText(COLUMNS[i]);
			column.setWidth(WIDTHS[i]);
			column.setMoveable(true);
		}
		// the widths above until the first results arrive; then each column as wide as its content (ColumnFit)
		ColumnFit.install(tree);
		bold = org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT);
		viewer.setUseHashlookup(true);
		viewer.setComparer(new IElementComparer() {
			@Override
			public boolean equals(Object a, Object b) {
				return a instanceof Node x && b instanceof Node y ? x.getClass() == y.getClass() && x.key().equals(y.key()) : a == b;
			}

			@Override
			public int hashCode(Object element) {
				return element instanceof Node node ? node.key().hashCode() : System.identityHashCode(element);
			}
		});
		viewer.setContentProvider(new ContentProvider());
		viewer.setLabelProvider(new Labels());
		viewer.setFilters(new FailedOnly());
		viewer.addDoubleClickListener(event -> open(event.getSelection()));
		getSite().setSelectionProvider(viewer);

		createActions();
		// the context menu takes contributions (plugin.xml: popup:org.zerocarbon.ui.criteriaView, e.g. Export Evidence...)
		org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager();
		menu.add(new org.eclipse.jface.action.Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
		viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
		getSite().registerContextMenu(menu, viewer);
		ZcBuildResults.addListener(resultsListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(projectsListener, IResourceChangeEvent.POST_CHANGE);
		refresh();
	}

	private void createActions() {
		IToolBarManager toolBar = getViewSite().getActionBars().getToolBarManager();
		Action refresh = new Action("Refresh (Build ZeroCarbon Projects)", Icons.descriptor("refresh")) {
			@Override
			public void run() {
				Builds.rebuild(Builds.zcProjects());
			}
		};
		Action failed = new Action("Show Failed Criteria Only", IAction.AS_CHECK_BOX) {
			@Override
			public void run() {
				setFailedOnly(isChecked());
			}
		};
		failed.setImageDescriptor(Icons.descriptor("failedonly"));
		Action expand = new Action("Expand All", Icons.descriptor("expandall")) {
			@Override
			public void run() {
				viewer.expandAll();
				ColumnFit.fit(viewer.getTree());
			}
		};
		Action collapse = new Action("Collapse All",
				PlatformUI.getWorkbench().getSharedImages().getImageDescriptor(org.eclipse.ui.ISharedImages.IMG_ELCL_COLLAPSEALL)) {
			@Override
			public void run() {
				viewer.collapseAll();
				ColumnFit.fit(viewer.getTree());
			}
		};
		toolBar.add(refresh);
		toolBar.add(failed);
		toolBar.add(expand);
		toolBar.add(collapse);
	}

	/** Shows only failed criteria and the elements that fail them, or everything. */
	public void setFailedOnly(boolean only) {
		failedOnly = only;
		viewer.refresh();
		viewer.expandToLevel(2);
		ColumnFit.fit(viewer.getTree());
	}

	/** The tree, for tests and for the workbench's selection. */
	public TreeViewer viewer() {
		return viewer;
	}

	@Override
	public void setFocus() {
		if (viewer.getControl().isVisible()) {
			viewer.getControl().setFocus();
		} else {
			emptyMessage.setFocus();
		}
	}

	@Override
	public void dispose() {
		ZcBuildResults.removeListener(resultsListener);
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(projectsListener);
		super.dispose();
	}

	private void projectsChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta();
		if (delta == null) {
			return;
		}
		for (IResourceDelta child : delta.getAffectedChildren()) {
			// projects added, removed, opened, closed or given the nature
			if (child.getKind() != IResourceDelta.CHANGED || (child.getFlags() & (IResourceDelta.OPEN | IResourceDelta.DESCRIPTION)) != 0) {
				refreshSoon();
				return;
			}
		}
	}

	/** Refreshes on the UI thread, once for any number of requests in between. */
	private void refreshSoon() {
		if (refreshPending.compareAndSet(false, true)) {
			Display display = PlatformUI.getWorkbench().getDisplay();
			display.asyncExec(() -> {
				refreshPending.set(false);
				if (viewer != null && !viewer.getControl().isDisposed()) {
					refresh();
				}
			});
		}
	}

	private void refresh() {
		List<IProject> projects = Builds.zcProjects();
		StackLayout layout = (StackLayout) stack.getLayout();
		if (projects.isEmpty()) {
			emptyMessage.setText("No ZeroCarbon project in the workspace. <a>Create a ZeroCarbon project</a> "
					+ "(File > New > ZeroCarbon Project) or import one; its criteria appear here after each build.");
			layout.topControl = emptyMessage.getParent();
		} else {
			Object[] expanded = viewer.getExpandedElements();
			List<ProjectNode> input = projects.stream().map(p -> new ProjectNode(p, ZcBuildResults.of(p))).toList();
			viewer.setInput(input);
			viewer.setExpandedElements(expanded);
			// the first results of a project open on its failures; after that, the user's expansion is kept
			expandFailures(input.stream().filter(p -> p.result() != null && expandedOnce.add(p.project())).toList());
			layout.topControl = viewer.getControl();
			Builds.ensureBuilt(projects);
		}
		stack.layout();
		ColumnFit.fit(viewer.getTree());
	}

	/**
	 * Shows the projects' criteria sets, and the criteria of the sets where some fail. A project none of whose
	 * criteria applies (a library of factors and methodologies: nothing in it to check) stays one grey row.
	 */
	private void expandFailures(List<ProjectNode> projects) {
		for (ProjectNode project : projects) {
			if (noneApplies(project)) {
				continue;
			}
			viewer.setExpandedState(project, true);
			for (Node child : children(project)) {
				if (child instanceof RuleSetNode set && set.criteria().stream().anyMatch(c -> c.status() == Status.FAIL)) {
					viewer.setExpandedState(set, true);
				}
			}
		}
	}

	private void open(org.eclipse.jface.viewers.ISelection selection) {
		if (!(selection instanceof IStructuredSelection structured) || structured.isEmpty()) {
			return;
		}
		Object element = structured.getFirstElement();
		Location location = null;
		if (element instanceof EvidenceNode evidence) {
			location = evidence.location();
		} else if (element instanceof CriterionNode criterion) {
			// a criterion that one element fails leads straight to it
			List<EvidenceNode> failing = evidence(criterion).stream().filter(e -> !e.evidence().satisfied()).toList();
			if (failing.size() == 1) {
				location = failing.get(0).location();
			}
		} else if (element instanceof MessageNode message && message.problems()) {
			try {
				getSite().getPage().showView(IPageLayout.ID_PROBLEM_VIEW);
			} catch (PartInitException e) {
				org.eclipse.core.runtime.ILog.of(getClass()).error("Cannot open the Problems view", e);
			}
			return;
		}
		if (location == null) {
			viewer.setExpandedState(element, !viewer.getExpandedState(element));
			return;
		}
		Navigation.open(getSite().getPage(), location);
	}

	// ------------------------------------------------------------------------------------------------ tree content

	static List<Node> children(ProjectNode node) {
		ProjectResult result = node.result();
		if (result == null) {
			return List.of(new MessageNode(node, "No results yet", "The project is being built; or save a model, or press Refresh.", false));
		}
		if (result.modelErrors() > 0) {
			return List.of(new MessageNode(node, "Model errors", "The models have " + result.modelErrors()
					+ (result.modelErrors() == 1 ? " error" : " errors") + ": see the Problems view. Criteria are checked when the models have no errors.",
					true));
		}
		if (result.criteria().isEmpty()) {
			return List.of(new MessageNode(node, "No criteria", "No criteria among the models (methodologies and criteria sets define them).",
					false));
		}
		Map<String, List<CriterionResult>> bySet = new LinkedHashMap<>();
		for (CriterionResult criterion : result.criteria()) {
			bySet.computeIfAbsent(ruleSetOf(criterion), k -> new ArrayList<>()).add(criterion);
		}
		List<Node> sets = new ArrayList<>();
		bySet.forEach((name, criteria) -> sets.add(new RuleSetNode(node, name, criteria)));
		return sets;
	}

	static List<EvidenceNode> evidence(CriterionNode node) {
		ProjectResult result = node.parent().parent().result();
		return node.result().evidence().stream().map(e -> new EvidenceNode(node, e, result.locate(e.elementUri()))).toList();
	}

	/** Whether the project has results with criteria, and not one of them applies (all "not applicable"). */
	static boolean noneApplies(ProjectNode project) {
		ProjectResult result = project.result();
		return result != null && result.modelErrors() == 0 && !result.criteria().isEmpty()
				&& result.criteria().stream().allMatch(c -> c.status() == Status.NOT_APPLICABLE);
	}

	private static String ruleSetOf(CriterionResult criterion) {
		int dot = criterion.id().lastIndexOf('.');
		return dot < 0 ? "" : criterion.id().substring(0, dot);
	}

	private static final class ContentProvider implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			return input instanceof List<?> list ? list.toArray() : new Object[0];
		}

		@Override
		public Object[] getChildren(Object element) {
			return switch (element) {
				case ProjectNode project -> children(project).toArray();
				case RuleSetNode set -> set.criteria().stream().map(c -> new CriterionNode(set, c)).toArray();
				case CriterionNode criterion -> evidence(criterion).toArray();
				default -> new Object[0];
			};
		}

		@Override
		public Object getParent(Object element) {
			return switch (element) {
				case RuleSetNode set -> set.parent();
				case CriterionNode criterion -> criterion.parent();
				case EvidenceNode evidence -> evidence.parent();
				case MessageNode message -> message.parent();
				default -> null;
			};
		}

		@Override
		public boolean hasChildren(Object element) {
			return element instanceof ProjectNode || element instanceof RuleSetNode
					|| element instanceof CriterionNode c && !c.result().evidence().isEmpty();
		}

		@Override
		public void inputChanged(Viewer viewer, Object oldInput, Object newInput) {
			// the input is an immutable list of projects
		}
	}

	/** Hides passed and not applicable criteria, satisfied elements and projects and sets without failures. */
	private final class FailedOnly extends ViewerFilter {
		@Override
		public boolean select(Viewer viewer, Object parent, Object element) {
			if (!failedOnly) {
				return true;
			}
			return switch (element) {
				case ProjectNode project -> project.result() == null || project.result().modelErrors() > 0
						|| project.result().criteria().stream().anyMatch(c -> c.status() == Status.FAIL);
				case RuleSetNode set -> set.criteria().stream().anyMatch(c -> c.status() == Status.FAIL);
				case CriterionNode criterion -> criterion.result().status() == Status.FAIL;
				case EvidenceNode evidence -> !evidence.evidence().satisfied();
				default -> true;
			};
		}
	}

	/** Counts for a summary, e.g. "9 criteria: 7 passed, 2 failed (2 warnings)". */
	static String summary(List<CriterionResult> criteria) {
		long passed = criteria.stream().filter(c -> c.status() == Status.PASS).count();
		List<CriterionResult> failed = criteria.stream().filter(c -> c.status() == Status.FAIL).toList();
		long notApplicable = criteria.size() - passed - failed.size();
		List<String> parts = new ArrayList<>();
		if (passed > 0) {
			parts.add(passed + " passed");
		}
		if (!failed.isEmpty()) {
			List<String> severities = new ArrayList<>();
			for (String severity : new String[] { "error", "warning", "info" }) {
				long count = failed.stream().filter(c -> severity.equals(c.severity())).count();
				if (count > 0) {
					severities.add(count + " " + severity + (count == 1 ? "" : "s"));
				}
			}
			parts.add(failed.size() + " failed (" + String.join(", ", severities) + ")");
		}
		if (notApplicable == criteria.size()) {
			return criteria.size() + (criteria.size() == 1 ? " criterion, not applicable here" : " criteria, none applicable here")
					+ " (no element they check)";
		}
		if (notApplicable > 0) {
			parts.add(notApplicable + " not applicable");
		}
		return criteria.size() + (criteria.size() == 1 ? " criterion: " : " criteria: ") + String.join(", ", parts);
	}

	private final class Labels extends LabelProvider implements ITableLabelProvider, ITableFontProvider, ITableColorProvider {
		@Override
		public Image getColumnImage(Object element, int column) {
			if (column != 0) {
				return null;
			}
			return switch (element) {
				case ProjectNode p -> PlatformUI.getWorkbench().getSharedImages().getImage(IDE.SharedImages.IMG_OBJ_PROJECT);
				case RuleSetNode s -> icons.get("ruleset");
				case CriterionNode c -> icons.get(statusIcon(c.result().status(), c.result().severity()));
				case EvidenceNode e -> icons.get(e.evidence().satisfied() ? "pass" : statusIcon(Status.FAIL, e.parent().result().severity()));
				case MessageNode m -> icons.get(m.problems() ? "fail_error" : "fail_info");
				default -> null;
			};
		}

		private static String statusIcon(Status status, String severity) {
			return switch (status) {
				case PASS -> "pass";
				case NOT_APPLICABLE -> "na";
				case FAIL -> switch (severity) {
					case "error" -> "fail_error";
					case "warning" -> "fail_warning";
					default -> "fail_info";
				};
			};
		}

		@Override
		public String getColumnText(Object element, int column) {
			return switch (element) {
				case ProjectNode p -> switch (column) {
					case 0 -> p.project().getName();
					case 1 -> p.result() == null || p.result().modelErrors() > 0 ? "" : summary(p.result().criteria());
					default -> "";
				};
				case RuleSetNode s -> switch (column) {
					case 0 -> s.name();
					case 1 -> summary(s.criteria());
					default -> "";
				};
				case CriterionNode c -> switch (column) {
					case 0 -> c.name();
					case 1 -> switch (c.result().status()) {
						case PASS -> "passed: " + c.result().message();
						case FAIL -> "FAILED: " + c.result().message();
						case NOT_APPLICABLE -> "not applicable: " + c.result().message();
					};
					case 2 -> c.result().severity();
					case 3 -> location(c);
					case 4 -> c.result().clause() == null ? "" : c.result().clause();
					default -> "";
				};
				case EvidenceNode e -> switch (column) {
					case 0 -> e.evidence().element();
					case 1 -> e.evidence().satisfied() ? "satisfied" : e.evidence().detail();
					case 3 -> e.location() == null ? "" : e.location().file().getName() + ":" + e.location().line();
					default -> "";
				};
				case MessageNode m -> column == 0 ? m.label() : column == 1 ? m.text() : "";
				default -> "";
			};
		}

		/** A criterion that looks at one element is where that element is; with several, its rows below say where. */
		private static String location(CriterionNode criterion) {
			if (criterion.result().evidence().size() != 1) {
				return "";
			}
			Location location = evidence(criterion).get(0).location();
			return location == null ? "" : location.file().getName() + ":" + location.line();
		}

		@Override
		public Color getForeground(Object element, int column) {
			boolean grey = switch (element) {
				case ProjectNode p -> noneApplies(p);
				case RuleSetNode s -> s.criteria().stream().allMatch(c -> c.status() == Status.NOT_APPLICABLE);
				case CriterionNode c -> c.result().status() == Status.NOT_APPLICABLE;
				default -> false;
			};
			return grey ? viewer.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : null;
		}

		@Override
		public Color getBackground(Object element, int column) {
			return null;
		}

		@Override
		public Font getFont(Object element, int column) {
			return element instanceof CriterionNode c && c.result().status() == Status.FAIL && column <= 1 ? bold : null;
		}
	}
}
