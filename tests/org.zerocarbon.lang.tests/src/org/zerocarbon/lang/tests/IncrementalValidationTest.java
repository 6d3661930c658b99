package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.lang.batch.IncrementalValidation;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;

/**
 * Incremental validation re-reads only what a change can affect, and always gives exactly the problems of a full
 * validation of the same files.
 */
class IncrementalValidationTest {

	private static final String LIBRARY = """
			package lib
			factors Lib {
				grid factor G "grid" = 500 gCO2e/kWh { region "XX" source "test" licence "CC0" }
				material factor Steel "steel" = 2 kgCO2e/kg { source "test" licence "CC0" }
			}
			""";

	private static final String LINE = """
			package plant
			import lib.*
			site S { region "XX" grid G }
			line L {
				site S
				machine M vmc {
					rated 20 kW
					state processing 10 kW for 100 %
					subassembly Frame { material 1000 kg factor Steel }
				}
			}
			""";

	/** Another library nobody references: it is never re-read when the line changes. */
	private static final String OTHER = """
			package otherlib
			factors Other {
				material factor Copper "copper" = 4 kgCO2e/kg { source "test" licence "CC0" }
			}
			""";

	@TempDir
	Path dir;

	private final Map<URI, Integer> stamps = new LinkedHashMap<>();
	private final IncrementalValidation incremental = IncrementalValidation.create();

	@BeforeEach
	void writeFiles() throws IOException {
		write("lib.zc", LIBRARY);
		write("line.zc", LINE);
		write("other.zc", OTHER);
	}

	@Test
	void firstRunReadsEverythingAndAgreesWithAFullValidation() {
		List<Problem> problems = update();
		assertEquals(3, incremental.lastReloaded());
		assertEquals(full(), problems);
		assertTrue(problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR), problems.toString());
	}

	@Test
	void aChangeToALineRereadsOnlyTheLine() throws IOException {
		update();
		write("line.zc", LINE.replace("10 kW for", "10 kg for"));
		List<Problem> problems = update();
		assertEquals(1, incremental.lastReloaded(), "only line.zc is re-read");
		assertEquals(full(), problems);
		assertTrue(problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR && p.fileUri().endsWith("line.zc") && p.line() == 8),
				"the unit error at line 8 is found: " + problems);

		write("line.zc", LINE);
		assertEquals(full(), update());
		assertEquals(1, incremental.lastReloaded());
		assertTrue(update().stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR));
		assertEquals(0, incremental.lastReloaded(), "nothing changed, nothing is read");
	}

	@Test
	void aChangedValueInALibraryRereadsTheLibraryAndItsUsers() throws IOException {
		update();
		write("lib.zc", LIBRARY.replace("500 gCO2e/kWh", "300 gCO2e/kWh"));
		List<Problem> problems = update();
		assertEquals(2, incremental.lastReloaded(), "lib.zc and line.zc, which references it; not other.zc");
		assertEquals(full(), problems);
		// the line now sees the new value, not the one of the old library object
		var line = (org.zerocarbon.model.zc.ZcModel) incremental.update(Map.copyOf(stamps), () -> false).resourceSet()
				.getResource(uri("line.zc"), false).getContents().get(0);
		var site = (org.zerocarbon.model.zc.Site) line.getElements().get(0);
		assertEquals(300, site.getGrid().getValue().getValue().doubleValue(), 1e-9);
	}

	@Test
	void aRenamedFactorRereadsEverythingAndBreaksTheReference() throws IOException {
		update();
		write("lib.zc", LIBRARY.replace("material factor Steel", "material factor Steel2"));
		List<Problem> problems = update();
		assertEquals(3, incremental.lastReloaded(), "exported names changed: a full run");
		assertEquals(full(), problems);
		assertTrue(problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR && p.fileUri().endsWith("line.zc")),
				"the reference to Steel is broken: " + problems);
	}

	@Test
	void aTrackingIdClaimedInAnotherFileIsFoundWhenEitherFileChanges() throws IOException {
		String certificate = "certificate C gec 10 MWh vintage 2025 market \"XX\" tracking \"%s\" retired";
		write("line.zc", LINE.replace("grid G }", "grid G\n" + certificate.formatted("T-1") + "\n}"));
		write("other.zc", OTHER + "site Yard {\n" + certificate.formatted("T-2") + "\n}\n");
		update();
		write("other.zc", OTHER + "site Yard {\n" + certificate.formatted("T-1") + "\n}\n");
		List<Problem> problems = update();
		assertEquals(full(), problems, "a changed tracking id re-reads the files that may claim it too");
		assertEquals(2, problems.stream().filter(p -> "org.zerocarbon.lang.duplicateTracking".equals(p.code())).count(), problems::toString);
	}

	@Test
	void aNewFileIsAFullRunAndACancelledRunIsForgotten() throws IOException {
		update();
		write("more.zc", OTHER.replace("package otherlib", "package morelib"));
		assertEquals(full(), update());
		assertEquals(4, incremental.lastReloaded());

		write("line.zc", LINE.replace("20 kW", "21 kW"));
		incremental.update(Map.copyOf(stamps), () -> true);
		List<Problem> problems = update();
		assertEquals(4, incremental.lastReloaded(), "after a cancelled run everything is read again");
		assertEquals(full(), problems);
	}

	private List<Problem> update() {
		return incremental.update(new LinkedHashMap<>(stamps), () -> false).problems();
	}

	private List<Problem> full() {
		return ModelValidation.create().validate(stamps.keySet(), () -> false);
	}

	private void write(String name, String text) throws IOException {
		Files.writeString(dir.resolve(name), text);
		stamps.merge(uri(name), 1, Integer::sum);
	}

	private URI uri(String name) {
		return URI.createFileURI(dir.resolve(name).toString());
	}
}
