package org.zerocarbon.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.resource.ResourceLocator;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Control;

/** The bundle's icons ({@code icons/*.png}), created on demand and disposed with the control that uses them. */
public final class Icons {

	/** Bundle of the icons. */
	public static final String BUNDLE = "org.zerocarbon.ui";

	private final LocalResourceManager resources;

	/** Icons for the lifetime of {@code owner}. */
	public Icons(Control owner) {
		resources = new LocalResourceManager(JFaceResources.getResources(), owner);
	}

	/** The image of {@code icons/<name>.png}, or null when it is missing (logged). */
	public Image get(String name) {
		ImageDescriptor descriptor = descriptor(name);
		return descriptor == null ? null : resources.create(descriptor);
	}

	/** The descriptor of {@code icons/<name>.png}, e.g. for actions; null when missing (logged). */
	public static ImageDescriptor descriptor(String name) {
		ImageDescriptor descriptor = ResourceLocator.imageDescriptorFromBundle(BUNDLE, "icons/" + name + ".png").orElse(null);
		if (descriptor == null) {
			ILog.of(Icons.class).warn("Missing icon icons/" + name + ".png");
		}
		return descriptor;
	}
}
