package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.evidence.DeterministicZip;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.EvidenceVerifier.Verification;
import org.zerocarbon.evidence.SafeZip;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The evidence package of the bundled example project: reproducible, verifiable, and tamper-evident. */
class EvidencePackageTest {

	static final Path EXAMPLES = Path.of(System.getProperty("zc.examples", "../../examples")).toAbsolutePath().normalize();

	@TempDir
	static Path dir;

	static EvidencePackage.Built built;
	static byte[] zip;
	static SortedMap<String, byte[]> entries;

	static List<Path> exampleModels() throws IOException {
		try (Stream<Path> walk = Files.walk(EXAMPLES)) {
			return walk.filter(p -> p.toString().endsWith(".zc") && !EXAMPLES.relativize(p).toString().contains("/."))
					.sorted().toList();
		}
	}

	@BeforeAll
	static void buildOnce() throws IOException {
		built = EvidencePackage.build(exampleModels(), EXAMPLES, EvidencePackage.Options.defaults(), dir.resolve("a.zip"), null);
		zip = Files.readAllBytes(built.zip());
		entries = SafeZip.read(built.zip(), SafeZip.Limits.DEFAULT);
		// leave the package for a look (docs/evidence.md's screenshots), when the build asks for it
		String sample = System.getProperty("zerocarbon.evidence.sampleDir");
		if (sample != null) {
			Files.createDirectories(Path.of(sample));
			Files.write(Path.of(sample, "housing-cell-evidence.zip"), zip);
		}
	}

	@Test
	void theSameInputsGiveTheSameBytes() throws IOException {
		EvidencePackage.Built again = EvidencePackage.build(exampleModels(), EXAMPLES, EvidencePackage.Options.defaults(),
				dir.resolve("b.zip"), null);
		SortedMap<String, byte[]> second = SafeZip.read(again.zip(), SafeZip.Limits.DEFAULT);
		List<String> differing = entries.keySet().stream().filter(n -> !java.util.Arrays.equals(entries.get(n), second.get(n))).toList();
		assertEquals(entries.keySet(), second.keySet());
		assertEquals(List.of(), differing, "entries that differ between two builds");
		assertArrayEquals(zip, Files.readAllBytes(again.zip()), "two builds of the example package differ");
	}

	@Test
	void holdsEverythingTheIssueLists() {
		for (String name : List.of("index.html", "manifest.json", "models/housing-cell/model/cell.zc",
				"models/zc-library/factors/grid.zc", "models/housing-cell/data/hmc1-week.csv",
				"models/housing-cell/data/mtconnect/vmc1-2026-03-02.xml.gz", "reports/housing.Cell.json", "reports/housing.Cell.html",
				"reports/housing.Cell.pdf", "reports/housing.Cell-modules.csv", "criteria/compliance-matrix.csv",
				"criteria/compliance-matrix.html", "diagrams/line-housing.Cell.svg", "diagrams/line-housing.Cell.pdf", "measured/meters.csv", "provenance/factors.csv")) {
			assertTrue(entries.containsKey(name), name + " is missing; the package holds " + entries.keySet());
		}
		assertTrue(entries.keySet().stream().anyMatch(n -> n.startsWith("diagrams/energyloop-")), "no loop diagram: " + entries.keySet());
		assertTrue(entries.keySet().stream().anyMatch(n -> n.startsWith("diagrams/park-")), "no park diagram: " + entries.keySet());
		String index = text("index.html");
		for (String name : entries.keySet()) {
			if (!name.equals("index.html")) {
				assertTrue(index.contains("href=\"" + name + "\""), "index.html does not link " + name);
			}
		}
	}

	@Test
	void noPathOfTheBuildMachineIsInTheTextFiles() {
		for (var entry : entries.entrySet()) {
			if (entry.getKey().startsWith("models/") || entry.getKey().endsWith(".pdf") || entry.getKey().endsWith(".gz")) {
				continue;
			}
			assertFalse(new String(entry.getValue(), StandardCharsets.UTF_8).contains(EXAMPLES.toString()),
					entry.getKey() + " names the build machine's folder " + EXAMPLES);
		}
	}

	@Test
	void theManifestHashesEveryFileAndStatesTheHeadlineFigures() {
		JsonObject manifest = JsonParser.parseString(text("manifest.json")).getAsJsonObject();
		assertEquals(EvidencePackage.FORMAT, manifest.get("format").getAsString());
		JsonObject files = manifest.getAsJsonObject("files");
		assertEquals(entries.size() - 1, files.size(), "every file but the manifest is hashed");
		// SHA-256 of the empty string is the well-known e3b0c442...b855; of the models, whatever their bytes give
		assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", EvidencePackage.sha256(new byte[0]));
		assertEquals(EvidencePackage.sha256(entries.get("models/housing-cell/model/cell.zc")),
				files.get("models/housing-cell/model/cell.zc").getAsString());
		assertTrue(manifest.getAsJsonObject("models").get("workingTree").getAsString().matches("clean|dirty|unknown"));
		FootprintResult cell = built.results().stream().filter(r -> r.subject().name().equals("housing.Cell")).findFirst().orElseThrow();
		JsonObject subject = manifest.getAsJsonArray("subjects").asList().stream().map(e -> e.getAsJsonObject())
				.filter(s -> s.get("name").getAsString().equals("housing.Cell")).findFirst().orElseThrow();
		assertEquals(cell.total(), subject.get("locationBasedKgCO2e").getAsDouble(), 1e-6);
		assertEquals(cell.totalMarket(), subject.get("marketBasedKgCO2e").getAsDouble(), 1e-6);
		// the example buys certificates and a PPA, so its market-based figure is the lower one
		assertTrue(cell.totalMarket() < cell.total(), "market " + cell.totalMarket() + " vs location " + cell.total());
	}

	@Test
	void measuredDataIsCsvWithUnitsInTheHeader() {
		String meters = text("measured/meters.csv");
		assertTrue(meters.startsWith("meter,element,scope,source,from [ISO instant],to [ISO instant],samples [count],energy [kWh]"), meters);
		assertTrue(meters.contains("VMC1"), meters);
		assertTrue(entries.keySet().stream().anyMatch(n -> n.startsWith("measured/") && n.endsWith("-per-day.csv")));
		String matrix = text("criteria/compliance-matrix.csv");
		assertTrue(matrix.startsWith("rule_set,criterion,title,clause,severity,result,message,evidence\n"), matrix);
		// evidence is element (file:line) inside the package
		assertTrue(matrix.contains("(models/housing-cell/model/cell.zc:"), matrix);
		String factors = text("provenance/factors.csv");
		assertTrue(factors.startsWith("factor,value [kg CO2e per unit],unit,region,year,source,licence\n"), factors);
	}

	@Test
	void theExamplePackageVerifies() throws IOException {
		Verification verification = EvidenceVerifier.verify(built.zip(), null);
		assertTrue(verification.ok(), String.join("\n", verification.failures()));
		assertTrue(verification.notes().stream().anyMatch(n -> n.matches("\\d+ of \\d+ JSON reports reproduce byte for byte.*")
				&& !n.startsWith("0 ")), verification.notes().toString());
	}

	@Test
	void oneChangedByteIsFound() throws IOException {
		SortedMap<String, byte[]> changed = new TreeMap<>(entries);
		byte[] csv = changed.get("reports/housing.Cell-modules.csv").clone();
		csv[csv.length - 2] ^= 1;
		changed.put("reports/housing.Cell-modules.csv", csv);
		Verification verification = verify(changed, "changed.zip");
		assertFalse(verification.ok());
		assertEquals(1, verification.failures().size(), verification.failures().toString());
		assertTrue(verification.failures().get(0).startsWith("reports/housing.Cell-modules.csv: SHA-256"), verification.failures().toString());
	}

	@Test
	void anAddedFileIsFound() throws IOException {
		SortedMap<String, byte[]> added = new TreeMap<>(entries);
		added.put("reports/extra.txt", "not part of it".getBytes(StandardCharsets.UTF_8));
		Verification verification = verify(added, "added.zip");
		assertEquals(List.of("reports/extra.txt: not listed in manifest.json (a file was added)"), verification.failures());
	}

	@Test
	void aRemovedFileIsFound() throws IOException {
		SortedMap<String, byte[]> removed = new TreeMap<>(entries);
		removed.remove("provenance/factors.csv");
		Verification verification = verify(removed, "removed.zip");
		assertEquals(List.of("provenance/factors.csv: listed in manifest.json but missing from the package"), verification.failures());
	}

	@Test
	void aModelChangeThatChangesTheFiguresIsFoundEvenWithAForgedHash() throws IOException {
		SortedMap<String, byte[]> forged = new TreeMap<>(entries);
		String cell = text("models/housing-cell/model/cell.zc");
		String edited = cell.replace("state processing 14.5 kW for 60 %", "state processing 15.5 kW for 60 %");
		assertFalse(edited.equals(cell), "the example changed: update this test's edit");
		byte[] model = edited.getBytes(StandardCharsets.UTF_8);
		forged.put("models/housing-cell/model/cell.zc", model);
		// a forger updates the manifest too, so the hashes match: only the recomputation can tell
		String manifest = text("manifest.json").replace(EvidencePackage.sha256(entries.get("models/housing-cell/model/cell.zc")),
				EvidencePackage.sha256(model));
		forged.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
		Verification verification = verify(forged, "forged.zip");
		assertFalse(verification.ok());
		assertTrue(verification.failures().stream().anyMatch(f -> f.startsWith("reports/housing.Cell.json: the figures do not reproduce")),
				verification.failures().toString());
		assertTrue(verification.failures().stream().noneMatch(f -> f.contains("SHA-256")), verification.failures().toString());
	}

	private static Verification verify(SortedMap<String, byte[]> content, String name) throws IOException {
		Path file = dir.resolve(name);
		Files.write(file, DeterministicZip.of(content));
		return EvidenceVerifier.verify(file, null);
	}

	private static String text(String name) {
		return new String(entries.get(name), StandardCharsets.UTF_8);
	}
}
