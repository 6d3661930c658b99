package org.zerocarbon.lang.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.preference.PreferenceConverter;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRewriteTarget;
import org.eclipse.jface.text.ITextOperationTarget;
import org.eclipse.jface.text.ITextSelection;
import org.eclipse.jface.text.source.DefaultCharacterPairMatcher;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.jface.text.source.IVerticalRuler;
import org.eclipse.jface.text.source.projection.ProjectionSupport;
import org.eclipse.jface.text.source.projection.ProjectionViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextEditor;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.AbstractDecoratedTextEditorPreferenceConstants;
import org.eclipse.ui.texteditor.ChainedPreferenceStore;
import org.eclipse.ui.texteditor.ContentAssistAction;
import org.eclipse.ui.texteditor.ITextEditor;
import org.eclipse.ui.texteditor.ITextEditorActionDefinitionIds;
import org.eclipse.ui.texteditor.SourceViewerDecorationSupport;
import org.eclipse.ui.views.contentoutline.IContentOutlinePage;
import org.zerocarbon.lang.ui.internal.Analysis;
import org.zerocarbon.lang.ui.internal.Analysis.Location;
import org.zerocarbon.lang.ui.internal.Analysis.QuickFix;
import org.zerocarbon.lang.ui.internal.AnalysisPresenter;
import org.zerocarbon.lang.ui.internal.Analyzer;
import org.zerocarbon.lang.ui.internal.EditApplier;
import org.zerocarbon.lang.ui.internal.LanguageAccess;
import org.zerocarbon.lang.ui.internal.LanguageFeatures;
import org.zerocarbon.lang.ui.internal.ModelSession;
import org.zerocarbon.lang.ui.internal.OutlinePage;
import org.zerocarbon.lang.ui.internal.Partitions;
import org.zerocarbon.lang.ui.internal.Rename;
import org.zerocarbon.lang.ui.internal.TextChanges;
import org.zerocarbon.lang.ui.internal.ZcSourceViewerConfiguration;

/**
 * The text editor for ZeroCarbon model files ({@code *.zc}). A plain JFace {@link TextEditor} (so undo, find,
 * save and everything else of a platform text editor work as usual) whose language features come from Xtext's IDE
 * services, called in-process on one background thread (see {@code LanguageAccess}); the UI thread never parses.
 * <p>
 * Commands (format, toggle comment, open declaration, rename) are declared with their key bindings in
 * {@code plugin.xml} and call the public methods here.
 */
public class ZcEditor extends TextEditor {

	/** The editor id, as registered in {@code plugin.xml}. */
	public static final String ID = "org.zerocarbon.lang.ui.editor";
	/** The key-binding context active in this editor. */
	public static final String CONTEXT_ID = "org.zerocarbon.lang.ui.editorScope";

	private static final String MATCHING_BRACKETS = "org.zerocarbon.lang.ui.matchingBrackets";
	private static final String MATCHING_BRACKETS_COLOR = "org.zerocarbon.lang.ui.matchingBracketsColor";

	private ModelSession session;
	private AnalysisPresenter presenter;
	private ProjectionSupport projection;
	private OutlinePage outline;
	private Display display;

	@Override
	protected void initializeEditor() {
		super.initializeEditor();
		PreferenceStore own = new PreferenceStore();
		own.setDefault(MATCHING_BRACKETS, true);
		PreferenceConverter.setDefault(own, MATCHING_BRACKETS_COLOR, new RGB(128, 128, 128));
		IPreferenceStore preferences = new ChainedPreferenceStore(
				new IPreferenceStore[] { own, EditorsUI.getPreferenceStore() });
		setPreferenceStore(preferences);
		setSourceViewerConfiguration(new ZcSourceViewerConfiguration(this, preferences));
		setKeyBindingScopes(new String[] { CONTEXT_ID });
		// Start the language (injector creation takes a moment) while the editor builds its widgets.
		LanguageAccess.get();
	}

	@Override
	protected ISourceViewer createSourceViewer(Composite parent, IVerticalRuler ruler, int styles) {
		ProjectionViewer viewer = new ProjectionViewer(parent, ruler, getOverviewRuler(), isOverviewRulerVisible(),
				styles);
		getSourceViewerDecorationSupport(viewer);
		return viewer;
	}

	@Override
	protected void configureSourceViewerDecorationSupport(SourceViewerDecorationSupport support) {
		support.setCharacterPairMatcher(new DefaultCharacterPairMatcher(new char[] { '{', '}', '(', ')', '[', ']' },
				Partitions.PARTITIONING));
		support.setMatchingCharacterPainterPreferenceKeys(MATCHING_BRACKETS, MATCHING_BRACKETS_COLOR);
		super.configureSourceViewerDecorationSupport(support);
	}

	@Override
	public void createPartControl(Composite parent) {
		super.createPartControl(parent);
		display = parent.getDisplay();
		ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
		projection = new ProjectionSupport(viewer, getAnnotationAccess(), getSharedColors());
		projection.install();
		viewer.doOperation(ProjectionViewer.TOGGLE);
		attachPresenter();
		if (LanguageAccess.get().injectorIfReady() == null) {
			// The first paint was plain text (the lexer comes with the language); colour it once it is there.
			LanguageAccess.get().whenReady().thenRun(() -> asyncExec(viewer::invalidateTextPresentation));
		}
	}

	@Override
	protected void createActions() {
		super.createActions();
		ContentAssistAction assist = new ContentAssistAction(new java.util.ListResourceBundle() {
			@Override
			protected Object[][] getContents() {
				return new Object[][] { { "ContentAssistProposal.label", "Content Assist" },
						{ "ContentAssistProposal.tooltip", "Content Assist" },
						{ "ContentAssistProposal.description", "Shows what can be written at the caret" } };
			}
		}, "ContentAssistProposal.", this);
		assist.setActionDefinitionId(ITextEditorActionDefinitionIds.CONTENT_ASSIST_PROPOSALS);
		setAction("ContentAssistProposal", assist);
	}

	@Override
	protected void doSetInput(IEditorInput input) throws CoreException {
		super.doSetInput(input);
		if (session != null) {
			detachPresenter();
			session.dispose();
			session = null;
		}
		IDocument document = getDocumentProvider().getDocument(input);
		if (document == null) {
			return;
		}
		Partitions.install(document);
		IFile file = input.getAdapter(IFile.class);
		URI uri;
		if (file != null) {
			uri = ModelSession.uriOf(file);
		} else if (input instanceof IURIEditorInput external) {
			uri = URI.createURI(external.getURI().toString());
		} else {
			uri = URI.createURI("inmemory:/" + input.getName());
		}
		session = new ModelSession(document, file, uri);
		if (getSourceViewer() != null) {
			attachPresenter();
		}
	}

	private void attachPresenter() {
		if (session == null || presenter != null) {
			return;
		}
		ProjectionViewer viewer = (ProjectionViewer) getSourceViewer();
		IAnnotationModel annotations = getDocumentProvider().getAnnotationModel(getEditorInput());
		presenter = new AnalysisPresenter(session, viewer, annotations != null ? annotations : viewer.getAnnotationModel());
		if (outline != null) {
			outline.attach(presenter);
		}
	}

	private void detachPresenter() {
		if (presenter != null) {
			presenter.dispose();
			presenter = null;
		}
	}

	@Override
	public void dispose() {
		detachPresenter();
		if (session != null) {
			session.dispose();
			session = null;
		}
		if (projection != null) {
			projection.dispose();
		}
		super.dispose();
	}

	@Override
	public <T> T getAdapter(Class<T> adapter) {
		if (IContentOutlinePage.class.equals(adapter)) {
			if (outline == null || outline.getControl() == null || outline.getControl().isDisposed()) {
				outline = new OutlinePage(this);
				if (presenter != null) {
					outline.attach(presenter);
				}
			}
			return adapter.cast(outline);
		}
		return super.getAdapter(adapter);
	}

	/** The Xtext session of the current input (internal; for the editor's parts and tests). */
	public ModelSession session() {
		return session;
	}

	/** Shows analyses on screen (internal; for the editor's parts and tests). */
	public AnalysisPresenter presenter() {
		return presenter;
	}

	/** The source viewer (public for commands and tests). */
	public ISourceViewer viewer() {
		return getSourceViewer();
	}

	/**
	 * Checks the model against the current text and shows the result. Called by the reconciler on its own
	 * thread, which this blocks until the check is done (so checks never pile up); never call it on the UI thread.
	 */
	public void reconcile() {
		ModelSession current = session;
		if (current == null) {
			return;
		}
		CompletableFuture<Analysis> analysis = current.read("checking the model", Analyzer::analyze);
		analysis.thenAccept(result -> asyncExec(() -> {
			if (presenter != null && session == current) {
				presenter.show(result);
			}
		}));
		try {
			analysis.join();
		} catch (RuntimeException e) {
			// Already logged by LanguageAccess; the next keystroke triggers a new check.
		}
	}

	/** Formats the selection, or the whole file when nothing is selected (Ctrl+Shift+F). UI thread. */
	public void format() {
		ITextSelection selection = (ITextSelection) getSelectionProvider().getSelection();
		IPreferenceStore preferences = getPreferenceStore();
		int tabWidth = preferences.getInt(AbstractDecoratedTextEditorPreferenceConstants.EDITOR_TAB_WIDTH);
		boolean spaces = preferences.getBoolean(AbstractDecoratedTextEditorPreferenceConstants.EDITOR_SPACES_FOR_TABS);
		int offset = selection.getLength() == 0 ? 0 : selection.getOffset();
		int length = selection.getLength();
		change("formatting", s -> LanguageFeatures.format(s, offset, length, tabWidth <= 0 ? 4 : tabWidth, spaces),
				"The file is already formatted.");
	}

	/** Applies a quick fix picked from Ctrl+1. UI thread. */
	public void applyFix(QuickFix fix) {
		change("quick fix '" + fix.label() + "'", s -> fix.fix().compute(), "The quick fix changed nothing.");
	}

	private void change(String what, Function<ModelSession.Snapshot, TextChanges> compute, String nothingMessage) {
		ModelSession current = session;
		if (current == null) {
			return;
		}
		current.read(what, compute).whenComplete((changes, failure) -> asyncExec(() -> {
			if (failure != null) {
				status(capitalized(what) + " failed: " + LanguageAccess.unwrapMessage(failure) + " (see the Error Log)");
			} else if (changes == null) {
				status("The text changed while " + what + " was computed. Try again.");
			} else if (changes.isEmpty()) {
				status(nothingMessage);
			} else {
				String problem = EditApplier.apply(changes, current, getAdapter(IRewriteTarget.class));
				status(problem);
			}
		}));
	}

	/** Jumps to the declaration of the reference at the caret, in this or another file (F3). UI thread. */
	public void openDeclaration() {
		ModelSession current = session;
		if (current == null) {
			return;
		}
		int offset = ((ITextSelection) getSelectionProvider().getSelection()).getOffset();
		current.read("open declaration", s -> LanguageFeatures.declarationAt(s, offset))
				.whenComplete((location, failure) -> asyncExec(() -> {
					if (failure != null) {
						status("Open Declaration failed: " + LanguageAccess.unwrapMessage(failure));
					} else if (location == null) {
						status("There is no reference to a declaration at the caret.");
					} else {
						open(location);
					}
				}));
	}

	/** Reveals a location: in this editor, or in the editor of another workspace file. UI thread. */
	public void open(Location location) {
		if (session != null && location.file().equals(session.uri())) {
			selectAndReveal(location.region().offset(), location.region().length());
			return;
		}
		IFile file = ModelSession.fileOf(location.file());
		if (file == null || !file.exists()) {
			status("The declaration is in " + location.file() + ", which is not a file of the workspace.");
			return;
		}
		try {
			IEditorPart part = IDE.openEditor(getSite().getPage(), file, true);
			if (part instanceof ITextEditor text) {
				text.selectAndReveal(location.region().offset(), location.region().length());
			}
		} catch (PartInitException e) {
			status("Cannot open " + file.getFullPath() + ": " + e.getMessage());
		}
	}

	/**
	 * Renames the element at the caret and every reference to it in the project and the projects it references
	 * (Alt+Shift+R). Asks for the new name; other files must have no unsaved changes, and are saved with the
	 * change. UI thread.
	 */
	public void rename() {
		ModelSession current = session;
		if (current == null) {
			return;
		}
		int offset = ((ITextSelection) getSelectionProvider().getSelection()).getOffset();
		current.read("rename", s -> Rename.targetAt(s, offset)).whenComplete((target, failure) -> asyncExec(() -> {
			if (failure != null) {
				status("Rename failed: " + LanguageAccess.unwrapMessage(failure));
				return;
			}
			if (target == null) {
				status("Put the caret on the name of an element, or on a reference to one, to rename it.");
				return;
			}
			InputDialog dialog = new InputDialog(getSite().getShell(), "Rename",
					"New name for '" + target.name() + "' (its references in other files are updated and saved):",
					target.name(), text -> text.isBlank() || text.chars().anyMatch(Character::isWhitespace)
							? "A name cannot be empty or contain spaces." : null);
			if (dialog.open() != Window.OK || dialog.getValue().equals(target.name())) {
				return;
			}
			String newName = dialog.getValue();
			change("renaming '" + target.name() + "'", s -> Rename.compute(s, offset, newName),
					"Nothing refers to '" + target.name() + "'.");
		}));
	}

	/**
	 * Comments the selected lines out with the grammar's line-comment prefix, or back in when all of them are
	 * comments already (Ctrl+/). UI thread.
	 */
	public void toggleComment() {
		ISourceViewer viewer = getSourceViewer();
		ITextSelection selection = (ITextSelection) getSelectionProvider().getSelection();
		IDocument document = viewer.getDocument();
		String prefix = org.zerocarbon.lang.ui.internal.CommentSyntax.lineCommentPrefix();
		boolean allCommented = true;
		try {
			for (int line = selection.getStartLine(); line <= Math.max(selection.getStartLine(), selection.getEndLine()); line++) {
				String text = document.get(document.getLineOffset(line), document.getLineLength(line));
				String trimmed = text.strip();
				if (!trimmed.isEmpty() && !trimmed.startsWith(prefix)) {
					allCommented = false;
					break;
				}
			}
		} catch (org.eclipse.jface.text.BadLocationException e) {
			status("Cannot toggle the comment: the selection is outside the text.");
			return;
		}
		int operation = allCommented ? ITextOperationTarget.STRIP_PREFIX : ITextOperationTarget.PREFIX;
		ITextOperationTarget target = (ITextOperationTarget) viewer;
		if (target.canDoOperation(operation)) {
			target.doOperation(operation);
		}
	}

	private void status(String message) {
		if (getEditorSite() != null) {
			getEditorSite().getActionBars().getStatusLineManager().setMessage(message);
		}
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private void asyncExec(Runnable runnable) {
		Display display = this.display;
		if (display != null && !display.isDisposed()) {
			display.asyncExec(() -> {
				if (getSourceViewer() != null && getSourceViewer().getTextWidget() != null
						&& !getSourceViewer().getTextWidget().isDisposed()) {
					runnable.run();
				}
			});
		}
	}
}
