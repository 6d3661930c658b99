package org.zerocarbon.evidence.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;

/**
 * Loads model files and computes the footprint of every subject, the same way for building a package and for
 * verifying one, so that a verifier's recomputation differs from the original only if the models or the engine do.
 *
 * @param loaded      the validated models
 * @param models      their subjects and methodologies
 * @param methodology the footprint methodology used
 * @param subjects    the subjects in the models' order
 * @param results     their footprints, same order
 * @param measurements the measured data the results used
 */
public record Computation(ModelValidation.Loaded loaded, ModelSet models, Methodology methodology, List<EObject> subjects,
		List<FootprintResult> results, Measurements measurements) {

	/**
	 * @param files       the .zc files, absolute
	 * @param methodology the methodology's qualified or simple name, or null for the only one with life-cycle modules
	 * @param iterations  Monte Carlo iterations
	 * @param seed        Monte Carlo seed
	 * @throws CalculationException when the models have errors (the message lists the first ones) or nothing can be
	 *                              computed
	 */
	public static Computation run(List<Path> files, String methodology, int iterations, long seed, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Computing the footprints", 10);
		List<URI> uris = files.stream().map(f -> URI.createFileURI(f.toString())).toList();
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris, progress::isCanceled);
		if (progress.isCanceled()) {
			throw new OperationCanceledException();
		}
		progress.worked(3);
		if (!loaded.hasNoErrors()) {
			throw new CalculationException("the models have errors; fix them first:\n  " + loaded.problems().stream()
					.filter(p -> p.severity() == Problem.Severity.ERROR).limit(10)
					.map(p -> p.fileUri() + ":" + p.line() + ": " + p.message()).collect(Collectors.joining("\n  ")));
		}
		ModelSet models = new ModelSet(loaded.resourceSet());
		if (models.subjects().isEmpty()) {
			throw new CalculationException("no line or park among the model files: nothing to compute");
		}
		Methodology chosen = models.footprintMethodology(methodology);
		// live sources are not read: a package holds recorded data only, so a verifier recomputes from the same bytes
		Measurements measurements = new ModelMeasurements(new MeasurementCache(), false, null);
		FootprintCalculator calculator = new FootprintCalculator(
				new FootprintCalculator.Options(iterations, seed, Runtime.getRuntime().availableProcessors()), measurements);
		List<FootprintResult> results = new ArrayList<>();
		SubMonitor each = progress.split(7).setWorkRemaining(models.subjects().size());
		for (EObject subject : models.subjects()) {
			each.subTask(ModelSet.nameOf(subject));
			results.add(calculator.calculate(subject, chosen, null).normalized());
			each.split(1);
		}
		return new Computation(loaded, models, chosen, List.copyOf(models.subjects()), List.copyOf(results), measurements);
	}

	/** The line of an element in its file, 0 when unknown. */
	public static int line(EObject element) {
		return element == null ? 0 : Problem.at(element, Problem.Severity.INFO, "", "").line();
	}

	/**
	 * Makes report text independent of where the models lie: the root folder, as a file URI and as a path, becomes
	 * {@code models/} (the models' folder inside the package). Applied alike when building and verifying.
	 */
	public static String relocate(String text, Path root) {
		String uri = URI.createFileURI(root.toString()).toString();
		String path = root.toString();
		return text.replace(uri + "/", "models/").replace(path + "/", "models/");
	}
}
