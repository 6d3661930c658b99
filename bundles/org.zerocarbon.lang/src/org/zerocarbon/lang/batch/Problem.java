package org.zerocarbon.lang.batch;

import java.util.Comparator;

/**
 * One problem found in a model file, independent of where it is shown (problem marker, CLI line, CI log).
 *
 * @param fileUri    the file, as an EMF URI string ({@code file:/...})
 * @param line       1-based line, or 0 when the problem concerns the file as a whole
 * @param column     1-based column, or 0 when unknown
 * @param offset     0-based character offset, or -1 when unknown
 * @param length     number of characters, or 0 when unknown
 * @param severity   how bad it is
 * @param code       stable issue code (see {@code ZcIssueCodes}), never null
 * @param message    user-facing message saying what is wrong
 * @param elementUri EMF URI of the model element concerned, or null
 */
public record Problem(String fileUri, int line, int column, int offset, int length, Severity severity, String code, String message,
		String elementUri) {

	/** Severity of a problem. */
	public enum Severity {
		ERROR, WARNING, INFO;

		/** Lower-case label used in CLI output, e.g. {@code error}. */
		public String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}
	}

	/**
	 * A problem located at a model element's text: the first line of its definition (markers underline that
	 * line, not the element's whole body). Used for findings of engines that work on the model, such as unmet
	 * criteria, which have no parser position of their own.
	 */
	public static Problem at(org.eclipse.emf.ecore.EObject element, Severity severity, String code, String message) {
		org.eclipse.xtext.nodemodel.ICompositeNode node = org.eclipse.xtext.nodemodel.util.NodeModelUtils.findActualNodeFor(element);
		int length = 0;
		if (node != null) {
			String text = node.getText().stripLeading();
			int newline = text.indexOf('\n');
			length = newline < 0 ? text.length() : newline;
		}
		return new Problem(element.eResource().getURI().toString(), node == null ? 0 : node.getStartLine(), 1,
				node == null ? -1 : node.getOffset(), length, severity, code, message,
				org.eclipse.emf.ecore.util.EcoreUtil.getURI(element).toString());
	}

	/** Orders problems by file, then line, then column: the order a user reads them in. */
	public static final Comparator<Problem> READING_ORDER = Comparator.comparing(Problem::fileUri)
			.thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);
}
