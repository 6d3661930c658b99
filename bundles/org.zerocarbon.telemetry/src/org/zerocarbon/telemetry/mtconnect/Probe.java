package org.zerocarbon.telemetry.mtconnect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.zerocarbon.telemetry.Streams;
import org.zerocarbon.telemetry.TelemetryException;

/** The data items of an MTConnectDevices (probe) document, for binding by type and subType. */
public final class Probe {

	private final Map<String, DataItemInfo> items;

	private Probe(Map<String, DataItemInfo> items) {
		this.items = items;
	}

	/** Reads a probe file (plain or gzip). */
	public static Probe read(Path file) throws TelemetryException {
		Streams.Counting[] counter = new Streams.Counting[1];
		try (InputStream in = Streams.open(file, counter)) {
			return read(in, file.toString());
		} catch (IOException e) {
			throw new TelemetryException(file.toString(), "cannot read the probe: " + e.getMessage(), e);
		}
	}

	/** Reads a probe document from a stream. */
	public static Probe read(InputStream in, String source) throws TelemetryException {
		XMLStreamReader xml = Xml.reader(in, source);
		Map<String, DataItemInfo> items = new LinkedHashMap<>();
		String device = null;
		boolean root = true;
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw Xml.doctype(source, xml.getLocation().getLineNumber());
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				String name = xml.getLocalName();
				if (root) {
					root = false;
					String namespace = xml.getNamespaceURI();
					if (!"MTConnectDevices".equals(name) || namespace == null
							|| !namespace.startsWith("urn:mtconnect.org:MTConnectDevices")) {
						throw new TelemetryException(source, xml.getLocation().getLineNumber(),
								"not an MTConnectDevices (probe) document (root <" + name + ">)", null);
					}
				} else if ("Device".equals(name)) {
					device = xml.getAttributeValue(null, "name");
				} else if ("DataItem".equals(name)) {
					String id = xml.getAttributeValue(null, "id");
					if (id != null) {
						items.put(id, new DataItemInfo(id, xml.getAttributeValue(null, "type"), xml.getAttributeValue(null, "subType"),
								xml.getAttributeValue(null, "category"), xml.getAttributeValue(null, "units"),
								xml.getAttributeValue(null, "statistic"), device));
					}
				}
			}
		} catch (XMLStreamException e) {
			throw Xml.malformed(source, e);
		}
		return new Probe(items);
	}

	/** All data items by id, in document order. */
	public Map<String, DataItemInfo> items() {
		return items;
	}

	/** The data items of "type[:subType]" (optionally of one device). */
	public List<DataItemInfo> find(String type, String subType, String device) {
		List<DataItemInfo> result = new ArrayList<>();
		for (DataItemInfo item : items.values()) {
			if (item.matches(type, subType) && (device == null || device.equals(item.device()))) {
				result.add(item);
			}
		}
		return result;
	}

	/** The one data item of "type[:subType]", if exactly one matches. */
	public Optional<DataItemInfo> unique(String type, String subType, String device) {
		List<DataItemInfo> found = find(type, subType, device);
		return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
	}
}
