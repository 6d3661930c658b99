package org.zerocarbon.interop.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.zerocarbon.interop.InteropException;

/**
 * A zip archive read defensively: every entry name is checked (no absolute paths, no {@code ..}, no
 * backslashes, no drive letters), symbolic links are refused (Unix mode in the central directory's external
 * attributes, which {@link ZipFile} does not expose), and the archive may hold at most {@link #MAX_ENTRIES}
 * entries and expand to at most {@link #MAX_TOTAL_BYTES} ({@link #MAX_ENTRY_BYTES} per entry), counted on the
 * bytes actually inflated, not on the sizes the archive claims. Entries are streamed, never extracted to disk;
 * several entries may be read at once from different threads.
 */
public final class SecureZip implements AutoCloseable {

	public static final int MAX_ENTRIES = 100_000;
	public static final long MAX_ENTRY_BYTES = 64L << 20;
	public static final long MAX_TOTAL_BYTES = 2L << 30;
	/** Inflating more than this ratio (beyond the first MiB) is treated as a bomb. */
	public static final long MAX_RATIO = 200;

	private final String name;
	private final ZipFile zip;
	private final List<ZipEntry> entries;
	private final AtomicLong inflated = new AtomicLong();

	private SecureZip(String name, ZipFile zip, List<ZipEntry> entries) {
		this.name = name;
		this.zip = zip;
		this.entries = entries;
	}

	/** Opens and checks the archive's directory; refuses it whole when one entry is unsafe. */
	public static SecureZip open(Path file, String displayName) throws InteropException {
		List<String> symlinks = symlinks(file, displayName);
		ZipFile zip;
		try {
			zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new InteropException(displayName, 0, "not a readable zip archive: " + e.getMessage(), e);
		}
		try {
			List<ZipEntry> entries = new ArrayList<>();
			Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				ZipEntry entry = all.nextElement();
				if (entries.size() >= MAX_ENTRIES) {
					throw new InteropException(displayName, 0, "more than " + MAX_ENTRIES + " entries: refused as a possible zip bomb");
				}
				checkName(displayName, entry.getName());
				if (symlinks.contains(entry.getName())) {
					throw new InteropException(displayName, 0, "entry '" + entry.getName() + "' is a symbolic link: refused");
				}
				entries.add(entry);
			}
			return new SecureZip(displayName, zip, Collections.unmodifiableList(entries));
		} catch (InteropException | RuntimeException e) {
			try {
				zip.close();
			} catch (IOException ignored) {
				// already failing
			}
			throw e;
		}
	}

	/** Refuses names that would leave a target directory (zip-slip) or are absolute. */
	static void checkName(String archive, String entry) throws InteropException {
		String n = entry;
		if (n.isEmpty() || n.startsWith("/") || n.startsWith("\\") || n.contains("\\") || n.contains("\0")
				|| n.length() > 1 && n.charAt(1) == ':') {
			throw new InteropException(archive, 0, "entry '" + entry + "' has an absolute or unsafe path: refused");
		}
		for (String segment : n.split("/")) {
			if (segment.equals("..")) {
				throw new InteropException(archive, 0, "entry '" + entry + "' points outside the archive (zip-slip): refused");
			}
		}
	}

	/** The archive's entries, directories included, in archive order. */
	public List<ZipEntry> entries() {
		return entries;
	}

	/** The entry named so, or null. */
	public ZipEntry entry(String entryName) {
		return zip.getEntry(entryName);
	}

	/** {@code archive!/entry}, for messages. */
	public String display(ZipEntry entry) {
		return name + "!/" + entry.getName();
	}

	/** The entry's bytes as a stream that fails once the limits are exceeded. */
	public InputStream open(ZipEntry entry) throws InteropException {
		try {
			long compressed = Math.max(1, entry.getCompressedSize());
			InputStream in = zip.getInputStream(entry);
			return new FilterInputStream(in) {
				private long count;

				@Override
				public int read() throws IOException {
					int b = super.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = super.read(buffer, offset, length);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws IOException {
					count += n;
					long total = inflated.addAndGet(n);
					if (count > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES || count > (1 << 20) && count / compressed > MAX_RATIO) {
						throw new IOException(display(entry) + ": expands beyond the limits (" + (MAX_ENTRY_BYTES >> 20) + " MiB per entry, ratio "
								+ MAX_RATIO + ":1, " + (MAX_TOTAL_BYTES >> 30) + " GiB in all): refused as a possible zip bomb");
					}
				}
			};
		} catch (IOException e) {
			throw new InteropException(display(entry), 0, "cannot read: " + e.getMessage(), e);
		}
	}

	@Override
	public void close() throws IOException {
		zip.close();
	}

	/**
	 * The names of entries whose Unix mode says symbolic link, read from the central directory (its external
	 * attributes' upper 16 bits; S_IFLNK = 0120000).
	 */
	private static List<String> symlinks(Path file, String displayName) throws InteropException {
		List<String> links = new ArrayList<>();
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			int tail = (int) Math.min(length, 65_557);
			byte[] end = new byte[tail];
			raf.seek(length - tail);
			raf.readFully(end);
			int eocd = -1;
			for (int i = tail - 22; i >= 0; i--) {
				if (end[i] == 0x50 && end[i + 1] == 0x4b && end[i + 2] == 0x05 && end[i + 3] == 0x06) {
					eocd = i;
					break;
				}
			}
			if (eocd < 0) {
				return links; // ZipFile reports it
			}
			ByteBuffer e = ByteBuffer.wrap(end, eocd, 22).order(ByteOrder.LITTLE_ENDIAN);
			long size = Integer.toUnsignedLong(e.getInt(eocd + 12));
			long offset = Integer.toUnsignedLong(e.getInt(eocd + 16));
			if (offset == 0xFFFFFFFFL || size > length || offset + size > length) {
				return links; // zip64 or inconsistent: ZipFile decides
			}
			byte[] dir = new byte[(int) size];
			raf.seek(offset);
			raf.readFully(dir);
			ByteBuffer d = ByteBuffer.wrap(dir).order(ByteOrder.LITTLE_ENDIAN);
			int p = 0;
			while (p + 46 <= dir.length && d.getInt(p) == 0x02014b50) {
				int madeBy = Short.toUnsignedInt(d.getShort(p + 4)) >> 8;
				int nameLength = Short.toUnsignedInt(d.getShort(p + 28));
				int extraLength = Short.toUnsignedInt(d.getShort(p + 30));
				int commentLength = Short.toUnsignedInt(d.getShort(p + 32));
				long external = Integer.toUnsignedLong(d.getInt(p + 38));
				if (p + 46 + nameLength > dir.length) {
					break;
				}
				String entryName = new String(dir, p + 46, nameLength, StandardCharsets.UTF_8);
				if (madeBy == 3 && ((external >> 16) & 0170000) == 0120000) {
					links.add(entryName);
				}
				p += 46 + nameLength + extraLength + commentLength;
			}
		} catch (IOException e) {
			throw new InteropException(displayName, 0, "cannot read: " + e.getMessage(), e);
		}
		return links;
	}
}
