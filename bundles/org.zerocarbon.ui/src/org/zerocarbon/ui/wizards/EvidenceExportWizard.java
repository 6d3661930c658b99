package org.zerocarbon.ui.wizards;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.ui.IExportWizard;
import org.eclipse.ui.IWorkbench;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.ManifestSignature;
import org.zerocarbon.evidence.MeasuredEvidence;
import org.zerocarbon.evidence.RawDay;
import org.zerocarbon.ui.internal.Builds;
import org.zerocarbon.ui.internal.ModelFiles;

/**
 * File > Export > ZeroCarbon > ZeroCarbon Evidence Package: the package a tender or a verifier gets (docs/evidence.md),
 * of a project's lines and parks with the models of the project and of the projects it references, built by the same
 * {@link EvidencePackage} as {@code zcw evidence}, with progress and cancellation in the wizard. The Criteria view's
 * "Export Evidence..." opens it for the selected project or subject.
 */
public class EvidenceExportWizard extends Wizard implements IExportWizard {

	/** Wizard id, as registered in plugin.xml. */
	public static final String ID = "org.zerocarbon.ui.wizards.exportEvidence";

	/**
	 * What to export.
	 *
	 * @param project     the project whose models (and whose referenced projects' models) go into the package
	 * @param subjects    qualified names of the lines and parks to report; empty for all
	 * @param loops       qualified names of the energy loops whose diagrams go in; null for all, empty for none
	 * @param methodology the methodology's name; null for the only one with life-cycle modules
	 * @param zip         the file to write
	 * @param iterations  Monte Carlo iterations
	 * @param seed        Monte Carlo seed
	 * @param rawDay      the day of the raw samples; null for the representative day
	 * @param rawSamples  whether raw samples go in at all
	 * @param signer      the key that signs the manifest, or null
	 */
	public record Request(IProject project, List<String> subjects, List<String> loops, String methodology, Path zip, int iterations, long seed, LocalDate rawDay,
			boolean rawSamples, ManifestSignature.Signer signer) {
	}

	private IProject project;
	private String subject;
	private EvidenceExportWizardPage page;
	private boolean confirm = true;

	public EvidenceExportWizard() {
		setWindowTitle("Export ZeroCarbon Evidence Package");
		setNeedsProgressMonitor(true);
	}

	@Override
	public void init(IWorkbench workbench, IStructuredSelection selection) {
		Object first = selection == null ? null : selection.getFirstElement();
		IResource resource = first == null ? null : Adapters.adapt(first, IResource.class);
		project = resource != null && Builds.isZcProject(resource.getProject()) ? resource.getProject() : null;
		if (project == null && !Builds.zcProjects().isEmpty()) {
			project = Builds.zcProjects().get(0);
		}
	}

	/** Preselects a project and one of its lines or parks (null for all), e.g. the Criteria view's selection. */
	public void select(IProject chosen, String chosenSubject) {
		this.project = chosen;
		this.subject = chosenSubject;
	}

	/** Whether a message says where the package went when it is written (tests switch it off). */
	public void setConfirm(boolean on) {
		confirm = on;
	}

	@Override
	public void addPages() {
		page = new EvidenceExportWizardPage(project, subject);
		addPage(page);
	}

	/** The page, for tests. */
	public EvidenceExportWizardPage page() {
		return page;
	}

	@Override
	public boolean performFinish() {
		Request request;
		try {
			request = page.request();
		} catch (IllegalArgumentException e) {
			page.setErrorMessage(e.getMessage());
			return false;
		}
		EvidencePackage.Built[] built = new EvidencePackage.Built[1];
		try {
			getContainer().run(true, true, monitor -> {
				try {
					built[0] = export(request, monitor);
				} catch (CoreException | IOException | CalculationException e) {
					throw new InvocationTargetException(e);
				} catch (OperationCanceledException e) {
					throw new InterruptedException();
				}
			});
		} catch (InvocationTargetException e) {
			page.setErrorMessage(e.getCause().getMessage());
			return false;
		} catch (InterruptedException e) {
			page.setErrorMessage("Cancelled: no package was written");
			return false;
		}
		if (confirm) {
			MessageDialog.openInformation(getShell(), "Evidence package written", "Wrote " + request.zip() + " (" + built[0].entries().size()
					+ " files).\n\nA verifier checks it with: zcw evidence verify " + request.zip().getFileName());
		}
		return true;
	}

	/**
	 * Builds the package (UI-free, so that tests and other callers can use it): the .zc files of the project and of
	 * the open projects it references, below their common folder.
	 *
	 * @throws CalculationException when the models have errors or nothing can be computed
	 */
	public static EvidencePackage.Built export(Request request, IProgressMonitor monitor) throws CoreException, IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Exporting the evidence package of " + request.project().getName(), 100);
		List<Path> files = ModelFiles.of(request.project()).stream().map(uri -> Path.of(uri.toFileString())).toList();
		progress.split(5);
		List<MeasuredEvidence> measured = !request.rawSamples() ? List.of()
				: List.of(request.rawDay() == null ? RawDay.representative() : RawDay.of(request.rawDay()));
		EvidencePackage.Options options = EvidencePackage.Options.defaults().withMethodology(request.methodology()).withSubjects(request.subjects())
				.withLoops(request.loops()).withIterations(request.iterations()).withSeed(request.seed()).withMeasured(measured).withSigner(request.signer());
		return EvidencePackage.build(files, null, options, request.zip(), progress.split(95));
	}
}
