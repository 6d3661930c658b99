package org.zerocarbon.ui.internal;

import java.net.URI;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResourceChangeEvent;
import org.eclipse.core.resources.IResourceChangeListener;
import org.eclipse.core.resources.IResourceDelta;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTError;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.IURIEditorInput;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

/**
 * Shows an HTML report read-only inside the workbench. Where SWT has a browser widget (WebKitGTK on Linux: Debian's
 * {@code libwebkit2gtk-4.1-0}) the report is rendered in it, and reloaded whenever the builder rewrites it; where it
 * has none, the editor says so, gives the report's path and offers the system browser ({@link ReportOpener}).
 * Registered as the default editor of {@code .html} files, so a double-click in the Project Explorer opens a report
 * here rather than as editable text.
 */
public class ReportEditor extends EditorPart {

	/** Editor id. */
	public static final String ID = "org.zerocarbon.ui.reportEditor";

	/**
	 * Whether to try the built-in browser widget at all; {@code -Dzcw.builtInBrowser=false} turns it off (where
	 * WebKitGTK is installed but misbehaves, e.g. on some remote displays), and tests use it for the fallback.
	 */
	public static volatile boolean builtInBrowser = !"false".equals(System.getProperty("zcw.builtInBrowser"));

	private Browser browser;
	private Label fallback;
	private URI uri;
	private IFile file;
	private final IResourceChangeListener reload = this::resourceChanged;

	@Override
	public void init(IEditorSite site, IEditorInput input) throws PartInitException {
		setSite(site);
		setInput(input);
		if (input instanceof IFileEditorInput fileInput) {
			file = fileInput.getFile();
			uri = file.getLocationURI();
		} else if (input instanceof IURIEditorInput uriInput) {
			uri = uriInput.getURI();
		} else {
			throw new PartInitException("Not a file: " + input.getName());
		}
		setPartName(input.getName());
		setTitleToolTip(path());
	}

	@Override
	public void createPartControl(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout();
		layout.marginWidth = layout.marginHeight = 0;
		body.setLayout(layout);
		try {
			if (!builtInBrowser) {
				throw new SWTError("the built-in browser is turned off (-Dzcw.builtInBrowser=false)");
			}
			browser = new Browser(body, SWT.NONE);
			browser.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
			browser.setUrl(uri.toString());
			ResourcesPlugin.getWorkspace().addResourceChangeListener(reload, IResourceChangeEvent.POST_CHANGE);
		} catch (SWTError noBrowser) {
			// SWT could not load WebKitGTK: the widget it created half-way is disposed by SWT itself
			browser = null;
			showFallback(body, noBrowser.getMessage());
		}
	}

	private void showFallback(Composite body, String reason) {
		layoutChildren(body);
		fallback = new Label(body, SWT.WRAP);
		fallback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		fallback.setText("This workbench has no built-in web browser (" + ReportOpener.noBrowserReason(reason)
				+ "), so the report cannot be shown here.\n\nThe report is " + path());
		Link open = new Link(body, SWT.NONE);
		open.setText("<a>Open it in the system web browser</a>");
		open.addListener(SWT.Selection, e -> {
			if (!ReportOpener.launchSystemBrowser(uri)) {
				fallback.setText(fallback.getText() + "\n\nNo system web browser is set up either: open the file above with a browser of your choice.");
				body.layout(true, true);
			}
		});
	}

	private static void layoutChildren(Composite body) {
		GridLayout layout = (GridLayout) body.getLayout();
		layout.marginWidth = layout.marginHeight = 12;
		layout.verticalSpacing = 10;
	}

	/** The report's path on disk, as the user would type it. */
	private String path() {
		return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
	}

	private void resourceChanged(IResourceChangeEvent event) {
		IResourceDelta delta = file == null || event.getDelta() == null ? null : event.getDelta().findMember(file.getFullPath());
		if (delta != null && browser != null) {
			browser.getDisplay().asyncExec(() -> {
				if (!browser.isDisposed()) {
					browser.refresh();
				}
			});
		}
	}

	/** The browser widget, or null when none is available (for tests). */
	public Browser browser() {
		return browser;
	}

	/** The text shown instead of the report when no browser widget is available, or null (for tests). */
	public String fallbackText() {
		return fallback == null ? null : fallback.getText();
	}

	@Override
	public void setFocus() {
		if (browser != null) {
			browser.setFocus();
		} else if (fallback != null) {
			fallback.getParent().setFocus();
		}
	}

	@Override
	public void dispose() {
		ResourcesPlugin.getWorkspace().removeResourceChangeListener(reload);
		super.dispose();
	}

	@Override
	public void doSave(IProgressMonitor monitor) {
		// read-only
	}

	@Override
	public void doSaveAs() {
		// read-only
	}

	@Override
	public boolean isDirty() {
		return false;
	}

	@Override
	public boolean isSaveAsAllowed() {
		return false;
	}
}
