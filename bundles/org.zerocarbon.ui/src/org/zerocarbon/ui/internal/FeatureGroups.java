package org.zerocarbon.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.core.runtime.IBundleGroup;
import org.eclipse.core.runtime.IBundleGroupProvider;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The product's features, for Help &gt; About &gt; Installation Details &gt; Features and the About dialog: the
 * platform lists bundle groups from the {@link IBundleGroupProvider} services, which p2 (not in our product) would
 * otherwise register. This one reads the {@code feature.xml} of every folder in the installation's {@code features/}
 * folder (id, label, version, provider, description and the plug-ins it names). Registered as a declarative service
 * ({@code OSGI-INF/featureGroups.xml}).
 */
public class FeatureGroups implements IBundleGroupProvider {

	/** A feature as its feature.xml declares it, with the bundles of its plug-ins that are installed. */
	public record Feature(String id, String label, String version, String provider, String description, List<String> plugins)
			implements IBundleGroup {

		@Override
		public String getIdentifier() {
			return id;
		}

		@Override
		public String getName() {
			return label;
		}

		@Override
		public String getVersion() {
			return version;
		}

		@Override
		public String getDescription() {
			return description;
		}

		@Override
		public String getProviderName() {
			return provider;
		}

		@Override
		public Bundle[] getBundles() {
			return plugins.stream().map(Platform::getBundle).filter(b -> b != null).toArray(Bundle[]::new);
		}

		@Override
		public String getProperty(String key) {
			return null; // no feature image, licence link or about text of its own
		}
	}

	private volatile List<Feature> features;

	@Override
	public String getName() {
		return "ZeroCarbon Workbench features";
	}

	@Override
	public IBundleGroup[] getBundleGroups() {
		List<Feature> read = features;
		if (read == null) {
			Path folder = installedFeatures();
			read = folder == null ? List.of() : read(folder);
			features = read;
		}
		return read.toArray(IBundleGroup[]::new);
	}

	/** The installation's features folder, or null when the installation has none (tests, a launch from the IDE). */
	private static Path installedFeatures() {
		Location install = Platform.getInstallLocation();
		if (install == null || install.getURL() == null || !"file".equals(install.getURL().getProtocol())) {
			return null;
		}
		try {
			Path folder = Path.of(install.getURL().toURI()).resolve("features");
			return Files.isDirectory(folder) ? folder : null;
		} catch (URISyntaxException | IllegalArgumentException e) {
			// a location with spaces that the URL does not escape
			Path folder = Path.of(install.getURL().getPath()).resolve("features");
			return Files.isDirectory(folder) ? folder : null;
		}
	}

	/** The features of a features folder (one folder per feature, each with its feature.xml), by id. */
	public static List<Feature> read(Path folder) {
		List<Feature> found = new ArrayList<>();
		try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
			for (Path child : children) {
				Path xml = child.resolve("feature.xml");
				if (Files.isRegularFile(xml)) {
					try {
						found.add(feature(xml));
					} catch (IOException | SAXException | ParserConfigurationException e) {
						ILog.of(FeatureGroups.class).warn("Cannot read " + xml + ": " + e.getMessage(), e);
					}
				}
			}
		} catch (IOException e) {
			ILog.of(FeatureGroups.class).warn("Cannot list " + folder + ": " + e.getMessage(), e);
		}
		found.sort(Comparator.comparing(Feature::id));
		return found;
	}

	private static Feature feature(Path xml) throws IOException, SAXException, ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setExpandEntityReferences(false);
		Element root;
		try (InputStream in = Files.newInputStream(xml)) {
			root = factory.newDocumentBuilder().parse(in).getDocumentElement();
		}
		Properties texts = new Properties(); // %key labels (feature.properties), as PDE writes them
		Path properties = xml.resolveSibling("feature.properties");
		if (Files.isRegularFile(properties)) {
			try (InputStream in = Files.newInputStream(properties)) {
				texts.load(in);
			}
		}
		List<String> plugins = new ArrayList<>();
		NodeList children = root.getElementsByTagName("plugin");
		for (int i = 0; i < children.getLength(); i++) {
			plugins.add(((Element) children.item(i)).getAttribute("id"));
		}
		NodeList descriptions = root.getElementsByTagName("description");
		String description = descriptions.getLength() == 0 ? null : descriptions.item(0).getTextContent().strip();
		String id = root.getAttribute("id");
		String label = text(root.getAttribute("label"), texts);
		return new Feature(id, label.isEmpty() ? id : label, root.getAttribute("version"), text(root.getAttribute("provider-name"), texts),
				description == null ? null : text(description, texts), List.copyOf(plugins));
	}

	private static String text(String value, Properties texts) {
		return value.startsWith("%") ? texts.getProperty(value.substring(1), value) : value;
	}
}
