package org.zerocarbon.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.service.OperationCanceledManager;
import org.eclipse.xtext.util.CancelIndicator;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.model.zc.FunctionalUnitKind;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;

import com.google.inject.Inject;
import com.google.inject.Singleton;

/**
 * The footprints of the workspace's lines and parks, computed with the engine exactly as {@code zcw report}
 * computes them (the same {@link ModelSet}, methodology choice, {@link FootprintCalculator} and measured data), so
 * that a code lens shows the figure the command line prints. Monte Carlo is off: it only adds an interval, the
 * totals are the deterministic sum of the contributions.
 * <p>
 * One computation serves every open file of a build generation (the language server's build bumps the
 * generation); a computation is cancelled by the next change (the request's {@link CancelIndicator}) and then not
 * kept.
 */
@Singleton
public class Footprints {

	/** A subject's footprint, or why it has none. */
	public record Computed(EObject subject, FootprintResult result, String problem) {
	}

	/**
	 * The footprints of one build generation.
	 *
	 * @param machineHourUnits names of the methodology's machine-hour functional units
	 * @param problem          why nothing was computed (no or several methodologies), or null
	 */
	public record Snapshot(long generation, List<Computed> subjects, Set<String> machineHourUnits, String problem) {
	}

	/**
	 * Told when a computation starts, on the thread that computes (bound by tests, or by an embedder that logs
	 * the server's timings); a listener must not hold up the computation for long.
	 */
	public interface Listener {
		/**
		 * @param generation the build generation computed
		 * @param cancel     the request's indicator: the next change cancels it
		 */
		void started(long generation, CancelIndicator cancel);
	}

	@Inject(optional = true)
	private Listener listener;

	@Inject
	private OperationCanceledManager canceled;

	/** Measured data is read once per source and file state, as in one {@code zcw} run. */
	private final MeasurementCache cache = new MeasurementCache();

	private Snapshot last;

	/**
	 * The footprints of the models, computed unless the generation's are known.
	 *
	 * @param generation the build generation the models belong to
	 * @param live       a fresh resource set that sees the open documents' text (the language server's live scope)
	 * @param files      every model file of the workspace, loaded into {@code live}
	 */
	public synchronized Snapshot compute(long generation, ResourceSet live, Iterable<URI> files, CancelIndicator cancel) {
		if (last != null && last.generation() == generation) {
			return last;
		}
		if (listener != null) {
			listener.started(generation, cancel);
		}
		for (URI file : files) {
			canceled.checkCanceled(cancel);
			live.getResource(file, true);
		}
		ModelSet models = new ModelSet(live);
		Snapshot snapshot;
		if (models.subjects().isEmpty()) {
			snapshot = new Snapshot(generation, List.of(), Set.of(), null);
		} else {
			Methodology methodology;
			try {
				methodology = models.footprintMethodology(null);
			} catch (CalculationException e) {
				return keep(new Snapshot(generation, List.of(), Set.of(), e.getMessage()));
			}
			FootprintCalculator calculator = new FootprintCalculator(
					new FootprintCalculator.Options(0, FootprintCalculator.Options.DEFAULT.seed(), 1), new ModelMeasurements(cache, true, null));
			NullProgressMonitor monitor = new NullProgressMonitor() {
				@Override
				public boolean isCanceled() {
					return cancel.isCanceled();
				}
			};
			List<Computed> computed = new ArrayList<>();
			for (EObject subject : models.subjects()) {
				canceled.checkCanceled(cancel);
				try {
					computed.add(new Computed(subject, calculator.calculate(subject, methodology, monitor), null));
				} catch (OperationCanceledException e) {
					canceled.throwOperationCanceledException();
				} catch (CalculationException e) {
					computed.add(new Computed(subject, null, e.getMessage()));
				} catch (RuntimeException e) {
					// a model the validator let through but the engine cannot compute: the lens says so, the server goes on
					canceled.propagateIfCancelException(e);
					computed.add(new Computed(subject, null, "the engine failed: " + e));
				}
			}
			Set<String> machineHours = methodology.getFunctionalUnits().stream().filter(u -> u.getKind() == FunctionalUnitKind.MACHINE_HOUR)
					.map(u -> u.getName()).collect(Collectors.toSet());
			snapshot = new Snapshot(generation, computed, machineHours, null);
		}
		return keep(snapshot);
	}

	private Snapshot keep(Snapshot snapshot) {
		last = snapshot;
		return snapshot;
	}
}
