package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.mtconnect.MTConnectFileSource;

/**
 * The byte-level fast path in front of the StAX reader gives exactly what StAX gives, and hands unusual documents to
 * StAX.
 */
class StreamsFastPathTest {

	@TempDir
	Path dir;

	private static void sameAsStax(MTConnectFileSource source, int expectedStaxDocuments) throws Exception {
		RecordingSink fast = new RecordingSink();
		source.read(null, null, fast, null);
		assertEquals(expectedStaxDocuments, source.staxDocuments(), "documents StAX had to read");
		RecordingSink stax = new RecordingSink();
		MTConnectFileSource reference = source.staxOnly();
		reference.read(null, null, stax, null);
		assertEquals(source.files().size(), reference.staxDocuments());
		assertFalse(stax.records.isEmpty());
		assertEquals(stax.records, fast.records);
		assertEquals(stax.problems(), fast.problems());
	}

	@Test
	void theFixturesReadTheSame() throws Exception {
		sameAsStax(new MTConnectFileSource(MTConnectFileSource.glob(Fixtures.FIXTURES, "vmc1-sample-*.xml"), null), 0);
	}

	@Test
	void theExampleWeekReadsTheSame() throws Exception {
		ExampleData.writeMTConnect(dir, ExampleData.timeline(ExampleData.VMC1));
		sameAsStax(new MTConnectFileSource(MTConnectFileSource.glob(dir, "vmc1-2026-*.xml.gz"), null), 0);
	}

	@Test
	void unusualDocumentsGoToStax() throws Exception {
		String text = Files.readString(Fixtures.fixture("vmc1-sample-1.xml"));
		// an entity reference, a CDATA section, a prefixed extension element, a bad number, nested content
		List<String> variants = List.of(text.replace(">O1001<", ">O1001 &amp; O1002<"),
				text.replace(">O1001<", "><![CDATA[O1001]]><"),
				text.replace("<Samples>", "<Samples xmlns:x=\"urn:example\"><x:Temperature dataItemId=\"t\" "
						+ "timestamp=\"2026-03-02T07:00:00Z\" sequence=\"99\">20</x:Temperature>"),
				text.replace(">9400<", ">94OO<"),
				text.replace("<Program dataItemId=\"vmc1_prog\" timestamp=\"2026-03-02T07:00:00Z\" sequence=\"5\">O1001</Program>",
						"<Program dataItemId=\"vmc1_prog\" timestamp=\"2026-03-02T07:00:00Z\" sequence=\"5\">O1001<!-- c --></Program>"));
		Path invalid = dir.resolve("invalid.xml"); // not well-formed: the fast path must not accept what StAX refuses
		Files.writeString(invalid, text.replace("<Samples>", "<Samples><!-- a -- b -->"));
		org.junit.jupiter.api.Assertions.assertThrows(org.zerocarbon.telemetry.TelemetryException.class,
				() -> new MTConnectFileSource(List.of(invalid), null).read(null, null, new RecordingSink(), null));
		for (int i = 0; i < variants.size(); i++) {
			Path file = dir.resolve("variant-" + i + ".xml");
			Files.writeString(file, variants.get(i));
			sameAsStax(new MTConnectFileSource(List.of(file), null), 1);
		}
	}

	@Test
	void commentsWhitespaceAndSingleQuotesStayOnTheFastPath() throws Exception {
		String text = Files.readString(Fixtures.fixture("vmc1-sample-1.xml"))
				.replace("<Samples>", "<Samples>\n  <!-- a comment - with a dash -->\n")
				.replace("<Wattage dataItemId=\"vmc1_power\" timestamp=\"2026-03-02T07:00:10Z\" sequence=\"7\">9500</Wattage>",
						"<Wattage\n   dataItemId='vmc1_power'  timestamp = \"2026-03-02T07:00:10Z\"\tsequence=\"7\" >  9500\n</Wattage >")
				.replace("</MTConnectStreams>", "</MTConnectStreams>\n<!-- after -->\n");
		Path file = dir.resolve("layout.xml");
		Files.writeString(file, text);
		sameAsStax(new MTConnectFileSource(List.of(file), null), 0);
	}
}
