package org.zerocarbon.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a zip file defensively, into memory: entries whose names are absolute, hold {@code ..}, a backslash or a drive
 * letter are refused, and so are symbolic links (the unix mode in the central directory's external attributes),
 * duplicate names, ZIP64 archives, and zip bombs (limits on the entry count, per-entry and total expanded size and
 * the compression ratio). {@link #extract} writes only below its target folder.
 * <p>
 * Hand-written on purpose: {@code java.util.zip} hides the external attributes that mark a symbolic link, and the
 * target platform has no Commons Compress. The central directory is parsed here only for those attributes; the data
 * is read through {@link ZipFile} (which also reads the central directory, so the two views agree), each entry with
 * a byte budget that is enforced while inflating, not trusted from the declared sizes.
 */
public final class SafeZip {

	/**
	 * Limits of a read.
	 *
	 * @param maxEntries    most entries
	 * @param maxEntryBytes most expanded bytes of one entry
	 * @param maxTotalBytes most expanded bytes of all entries
	 * @param maxRatio      most expanded/compressed ratio of an entry larger than 1 MiB
	 */
	public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, long maxRatio) {
		/** 10 000 entries, 256 MiB an entry, 1 GiB in all, ratio 100. */
		public static final Limits DEFAULT = new Limits(10_000, 256L << 20, 1L << 30, 100);
	}

	/** A zip refused as unsafe or malformed; the message names the entry. */
	public static final class UnsafeZipException extends IOException {
		private static final long serialVersionUID = 1L;

		public UnsafeZipException(String message) {
			super(message);
		}
	}

	private static final int EOCD = 0x06054b50;
	private static final int CENTRAL = 0x02014b50;
	private static final int UNIX_HOST = 3;
	private static final int S_IFMT = 0170000;
	private static final int S_IFLNK = 0120000;

	private SafeZip() {
	}

	/** Reads every file entry (directories skipped), by name in sorted order. */
	public static SortedMap<String, byte[]> read(Path zip, Limits limits) throws IOException {
		checkCentralDirectory(zip, limits);
		SortedMap<String, byte[]> entries = new TreeMap<>();
		long total = 0;
		try (ZipFile file = new ZipFile(zip.toFile())) {
			if (file.size() > limits.maxEntries()) {
				throw new UnsafeZipException(zip.getFileName() + ": " + file.size() + " entries, more than the limit of " + limits.maxEntries());
			}
			for (ZipEntry entry : Collections.list(file.entries())) {
				String name = entry.getName();
				checkName(name);
				if (entry.isDirectory()) {
					continue;
				}
				if (entries.containsKey(name)) {
					throw new UnsafeZipException(name + ": the entry occurs twice");
				}
				long budget = Math.min(limits.maxEntryBytes(), limits.maxTotalBytes() - total);
				byte[] bytes;
				try (InputStream in = file.getInputStream(entry)) {
					bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, budget + 1));
				} catch (ZipException e) {
					throw new UnsafeZipException(name + ": " + e.getMessage());
				}
				if (bytes.length > budget) {
					throw new UnsafeZipException(name + ": expands to more than " + budget + " bytes (zip bomb limit)");
				}
				long compressed = Math.max(1, entry.getCompressedSize());
				if (bytes.length > (1 << 20) && bytes.length / compressed > limits.maxRatio()) {
					throw new UnsafeZipException(name + ": compression ratio " + bytes.length / compressed + ":1 is above the limit of "
							+ limits.maxRatio() + ":1 (zip bomb)");
				}
				total += bytes.length;
				entries.put(name, bytes);
			}
		} catch (ZipException e) {
			throw new UnsafeZipException(zip.getFileName() + ": not a readable zip file: " + e.getMessage());
		}
		return entries;
	}

	/** Refuses names that could leave the target folder. */
	static void checkName(String name) throws UnsafeZipException {
		if (name.isEmpty() || name.indexOf('\0') >= 0) {
			throw new UnsafeZipException("an entry has an empty or NUL-holding name");
		}
		if (name.startsWith("/") || name.startsWith("\\") || name.length() > 1 && name.charAt(1) == ':') {
			throw new UnsafeZipException(name + ": absolute paths are refused");
		}
		if (name.indexOf('\\') >= 0) {
			throw new UnsafeZipException(name + ": backslashes in entry names are refused");
		}
		for (String segment : name.split("/")) {
			if (segment.equals("..")) {
				throw new UnsafeZipException(name + ": '..' in entry names is refused (zip slip)");
			}
		}
	}

	/** Reads the central directory for the entry count, ZIP64 and the symbolic-link mode bits. */
	private static void checkCentralDirectory(Path zip, Limits limits) throws IOException {
		try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
			long size = channel.size();
			int tail = (int) Math.min(size, 22 + 65_535);
			ByteBuffer end = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
			channel.read(end, size - tail);
			int eocd = -1;
			for (int i = tail - 22; i >= 0; i--) {
				if (end.getInt(i) == EOCD) {
					eocd = i;
					break;
				}
			}
			if (eocd < 0) {
				throw new UnsafeZipException(zip.getFileName() + ": not a zip file (no end of central directory)");
			}
			int count = Short.toUnsignedInt(end.getShort(eocd + 10));
			long cdSize = Integer.toUnsignedLong(end.getInt(eocd + 12));
			long cdOffset = Integer.toUnsignedLong(end.getInt(eocd + 16));
			if (count == 0xFFFF || cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL) {
				throw new UnsafeZipException(zip.getFileName() + ": ZIP64 archives are refused");
			}
			if (count > limits.maxEntries()) {
				throw new UnsafeZipException(zip.getFileName() + ": " + count + " entries, more than the limit of " + limits.maxEntries());
			}
			if (cdOffset + cdSize > size) {
				throw new UnsafeZipException(zip.getFileName() + ": the central directory lies outside the file");
			}
			ByteBuffer cd = ByteBuffer.allocate((int) cdSize).order(ByteOrder.LITTLE_ENDIAN);
			channel.read(cd, cdOffset);
			int at = 0;
			for (int n = 0; n < count; n++) {
				if (at + 46 > cdSize || cd.getInt(at) != CENTRAL) {
					throw new UnsafeZipException(zip.getFileName() + ": malformed central directory (entry " + (n + 1) + ")");
				}
				int host = Short.toUnsignedInt(cd.getShort(at + 4)) >>> 8;
				int nameLength = Short.toUnsignedInt(cd.getShort(at + 28));
				int extraLength = Short.toUnsignedInt(cd.getShort(at + 30));
				int commentLength = Short.toUnsignedInt(cd.getShort(at + 32));
				int external = cd.getInt(at + 38);
				if (at + 46 + nameLength > cdSize) {
					throw new UnsafeZipException(zip.getFileName() + ": malformed central directory (entry " + (n + 1) + ")");
				}
				String name = new String(cd.array(), at + 46, nameLength, StandardCharsets.UTF_8);
				checkName(name);
				if (host == UNIX_HOST && ((external >>> 16) & S_IFMT) == S_IFLNK) {
					throw new UnsafeZipException(name + ": symbolic links are refused");
				}
				at += 46 + nameLength + extraLength + commentLength;
			}
		}
	}

	/**
	 * Writes entries below a folder; every target is checked to stay inside it.
	 *
	 * @param entries entries as {@link #read} returns them
	 * @param prefix  only entries whose names start with it; "" for all
	 * @param target  the folder, created if missing
	 */
	public static void extract(Map<String, byte[]> entries, String prefix, Path target) throws IOException {
		Path root = Files.createDirectories(target).toRealPath();
		for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
			if (!entry.getKey().startsWith(prefix)) {
				continue;
			}
			checkName(entry.getKey());
			Path file = root.resolve(entry.getKey()).normalize();
			if (!file.startsWith(root) || file.equals(root)) {
				throw new UnsafeZipException(entry.getKey() + ": would be written outside " + root);
			}
			Files.createDirectories(file.getParent());
			if (!file.getParent().toRealPath().startsWith(root)) {
				throw new UnsafeZipException(entry.getKey() + ": would be written outside " + root);
			}
			Files.write(file, entry.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
	}
}
