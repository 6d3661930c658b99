package org.zerocarbon.diagram.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.core.commands.operations.IOperationHistory;
import org.eclipse.core.commands.operations.IUndoContext;
import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarkerDelta;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.operations.RedoActionHandler;
import org.eclipse.ui.operations.UndoActionHandler;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ui.internal.BackgroundProcessesAction;
import org.zerocarbon.diagram.ui.internal.DiagramCanvas;
import org.zerocarbon.diagram.ui.internal.DiagramContent;
import org.zerocarbon.diagram.ui.internal.DiagramExport;
import org.zerocarbon.diagram.ui.internal.DiagramModel;
import org.zerocarbon.diagram.ui.internal.DocumentSaveable;
import org.zerocarbon.diagram.ui.internal.ElementInfo;
import org.zerocarbon.diagram.ui.internal.LayoutSidecar;
import org.zerocarbon.diagram.ui.internal.Palette;
import org.zerocarbon.diagram.ui.internal.PaletteTool;
import org.zerocarbon.diagram.ui.internal.PinOperation;
import org.zerocarbon.diagram.ui.internal.ProblemBadges;
import org.zerocarbon.diagram.ui.internal.SemanticEdits;
import org.zerocarbon.diagram.ui.internal.TextReveal;
import org.zerocarbon.lang.ui.properties.ModelPropertySheetPage;
import org.zerocarbon.workspace.ZcBuildResults;

/**
 * The graphical editor of a ZeroCarbon model file: the line, energy-loop or park diagram of each of its top-level
 * elements (one tab each), drawn by the diagram kit, with a palette to create, connect, move, rename and delete.
 * <p>
 * The text stays the source of truth. The editor follows the file's shared document (the text editor's, if one is
 * open): every change to it is parsed on the language thread and redrawn. Every edit made here is a model change
 * written back into that document as text by Xtext's change serializer, in one undoable step of the file's undo
 * history, which the text editor shares. Moving a node only pins its position, in the file's layout sidecar
 * ({@code .<file>.layout}); re-layout clears the pins. Both are undoable in the same history.
 * <p>
 * Problem markers of the file appear as badges on the nodes they concern. Selecting a figure selects its model
 * element for the Properties view; a double-click outside a node's name (or Show in Text) reveals it in the text.
 */
public class DiagramEditor extends EditorPart implements org.eclipse.ui.ISaveablesSource {

	/** The editor id, as registered in {@code plugin.xml}. */
	public static final String ID = "org.zerocarbon.diagram.ui.editor";
	/** The key-binding context active in this editor. */
	public static final String CONTEXT_ID = "org.zerocarbon.diagram.ui.diagramScope";
	/** The id of the canvas's context menu, for contributions. */
	public static final String CONTEXT_MENU_ID = "org.zerocarbon.diagram.ui.editor.context";

	/** Delay between a document change and the redraw, so typing is not redrawn key by key. */
	private static final int REDRAW_DELAY_MS = 150;

	private IFile file;
	private ITextFileBuffer buffer;
	private IDocument document;
	private DiagramModel model;
	private LayoutSidecar sidecar;
	private IUndoContext undoContext;

	private DiagramCanvas canvas;
	private Palette palette;
	private CTabFolder tabs;
	private DiagramContent content;
	private String subjectKey;
	private long generation;
	private boolean redrawScheduled;
	private String selectAfterRedraw;
	private boolean syncingFromText;
	private boolean lastDirty;
	private String lastProblem;
	private BackgroundProcessesAction backgroundProcesses;
	private final SelectionProvider selectionProvider = new SelectionProvider();
	private final List<CompletableFuture<?>> pending = new ArrayList<>();

	private final IDocumentListener documentListener = new IDocumentListener() {
		@Override
		public void documentAboutToBeChanged(DocumentEvent event) {
			// Only the completed change matters.
		}

		@Override
		public void documentChanged(DocumentEvent event) {
			scheduleRedraw();
			dirtyStateMayHaveChanged();
		}
	};
	private final IResourceChangeListener markerListener = this::resourceChanged;
	/** A build computed new footprints: redraw, for the machines' footprint badges. */
	private final ZcBuildResults.Listener buildListener = project -> {
		if (project.equals(file.getProject())) {
			asyncExec(this::redraw);
		}
	};
	private final ISelectionListener textSelectionListener = this::textSelectionChanged;

	// ---- life cycle -----------------------------------------------------------------------------------------

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		if (!(input instanceof IFileEditorInput fileInput)) {
			throw new PartInitException("The ZeroCarbon diagram editor opens model files of the workspace; "
					+ input.getName() + " is not one. Open it in the text editor instead.");
		}
		setSite(site);
		setInput(input);
		file = fileInput.getFile();
		setPartName(file.getName() + " (diagram)"); // beside the text editor's tab of the same file
		setTitleToolTip(file.getFullPath() + " (diagram)");
		ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
		try {
			manager.connect(file.getFullPath(), LocationKind.IFILE, new NullProgressMonitor());
		} catch (CoreException e) {
			throw new PartInitException("Cannot read " + file.getFullPath() + ": " + e.getMessage(), e);
		}
		buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
		try {
			document = buffer.getDocument();
			sidecar = LayoutSidecar.read(file);
			undoContext = DiagramModel.undoContext(file);
			model = new DiagramModel(document, file);
		} catch (RuntimeException e) {
			release();
			throw new PartInitException("Cannot open the diagram of " + file.getFullPath() + ": " + e.getMessage(), e);
		}
	}

	/** Lets go of the file's document (the text editor and others may still hold it). */
	private void release() {
		if (buffer == null) {
			return;
		}
		buffer = null;
		try {
			FileBuffers.getTextFileBufferManager().disconnect(file.getFullPath(), LocationKind.IFILE,
					new NullProgressMonitor());
		} catch (CoreException e) {
			ILog.of(DiagramEditor.class).warn("Cannot release " + file.getFullPath() + ": " + e.getMessage());
		}
	}

	@Override
	public void createPartControl(Composite parent) {
		Composite root = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		layout.horizontalSpacing = 0;
		layout.verticalSpacing = 0;
		root.setLayout(layout);
		palette = new Palette(root, tool -> canvas.setTool(tool));
		palette.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
		// One tab per diagram of the file, all showing the one canvas: the tab chooses what it draws.
		tabs = new CTabFolder(root, SWT.BOTTOM | SWT.FLAT);
		tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		canvas = new DiagramCanvas(tabs, new CanvasHandler());
		// F1: the diagram editor's section of the guide (org.zerocarbon.ui's contexts.xml)
		org.eclipse.ui.PlatformUI.getWorkbench().getHelpSystem().setHelp(canvas, "org.zerocarbon.ui.diagramEditor");
		CTabItem placeholder = new CTabItem(tabs, SWT.NONE);
		placeholder.setText("Diagram");
		placeholder.setControl(canvas);
		tabs.setSelection(placeholder);
		tabs.addListener(SWT.Selection, e -> {
			if (e.item instanceof CTabItem item && item.getData() instanceof String key && !key.equals(subjectKey)) {
				subjectKey = key;
				canvas.select(List.of());
				redraw();
			}
		});
		palette.show(null);
		backgroundProcesses = new BackgroundProcessesAction(model, this::redraw);
		createContextMenu();
		createGlobalActions();
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		getSite().setSelectionProvider(selectionProvider);
		getSite().getPage().addPostSelectionListener(textSelectionListener);
		document.addDocumentListener(documentListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(markerListener, IResourceChangeEvent.POST_CHANGE);
		ZcBuildResults.addListener(buildListener);
		redraw();
	}

	@Override
	public void dispose() {
		getSite().getPage().removePostSelectionListener(textSelectionListener);
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(markerListener);
		ZcBuildResults.removeListener(buildListener);
		if (document != null) {
			document.removeDocumentListener(documentListener);
		}
		if (model != null) {
			model.dispose();
		}
		release();
		super.dispose();
	}

	@Override
	public void setFocus() {
		canvas.setFocus();
	}

	// ---- saving: the editor saves the shared document, like the text editor --------------------------------

	/** Tells the workbench when the shared document became dirty or clean (typing, an edit, a save anywhere). */
	private void dirtyStateMayHaveChanged() {
		boolean dirty = isDirty();
		if (dirty != lastDirty) {
			lastDirty = dirty;
			firePropertyChange(PROP_DIRTY);
		}
	}

	@Override
	public boolean isDirty() {
		return buffer != null && buffer.isDirty();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		try {
			buffer.commit(monitor, true);
		} catch (CoreException e) {
			MessageDialog.openError(getSite().getShell(), "Save", "Cannot save " + file.getFullPath() + ": " + e.getMessage());
		}
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}

	/** The file's shared document, one saveable with the text editor's (the Save Resources dialog lists it once). */
	private DocumentSaveable saveable;

	@Override
	public org.eclipse.ui.Saveable[] getSaveables() {
		if (saveable == null) {
			saveable = new DocumentSaveable(file, document, this);
		}
		return new org.eclipse.ui.Saveable[] { saveable };
	}

	@Override
	public org.eclipse.ui.Saveable[] getActiveSaveables() {
		return getSaveables();
	}

	@Override
	public void doSaveAs() {
		// Not allowed: the diagram is a view of the file, not a document of its own.
	}

	// ---- drawing ------------------------------------------------------------------------------------------

	private void scheduleRedraw() {
		if (redrawScheduled || canvas == null || canvas.isDisposed()) {
			return;
		}
		redrawScheduled = true;
		canvas.getDisplay().timerExec(REDRAW_DELAY_MS, () -> {
			redrawScheduled = false;
			redraw();
		});
	}

	/** Re-parses (on the language thread), rebuilds and lays out the shown diagram, then repaints. UI thread. */
	public void redraw() {
		if (canvas == null || canvas.isDisposed()) {
			return;
		}
		long requested = ++generation;
		CompletableFuture<DiagramContent> drawn = model.draw(subjectKey, sidecar.allPins());
		track(drawn);
		drawn.whenComplete((result, failure) -> asyncExec(() -> {
			if (requested != generation) {
				return; // a newer drawing is on its way
			}
			if (failure != null) {
				status("The diagram cannot be drawn: " + DiagramModel.message(failure) + " (see the Error Log)");
				if (content == null) {
					canvas.setMessage("The diagram cannot be drawn: " + DiagramModel.message(failure));
				}
				return;
			}
			show(result);
		}));
	}

	private void show(DiagramContent next) {
		content = next;
		if (next.subject() == null) {
			subjectKey = null;
			canvas.setContent(null, Map.of());
			canvas.setMessage(file.getName() + " has no line, energy loop or park to draw. Diagrams show the "
					+ "elements 'line', 'loop' and 'park' of a model file.");
			palette.show(null);
			updateTabs();
			return;
		}
		subjectKey = next.subject().key();
		palette.show(next.subject().type());
		canvas.setContent(next.scene(), next.figures());
		updateTabs();
		refreshBadges();
		if (selectAfterRedraw != null) {
			String wanted = selectAfterRedraw;
			selectAfterRedraw = null;
			figureOf(wanted).ifPresent(id -> {
				canvas.select(List.of(id));
				canvas.reveal(id);
			});
		} else {
			selectionProvider.fire();
		}
	}

	private java.util.Optional<String> figureOf(String name) {
		return content.figures().values().stream()
				.filter(i -> name.equals(i.name()) && content.scene().node(i.figureId()).isPresent())
				.map(ElementInfo::figureId).findFirst();
	}

	private void updateTabs() {
		List<DiagramContent.Subject> subjects = content.subjects();
		List<String[]> wanted = new ArrayList<>();
		for (DiagramContent.Subject s : subjects) {
			wanted.add(new String[] { s.key(), s.label() });
		}
		if (wanted.isEmpty()) {
			wanted.add(new String[] { null, "No diagram" });
		}
		CTabItem[] items = tabs.getItems();
		boolean same = items.length == wanted.size();
		for (int i = 0; same && i < items.length; i++) {
			same = java.util.Objects.equals(wanted.get(i)[0], items[i].getData()) && wanted.get(i)[1].equals(items[i].getText());
		}
		if (!same) {
			for (CTabItem item : items) {
				item.dispose();
			}
			for (String[] w : wanted) {
				CTabItem item = new CTabItem(tabs, SWT.NONE);
				item.setText(w[1]);
				item.setData(w[0]);
				item.setToolTipText(w[0] == null ? file.getName() + " has no line, energy loop or park" : w[0]);
				item.setControl(canvas);
			}
		}
		for (CTabItem item : tabs.getItems()) {
			if (java.util.Objects.equals(item.getData(), subjectKey) && tabs.getSelection() != item) {
				tabs.setSelection(item);
			}
		}
		canvas.setVisible(true);
	}

	// ---- markers ------------------------------------------------------------------------------------------------

	private void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = event.getDelta() == null ? null : event.getDelta().findMember(file.getFullPath());
		if (delta == null) {
			return;
		}
		if (delta.getKind() == IResourceDelta.REMOVED) {
			asyncExec(() -> getSite().getPage().closeEditor(this, false));
			return;
		}
		if ((delta.getFlags() & IResourceDelta.CONTENT) != 0) {
			asyncExec(this::dirtyStateMayHaveChanged); // saved, here or in the text editor
		}
		IMarkerDelta[] markers = delta.getMarkerDeltas();
		if ((delta.getFlags() & IResourceDelta.MARKERS) != 0 && markers.length > 0) {
			asyncExec(this::refreshBadges);
		}
	}

	private void refreshBadges() {
		if (content == null || content.scene() == null) {
			canvas.setBadges(Map.of());
			return;
		}
		// Nodes first: an edge whose element is also a node's (a controller's signals) does not take its badge.
		List<ElementInfo> figures = new ArrayList<>();
		for (Node n : content.scene().nodes()) {
			figures.add(content.info(n.id()));
		}
		for (Edge e : content.scene().edges()) {
			figures.add(content.info(e.id()));
		}
		figures.removeIf(java.util.Objects::isNull);
		canvas.setBadges(ProblemBadges.of(file, figures));
	}

	// ---- gestures ---------------------------------------------------------------------------------------------

	private final class CanvasHandler implements DiagramCanvas.Handler {
		@Override
		public void selected(List<String> ids) {
			selectionProvider.fire();
		}

		@Override
		public void moved(Map<String, Position> topLeft) {
			move(topLeft);
		}

		@Override
		public void create(PaletteTool tool, int x, int y, String on) {
			DiagramEditor.this.create(tool, on);
		}

		@Override
		public void connect(PaletteTool tool, String source, String target) {
			DiagramEditor.this.connect(tool, source, target);
		}

		@Override
		public void rename(String id, String name) {
			DiagramEditor.this.rename(id, name);
		}

		@Override
		public void delete() {
			deleteSelection();
		}

		@Override
		public void open(String id) {
			showInText(id);
		}

		@Override
		public void toolDone() {
			palette.select(PaletteTool.SELECT);
		}

		@Override
		public void status(String message) {
			DiagramEditor.this.status(message);
		}
	}

	/** Pins the moved nodes where they were dropped (relative to their compartment), undoably. */
	private void move(Map<String, Position> topLeft) {
		if (content == null || subjectKey == null) {
			return;
		}
		Map<String, Position> before = sidecar.pins(subjectKey);
		Map<String, Position> after = new HashMap<>(before);
		List<String> names = new ArrayList<>();
		topLeft.forEach((id, p) -> content.scene().node(id).ifPresent(n -> {
			ElementInfo info = content.info(id);
			Node parent = n.parent();
			Position pin = parent == null ? p : new Position(p.x() - parent.x(), p.y() - parent.y());
			after.put(info.pinKey(), pin);
			names.add(n.title());
		}));
		String label = names.size() == 1 ? "Move " + names.get(0) : "Move " + names.size() + " nodes";
		execute(new PinOperation(label, undoContext, sidecar, subjectKey, before, after, this::redraw));
	}

	/** Clears the shown diagram's pins: every node goes back to the automatic layout. Undoable. */
	public void relayout() {
		if (subjectKey == null) {
			return;
		}
		Map<String, Position> before = sidecar.pins(subjectKey);
		if (before.isEmpty()) {
			status("Nothing is pinned: the diagram is laid out automatically already.");
			redraw();
			return;
		}
		execute(new PinOperation("Re-layout", undoContext, sidecar, subjectKey, before, Map.of(), this::redraw));
	}

	private void execute(org.eclipse.core.commands.operations.IUndoableOperation operation) {
		try {
			history().execute(operation, null, null);
		} catch (org.eclipse.core.commands.ExecutionException e) {
			error(operation.getLabel(), e.getMessage());
		}
	}

	private void create(PaletteTool tool, String on) {
		DiagramContent.Subject subject = content.subject();
		SemanticEdits.Edit edit = switch (tool) {
		case MACHINE -> SemanticEdits.addMachine(subject.fragment());
		case METER -> SemanticEdits.addMeter(fragment(on));
		case ASSET -> SemanticEdits.addAsset(subject.fragment());
		case SENSOR -> SemanticEdits.addSensor(subject.fragment(), on == null ? null : fragment(on));
		case ACTUATOR -> SemanticEdits.addActuator(fragment(on));
		default -> null;
		};
		if (edit != null) {
			apply(edit, tool != PaletteTool.METER);
		}
	}

	private void connect(PaletteTool tool, String source, String target) {
		String s = fragment(source);
		String t = fragment(target);
		SemanticEdits.Edit edit = switch (tool) {
		case FLOW -> SemanticEdits.addFlow(s, t);
		case CONTROLLER -> SemanticEdits.addController(s, t);
		case FEEDBACK -> SemanticEdits.measure(s, t);
		case CONNECTION -> {
			Node.Kind from = content.scene().node(source).orElseThrow().kind();
			yield switch (from) {
			case SENSOR -> SemanticEdits.connect(t, s, true);
			case CONTROLLER -> SemanticEdits.connect(s, t, false);
			default -> SemanticEdits.control(s, t);
			};
		}
		default -> null;
		};
		if (edit != null) {
			apply(edit, tool == PaletteTool.CONTROLLER);
		}
	}

	private void rename(String id, String name) {
		String problem = SemanticEdits.checkName(name);
		if (problem != null) {
			error("Rename", problem);
			return;
		}
		ElementInfo info = content.info(id);
		if (info == null || !info.hasElement()) {
			return;
		}
		SemanticEdits.Edit edit = SemanticEdits.rename(info.fragment(), name);
		// Keep the node where the user put it: its pin moves to the new qualified name.
		String oldKey = info.pinKey();
		apply(edit, true).thenRun(() -> asyncExec(() -> movePin(oldKey, name)));
	}

	private void movePin(String oldKey, String newName) {
		Map<String, Position> pins = sidecar.pins(subjectKey);
		Position pin = pins.remove(oldKey);
		if (pin == null) {
			return;
		}
		int dot = oldKey.lastIndexOf('.');
		pins.put(dot < 0 ? newName : oldKey.substring(0, dot + 1) + newName, pin);
		sidecar.setPins(subjectKey, pins);
		try {
			sidecar.write();
		} catch (IOException e) {
			status("Cannot store the diagram layout: " + e.getMessage());
		}
		redraw();
	}

	/** Deletes the selected figures' elements (and what cannot exist without them). */
	public void deleteSelection() {
		if (content == null || content.scene() == null || canvas.selection().isEmpty()) {
			return;
		}
		List<SemanticEdits.Target> targets = new ArrayList<>();
		for (String id : canvas.selection()) {
			String refusal = addTarget(id, targets);
			if (refusal != null) {
				error("Delete", refusal);
				return;
			}
		}
		if (!targets.isEmpty()) {
			canvas.select(List.of());
			apply(SemanticEdits.delete(targets), false);
		}
	}

	/** Adds what deleting a figure means; returns why it cannot be deleted, or {@code null}. */
	private String addTarget(String id, List<SemanticEdits.Target> targets) {
		ElementInfo info = content.info(id);
		java.util.Optional<Edge> edge = content.scene().edges().stream().filter(e -> e.id().equals(id)).findFirst();
		if (edge.isEmpty()) {
			Node.Kind kind = content.scene().node(id).map(Node::kind).orElse(null);
			if (kind == Node.Kind.PROCESS || kind == Node.Kind.PROCESSES) {
				return BackgroundProcessesAction.NOT_DELETED;
			}
			if (info == null || !info.hasElement()) {
				return "This box is drawn from the model's figures and is not an element of the text.";
			}
			targets.add(new SemanticEdits.ElementTarget(info.fragment()));
			return null;
		}
		Edge e = edge.get();
		String source = fragment(e.source().id());
		String target = fragment(e.target().id());
		return switch (e.kind()) {
		case MATERIAL -> add(targets, new SemanticEdits.ElementTarget(info.fragment()));
		case SIGNAL -> add(targets, new SemanticEdits.ListReference(target, true, source));
		case COMMAND -> add(targets, new SemanticEdits.ListReference(source, false, target));
		case FEEDBACK -> add(targets, new SemanticEdits.SensorAsset(target));
		case ACTION -> "An actuator controls exactly one asset. Connect it to another asset instead, or delete the actuator.";
		case ENERGY -> content.subject().type() == Scene.Type.LINE && info != null && info.hasElement()
				? add(targets, new SemanticEdits.ElementTarget(info.fragment())) // a utility's supply of a machine
				: "Energy flows are computed from the park's sources and consumers. Change their figures in the text.";
		case PROVIDES -> BackgroundProcessesAction.NOT_DELETED;
		};
	}

	private static String add(List<SemanticEdits.Target> targets, SemanticEdits.Target target) {
		targets.add(target);
		return null;
	}

	private String fragment(String figureId) {
		ElementInfo info = content.info(figureId);
		return info == null ? null : info.fragment();
	}

	/** Runs a model edit; afterwards selects the created element (if asked) and reports what else happened. */
	private CompletableFuture<?> apply(SemanticEdits.Edit edit, boolean selectCreated) {
		lastProblem = null;
		CompletableFuture<?> done = model.modify(edit);
		track(done);
		return done.whenComplete((result, failure) -> asyncExec(() -> {
			if (failure != null) {
				error(edit.label(), DiagramModel.message(failure));
				return;
			}
			if (selectCreated && edit.outcome().created() != null) {
				selectAfterRedraw = edit.outcome().created();
				scheduleRedraw();
			}
			List<String> notes = edit.outcome().notes();
			status(notes.isEmpty() ? edit.label() + ": done." : edit.label() + ": also deleted " + String.join(", ", notes) + ".");
		}));
	}

	// ---- text -------------------------------------------------------------------------------------------------

	/** Reveals a figure's element in the text editor of the file (opening it if need be). */
	public void showInText(String figureId) {
		try {
			if (!TextReveal.reveal(getSite().getPage(), file, content == null ? null : content.info(figureId))) {
				status("This figure has no element in the text.");
			}
		} catch (PartInitException e) {
			error("Show in Text", "Cannot open the text editor: " + e.getMessage());
		}
	}

	/** The caret moved in a text editor of the same file: select the innermost figure around it. */
	private void textSelectionChanged(IWorkbenchPart part, ISelection selection) {
		if (part == this || !(part instanceof ITextEditor text) || !(selection instanceof ITextSelection caret)
				|| content == null || content.scene() == null || !file.equals(text.getEditorInput().getAdapter(IFile.class))) {
			return;
		}
		ElementInfo best = null;
		for (Node n : content.scene().nodes()) {
			ElementInfo info = content.info(n.id());
			if (info != null && info.contains(caret.getOffset()) && (best == null || info.length() < best.length())) {
				best = info;
			}
		}
		List<String> ids = best == null ? List.of() : List.of(best.figureId());
		if (!ids.equals(canvas.selection())) {
			syncingFromText = true;
			try {
				canvas.select(ids);
				ids.forEach(canvas::reveal);
			} finally {
				syncingFromText = false;
			}
		}
	}

	// ---- export ----------------------------------------------------------------------------------------------

	/** Asks for a file and exports the shown diagram as PNG or SVG. */
	public void export(boolean svg) {
		if (content == null || content.scene() == null) {
			status("There is no diagram to export.");
			return;
		}
		Path chosen = DiagramExport.choose(getSite().getShell(), svg, content.subject().key(), file);
		if (chosen == null) {
			return;
		}
		try {
			if (svg) {
				exportSvg(chosen);
			} else {
				exportPng(chosen);
			}
			status("Exported the diagram to " + chosen);
		} catch (IOException | RuntimeException e) {
			error("Export", "Cannot export the diagram to " + chosen + ": " + e.getMessage());
		}
	}

	/** Writes the shown diagram as SVG (the report painter's output, with the pinned positions). */
	public void exportSvg(Path target) throws IOException {
		DiagramExport.svg(requireScene(), target);
	}

	/** Writes the shown diagram as PNG at 100 %, drawn with the screen's painter. */
	public void exportPng(Path target) throws IOException {
		DiagramExport.png(canvas.getDisplay(), requireScene(), target);
	}

	private Scene requireScene() throws IOException {
		if (content == null || content.scene() == null) {
			throw new IOException("there is no diagram to export");
		}
		return content.scene();
	}

	// ---- menus, actions, selection ---------------------------------------------------------------------------

	private void createContextMenu() {
		MenuManager menu = new MenuManager("#DiagramContext", CONTEXT_MENU_ID);
		menu.setRemoveAllWhenShown(true);
		menu.addMenuListener(this::fillContextMenu);
		canvas.setMenu(menu.createContextMenu(canvas));
		// without the editor input: its IFile would bring Team, Compare With and Replace With onto the canvas
		getEditorSite().registerContextMenu(CONTEXT_MENU_ID, menu, selectionProvider, false);
	}

	private void fillContextMenu(IMenuManager menu) {
		List<String> selected = canvas.selection();
		menu.add(action("Show in Text", selected.size() == 1, () -> showInText(selected.get(0))));
		menu.add(action("Rename\tF2", selected.size() == 1, () -> canvas.beginRename(selected.get(0))));
		menu.add(action("Delete\tDelete", !selected.isEmpty(), this::deleteSelection));
		menu.add(new Separator());
		menu.add(action("Re-layout", content != null && content.scene() != null, this::relayout));
		menu.add(backgroundProcesses.update(content));
		menu.add(action("Zoom In\t+", true, canvas::zoomIn));
		menu.add(action("Zoom Out\t-", true, canvas::zoomOut));
		menu.add(action("Fit to Window\t0", true, canvas::fit));
		menu.add(new Separator());
		menu.add(action("Export as PNG...", content != null && content.scene() != null, () -> export(false)));
		menu.add(action("Export as SVG...", content != null && content.scene() != null, () -> export(true)));
		menu.add(new Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
	}

	private static IAction action(String label, boolean enabled, Runnable run) {
		Action action = new Action(label) {
			@Override
			public void run() {
				run.run();
			}
		};
		action.setEnabled(enabled);
		return action;
	}

	private void createGlobalActions() {
		IActionBars bars = getEditorSite().getActionBars();
		bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), new UndoActionHandler(getSite(), undoContext));
		bars.setGlobalActionHandler(ActionFactory.REDO.getId(), new RedoActionHandler(getSite(), undoContext));
		bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), action("Delete", true, this::deleteSelection));
		bars.setGlobalActionHandler(ActionFactory.RENAME.getId(), action("Rename", true, () -> {
			if (canvas.selection().size() == 1) {
				canvas.beginRename(canvas.selection().get(0));
			}
		}));
		bars.setGlobalActionHandler(ActionFactory.SELECT_ALL.getId(), action("Select All", true, () -> {
			if (content != null && content.scene() != null) {
				canvas.select(content.scene().nodes().stream().map(Node::id).toList());
			}
		}));
		bars.updateActionBars();
	}

	/** Posts the selected figures' elements to the workbench selection. */
	private final class SelectionProvider implements ISelectionProvider {
		private final org.eclipse.core.runtime.ListenerList<ISelectionChangedListener> listeners = new org.eclipse.core.runtime.ListenerList<>();

		@Override
		public void addSelectionChangedListener(ISelectionChangedListener listener) {
			listeners.add(listener);
		}

		@Override
		public void removeSelectionChangedListener(ISelectionChangedListener listener) {
			listeners.remove(listener);
		}

		@Override
		public ISelection getSelection() {
			if (content == null || canvas == null || canvas.isDisposed()) {
				return StructuredSelection.EMPTY;
			}
			List<Object> elements = new ArrayList<>();
			for (String id : canvas.selection()) {
				Object element = DiagramModel.selectionElement(content.info(id));
				if (element != null) {
					elements.add(element);
				}
			}
			return new StructuredSelection(elements);
		}

		@Override
		public void setSelection(ISelection selection) {
			// Selections come from the canvas; other parts do not set the diagram's.
		}

		void fire() {
			if (syncingFromText) {
				return; // the text's caret moved the diagram selection: do not move the caret in turn
			}
			SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
			for (ISelectionChangedListener l : listeners) {
				l.selectionChanged(event);
			}
		}
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (adapter == IPropertySheetPage.class) {
			// Shows (and edits, through the text) the properties of the selected nodes' elements.
			return adapter.cast(new ModelPropertySheetPage());
		}
		return super.getAdapter(adapter);
	}

	// ---- access for commands and tests -------------------------------------------------------------------

	/** The canvas (for commands and tests). */
	public DiagramCanvas canvas() {
		return canvas;
	}

	/** The Show Background Processes toggle (for commands and tests). */
	public BackgroundProcessesAction backgroundProcesses() {
		return backgroundProcesses;
	}

	/** The palette (for tests). */
	public Palette palette() {
		return palette;
	}

	/** The drawing shown, or {@code null} before the first one (for tests). */
	public DiagramContent content() {
		return content;
	}

	/** The file shown. */
	public IFile file() {
		return file;
	}

	/** The diagram tabs (for tests). */
	public CTabFolder tabs() {
		return tabs;
	}

	/** Whether no drawing, edit or redraw is under way and the shown drawing is of the current text (for tests). */
	public boolean isIdle() {
		pending.removeIf(CompletableFuture::isDone);
		return pending.isEmpty() && !redrawScheduled && content != null && content.version() == model.version();
	}

	private void track(CompletableFuture<?> future) {
		pending.removeIf(CompletableFuture::isDone);
		pending.add(future);
	}

	private IOperationHistory history() {
		return PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
	}

	private void status(String message) {
		getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
	}

	/** The last problem reported on the status line since the last edit started, or {@code null} (for tests). */
	public String lastProblem() {
		return lastProblem;
	}

	private void error(String what, String message) {
		lastProblem = what + ": " + message;
		getEditorSite().getActionBars().getStatusLineManager().setErrorMessage(what + ": " + message);
		ILog.of(DiagramEditor.class).info(what + " in " + file.getFullPath() + ": " + message);
	}

	private void asyncExec(Runnable runnable) {
		Display display = canvas == null || canvas.isDisposed() ? null : canvas.getDisplay();
		if (display != null) {
			display.asyncExec(() -> {
				if (!canvas.isDisposed()) {
					runnable.run();
				}
			});
		}
	}
}
