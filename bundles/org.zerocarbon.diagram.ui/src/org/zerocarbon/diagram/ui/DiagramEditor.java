package org.zerocarbon.diagram.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
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
import org.zerocarbon.diagram.ui.internal.ProblemBadges;
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

	// Package-private: the editor's collaborators (EditorEdits, EditorMenus, EditorSelection) share them.
	private IFile file;
	private ITextFileBuffer buffer;
	private IDocument document;
	DiagramModel model;
	LayoutSidecar sidecar;
	IUndoContext undoContext;

	DiagramCanvas canvas;
	Palette palette;
	private CTabFolder tabs;
	DiagramContent content;
	String subjectKey;
	private long generation;
	private boolean redrawScheduled;
	String selectAfterRedraw;
	private boolean lastDirty;
	String lastProblem;
	BackgroundProcessesAction backgroundProcesses;
	final EditorSelection selectionProvider = new EditorSelection(this);
	private final EditorEdits edits = new EditorEdits(this);
	private final EditorMenus menus = new EditorMenus(this);
	final EditorStatus statusLine = new EditorStatus(this);
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
	private final ISelectionListener textSelectionListener = selectionProvider::textSelectionChanged;

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
		canvas = new DiagramCanvas(tabs, edits.new CanvasHandler());
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
		menus.createContextMenu();
		menus.createGlobalActions();
		getSite().getService(IContextService.class).activateContext(CONTEXT_ID);
		getSite().setSelectionProvider(selectionProvider);
		getSite().getPage().addPostSelectionListener(textSelectionListener);
		document.addDocumentListener(documentListener);
		ResourcesPlugin.getWorkspace().addResourceChangeListener(markerListener, IResourceChangeEvent.POST_CHANGE);
		ZcBuildResults.addListener(buildListener);
		statusLine.start();
		redraw();
	}

	@Override
	public void dispose() {
		statusLine.stop();
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

	void scheduleRedraw() {
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
		statusLine.zoomMayHaveChanged(); // the opening zoom, or an automatic zoom that followed the new drawing
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

	// ---- edits: the canvas's gestures as model edits and pins (EditorEdits) --------------------------------

	/** Clears the shown diagram's pins: every node goes back to the automatic layout. Undoable. */
	public void relayout() {
		edits.relayout();
	}

	/** Deletes the selected figures' elements (and what cannot exist without them). */
	public void deleteSelection() {
		edits.deleteSelection();
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

	void track(CompletableFuture<?> future) {
		pending.removeIf(CompletableFuture::isDone);
		pending.add(future);
	}

	IOperationHistory history() {
		return PlatformUI.getWorkbench().getOperationSupport().getOperationHistory();
	}

	void status(String message) {
		statusLine.message(message);
	}

	/** The last problem reported on the status line since the last edit started, or {@code null} (for tests). */
	public String lastProblem() {
		return lastProblem;
	}

	void error(String what, String message) {
		lastProblem = what + ": " + message;
		statusLine.error(what + ": " + message);
		ILog.of(DiagramEditor.class).info(what + " in " + file.getFullPath() + ": " + message);
	}

	void asyncExec(Runnable runnable) {
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
