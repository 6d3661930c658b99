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
import java.util.Locale;

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
	void theDefaultGridIsTheUsersCountrysElseTheEusElseTheWorlds() throws IOException {
		List<BundledExamples.GridFactor> grids = BundledExamples.gridFactors(BundledExamples.library());
		// examples/zc-library/factors/grid.zc: CN_2023, DE_2023, IN_2023, FR_2023, BR_2023, WORLD_2023, EU27_2018, UK_2024,
		// US_2022 and a second CN factor
		assertEquals("zc.lib.grid.DE_2023", BundledExamples.defaultGrid(grids, Locale.GERMANY).qualifiedName());
		assertEquals("zc.lib.grid.FR_2023", BundledExamples.defaultGrid(grids, Locale.FRANCE).qualifiedName(), "France's own before the EU's");
		assertEquals("zc.lib.grid.UK_2024", BundledExamples.defaultGrid(grids, Locale.UK).qualifiedName(), "GB is the library's UK");
		assertEquals("zc.lib.grid.CN_2023", BundledExamples.defaultGrid(grids, Locale.CHINA).qualifiedName(), "the first of the two");
		assertEquals("zc.lib.grid.EU27_2018", BundledExamples.defaultGrid(grids, Locale.forLanguageTag("es-ES")).qualifiedName(),
				"Spain has no factor of its own: the EU's");
		assertEquals("zc.lib.grid.WORLD_2023", BundledExamples.defaultGrid(grids, Locale.JAPAN).qualifiedName());
		assertEquals("zc.lib.grid.WORLD_2023", BundledExamples.defaultGrid(grids, Locale.ENGLISH).qualifiedName(), "no country");
		List<BundledExamples.GridFactor> noWorld = List.of(new BundledExamples.GridFactor("a.X", "", "XX"),
				new BundledExamples.GridFactor("a.Y", "", "YY"));
		assertEquals("a.X", BundledExamples.defaultGrid(noWorld, Locale.JAPAN).qualifiedName());
		assertNull(BundledExamples.defaultGrid(List.of(), Locale.GERMANY));
	}

	@Test
	void aLineWithASupplyHasAFrameAndATruckDeliveryOfTheLibrarysFactors() throws IOException {
		List<BundledExamples.Entry> library = BundledExamples.library();
		String steel = BundledExamples.firstFactor("material", library);
		String truck = BundledExamples.firstFactor("transport", library);
		assertEquals("zc.lib.materials.Steel_crude_2021", steel); // examples/zc-library/factors/materials.zc, its first factor
		assertEquals("zc.lib.transport.HGV_2015", truck); // transport.zc: the heavy goods vehicle comes first
		List<Path> files = new ArrayList<>();
		for (BundledExamples.Entry entry : library) {
			files.add(write(entry.path().replace('/', '_'), BundledExamples.read(entry.resource())));
		}
		String line = ModelTemplates.render(Kind.LINE, "acme", "Cell", "", new ModelTemplates.Site("Plant", "DE", "zc.lib.grid.DE_2023"),
				new ModelTemplates.Supply(steel, truck));
		files.add(write("line.zc", line));

		assertEquals(List.of(), errors(files), line);
		assertTrue(line.contains("\t\tstate processing 9.5 kW for 70 %\n\t\t// What the machine is made of")
				&& line.contains("\t\tsubassembly Frame \"Frame, castings and guards\" {\n\t\t\tmaterial 3500 kg factor zc.lib.materials.Steel_crude_2021\n\t\t}\n"
						+ "\t\ttransport 4 t over 500 km by truck factor zc.lib.transport.HGV_2015\n\t\toperation OP10"), line);
		// without a supply the machine goes from its states straight to its operation, as before
		String bare = ModelTemplates.render(Kind.LINE, "acme", "Cell", "", null, new ModelTemplates.Supply(null, null));
		assertTrue(bare.contains("state processing 9.5 kW for 70 %\n\t\toperation OP10"), bare);
	}

	@Test
	void factorNamesOfAKindAreFoundInAModelText() {
		String text = """
				package ^line.plant
				factors Mine {
					material factor Steel = 1.9 kgCO2e/kg
					transport factor ^truck "road" = 0.1 kgCO2e/tkm
					material factor Alu = 15 kgCO2e/kg // a material factor Fake in a comment is not one
				}
				""";
		assertEquals(List.of("line.plant.Steel", "line.plant.Alu"), BundledExamples.factorNames("material", text));
		assertEquals(List.of("line.plant.truck"), BundledExamples.factorNames("transport", text));
		assertEquals(List.of(), BundledExamples.factorNames("grid", text));
	}

	@Test
	void theDeliveryByTruckTakesARoadFactorWhenTheProjectHasOne() {
		String sea = """
				factors Sea {
					transport factor Container_ship = 0.015 kgCO2e/tkm
					transport factor Rail = 0.03 kgCO2e/tkm
				}
				""";
		String road = """
				package p
				factors Road {
					material factor Steel = 1.9 kgCO2e/kg
					transport factor Lorry_rigid = 0.2 kgCO2e/tkm
				}
				""";
		// a ship or train is no truck: the road factor of the second file wins over the first file's first factor
		assertEquals("p.Lorry_rigid", BundledExamples.firstFactorIn("transport", List.of(sea, road)));
		// without one, the first, which the user replaces (the template's comment says so)
		assertEquals("Container_ship", BundledExamples.firstFactorIn("transport", List.of(sea)));
		assertEquals("p.Steel", BundledExamples.firstFactorIn("material", List.of(sea, road)));
		assertNull(BundledExamples.firstFactorIn("material", List.of(sea)));
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
