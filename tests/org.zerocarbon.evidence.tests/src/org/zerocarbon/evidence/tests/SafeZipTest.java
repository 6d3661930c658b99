package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.SafeZip;
import org.zerocarbon.evidence.SafeZip.UnsafeZipException;

/** Hostile zips are refused before anything is written. */
class SafeZipTest {

	@TempDir
	Path dir;

	@Test
	void zipSlipIsRefused() throws IOException {
		Path zip = write("slip.zip", Map.of("models/../../evil.txt", "x"));
		UnsafeZipException e = assertThrows(UnsafeZipException.class, () -> EvidenceVerifier.verify(zip, null));
		assertEquals("models/../../evil.txt: '..' in entry names is refused (zip slip)", e.getMessage());
		assertFalse(Files.exists(dir.getParent().resolve("evil.txt")));
	}

	@Test
	void anAbsolutePathIsRefused() throws IOException {
		Path zip = write("absolute.zip", Map.of("/tmp/evil.txt", "x"));
		UnsafeZipException e = assertThrows(UnsafeZipException.class, () -> SafeZip.read(zip, SafeZip.Limits.DEFAULT));
		assertEquals("/tmp/evil.txt: absolute paths are refused", e.getMessage());
		Path windows = write("drive.zip", Map.of("C:/evil.txt", "x"));
		assertThrows(UnsafeZipException.class, () -> SafeZip.read(windows, SafeZip.Limits.DEFAULT));
	}

	@Test
	void aSymbolicLinkIsRefused() throws IOException {
		Path zip = write("link.zip", Map.of("models/link", "/etc/passwd"));
		// mark the entry as a unix symlink the way Info-ZIP does: made by host 3 (unix), mode 0120777 in the high
		// half of the external attributes
		byte[] bytes = Files.readAllBytes(zip);
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int central = -1;
		for (int i = 0; i + 4 <= bytes.length; i++) {
			if (buffer.getInt(i) == 0x02014b50) {
				central = i;
				break;
			}
		}
		assertTrue(central > 0);
		buffer.putShort(central + 4, (short) (3 << 8 | 20));
		buffer.putInt(central + 38, 0120777 << 16);
		Files.write(zip, bytes);
		UnsafeZipException e = assertThrows(UnsafeZipException.class, () -> SafeZip.read(zip, SafeZip.Limits.DEFAULT));
		assertEquals("models/link: symbolic links are refused", e.getMessage());
	}

	@Test
	void aZipBombIsRefused() throws IOException {
		// 64 MiB of zeros deflate to about 64 KiB: a ratio near 1000:1, ten times the limit of 100:1
		Path zip = dir.resolve("bomb.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("reports/zeros.json"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 64; i++) {
				out.write(zeros);
			}
			out.closeEntry();
		}
		UnsafeZipException e = assertThrows(UnsafeZipException.class, () -> SafeZip.read(zip, SafeZip.Limits.DEFAULT));
		assertTrue(e.getMessage().startsWith("reports/zeros.json: compression ratio "), e.getMessage());
		// and with a small size limit, the size limit speaks first
		UnsafeZipException small = assertThrows(UnsafeZipException.class,
				() -> SafeZip.read(zip, new SafeZip.Limits(100, 1 << 20, 1 << 30, 100)));
		assertEquals("reports/zeros.json: expands to more than 1048576 bytes (zip bomb limit)", small.getMessage());
	}

	@Test
	void tooManyEntriesAreRefused() throws IOException {
		SortedMap<String, String> many = new TreeMap<>();
		for (int i = 0; i < 11; i++) {
			many.put("f" + i, "");
		}
		Path zip = write("many.zip", many);
		UnsafeZipException e = assertThrows(UnsafeZipException.class, () -> SafeZip.read(zip, new SafeZip.Limits(10, 1 << 20, 1 << 30, 100)));
		assertEquals("many.zip: 11 entries, more than the limit of 10", e.getMessage());
	}

	@Test
	void extractionStaysInsideItsFolder() throws IOException {
		Path target = dir.resolve("out");
		Map<String, byte[]> hostile = Map.of("../outside.txt", new byte[] { 1 });
		assertThrows(UnsafeZipException.class, () -> SafeZip.extract(hostile, "", target));
		assertFalse(Files.exists(dir.resolve("outside.txt")));
		SafeZip.extract(Map.of("models/a/b.zc", "ok".getBytes(StandardCharsets.UTF_8)), "models/", target);
		assertEquals("ok", Files.readString(target.resolve("models/a/b.zc")));
	}

	@Test
	void notAZipIsAClearError() throws IOException {
		Path file = dir.resolve("plain.zip");
		Files.writeString(file, "hello");
		UnsafeZipException e = assertThrows(UnsafeZipException.class, () -> SafeZip.read(file, SafeZip.Limits.DEFAULT));
		assertEquals("plain.zip: not a zip file (no end of central directory)", e.getMessage());
	}

	private Path write(String name, Map<String, String> entries) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (var entry : new TreeMap<>(entries).entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		Path file = dir.resolve(name);
		Files.write(file, bytes.toByteArray());
		return file;
	}
}
