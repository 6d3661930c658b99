package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.HelpDocument;
import org.zerocarbon.ui.internal.HelpDocument.Span;
import org.zerocarbon.ui.internal.HelpDocument.Style;

/** The language reference as the help view shows it, and where F1 leads for a word of the language. */
class HelpDocumentTest {

	@Test
	void theBundledReferenceIsTheOneInDocs() throws IOException {
		String bundled = BundledExamples.read("help/language.md");
		assertEquals(Files.readString(Path.of("../../docs/language.md")), bundled, "the build copies docs/language.md into the bundle");
	}

	@Test
	void markupBecomesStyledPlainText() {
		HelpDocument doc = HelpDocument.parse("""
				# Title

				Some `code` and **bold** with a [link](#second-part).

				## Second part

				```
				machine Name Type {
				\trated Q
				}
				```

				| kind | symbols |
				|---|---|
				| power | `W kW` |

				- one
				  continued
				- two
				""");

		String text = doc.text();
		assertFalse(text.contains("`") || text.contains("**") || text.contains("]("), text);
		assertTrue(text.contains("Some code and bold with a link."), text);
		assertTrue(text.contains("    rated Q"), "tabs of code blocks become spaces: " + text);
		assertTrue(text.contains("  power — W kW"), text);
		assertTrue(text.contains("  •  one continued\n  •  two"), text);
		assertEquals("second-part", doc.sections().get(1).anchor());
		Span link = doc.spans().stream().filter(s -> s.style() == Style.LINK).findFirst().orElseThrow();
		assertEquals("link", text.substring(link.start(), link.start() + link.length()));
		assertEquals("#second-part", link.target());
		Span code = doc.spans().stream().filter(s -> s.style() == Style.CODE).findFirst().orElseThrow();
		assertEquals("code", text.substring(code.start(), code.start() + code.length()));
		assertEquals("Second part", doc.sectionFor("machine").title(), "the word that starts a syntax block");
		assertEquals("Second part", doc.sectionFor("kW").title(), "a word quoted in a table");
		assertNull(doc.sectionFor("nowhere"));
	}

	/** The sections of docs/language.md that explain these words (read from the document by hand). */
	@ParameterizedTest
	@CsvSource({ "machine, Machines", "state, Machines", "transport, Machines", "vmc, Machines", "loop, Energy loops",
			"sensor, Energy loops", "park, Parks", "factors, Factor libraries", "site, Sites", "line, Lines", "methodology, Methodologies",
			"module, Methodologies", "criterion, Criteria", "severity, Criteria", "kWh, Quantities and units",
			"stateSharesSum, Validation rules and issue codes", "package, 'Files, packages, imports and names'" })
	void f1LeadsToTheSectionThatExplainsTheWord(String word, String section) throws IOException {
		HelpDocument doc = HelpDocument.parse(BundledExamples.read("help/language.md"));

		HelpDocument.Section found = doc.sectionFor(word);

		assertNotNull(found, word);
		assertEquals(section, found.title(), word);
	}
}
