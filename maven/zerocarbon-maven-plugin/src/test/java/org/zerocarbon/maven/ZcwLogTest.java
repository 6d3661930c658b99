package org.zerocarbon.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

/** zcw's output as Maven log lines: each line at the level its content says, zcw's own messages kept. */
class ZcwLogTest {

	/** A log that records "LEVEL text" lines. */
	static final class RecordingLog extends SystemStreamLog {
		final List<String> lines = new ArrayList<>();

		@Override
		public void info(CharSequence content) {
			lines.add("INFO " + content);
		}

		@Override
		public void warn(CharSequence content) {
			lines.add("WARN " + content);
		}

		@Override
		public void error(CharSequence content) {
			lines.add("ERROR " + content);
		}
	}

	private final RecordingLog maven = new RecordingLog();
	private final ZcwLog log = new ZcwLog(maven);

	@Test
	void problemsAtTheirSeverity() {
		log.out("src/main/zc/line.zc:7:12: error: The rated power must be a power [x.wrongDimension]");
		log.out("src/main/zc/factors.zc:3: warning: The factor 'G' has no source [x.noSource]");
		log.out("src/main/zc/a.zc: info: a note [x.note]");
		log.out("3 files checked: 1 error, 1 warning");

		assertEquals(List.of("ERROR src/main/zc/line.zc:7:12: error: The rated power must be a power [x.wrongDimension]",
				"WARN src/main/zc/factors.zc:3: warning: The factor 'G' has no source [x.noSource]",
				"INFO src/main/zc/a.zc: info: a note [x.note]",
				"INFO 3 files checked: 1 error, 1 warning"), maven.lines);
		assertEquals("3 files checked: 1 error, 1 warning", log.summary());
	}

	@Test
	void aFailedCriterionAndItsElementsAtItsSeverityThenInformationAgain() {
		log.out("it.Rules (test)");
		log.out("  FAIL error   Rules.Metered: The machine has no meter (1 of 2)");
		log.out("       src/main/zc/line.zc:6: it.L.M");
		log.out("  FAIL warning Rules.Transport: no transport leg (1 of 1)");
		log.out("       src/main/zc/line.zc:9: it.L.N");
		log.out("  PASS error   Rules.Other: 2 of 2 satisfied");
		log.out("3 criteria: 1 passed, 2 failed (1 errors, 1 warnings), 0 not applicable");

		assertEquals(List.of("INFO it.Rules (test)", "ERROR   FAIL error   Rules.Metered: The machine has no meter (1 of 2)",
				"ERROR        src/main/zc/line.zc:6: it.L.M", "WARN   FAIL warning Rules.Transport: no transport leg (1 of 1)",
				"WARN        src/main/zc/line.zc:9: it.L.N", "INFO   PASS error   Rules.Other: 2 of 2 satisfied",
				"INFO 3 criteria: 1 passed, 2 failed (1 errors, 1 warnings), 0 not applicable"), maven.lines);
		assertEquals("3 criteria: 1 passed, 2 failed (1 errors, 1 warnings), 0 not applicable", log.summary());
	}

	@Test
	void theSummaryInTheSingularToo() {
		log.out("1 criterion: 0 passed, 1 failed (1 error, 0 warnings), 0 not applicable");
		assertEquals("1 criterion: 0 passed, 1 failed (1 error, 0 warnings), 0 not applicable", log.summary());
		log.out("1 file checked: 1 error, 0 warnings");
		assertEquals("1 file checked: 1 error, 0 warnings", log.summary());
	}

	@Test
	void zcwsOwnMessagesAreKeptAndItsTerminalHintsLeftOut() {
		log.err("Loading 3 model files...");
		log.err("zcw: the footprint of it.L grew by 9.78 % (limit 5 %)");
		log.err("zcw: internal error: java.lang.IllegalStateException: boom");
		log.err("Run again with --debug for details, and please report it.");
		log.err("Run 'zcw help' for usage.");

		assertEquals(List.of("INFO Loading 3 model files...", "WARN zcw: the footprint of it.L grew by 9.78 % (limit 5 %)",
				"WARN zcw: internal error: java.lang.IllegalStateException: boom"), maven.lines);
		assertEquals(List.of("the footprint of it.L grew by 9.78 % (limit 5 %)",
				"internal error: java.lang.IllegalStateException: boom"), log.messages());
		assertNull(log.summary());
	}

	@Test
	void linesArriveWholeThroughAPrintStreamWhateverTheirLineEnd() {
		List<String> lines = new ArrayList<>();
		try (PrintStream out = new PrintStream(new LineOutputStream(lines::add), true, StandardCharsets.UTF_8)) {
			out.print("first ");
			out.print("line\r\nsecond line: A1\u2013C4 \u2192 ok\n");
			out.print("no line end");
		}
		assertEquals(List.of("first line", "second line: A1\u2013C4 \u2192 ok", "no line end"), lines);
	}
}
