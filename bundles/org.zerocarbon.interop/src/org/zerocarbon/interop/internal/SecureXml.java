package org.zerocarbon.interop.internal;

import java.io.InputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.events.XMLEvent;

/**
 * StAX readers that never resolve a DTD or an external entity. A document with a DOCTYPE is refused outright
 * (ILCD datasets have none), so neither an XXE payload nor an entity expansion bomb gets anywhere.
 */
public final class SecureXml {

	private static final XMLInputFactory FACTORY = create();

	private SecureXml() {
	}

	private static XMLInputFactory create() {
		// the JDK's own StAX implementation, not whatever another bundle might provide through the service loader
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		factory.setXMLResolver((publicId, systemId, base, ns) -> {
			throw new XMLStreamException("external resource refused: " + systemId);
		});
		return factory;
	}

	/** A namespace-aware reader; {@link #refuseDoctype} must be called on each DTD event (see {@link #next}). */
	public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
		synchronized (FACTORY) {
			return FACTORY.createXMLStreamReader(in);
		}
	}

	/** The next event, refusing a DOCTYPE and entity references. */
	public static int next(XMLStreamReader reader) throws XMLStreamException {
		int event = reader.next();
		if (event == XMLEvent.DTD) {
			throw new XMLStreamException("a DOCTYPE is not allowed (DTDs and external entities are refused)", reader.getLocation());
		}
		if (event == XMLEvent.ENTITY_REFERENCE) {
			throw new XMLStreamException("entity reference '&" + reader.getLocalName() + ";' is not allowed", reader.getLocation());
		}
		return event;
	}
}
