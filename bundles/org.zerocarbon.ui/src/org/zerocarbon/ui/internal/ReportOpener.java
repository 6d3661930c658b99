package org.zerocarbon.ui.internal;

import java.net.URI;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.program.Program;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.ide.IDE;

/**
 * Opens HTML reports and web links. A report opens in the workbench's own {@link ReportEditor} (a browser widget
 * where WebKitGTK is installed, otherwise a page with its path and a link to the system browser); a web link opens in
 * the system browser. We call SWT's {@link Program} rather than the workbench's browser support: when no browser is
 * set up, the latter reports "Unable to open web browser on {0}" by itself, asynchronously, with neither the address
 * nor a way for us to fall back.
 */
public final class ReportOpener {

	private ReportOpener() {
	}

	/**
	 * Opens a report in the {@link ReportEditor}; if even that fails, says where the report is.
	 *
	 * @return the editor, or null when none could be opened (the user was told why)
	 */
	public static IEditorPart open(IWorkbenchPage page, IFile report) {
		if (!report.exists()) {
			MessageDialog.openInformation(page.getWorkbenchWindow().getShell(), "HTML Report",
					"There is no HTML report yet at " + report.getLocation() + ": it is written by the next build without errors.");
			return null;
		}
		try {
			return IDE.openEditor(page, report, ReportEditor.ID, true);
		} catch (PartInitException e) {
			ILog.of(ReportOpener.class).error("Cannot open " + report.getLocation(), e);
			MessageDialog.openInformation(page.getWorkbenchWindow().getShell(), "HTML Report",
					"The report could not be opened (" + e.getMessage() + "). It is " + report.getLocation() + ".");
			return null;
		}
	}

	/**
	 * Opens an address in the desktop's default web browser.
	 *
	 * @return false when the desktop has no browser for it (nothing was started)
	 */
	public static boolean launchSystemBrowser(URI uri) {
		try {
			return Program.launch(uri.toString());
		} catch (RuntimeException e) {
			ILog.of(ReportOpener.class).info("No system browser for " + uri + ": " + e);
			return false;
		}
	}

	/** Says why SWT has no browser widget, in the user's terms, from SWT's error message. */
	static String noBrowserReason(String swtMessage) {
		if (swtMessage != null && swtMessage.contains("turned off")) {
			return swtMessage.strip();
		}
		return "WebKitGTK is not installed; on Debian: apt-get install libwebkit2gtk-4.1-0"
				+ (swtMessage == null || swtMessage.isBlank() ? "" : "; SWT says: " + swtMessage.strip());
	}
}
