package org.zerocarbon.lang.ui.internal;

import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.jface.text.DefaultInformationControl;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IInformationControlCreator;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextHover;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.quickassist.IQuickAssistAssistant;
import org.eclipse.jface.text.quickassist.QuickAssistAssistant;
import org.eclipse.jface.text.reconciler.DirtyRegion;
import org.eclipse.jface.text.reconciler.IReconciler;
import org.eclipse.jface.text.reconciler.IReconcilingStrategy;
import org.eclipse.jface.text.reconciler.IReconcilingStrategyExtension;
import org.eclipse.jface.text.reconciler.MonoReconciler;
import org.eclipse.jface.text.rules.DefaultDamagerRepairer;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.zerocarbon.lang.ui.ZcEditor;

/**
 * Wires the editor's JFace pieces to the language: colouring, the reconciler that checks the model while the user
 * types, content assist, hover, hyperlinks, quick fixes and the comment prefix.
 */
public final class ZcSourceViewerConfiguration extends TextSourceViewerConfiguration {

	/** How long typing must pause before the model is checked again. */
	public static final int RECONCILE_DELAY_MS = 300;

	private final ZcEditor editor;

	/** @param editor the editor this configures */
	public ZcSourceViewerConfiguration(ZcEditor editor, IPreferenceStore preferences) {
		super(preferences);
		this.editor = editor;
	}

	@Override
	public String getConfiguredDocumentPartitioning(ISourceViewer sourceViewer) {
		return Partitions.PARTITIONING;
	}

	@Override
	public String[] getConfiguredContentTypes(ISourceViewer sourceViewer) {
		return Partitions.TYPES;
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		reconciler.setDocumentPartitioning(Partitions.PARTITIONING);
		add(reconciler, IDocument.DEFAULT_CONTENT_TYPE, new SyntaxScanner());
		add(reconciler, Partitions.COMMENT, new SingleStyleScanner(HighlightingStyles.COMMENT_ID));
		add(reconciler, Partitions.STRING, new SingleStyleScanner(HighlightingStyles.STRING_ID));
		return reconciler;
	}

	private static void add(PresentationReconciler reconciler, String type, ITokenScanner scanner) {
		DefaultDamagerRepairer repairer = new DefaultDamagerRepairer(scanner);
		reconciler.setDamager(repairer, type);
		reconciler.setRepairer(repairer, type);
	}

	@Override
	public IReconciler getReconciler(ISourceViewer sourceViewer) {
		MonoReconciler reconciler = new MonoReconciler(new CheckStrategy(), false);
		reconciler.setDelay(RECONCILE_DELAY_MS);
		return reconciler;
	}

	/** Runs on the reconciler's thread; hands the work to the language thread and waits for it there. */
	private final class CheckStrategy implements IReconcilingStrategy, IReconcilingStrategyExtension {
		@Override
		public void setDocument(IDocument document) {
			// The session follows the document itself.
		}

		@Override
		public void reconcile(DirtyRegion dirtyRegion, IRegion subRegion) {
			editor.reconcile();
		}

		@Override
		public void reconcile(IRegion partition) {
			editor.reconcile();
		}

		@Override
		public void setProgressMonitor(IProgressMonitor monitor) {
			// Staleness is detected by document version instead (ModelSession.Snapshot#outdated).
		}

		@Override
		public void initialReconcile() {
			editor.reconcile();
		}
	}

	/** Indentation after Enter and brace insertion in code; comments and strings are typed as they are. */
	@Override
	public org.eclipse.jface.text.IAutoEditStrategy[] getAutoEditStrategies(ISourceViewer sourceViewer, String contentType) {
		return IDocument.DEFAULT_CONTENT_TYPE.equals(contentType) ? new org.eclipse.jface.text.IAutoEditStrategy[] { new BraceAutoEditStrategy() }
				: super.getAutoEditStrategies(sourceViewer, contentType);
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		// Asynchronous: the processor is called off the UI thread and may wait for the language thread.
		ContentAssistant assistant = new ContentAssistant(true);
		assistant.setDocumentPartitioning(Partitions.PARTITIONING);
		assistant.setContentAssistProcessor(new ContentAssistProcessor(session()), IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(300);
		assistant.enableAutoInsert(false);
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		assistant.setStatusLineVisible(true);
		assistant.setStatusMessage("Press Ctrl+Space again to refresh");
		return assistant;
	}

	private Supplier<ModelSession> session() {
		return editor::session;
	}

	@Override
	public ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new TextHover(session());
	}

	@Override
	public IInformationControlCreator getInformationControlCreator(ISourceViewer sourceViewer) {
		return parent -> new DefaultInformationControl(parent, EditorsUI.getTooltipAffordanceString());
	}

	@Override
	public IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
		IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(sourceViewer);
		IHyperlinkDetector[] detectors = new IHyperlinkDetector[(inherited == null ? 0 : inherited.length) + 1];
		detectors[0] = new HyperlinkDetector(editor::presenter, editor::open);
		if (inherited != null) {
			System.arraycopy(inherited, 0, detectors, 1, inherited.length);
		}
		return detectors;
	}

	@Override
	public IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		QuickAssistAssistant assistant = new QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new QuickAssistProcessor(sourceViewer::getAnnotationModel, editor::applyFix));
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { CommentSyntax.lineCommentPrefix(), "" };
	}

	@Override
	public String[] getIndentPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { "\t", "    ", "" };
	}
}
