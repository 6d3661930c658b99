package org.zerocarbon.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.lang.batch.Problem;

/**
 * What a computed footprint and checked criteria say about the model, as {@code file:line} problems: the one
 * conversion that both the workbench's builder (its markers) and {@code zcw validate} (its output lines) use, so that
 * a CI run shows what the Problems view shows, with the same severities and codes.
 * <ul>
 * <li>A calculation finding ({@link FootprintResult.Finding}) becomes a problem with the code
 * {@value #FINDING_PREFIX}{@code <finding code>} at the element it names. Findings of one code and severity about
 * parts of one kind of one piece of equipment (the two end-of-life treatments of one machine, say) become one problem
 * at the first of them, their messages merged ("end of life (recycling, landfill) of machine HMC1 has no emission factor."): one
 * fact per machine, none lost.</li>
 * <li>An unmet criterion becomes a problem {@value #CRITERION_PREFIX}{@code <rule set>.<criterion>} at each element
 * that fails it, with the criterion's own severity (the methodology's data).</li>
 * </ul>
 */
public final class ResultProblems {

	/** Problem-id prefix of calculation findings, e.g. {@code org.zerocarbon.accounting.missingFactor}. */
	public static final String FINDING_PREFIX = "org.zerocarbon.accounting.";
	/** Problem-id prefix of unmet criteria, e.g. {@code org.zerocarbon.criteria.InventoryChecks.TransportToSite}. */
	public static final String CRITERION_PREFIX = "org.zerocarbon.criteria.";

	/** Problem id of a footprint that cannot be computed (an error at the element the engine names, or the subject). */
	public static final String CALCULATION_FAILED = "org.zerocarbon.workspace.calculationFailed";

	private ResultProblems() {
	}

	/**
	 * The findings of a footprint as problems.
	 *
	 * @param result   the computed footprint
	 * @param subject  the line or park it was computed for (its resource set resolves the findings' elements)
	 * @param markable whether a problem may be placed on an element (the builder marks only its own project's files);
	 *                 a finding about another element, or about none, is placed on the subject
	 */
	public static List<Problem> findings(FootprintResult result, EObject subject, Predicate<EObject> markable) {
		ResourceSet models = subject.eResource().getResourceSet();
		// grouped by where they go: same code, severity, container and kind of element
		Map<String, List<Placed>> groups = new LinkedHashMap<>();
		for (FootprintResult.Finding finding : result.findings()) {
			EObject element = finding.elementUri() == null ? null : models.getEObject(URI.createURI(finding.elementUri()), false);
			EObject at = element != null && element.eResource() != null && markable.test(element) ? element : subject;
			String message = at == subject && finding.element() != null && element == null ? finding.message() + " (" + finding.element() + ")"
					: finding.message();
			// parts of one piece of equipment (its end-of-life treatments, its transport legs) are grouped; findings
			// about the subject or one of its direct members (a machine's measured deviations) each stay apart
			boolean part = at != subject && at.eContainer() != null && at.eContainer() != subject && at.eContainer().eContainer() != null;
			String key = part ? finding.severity() + " " + finding.code() + " " + EcoreUtil.getURI(at.eContainer()) + " " + at.eClass().getName()
					: String.valueOf(groups.size());
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Placed(at, severity(finding.severity()), FINDING_PREFIX + finding.code(), message));
		}
		List<Problem> problems = new ArrayList<>();
		for (List<Placed> group : groups.values()) {
			// in the order they are written, at the first of them
			List<Problem> placed = group.stream().map(p -> Problem.at(p.at(), p.severity(), p.code(), p.message()))
					.sorted(java.util.Comparator.comparingInt(Problem::offset)).toList();
			Problem first = placed.get(0);
			String message = merged(placed.stream().map(Problem::message).distinct().toList());
			problems.add(new Problem(first.fileUri(), first.line(), first.column(), first.offset(), first.length(), first.severity(),
					first.code(), message, first.elementUri()));
		}
		return problems;
	}

	/**
	 * An unmet criterion as problems, one at each element that fails it; none for a criterion that passes or does not
	 * apply, or for evidence about elements not in {@code models} (or not {@code markable}).
	 */
	public static List<Problem> criterion(CriterionResult result, ResourceSet models, Predicate<EObject> markable) {
		List<Problem> problems = new ArrayList<>();
		if (result.status() != CriterionResult.Status.FAIL) {
			return problems;
		}
		String code = CRITERION_PREFIX + result.id();
		for (FootprintResult.Evidence evidence : result.evidence()) {
			EObject element = evidence.elementUri() == null ? null : models.getEObject(URI.createURI(evidence.elementUri()), false);
			if (element != null && !evidence.satisfied() && markable.test(element)) {
				problems.add(Problem.at(element, severity(result.severity()), code, "Criterion " + result.id()
						+ (result.clause() == null ? "" : " (" + result.clause() + ")") + ": " + evidence.detail()));
			}
		}
		return problems;
	}

	/** The engine's severity words ("error", "warning", anything else a note) as a problem severity. */
	public static Problem.Severity severity(String engine) {
		return switch (engine) {
			case "error" -> Problem.Severity.ERROR;
			case "warning" -> Problem.Severity.WARNING;
			default -> Problem.Severity.INFO;
		};
	}

	/**
	 * Messages that differ in one place become one: the common beginning and end (cut at word boundaries) around the
	 * differing parts, comma-separated; messages with nothing in common are joined with "; ".
	 */
	static String merged(List<String> messages) {
		if (messages.size() == 1) {
			return messages.get(0);
		}
		String first = messages.get(0);
		int prefix = first.length();
		int suffix = first.length();
		for (String other : messages) {
			prefix = Math.min(prefix, commonPrefix(first, other));
			suffix = Math.min(suffix, commonSuffix(first, other));
		}
		while (prefix > 0 && Character.isLetterOrDigit(first.charAt(prefix - 1))) {
			prefix--;
		}
		while (suffix > 0 && Character.isLetterOrDigit(first.charAt(first.length() - suffix))) {
			suffix--;
		}
		int shortest = messages.stream().mapToInt(String::length).min().orElse(0);
		if (prefix == 0 && suffix == 0 || prefix + suffix >= shortest) {
			return String.join("; ", messages);
		}
		List<String> middles = new ArrayList<>();
		for (String message : messages) {
			middles.add(message.substring(prefix, message.length() - suffix));
		}
		return first.substring(0, prefix) + String.join(", ", middles) + first.substring(first.length() - suffix);
	}

	private static int commonPrefix(String a, String b) {
		int n = 0;
		while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
			n++;
		}
		return n;
	}

	private static int commonSuffix(String a, String b) {
		int n = 0;
		while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
			n++;
		}
		return n;
	}

	/** A problem before it is placed: where, how serious, its code and message. */
	private record Placed(EObject at, Problem.Severity severity, String code, String message) {
	}
}
