package org.zerocarbon.telemetry.mtconnect;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.zerocarbon.telemetry.TelemetryException;

/**
 * The one place MTConnect XML readers are made: DTDs and external entities off, and a document with a DOCTYPE is
 * refused outright (an MTConnect document never needs one; a DOCTYPE is how XXE and entity-expansion attacks start).
 */
final class Xml {

	private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

	static {
		FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		FACTORY.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		FACTORY.setProperty(XMLInputFactory.IS_COALESCING, true);
		FACTORY.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
			throw new XMLStreamException("external resource refused: " + systemId);
		});
	}

	private Xml() {
	}

	static XMLStreamReader reader(InputStream in, String source) throws TelemetryException {
		try {
			synchronized (FACTORY) {
				return FACTORY.createXMLStreamReader(in);
			}
		} catch (XMLStreamException e) {
			throw new TelemetryException(source, "not XML: " + e.getMessage(), e);
		}
	}

	/** The exception for a DOCTYPE at {@code line}. */
	static TelemetryException doctype(String source, int line) {
		return new TelemetryException(source, line,
				"the document has a DOCTYPE declaration; DTDs and entities are refused in MTConnect documents (XXE protection)",
				null);
	}

	/** A located exception for a parse error. */
	static TelemetryException malformed(String source, XMLStreamException e) {
		int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
		String message = e.getMessage();
		int cut = message == null ? -1 : message.indexOf("Message: ");
		return new TelemetryException(source, line, "malformed XML: " + (cut >= 0 ? message.substring(cut + 9) : message), e);
	}
}
