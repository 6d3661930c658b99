package org.zerocarbon.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.CriteriaChecker;
import org.zerocarbon.core.calc.FootprintCalculator;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Methodology;
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
	static final String CALCULATION_FAILED = "org.zerocarbon.workspace.calculationFailed";
	/** Issue code of a project with lines or parks but no usable methodology. */
	static final String NO_METHODOLOGY = "org.zerocarbon.workspace.noMethodology";

	private static final Set<ReportFormat> FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML);

	private ReportStage() {
	}

	/**
	 * Computes, writes the reports and returns the problems to show as markers (criteria, calculation failures).
	 */
	static List<Problem> run(IProject project, ResourceSet models, Set<URI> ownFiles, SubMonitor progress) throws CoreException {
		List<Problem> problems = new ArrayList<>();
		ModelSet modelSet = new ModelSet(models);
		// lines and parks of referenced projects get their reports in their own project
		List<EObject> subjects = modelSet.subjects().stream().filter(s -> ownFiles.contains(s.eResource().getURI())).toList();
		progress.setWorkRemaining(10 + 10 * subjects.size());
		for (CriterionResult result : new CriteriaChecker().check(modelSet.ruleSets(null), models)) {
			problems.addAll(criterionProblems(result, models));
		}
		progress.worked(10);
		if (subjects.isEmpty()) {
			deleteStaleReports(project, Set.of());
			return problems;
		}
		Methodology methodology;
		try {
			methodology = modelSet.footprintMethodology(null);
		} catch (CalculationException e) {
			EObject first = subjects.get(0);
			// informational: a project may hold lines whose methodology lives elsewhere
			problems.add(Problem.at(first, Problem.Severity.INFO, NO_METHODOLOGY, "No footprint report: " + e.getMessage()));
			return problems;
		}
		FootprintCalculator calculator = new FootprintCalculator(FootprintCalculator.Options.DETERMINISTIC);
		IFolder folder = project.getFolder(REPORTS_FOLDER);
		Path directory = folder.getLocation().toFile().toPath();
		Set<String> written = new HashSet<>();
		for (EObject subject : subjects) {
			progress.checkCanceled();
			String name = ModelSet.nameOf(subject);
			progress.subTask("Footprint of " + name);
			try {
				FootprintResult result = calculator.calculate(subject, methodology, progress.split(5));
				ReportOptions options = ReportOptions.defaults().withBaseName(name).withDiagram(diagram(subject));
				for (Path file : ReportWriter.write(result, FORMATS, directory, options, progress.split(5))) {
					written.add(file.getFileName().toString());
				}
			} catch (CalculationException e) {
				problems.add(Problem.at(subject, Problem.Severity.ERROR, CALCULATION_FAILED,
						"Cannot compute the footprint of " + name + ": " + e.getMessage()));
			} catch (IOException e) {
				throw new CoreException(Status.error("Cannot write the reports of " + name + " to " + directory + ": " + e.getMessage(), e));
			}
		}
		publish(folder, written);
		return problems;
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

	private static List<Problem> criterionProblems(CriterionResult result, ResourceSet models) {
		List<Problem> problems = new ArrayList<>();
		if (result.status() != CriterionResult.Status.FAIL) {
			return problems;
		}
		Problem.Severity severity = switch (result.severity()) {
			case "error" -> Problem.Severity.ERROR;
			case "warning" -> Problem.Severity.WARNING;
			default -> Problem.Severity.INFO;
		};
		String code = "org.zerocarbon.criteria." + result.id();
		for (FootprintResult.Evidence evidence : result.evidence()) {
			if (evidence.satisfied() || evidence.elementUri() == null) {
				continue;
			}
			EObject element = models.getEObject(URI.createURI(evidence.elementUri()), false);
			if (element != null) {
				problems.add(Problem.at(element, severity, code, "Criterion " + result.id()
						+ (result.clause() == null ? "" : " (" + result.clause() + ")") + ": " + evidence.detail()));
			}
		}
		return problems;
	}
}
