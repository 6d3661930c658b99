package org.zerocarbon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** zcw evidence and zcw evidence verify on the line of ZcwEngineCommandsTest: exit codes and messages. */
class ZcwEvidenceTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Zcw zcw;

	@BeforeEach
	void setUp() throws IOException {
		zcw = new Zcw(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), dir);
		Files.createDirectories(dir.resolve("model"));
		Files.writeString(dir.resolve("model/factors.zc"), ZcwEngineCommandsTest.FACTORS);
		Files.writeString(dir.resolve("model/methodology.zc"), ZcwEngineCommandsTest.METHODOLOGY);
		Files.writeString(dir.resolve("model/line.zc"), ZcwEngineCommandsTest.LINE);
	}

	@Test
	void aPackageIsBuiltAndVerifies() {
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "out/e.zip", "--iterations", "0", "--quiet"), err::toString);
		assertTrue(out.toString().startsWith("wrote out/e.zip ("), out::toString);
		out.reset();
		assertEquals(Zcw.OK, zcw.run("evidence", "verify", "out/e.zip"), () -> out + "\n" + err);
		assertTrue(out.toString().contains("verified: out/e.zip"), out::toString);
	}

	@Test
	void aChangedModelFailsVerificationWithExitCode1() throws IOException {
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "e.zip", "--iterations", "0", "--quiet"), err::toString);
		// a file appended to the zip by a tool that does not update the manifest
		try (var fs = java.nio.file.FileSystems.newFileSystem(dir.resolve("e.zip"))) {
			Files.writeString(fs.getPath("notes.txt"), "added later");
		}
		out.reset();
		assertEquals(Zcw.PROBLEMS, zcw.run("evidence", "verify", "e.zip", "--quiet"));
		assertTrue(out.toString().contains("e.zip: notes.txt: not listed in manifest.json (a file was added)"), out::toString);
		assertTrue(out.toString().contains("NOT verified: 1 failures"), out::toString);
	}

	@Test
	void usageMistakesGiveExitCode2() {
		assertEquals(Zcw.USAGE, zcw.run("evidence", "model"));
		assertTrue(err.toString().contains("evidence needs --out <file>.zip"), err::toString);
		assertEquals(Zcw.USAGE, zcw.run("evidence", "verify", "missing.zip"));
		assertTrue(err.toString().contains("'missing.zip': no such file"), err::toString);
		assertEquals(Zcw.USAGE, zcw.run("evidence", "model", "--out", "e.zip", "--raw-day", "3 March"));
		assertTrue(err.toString().contains("--raw-day needs a day as YYYY-MM-DD (or none), not '3 March'"), err::toString);
	}

	@Test
	void loopChoosesTheEnergyLoopsWhoseDiagramsGoIn() throws IOException {
		Files.writeString(dir.resolve("model/loops.zc"), """
				package t
				loop A { site S asset P pump rated 1 kW }
				loop B { site S asset Q pump rated 2 kW }
				""");
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "b.zip", "--iterations", "0", "--loop", "t.B", "--quiet"), err::toString);
		// the line's diagram and loop B's, each as SVG and PDF; loop A's not
		assertEquals(java.util.List.of("diagrams/energyloop-t.B.pdf", "diagrams/energyloop-t.B.svg", "diagrams/line-t.L.pdf",
				"diagrams/line-t.L.svg"), diagrams("b.zip"));
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "ab.zip", "--iterations", "0", "--loop", "t.B, t.A", "--quiet"),
				err::toString);
		assertEquals(java.util.List.of("diagrams/energyloop-t.A.pdf", "diagrams/energyloop-t.A.svg", "diagrams/energyloop-t.B.pdf",
				"diagrams/energyloop-t.B.svg", "diagrams/line-t.L.pdf", "diagrams/line-t.L.svg"), diagrams("ab.zip"));
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "none.zip", "--iterations", "0", "--loop", "none", "--quiet"), err::toString);
		assertEquals(java.util.List.of("diagrams/line-t.L.pdf", "diagrams/line-t.L.svg"), diagrams("none.zip"));
		assertEquals(Zcw.PROBLEMS, zcw.run("evidence", "model", "--out", "c.zip", "--iterations", "0", "--loop", "t.C", "--quiet"));
		assertTrue(err.toString().contains("zcw: no energy loop t.C among the models; they have t.A, t.B"), err::toString);
		assertTrue(!Files.exists(dir.resolve("c.zip")));
		assertEquals(Zcw.USAGE, zcw.run("evidence", "model", "--out", "d.zip", "--loop", ","));
		assertTrue(err.toString().contains("--loop needs qualified names separated by commas"), err::toString);
		assertTrue(Zcw.USAGE_TEXT.contains("--loop <names|none>"), Zcw.USAGE_TEXT);
	}

	private java.util.List<String> diagrams(String zip) throws IOException {
		try (java.util.zip.ZipFile file = new java.util.zip.ZipFile(dir.resolve(zip).toFile())) {
			return file.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.startsWith("diagrams/")).sorted().toList();
		}
	}

	@Test
	void aRawDayIsAccepted() {
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "e.zip", "--iterations", "0", "--raw-day", "2026-03-02", "--quiet"),
				err::toString);
		assertEquals(Zcw.OK, zcw.run("evidence", "model", "--out", "f.zip", "--iterations", "0", "--raw-day", "none", "--quiet"), err::toString);
	}
}
