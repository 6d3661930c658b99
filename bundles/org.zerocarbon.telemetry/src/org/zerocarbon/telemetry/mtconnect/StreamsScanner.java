package org.zerocarbon.telemetry.mtconnect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A byte-level fast path for the usual layout of MTConnectStreams files, in front of the StAX reader
 * ({@link StreamsParser}). Hand-written because the JDK's StAX parser alone costs 1 to 2 µs per observation, and a
 * machine-year of 1 s samples (31.5 million observations) is to be read in 15 s. It reads only what it fully
 * understands: UTF-8, unprefixed element names, quoted attributes, observations holding text. It never expands
 * anything: at the first entity or character reference, CDATA section, DOCTYPE, prefixed name, nested element in an
 * observation, mismatched tag, bad value or anything else unusual it gives up ({@link Fallback}) before a single
 * record has left the parser, and the document is read again by the secure StAX reader, which reports problems with
 * their line. It checks tag nesting, quoting, comments and the values it uses, not every rule of well-formedness
 * (duplicate attributes, the validity of UTF-8 bytes, the characters of names). Differential tests compare both
 * readers on the fixtures and the example data.
 */
final class StreamsScanner {

	/** The document needs the StAX reader. */
	static final class Fallback extends Exception {
		private static final long serialVersionUID = 1L;

		Fallback(String why) {
			super(why, null, false, false);
		}
	}

	private final StreamsParser parser;
	private final InputStream in;
	private byte[] buf = new byte[1 << 16];
	private int pos;
	private int limit;
	private boolean eof;

	private final List<String> stack = new ArrayList<>();
	private final String[] names = new String[64];
	private final byte[][] nameBytes = new byte[64][];
	private int nameCount;

	// attribute ranges of the current tag
	private final int[] attr = new int[10]; // dataItemId, sequence, timestamp, subType, statistic: from, to

	StreamsScanner(StreamsParser parser, InputStream in) {
		this.parser = parser;
		this.in = in;
	}

	/** Scans the document into the parser's buffer; returns the header (the parser then flushes). */
	StreamsHeader scan(ToLongFunction<StreamsHeader> skipThroughFor) throws IOException, Fallback {
		StreamsHeader header = null;
		long skipThrough = -1;
		String device = null;
		String category = null;
		int categoryDepth = -1;
		boolean rootClosed = false;
		while (true) {
			int lt = indexOf((byte) '<');
			if (lt < 0) {
				if (!blank(pos, limit)) {
					throw new Fallback("text after the end");
				}
				break;
			}
			if (stack.isEmpty() && !blank(pos, lt)) {
				throw new Fallback("text outside the root");
			}
			pos = lt;
			int end = indexOf((byte) '>');
			if (end < 0) {
				throw new Fallback("unterminated tag");
			}
			byte second = pos + 1 < end ? buf[pos + 1] : 0;
			if (second == '?') {
				checkDeclaration(pos, end);
				pos = end + 1;
				continue;
			}
			if (second == '!') {
				skipComment();
				continue;
			}
			if (rootClosed) {
				throw new Fallback("an element after the root");
			}
			if (second == '/') {
				String name = name(pos + 2, trimEnd(pos + 2, end));
				if (stack.isEmpty() || !stack.get(stack.size() - 1).equals(name)) {
					throw new Fallback("mismatched end tag");
				}
				if (stack.size() == categoryDepth) {
					category = null;
					categoryDepth = -1;
				}
				stack.remove(stack.size() - 1);
				rootClosed = stack.isEmpty();
				pos = end + 1;
				continue;
			}
			boolean empty = buf[end - 1] == '/';
			int nameEnd = nameEnd(pos + 1, end);
			String name = name(pos + 1, nameEnd);
			int depth = stack.size() + 1;
			if (category != null && depth == categoryDepth + 1) {
				if ("Condition".equals(category)) {
					if (!empty) {
						pos = end + 1;
						skipElement(name);
					} else {
						pos = end + 1;
					}
					continue;
				}
				// find the end tag with pos kept at this tag, so the tag stays in the buffer; then parse it
				int contentFrom = end + 1;
				int contentTo = contentFrom;
				int closeEnd = end;
				if (!empty) {
					int before = pos;
					int close = indexOfFrom((byte) '<', end + 1);
					if (close < 0) {
						throw new Fallback("unterminated observation");
					}
					end -= before - pos;
					nameEnd -= before - pos;
					before = pos;
					closeEnd = indexOfFrom((byte) '>', close);
					if (closeEnd < 0) {
						throw new Fallback("unterminated observation");
					}
					end -= before - pos;
					nameEnd -= before - pos;
					close -= before - pos;
					if (buf[close + 1] != '/' || !name.equals(name(close + 2, trimEnd(close + 2, closeEnd)))) {
						throw new Fallback("an observation with nested elements");
					}
					contentFrom = end + 1;
					contentTo = close;
					for (int i = contentFrom; i < contentTo; i++) {
						if (buf[i] == '&') {
							throw new Fallback("a reference in an observation");
						}
					}
				}
				attributes(nameEnd, empty ? end - 1 : end);
				parser.scanned(buf, name, category, device, attr, contentFrom, contentTo, skipThrough);
				pos = closeEnd + 1;
				continue;
			}
			if (depth == 1) {
				String namespace = attribute(nameEnd, end, "xmlns");
				if (!"MTConnectStreams".equals(name) || namespace == null || !namespace.startsWith("urn:mtconnect.org:MTConnectStreams")) {
					throw new Fallback("not a plain MTConnectStreams root");
				}
			} else if (depth == 2 && "Header".equals(name)) {
				header = header(nameEnd, end);
				skipThrough = skipThroughFor == null ? -1 : skipThroughFor.applyAsLong(header);
			} else if ("DeviceStream".equals(name)) {
				device = attribute(nameEnd, end, "name");
			} else if ("Samples".equals(name) || "Events".equals(name) || "Condition".equals(name)) {
				if (!empty) {
					category = name;
					categoryDepth = depth;
					parser.startRun();
				}
			}
			if (!empty) {
				stack.add(name);
			} else if (depth == 1) {
				rootClosed = true;
			}
			pos = end + 1;
		}
		if (!rootClosed || header == null) {
			throw new Fallback("no complete document");
		}
		return header;
	}

	// ---- tags

	private void checkDeclaration(int from, int to) throws Fallback {
		String text = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
		int at = text.indexOf("encoding");
		if (at >= 0) {
			String rest = text.substring(at + 8).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
			if (!rest.startsWith("=\"UTF-8\"") && !rest.startsWith("='UTF-8'") && !rest.startsWith("=\"US-ASCII\"")) {
				throw new Fallback("an encoding other than UTF-8");
			}
		}
	}

	private void skipComment() throws IOException, Fallback {
		if (!(ensure(4) && buf[pos + 2] == '-' && buf[pos + 3] == '-')) {
			throw new Fallback("a DOCTYPE or CDATA section"); // StAX refuses a DOCTYPE with its line
		}
		int from = pos + 4;
		while (true) {
			int end = indexOfFrom((byte) '>', from);
			if (end < 0) {
				throw new Fallback("unterminated comment");
			}
			if (end - pos >= 6 && buf[end - 1] == '-' && buf[end - 2] == '-') {
				for (int i = pos + 4; i < end - 3; i++) {
					if (buf[i] == '-' && buf[i + 1] == '-') {
						throw new Fallback("'--' inside a comment"); // not well-formed: StAX says where
					}
				}
				pos = end + 1;
				return;
			}
			from = end + 1;
		}
	}

	private void skipElement(String name) throws IOException, Fallback {
		int depth = 1;
		while (depth > 0) {
			int lt = indexOf((byte) '<');
			if (lt < 0) {
				throw new Fallback("unterminated element");
			}
			pos = lt;
			int end = indexOf((byte) '>');
			if (end < 0 || buf[pos + 1] == '!' || buf[pos + 1] == '?') {
				throw new Fallback("markup inside a condition");
			}
			if (buf[pos + 1] == '/') {
				depth--;
			} else if (buf[end - 1] != '/') {
				depth++;
			}
			pos = end + 1;
		}
	}

	private StreamsHeader header(int from, int to) throws Fallback {
		try {
			return new StreamsHeader(attribute(from, to, "instanceId"), Long.parseLong(required(from, to, "firstSequence")),
					Long.parseLong(required(from, to, "lastSequence")), Long.parseLong(required(from, to, "nextSequence")),
					Long.parseLong(required(from, to, "bufferSize")), attribute(from, to, "creationTime"));
		} catch (NumberFormatException e) {
			throw new Fallback("a bad header");
		}
	}

	private String required(int from, int to, String name) throws Fallback {
		String value = attribute(from, to, name);
		if (value == null) {
			throw new Fallback("a header without " + name);
		}
		return value;
	}

	/** One attribute's value as text (for the few per document), null if absent. */
	private String attribute(int from, int to, String wanted) throws Fallback {
		byte[] key = wanted.getBytes(StandardCharsets.US_ASCII);
		int i = from;
		while (true) {
			while (i < to && isSpace(buf[i])) {
				i++;
			}
			if (i >= to || buf[i] == '/') {
				return null;
			}
			int nameFrom = i;
			while (i < to && buf[i] != '=' && !isSpace(buf[i])) {
				i++;
			}
			int nameTo = i;
			while (i < to && isSpace(buf[i])) {
				i++;
			}
			if (i >= to || buf[i] != '=') {
				throw new Fallback("an attribute without a value");
			}
			i++;
			while (i < to && isSpace(buf[i])) {
				i++;
			}
			if (i >= to || buf[i] != '"' && buf[i] != '\'') {
				throw new Fallback("an unquoted attribute");
			}
			byte quote = buf[i++];
			int valueFrom = i;
			while (i < to && buf[i] != quote) {
				if (buf[i] == '&' || buf[i] == '<') {
					throw new Fallback("a reference in an attribute");
				}
				i++;
			}
			if (i >= to) {
				throw new Fallback("an unterminated attribute");
			}
			if (Arrays.equals(buf, nameFrom, nameTo, key, 0, key.length)) {
				return new String(buf, valueFrom, i - valueFrom, StandardCharsets.UTF_8);
			}
			i++;
		}
	}

	/** The ranges of an observation's attributes into {@link #attr} (-1 where absent). */
	private void attributes(int from, int to) throws Fallback {
		Arrays.fill(attr, -1);
		int i = from;
		while (true) {
			while (i < to && isSpace(buf[i])) {
				i++;
			}
			if (i >= to) {
				return;
			}
			int nameFrom = i;
			while (i < to && buf[i] != '=' && !isSpace(buf[i])) {
				i++;
			}
			int nameTo = i;
			while (i < to && isSpace(buf[i])) {
				i++;
			}
			if (i >= to || buf[i] != '=') {
				throw new Fallback("an attribute without a value");
			}
			i++;
			while (i < to && isSpace(buf[i])) {
				i++;
			}
			if (i >= to || buf[i] != '"' && buf[i] != '\'') {
				throw new Fallback("an unquoted attribute");
			}
			byte quote = buf[i++];
			int valueFrom = i;
			while (i < to && buf[i] != quote) {
				if (buf[i] == '&' || buf[i] == '<') {
					throw new Fallback("a reference in an attribute");
				}
				i++;
			}
			if (i >= to) {
				throw new Fallback("an unterminated attribute");
			}
			int slot = slot(nameFrom, nameTo);
			if (slot >= 0) {
				attr[2 * slot] = valueFrom;
				attr[2 * slot + 1] = i;
			}
			i++;
		}
	}

	private static final byte[][] OBSERVATION_ATTRIBUTES = { bytes("dataItemId"), bytes("sequence"), bytes("timestamp"),
			bytes("subType"), bytes("statistic") };

	/** Which of the observation attributes buf[from, to) names (by length and first letter, then compared), or -1. */
	private int slot(int from, int to) {
		int k = switch (to - from) {
			case 10 -> 0; // dataItemId
			case 8 -> 1; // sequence
			case 9 -> buf[from] == 't' ? 2 : 4; // timestamp, statistic
			case 7 -> 3; // subType
			default -> -1;
		};
		if (k < 0) {
			return -1;
		}
		byte[] key = OBSERVATION_ATTRIBUTES[k];
		return Arrays.equals(buf, from, to, key, 0, key.length) ? k : -1;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private int nameEnd(int from, int to) throws Fallback {
		int i = from;
		while (i < to && !isSpace(buf[i]) && buf[i] != '/') {
			if (buf[i] == ':') {
				throw new Fallback("a prefixed name");
			}
			i++;
		}
		if (i == from) {
			throw new Fallback("an empty name");
		}
		return i;
	}

	private int trimEnd(int from, int to) {
		while (to > from && isSpace(buf[to - 1])) {
			to--;
		}
		return to;
	}

	/** The element name of buf[from, to) as one shared String per distinct name. */
	private String name(int from, int to) throws Fallback {
		int length = to - from;
		for (int k = 0; k < nameCount; k++) {
			byte[] known = nameBytes[k];
			if (known.length == length && Arrays.equals(known, 0, length, buf, from, to)) {
				return names[k];
			}
		}
		for (int i = from; i < to; i++) {
			if (buf[i] == ':' || buf[i] < 0) {
				throw new Fallback("a prefixed or non-ASCII name");
			}
		}
		String name = new String(buf, from, length, StandardCharsets.US_ASCII);
		if (nameCount < names.length) {
			nameBytes[nameCount] = Arrays.copyOfRange(buf, from, to);
			names[nameCount++] = name;
		}
		return name;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\n' || b == '\t' || b == '\r';
	}

	private boolean blank(int from, int to) {
		for (int i = from; i < to; i++) {
			if (!isSpace(buf[i])) {
				return false;
			}
		}
		return true;
	}

	// ---- the buffer: everything from pos on stays in it while it is needed

	/** Index of the next {@code b} at or after pos, reading more as needed (pos may move to 0); -1 at the end. */
	private int indexOf(byte b) throws IOException {
		return indexOfFrom(b, pos);
	}

	private int indexOfFrom(byte b, int from) throws IOException {
		int i = from;
		while (true) {
			for (; i < limit; i++) {
				if (buf[i] == b) {
					return i;
				}
			}
			if (eof) {
				return -1;
			}
			int shift = pos;
			fill();
			i -= shift;
		}
	}

	private boolean ensure(int n) throws IOException {
		while (limit - pos < n && !eof) {
			fill();
		}
		return limit - pos >= n;
	}

	/** Moves [pos, limit) to the start and reads more. */
	private void fill() throws IOException {
		if (pos > 0) {
			System.arraycopy(buf, pos, buf, 0, limit - pos);
			limit -= pos;
			pos = 0;
		}
		if (limit == buf.length) {
			buf = Arrays.copyOf(buf, buf.length * 2);
		}
		int n = in.read(buf, limit, buf.length - limit);
		if (n < 0) {
			eof = true;
		} else {
			limit += n;
		}
	}
}
