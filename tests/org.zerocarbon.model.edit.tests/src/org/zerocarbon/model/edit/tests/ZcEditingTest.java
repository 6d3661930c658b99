package org.zerocarbon.model.edit.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.emf.edit.provider.IItemLabelProvider;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.model.edit.ZcEditing;
import org.zerocarbon.model.edit.ZcProperties;
import org.zerocarbon.model.zc.Asset;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineType;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Sensor;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.model.zc.ZcPackage;

/** The EMF.Edit layer of the metamodel: labels with key figures, property descriptors with categories and help. */
class ZcEditingTest {

	private static final ZcFactory MAKE = ZcFactory.eINSTANCE;

	private final ComposedAdapterFactory factory = ZcEditing.createAdapterFactory();

	@AfterEach
	void dispose() {
		factory.dispose();
	}

	private static Quantity quantity(String value, String unit) {
		Quantity quantity = MAKE.createQuantity();
		quantity.setValue(new BigDecimal(value));
		quantity.setUnit(unit);
		return quantity;
	}

	private static Machine machine(String name, String rated) {
		Machine machine = MAKE.createMachine();
		machine.setName(name);
		machine.setType(MachineType.VERTICAL_MACHINING_CENTRE);
		if (rated != null) {
			machine.setRatedPower(quantity(rated, "kW"));
		}
		return machine;
	}

	private String label(Object element) {
		return ((IItemLabelProvider) factory.adapt(element, IItemLabelProvider.class)).getText(element);
	}

	private Map<String, IItemPropertyDescriptor> properties(EObject element) {
		Map<String, IItemPropertyDescriptor> byName = new LinkedHashMap<>();
		for (IItemPropertyDescriptor descriptor : ZcEditing.propertyDescriptors(factory, element)) {
			byName.put(descriptor.getDisplayName(element), descriptor);
		}
		return byName;
	}

	@Test
	void labelsNameTheElementAndItsKeyFigure() {
		Line line = MAKE.createLine();
		line.setName("Cell");
		Machine vmc1 = machine("VMC1", "25");
		Machine tc1 = machine("TC1", null);
		line.getMachines().add(vmc1);
		line.getMachines().add(tc1);
		MaterialFlow flow = MAKE.createMaterialFlow();
		flow.setSource(tc1);
		flow.setTarget(vmc1);
		flow.setRate(quantity("12", "parts/h"));
		StateUse standby = MAKE.createStateUse();
		standby.setState(EnergyState.STANDBY);
		standby.setPower(quantity("1.8", "kW"));
		standby.setShare(quantity("20", "%"));

		assertEquals("Line Cell", label(line));
		assertEquals("Machine VMC1 (25 kW)", label(vmc1));
		assertEquals("Machine TC1", label(tc1));
		assertEquals("Material Flow TC1 → VMC1 (12 parts/h)", label(flow));
		assertEquals("State Use standby (1.8 kW)", label(standby));
		assertEquals("1.8 kW", label(standby.getPower()));
	}

	@Test
	void labelsOfInstrumentsScope1AndProcesses() {
		org.zerocarbon.model.zc.Certificate certificate = MAKE.createCertificate();
		certificate.setName("Gec2025");
		certificate.setAmount(quantity("60", "MWh"));
		assertEquals("Certificate Gec2025 (60 MWh)", label(certificate));
		org.zerocarbon.model.zc.Contract tariff = MAKE.createContract();
		tariff.setName("Green");
		tariff.setShare(quantity("10", "%"));
		assertEquals("Contract Green (10 %)", label(tariff));
		org.zerocarbon.model.zc.Fuel fuel = MAKE.createFuel();
		fuel.setName("DryerGas");
		fuel.setAmount(quantity("2600", "m3"));
		assertEquals("Fuel DryerGas (2600 m3)", label(fuel));
		org.zerocarbon.model.zc.Refrigerant refrigerant = MAKE.createRefrigerant();
		refrigerant.setName("Chiller");
		refrigerant.setCharge(quantity("2.5", "kg"));
		refrigerant.setLeakRate(quantity("4", "%"));
		assertEquals("Refrigerant Chiller (2.5 kg)", label(refrigerant));
		org.zerocarbon.model.zc.Process process = MAKE.createProcess();
		process.setName("Billet");
		org.zerocarbon.model.zc.ProcessOutput output = MAKE.createProcessOutput();
		output.setAmount(quantity("1", "kg"));
		process.setOutput(output);
		org.zerocarbon.model.zc.ProcessInput input = MAKE.createProcessInput();
		input.setAmount(quantity("0.5", "kWh"));
		input.setProvider(process);
		process.getInputs().add(input);
		assertEquals("Process Billet (output 1 kg)", label(process));
		assertEquals("Process Input Billet (0.5 kWh)", label(input));
	}

	@Test
	void aMachinesPropertiesHaveCategoriesAndTheMetamodelsDocumentation() {
		Machine machine = machine("VMC1", "25");
		Map<String, IItemPropertyDescriptor> properties = properties(machine);

		IItemPropertyDescriptor rated = properties.get("Rated Power");
		assertNotNull(rated, "the rated power is a property, though EMF.Edit makes quantities children: " + properties.keySet());
		assertEquals(ZcProperties.FIGURES, rated.getCategory(machine));
		assertEquals("Rated (nameplate) electrical power.", rated.getDescription(machine));
		assertEquals(ZcPackage.Literals.MACHINE__RATED_POWER, rated.getFeature(machine));

		assertEquals(ZcProperties.GENERAL, properties.get("Name").getCategory(machine));
		IItemPropertyDescriptor type = properties.get("Type");
		assertEquals(ZcProperties.GENERAL, type.getCategory(machine));
		assertTrue(type.getChoiceOfValues(machine).contains(MachineType.CMM), "the type offers the machine types");
		assertEquals("cmm", type.getLabelProvider(machine).getText(MachineType.CMM));
	}

	@Test
	void aReferenceIsInTheReferencesCategoryAndShowsTheTargetsLabel() {
		Asset compressor = MAKE.createAsset();
		compressor.setName("Comp1");
		compressor.setRatedPower(quantity("37", "kW"));
		Sensor sensor = MAKE.createSensor();
		sensor.setName("P1");
		sensor.setAsset(compressor);

		IItemPropertyDescriptor asset = properties(sensor).get("Asset");
		assertEquals(ZcProperties.REFERENCES, asset.getCategory(sensor));
		assertEquals("The asset the sensor sits on.", asset.getDescription(sensor));
		assertEquals("Asset Comp1 (37 kW)", asset.getLabelProvider(sensor).getText(compressor));
	}

	@Test
	void everyPropertyOfEveryClassHasACategoryAndADescription() {
		Set<String> categories = Set.of(ZcProperties.GENERAL, ZcProperties.FIGURES, ZcProperties.REFERENCES,
				ZcProperties.DETAILS);
		int checked = 0;
		for (EClassifier classifier : ZcPackage.eINSTANCE.getEClassifiers()) {
			if (!(classifier instanceof EClass type) || type.isAbstract() || type.isInterface()) {
				continue;
			}
			EObject element = MAKE.create(type);
			List<IItemPropertyDescriptor> descriptors = ZcEditing.propertyDescriptors(factory, element);
			for (IItemPropertyDescriptor descriptor : descriptors) {
				String where = type.getName() + "." + descriptor.getDisplayName(element);
				assertTrue(categories.contains(descriptor.getCategory(element)), where + ": " + descriptor.getCategory(element));
				String description = descriptor.getDescription(element);
				assertFalse(description == null || description.isBlank() || description.contains("{"), where + ": " + description);
				checked++;
			}
			assertFalse(label(element).isBlank(), type.getName());
		}
		assertTrue(checked > 100, "only " + checked + " properties checked");
	}
}
