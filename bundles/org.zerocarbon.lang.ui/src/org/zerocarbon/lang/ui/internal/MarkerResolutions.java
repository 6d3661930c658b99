package org.zerocarbon.lang.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.ui.statushandlers.StatusManager;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.zerocarbon.lang.ui.internal.Analysis.Problem;
import org.zerocarbon.lang.ui.internal.Analysis.QuickFix;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * Quick fixes for the builder's problem markers (Problems view, Ctrl+1 on a marker): the same fixes the editor
 * offers, found by checking the marker's file and matching the problem by position and problem id.
 * <p>
 * The platform asks for marker resolutions synchronously on the UI thread, so this one place waits for the
 * language thread (under a busy cursor, bounded by a timeout); the parsing itself still happens there.
 */
public final class MarkerResolutions implements IMarkerResolutionGenerator2 {

	private static final long TIMEOUT_SECONDS = 20;

	@Override
	public boolean hasResolutions(IMarker marker) {
		// Cheap by contract: a marker with a problem id in a model file may have fixes; getResolutions decides.
		return marker.getResource() instanceof IFile file && ModelSession.EXTENSION.equals(file.getFileExtension())
				&& marker.getAttribute(ZcMarkers.PROBLEM_ID, null) != null;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		List<String> labels = withFixes(marker, (buffer, session, fixes) -> fixes.stream().map(QuickFix::label).toList());
		if (labels == null) {
			return new IMarkerResolution[0];
		}
		List<IMarkerResolution> resolutions = new ArrayList<>();
		for (String label : labels) {
			resolutions.add(new IMarkerResolution() {
				@Override
				public String getLabel() {
					return label;
				}

				@Override
				public void run(IMarker target) {
					// Stays like this unless the fix is found again (and then says how applying it went).
					String[] problem = { "The quick fix '" + label + "' no longer applies: the file has changed." };
					withFixes(target, (buffer, session, fixes) -> {
						fixes.stream().filter(f -> f.label().equals(label)).findFirst()
								.ifPresent(fix -> problem[0] = apply(buffer, session, fix));
						return Boolean.TRUE;
					});
					if (problem[0] != null) {
						// Logged and shown without blocking: the Problems view is still usable meanwhile.
						StatusManager.getManager().handle(new Status(IStatus.WARNING, "org.zerocarbon.lang.ui",
								"Quick fix on " + target.getResource().getFullPath() + ": " + problem[0]),
								StatusManager.LOG | StatusManager.SHOW);
					}
				}
			});
		}
		return resolutions.toArray(IMarkerResolution[]::new);
	}

	/** What a marker's fixes are used for, while its file is checked. */
	private interface FixUse<T> {
		T apply(ITextFileBuffer buffer, ModelSession session, List<QuickFix> fixes);
	}

	private static String apply(ITextFileBuffer buffer, ModelSession session, QuickFix fix) {
		boolean wasDirty = buffer.isDirty();
		try {
			TextChanges changes = session.read("quick fix", s -> fix.fix().compute()).get(TIMEOUT_SECONDS,
					TimeUnit.SECONDS);
			if (changes == null) {
				return "The file changed while the fix was computed. Try again.";
			}
			String problem = EditApplier.apply(changes, session, null);
			if (problem == null && !wasDirty) {
				// Fixed from the Problems view: save, so that the builder re-checks and the marker goes away. An
				// editor with unsaved changes keeps them unsaved, fix included.
				buffer.commit(null, true);
			}
			return problem;
		} catch (Exception e) {
			ILog.of(MarkerResolutions.class).error("Quick fix '" + fix.label() + "' failed", e);
			return "The quick fix failed: " + LanguageAccess.unwrapMessage(e) + " (see the Error Log)";
		}
	}

	/**
	 * Checks the marker's file (as it is in its file buffer, so unsaved edits in an open editor count) and gives
	 * the fixes of the matching problem to the function. Returns {@code null} when there is no matching problem.
	 */
	private static <T> T withFixes(IMarker marker, FixUse<T> use) {
		IFile file = (IFile) marker.getResource();
		ITextFileBufferManager buffers = FileBuffers.getTextFileBufferManager();
		try {
			buffers.connect(file.getFullPath(), LocationKind.IFILE, null);
		} catch (CoreException e) {
			ILog.of(MarkerResolutions.class).error("Cannot open " + file.getFullPath() + " for its quick fixes", e);
			return null;
		}
		ModelSession session = null;
		try {
			ITextFileBuffer buffer = buffers.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
			session = new ModelSession(buffer.getDocument(), file, ModelSession.uriOf(file));
			Analysis analysis = session.read("quick fixes for a marker", Analyzer::analyze).get(TIMEOUT_SECONDS,
					TimeUnit.SECONDS);
			if (analysis == null) {
				return null;
			}
			int start = marker.getAttribute(IMarker.CHAR_START, -1);
			String code = marker.getAttribute(ZcMarkers.PROBLEM_ID, null);
			for (Problem problem : analysis.problems()) {
				if (problem.region().offset() == start && code != null && code.equals(problem.code())
						&& !problem.fixes().isEmpty()) {
					return use.apply(buffer, session, problem.fixes());
				}
			}
			return null;
		} catch (Exception e) {
			ILog.of(MarkerResolutions.class).error("Cannot compute the quick fixes of " + file.getFullPath(), e);
			return null;
		} finally {
			if (session != null) {
				session.dispose();
			}
			try {
				buffers.disconnect(file.getFullPath(), LocationKind.IFILE, null);
			} catch (CoreException e) {
				ILog.of(MarkerResolutions.class).error("Cannot release " + file.getFullPath(), e);
			}
		}
	}
}
