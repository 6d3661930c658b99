package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider;

/**
 * Parser errors a new user makes (issue 17), checked through the validation the builder and zcw run: each is one
 * error, on the line where it was made, and the rest of the file reads as meant (no cascade of follow-up errors
 * or warnings). Expected lines and columns are counted by hand in the texts below.
 */
class ParserRecoveryTest {

	@TempDir
	Path dir;

	private List<String> problems(String text) throws IOException {
		Path file = dir.resolve("model.zc");
		Files.writeString(file, text);
		List<Problem> problems = ModelValidation.create().validate(List.of(URI.createFileURI(file.toString())), () -> false);
		return problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.severity() + " " + p.message() + " [" + p.code() + "]").toList();
	}

	@Test
	void aUnitWrittenWithASpaceIsOneErrorAndTheFactorsDetailsStillCount() throws IOException {
		// line 2: "\tgrid factor G = 582 g CO2e/kWh {": tab 1, grid 2-5, factor 7-12, G 14, = 16, 582 18-20, the unit at 22
		List<String> found = problems("""
				factors F {
				\tgrid factor G = 582 g CO2e/kWh {
				\t\tsource "IEA 2023"
				\t\tlicence "CC-BY-4.0"
				\t}
				\tgrid factor H = 500 gCO2e/kWh { source "IEA 2023" licence "CC-BY-4.0" }
				}
				""");
		assertEquals(List.of("2:22 ERROR a unit is written without spaces: 'gCO2e', not 'g CO2e' [" + ZcSyntaxErrorMessageProvider.UNIT_WITH_SPACE + "]"),
				found, "no 'g is a mass', no lost source or licence, no error after the unit");
	}

	@Test
	void aUnitWithASpaceInAMachineKeepsTheFollowingStatements() throws IOException {
		// the power after the spaced factor unit is still checked: 'kWh' is no power (line 3: tabs 1-2, rated 3-7, 15
		// 9-10, kWh at 12); line 8: tab 1, material 2-9, factor 11-16, F 18, = 20, 2 at 22, the unit at 24
		List<String> found = problems("""
				line L {
				\tmachine M vmc {
				\t\trated 15 kWh
				\t\tsubassembly S { material 10 kg factor F }
				\t}
				}
				factors Lib {
				\tmaterial factor F = 2 kg CO2e/kg { source "s" licence "l" }
				}
				""");
		assertEquals(2, found.size(), found.toString());
		assertEquals(true, found.get(0).startsWith("3:12 ERROR The rated power must be a power"), found.toString());
		assertEquals(true, found.get(1).startsWith("8:24 ERROR a unit is written without spaces: 'kgCO2e', not 'kg CO2e'"), found.toString());
	}

	@Test
	void correctlySpacedStatementsAfterAUnitAreNotJoined() throws IOException {
		// '15 kW' then a keyword, a unit product written with spaces around '*': all valid, nothing joined
		assertEquals(List.of(), problems("""
				line L {
				\tmachine M vmc {
				\t\trated 15 kW
				\t\tstate standby 1.2 kW for 30 %
				\t\tstate processing 9.5 kW for 70 %
				\t}
				}
				"""));
	}

	@Test
	void aMachineWithoutItsBlockIsReportedOnItsOwnLine() throws IOException {
		// line 2: "\tmachine M vmc" with 'vmc' at column 12; the parser notices the error at 'rated' on line 3
		List<String> found = problems("line L {\n\tmachine M vmc\n\t\trated 20 kW\n\t}\n\tmachine N hmc { }\n}\n");
		assertEquals("2:12 ERROR '{' expected after 'vmc' on line 2", found.get(0).substring(0, "2:12 ERROR '{' expected after 'vmc' on line 2".length()),
				found.toString());
	}

	@Test
	void anUnknownMachineTypeIsOneErrorAndTheNextMachineIsStillChecked() throws IOException {
		// line 2: tab 1, machine 2-8, M 10, press at 12; line 6: tabs 1-2, rated 3-7, 20 9-10, kWh at 12
		List<String> found = problems("line L {\n\tmachine M press {\n\t\trated 20 kW\n\t}\n\tmachine N vmc {\n\t\trated 20 kWh\n\t}\n}\n");
		assertEquals(2, found.size(), found.toString());
		assertEquals(true, found.get(0).startsWith("2:12 ERROR unknown machine type 'press'; one of: vmc, hmc, turning"), found.toString());
		assertEquals(true, found.get(1).startsWith("6:12 ERROR The rated power must be a power"), found.toString());
	}
}
