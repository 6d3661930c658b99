package org.zerocarbon.telemetry.mtconnect;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.csv.Numbers;

/**
 * Reads one MTConnectStreams document and passes its observations to a sink in sequence order, through an
 * {@link ObservationBuffer} (a document groups observations by component and category). Files go through the
 * byte-level {@link StreamsScanner} first and through StAX where it gives up; agent responses through StAX.
 */
final class StreamsParser {

	private static final int DIAGNOSTICS_PER_KIND = 50;

	private static final byte VALUE = ObservationBuffer.VALUE;
	private static final byte UNAVAILABLE = ObservationBuffer.UNAVAILABLE;
	private static final byte EVENT = ObservationBuffer.EVENT;

	private final String source;
	private final RecordSink sink;
	private final long fromMs;
	private final long toMs;
	private final Map<String, DataItemInfo> probe;
	private final Map<String, DataItemInfo> seen;
	private final Map<String, Double> factors = new HashMap<>();
	private final Map<String, int[]> counts = new HashMap<>();
	private static final char[] UNAVAILABLE_TEXT = "UNAVAILABLE".toCharArray();

	private final byte[] scratch = new byte[64];
	private final byte[] bytes = new byte[64];
	private char[] chars = new char[256];
	private final Map<String, String> ids = new HashMap<>();
	private final int[] offset = new int[1];
	private IProgressMonitor monitor;

	private final ObservationBuffer buffer;
	private long maxSequence = -1;

	/** The highest observation sequence of the last document parsed (-1 if none). */
	long maxSequence() {
		return maxSequence;
	}

	StreamsParser(String source, RecordSink sink, Long fromMs, Long toMs, Map<String, DataItemInfo> probe,
			Map<String, DataItemInfo> seen) {
		this.source = source;
		this.sink = sink;
		this.fromMs = fromMs == null ? Long.MIN_VALUE : fromMs;
		this.toMs = toMs == null ? Long.MAX_VALUE : toMs;
		this.probe = probe == null ? Map.of() : probe;
		this.seen = seen;
		this.buffer = new ObservationBuffer(source, sink);
	}

	void setMonitor(IProgressMonitor progress) {
		this.monitor = progress;
	}

	/**
	 * Parses a document, dropping observations with a sequence at or below {@code skipThroughFor.applyAsLong(header)}
	 * (already read from an earlier document of the same agent run). Returns its header.
	 */
	StreamsHeader parse(InputStream in, java.util.function.ToLongFunction<StreamsHeader> skipThroughFor) throws TelemetryException {
		long skipThrough = -1;
		maxSequence = -1;
		XMLStreamReader xml = Xml.reader(in, source);
		StreamsHeader header = null;
		String device = null;
		String category = null;
		int depth = 0;
		int categoryDepth = -1;
		long elements = 0;
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw Xml.doctype(source, xml.getLocation().getLineNumber());
				}
				if (event == XMLStreamConstants.END_ELEMENT) {
					if (depth == categoryDepth) {
						category = null;
						categoryDepth = -1;
					}
					depth--;
					continue;
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				depth++;
				String name = xml.getLocalName();
				if (depth == 1) {
					root(xml, name);
				} else if (category != null && depth == categoryDepth + 1) {
					if ((++elements & 0xffff) == 0 && monitor != null && monitor.isCanceled()) {
						throw new OperationCanceledException();
					}
					if (!"Condition".equals(category)) {
						observation(xml, name, category, device, skipThrough);
					} else {
						skip(xml);
					}
					depth--; // observation() and skip() consume the element's end
				} else if ("Header".equals(name) && depth == 2) {
					header = header(xml);
					skipThrough = skipThroughFor == null ? -1 : skipThroughFor.applyAsLong(header);
				} else if ("DeviceStream".equals(name)) {
					device = xml.getAttributeValue(null, "name");
				} else if ("Samples".equals(name) || "Events".equals(name) || "Condition".equals(name)) {
					category = name;
					categoryDepth = depth;
					buffer.startRun();
				}
			}
		} catch (XMLStreamException e) {
			throw Xml.malformed(source, e);
		} finally {
			try {
				xml.close();
			} catch (XMLStreamException e) {
				// nothing to do
			}
		}
		if (header == null) {
			throw new TelemetryException(source, "the MTConnectStreams document has no Header");
		}
		buffer.flush();
		for (Map.Entry<String, int[]> entry : counts.entrySet()) {
			if (entry.getValue()[0] > DIAGNOSTICS_PER_KIND) {
				sink.diagnostic(Diagnostic.info(source, -1, null, (entry.getValue()[0] - DIAGNOSTICS_PER_KIND)
						+ " more observations with '" + entry.getKey() + "' not listed"));
			}
		}
		counts.clear();
		return header;
	}

	private void root(XMLStreamReader xml, String name) throws XMLStreamException, TelemetryException {
		String namespace = xml.getNamespaceURI();
		if ("MTConnectError".equals(name)) {
			StringBuilder errors = new StringBuilder();
			while (xml.hasNext()) {
				if (xml.next() == XMLStreamConstants.START_ELEMENT && "Error".equals(xml.getLocalName())) {
					String code = xml.getAttributeValue(null, "errorCode");
					errors.append(errors.isEmpty() ? "" : "; ").append(code == null ? "" : code + ": ").append(xml.getElementText().trim());
				}
			}
			throw new TelemetryException(source, "the agent answered with an MTConnectError: " + errors);
		}
		if (!"MTConnectStreams".equals(name) || namespace == null || !namespace.startsWith("urn:mtconnect.org:MTConnectStreams")) {
			throw new TelemetryException(source, xml.getLocation().getLineNumber(), "not an MTConnectStreams document (root <"
					+ name + "> in namespace " + namespace + ")" + ("MTConnectDevices".equals(name) ? "; this is a probe" : ""), null);
		}
	}

	private StreamsHeader header(XMLStreamReader xml) throws TelemetryException {
		try {
			return new StreamsHeader(xml.getAttributeValue(null, "instanceId"), number(xml, "firstSequence"),
					number(xml, "lastSequence"), number(xml, "nextSequence"), number(xml, "bufferSize"),
					xml.getAttributeValue(null, "creationTime"));
		} catch (NumberFormatException e) {
			throw new TelemetryException(source, xml.getLocation().getLineNumber(), "bad Header: " + e.getMessage(), e);
		}
	}

	private static long number(XMLStreamReader xml, String attribute) {
		String text = xml.getAttributeValue(null, attribute);
		if (text == null) {
			throw new NumberFormatException("no " + attribute);
		}
		return Long.parseLong(text.trim());
	}

	private void observation(XMLStreamReader xml, String name, String category, String device, long skipThrough)
			throws XMLStreamException {
		String id = null;
		String sequence = null;
		String timestamp = null;
		String subType = null;
		String statistic = null;
		for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
			switch (xml.getAttributeLocalName(i)) {
				case "dataItemId" -> id = xml.getAttributeValue(i);
				case "sequence" -> sequence = xml.getAttributeValue(i);
				case "timestamp" -> timestamp = xml.getAttributeValue(i);
				case "subType" -> subType = xml.getAttributeValue(i);
				case "statistic" -> statistic = xml.getAttributeValue(i);
				default -> {
					// name, compositionId, duration, resetTriggered, ...: not needed
				}
			}
		}
		boolean sample = "Samples".equals(category);
		EventKind event = sample ? null : switch (name) {
			case "Execution" -> EventKind.EXECUTION;
			case "PowerState" -> EventKind.POWER_STATE;
			case "EquipmentMode" -> EventKind.EQUIPMENT_MODE;
			case "PartCount" -> EventKind.PART_COUNT;
			case "Program" -> EventKind.PROGRAM;
			default -> null;
		};
		int length = content(xml); // the text is in chars[0, length), trimmed
		if (id == null || sequence == null || timestamp == null) {
			note(xml, "missing attributes", "<" + name + "> lacks dataItemId, sequence or timestamp: skipped");
			return;
		}
		long s;
		try {
			s = Long.parseLong(sequence);
		} catch (NumberFormatException e) {
			note(xml, "bad sequence", "<" + name + "> has sequence '" + sequence + "': skipped");
			return;
		}
		if (s > maxSequence) {
			maxSequence = s;
		}
		if (s <= skipThrough) {
			return;
		}
		long t = instant(timestamp);
		if (t == Numbers.NO_TIME) {
			note(xml, "bad timestamp", "<" + name + "> has timestamp '" + timestamp + "': skipped");
			return;
		}
		String known = ids.get(id);
		if (known == null) {
			ids.put(id, id);
			seen.putIfAbsent(id, new DataItemInfo(id, DataItemInfo.typeOfElement(name), subType, sample ? "SAMPLE" : "EVENT",
					null, statistic, device));
		} else {
			id = known; // one String per data item in the buffer, not one per observation
		}
		if (t >= toMs || !sample && event == null) {
			return;
		}
		boolean unavailable = isUnavailable(length);
		if (sample) {
			if (t < fromMs) {
				return;
			}
			if (unavailable) {
				buffer.add(s, t, UNAVAILABLE, id, 0, null, null);
				return;
			}
			double v = length <= bytes.length ? Numbers.parse(toBytes(length), 0, length, (byte) '.') : Double.NaN;
			if (Double.isNaN(v)) {
				note(xml, "not a number", "<" + name + " dataItemId=\"" + id + "\"> value '" + new String(chars, 0, length)
						+ "' is not a number: skipped");
				return;
			}
			buffer.add(s, t, VALUE, id, v * factor(id, name), null, null);
		} else if (unavailable) {
			buffer.add(s, t, UNAVAILABLE, id, 0, null, null);
		} else {
			buffer.add(s, t, EVENT, id, 0, new String(chars, 0, length), event);
		}
	}

	private boolean isUnavailable(int length) {
		if (length != UNAVAILABLE_TEXT.length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (chars[i] != UNAVAILABLE_TEXT[i]) {
				return false;
			}
		}
		return true;
	}

	private byte[] toBytes(int length) {
		for (int i = 0; i < length; i++) {
			char c = chars[i];
			bytes[i] = c < 128 ? (byte) c : (byte) '?';
		}
		return bytes;
	}

	/**
	 * Reads the element's text into {@link #chars} (trimmed; nested elements such as DataSet entries are skipped)
	 * and consumes its end tag; returns the length.
	 */
	private int content(XMLStreamReader xml) throws XMLStreamException {
		int length = 0;
		int depth = 1;
		while (depth > 0) {
			int event = xml.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			} else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			} else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
					|| event == XMLStreamConstants.SPACE)) {
				int n = xml.getTextLength();
				if (length + n > chars.length) {
					chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + n));
				}
				System.arraycopy(xml.getTextCharacters(), xml.getTextStart(), chars, length, n);
				length += n;
			}
		}
		int start = 0;
		while (start < length && chars[start] <= ' ') {
			start++;
		}
		while (length > start && chars[length - 1] <= ' ') {
			length--;
		}
		if (start > 0) {
			System.arraycopy(chars, start, chars, 0, length - start);
		}
		return length - start;
	}

	private double factor(String id, String element) {
		Double factor = factors.get(id);
		if (factor == null) {
			DataItemInfo declared = probe.get(id);
			factor = DataItemInfo.factorToSi(DataItemInfo.typeOfElement(element), declared == null ? null : declared.units());
			factors.put(id, factor);
		}
		return factor;
	}

	private void skip(XMLStreamReader xml) throws XMLStreamException {
		content(xml);
	}

	private long instant(String timestamp) {
		int n = timestamp.length();
		if (n > scratch.length) {
			return Numbers.NO_TIME;
		}
		for (int i = 0; i < n; i++) {
			scratch[i] = (byte) timestamp.charAt(i);
		}
		long local = Numbers.isoLocalMillis(scratch, 0, n, offset);
		if (local == Numbers.NO_TIME) {
			return Numbers.NO_TIME;
		}
		return local - (offset[0] == Integer.MIN_VALUE ? 0 : offset[0] * 1000L); // MTConnect times are UTC
	}

	private boolean fellBack;

	/** Whether the last {@link #parse(Opener, java.util.function.ToLongFunction)} needed StAX. */
	boolean fellBack() {
		return fellBack;
	}

	/** A new sorted run starts (a Samples, Events or Condition block). */
	void startRun() {
		buffer.startRun();
	}

	/** Opens a file's content (again, for the fallback). */
	interface Opener {
		InputStream open() throws IOException;
	}

	/**
	 * Parses a document with the byte-level {@link StreamsScanner}, or, where it gives up (before anything was
	 * passed on), with StAX.
	 */
	StreamsHeader parse(Opener opener, java.util.function.ToLongFunction<StreamsHeader> skipThroughFor)
			throws TelemetryException, IOException {
		maxSequence = -1;
		fellBack = false;
		try (InputStream in = opener.open()) {
			StreamsHeader header = new StreamsScanner(this, in).scan(skipThroughFor);
			buffer.flush();
			return header;
		} catch (StreamsScanner.Fallback e) {
			buffer.clear();
			fellBack = true;
		}
		try (InputStream in = opener.open()) {
			return parse(in, skipThroughFor);
		}
	}

	/**
	 * One observation found by the scanner: attribute ranges in {@code attr} (dataItemId, sequence, timestamp,
	 * subType, statistic; from, to; -1 if absent), text in buf[from, to). Anything the StAX path would report gives up.
	 */
	void scanned(byte[] buf, String name, String category, String device, int[] attr, int from, int to, long skipThrough)
			throws StreamsScanner.Fallback {
		if (attr[0] < 0 || attr[2] < 0 || attr[4] < 0) {
			throw new StreamsScanner.Fallback("missing attributes");
		}
		long s = 0;
		if (attr[3] - attr[2] > 18 || attr[3] == attr[2]) {
			throw new StreamsScanner.Fallback("bad sequence");
		}
		for (int i = attr[2]; i < attr[3]; i++) {
			int d = buf[i] - '0';
			if (d < 0 || d > 9) {
				throw new StreamsScanner.Fallback("bad sequence");
			}
			s = s * 10 + d;
		}
		if (s > maxSequence) {
			maxSequence = s;
		}
		if (s <= skipThrough) {
			return;
		}
		long local = Numbers.isoLocalMillis(buf, attr[4], attr[5], offset);
		if (local == Numbers.NO_TIME) {
			throw new StreamsScanner.Fallback("bad timestamp");
		}
		long t = local - (offset[0] == Integer.MIN_VALUE ? 0 : offset[0] * 1000L);
		String id = scannedId(buf, attr[0], attr[1]);
		boolean sample = "Samples".equals(category);
		if (newId && !seen.containsKey(id)) {
			seen.putIfAbsent(id, new DataItemInfo(id, DataItemInfo.typeOfElement(name), attr[6] < 0 ? null
					: new String(buf, attr[6], attr[7] - attr[6], java.nio.charset.StandardCharsets.UTF_8), sample ? "SAMPLE" : "EVENT",
					null, attr[8] < 0 ? null : new String(buf, attr[8], attr[9] - attr[8], java.nio.charset.StandardCharsets.UTF_8),
					device));
		}
		EventKind event = sample ? null : switch (name) {
			case "Execution" -> EventKind.EXECUTION;
			case "PowerState" -> EventKind.POWER_STATE;
			case "EquipmentMode" -> EventKind.EQUIPMENT_MODE;
			case "PartCount" -> EventKind.PART_COUNT;
			case "Program" -> EventKind.PROGRAM;
			default -> null;
		};
		if (t >= toMs || !sample && event == null || sample && t < fromMs) {
			return;
		}
		while (from < to && buf[from] <= ' ' && buf[from] >= 0) {
			from++;
		}
		while (to > from && buf[to - 1] <= ' ' && buf[to - 1] >= 0) {
			to--;
		}
		if (buffer.size() >= ObservationBuffer.MAX_BUFFER - 1) {
			throw new StreamsScanner.Fallback("a very large document");
		}
		boolean unavailable = to - from == 11 && java.util.Arrays.equals(buf, from, to, UNAVAILABLE_BYTES, 0, 11);
		if (unavailable) {
			buffer.add(s, t, UNAVAILABLE, id, 0, null, null);
		} else if (sample) {
			double v = Numbers.parse(buf, from, to, (byte) '.');
			if (Double.isNaN(v)) {
				throw new StreamsScanner.Fallback("not a number");
			}
			buffer.add(s, t, VALUE, id, v * (idFactor == idFactor ? idFactor : factorOfLastId(id, name)), null, null);
		} else {
			buffer.add(s, t, EVENT, id, 0, new String(buf, from, to - from, java.nio.charset.StandardCharsets.UTF_8), event);
		}
	}

	/** The last id's factor to SI, remembered in its slot. */
	private double factorOfLastId(String id, String element) {
		double value = factor(id, element);
		if (lastSlot >= 0) {
			idFactors[lastSlot] = value;
		}
		return value;
	}

	private static final byte[] UNAVAILABLE_BYTES = "UNAVAILABLE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	private byte[][] idKeys = new byte[8][];
	private String[] idValues = new String[8];
	private double[] idFactors = new double[8];
	private int idCount;
	private boolean newId;
	private int lastSlot;
	private double idFactor;

	/**
	 * One shared String per dataItemId, found by its bytes without making a String; sets {@link #newId},
	 * {@link #lastSlot} and {@link #idFactor} (NaN until known).
	 */
	private String scannedId(byte[] buf, int from, int to) {
		int length = to - from;
		for (int k = 0; k < idCount; k++) {
			byte[] key = idKeys[k];
			if (key.length == length && java.util.Arrays.equals(key, 0, length, buf, from, to)) {
				newId = false;
				lastSlot = k;
				idFactor = idFactors[k];
				return idValues[k];
			}
		}
		newId = true;
		lastSlot = -1;
		idFactor = Double.NaN;
		String id = new String(buf, from, length, java.nio.charset.StandardCharsets.UTF_8);
		String known = ids.get(id);
		if (known == null) {
			ids.put(id, id);
			known = id;
		}
		if (idCount < 256) {
			if (idCount == idKeys.length) {
				idKeys = java.util.Arrays.copyOf(idKeys, idCount * 2);
				idValues = java.util.Arrays.copyOf(idValues, idCount * 2);
				idFactors = java.util.Arrays.copyOf(idFactors, idCount * 2);
			}
			idKeys[idCount] = java.util.Arrays.copyOfRange(buf, from, to);
			idFactors[idCount] = Double.NaN;
			lastSlot = idCount;
			idValues[idCount++] = known;
		}
		return known;
	}

	/** A warning at the reader's line (the observation's end; observations are one line each in practice). */
	private void note(XMLStreamReader xml, String kindOfProblem, String message) {
		int[] count = counts.computeIfAbsent(kindOfProblem, k -> new int[1]);
		if (count[0]++ < DIAGNOSTICS_PER_KIND) {
			sink.diagnostic(Diagnostic.warning(source, xml.getLocation().getLineNumber(), null, message));
		}
	}

}
