package org.zerocarbon.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The example factor library, methodologies and models shipped inside this bundle (copied from {@code examples/}
 * at build time, see the bundle's pom.xml), for the New ZeroCarbon Project wizard. Resources are listed through
 * the bundle's class path, which works for the packaged jar and for bundles run from their output folder.
 */
public final class BundledExamples {

	/** Folder of the example factor library and methodologies, below the bundle's class path root. */
	public static final String LIBRARY = "examples/zc-library/";
	/** Folder of the example models (the housing cell line, its loop and park). */
	public static final String MODELS = "examples/housing-cell/model/";

	/**
	 * One bundled model file.
	 *
	 * @param resource its path in the bundle, e.g. {@code examples/zc-library/factors/grid.zc}
	 * @param path     its path relative to its example folder, e.g. {@code factors/grid.zc}
	 * @param summary  the description of the file's first element, or its path
	 */
	public record Entry(String resource, String path, String summary) {
	}

	/**
	 * A grid factor of the bundled library.
	 *
	 * @param qualifiedName e.g. {@code zc.lib.grid.DE_2023}
	 * @param description   e.g. "Germany, 2023"
	 * @param region        e.g. {@code DE}
	 */
	public record GridFactor(String qualifiedName, String description, String region) {
	}

	private static final Pattern DESCRIBED_ELEMENT = Pattern.compile("(?m)^(?:factors|methodology|criteria|site|line|loop|park)\\s+\\^?\\w+\\s+(?:\\w+\\s+)?\"([^\"]+)\"");
	private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.^]+)");
	/** A grid factor: its name, optional description, value and optional block (whose region is looked for). */
	private static final Pattern GRID_FACTOR = Pattern.compile("grid\\s+factor\\s+\\^?(\\w+)(?:\\s+\"([^\"]*)\")?\\s*=[^{}\\n]*(\\{[^}]*\\})?");
	private static final Pattern REGION = Pattern.compile("region\\s+\"([^\"]*)\"");

	private BundledExamples() {
	}

	/** The factor library and methodology files, by path. */
	public static List<Entry> library() throws IOException {
		return entries(LIBRARY);
	}

	/** The example model files, by path. */
	public static List<Entry> models() throws IOException {
		return entries(MODELS);
	}

	/** The text of a bundled file. */
	public static String read(String resource) throws IOException {
		URL url = bundle().getResource(resource);
		if (url == null) {
			throw new IOException("The bundle " + bundle().getSymbolicName() + " has no resource " + resource);
		}
		try (InputStream in = url.openStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	/** The grid factors defined in the given library files, in file order. */
	public static List<GridFactor> gridFactors(Collection<Entry> files) throws IOException {
		List<GridFactor> factors = new ArrayList<>();
		for (Entry file : files) {
			factors.addAll(gridFactors(read(file.resource())));
		}
		return factors;
	}

	/**
	 * The grid factors a model file's text defines, in file order, named as the language names them (package and
	 * factor name; the library's name is skipped). A factor without a region has the region "".
	 */
	public static List<GridFactor> gridFactors(String text) {
		List<GridFactor> factors = new ArrayList<>();
		Matcher pkg = PACKAGE.matcher(text);
		String prefix = pkg.find() ? pkg.group(1).replace("^", "") + "." : "";
		Matcher factor = GRID_FACTOR.matcher(text);
		while (factor.find()) {
			Matcher region = factor.group(3) == null ? null : REGION.matcher(factor.group(3));
			factors.add(new GridFactor(prefix + factor.group(1), factor.group(2) == null ? "" : factor.group(2),
					region != null && region.find() ? region.group(1) : ""));
		}
		return factors;
	}

	/**
	 * The grid factor a new line starts on: the one of the user's country (the locale's; Great Britain's is the
	 * library's "UK"), else, in an EU member state, the EU average, else the world average, else the first factor.
	 * A default only: the wizard shows it and the user chooses the grid the plant really buys from.
	 *
	 * @return null when there is no factor
	 */
	public static GridFactor defaultGrid(List<GridFactor> factors, Locale locale) {
		String country = locale.getCountry().toUpperCase(Locale.ROOT);
		List<String> wanted = new ArrayList<>();
		if (!country.isEmpty()) {
			wanted.add(country.equals("GB") ? "UK" : country);
			if (EU27.contains(country)) {
				wanted.add("EU27");
			}
		}
		wanted.add("WORLD");
		for (String region : wanted) {
			for (GridFactor factor : factors) {
				if (factor.region().equalsIgnoreCase(region)) {
					return factor;
				}
			}
		}
		return factors.isEmpty() ? null : factors.get(0);
	}

	/** The member states of the European Union (ISO 3166 codes), whose grid defaults to the EU's average. */
	private static final Set<String> EU27 = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
			"LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

	/**
	 * The qualified names of the factors of one kind ({@code material}, {@code transport} ...) that a model
	 * file's text defines, in file order.
	 */
	public static List<String> factorNames(String kind, String text) {
		List<String> names = new ArrayList<>();
		Matcher pkg = PACKAGE.matcher(text);
		String prefix = pkg.find() ? pkg.group(1).replace("^", "") + "." : "";
		Matcher factor = Pattern.compile("(?m)^\\s*" + Pattern.quote(kind) + "\\s+factor\\s+\\^?(\\w+)").matcher(text);
		while (factor.find()) {
			names.add(prefix + factor.group(1));
		}
		return names;
	}

	/** The first factor of one kind in the given library files, or null. */
	public static String firstFactor(String kind, Collection<Entry> files) throws IOException {
		List<String> texts = new ArrayList<>();
		for (Entry file : files) {
			texts.add(read(file.resource()));
		}
		return firstFactorIn(kind, texts);
	}

	/**
	 * The first factor of one kind in the given model texts, or null. For {@code transport}, a road-freight factor
	 * comes first (named HGV, truck, lorry or road), since the templates write the delivery {@code by truck}.
	 */
	public static String firstFactorIn(String kind, List<String> texts) {
		List<String> names = new ArrayList<>();
		for (String text : texts) {
			names.addAll(factorNames(kind, text));
		}
		if (kind.equals("transport")) {
			for (String name : names) {
				if (ROAD.matcher(name.substring(name.lastIndexOf('.') + 1)).find()) {
					return name;
				}
			}
		}
		return names.isEmpty() ? null : names.get(0);
	}

	private static final Pattern ROAD = Pattern.compile("(?i)hgv|truck|lorry|road|lkw");

	private static List<Entry> entries(String folder) throws IOException {
		BundleWiring wiring = bundle().adapt(BundleWiring.class);
		if (wiring == null) {
			throw new IOException("The bundle " + bundle().getSymbolicName() + " is not resolved");
		}
		List<Entry> entries = new ArrayList<>();
		for (String resource : wiring.listResources(folder, "*.zc", BundleWiring.LISTRESOURCES_RECURSE)) {
			String path = resource.substring(folder.length());
			entries.add(new Entry(resource, path, summary(read(resource), path)));
		}
		entries.sort(java.util.Comparator.comparing(Entry::path));
		return entries;
	}

	/** The description of the file's first element (e.g. "Grid intensities of public electricity"), else its path. */
	private static String summary(String text, String fallback) {
		Matcher element = DESCRIBED_ELEMENT.matcher(text);
		return element.find() ? element.group(1) : fallback;
	}

	private static Bundle bundle() {
		return FrameworkUtil.getBundle(BundledExamples.class);
	}
}
