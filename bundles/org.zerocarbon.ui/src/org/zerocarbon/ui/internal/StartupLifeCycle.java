package org.zerocarbon.ui.internal;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The product's e4 life cycle ({@code lifeCycleURI} in plugin.xml): before the workbench creates its first window,
 * makes that window fill the screen in a new workspace, so that its first frame already has its final size (the
 * platform's default first window is 885 × 660 and was enlarged only after the example was imported). A workspace
 * that has shown its window once keeps the size the user left.
 */
public class StartupLifeCycle {

	private static final String SIZED = "firstWindowSized";

	/** Runs once the application context exists, before any window. */
	@PostContextCreate
	public void beforeTheFirstWindow() {
		Display display = Display.getCurrent();
		IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("org.zerocarbon.ui");
		if (display == null || preferences.getBoolean(SIZED, false)) {
			return;
		}
		Listener[] filter = new Listener[1];
		filter[0] = (Event event) -> {
			// the first workbench shell, as it is about to be shown (not dialogs, which have a parent)
			if (event.widget instanceof Shell shell && shell.getParent() == null && (shell.getStyle() & SWT.TITLE) != 0) {
				display.removeFilter(SWT.Show, filter[0]);
				Rectangle screen = shell.getMonitor().getClientArea();
				// setMaximized needs a window manager; bounds do not
				shell.setBounds(screen);
				preferences.putBoolean(SIZED, true);
				try {
					preferences.flush();
				} catch (BackingStoreException e) {
					// sized again at the next start: harmless
				}
			}
		};
		display.addFilter(SWT.Show, filter[0]);
	}
}
