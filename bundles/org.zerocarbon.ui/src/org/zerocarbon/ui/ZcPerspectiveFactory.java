package org.zerocarbon.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.navigator.resources.ProjectExplorer;
import org.zerocarbon.ui.views.CriteriaView;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.ui.views.HelpView;
import org.zerocarbon.ui.views.MeterView;
import org.zerocarbon.ui.wizards.NewModelFileWizard;
import org.zerocarbon.ui.wizards.NewZcProjectWizard;

/**
 * The "ZeroCarbon Engineering" perspective: models on the left, the model editor in the middle, its outline on
 * the right, problems, criteria, footprint, meters and properties below; the ZeroCarbon wizards first in File > New.
 */
public class ZcPerspectiveFactory implements IPerspectiveFactory {

	/** Perspective id. */
	public static final String ID = "org.zerocarbon.ui.perspective";
	/** The Platform's Error Log view (org.eclipse.ui.views.log). */
	public static final String ERROR_LOG = "org.eclipse.pde.runtime.LogView";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editorArea = layout.getEditorArea();
		layout.addView(ProjectExplorer.VIEW_ID, IPageLayout.LEFT, 0.22f, editorArea);
		layout.addView(IPageLayout.ID_OUTLINE, IPageLayout.RIGHT, 0.75f, editorArea);
		// the bottom half: the Footprint view needs the height for its table, its figures and the summary
		IFolderLayout bottom = layout.createFolder("org.zerocarbon.ui.bottom", IPageLayout.BOTTOM, 0.5f, editorArea);
		bottom.addView(IPageLayout.ID_PROBLEM_VIEW);
		bottom.addView(CriteriaView.ID);
		bottom.addView(FootprintView.ID);
		bottom.addView(MeterView.ID); // the measured data behind the footprint's use stage, beside it
		bottom.addView(IPageLayout.ID_PROP_SHEET);
		bottom.addPlaceholder(HelpView.ID);
		bottom.addPlaceholder(ERROR_LOG);
		layout.addShowViewShortcut(ProjectExplorer.VIEW_ID);
		layout.addShowViewShortcut(IPageLayout.ID_PROBLEM_VIEW);
		layout.addShowViewShortcut(CriteriaView.ID);
		layout.addShowViewShortcut(FootprintView.ID);
		layout.addShowViewShortcut(MeterView.ID);
		layout.addShowViewShortcut(HelpView.ID);
		layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
		layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
		layout.addShowViewShortcut(ERROR_LOG);
		layout.addNewWizardShortcut(NewZcProjectWizard.ID);
		layout.addNewWizardShortcut(NewModelFileWizard.ID);
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.project");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.file");
		layout.addNewWizardShortcut("org.eclipse.ui.wizards.new.folder");
	}
}
