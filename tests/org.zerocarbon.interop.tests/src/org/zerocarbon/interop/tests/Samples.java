package org.zerocarbon.interop.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The sample datasets, an independent XPath reading of their GWP amounts, and small ILCD packages built for tests. */
final class Samples {
	static final Path DATA = Path.of("data").toAbsolutePath();
	static final Path SDK = DATA.resolve("sdk_sample_epd.xml");
	static final Path V13 = DATA.resolve("epd-v1.3-example.xml");

	private Samples() {
	}

	/**
	 * module + "|" + scenario → value of every {@code epd:amount} of the LCIA results selected by the XPath
	 * predicate on the result (e.g. a method UUID), read with the JDK's DOM and XPath, not by the importer.
	 */
	static Map<String, Double> amounts(Path file, String resultPredicate) throws Exception {
		DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
		dbf.setNamespaceAware(true);
		dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		Document doc;
		try (InputStream in = Files.newInputStream(file)) {
			doc = dbf.newDocumentBuilder().parse(in);
		}
		XPath xpath = XPathFactory.newInstance().newXPath();
		xpath.setNamespaceContext(new NamespaceContext() {
			@Override
			public String getNamespaceURI(String prefix) {
				return switch (prefix) {
					case "p" -> "http://lca.jrc.it/ILCD/Process";
					case "common" -> "http://lca.jrc.it/ILCD/Common";
					case "epd" -> "http://www.iai.kit.edu/EPD/2013";
					default -> XMLConstants.NULL_NS_URI;
				};
			}

			@Override
			public String getPrefix(String uri) {
				return null;
			}

			@Override
			public java.util.Iterator<String> getPrefixes(String uri) {
				return null;
			}
		});
		NodeList nodes = (NodeList) xpath.evaluate("/p:processDataSet/p:LCIAResults/p:LCIAResult[" + resultPredicate + "]/common:other/epd:amount",
				doc, XPathConstants.NODESET);
		Map<String, Double> result = new LinkedHashMap<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			Element e = (Element) nodes.item(i);
			String scenario = e.getAttributeNS("http://www.iai.kit.edu/EPD/2013", "scenario");
			result.put(e.getAttributeNS("http://www.iai.kit.edu/EPD/2013", "module") + "|" + scenario, Double.valueOf(e.getTextContent().trim()));
		}
		return result;
	}

	/** The predicate selecting a result by its method UUID. */
	static String method(String uuid) {
		return "p:referenceToLCIAMethodDataSet/@refObjectId='" + uuid + "'";
	}

	/** A zip with the given entries (name → UTF-8 text). */
	static Path zip(Path file, Map<String, String> entries) throws IOException {
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
			for (Map.Entry<String, String> e : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(e.getKey()));
				out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return file;
	}

	static byte[] bytes(Path file) throws IOException {
		return Files.readAllBytes(file);
	}

	/** A flow dataset whose reference flow property (internal id 0) is {@code property}, {@code meanValue} per flow unit. */
	static String flow(String uuid, String property, double meanValue) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<flowDataSet xmlns="http://lca.jrc.it/ILCD/Flow" xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1">
				  <flowInformation>
				    <dataSetInformation><common:UUID>%s</common:UUID></dataSetInformation>
				    <quantitativeReference><referenceToReferenceFlowProperty>0</referenceToReferenceFlowProperty></quantitativeReference>
				  </flowInformation>
				  <flowProperties>
				    <flowProperty dataSetInternalID="0">
				      <referenceToFlowPropertyDataSet type="flow property data set" refObjectId="%s"/>
				      <meanValue>%s</meanValue>
				    </flowProperty>
				  </flowProperties>
				</flowDataSet>
				""".formatted(uuid, property, meanValue);
	}

	static String flowProperty(String uuid, String unitGroup) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<flowPropertyDataSet xmlns="http://lca.jrc.it/ILCD/FlowProperty" xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1">
				  <flowPropertiesInformation>
				    <dataSetInformation><common:UUID>%s</common:UUID></dataSetInformation>
				    <quantitativeReference><referenceToReferenceUnitGroup type="unit group data set" refObjectId="%s"/></quantitativeReference>
				  </flowPropertiesInformation>
				</flowPropertyDataSet>
				""".formatted(uuid, unitGroup);
	}

	static String unitGroup(String uuid, String unit) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<unitGroupDataSet xmlns="http://lca.jrc.it/ILCD/UnitGroup" xmlns:common="http://lca.jrc.it/ILCD/Common" version="1.1">
				  <unitGroupInformation>
				    <dataSetInformation><common:UUID>%s</common:UUID></dataSetInformation>
				    <quantitativeReference><referenceToReferenceUnit>1</referenceToReferenceUnit></quantitativeReference>
				  </unitGroupInformation>
				  <units>
				    <unit dataSetInternalID="0"><name>kg</name><meanValue>1</meanValue></unit>
				    <unit dataSetInternalID="1"><name>%s</name><meanValue>1</meanValue></unit>
				  </units>
				</unitGroupDataSet>
				""".formatted(uuid, unit);
	}

	/** The v1.3 example as an ILCD package: the process, its product flow, a flow property and a unit group. */
	static Path v13Package(Path dir, String unit, double meanValue) throws IOException {
		String process = Files.readString(V13);
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("ILCD/processes/57a4ae65-d305-421e-b21f-a3f0c35b8abe.xml", process);
		entries.put("ILCD/flows/a7432abd-0881-4977-a817-f8aaf627fb91.xml",
				flow("a7432abd-0881-4977-a817-f8aaf627fb91", "93a60a56-a3c8-22da-a746-0800200c9a66", meanValue));
		entries.put("ILCD/flowproperties/93a60a56-a3c8-22da-a746-0800200c9a66.xml",
				flowProperty("93a60a56-a3c8-22da-a746-0800200c9a66", "93a60a57-a3c8-18da-a746-0800200c9a66"));
		entries.put("ILCD/unitgroups/93a60a57-a3c8-18da-a746-0800200c9a66.xml", unitGroup("93a60a57-a3c8-18da-a746-0800200c9a66", unit));
		entries.put("ILCD/lciamethods/6a37f984-a4b3-458a-a20a-64418c145fa2.xml", "<LCIAMethodDataSet/>");
		return zip(dir.resolve("package.zip"), entries);
	}

	static List<String> lines(Path file) throws IOException {
		return Files.readAllLines(file);
	}

	static ByteArrayOutputStream sink() {
		return new ByteArrayOutputStream();
	}
}
