package org.zerocarbon.interop.internal;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.zerocarbon.interop.InteropException;

/**
 * Reads the reference chain of an ILCD package that gives a product flow its unit: the flow dataset's reference
 * flow property (and its mean value), the flow property's reference unit group, and the unit group's reference
 * unit.
 */
public final class IlcdReferenceReader {

	private IlcdReferenceReader() {
	}

	/** A flow's reference flow property: its UUID and the flow's amount of it per flow unit. */
	public record FlowRef(String propertyUuid, double meanValue) {
	}

	/** The flow dataset's reference flow property, or null when it has none. */
	public static FlowRef flow(InputStream in, String source) throws InteropException {
		Map<String, String[]> properties = new HashMap<>();
		String[] reference = { null };
		walk(in, source, new Visitor() {
			String id;
			String uuid;

			@Override
			public void start(XMLStreamReader r, String local) {
				if (local.equals("flowProperty")) {
					id = r.getAttributeValue(null, "dataSetInternalID");
					uuid = null;
				} else if (local.equals("referenceToFlowPropertyDataSet")) {
					uuid = r.getAttributeValue(null, "refObjectId");
				}
			}

			@Override
			public void end(String local, String parent, String text) {
				if (local.equals("referenceToReferenceFlowProperty")) {
					reference[0] = text;
				} else if (local.equals("meanValue") && "flowProperty".equals(parent) && id != null) {
					properties.put(id, new String[] { uuid, text });
				}
			}
		});
		String[] chosen = reference[0] == null ? null : properties.get(reference[0]);
		if (chosen == null || chosen[0] == null) {
			return null;
		}
		return new FlowRef(chosen[0], chosen[1] == null || chosen[1].isEmpty() ? 1 : IlcdProcessReader.number(chosen[1], source, 0));
	}

	/** The flow property's reference unit group UUID, or null. */
	public static String flowProperty(InputStream in, String source) throws InteropException {
		String[] group = { null };
		walk(in, source, new Visitor() {
			@Override
			public void start(XMLStreamReader r, String local) {
				if (local.equals("referenceToReferenceUnitGroup")) {
					group[0] = r.getAttributeValue(null, "refObjectId");
				}
			}

			@Override
			public void end(String local, String parent, String text) {
			}
		});
		return group[0];
	}

	/** The unit group's reference unit name, or null. */
	public static String unitGroup(InputStream in, String source) throws InteropException {
		Map<String, String> names = new HashMap<>();
		String[] reference = { null };
		walk(in, source, new Visitor() {
			String id;

			@Override
			public void start(XMLStreamReader r, String local) {
				if (local.equals("unit")) {
					id = r.getAttributeValue(null, "dataSetInternalID");
				}
			}

			@Override
			public void end(String local, String parent, String text) {
				if (local.equals("referenceToReferenceUnit")) {
					reference[0] = text;
				} else if (local.equals("name") && "unit".equals(parent) && id != null) {
					names.put(id, text);
				}
			}
		});
		return reference[0] == null ? null : names.get(reference[0]);
	}

	private interface Visitor {
		void start(XMLStreamReader r, String local);

		void end(String local, String parent, String text);
	}

	private static void walk(InputStream in, String source, Visitor visitor) throws InteropException {
		Deque<String> path = new ArrayDeque<>();
		StringBuilder text = new StringBuilder();
		XMLStreamReader r = null;
		try {
			r = SecureXml.reader(in);
			while (r.hasNext()) {
				int event = SecureXml.next(r);
				if (event == XMLStreamConstants.START_ELEMENT) {
					path.push(r.getLocalName());
					text.setLength(0);
					visitor.start(r, r.getLocalName());
				} else if (event == XMLStreamConstants.CHARACTERS && text.length() < 10_000) {
					text.append(r.getText());
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					String local = path.pop();
					visitor.end(local, path.peek(), text.toString().trim());
					text.setLength(0);
				}
			}
		} catch (XMLStreamException e) {
			int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
			throw new InteropException(source, Math.max(0, line), "not well-formed XML or not allowed: " + e.getMessage(), e);
		} finally {
			if (r != null) {
				try {
					r.close();
				} catch (XMLStreamException ignored) {
					// closing after a failure
				}
			}
		}
	}
}
