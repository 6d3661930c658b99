package org.zerocarbon.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip whose bytes depend only on its entries: names in sorted order, every timestamp 1980-01-01 00:00 (the
 * first DOS date; set as local date-time so no extended-timestamp extra field is written), no directory entries, no
 * extra fields, no comments, deflate at level 9.
 */
public final class DeterministicZip {

	/** The timestamp of every entry. */
	public static final LocalDateTime TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

	private DeterministicZip() {
	}

	/** The zip of these entries (name to content). */
	public static byte[] of(SortedMap<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			zip.setMethod(ZipOutputStream.DEFLATED);
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				ZipEntry e = new ZipEntry(entry.getKey());
				e.setTimeLocal(TIME);
				zip.putNextEntry(e);
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}
}
