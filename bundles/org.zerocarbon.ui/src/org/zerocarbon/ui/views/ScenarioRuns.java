package org.zerocarbon.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Scenario;
import org.zerocarbon.scenarios.ScenarioComparison;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;
import org.zerocarbon.ui.internal.ModelFiles;
import org.zerocarbon.workspace.ZcPreferences;

/**
 * Compares the scenarios of a project's line or park with its baseline, for the Footprint view: the project's model
 * files (and those of the projects it references) are read again into a resource set of their own, so that neither
 * the builder's models nor the files are ever changed, and {@link ScenarioComparison} runs on them with the
 * project's methodology and Monte Carlo settings, as the builder computes the baseline.
 */
final class ScenarioRuns {

	/**
	 * Measured-data aggregates of the view's comparisons. Live sources (MTConnect agents, OPC UA servers) are not read
	 * here: the comparison uses their cached aggregates, as a build without a refresh of the live sources does.
	 */
	private static final MeasurementCache MEASUREMENTS = new MeasurementCache();

	private ScenarioRuns() {
	}

	/**
	 * The comparison of the baseline and every scenario of the model files for one subject, with the tornado of the
	 * baseline's parameters; null when the model files hold no scenario.
	 *
	 * @param subject     the line's or park's qualified name
	 * @param methodology the qualified name of the methodology the build used
	 * @throws CalculationException     when the models have errors or a scenario cannot be evaluated
	 * @throws OperationCanceledException when the monitor is cancelled
	 */
	static ScenarioComparison.Comparison compare(IProject project, String subject, String methodology, IProgressMonitor monitor)
			throws CoreException {
		SubMonitor progress = SubMonitor.convert(monitor, "Comparing the scenarios of " + subject, 10);
		progress.subTask("Reading the model files");
		ModelValidation.Loaded loaded = ModelValidation.create().load(ModelFiles.of(project), progress::isCanceled);
		if (progress.isCanceled()) {
			throw new OperationCanceledException();
		}
		Problem error = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst().orElse(null);
		if (error != null) {
			throw new CalculationException("the model files have errors (" + error.message() + "): scenarios are compared once they are fixed");
		}
		progress.worked(2);
		ModelSet models = new ModelSet(loaded.resourceSet());
		EObject line = models.subjects().stream().filter(s -> subject.equals(ModelSet.nameOf(s))).findFirst()
				.orElseThrow(() -> new CalculationException("no line or park " + subject + " among the model files"));
		Methodology m = models.footprintMethodology(methodology);
		List<Scenario> scenarios = ScenarioComparison.select(loaded.resourceSet().getResources(), "all", m);
		if (scenarios.isEmpty()) {
			return null;
		}
		ZcPreferences.Settings settings = ZcPreferences.settings(project);
		FootprintCalculator.Options options = settings.iterations() == 0 ? FootprintCalculator.Options.DETERMINISTIC
				: new FootprintCalculator.Options(settings.iterations(), settings.seed(), Runtime.getRuntime().availableProcessors());
		FootprintCalculator calculator = new FootprintCalculator(options, new ModelMeasurements(MEASUREMENTS, false, progress.split(1)));
		return new ScenarioComparison(loaded.resourceSet().getResources(), calculator).compare(line, m, scenarios, true, progress.split(7));
	}
}
