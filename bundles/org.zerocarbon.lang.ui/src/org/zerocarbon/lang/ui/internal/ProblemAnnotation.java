package org.zerocarbon.lang.ui.internal;

import org.eclipse.jface.text.source.Annotation;
import org.zerocarbon.lang.ui.internal.Analysis.Problem;

/**
 * A validation issue shown while typing, before any save. It uses the platform's error, warning and info
 * annotation types, so the rulers, the overview ruler and the squiggles look like every other editor's.
 */
public final class ProblemAnnotation extends Annotation {

	/** Platform annotation type for errors. */
	public static final String ERROR = "org.eclipse.ui.workbench.texteditor.error";
	/** Platform annotation type for warnings. */
	public static final String WARNING = "org.eclipse.ui.workbench.texteditor.warning";
	/** Platform annotation type for infos. */
	public static final String INFO = "org.eclipse.ui.workbench.texteditor.info";

	private final Problem problem;

	ProblemAnnotation(Problem problem) {
		super(switch (problem.severity()) {
			case ERROR -> ERROR;
			case WARNING -> WARNING;
			case INFO -> INFO;
		}, false, problem.message());
		this.problem = problem;
	}

	/** The issue, with its code and quick fixes. */
	public Problem problem() {
		return problem;
	}
}
