package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;

/** Parser errors in the language's own words (issue 17): what was expected, where, and what to write. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ParserMessagesTest {

	@Inject
	private ParseHelper<ZcModel> parser;

	private List<Resource.Diagnostic> errors(String text) throws Exception {
		List<Resource.Diagnostic> errors = parser.parse(text).eResource().getErrors();
		assertFalse(errors.isEmpty(), "expected a syntax error in: " + text);
		return errors;
	}

	private void assertFirst(String text, String message, int line) throws Exception {
		Resource.Diagnostic first = errors(text).get(0);
		assertTrue(first.getMessage().startsWith(message), first.getMessage());
		assertTrue(first.getLine() == line, "line " + first.getLine() + ": " + first.getMessage());
	}

	@Test
	void anUnknownEnumerationValueNamesTheValuesItCouldBe() throws Exception {
		assertFirst("line L { machine M press { } }", "unknown machine type 'press'; one of: vmc, hmc, turning", 1);
		assertFirst("line L { machine M vmc { state sleeping 1 kW for 10 % } }", "unknown energy state 'sleeping'; one of: off, standby, ready", 1);
		assertFirst("line L { machine M vmc { transport 1 t over 10 km by boat } }", "unknown transport mode 'boat'; one of: truck, rail, ship", 1);
		assertFirst("park P village { }", "unknown park type 'village'", 1);
	}

	@Test
	void aUnitWrittenWithASpaceSaysSo() throws Exception {
		assertFirst("factors F { grid factor G = 582 g CO2e/kWh }", "a unit is written without spaces: 'gCO2e', not 'g CO2e'", 1);
	}

	@Test
	void aMisspeltKeywordAsksWhetherTheKeywordWasMeant() throws Exception {
		// the American spelling, a letter missing, a letter swapped, a capital: each one or two edits from a keyword
		String factor = "factors F {\n\tgrid factor G = 582 gCO2e/kWh {\n\t\tsource \"s\"\n\t\t%s \"CC0\"\n\t}\n}\n";
		assertFirst(factor.formatted("license"), "unknown word 'license': did you mean 'licence'?", 4);
		assertFirst(factor.formatted("licnce"), "unknown word 'licnce': did you mean 'licence'?", 4);
		assertFirst("line L { machine M vmc { rated 10 kW stat off 1 kW for 10 % } }", "unknown word 'stat': did you mean 'state'?", 1);
		assertFirst("line L { Machine M vmc { } }", "unknown word 'Machine': did you mean 'machine'?", 1);
		Resource.Diagnostic first = errors(factor.formatted("license")).get(0);
		assertTrue(first instanceof org.eclipse.xtext.diagnostics.AbstractDiagnostic d
				&& ZcSyntaxErrorMessageProvider.MISSPELT_KEYWORD.equals(d.getCode()), "the quick fix keys on the code");
	}

	@Test
	void aWordFarFromEveryKeywordIsUnexpectedInPlainWords() throws Exception {
		Resource.Diagnostic first = errors("line L { machine M vmc { xylophone 3 } }").get(0);
		assertFalse(first.getMessage().contains("did you mean") || first.getMessage().contains("viable"), first.getMessage());
		assertTrue(first.getMessage().contains("'xylophone'"), first.getMessage());
	}

	@Test
	void aClosingBraceTooManyIsSaidInTheLanguagesWords() throws Exception {
		List<Resource.Diagnostic> errors = errors("line L { }\n}\n");
		assertTrue(errors.get(0).getMessage().startsWith("'}' closes no block: a brace too many"), errors.get(0).getMessage());
		assertTrue(errors.get(0).getLine() == 2, "line " + errors.get(0).getLine());
	}

	@Test
	void whatTheParserExpectedIsSaidInWordsNotTokenNames() throws Exception {
		// ANTLR's "mismatched input 'hours' expecting 'shifts'", "missing RULE_ID at '}'", "extraneous input ...",
		// "mismatched input '<EOF>' expecting '}'" and "... expecting RULE_STRING", each in the language's words
		String[][] cases = { // text, the first error's message, its line
				{ "line L { profile { hours 4000 h per year } }", "'shifts' expected here, not 'hours'", "1" },
				{ "line L { machine 3 vmc { } }", "a name expected here, not '3'", "1" },
				{ "factors F { grid factor G = 1 gCO2e/kWh { source s } }", "a text in quotes expected here, not 's'", "1" },
				{ "line L { site }", "a name missing before '}'", "1" },
				{ "line L { machine M vmc { rated 10 kW ; } }", "unexpected ';' ('}' expected)", "1" },
				// at the last line with text, naming the block that is left open: the line's, since the machine's is closed
				{ "line L {\n\tmachine M vmc {\n\t\trated 10 kW\n\t}\n",
						"'}' expected before the end of the file: the block of 'line L' on line 1 is not closed", "4" },
				{ "line L {\n\tmachine M vmc \"VMC\" {\n\t\trated 10 kW\n\tmachine N hmc { }\n}\n", "'}' missing before 'machine'", "4" },
				{ "line L {\n\tmachine M vmc \"VMC\" {\n\t\trated 10 kW\n}\n",
						"'}' expected before the end of the file: the block of 'line L' on line 1 is not closed", "4" } };
		for (String[] c : cases) {
			assertFirst(c[0], c[1], Integer.parseInt(c[2]));
		}
		for (String text : new String[] { "line L { profile { hours 4000 h per year } }", "line L { site }", "package", "line L { machine M vmc { rated 10 kW }" }) {
			for (Resource.Diagnostic error : errors(text)) {
				assertFalse(error.getMessage().matches(".*(RULE_|EOF|mismatched|extraneous|viable).*"), error.getMessage());
			}
		}
	}

	@Test
	void closestKeywordIsAtMostOneEditAwayForShortWordsAndTwoForLongOnes() {
		List<String> keywords = List.of("state", "licence", "machine", "rated", "{");
		assertTrue("licence".equals(ZcSyntaxErrorMessageProvider.closestKeyword("lcense", keywords))); // two edits, 6 letters
		assertTrue(ZcSyntaxErrorMessageProvider.closestKeyword("sta", keywords) == null); // two edits, 3 letters: too far
		assertTrue(ZcSyntaxErrorMessageProvider.closestKeyword("{", keywords) == null); // punctuation is no word
		assertTrue("rated".equals(ZcSyntaxErrorMessageProvider.closestKeyword("RATED", keywords)));
	}

	@Test
	void aBlockThatIsNotOpenedNamesTheLineItBelongsTo() throws Exception {
		Resource.Diagnostic first = errors("line L {\n\tmachine M vmc\n\tmachine N hmc { }\n}\n").get(0);
		assertTrue(first.getMessage().startsWith("'{' expected after 'vmc' on line 2"), first.getMessage());
	}
}
