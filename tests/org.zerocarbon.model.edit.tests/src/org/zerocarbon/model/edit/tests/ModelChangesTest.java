package org.zerocarbon.model.edit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ide.edit.ModelChanges;
import org.zerocarbon.lang.ide.edit.ModelEditException;
import org.zerocarbon.lang.ide.edit.ModelElements;
import org.zerocarbon.lang.ide.edit.Replacement;
import org.zerocarbon.model.zc.Asset;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineType;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.MeasuredQuantity;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Sensor;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Model changes written back to text with Xtext's change serializer ({@link ModelChanges}): the resulting text is
 * compared in full, so that every untouched character (comments, blank lines, odd spacing) is shown to survive,
 * and new elements are shown to be laid out by the formatter.
 */
class ModelChangesTest {

	private static final URI CELL = URI.createURI("inmemory:/cell.zc");

	private static final String CELL_TEXT = """
			// A small cell. Comments and layout outside the changed parts must survive.
			package demo

			line Cell "Test cell" {
				// the turning centre comes first
				machine TC1 turning {
					rated 30 kW
				}
				machine VMC1 vmc {
					rated   25 kW   // nameplate, odd spacing kept
				}
				flow TC1 -> VMC1 rate 12 parts/h
			}
			""";

	private static final String LOOP_TEXT = """
			package demo

			loop Air {
				asset Standby standby "VMC1 between batches" machine Cell.VMC1
			}
			""";

	private final Language ide = new Language();

	private ModelChanges.Result change(Consumer<ZcModel> change) {
		return ModelChanges.compute(ide.resourceSet, CELL, CELL_TEXT, change);
	}

	private static Line cell(ZcModel model) {
		return ModelElements.named(model, Line.class, "Cell");
	}

	private static Quantity quantity(String value, String unit) {
		Quantity quantity = ZcFactory.eINSTANCE.createQuantity();
		quantity.setValue(new BigDecimal(value));
		quantity.setUnit(unit);
		return quantity;
	}

	@Test
	void aNewMachineIsFormattedAtTheEndOfTheMachines() {
		ModelChanges.Result result = change(model -> {
			Machine machine = ZcFactory.eINSTANCE.createMachine();
			machine.setName("VMC2");
			machine.setType(MachineType.VERTICAL_MACHINING_CENTRE);
			machine.setRatedPower(quantity("25", "kW"));
			cell(model).getMachines().add(machine);
		});
		assertEquals("""
				// A small cell. Comments and layout outside the changed parts must survive.
				package demo

				line Cell "Test cell" {
					// the turning centre comes first
					machine TC1 turning {
						rated 30 kW
					}
					machine VMC1 vmc {
						rated   25 kW   // nameplate, odd spacing kept
					}
					machine VMC2 vmc {
						rated 25 kW
					}
					flow TC1 -> VMC1 rate 12 parts/h
				}
				""", result.newText());
		assertEquals(result.newText(), Replacement.apply(CELL_TEXT, result.replacements()));
		assertTrue(result.otherFiles().isEmpty());
		assertValid(result.newText());
	}

	@Test
	void aFirstSensorGoesAfterTheLastStatementOfTheLoop() {
		String loop = """
				package demo

				// the air loop
				loop Air "Compressed air" {
					asset Comp1 compressor rated 37 kW // main
					actuator Vfd vfd controls Comp1
				}
				""";
		ModelChanges.Result result = ModelChanges.compute(ide.resourceSet, URI.createURI("inmemory:/air.zc"), loop, model -> {
			EnergyLoop air = ModelElements.named(model, EnergyLoop.class, "Air");
			Sensor sensor = ZcFactory.eINSTANCE.createSensor();
			sensor.setName("HeaderPressure");
			sensor.setMeasures(MeasuredQuantity.PRESSURE);
			sensor.setAsset(ModelElements.named(air, Asset.class, "Comp1"));
			sensor.setSampling(quantity("1", "s"));
			air.getSensors().add(sensor);
		});
		assertEquals(loop.replace("controls Comp1\n", "controls Comp1\n\tsensor HeaderPressure measures pressure on Comp1 every 1 s\n"),
				result.newText());
	}

	@Test
	void clearingAnOptionalValueRemovesItsKeywordToo() {
		String loop = """
				package demo

				loop Air {
					asset Comp1 compressor rated 37 kW // main
					asset Comp2 compressor "trim" rated 22 kW
				}
				""";
		ModelChanges.Result result = ModelChanges.compute(ide.resourceSet, URI.createURI("inmemory:/air.zc"), loop, model -> {
			ModelElements.named(model, Asset.class, "Comp1").setRatedPower(null);
			ModelElements.named(model, Asset.class, "Comp2").setDescription(null);
		});
		assertEquals(loop.replace("compressor rated 37 kW // main", "compressor // main").replace(" \"trim\"", ""),
				result.newText());
	}

	@Test
	void aNewLineIsAddedAtTheEndOfTheFileAfterABlankLine() {
		ModelChanges.Result result = change(model -> {
			Line line = ZcFactory.eINSTANCE.createLine();
			line.setName("Assembly");
			model.getElements().add(line);
		});
		assertEquals(CELL_TEXT + "\nline Assembly {\n}\n", result.newText());
	}

	@Test
	void aNewFlowRefersToTheMachinesByName() {
		ModelChanges.Result result = change(model -> {
			Line line = cell(model);
			MaterialFlow flow = ZcFactory.eINSTANCE.createMaterialFlow();
			flow.setSource(ModelElements.named(line, Machine.class, "VMC1"));
			flow.setTarget(ModelElements.named(line, Machine.class, "TC1"));
			flow.setRate(quantity("4", "parts/h"));
			line.getFlows().add(flow);
		});
		assertEquals(CELL_TEXT.replace("flow TC1 -> VMC1 rate 12 parts/h\n",
				"flow TC1 -> VMC1 rate 12 parts/h\n\tflow VMC1 -> TC1 rate 4 parts/h\n"), result.newText());
		assertValid(result.newText());
	}

	@Test
	void aQuantityChangeRewritesOnlyTheNumber() {
		ModelChanges.Result result = change(model -> ModelElements.named(model, Machine.class, "VMC1").getRatedPower()
				.setValue(new BigDecimal("27.5")));
		assertEquals(CELL_TEXT.replace("rated   25 kW   // nameplate", "rated   27.5 kW   // nameplate"), result.newText());
		assertEquals(1, result.replacements().size(), "one minimal edit: " + result.replacements());
	}

	@Test
	void anEnumerationValueIsWrittenAsItsKeyword() {
		ModelChanges.Result result = change(model -> ModelElements.named(model, Machine.class, "VMC1")
				.setType(MachineType.HORIZONTAL_MACHINING_CENTRE));
		assertEquals(CELL_TEXT.replace("machine VMC1 vmc", "machine VMC1 hmc"), result.newText());
	}

	@Test
	void aRenameUpdatesReferencesInTheFileAndInOtherLoadedFiles() {
		XtextResource loop = ide.load("loop.zc", LOOP_TEXT);
		ModelChanges.Result result = change(model -> ModelElements.named(model, Machine.class, "VMC1").setName("VMC10"));
		assertEquals(CELL_TEXT.replace("machine VMC1 vmc", "machine VMC10 vmc").replace("-> VMC1 rate", "-> VMC10 rate"),
				result.newText());
		List<Replacement> loopEdits = result.otherFiles().get(loop.getURI());
		assertEquals(LOOP_TEXT.replace("Cell.VMC1", "Cell.VMC10"), Replacement.apply(LOOP_TEXT, loopEdits));
	}

	@Test
	void removingAFlowRemovesItsLine() {
		ModelChanges.Result result = change(model -> EcoreUtil.delete(cell(model).getFlows().get(0)));
		assertEquals(CELL_TEXT.replace("\tflow TC1 -> VMC1 rate 12 parts/h\n", ""), result.newText());
	}

	@Test
	void removingAFlowTakesItsCommentsButNotTheNextOnes() {
		String cell = """
				line Cell {
					machine TC1 turning {
					}
					// about the first flow
					flow TC1 -> TC1 rate 12 parts/h // and its trailing comment

					// about the second flow
					flow TC1 -> TC1 rate 10 parts/h
				}
				""";
		ModelChanges.Result result = ModelChanges.compute(ide.resourceSet, CELL, cell,
				model -> cell(model).getFlows().remove(0));
		assertEquals("""
				line Cell {
					machine TC1 turning {
					}

					// about the second flow
					flow TC1 -> TC1 rate 10 parts/h
				}
				""", result.newText());
		assertEquals(1, result.replacements().size(), result.replacements().toString());
	}

	@Test
	void clearingAReferenceRemovesItsKeyword() {
		String loop = """
				loop Air {
					asset Comp1 compressor
					saving Leaks hardware "Leak repair" 18000 kWh on Comp1 // verified
				}
				""";
		ModelChanges.Result result = ModelChanges.compute(ide.resourceSet, URI.createURI("inmemory:/air.zc"), loop,
				model -> ModelElements.named(model, org.zerocarbon.model.zc.Saving.class, "Leaks").setAsset(null));
		assertEquals(loop.replace("18000 kWh on Comp1 // verified", "18000 kWh // verified"), result.newText());
	}

	@Test
	void removingAMachineThatAFlowRefersToIsRefusedWithTheFlowAndItsLine() {
		ModelEditException refused = assertThrows(ModelEditException.class,
				() -> change(model -> EcoreUtil.remove(ModelElements.named(model, Machine.class, "VMC1"))));
		assertEquals("Cannot remove Machine 'VMC1': it is still referred to by 'flow TC1 -> VMC1 rate 12 parts/h' "
				+ "(cell.zc line 12). Remove or change those references first (or in the same change). Nothing was "
				+ "changed.", refused.getMessage());
	}

	@Test
	void removingAMachineReferredToFromAnotherFileIsRefused() {
		ide.load("loop.zc", LOOP_TEXT);
		ModelEditException refused = assertThrows(ModelEditException.class, () -> change(model -> {
			Line line = cell(model);
			line.getFlows().clear();
			EcoreUtil.remove(ModelElements.named(line, Machine.class, "VMC1"));
		}));
		assertTrue(refused.getMessage().startsWith("Cannot remove Machine 'VMC1': it is still referred to by "
				+ "'asset Standby standby \"VMC1 between batches\" machine Cell.VMC1' (loop.zc line 4)."),
				refused.getMessage());
	}

	@Test
	void removingAMachineWithItsFlowsInOneChangeWorks() {
		ModelChanges.Result result = change(model -> {
			Line line = cell(model);
			Machine vmc1 = ModelElements.named(line, Machine.class, "VMC1");
			line.getFlows().removeIf(flow -> flow.getSource() == vmc1 || flow.getTarget() == vmc1);
			line.getMachines().remove(vmc1);
		});
		assertEquals("""
				// A small cell. Comments and layout outside the changed parts must survive.
				package demo

				line Cell "Test cell" {
					// the turning centre comes first
					machine TC1 turning {
						rated 30 kW
					}
				}
				""", result.newText());
	}

	@Test
	void aFileWithSyntaxErrorsIsRefusedWithTheLine() {
		String broken = CELL_TEXT.replace("rated 30 kW", "rated 30 kW }}");
		ModelEditException refused = assertThrows(ModelEditException.class,
				() -> ModelChanges.compute(ide.resourceSet, CELL, broken, model -> {
					throw new AssertionError("the change must not run on a broken file");
				}));
		assertTrue(refused.getMessage().startsWith("cell.zc has syntax errors; fix them in the text first (line 8: "),
				refused.getMessage());
	}

	@Test
	void aMissingElementIsReportedInWords() {
		ModelEditException refused = assertThrows(ModelEditException.class,
				() -> change(model -> ModelElements.named(model, Machine.class, "VMC9")));
		assertEquals("There is no machine named 'VMC9'.", refused.getMessage());
	}

	@Test
	void aChangeThatCannotBeWrittenIsRefused() {
		// A flow without its source: the grammar requires one.
		ModelEditException refused = assertThrows(ModelEditException.class,
				() -> change(model -> cell(model).getFlows().get(0).setSource(null)));
		assertTrue(refused.getMessage().startsWith("The change cannot be written to cell.zc: "), refused.getMessage());
	}

	@Test
	void aChangeThatChangesNothingHasNoEdits() {
		ModelChanges.Result result = change(model -> cell(model).setName("Cell"));
		assertFalse(result.changed());
		assertEquals(CELL_TEXT, result.newText());
	}

	private void assertValid(String text) {
		XtextResource resource = new Language().load("check.zc", text);
		List<Issue> errors = resource.getResourceServiceProvider().get(IResourceValidator.class)
				.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).stream()
				.filter(issue -> issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR).toList();
		assertTrue(errors.isEmpty(), () -> errors + "\n" + text);
	}
}
