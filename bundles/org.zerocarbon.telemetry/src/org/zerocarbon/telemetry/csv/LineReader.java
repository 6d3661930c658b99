package org.zerocarbon.telemetry.csv;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lines as byte ranges of a reused buffer (no String per line). '\n' ends a line, a '\r' before it is dropped.
 * A line longer than {@link #MAX_LINE} bytes is returned cut short with {@link #tooLong} set.
 */
final class LineReader {

	static final int MAX_LINE = 1 << 20;

	private final InputStream in;
	private byte[] buf = new byte[1 << 20];
	private int pos;
	private int limit;
	private boolean eof;

	byte[] line;
	int start;
	int end;
	long number;
	boolean tooLong;

	LineReader(InputStream in) {
		this.in = in;
	}

	/** Advances to the next line; false at the end of the input. */
	boolean next() throws IOException {
		tooLong = false;
		int scan = pos;
		while (true) {
			for (; scan < limit; scan++) {
				if (buf[scan] == '\n') {
					emit(pos, scan);
					pos = scan + 1;
					return true;
				}
			}
			if (eof) {
				if (pos < limit) {
					emit(pos, limit);
					pos = limit;
					return true;
				}
				return false;
			}
			if (limit - pos >= MAX_LINE) { // cut the line short, skip the rest of it
				emit(pos, pos + MAX_LINE);
				tooLong = true;
				skipRestOfLine();
				return true;
			}
			scan -= pos;
			fill();
		}
	}

	private void emit(int from, int to) {
		number++;
		line = buf;
		start = from;
		end = to > from && buf[to - 1] == '\r' ? to - 1 : to;
	}

	/** Keeps the first MAX_LINE bytes of an over-long line (no newline in the buffer) and discards the rest. */
	private void skipRestOfLine() throws IOException {
		byte[] copy = java.util.Arrays.copyOfRange(buf, start, end);
		pos = 0;
		limit = 0;
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			// discard the rest of the line
		}
		if (b < 0) {
			eof = true;
		}
		line = copy;
		start = 0;
		end = copy.length;
	}

	private void fill() throws IOException {
		if (pos > 0) {
			System.arraycopy(buf, pos, buf, 0, limit - pos);
			limit -= pos;
			pos = 0;
		}
		if (limit == buf.length) {
			buf = java.util.Arrays.copyOf(buf, buf.length * 2);
		}
		int n = in.read(buf, limit, buf.length - limit);
		if (n < 0) {
			eof = true;
		} else {
			limit += n;
		}
	}
}
