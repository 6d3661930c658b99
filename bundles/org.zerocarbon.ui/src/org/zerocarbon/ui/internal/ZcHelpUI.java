package org.zerocarbon.ui.internal;

import java.net.URL;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IContext;
import org.eclipse.help.IHelpResource;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.help.AbstractHelpUI;
import org.zerocarbon.ui.views.HelpView;

/**
 * The workbench's help system UI ({@code org.eclipse.ui.helpSupport}): Help &gt; Help Contents, Search and Show
 * Context Help, and F1 on our views, open the {@link HelpView}. Contexts come from the Platform's own registry
 * ({@code org.eclipse.help.contexts}, our {@code contexts.xml}); their first topic names the guide and section.
 * <p>
 * We do not ship the Eclipse help system's UI ({@code org.eclipse.help.ui}, {@code help.base}, {@code help.webapp}):
 * it serves pages from an embedded Jetty with JSPs and a Lucene index and shows them in a browser, a server and
 * three libraries for five Markdown guides that the Help view renders natively, with search, from the same files.
 */
public class ZcHelpUI extends AbstractHelpUI {

	/** Prefix of our context ids: {@code org.zerocarbon.ui.footprintView} is {@code footprintView} in contexts.xml. */
	public static final String CONTEXT_PREFIX = "org.zerocarbon.ui.";

	@Override
	public void displayHelp() {
		HelpView view = view();
		if (view != null) {
			view.showDocument(HelpView.WORKBENCH_GUIDE, null);
		}
	}

	@Override
	public void displaySearch() {
		HelpView view = view();
		if (view != null) {
			view.focusSearch();
		}
	}

	@Override
	public void search(String expression) {
		HelpView view = view();
		if (view != null) {
			view.search(expression == null ? "" : expression);
		}
	}

	/** The context help of the active part: its section, or the workbench guide for parts without one. */
	@Override
	public void displayDynamicHelp() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPart part = window == null || window.getActivePage() == null ? null : window.getActivePage().getActivePart();
		IContext context = part == null ? null : HelpSystem.getContext(contextOf(part.getSite().getId()));
		if (context != null) {
			displayContext(context, 0, 0);
		} else {
			displayHelp();
		}
	}

	/** Our context id of a part id: {@code org.zerocarbon.ui.footprintView} for the Footprint view, and so on. */
	static String contextOf(String partId) {
		return switch (partId) {
			case "org.zerocarbon.ui.footprintView" -> CONTEXT_PREFIX + "footprintView";
			case "org.zerocarbon.ui.criteriaView" -> CONTEXT_PREFIX + "criteriaView";
			case HelpView.ID -> CONTEXT_PREFIX + "helpView";
			case "org.zerocarbon.diagram.ui.editor" -> CONTEXT_PREFIX + "diagramEditor";
			case "org.zerocarbon.lang.ui.editor" -> CONTEXT_PREFIX + "modelEditor";
			default -> partId;
		};
	}

	@Override
	public void displayContext(IContext context, int x, int y) {
		IHelpResource[] topics = context.getRelatedTopics();
		if (topics != null && topics.length > 0 && topics[0].getHref() != null) {
			displayHelpResource(topics[0].getHref());
		} else {
			displayHelp();
		}
	}

	/** Shows {@code help/x.md#anchor} (also {@code /org.zerocarbon.ui/help/x.md#anchor}); anything else: the contents. */
	@Override
	public void displayHelpResource(String href) {
		HelpView view = view();
		if (view == null) {
			return;
		}
		String path = href.replaceFirst("^/?org\\.zerocarbon\\.ui/", "");
		String[] parts = path.split("#", 2);
		if (!view.showDocument(parts[0], parts.length > 1 ? parts[1] : null)) {
			view.showDocument(HelpView.WORKBENCH_GUIDE, null);
		}
	}

	@Override
	public boolean isContextHelpDisplayed() {
		return false;
	}

	@Override
	public URL resolve(String href, boolean documentOnly) {
		return null;
	}

	private static HelpView view() {
		IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		IWorkbenchPage page = window == null ? null : window.getActivePage();
		if (page == null) {
			return null;
		}
		try {
			return (HelpView) page.showView(HelpView.ID);
		} catch (PartInitException e) {
			MessageDialog.openError(window.getShell(), "Help", "Cannot open the help: " + e.getMessage());
			return null;
		}
	}
}
