package org.zerocarbon.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchPartReference;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.ColumnFit;
import org.zerocarbon.ui.internal.Icons;
import org.zerocarbon.ui.internal.ModuleChart;
import org.zerocarbon.ui.internal.ScenarioChart;
import org.zerocarbon.ui.internal.TornadoChart;
import org.zerocarbon.ui.internal.Navigation;
import org.zerocarbon.ui.internal.ReportOpener;
import org.zerocarbon.ui.internal.StartupTrace;
import org.zerocarbon.ui.internal.Tables;
import org.zerocarbon.workspace.StaleReports;
import org.zerocarbon.workspace.ZcBuildResults;
import org.zerocarbon.workspace.ZcBuildResults.Footprint;
import org.zerocarbon.workspace.ZcBuildResults.ProjectResult;

/**
 * The footprint of the selected model, as the last build computed it: the module × scope table, the figures per
 * functional unit, scope 2 both ways, data quality and uncertainty, a bar chart by module, and the equipment
 * (machines, their functions, shared utilities) with what each contributes. The model is the
 * file (or project) selected in the Project Explorer or open in the active editor; a file with several lines or
 * parks gets a choice. Fed by {@link ZcBuildResults} after every build; only the scenarios are computed here, in a
 * job after each build ({@link ScenarioSelector}): choosing one shows its footprint, and the Comparison tab compares
 * them all with the baseline.
 */
public class FootprintView extends ViewPart {

	/** View id. */
	public static final String ID = "org.zerocarbon.ui.footprintView";

	/** Column titles of the module table. */
	static final String[] COLUMNS = { "Module", "Title", "Scope 1", "Scope 2", "Scope 3", "Total" };

	/** A row of the module table: a module, the total of A1–C4, or module D. */
	record Row(String module, String title, double[] byScope, boolean total) {
		double sum() {
			return byScope[0] + byScope[1] + byScope[2];
		}
	}

	private Composite stack;
	private Label emptyMessage;
	private Composite content;
	private Combo subjects;
	private Combo scenarioChoice;
	private ScenarioSelector scenarios;
	private ScenarioTab comparison;
	/** The build whose footprints are shown (its identity tells a new build from the same one shown again). */
	private ProjectResult shownBuild;
	private boolean shownBuildCurrent;
	private Label subjectInfo;
	/** Above the figures while the model has errors and they come from the last good build. */
	private Label staleBanner;
	private TableViewer table;
	private CTabFolder tabs;
	private TreeViewer equipment;
	private TableViewer gwp;
	private TableViewer facts;
	private Icons icons;
	private ModuleChart chart;
	private Font bold;
	private Action openReport;

	/** The selected file or project, or null. */
	private IResource current;
	private List<Footprint> shown = List.of();
	private String chosenSubject;
	private final AtomicBoolean refreshPending = new AtomicBoolean();
	private final ZcBuildResults.Listener resultsListener = project -> {
		if (current != null && project.equals(current.getProject())) {
			refreshSoon();
		}
	};
	private final ISelectionListener selectionListener = this::selectionChanged;
	private final IPartListener2 partListener = new IPartListener2() {
		@Override
		public void partActivated(IWorkbenchPartReference ref) {
			if (ref.getPart(false) instanceof IEditorPart editor) {
				editorActivated(editor);
			}
		}
	};

	@Override
	public void createPartControl(Composite parent) {
		bold = org.eclipse.jface.resource.JFaceResources.getFontRegistry().getBold(org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT);
		stack = new Composite(parent, SWT.NONE);
		// F1 anywhere in the view: its section of the workbench guide (contexts.xml)
		PlatformUI.getWorkbench().getHelpSystem().setHelp(stack, "org.zerocarbon.ui.footprintView");
		stack.setLayout(new StackLayout());
		icons = new Icons(stack);
		Composite empty = new Composite(stack, SWT.NONE);
		empty.setLayout(new GridLayout());
		emptyMessage = new Label(empty, SWT.WRAP);
		emptyMessage.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		createContent();
		createActions();

		getSite().getPage().addPostSelectionListener(selectionListener);
		getSite().getPage().addPartListener(partListener);
		ZcBuildResults.addListener(resultsListener);
		IEditorPart editor = getSite().getPage().getActiveEditor();
		if (editor != null) {
			editorActivated(editor);
		} else {
			selectionChanged(null, getSite().getPage().getSelection());
		}
		refresh();
	}

	private void createContent() {
		content = new Composite(stack, SWT.NONE);
		GridLayout layout = new GridLayout(5, false);
		layout.marginHeight = 4;
		content.setLayout(layout);
		staleBanner = new Label(content, SWT.WRAP);
		staleBanner.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 5, 1));
		staleBanner.setBackground(staleBanner.getDisplay().getSystemColor(SWT.COLOR_INFO_BACKGROUND));
		staleBanner.setForeground(staleBanner.getDisplay().getSystemColor(SWT.COLOR_INFO_FOREGROUND));
		staleBanner.setFont(bold);
		Label label = new Label(content, SWT.NONE);
		label.setText("Model:");
		subjects = new Combo(content, SWT.READ_ONLY | SWT.DROP_DOWN);
		subjects.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
		subjects.addListener(SWT.Selection, e -> {
			int index = subjects.getSelectionIndex();
			if (index >= 0 && index < shown.size()) {
				chosenSubject = shown.get(index).subject();
				showFootprint(shown.get(index));
			}
		});
		new Label(content, SWT.NONE).setText("Scenario:");
		scenarioChoice = new Combo(content, SWT.READ_ONLY | SWT.DROP_DOWN);
		scenarioChoice.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false));
		scenarioChoice.setToolTipText("The baseline, or a scenario of the model files: its footprint in every tab (scenarios are computed after each build)");
		subjectInfo = new Label(content, SWT.NONE);
		subjectInfo.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

		// the module table over the figures on the left, the chart on the right at full height
		SashForm sash = new SashForm(content, SWT.HORIZONTAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1));
		SashForm left = new SashForm(sash, SWT.VERTICAL);
		tabs = new CTabFolder(left, SWT.BORDER | SWT.BOTTOM);
		table = new TableViewer(Tables.table(tabs, COLUMNS, true));
		table.setContentProvider(ArrayContentProvider.getInstance());
		table.setLabelProvider(new FootprintLabels.RowLabels(bold));
		CTabItem modulesTab = new CTabItem(tabs, SWT.NONE);
		modulesTab.setText("Modules × scopes");
		modulesTab.setControl(table.getTable().getParent());
		equipment = equipmentTree(tabs);
		CTabItem equipmentTab = new CTabItem(tabs, SWT.NONE);
		equipmentTab.setText("Equipment");
		equipmentTab.setToolTipText("Every machine and shared utility of the line, with its functions: double-click to open it in the model");
		equipmentTab.setControl(equipment.getTree().getParent());
		gwp = new TableViewer(Tables.table(tabs, FootprintFigures.GWP_COLUMNS, true));
		gwp.setContentProvider(ArrayContentProvider.getInstance());
		gwp.setLabelProvider(new FootprintLabels.ArrayLabels(bold));
		CTabItem gwpTab = new CTabItem(tabs, SWT.NONE);
		gwpTab.setText("GWP split");
		gwpTab.setToolTipText("GWP-fossil, -biogenic (emissions and removals apart) and -luluc by module (EN 15804+A2), and each module with scope 2 market-based");
		gwpTab.setControl(gwp.getTable().getParent());
		comparison = new ScenarioTab(tabs, bold, run -> scenarios.choose(run));
		CTabItem comparisonTab = new CTabItem(tabs, SWT.NONE);
		comparisonTab.setText("Comparison");
		comparisonTab.setToolTipText("The baseline and the scenarios side by side, their bars by module, and the tornado of the parameters");
		comparisonTab.setControl(comparison.control());
		scenarios = new ScenarioSelector(scenarioChoice, comparison, this::showResult);
		tabs.setSelection(modulesTab);
		facts = new TableViewer(Tables.table(left, new String[] { "Figure", "Value" }, false));
		facts.setContentProvider(ArrayContentProvider.getInstance());
		facts.setLabelProvider(new FootprintLabels.FactLabels(icons, bold));
		chart = new ModuleChart(sash);
		left.setWeights(68, 32);
		// the table's six columns need about 525 px with Title at its floor (ColumnFit.TEXT_FLOOR): at the default size
		// (a 1400x900 window, the perspective's layout) 70 % gives them that, and the chart's bars and labels fit in 30 %
		sash.setWeights(70, 30);
	}

	/** Column titles of the equipment tree. */
	public static final String[] EQUIPMENT_COLUMNS = { "Equipment", "kg CO2e (A–C)", "Share", "of which utilities", "Module D",
			"market-based" };

	private TreeViewer equipmentTree(Composite parent) {
		Composite holder = new Composite(parent, SWT.NONE);
		holder.setLayout(new org.eclipse.swt.layout.FillLayout());
		Tree tree = new Tree(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
		tree.setHeaderVisible(true);
		tree.setLinesVisible(true);
		for (int i = 0; i < EQUIPMENT_COLUMNS.length; i++) {
			TreeColumn column = new TreeColumn(tree, i == 0 ? SWT.LEFT : SWT.RIGHT);
			column.setText(EQUIPMENT_COLUMNS[i]);
			column.setWidth(60);
		}
		ColumnFit.install(tree);
		TreeViewer viewer = new TreeViewer(tree);
		viewer.setContentProvider(new FootprintLabels.EquipmentContent());
		viewer.setLabelProvider(new FootprintLabels.EquipmentLabels(viewer, bold));
		viewer.addDoubleClickListener(event -> openElement(event.getSelection()));
		return viewer;
	}

	private void createActions() {
		Action refresh = new Action("Refresh (Build the Project)", Icons.descriptor("refresh")) {
			@Override
			public void run() {
				if (current != null) {
					Builds.rebuild(List.of(current.getProject()));
				}
			}
		};
		openReport = new Action("Open the HTML Report", Icons.descriptor("openreport")) {
			@Override
			public void run() {
				openHtmlReport();
			}
		};
		openReport.setEnabled(false);
		var toolBar = getViewSite().getActionBars().getToolBarManager();
		toolBar.add(refresh);
		toolBar.add(openReport);
	}

	@Override
	public void setFocus() {
		(content.isVisible() ? subjects : emptyMessage).setFocus();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(selectionListener);
		getSite().getPage().removePartListener(partListener);
		ZcBuildResults.removeListener(resultsListener);
		scenarios.cancel();
		super.dispose();
	}

	/** Shows the footprint of the lines and parks of a file, or of all those of a project. */
	public void show(IResource resource) {
		if (resource != null && !resource.equals(current) && (resource instanceof IFile || resource instanceof IProject)) {
			current = resource;
			refresh();
		}
	}

	/** The rows of the module table as shown (for tests). */
	public Table table() {
		return table.getTable();
	}

	/** The equipment tree as shown (for tests). */
	public TreeViewer equipment() {
		return equipment;
	}

	/** The GWP split table (for tests). */
	public Table gwpTable() {
		return gwp.getTable();
	}

	/** The figures beside the table, as name and value (for tests). */
	public Table factsTable() {
		return facts.getTable();
	}

	/** The tabs above the figures: modules × scopes, equipment, GWP split (for tests). */
	public CTabFolder tabs() {
		return tabs;
	}

	/** The model choice (for tests). */
	public Combo subjects() {
		return subjects;
	}

	/** The scenario choice: the baseline, then the scenarios once compared (for tests). */
	public Combo scenarioChoice() {
		return scenarioChoice;
	}

	/** The Comparison tab's table: run, description, GWP, the difference to the baseline ... (for tests). */
	public Table comparisonTable() {
		return comparison.table();
	}

	/** The Comparison tab's message instead of a comparison, or null when one is shown (for tests). */
	public String comparisonMessage() {
		return comparison.message();
	}

	/** The Comparison tab's bars by module (for tests). */
	public ScenarioChart scenarioChart() {
		return comparison.bars();
	}

	/** The Comparison tab's tornado (for tests). */
	public TornadoChart tornado() {
		return comparison.tornado();
	}

	/** The job family of the scenario comparisons, to wait for (for tests). */
	public static Object scenarioJobs() {
		return ScenarioSelector.FAMILY;
	}

	/** Whether the scenarios shown are those of the shown project's last build, none being computed (for tests). */
	public boolean scenariosCompared() {
		return current != null && scenarios.compared(ZcBuildResults.of(current.getProject()));
	}

	/** The stale-reports banner's text, or null when the figures are current (for tests). */
	public String staleBanner() {
		return staleBanner.getVisible() ? staleBanner.getText() : null;
	}

	/** The message shown instead of a footprint, or null when a footprint is shown (for tests). */
	public String emptyMessage() {
		return ((StackLayout) stack.getLayout()).topControl == content ? null : emptyMessage.getText();
	}

	private void selectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == this) {
			return;
		}
		if (part instanceof IEditorPart editor) {
			editorActivated(editor);
		} else if (selection instanceof IStructuredSelection structured && !structured.isEmpty()) {
			IResource resource = Adapters.adapt(structured.getFirstElement(), IResource.class);
			if (resource instanceof IFile file && !"zc".equals(file.getFileExtension())) {
				return; // a report or another file: keep showing the model
			}
			show(resource);
		}
	}

	private void editorActivated(IEditorPart editor) {
		IEditorInput input = editor.getEditorInput();
		IFile file = input == null ? null : input.getAdapter(IFile.class);
		if (file != null && "zc".equals(file.getFileExtension())) {
			show(file);
		}
	}

	private void refreshSoon() {
		if (refreshPending.compareAndSet(false, true)) {
			PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
				refreshPending.set(false);
				if (!stack.isDisposed()) {
					refresh();
				}
			});
		}
	}

	/** Shows the current selection's footprints, or says why there are none. */
	private void refresh() {
		shown = List.of();
		openReport.setEnabled(false);
		if (current == null || !current.exists()) {
			showMessage("Select a line or park model (a .zc file) in the Project Explorer, or open one in the editor, to see its footprint.");
			return;
		}
		IProject project = current.getProject();
		if (!Builds.isZcProject(project)) {
			showMessage(project.getName() + " is not a ZeroCarbon project: footprints are computed for the lines and parks of projects "
					+ "with the ZeroCarbon nature (create one with File > New > ZeroCarbon Project).");
			return;
		}
		ProjectResult result = ZcBuildResults.of(project);
		if (result == null) {
			Builds.ensureBuilt(List.of(project));
			showMessage(ResourcesPlugin.getWorkspace().isAutoBuilding()
					? "Building " + project.getName() + "… the footprint appears here when the build is done."
					: "No footprint yet for " + project.getName() + ": build the project (Project > Build Project).");
			return;
		}
		String stale = null;
		if (result.modelErrors() > 0) {
			StaleReports.Mark mark = StaleReports.of(project);
			stale = new StaleReports.Mark(result.modelErrors(), mark == null ? null : mark.lastGoodBuild()).text();
			result = ZcBuildResults.lastGood(project);
			if (result == null) {
				showMessage((mark == null ? "The model has errors: see the Problems view." : stale + ". See the Problems view.")
						+ " The footprint is computed again when the models of " + project.getName() + " have no errors.");
				return;
			}
		}
		staleBanner.setText(stale == null ? "" : stale + ": the figures below are from that build. Fix the errors (Problems view) to update them.");
		staleBanner.setVisible(stale != null);
		((GridData) staleBanner.getLayoutData()).exclude = stale == null;
		List<Footprint> footprints = current instanceof IFile file ? result.footprintsIn(file) : result.footprints();
		if (footprints.isEmpty()) {
			showMessage(result.note() != null ? result.note()
					: current instanceof IFile ? current.getName() + " holds no line or park: footprints are computed for lines and parks."
							: project.getName() + " has no line or park.");
			return;
		}
		shown = footprints;
		shownBuild = result;
		shownBuildCurrent = stale == null;
		subjects.setItems(footprints.stream().map(f -> f.subject() + " (" + f.kind() + ")").toArray(String[]::new));
		int index = 0;
		for (int i = 0; i < footprints.size(); i++) {
			if (footprints.get(i).subject().equals(chosenSubject)) {
				index = i;
			}
		}
		subjects.select(index);
		subjects.getParent().layout();
		showFootprint(footprints.get(index));
	}

	private void showMessage(String message) {
		emptyMessage.setText(message);
		scenarios.hide();
		((StackLayout) stack.getLayout()).topControl = emptyMessage.getParent();
		chart.setFootprint(null);
		stack.layout(true, true);
	}

	private void showFootprint(Footprint footprint) {
		if (footprint.result() == null) {
			showMessage(footprint.problem());
			return;
		}
		scenarios.show(current.getProject(), footprint, shownBuild, shownBuildCurrent);
	}

	/** Shows a footprint of the chosen subject: the build's (scenario null) or a scenario's. */
	private void showResult(FootprintResult result, String scenario) {
		int index = subjects.getSelectionIndex();
		Footprint footprint = shown.get(index < 0 || index >= shown.size() ? 0 : index);
		String methodology = result.methodology().id() + (result.methodology().version() == null ? "" : " " + result.methodology().version());
		// short enough for a narrow view; the tooltip has the whole of it
		subjectInfo.setText("kg CO2e · " + (scenario == null ? "" : "scenario " + ScenarioTab.simpleName(scenario) + " · ")
				+ footprint.file().getName() + " · " + ScenarioTab.simpleName(result.methodology().id()));
		subjectInfo.setToolTipText("Figures in kg CO2e for " + footprint.subject() + (scenario == null ? "" : " with scenario " + scenario)
				+ ", written in " + footprint.file().getFullPath().makeRelative() + ", computed with the methodology " + methodology
				+ (result.methodology().title() == null ? "" : " (" + result.methodology().title() + ")"));
		table.setInput(rows(result));
		equipment.setInput(result);
		facts.setInput(FootprintFigures.facts(result));
		gwp.setInput(FootprintFigures.gwpRows(result));
		chart.setFootprint(result);
		ColumnFit.fit(table.getTable());
		ColumnFit.fit(equipment.getTree());
		ColumnFit.fit(facts.getTable());
		ColumnFit.fit(gwp.getTable());
		// the HTML report is the baseline's
		openReport.setEnabled(scenario == null && htmlReport(footprint).exists());
		((StackLayout) stack.getLayout()).topControl = content;
		stack.layout(true, true);
		StartupTrace.record(StartupTrace.FIGURES);
	}

	/** The table's rows: the modules A1–C4 with figures, their total, then module D when it has figures. */
	static List<Row> rows(FootprintResult result) {
		List<Row> rows = new ArrayList<>();
		Row moduleD = null;
		for (Map.Entry<Module, Map<Scope, Double>> entry : result.table().entrySet()) {
			double[] values = new double[3];
			entry.getValue().forEach((scope, value) -> values[scope.ordinal()] = value);
			Row row = new Row(entry.getKey().name(), entry.getKey().title(), values, false);
			if (entry.getKey().isReportedSeparately()) {
				moduleD = new Row(row.module(), row.title() + " (reported separately)", values, false);
			} else {
				rows.add(row);
			}
		}
		rows.add(new Row("Total", "A1–C4", new double[] { result.total(Scope.SCOPE_1), result.total(Scope.SCOPE_2), result.total(Scope.SCOPE_3) },
				true));
		if (moduleD != null) {
			rows.add(moduleD);
		}
		return rows;
	}

	private IFile htmlReport(Footprint footprint) {
		return footprint.file().getProject().getFile("reports/" + footprint.subject() + ".html");
	}

	private void openHtmlReport() {
		int index = subjects.getSelectionIndex();
		if (index >= 0 && index < shown.size()) {
			ReportOpener.open(getSite().getPage(), htmlReport(shown.get(index)));
		}
	}

	/** Opens the machine, utility or function selected in the equipment tree where the model defines it. */
	private void openElement(ISelection selection) {
		if (!(selection instanceof IStructuredSelection structured) || current == null) {
			return;
		}
		String uri = structured.getFirstElement() instanceof FootprintResult.Equipment e ? e.elementUri()
				: structured.getFirstElement() instanceof FootprintResult.FunctionResult f ? f.elementUri() : null;
		ProjectResult result = ZcBuildResults.of(current.getProject());
		ZcBuildResults.Location location = result == null ? null : result.locate(uri);
		if (location == null) {
			return;
		}
		Navigation.open(getSite().getPage(), location);
	}
}
