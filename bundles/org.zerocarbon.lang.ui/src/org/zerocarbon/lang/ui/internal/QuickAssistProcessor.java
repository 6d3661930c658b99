package org.zerocarbon.lang.ui.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.zerocarbon.lang.ui.internal.Analysis.QuickFix;

/**
 * Ctrl+1: the quick fixes the language's {@code IQuickFixProvider} offers for the problems at the caret. The fixes
 * were listed when the problems were computed, so opening the list is instant; picking one computes its edits on
 * the language thread and applies them as one undoable change.
 */
public final class QuickAssistProcessor implements IQuickAssistProcessor {

	/** Runs a picked fix; implemented by the editor (language thread, then UI thread). */
	public interface FixRunner {
		/** Computes and applies a fix. */
		void run(QuickFix fix);
	}

	private final Supplier<IAnnotationModel> annotations;
	private final FixRunner runner;

	/**
	 * @param annotations the editor's annotation model
	 * @param runner      applies a picked fix
	 */
	public QuickAssistProcessor(Supplier<IAnnotationModel> annotations, FixRunner runner) {
		this.annotations = annotations;
		this.runner = runner;
	}

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof ProblemAnnotation problem && !problem.problem().fixes().isEmpty();
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext invocationContext) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		IAnnotationModel model = annotations.get();
		if (model == null) {
			return null;
		}
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (ProblemAnnotation problem : problemsAt(model, context.getOffset())) {
			for (QuickFix fix : problem.problem().fixes()) {
				proposals.add(new FixProposal(fix, runner));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** The live problem annotations whose range touches the offset. */
	public static List<ProblemAnnotation> problemsAt(IAnnotationModel model, int offset) {
		List<ProblemAnnotation> result = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (it.next() instanceof ProblemAnnotation problem && !problem.isMarkedDeleted()) {
				Position position = model.getPosition(problem);
				if (position != null && offset >= position.offset && offset <= position.offset + position.length) {
					result.add(problem);
				}
			}
		}
		return result;
	}

	/** A fix in the Ctrl+1 list. */
	static final class FixProposal implements ICompletionProposal {
		private final QuickFix fix;
		private final FixRunner runner;

		FixProposal(QuickFix fix, FixRunner runner) {
			this.fix = fix;
			this.runner = runner;
		}

		@Override
		public void apply(IDocument document) {
			runner.run(fix);
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return null;
		}

		@Override
		public String getDisplayString() {
			return fix.label();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
