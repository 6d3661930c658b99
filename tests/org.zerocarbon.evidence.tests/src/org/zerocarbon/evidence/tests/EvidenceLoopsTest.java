package org.zerocarbon.evidence.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.evidence.EvidencePackage;
import org.zerocarbon.evidence.EvidenceVerifier;
import org.zerocarbon.evidence.SafeZip;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Choosing the lines, parks and energy loops of a package (issue 14): the example project, copied, with a second loop
 * beside its AirLoop so that "that loop and none of the others" can be told apart.
 */
class EvidenceLoopsTest {

	/** A second, complete loop (sensor, actuator, feedback controller) in the cell's package. */
	static final String COOLANT_LOOP = """
			package housing

			loop CoolantLoop "Coolant pump of the cell" {
				site Plant
				asset CoolantPump pump "5.5 kW coolant pump" rated 5.5 kW
				sensor CoolantFlow measures flow on CoolantPump every 1 s
				actuator CoolantVfd vfd controls CoolantPump
				controller FlowControl pid "Keeps the coolant flow" reads CoolantFlow drives CoolantVfd
			}
			""";

	@TempDir
	static Path dir;

	static Path project;

	@BeforeAll
	static void copyTheExampleWithASecondLoop() throws IOException {
		project = dir.resolve("examples");
		try (Stream<Path> walk = Files.walk(EvidencePackageTest.EXAMPLES)) {
			for (Path from : walk.toList()) {
				String relative = EvidencePackageTest.EXAMPLES.relativize(from).toString();
				if (relative.startsWith(".") || relative.contains("/.")) {
					continue; // Eclipse's .project and .settings, as the example package leaves them out
				}
				Path to = project.resolve(relative);
				if (Files.isDirectory(from)) {
					Files.createDirectories(to);
				} else {
					Files.createDirectories(to.getParent());
					Files.copy(from, to);
				}
			}
		}
		Files.writeString(project.resolve("housing-cell/model/coolant-loop.zc"), COOLANT_LOOP);
	}

	static List<Path> models() throws IOException {
		try (Stream<Path> walk = Files.walk(project)) {
			return walk.filter(p -> p.toString().endsWith(".zc")).sorted().toList();
		}
	}

	static EvidencePackage.Built build(EvidencePackage.Options options, String name) throws IOException {
		return EvidencePackage.build(models(), project, options.withIterations(0), dir.resolve(name), null);
	}

	static List<String> diagrams(EvidencePackage.Built built) {
		return built.entries().stream().filter(n -> n.startsWith("diagrams/")).toList();
	}

	@Test
	void withoutAFilterEveryLoopIsDrawn() throws IOException {
		// the example's line and park, its AirLoop and the added CoolantLoop, each as SVG and PDF: 8 files
		assertEquals(List.of("diagrams/energyloop-housing.AirLoop.pdf", "diagrams/energyloop-housing.AirLoop.svg",
				"diagrams/energyloop-housing.CoolantLoop.pdf", "diagrams/energyloop-housing.CoolantLoop.svg", "diagrams/line-housing.Cell.pdf",
				"diagrams/line-housing.Cell.svg", "diagrams/park-riverside.Riverside.pdf", "diagrams/park-riverside.Riverside.svg"),
				diagrams(build(EvidencePackage.Options.defaults(), "all.zip")));
	}

	@Test
	void oneLoopAndOneLineGiveExactlyTheirDiagramsAndTheSameBytesTwice() throws IOException {
		EvidencePackage.Options options = EvidencePackage.Options.defaults().withSubjects(List.of("housing.Cell"))
				.withLoops(List.of("housing.CoolantLoop"));
		EvidencePackage.Built built = build(options, "coolant.zip");
		// the park is not chosen, so neither its report nor its diagram; of the loops only CoolantLoop
		assertEquals(List.of("diagrams/energyloop-housing.CoolantLoop.pdf", "diagrams/energyloop-housing.CoolantLoop.svg",
				"diagrams/line-housing.Cell.pdf", "diagrams/line-housing.Cell.svg"), diagrams(built));
		SortedMap<String, byte[]> entries = SafeZip.read(built.zip(), SafeZip.Limits.DEFAULT);
		String index = new String(entries.get("index.html"), StandardCharsets.UTF_8);
		assertTrue(index.contains("href=\"diagrams/energyloop-housing.CoolantLoop.svg\""), index);
		// (the models and the criteria still name AirLoop: every model file goes in, and the criteria are the methodology's)
		assertFalse(index.contains("diagrams/energyloop-housing.AirLoop"), "index.html links the diagram of the loop left out");
		JsonObject manifest = JsonParser.parseString(new String(entries.get("manifest.json"), StandardCharsets.UTF_8)).getAsJsonObject();
		assertEquals("[{\"name\":\"housing.CoolantLoop\",\"diagram\":\"diagrams/energyloop-housing.CoolantLoop.svg\"}]",
				manifest.get("loops").toString());
		assertFalse(manifest.getAsJsonObject("files").keySet().stream().anyMatch(n -> n.startsWith("diagrams/energyloop-housing.AirLoop")),
				manifest.toString());
		assertTrue(EvidenceVerifier.verify(built.zip(), null).ok(), "the filtered package verifies");

		EvidencePackage.Built again = build(options, "coolant-again.zip");
		assertArrayEquals(Files.readAllBytes(built.zip()), Files.readAllBytes(again.zip()), "two builds of the filtered package differ");
	}

	@Test
	void anEmptyLoopListDrawsNoLoop() throws IOException {
		EvidencePackage.Built built = build(EvidencePackage.Options.defaults().withSubjects(List.of("riverside.Riverside")).withLoops(List.of()),
				"none.zip");
		assertEquals(List.of("diagrams/park-riverside.Riverside.pdf", "diagrams/park-riverside.Riverside.svg"), diagrams(built));
	}

	@Test
	void anUnknownLoopIsAnErrorNamingTheLoopsThatExist() throws IOException {
		CalculationException e = assertThrows(CalculationException.class,
				() -> build(EvidencePackage.Options.defaults().withLoops(List.of("housing.CoolantLoop", "housing.WaterLoop")), "unknown.zip"));
		assertEquals("no energy loop housing.WaterLoop among the models; they have housing.AirLoop, housing.CoolantLoop", e.getMessage());
		assertFalse(Files.exists(dir.resolve("unknown.zip")), "nothing is written");
		CalculationException subject = assertThrows(CalculationException.class,
				() -> build(EvidencePackage.Options.defaults().withSubjects(List.of("housing.Celll")), "unknown-line.zip"));
		assertEquals("no line or park housing.Celll among the models; they have housing.Cell, riverside.Riverside", subject.getMessage());
	}
}
