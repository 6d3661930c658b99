package org.zerocarbon.ui.views;

import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.scenarios.ScenarioComparison.Comparison;
import org.zerocarbon.scenarios.ScenarioComparison.Run;
import org.zerocarbon.workspace.ZcBuildResults.Footprint;

/**
 * The Footprint view's scenario choice: after every build of the shown line or park, a job compares its scenarios
 * with the baseline off the UI thread (with progress, cancellable in the Progress view); the combo then offers the
 * baseline and each scenario, and choosing one shows its footprint in the view's tables and chart, and the
 * comparison in the Comparison tab. The choice is kept across builds while the scenario exists.
 */
final class ScenarioSelector {

	/** Job family of the comparisons (tests wait for it). */
	static final Object FAMILY = ScenarioSelector.class;
	/** The Comparison tab's message after a comparison was cancelled. */
	static final String CANCELLED = "The comparison was cancelled. It is computed again after the next build (Refresh in the view's toolbar).";
	/** The combo's first entry. */
	static final String BASELINE_ITEM = "Baseline (the model as written)";

	/** Where the chosen run's footprint is shown. */
	@FunctionalInterface
	interface Target {
		/**
		 * @param result   the footprint to show
		 * @param scenario the scenario's name, or null for the baseline (the build's own result)
		 */
		void show(FootprintResult result, String scenario);
	}

	/** What a comparison is computed for: a subject of one build (by identity: a new build compares again). */
	private record Key(IProject project, String subject, Object build) {
		boolean same(Key other) {
			return other != null && project.equals(other.project) && subject.equals(other.subject) && build == other.build;
		}
	}

	private final Combo combo;
	private final ScenarioTab tab;
	private final Target target;
	private Key key;
	private Footprint footprint;
	private Job job;
	private Comparison comparison;
	/** The scenario the user chose, or null for the baseline. */
	private String chosen;

	ScenarioSelector(Combo combo, ScenarioTab tab, Target target) {
		this.combo = combo;
		this.tab = tab;
		this.target = target;
		combo.setItems(BASELINE_ITEM);
		combo.select(0);
		combo.addListener(SWT.Selection, e -> choose(combo.getSelectionIndex()));
	}

	/**
	 * A footprint of a build is to be shown: the chosen scenario's when its comparison is known, otherwise the
	 * baseline's while the comparison is computed.
	 *
	 * @param build   the build's results (identity tells builds apart)
	 * @param current false when the build's models had errors and the footprint is the last good one
	 */
	void show(IProject project, Footprint footprint, Object build, boolean current) {
		Key next = new Key(project, footprint.subject(), build);
		this.footprint = footprint;
		if (next.same(key)) {
			showChosen();
			return;
		}
		cancel();
		key = next;
		comparison = null;
		combo.setItems(BASELINE_ITEM);
		combo.select(0);
		target.show(footprint.result(), null);
		if (!current) {
			tab.message("The model has errors: scenarios are compared again when they are fixed (Problems view).");
			return;
		}
		tab.message("Comparing the scenarios of " + footprint.subject() + " with the baseline…");
		start(next, footprint.result().methodology().id());
	}

	/** Shows a run by its name (the baseline's is {@link ScenarioTab#BASELINE}), as if chosen in the combo. */
	void choose(String run) {
		if (comparison == null) {
			return;
		}
		List<Run> runs = comparison.runs();
		for (int i = 0; i < runs.size(); i++) {
			if (runs.get(i).name().equals(run)) {
				combo.select(i);
				choose(i);
			}
		}
	}

	/**
	 * The view shows a message instead of a footprint: nothing is shown from here until the next {@link #show}; a
	 * comparison on its way is kept for it.
	 */
	void hide() {
		footprint = null;
	}

	/** Cancels a comparison being computed. */
	void cancel() {
		if (job != null) {
			job.cancel();
			job = null;
		}
	}

	/** Whether the comparison of the build's subject is shown, none being computed (for tests). */
	boolean compared(Object build) {
		return key != null && key.build() == build && job == null && comparison != null;
	}

	private void choose(int index) {
		if (footprint == null || index < 0) {
			return;
		}
		if (index == 0 || comparison == null || index > comparison.scenarios().size()) {
			chosen = null;
			target.show(footprint.result(), null);
		} else {
			Run run = comparison.scenarios().get(index - 1);
			chosen = run.name();
			target.show(run.result(), run.name());
		}
	}

	private void showChosen() {
		int index = 0;
		if (comparison != null && chosen != null) {
			for (int i = 0; i < comparison.scenarios().size(); i++) {
				if (comparison.scenarios().get(i).name().equals(chosen)) {
					index = i + 1;
				}
			}
		}
		combo.select(index);
		choose(index);
	}

	private void start(Key k, String methodology) {
		Display display = combo.getDisplay();
		job = new Job("Comparing the scenarios of " + k.subject()) {
			@Override
			protected IStatus run(IProgressMonitor monitor) {
				try {
					Comparison c = ScenarioRuns.compare(k.project(), k.subject(), methodology, monitor);
					deliver(display, () -> finished(k, c, null));
					return Status.OK_STATUS;
				} catch (OperationCanceledException e) {
					return Status.CANCEL_STATUS; // see the listener below
				} catch (CalculationException | CoreException e) {
					// the user's model, not a failure of ours: the tab says why
					deliver(display, () -> finished(k, null, "Cannot compare the scenarios: " + e.getMessage()));
					return Status.OK_STATUS;
				} catch (RuntimeException e) {
					ILog.of(ScenarioSelector.class).error("Comparing the scenarios of " + k.subject() + " failed", e);
					deliver(display, () -> finished(k, null, "Cannot compare the scenarios (" + e + "); the Error Log has the details."));
					return Status.OK_STATUS;
				}
			}

			@Override
			public boolean belongsTo(Object family) {
				return family == FAMILY;
			}
		};
		// cancelled while running or before it ran (in the Progress view): the tab says so, with how to compute again
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				if (event.getResult() != null && event.getResult().getSeverity() == IStatus.CANCEL) {
					deliver(display, () -> finished(k, null, CANCELLED));
				}
			}
		});
		job.setPriority(Job.LONG);
		job.schedule();
	}

	private static void deliver(Display display, Runnable update) {
		if (!display.isDisposed()) {
			display.asyncExec(update);
		}
	}

	private void finished(Key k, Comparison c, String problem) {
		if (combo.isDisposed() || !k.same(key)) {
			return; // a later build's comparison is on its way
		}
		job = null;
		if (problem != null) {
			tab.message(problem);
			return;
		}
		if (c == null) {
			combo.setItems(BASELINE_ITEM);
			combo.select(0);
			tab.message("No scenario among the model files of " + k.project().getName() + ". A scenario changes parameters, factors or supply, "
					+ "e.g. scenario Lower \"...\" { set <Line>.<Parameter> = 0.8 kW } for a 'parameter <Parameter> = 1.8 kW' of the line; "
					+ "it is then compared with the baseline here (see Help > Language Reference, Parameters and scenarios).");
			return;
		}
		if (!c.changesAnything()) {
			// e.g. a park beside the line the scenarios are about: a table of zeros says nothing (zcw report says the same)
			tab.message("No scenario and no parameter changes the footprint of " + c.subject() + ": nothing to compare.");
			return;
		}
		comparison = c;
		String[] items = new String[c.scenarios().size() + 1];
		items[0] = BASELINE_ITEM;
		for (int i = 0; i < c.scenarios().size(); i++) {
			items[i + 1] = c.scenarios().get(i).name();
		}
		combo.setItems(items);
		combo.getParent().layout();
		tab.show(c);
		if (footprint != null) {
			showChosen();
		}
	}
}
