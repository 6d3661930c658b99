package org.zerocarbon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zcw command as a CI job sees it: output lines and exit codes. */
class ZcwTest {

	private static final String VALID_LINE = """
			package demo
			line Cell {
			  machine VMC1 vmc {
			    rated 15 kW
			    state standby 1.2 kW for 30 %
			    state processing 9.5 kW for 70 %
			  }
			}
			""";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Zcw zcw;

	@BeforeEach
	void setUp() {
		zcw = new Zcw(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
	}

	@Test
	void cleanModelsExitZeroAndSayNoProblems() throws IOException {
		write("models/line.zc", VALID_LINE);

		assertEquals(Zcw.OK, zcw.run("validate", "models"));

		assertEquals("1 file checked: no problems\n", out());
		assertFalse(err().contains("model files"), err()); // one file: "1 model file", not "1 model files"
	}

	@Test
	void brokenModelPrintsFileLineColumnAndExitsOne() throws IOException {
		write("models/line.zc", VALID_LINE.replace("for 70 %", "for 60 %"));
		write("models/other.zc", "package misc\n");

		assertEquals(Zcw.PROBLEMS, zcw.run("validate", "models"));

		// VMC1 starts at column 11 of line 3 ("  machine VMC1 vmc {")
		assertEquals("""
				models/line.zc:3:11: error: The energy-state shares of machine 'VMC1' add up to 90 %, not 100 % [org.zerocarbon.lang.stateSharesSum]
				2 files checked: 1 error, 0 warnings
				""", out());
	}

	@Test
	void syntaxErrorIsReportedWithItsLine() throws IOException {
		write("bad.zc", "line Cell {\n  machine M1 vmc {\n    rated fifteen kW\n  }\n}\n");

		assertEquals(Zcw.PROBLEMS, zcw.run("validate", "bad.zc"));

		assertTrue(out().startsWith("bad.zc:3:"), out());
	}

	@Test
	void aBinaryFileIsNamedAsSuchNotParsed() throws IOException {
		Files.write(dir.resolve("image.zc"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R' });

		assertEquals(Zcw.PROBLEMS, zcw.run("validate", "image.zc"));

		assertTrue(out().startsWith("image.zc: error: Not a model: the file holds binary data (NUL bytes), not text"), out());
	}

	@Test
	void aLatin1FileIsAWarningWhereTheLetterWasLost() throws IOException {
		// "Fräse" in ISO-8859-1: the 0xE4 byte is no UTF-8 character
		byte[] latin1 = "line Cell {\n  machine M1 vmc \"Fr\u00e4se\" {\n    state processing 5 kW for 100 %\n  }\n}\n"
				.getBytes(StandardCharsets.ISO_8859_1);
		Files.write(dir.resolve("latin1.zc"), latin1);

		assertEquals(Zcw.OK, zcw.run("validate", "latin1.zc"));

		assertTrue(out().startsWith("latin1.zc:2:21: warning: Bytes here are not UTF-8"), out());
		assertTrue(out().contains("[org.zerocarbon.lang.notUtf8]"), out());
	}

	@Test
	void hiddenDirectoriesAreSkipped() throws IOException {
		write("m/line.zc", VALID_LINE);
		write("m/.history/old.zc", "this is not a model");

		assertEquals(Zcw.OK, zcw.run("validate", "m"));
	}

	@Test
	void missingPathIsAUsageError() {
		assertEquals(Zcw.USAGE, zcw.run("validate", "nowhere"));
		assertTrue(err().contains("'nowhere': no such file or directory"), err());
		assertEquals("", out());
	}

	@Test
	void directoryWithoutModelsIsAUsageError() throws IOException {
		Files.createDirectories(dir.resolve("empty"));
		assertEquals(Zcw.USAGE, zcw.run("validate", "empty"));
		assertTrue(err().contains("no .zc files found in empty"), err());
	}

	@Test
	void unknownCommandAndOptionAreUsageErrors() {
		assertEquals(Zcw.USAGE, zcw.run("frobnicate"));
		assertEquals(Zcw.USAGE, zcw.run("validate", "--fast", "x"));
		assertEquals(Zcw.USAGE, zcw.run());
	}

	@Test
	void helpExitsZeroAndListsTheCommands() {
		assertEquals(Zcw.OK, zcw.run("--help"));
		assertTrue(out().contains("validate <paths...>"), out());
		assertTrue(out().contains("Exit codes: 0 no errors, 1 problems found, 2 usage or internal error."), out());
	}

	@Test
	void summaryCountsAreGrammatical() {
		assertEquals("1 file checked: 1 error, 1 warning", Zcw.summary(1, 1, 1));
		assertEquals("3 files checked: 0 errors, 2 warnings", Zcw.summary(3, 0, 2));
	}

	private void write(String relative, String content) throws IOException {
		Path file = dir.resolve(relative);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content);
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
