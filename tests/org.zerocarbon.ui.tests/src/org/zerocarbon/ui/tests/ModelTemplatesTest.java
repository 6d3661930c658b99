package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.ui.internal.BundledExamples;
import org.zerocarbon.ui.internal.ModelTemplates;
import org.zerocarbon.ui.internal.ModelTemplates.Kind;

/** Every skeleton of the New Model File wizard validates without errors, alone and beside the bundled library. */
class ModelTemplatesTest {

	@TempDir
	Path folder;

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everySkeletonValidatesWithoutErrors(Kind kind) throws IOException {
		String text = ModelTemplates.render(kind, "acme.plant", kind.defaultName(), "A \"quoted\" description", null);

		List<Problem> errors = errors(List.of(write("new.zc", text)));

		assertEquals(List.of(), errors, text);
		assertTrue(text.contains("\"A \\\"quoted\\\" description\""), "the description is a string literal: " + text);
	}

	@ParameterizedTest
	@EnumSource(Kind.class)
	void everySkeletonValidatesBesideTheBundledLibraryAndItsCriteria(Kind kind) throws IOException {
		List<Path> files = new ArrayList<>();
		for (BundledExamples.Entry entry : BundledExamples.library()) {
			files.add(write(entry.path().replace('/', '_'), BundledExamples.read(entry.resource())));
		}
		files.add(write("new.zc", ModelTemplates.render(kind, "acme", kind.defaultName(), "", null)));

		assertEquals(List.of(), errors(files));
	}

	@Test
	void aLineOnAGridFactorOfTheLibraryValidates() throws IOException {
		List<BundledExamples.Entry> library = BundledExamples.library();
		BundledExamples.GridFactor grid = BundledExamples.gridFactors(library).stream().filter(f -> f.region().equals("DE")).findFirst()
				.orElseThrow();
		assertEquals("zc.lib.grid.DE_2023", grid.qualifiedName()); // examples/zc-library/factors/grid.zc
		List<Path> files = new ArrayList<>();
		for (BundledExamples.Entry entry : library) {
			files.add(write(entry.path().replace('/', '_'), BundledExamples.read(entry.resource())));
		}
		String line = ModelTemplates.render(Kind.LINE, "acme", "Cell", "", new ModelTemplates.Site("Plant", grid.region(), grid.qualifiedName()));
		files.add(write("line.zc", line));

		assertEquals(List.of(), errors(files), line);
		assertTrue(line.contains("grid zc.lib.grid.DE_2023"));
	}

	@Test
	void aNewLineWithoutAGridFactorGetsASiteOnAPlaceholderThatSaysSo() throws IOException {
		String cell = ModelTemplates.render(Kind.LINE, "acme", "Cell", "", null);
		assertTrue(cell.contains("site CellSite {\n\tregion \"XX\"\n\tgrid acme.CellGrid\n}"), cell);
		assertTrue(cell.contains("line Cell {\n\tsite CellSite\n"), "the line uses its site: " + cell);
		assertTrue(cell.contains("grid factor CellGrid ") && cell.contains("B6 stays 0 until it is replaced"), cell);
		// a second new line in the same package gets names of its own, so the two files do not collide
		String press = ModelTemplates.render(Kind.LINE, "acme", "Press", "", null);
		assertEquals(List.of(), errors(List.of(write("cell.zc", cell), write("press.zc", press))));
	}

	@Test
	void gridFactorsAreFoundInAModelText() {
		String text = """
				package ^line.plant

				factors Mine "mine" {
					grid factor A = 380 gCO2e/kWh { year 2024 region "DE" }
					grid factor ^site "B's grid" = 0.5 kgCO2e/kWh
					material factor Steel = 1.9 kgCO2e/kg
				}
				""";
		assertEquals(List.of(new BundledExamples.GridFactor("line.plant.A", "", "DE"), new BundledExamples.GridFactor("line.plant.site", "B's grid", "")),
				BundledExamples.gridFactors(text));
	}

	@Test
	void keywordsAreEscapedAndBadNamesExplained() throws IOException {
		String text = ModelTemplates.render(Kind.LINE, "line.park", "machine", "", null);
		assertTrue(text.startsWith("package ^line.park\n"), text);
		assertTrue(text.contains("line ^machine {"), text);
		assertEquals(List.of(), errors(List.of(write("keywords.zc", text))));

		assertNull(ModelTemplates.checkName("Cell_2", "name"));
		assertNotNull(ModelTemplates.checkName("2Cell", "name"));
		assertNotNull(ModelTemplates.checkName("my cell", "name"));
		assertNull(ModelTemplates.checkPackage(""));
		assertNotNull(ModelTemplates.checkPackage("a..b"));
		assertEquals("my_plant_2", ModelTemplates.packageFor("My Plant 2"));
		assertEquals("plant", ModelTemplates.packageFor("42-plant"));
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(folder.resolve(name), text);
	}

	private static List<Problem> errors(List<Path> files) {
		return ModelValidation.create().validate(files.stream().map(f -> URI.createFileURI(f.toString())).toList(), () -> false).stream()
				.filter(p -> p.severity() == Problem.Severity.ERROR).toList();
	}
}
