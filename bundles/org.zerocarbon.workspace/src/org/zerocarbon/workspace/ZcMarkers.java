package org.zerocarbon.workspace;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider;

/**
 * The ZeroCarbon marker types and the one place where a {@link Problem} becomes a marker.
 */
public final class ZcMarkers {

	/** Base type of every ZeroCarbon problem marker (persistent, a problem and text marker). */
	public static final String PROBLEM = "org.zerocarbon.workspace.problem";
	/** Parse and reference-resolution problems. */
	public static final String SYNTAX = "org.zerocarbon.workspace.syntax";
	/** Unit and dimension problems. */
	public static final String UNITS = "org.zerocarbon.workspace.units";
	/** Unmet zero-carbon criteria. */
	public static final String CRITERIA = "org.zerocarbon.workspace.criteria";
	/** Data-quality problems. */
	public static final String DATA_QUALITY = "org.zerocarbon.workspace.dataquality";
	/**
	 * Findings of the footprint calculation (energy instruments, missing factors, functional units not computed
	 * ...), whose problem id is {@value #ACCOUNTING_CODE_PREFIX} followed by the finding's code.
	 */
	public static final String ACCOUNTING = "org.zerocarbon.workspace.accounting";
	/** Problem-id prefix of calculation findings. */
	public static final String ACCOUNTING_CODE_PREFIX = "org.zerocarbon.accounting.";

	/** Marker attribute: the stable issue code of the problem (quick fixes key on it). */
	public static final String PROBLEM_ID = "problemId";
	/** Marker attribute: EMF URI of the model element the problem concerns. */
	public static final String ELEMENT_URI = "elementUri";

	/** Parser messages in the language's words (ZcSyntaxErrorMessageProvider) that are syntax errors. */
	private static final java.util.Set<String> SYNTAX_CODES = java.util.Set.of(ZcSyntaxErrorMessageProvider.UNKNOWN_VALUE,
			ZcSyntaxErrorMessageProvider.BLOCK_NOT_OPENED, ZcSyntaxErrorMessageProvider.MISSPELT_KEYWORD);

	private ZcMarkers() {
	}

	/**
	 * The marker sub-type for an issue code. Codes are classified by naming convention: Xtext's own syntax and
	 * linking diagnostics, calculation findings ({@value #ACCOUNTING_CODE_PREFIX}...), and our codes containing
	 * {@code .units.}, {@code .criteria.} or {@code .dataQuality.}.
	 */
	public static String typeFor(String code) {
		if (code == null || code.startsWith("org.eclipse.xtext.") || code.endsWith(".syntax") || SYNTAX_CODES.contains(code)) {
			return SYNTAX;
		}
		if (code.startsWith(ACCOUNTING_CODE_PREFIX)) {
			return ACCOUNTING; // before the conventions below: "functionalUnitNotComputed" is no unit problem
		}
		String lower = code.toLowerCase(java.util.Locale.ROOT);
		if (lower.contains(".units.") || lower.contains("unit")) {
			return UNITS;
		}
		if (lower.contains(".criteria.") || lower.contains("criterion")) {
			return CRITERIA;
		}
		if (lower.contains(".dataquality.") || lower.contains("dataquality")) {
			return DATA_QUALITY;
		}
		return PROBLEM;
	}

	/** Creates the marker for one problem on the given file. */
	public static IMarker create(IResource file, Problem problem) throws CoreException {
		Map<String, Object> attributes = new HashMap<>();
		attributes.put(IMarker.MESSAGE, problem.message());
		attributes.put(IMarker.SEVERITY, switch (problem.severity()) {
			case ERROR -> IMarker.SEVERITY_ERROR;
			case WARNING -> IMarker.SEVERITY_WARNING;
			case INFO -> IMarker.SEVERITY_INFO;
		});
		if (problem.line() > 0) {
			// No IMarker.LOCATION: the Problems view shows "line N" from the line number by itself, and sorts by
			// the location text first (then "line 165" comes before "line 17"), by the line number without it.
			attributes.put(IMarker.LINE_NUMBER, problem.line());
		}
		if (problem.offset() >= 0) {
			attributes.put(IMarker.CHAR_START, problem.offset());
			attributes.put(IMarker.CHAR_END, problem.offset() + problem.length());
		}
		attributes.put(PROBLEM_ID, problem.code());
		if (problem.elementUri() != null) {
			attributes.put(ELEMENT_URI, problem.elementUri());
		}
		attributes.put(IMarker.SOURCE_ID, "ZeroCarbon");
		return file.createMarker(typeFor(problem.code()), attributes);
	}
}
