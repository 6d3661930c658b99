package org.zerocarbon.ui.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The product's version and build id, as the About dialog and the Welcome page show them. The build id is
 * {@code eclipse.buildId}, written into the product's {@code config.ini} at build time (the {@code .product} file);
 * where it is not set (tests, a launch from the IDE) it is this bundle's qualified version, which is the same value.
 */
public final class ProductInfo {

	private ProductInfo() {
	}

	/** "0.1.0". */
	public static String version() {
		Version version = bundleVersion();
		return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
	}

	/** "0.1.0.202612021948". */
	public static String buildId() {
		String id = System.getProperty("eclipse.buildId");
		return id == null || id.isBlank() || "unknown".equals(id) ? bundleVersion().toString() : id;
	}

	private static Version bundleVersion() {
		Bundle bundle = FrameworkUtil.getBundle(ProductInfo.class);
		return bundle == null ? Version.emptyVersion : bundle.getVersion();
	}
}
