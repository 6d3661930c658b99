package org.zerocarbon.lang.ui.internal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.DocumentEvent;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContentAssistProcessor;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.contentassist.IContextInformationValidator;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.zerocarbon.lang.ui.internal.LanguageFeatures.Proposal;

/**
 * Content assist from Xtext's {@code IdeContentProposalProvider}. The content assistant runs in asynchronous
 * mode, so this processor is called on a background thread and may wait for the language thread; the UI stays
 * responsive and shows the proposals when they arrive.
 */
public final class ContentAssistProcessor implements IContentAssistProcessor {

	private final Supplier<ModelSession> session;
	private String errorMessage;

	/** @param session the editor's current session (it changes when the editor's input changes) */
	public ContentAssistProcessor(Supplier<ModelSession> session) {
		this.session = session;
	}

	@Override
	public ICompletionProposal[] computeCompletionProposals(ITextViewer viewer, int offset) {
		errorMessage = null;
		ModelSession current = session.get();
		if (current == null) {
			return new ICompletionProposal[0];
		}
		try {
			List<Proposal> proposals = current.read("content assist", s -> LanguageFeatures.proposals(s, offset))
					.get(10, TimeUnit.SECONDS);
			return proposals.stream().map(p -> new ZcProposal(p, offset)).toArray(ICompletionProposal[]::new);
		} catch (TimeoutException e) {
			errorMessage = "Content assist took too long; the model is still being analysed. Try again.";
		} catch (ExecutionException e) {
			errorMessage = "Content assist failed: " + LanguageAccess.unwrap(e).getMessage() + " (see the Error Log)";
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		return new ICompletionProposal[0];
	}

	@Override
	public IContextInformation[] computeContextInformation(ITextViewer viewer, int offset) {
		return null;
	}

	@Override
	public char[] getCompletionProposalAutoActivationCharacters() {
		return new char[] { '.' };
	}

	@Override
	public char[] getContextInformationAutoActivationCharacters() {
		return null;
	}

	@Override
	public String getErrorMessage() {
		return errorMessage;
	}

	@Override
	public IContextInformationValidator getContextInformationValidator() {
		return null;
	}

	/**
	 * One proposal. It replaces the prefix typed before the invocation offset, and stays in the list while the
	 * user keeps typing characters that still match it.
	 */
	static final class ZcProposal implements ICompletionProposal, ICompletionProposalExtension2 {
		private final Proposal proposal;
		private final int replacementOffset;
		private int cursor;

		ZcProposal(Proposal proposal, int invocationOffset) {
			this.proposal = proposal;
			this.replacementOffset = invocationOffset - proposal.prefixLength();
		}

		/** The text the proposal inserts. */
		String text() {
			return proposal.text();
		}

		@Override
		public void apply(IDocument document) {
			apply(document, replacementOffset + proposal.prefixLength());
		}

		private void apply(IDocument document, int offset) {
			try {
				document.replace(replacementOffset, offset - replacementOffset, proposal.text());
				cursor = replacementOffset + proposal.text().length();
			} catch (BadLocationException e) {
				// The document changed under the popup; applying nothing is the only safe choice.
				cursor = offset;
			}
		}

		@Override
		public void apply(ITextViewer viewer, char trigger, int stateMask, int offset) {
			apply(viewer.getDocument(), offset);
		}

		@Override
		public Point getSelection(IDocument document) {
			return new Point(cursor, 0);
		}

		@Override
		public String getAdditionalProposalInfo() {
			return proposal.documentation();
		}

		@Override
		public String getDisplayString() {
			return proposal.description() == null || proposal.description().isBlank() ? proposal.label()
					: proposal.label() + " - " + proposal.description();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}

		@Override
		public void selected(ITextViewer viewer, boolean smartToggle) {
			// No preview.
		}

		@Override
		public void unselected(ITextViewer viewer) {
			// No preview.
		}

		@Override
		public boolean validate(IDocument document, int offset, DocumentEvent event) {
			if (offset < replacementOffset) {
				return false;
			}
			try {
				String typed = document.get(replacementOffset, offset - replacementOffset);
				return proposal.text().regionMatches(true, 0, typed, 0, typed.length());
			} catch (BadLocationException e) {
				return false;
			}
		}
	}
}
