package org.zerocarbon.diagram.ui.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * The problem markers of a model file, attached to the figures they concern: a marker's element URI (the builder
 * writes one for validation issues and unmet criteria) names the element or something inside it, and the
 * innermost drawn element on that path gets the badge; a marker without one falls back to its text offset.
 */
public final class ProblemBadges {

	/**
	 * The problems of one figure.
	 *
	 * @param severity the worst severity, an {@link IMarker} severity
	 * @param messages the messages, worst first
	 */
	public record Badge(int severity, List<String> messages) {

		/** The tooltip text: the messages, one per line. */
		public String tooltip() {
			return String.join("\n", messages);
		}
	}

	private record Problem(int severity, String message, String fragment, int offset) {
	}

	private ProblemBadges() {
	}

	/** Reads the file's ZeroCarbon problem markers and maps them to figures; empty if the file has none. */
	public static Map<String, Badge> of(IFile file, Collection<ElementInfo> figures) {
		List<Problem> problems = new ArrayList<>();
		try {
			if (file.exists()) {
				for (IMarker marker : file.findMarkers(ZcMarkers.PROBLEM, true, IResource.DEPTH_ZERO)) {
					int severity = marker.getAttribute(IMarker.SEVERITY, IMarker.SEVERITY_INFO);
					if (severity == IMarker.SEVERITY_INFO) {
						continue;
					}
					problems.add(new Problem(severity, marker.getAttribute(IMarker.MESSAGE, "(no message)"),
							fragmentOf(marker.getAttribute(ZcMarkers.ELEMENT_URI, null)),
							marker.getAttribute(IMarker.CHAR_START, -1)));
				}
			}
		} catch (CoreException e) {
			ILog.of(ProblemBadges.class).warn("Cannot read the problem markers of " + file.getFullPath() + ": " + e.getMessage());
		}
		Map<String, List<Problem>> byFigure = new HashMap<>();
		for (Problem p : problems) {
			ElementInfo target = target(p, figures);
			if (target != null) {
				byFigure.computeIfAbsent(target.figureId(), k -> new ArrayList<>()).add(p);
			}
		}
		Map<String, Badge> badges = new HashMap<>();
		byFigure.forEach((id, list) -> {
			list.sort((a, b) -> Integer.compare(b.severity(), a.severity()));
			badges.put(id, new Badge(list.get(0).severity(), list.stream().map(Problem::message).toList()));
		});
		return badges;
	}

	private static String fragmentOf(String uri) {
		if (uri == null) {
			return null;
		}
		int hash = uri.indexOf('#');
		return hash < 0 ? null : uri.substring(hash + 1);
	}

	/** The figure of the innermost element on the problem's element path, else the one around its offset. */
	private static ElementInfo target(Problem p, Collection<ElementInfo> figures) {
		ElementInfo best = null;
		if (p.fragment() != null) {
			for (ElementInfo f : figures) {
				if (f.hasElement() && isSelfOrAncestor(f.fragment(), p.fragment())
						&& (best == null || f.fragment().length() > best.fragment().length())) {
					best = f;
				}
			}
			if (best != null) {
				return best;
			}
		}
		if (p.offset() >= 0) {
			for (ElementInfo f : figures) {
				if (f.contains(p.offset()) && (best == null || f.length() < best.length())) {
					best = f;
				}
			}
		}
		return best;
	}

	/** Whether {@code ancestor} is the fragment or a path prefix of it ({@code //@elements.0} of {@code //@elements.0/@machines.2}). */
	static boolean isSelfOrAncestor(String ancestor, String fragment) {
		return fragment.equals(ancestor) || fragment.startsWith(ancestor) && fragment.charAt(ancestor.length()) == '/';
	}
}
