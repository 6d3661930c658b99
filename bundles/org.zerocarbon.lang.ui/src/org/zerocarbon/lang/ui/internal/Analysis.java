package org.zerocarbon.lang.ui.internal;

import java.util.List;

import org.eclipse.emf.common.util.URI;

/**
 * Everything the editor shows about one version of the document, computed in one pass on the language thread
 * after each reconcile and then applied on the UI thread only if the document is still at {@link #version()}.
 * Plain immutable data: no EMF objects escape the language thread.
 *
 * @param version    the document version the analysis was computed for
 * @param problems   validation issues, in document order
 * @param highlights semantic highlighting ranges
 * @param references every resolved cross-reference in the file
 * @param outline    the named elements of the file, as a tree
 * @param folds      foldable regions (line-aligned: start of the first line to the end of the last line)
 */
public record Analysis(long version, List<Problem> problems, List<Highlight> highlights, List<Reference> references,
		List<OutlineNode> outline, List<Region> folds) {

	/** A text range. */
	public record Region(int offset, int length) {
		/** Whether {@code position} lies within or at the end of this range. */
		public boolean contains(int position) {
			return position >= offset && position <= offset + length;
		}
	}

	/** Where an element is: its file and the range of its name (or whole text when it has no name). */
	public record Location(URI file, Region region) {
	}

	/** One semantic highlighting range with an Xtext highlighting style id (see {@code HighlightingStyles}). */
	public record Highlight(int offset, int length, String styleId) {
	}

	/**
	 * A cross-reference: the text of the reference in this file and the element it resolves to.
	 *
	 * @param targetUri the EMF URI of the target element, which identifies it across files
	 */
	public record Reference(Region region, String targetUri, Location target) {
	}

	/**
	 * A validation issue.
	 *
	 * @param code  the issue code (stable problem id); {@code null} when the validator gave none
	 * @param fixes the quick fixes the language offers for it (possibly empty)
	 */
	public record Problem(Region region, Severity severity, String message, String code, int line,
			List<QuickFix> fixes) {
	}

	/** Issue severity. */
	public enum Severity {
		ERROR, WARNING, INFO
	}

	/**
	 * A quick fix: a label, and the way to compute its text edits on the language thread for the version it was
	 * offered for.
	 */
	public record QuickFix(String label, QuickFixes.Applicable fix) {
	}

	/**
	 * A named element in the outline.
	 *
	 * @param label    name and kind, e.g. {@code m1 : Machine}
	 * @param kind     the metamodel class name
	 * @param uri      the element's EMF URI
	 * @param full     the whole text of the element
	 * @param name     the name (what gets selected)
	 * @param children nested named elements
	 * @param detail   the element's key figure (a factor's value, a fuel's amount ...), or null
	 */
	public record OutlineNode(String label, String kind, String uri, Region full, Region name,
			List<OutlineNode> children, String detail) {

		public OutlineNode(String label, String kind, String uri, Region full, Region name, List<OutlineNode> children) {
			this(label, kind, uri, full, name, children, null);
		}

		/** What the outline shows: the label and, after a dash, the key figure. */
		public String text() {
			return detail == null ? label : label + " \u2014 " + detail;
		}
	}
}
