package org.zerocarbon.diagram.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.LazyStringInputStream;
import org.junit.jupiter.api.Test;
import org.zerocarbon.diagram.ui.internal.SemanticEdits;
import org.zerocarbon.lang.ZcStandaloneSetup;
import org.zerocarbon.model.zc.Controller;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Sensor;
import org.zerocarbon.model.zc.ZcModel;

/**
 * The model changes behind the palette and Delete, on parsed models: names, required parts, and what a deletion
 * takes along. (Writing them back as text is the change serializer's part, tested through the editor.)
 */
class SemanticEditsTest {

	private static final String LINE = """
			package t
			line L {
				machine A other {
				}
				machine B other {
				}
				machine Machine1 other {
				}
				flow A -> B
				flow B -> Machine1
			}
			""";

	private static final String LOOP = """
			package t
			loop Air {
				asset Comp compressor
				sensor P measures pressure on Comp every 1 s
				sensor Q measures power on Comp every 1 s
				actuator Vfd vfd controls Comp
				controller Only pid reads P drives Vfd
				controller Both rule reads P, Q drives Vfd
				saving Less software 5 % on Comp
			}
			""";

	private ZcModel model;

	private ZcModel parse(String text) throws IOException {
		XtextResourceSet set = new ZcStandaloneSetup().createInjectorAndDoEMFRegistration().getInstance(XtextResourceSet.class);
		Resource resource = set.createResource(URI.createURI("test:/m.zc"));
		resource.load(new LazyStringInputStream(text, "UTF-8"), null);
		assertTrue(resource.getErrors().isEmpty(), () -> "the test model parses: " + resource.getErrors());
		model = (ZcModel) resource.getContents().get(0);
		return model;
	}

	private String fragment(EObject element) {
		return element.eResource().getURIFragment(element);
	}

	private <T extends EObject> T named(Class<T> type, String name) {
		for (var it = model.eAllContents(); it.hasNext();) {
			EObject next = it.next();
			if (type.isInstance(next) && name.equals(next.eGet(next.eClass().getEStructuralFeature("name")))) {
				return type.cast(next);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " " + name);
	}

	@Test
	void aNewMachineGetsTheNextFreeNameAndTheGrammarsRequiredType() throws Exception {
		parse(LINE);
		Line line = (Line) model.getElements().get(0);
		SemanticEdits.Edit edit = SemanticEdits.addMachine(fragment(line));
		edit.change().accept(model);
		Machine added = line.getMachines().get(3);
		assertEquals("Machine2", added.getName(), "Machine1 is taken");
		assertEquals("Machine2", edit.outcome().created());
		assertEquals(org.zerocarbon.model.zc.MachineType.OTHER, added.getType());
	}

	@Test
	void aFlowConnectsTwoMachinesOnceOnly() throws Exception {
		parse(LINE);
		Line line = (Line) model.getElements().get(0);
		SemanticEdits.addFlow(fragment(named(Machine.class, "Machine1")), fragment(named(Machine.class, "A"))).change()
				.accept(model);
		assertEquals("A", line.getFlows().get(2).getTarget().getName());
		SemanticEdits.Edit again = SemanticEdits.addFlow(fragment(named(Machine.class, "A")), fragment(named(Machine.class, "B")));
		SemanticEdits.Refused refused = assertThrows(SemanticEdits.Refused.class, () -> again.change().accept(model));
		assertEquals("There is a material flow from A to B already.", refused.getMessage());
	}

	@Test
	void deletingAMachineDeletesItsFlows() throws Exception {
		parse(LINE);
		Line line = (Line) model.getElements().get(0);
		SemanticEdits.Edit edit = SemanticEdits.delete(List.of(new SemanticEdits.ElementTarget(fragment(named(Machine.class, "B")))));
		edit.change().accept(model);
		assertEquals(List.of("A", "Machine1"), line.getMachines().stream().map(Machine::getName).toList());
		assertTrue(line.getFlows().isEmpty(), "both flows touched B");
		assertEquals(List.of("flow A → B", "flow B → Machine1"), edit.outcome().notes());
	}

	@Test
	void deletingASensorDeletesTheControllerThatReadOnlyItAndUnlinksTheOther() throws Exception {
		parse(LOOP);
		EnergyLoop loop = (EnergyLoop) model.getElements().get(0);
		SemanticEdits.Edit edit = SemanticEdits.delete(List.of(new SemanticEdits.ElementTarget(fragment(named(Sensor.class, "P")))));
		edit.change().accept(model);
		assertEquals(List.of("Both"), loop.getControllers().stream().map(Controller::getName).toList());
		assertEquals(List.of("Q"), loop.getControllers().get(0).getInputs().stream().map(Sensor::getName).toList());
		assertEquals(List.of("controller Only"), edit.outcome().notes());
	}

	@Test
	void deletingAnAssetTakesItsActuatorsAndTheirControllersAndUnsetsOptionalReferences() throws Exception {
		parse(LOOP);
		EnergyLoop loop = (EnergyLoop) model.getElements().get(0);
		SemanticEdits.Edit edit = SemanticEdits.delete(List.of(new SemanticEdits.ElementTarget(fragment(loop.getAssets().get(0)))));
		edit.change().accept(model);
		assertTrue(loop.getAssets().isEmpty() && loop.getActuators().isEmpty() && loop.getControllers().isEmpty());
		assertEquals(2, loop.getSensors().size(), "sensors stay, measuring nothing");
		assertNull(loop.getSensors().get(0).getAsset());
		assertNull(loop.getSavings().get(0).getAsset());
		assertEquals(List.of("actuator Vfd", "controller Only", "controller Both"), edit.outcome().notes());
	}

	@Test
	void removingAControllersLastSensorIsRefusedWithAWayOut() throws Exception {
		parse(LOOP);
		Controller only = named(Controller.class, "Only");
		SemanticEdits.Edit edit = SemanticEdits.delete(
				List.of(new SemanticEdits.ListReference(fragment(only), true, fragment(named(Sensor.class, "P")))));
		SemanticEdits.Refused refused = assertThrows(SemanticEdits.Refused.class, () -> edit.change().accept(model));
		assertTrue(refused.getMessage().contains("Connect another one first, or delete the controller"), refused.getMessage());
		Controller both = named(Controller.class, "Both");
		SemanticEdits.delete(List.of(new SemanticEdits.ListReference(fragment(both), true, fragment(named(Sensor.class, "P")))))
				.change().accept(model);
		assertEquals(List.of("Q"), both.getInputs().stream().map(Sensor::getName).toList());
	}

	@Test
	void aControllerIsCreatedBetweenASensorAndAnActuator() throws Exception {
		parse(LOOP);
		EnergyLoop loop = (EnergyLoop) model.getElements().get(0);
		SemanticEdits.addController(fragment(named(Sensor.class, "Q")), fragment(loop.getActuators().get(0))).change().accept(model);
		Controller c = loop.getControllers().get(2);
		assertEquals("Controller1", c.getName());
		assertEquals("Q", c.getInputs().get(0).getName());
		assertEquals("Vfd", c.getOutputs().get(0).getName());
	}

	@Test
	void namesAreCheckedForSyntaxAndClashes() throws Exception {
		assertEquals(null, SemanticEdits.checkName("Lathe_2"));
		assertTrue(SemanticEdits.checkName("2Lathe").contains("not a name"));
		assertTrue(SemanticEdits.checkName("Lathe 2").contains("not a name"));
		assertTrue(SemanticEdits.checkName(" ").contains("empty"));
		parse(LINE);
		SemanticEdits.Edit clash = SemanticEdits.rename(fragment(named(Machine.class, "A")), "B");
		SemanticEdits.Refused refused = assertThrows(SemanticEdits.Refused.class, () -> clash.change().accept(model));
		assertEquals("There is a machine named B already.", refused.getMessage());
	}
}
