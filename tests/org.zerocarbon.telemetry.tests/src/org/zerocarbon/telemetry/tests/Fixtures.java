package org.zerocarbon.telemetry.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.xml.sax.SAXException;

/** The test bundle's MTConnect fixtures and the MTConnect Institute's schemas copied beside them. */
final class Fixtures {

	static final Path MTCONNECT = Path.of("resources/mtconnect").toAbsolutePath();
	static final Path FIXTURES = MTCONNECT.resolve("fixtures");
	static final Path SCHEMAS = MTCONNECT.resolve("schemas");

	private static Schema streams;
	private static Schema error;

	private Fixtures() {
	}

	static Path fixture(String name) {
		return FIXTURES.resolve(name);
	}

	static Stream<Path> all() throws IOException {
		try (Stream<Path> files = Files.list(FIXTURES)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList().stream();
		}
	}

	/**
	 * The MTConnectStreams 2.4 schema: secure processing, no DTDs, schemas only from local files (the copy has no
	 * imports).
	 */
	static synchronized Schema streamsSchema() throws SAXException {
		if (streams == null) {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
			streams = factory.newSchema(SCHEMAS.resolve("MTConnectStreams_2.4.xsd").toFile());
		}
		return streams;
	}

	/** The MTConnectError 2.4 schema, made like {@link #streamsSchema()}. */
	static synchronized Schema errorSchema() throws SAXException {
		if (error == null) {
			SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
			error = factory.newSchema(SCHEMAS.resolve("MTConnectError_2.4.xsd").toFile());
		}
		return error;
	}

	/** Validates a served document: an MTConnectError against its schema, else a Streams document. */
	static void validateServed(String document) throws SAXException, IOException {
		Validator validator = (document.contains("<MTConnectError") ? errorSchema() : streamsSchema()).newValidator();
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		validator.validate(new StreamSource(new java.io.StringReader(document)));
	}

	/** Validates a Streams document (from a file or text) against the Institute's schema; throws if invalid. */
	static void validateStreams(StreamSource document) throws SAXException, IOException {
		Validator validator = streamsSchema().newValidator();
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
		validator.validate(document);
	}
}
