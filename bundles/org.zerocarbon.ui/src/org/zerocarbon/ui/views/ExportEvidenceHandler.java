package org.zerocarbon.ui.views;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IProject;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;
import org.zerocarbon.ui.wizards.EvidenceExportWizard;

/**
 * The Criteria view's "Export Evidence...": the evidence package wizard for the project of the selected row, with
 * the selected line or park checked alone when the row is the evidence of one.
 */
public final class ExportEvidenceHandler extends AbstractHandler {

	@Override
	public Object execute(ExecutionEvent event) {
		ISelection selection = HandlerUtil.getCurrentSelection(event);
		Object first = selection instanceof IStructuredSelection structured ? structured.getFirstElement() : null;
		EvidenceExportWizard wizard = wizard(first);
		new WizardDialog(HandlerUtil.getActiveShell(event), wizard).open();
		return null;
	}

	/** The wizard for a row of the Criteria view (or anything else: then for the workbench's first ZeroCarbon project). */
	public static EvidenceExportWizard wizard(Object row) {
		EvidenceExportWizard wizard = new EvidenceExportWizard();
		IProject project = project(row);
		wizard.init(PlatformUI.getWorkbench(), project == null ? StructuredSelection.EMPTY : new StructuredSelection(project));
		if (project != null) {
			wizard.select(project, subject(row, project));
		}
		return wizard;
	}

	private static IProject project(Object row) {
		return switch (row) {
			case CriteriaView.ProjectNode p -> p.project();
			case CriteriaView.RuleSetNode r -> r.parent().project();
			case CriteriaView.CriterionNode c -> c.parent().parent().project();
			case CriteriaView.EvidenceNode e -> e.parent().parent().parent().project();
			case CriteriaView.MessageNode m -> m.parent().project();
			case null, default -> null;
		};
	}

	/** The line or park an evidence row names, when it is one of the project's subjects. */
	private static String subject(Object row, IProject project) {
		if (row instanceof CriteriaView.EvidenceNode e && e.parent().parent().parent().result() != null) {
			String element = e.evidence().element();
			return e.parent().parent().parent().result().footprints().stream().map(f -> f.subject())
					.filter(s -> s.equals(element) || s.endsWith("." + element)).findFirst().orElse(null);
		}
		return null;
	}
}
