package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.SAXException;

/**
 * Every MTConnect fixture is valid against the MTConnect Institute's own schema (copied with its licence into
 * resources/mtconnect/schemas). The Devices 2.4 schema cannot be compiled by the JDK's validator (it uses the XSD 1.1
 * wildcard attribute notNamespace and imports an xlink.xsd that is not published with it), so probe fixtures are
 * reported as skipped rather than silently passed.
 */
class MTConnectFixturesTest {

	static Stream<Path> fixtures() throws Exception {
		return Fixtures.all();
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void fixtureIsValidAgainstTheInstitutesSchema(Path fixture) throws Exception {
		String text = Files.readString(fixture);
		assumeFalse(text.contains("<MTConnectDevices"), "Devices 2.4 is an XSD 1.1 schema; the JDK validates XSD 1.0 only");
		Fixtures.validateStreams(new StreamSource(fixture.toFile()));
	}

	@Test
	void thereAreStreamsFixtures() throws Exception {
		assertFalse(Fixtures.all().filter(f -> f.getFileName().toString().contains("sample")).toList().isEmpty());
	}

	@Test
	void theValidatorRejectsAnInvalidDocument() {
		// a Header without its required attributes, so the fixture test above can fail
		String invalid = "<MTConnectStreams xmlns='urn:mtconnect.org:MTConnectStreams:2.4'><Header/><Streams/></MTConnectStreams>";
		assertThrows(SAXException.class, () -> Fixtures.validateStreams(new StreamSource(new StringReader(invalid))));
	}
}
