package org.zerocarbon.telemetry;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opening data files: plain or gzip (by the magic bytes 1f 8b, not by the name), counting the bytes read. */
public final class Streams {

	private Streams() {
	}

	/** Counts the bytes read from the file (before decompression), for progress. */
	public static final class Counting extends FilterInputStream {
		private long count;

		Counting(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		/** Bytes read from the file so far. */
		public long count() {
			return count;
		}
	}

	/** The file's content, gunzipped when it starts with the gzip magic bytes; {@code counter} sees the raw bytes. */
	public static InputStream open(Path file, Counting[] counter) throws IOException {
		Counting counting = new Counting(Files.newInputStream(file));
		counter[0] = counting;
		BufferedInputStream in = new BufferedInputStream(counting, 1 << 16);
		in.mark(2);
		int b0 = in.read();
		int b1 = in.read();
		in.reset();
		if (b0 == 0x1f && b1 == 0x8b) {
			return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
		}
		return in;
	}
}
