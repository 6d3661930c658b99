package org.zerocarbon.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.CriteriaChecker;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.Measurements;
import org.zerocarbon.telemetry.model.MeasurementCache;
import org.zerocarbon.telemetry.model.ModelMeasurements;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.report.ReportOptions;
import org.zerocarbon.report.ReportWriter;

/**
 * The part of a build that runs after validation when the models have no errors: the footprint of every line
 * and park is computed with the project's methodology and written as reports into the derived {@code reports/}
 * folder, and unmet criteria become markers on the elements that fail them. Everything is computed by the same
 * engine and report writer as {@code zcw report} and {@code zcw check}.
 */
final class ReportStage {

	/** Folder of the generated reports, relative to the project. */
	static final String REPORTS_FOLDER = "reports";
	/** Issue code of a footprint that cannot be computed. */
	static final String CALCULATION_FAILED = org.zerocarbon.report.ResultProblems.CALCULATION_FAILED;
	/** Issue code of a project with lines or parks but no usable methodology. */
	static final String NO_METHODOLOGY = "org.zerocarbon.workspace.noMethodology";
	/**
	 * Prefix of the problem id of a calculation finding ({@link FootprintResult.Finding}): the finding's stable code
	 * follows, e.g. {@code org.zerocarbon.accounting.overClaim}; the marker is of type {@link ZcMarkers#ACCOUNTING}.
	 */
	static final String FINDING_PREFIX = org.zerocarbon.report.ResultProblems.FINDING_PREFIX;

	private ReportStage() {
	}

	/** What the stage found: the problems to show as markers and the results for the views. */
	record Outcome(List<Problem> problems, ZcBuildResults.ProjectResult result) {
	}

	/**
	 * Computes the footprints, writes the reports the project's {@link ZcPreferences settings} ask for, checks the
	 * criteria and returns the problems to show as markers (criteria, calculation failures) with the results.
	 *
	 * @param files the model files loaded (the project's own and those of referenced projects), by URI
	 * @param own   the URIs of the project's own model files
	 */
	static Outcome run(IProject project, ResourceSet models, Map<URI, IFile> files, Set<URI> own, SubMonitor progress)
			throws CoreException {
		ZcPreferences.Settings settings = ZcPreferences.settings(project);
		List<Problem> problems = new ArrayList<>();
		ModelSet modelSet = new ModelSet(models);
		// lines and parks of referenced projects get their reports in their own project
		List<EObject> subjects = modelSet.subjects().stream().filter(s -> own.contains(s.eResource().getURI())).toList();
		progress.setWorkRemaining(10 + 10 * subjects.size());
		Methodology methodology = null;
		String note = null;
		if (!subjects.isEmpty()) {
			try {
				methodology = modelSet.footprintMethodology(preferred(modelSet, settings.methodology()));
			} catch (CalculationException e) {
				// informational: a project may hold lines whose methodology lives elsewhere
				note = "No footprint report: " + e.getMessage() + ". In the workbench, the methodology is a ZeroCarbon setting of the "
						+ "preferences or of the project's properties.";
				problems.add(Problem.at(subjects.get(0), Problem.Severity.INFO, NO_METHODOLOGY, note));
			}
		}
		Map<String, ZcBuildResults.Location> locations = new HashMap<>();
		List<ZcBuildResults.Footprint> footprints = new ArrayList<>();
		if (subjects.isEmpty()) {
			deleteStaleReports(project, Set.of());
		} else if (methodology != null) {
			footprints = footprints(project, subjects, methodology, settings, files, own, locations, problems, progress);
		}
		List<CriterionResult> criteria = criteria(modelSet, methodology, footprints, models, progress.split(10));
		for (CriterionResult result : criteria) {
			problems.addAll(criterionProblems(result, models, files, locations));
		}
		// a finding about an element shared by several lines (a site's certificate) is found for each of them: mark it once
		List<Problem> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
		return new Outcome(distinct, new ZcBuildResults.ProjectResult(project, 0, note, criteria, footprints, locations));
	}

	/**
	 * Aggregates of measured data, shared by every build of the workspace: a save that touches neither data nor
	 * bindings re-reads no data. Live sources are only read by an explicit refresh ({@link #refreshMeasurements}).
	 */
	static final MeasurementCache MEASUREMENTS = new MeasurementCache();
	private static volatile boolean readLiveOnce;

	/** The next build reads the live sources (MTConnect agents, OPC UA servers) once. */
	static void refreshMeasurements() {
		readLiveOnce = true;
	}

	private static Measurements measurements(SubMonitor progress) {
		boolean live = readLiveOnce;
		readLiveOnce = false;
		// OPC UA servers connect with the credentials of the secure storage (ZeroCarbon > OPC UA Servers)
		return new ModelMeasurements(MEASUREMENTS, live, progress.split(0), OpcUaServers.credentials(OpcUaServers::defaultStorage));
	}

	/** The methodology the settings name, if it is among the models; otherwise null (the automatic choice). */
	private static String preferred(ModelSet modelSet, String id) {
		if (id.isEmpty()) {
			return null;
		}
		return modelSet.methodologies().stream().anyMatch(m -> id.equals(ModelSet.nameOf(m)) || id.equals(m.getName())) ? id : null;
	}

	/** Computes the footprint of every subject and writes its reports; stale reports are removed afterwards. */
	private static List<ZcBuildResults.Footprint> footprints(IProject project, List<EObject> subjects, Methodology methodology,
			ZcPreferences.Settings settings, Map<URI, IFile> files, Set<URI> own, Map<String, ZcBuildResults.Location> locations,
			List<Problem> problems, SubMonitor progress) throws CoreException {
		FootprintCalculator calculator = new FootprintCalculator(settings.iterations() == 0 ? FootprintCalculator.Options.DETERMINISTIC
				: new FootprintCalculator.Options(settings.iterations(), settings.seed(), Runtime.getRuntime().availableProcessors()),
				measurements(progress));
		Set<ReportFormat> formats = settings.formatsToWrite();
		IFolder folder = project.getFolder(REPORTS_FOLDER);
		Path directory = folder.getLocation().toFile().toPath();
		Set<String> written = new HashSet<>();
		List<ZcBuildResults.Footprint> footprints = new ArrayList<>();
		for (EObject subject : subjects) {
			progress.checkCanceled();
			String name = ModelSet.nameOf(subject);
			progress.subTask("Footprint of " + name);
			IFile file = files.get(subject.eResource().getURI());
			locate(subject, files, locations);
			try {
				FootprintResult result = calculator.calculate(subject, methodology, progress.split(formats.isEmpty() ? 10 : 5));
				footprints.add(new ZcBuildResults.Footprint(name, result.subject().kind(), file, result, null));
				locateEquipment(result, subject.eResource().getResourceSet(), files, locations);
				problems.addAll(findingProblems(result, subject, own, files, locations));
				if (!formats.isEmpty()) {
					ReportOptions options = ReportOptions.defaults().withBaseName(name)
							.withDiagram(formats.contains(ReportFormat.HTML) || formats.contains(ReportFormat.PDF) ? diagram(subject) : null);
					for (Path report : ReportWriter.write(result, formats, directory, options, progress.split(5))) {
						written.add(report.getFileName().toString());
					}
				}
			} catch (CalculationException e) {
				// on the element at fault (a function, a supply statement...) when the engine names one in this
				// project's files, which are the ones this build marks; otherwise on the line or park that failed
				EObject at = e.element() != null && e.element().eResource() != null
						&& own.contains(e.element().eResource().getURI()) ? e.element() : subject;
				problems.add(failed(subject, name, file, at, "Cannot compute the footprint of " + name + ": " + e.getMessage(), footprints));
			} catch (IOException e) {
				throw new CoreException(Status.error("Cannot write the reports of " + name + " to " + directory + ": " + e.getMessage(), e));
			} catch (OperationCanceledException e) {
				throw e;
			} catch (RuntimeException e) {
				// a bug of ours, not the user's: the build goes on, the model says where, the log has the details
				String message = "Internal error while computing the footprint of " + name + " (" + e
						+ "); the Error Log has the details. The other models are built as usual";
				org.eclipse.core.runtime.ILog.of(ReportStage.class).error(message, e);
				problems.add(failed(subject, name, file, subject, message, footprints));
			}
		}
		publish(folder, written);
		return footprints;
	}

	/**
	 * Records a line or park whose footprint could not be computed: the views show the message instead of
	 * figures, and the returned error is to be marked on {@code at}.
	 */
	private static Problem failed(EObject subject, String name, IFile file, EObject at, String message,
			List<ZcBuildResults.Footprint> footprints) {
		footprints.add(new ZcBuildResults.Footprint(name, subject.eClass().getName().toLowerCase(java.util.Locale.ROOT), file, null, message));
		return Problem.at(at, Problem.Severity.ERROR, CALCULATION_FAILED, message);
	}

	/**
	 * The results of every criterion among the models. The footprint calculation has already checked the rule-sets
	 * of its methodology and the stand-alone ones; only the rule-sets of the other methodologies are checked here,
	 * so that no criterion is evaluated twice in one build.
	 */
	private static List<CriterionResult> criteria(ModelSet modelSet, Methodology methodology, List<ZcBuildResults.Footprint> footprints,
			ResourceSet models, SubMonitor progress) {
		CriteriaChecker checker = new CriteriaChecker(measurements(progress));
		FootprintResult computed = footprints.stream().map(ZcBuildResults.Footprint::result).filter(r -> r != null).findFirst().orElse(null);
		if (computed == null) {
			List<CriterionResult> results = checker.check(modelSet.ruleSets(null), models);
			progress.done();
			return results;
		}
		Map<String, CriterionResult> byId = new HashMap<>();
		computed.criteria().forEach(c -> byId.put(c.id(), c));
		List<RuleSet> others = new ArrayList<>();
		modelSet.methodologies().stream().filter(m -> m != methodology).forEach(m -> others.addAll(m.getRuleSets()));
		checker.check(others, models).forEach(c -> byId.put(c.id(), c));
		// in the order the rule-sets are written, as zcw check lists them
		List<CriterionResult> results = new ArrayList<>();
		for (RuleSet ruleSet : modelSet.ruleSets(null)) {
			for (var criterion : ruleSet.getCriteria()) {
				CriterionResult result = byId.get(ruleSet.getName() + "." + criterion.getName());
				if (result != null) {
					results.add(result);
				}
			}
		}
		progress.done();
		return results;
	}

	/** Records where the machines, utilities and functions of a footprint are written, for the Footprint view. */
	private static void locateEquipment(FootprintResult result, ResourceSet models, Map<URI, IFile> files,
			Map<String, ZcBuildResults.Location> locations) {
		for (FootprintResult.Equipment equipment : result.equipment()) {
			locateUri(equipment.elementUri(), models, files, locations);
			if (equipment.allocation() != null) {
				equipment.allocation().functions().forEach(f -> locateUri(f.elementUri(), models, files, locations));
			}
		}
	}

	private static void locateUri(String elementUri, ResourceSet models, Map<URI, IFile> files, Map<String, ZcBuildResults.Location> locations) {
		if (elementUri == null || locations.containsKey(elementUri)) {
			return;
		}
		EObject element = models.getEObject(URI.createURI(elementUri), false);
		if (element != null) {
			locate(element, files, locations);
		}
	}

	/** Records where an element is written, for navigation from the views. */
	private static ZcBuildResults.Location locate(EObject element, Map<URI, IFile> files, Map<String, ZcBuildResults.Location> locations) {
		ZcBuildResults.Location known = locations.get(org.eclipse.emf.ecore.util.EcoreUtil.getURI(element).toString());
		if (known != null) {
			return known; // many criteria look at the same machines
		}
		Problem at = Problem.at(element, Problem.Severity.INFO, "", "");
		IFile file = files.get(URI.createURI(at.fileUri()));
		if (file == null) {
			return null;
		}
		ZcBuildResults.Location location = new ZcBuildResults.Location(file, at.line(), at.offset(), at.length());
		locations.put(at.elementUri(), location);
		return location;
	}

	/** The subject's diagram for the HTML report; none when it cannot be drawn (the report is written anyway). */
	private static String diagram(EObject subject) {
		if (!org.zerocarbon.diagram.SceneBuilder.supports(subject)) {
			return null;
		}
		try {
			return org.zerocarbon.diagram.DiagramSvg.inline(subject);
		} catch (RuntimeException e) {
			org.eclipse.core.runtime.ILog.of(ReportStage.class).warn("No diagram for " + ModelSet.nameOf(subject) + ": " + e.getMessage(), e);
			return null;
		}
	}

	/** Makes the written files visible in the workspace, marks them derived and removes reports no longer produced. */
	private static void publish(IFolder folder, Set<String> written) throws CoreException {
		folder.refreshLocal(IResource.DEPTH_ONE, null);
		if (!folder.exists()) {
			return;
		}
		folder.setDerived(true, null);
		for (IResource member : folder.members()) {
			if (member instanceof IFile file && written.contains(file.getName())) {
				file.setDerived(true, null);
			}
		}
		deleteStaleReports(folder.getProject(), written);
	}

	private static void deleteStaleReports(IProject project, Set<String> written) throws CoreException {
		IFolder folder = project.getFolder(REPORTS_FOLDER);
		if (!folder.exists()) {
			return;
		}
		for (IResource member : folder.members()) {
			// only derived files are ours: a file a user put there is never deleted
			if (member instanceof IFile file && file.isDerived() && !written.contains(file.getName())) {
				file.delete(true, null);
			}
		}
	}

	/** Removes every generated report (for clean builds). */
	static void clean(IProject project) throws CoreException {
		deleteStaleReports(project, Set.of());
	}

	/**
	 * The findings of a footprint as problems: on the element they name when it is in this project's files (the ones
	 * this build marks), otherwise on the line or park. A finding shared by several subjects (e.g. a certificate
	 * claimed twice, found for every line on its site) is marked once per element, code and message.
	 */
	static List<Problem> findingProblems(FootprintResult result, EObject subject, Set<URI> own, Map<URI, IFile> files,
			Map<String, ZcBuildResults.Location> locations) {
		List<Problem> problems = org.zerocarbon.report.ResultProblems.findings(result, subject, e -> own.contains(e.eResource().getURI()));
		for (FootprintResult.Finding finding : result.findings()) {
			EObject element = finding.elementUri() == null ? null : subject.eResource().getResourceSet().getEObject(URI.createURI(finding.elementUri()), false);
			locate(element != null && element.eResource() != null && own.contains(element.eResource().getURI()) ? element : subject, files, locations);
		}
		return problems;
	}

	private static List<Problem> criterionProblems(CriterionResult result, ResourceSet models, Map<URI, IFile> files,
			Map<String, ZcBuildResults.Location> locations) {
		for (FootprintResult.Evidence evidence : result.evidence()) {
			EObject element = evidence.elementUri() == null ? null : models.getEObject(URI.createURI(evidence.elementUri()), false);
			if (element != null) {
				locate(element, files, locations);
			}
		}
		return org.zerocarbon.report.ResultProblems.criterion(result, models, e -> true);
	}
}
