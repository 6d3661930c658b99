package org.zerocarbon.telemetry.mtconnect;

import java.io.InputStream;
import java.util.Arrays;
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
 * Reads one MTConnectStreams document with StAX and passes its observations to a sink in sequence order. A document
 * groups observations by component and category, each group in sequence order; the parser keeps the groups as runs
 * of compact arrays and merges them, so records reach the sink in time order (up to {@link #MAX_BUFFER} observations
 * per document; beyond that it passes them on as they come, with a warning).
 */
final class StreamsParser {

	static final int MAX_BUFFER = 2_000_000;
	private static final int DIAGNOSTICS_PER_KIND = 50;

	private static final byte VALUE = 0;
	private static final byte UNAVAILABLE = 1;
	private static final byte EVENT = 2;

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

	// the buffered observations, in document order, and where each sorted run starts
	private int size;
	private long[] seq = new long[1024];
	private long[] time = new long[1024];
	private byte[] kind = new byte[1024];
	private String[] channel = new String[1024];
	private double[] value = new double[1024];
	private String[] text = new String[1024];
	private EventKind[] eventKind = new EventKind[1024];
	private int[] runStarts = new int[16];
	private int runs;
	private boolean overflowNoted;
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
					startRun();
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
		flush();
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
				add(s, t, UNAVAILABLE, id, 0, null, null);
				return;
			}
			double v = length <= bytes.length ? Numbers.parse(toBytes(length), 0, length, (byte) '.') : Double.NaN;
			if (Double.isNaN(v)) {
				note(xml, "not a number", "<" + name + " dataItemId=\"" + id + "\"> value '" + new String(chars, 0, length)
						+ "' is not a number: skipped");
				return;
			}
			add(s, t, VALUE, id, v * factor(id, name), null, null);
		} else if (unavailable) {
			add(s, t, UNAVAILABLE, id, 0, null, null);
		} else {
			add(s, t, EVENT, id, 0, new String(chars, 0, length), event);
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

	/** A warning at the reader's line (the observation's end; observations are one line each in practice). */
	private void note(XMLStreamReader xml, String kindOfProblem, String message) {
		int[] count = counts.computeIfAbsent(kindOfProblem, k -> new int[1]);
		if (count[0]++ < DIAGNOSTICS_PER_KIND) {
			sink.diagnostic(Diagnostic.warning(source, xml.getLocation().getLineNumber(), null, message));
		}
	}

	// ---- the buffer and the merge

	private void startRun() {
		if (runs == runStarts.length) {
			runStarts = Arrays.copyOf(runStarts, runs * 2);
		}
		if (runs == 0 || runStarts[runs - 1] != size) {
			runStarts[runs++] = size;
		}
	}

	private void add(long s, long t, byte k, String id, double v, String eventText, EventKind eventType) {
		if (size > 0 && s < seq[size - 1] && (runs == 0 || runStarts[runs - 1] != size)) {
			startRun(); // an observation out of sequence within a group starts a new run
		}
		if (size == seq.length) {
			if (size >= MAX_BUFFER) {
				if (!overflowNoted) {
					overflowNoted = true;
					sink.diagnostic(Diagnostic.warning(source, -1, null, "the document has more than " + MAX_BUFFER
							+ " observations; beyond that they are passed on in document order"));
				}
				flush();
				startRun();
			} else {
				grow();
			}
		}
		if (runs == 0) {
			startRun();
		}
		seq[size] = s;
		time[size] = t;
		kind[size] = k;
		channel[size] = id;
		value[size] = v;
		text[size] = eventText;
		eventKind[size] = eventType;
		size++;
	}

	private void grow() {
		int n = Math.min(MAX_BUFFER, seq.length * 2);
		seq = Arrays.copyOf(seq, n);
		time = Arrays.copyOf(time, n);
		kind = Arrays.copyOf(kind, n);
		channel = Arrays.copyOf(channel, n);
		value = Arrays.copyOf(value, n);
		text = Arrays.copyOf(text, n);
		eventKind = Arrays.copyOf(eventKind, n);
	}

	/** Emits the buffered observations in sequence order (a k-way merge of the runs) and empties the buffer. */
	private void flush() {
		int k = runs;
		int[] pos = new int[k];
		int[] stop = new int[k];
		int live = 0;
		for (int r = 0; r < k; r++) {
			int from = runStarts[r];
			int to = r + 1 < k ? runStarts[r + 1] : size;
			if (from < to) {
				pos[live] = from;
				stop[live] = to;
				live++;
			}
		}
		// a binary min-heap of run indices by the sequence at their head
		int[] heap = new int[live];
		for (int i = 0; i < live; i++) {
			heap[i] = i;
			siftUp(heap, i, pos);
		}
		int n = live;
		while (n > 0) {
			int r = heap[0];
			emit(pos[r]);
			pos[r]++;
			if (pos[r] == stop[r]) {
				heap[0] = heap[--n];
			}
			siftDown(heap, n, pos);
		}
		Arrays.fill(channel, 0, size, null);
		Arrays.fill(text, 0, size, null);
		size = 0;
		runs = 0;
	}

	private void siftUp(int[] heap, int i, int[] pos) {
		while (i > 0) {
			int parent = (i - 1) / 2;
			if (seq[pos[heap[parent]]] <= seq[pos[heap[i]]]) {
				return;
			}
			int swap = heap[parent];
			heap[parent] = heap[i];
			heap[i] = swap;
			i = parent;
		}
	}

	private void siftDown(int[] heap, int n, int[] pos) {
		int i = 0;
		while (true) {
			int left = 2 * i + 1;
			if (left >= n) {
				return;
			}
			int least = left + 1 < n && seq[pos[heap[left + 1]]] < seq[pos[heap[left]]] ? left + 1 : left;
			if (seq[pos[heap[i]]] <= seq[pos[heap[least]]]) {
				return;
			}
			int swap = heap[least];
			heap[least] = heap[i];
			heap[i] = swap;
			i = least;
		}
	}

	private void emit(int i) {
		switch (kind[i]) {
			case VALUE -> sink.value(channel[i], time[i], value[i]);
			case UNAVAILABLE -> sink.unavailable(channel[i], time[i]);
			default -> sink.event(eventKind[i], channel[i], time[i], text[i]);
		}
	}
}
