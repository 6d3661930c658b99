package org.zerocarbon.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The licences of the bundles the product runs: the bundle's own {@code Bundle-License} header where it has one,
 * otherwise the entry of {@code licences.properties} (this bundle's root) for the longest prefix of its symbolic
 * name. Eclipse's own bundles state theirs in an {@code about.html} rather than a header, hence the table.
 */
public final class Licences {

	/** A bundle and its licence (null when neither the header nor the table names one). */
	public record Entry(String name, String symbolicName, String version, String licence) {
	}

	private static volatile Properties table;

	private Licences() {
	}

	/** Every bundle of the running framework, by symbolic name. */
	public static List<Entry> ofRunningBundles() {
		Bundle self = FrameworkUtil.getBundle(Licences.class);
		BundleContext context = self == null ? null : self.getBundleContext();
		List<Entry> entries = new ArrayList<>();
		if (context == null) {
			return entries;
		}
		for (Bundle bundle : context.getBundles()) {
			if (bundle.getBundleId() == 0 || bundle.getSymbolicName() == null) {
				continue; // the system bundle is org.eclipse.osgi, listed under that name as well
			}
			String name = bundle.getHeaders("").get("Bundle-Name");
			entries.add(new Entry(name == null || name.startsWith("%") ? bundle.getSymbolicName() : name, bundle.getSymbolicName(),
					bundle.getVersion().toString(), licence(bundle.getSymbolicName(), bundle.getHeaders("").get("Bundle-License"))));
		}
		entries.sort(Comparator.comparing(Entry::symbolicName));
		return entries;
	}

	/**
	 * The licence of a bundle: its header (the first clause, without attributes) or the table's entry for the longest
	 * prefix of its symbolic name; null when neither has one.
	 */
	public static String licence(String symbolicName, String header) {
		if (header != null && !header.isBlank()) {
			String first = header.split(";", 2)[0].split(",", 2)[0].strip();
			return first.startsWith("http") ? header.split(";", 2)[0].strip() : first;
		}
		String best = null;
		for (String prefix : table().stringPropertyNames()) {
			if (symbolicName.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return best == null ? null : table().getProperty(best);
	}

	private static Properties table() {
		Properties loaded = table;
		if (loaded == null) {
			loaded = new Properties();
			try (InputStream in = Licences.class.getResourceAsStream("/licences.properties")) {
				if (in != null) {
					loaded.load(in);
				}
			} catch (IOException e) {
				org.eclipse.core.runtime.ILog.of(Licences.class).warn("Cannot read licences.properties: " + e.getMessage(), e);
			}
			table = loaded;
		}
		return loaded;
	}
}
