package org.zerocarbon.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.interop.EpdReader;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.InteropException;

/** XXE, entity bombs, zip-slip, absolute paths, symbolic links and zip bombs are refused. */
class SecureInputTest {

	@TempDir
	Path dir;

	@Test
	void anExternalEntityIsRefused() throws Exception {
		Path secret = dir.resolve("secret.txt");
		Files.writeString(secret, "TOP-SECRET");
		Path xml = dir.resolve("xxe.xml");
		Files.writeString(xml, """
				<?xml version="1.0"?>
				<!DOCTYPE processDataSet [ <!ENTITY xxe SYSTEM "%s"> ]>
				<processDataSet xmlns="http://lca.jrc.it/ILCD/Process" xmlns:common="http://lca.jrc.it/ILCD/Common">
				  <processInformation><dataSetInformation><common:UUID>&xxe;</common:UUID></dataSetInformation></processInformation>
				</processDataSet>
				""".formatted(secret.toUri()));
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(xml, "xxe.xml", "1 kg", new ImportReport(), null));
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
		assertFalse(e.getMessage().contains("TOP-SECRET"));
	}

	@Test
	void aBillionLaughsIsRefused() throws Exception {
		Path xml = dir.resolve("lol.xml");
		Files.writeString(xml, """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
				<processDataSet>&lol2;</processDataSet>
				""");
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(xml, "lol.xml", "1 kg", new ImportReport(), null));
		assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
	}

	@Test
	void zipSlipAndAbsolutePathsAreRefused() throws Exception {
		for (String evil : new String[] { "processes/../../evil.xml", "/etc/processes/x.xml", "C:/processes/x.xml", "processes\\..\\x.xml" }) {
			Map<String, String> entries = new LinkedHashMap<>();
			entries.put("processes/ok.xml", Files.readString(Samples.V13));
			entries.put(evil, "<x/>");
			Path zip = Samples.zip(dir.resolve("evil.zip"), entries);
			InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(zip, "evil.zip", "1 kg", new ImportReport(), null));
			assertTrue(e.getMessage().contains("refused"), e.getMessage());
		}
	}

	@Test
	void aSymbolicLinkIsRefused() throws Exception {
		Path zip = Samples.zip(dir.resolve("link.zip"), Map.of("processes/link.xml", "/etc/passwd"));
		// mark the entry as a Unix symlink: "version made by" host 3 (Unix), external attributes S_IFLNK | 0777 << 16
		byte[] bytes = Files.readAllBytes(zip);
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int found = 0;
		for (int i = 0; i + 46 < bytes.length; i++) {
			if (b.getInt(i) == 0x02014b50) {
				bytes[i + 5] = 3;
				b.putInt(i + 38, (0120777) << 16);
				found++;
			}
		}
		assertEquals(1, found);
		Files.write(zip, bytes);
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(zip, "link.zip", "1 kg", new ImportReport(), null));
		assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
	}

	@Test
	void aZipBombIsRefused() throws Exception {
		// 8 MiB of zeros deflate to about 8 KiB: a ratio of about 1000:1, beyond the limit of 200:1
		Path zip = dir.resolve("bomb.zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("processes/bomb.xml"));
			out.write("<processDataSet><x>".getBytes());
			writeZeros(out, 8 << 20);
			out.closeEntry();
		}
		assertTrue(Files.size(zip) < 100_000);
		InteropException e = assertThrows(InteropException.class, () -> EpdReader.read(zip, "bomb.zip", "1 kg", new ImportReport(), null));
		assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
	}

	private static void writeZeros(OutputStream out, int count) throws IOException {
		byte[] buffer = new byte[65536];
		java.util.Arrays.fill(buffer, (byte) ' ');
		for (int i = 0; i < count; i += buffer.length) {
			out.write(buffer);
		}
	}
}
