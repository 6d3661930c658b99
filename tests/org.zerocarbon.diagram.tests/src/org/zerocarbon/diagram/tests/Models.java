package org.zerocarbon.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcFactory;

/** Loads DSL text written by a test through the same entry point as the CLI, and finds elements in it. */
final class Models {

	private Models() {
	}

	/** Writes the files into {@code dir}, loads them together and asserts they have no errors. */
	static ResourceSet load(Path dir, String... fileContents) throws IOException {
		List<URI> uris = new ArrayList<>();
		for (int i = 0; i < fileContents.length; i++) {
			Path file = dir.resolve("m" + i + ".zc");
			Files.writeString(file, fileContents[i]);
			uris.add(URI.createFileURI(file.toString()));
		}
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris, () -> false);
		List<Problem> errors = loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList();
		assertTrue(errors.isEmpty(), () -> "the test model has errors: " + errors);
		return loaded.resourceSet();
	}

	/** The example models of examples/housing-cell, loaded together (without asserting they have no errors). */
	static ResourceSet examples() throws IOException {
		Path models = Path.of("../../examples/housing-cell/model").toAbsolutePath().normalize();
		List<URI> uris = new ArrayList<>();
		try (var files = Files.list(models)) {
			files.filter(f -> f.toString().endsWith(".zc")).sorted()
					.forEach(f -> uris.add(URI.createFileURI(f.toString())));
		}
		return ModelValidation.create().load(uris, () -> false).resourceSet();
	}

	/** A line "Chain" of machines M0 → M1 → … without type or power, each flow at 10 parts/h. */
	static Line chain(int machines) {
		ZcFactory f = ZcFactory.eINSTANCE;
		Line line = f.createLine();
		line.setName("Chain");
		for (int i = 0; i < machines; i++) {
			Machine m = f.createMachine();
			m.setName("M" + i);
			line.getMachines().add(m);
			if (i > 0) {
				MaterialFlow flow = f.createMaterialFlow();
				flow.setSource(line.getMachines().get(i - 1));
				flow.setTarget(m);
				Quantity rate = f.createQuantity();
				rate.setValue(BigDecimal.TEN);
				rate.setUnit("parts/h");
				flow.setRate(rate);
				line.getFlows().add(flow);
			}
		}
		return line;
	}

	/** The one element of the given type and name in the resource set. */
	static <T extends EObject> T find(ResourceSet set, Class<T> type, String name) {
		for (var it = set.getAllContents(); it.hasNext();) {
			Object next = it.next();
			if (type.isInstance(next)) {
				EObject element = (EObject) next;
				var feature = element.eClass().getEStructuralFeature("name");
				if (feature != null && name.equals(element.eGet(feature))) {
					return type.cast(element);
				}
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " named " + name);
	}

	static final String LINE = """
			package t
			line Mini "Two machines" {
				machine Saw other "Band saw" {
					rated 5 kW
					state standby 1 kW for 50 %
					state processing 3 kW for 50 %
					meter SawMain machine every 1 s
				}
				machine Mill vmc {
					rated 20 kW
					state processing 10 kW for 100 %
				}
				machine Spare other {
					rated 1 kW
				}
				flow Saw -> Mill rate 12 parts/h
			}
			""";

	static final String LOOP = """
			package t
			loop Air {
				asset Comp compressor rated 30 kW
				asset Pump pump rated 5 kW
				sensor P measures pressure on Comp every 1 s
				sensor Q measures power on Pump every 2 s
				actuator Vfd vfd controls Comp
				actuator PumpSwitch switch controls Pump
				controller Closed pid reads P drives Vfd {
					setpoint Target 6.3 bar
				}
				controller Open rule reads Q drives Vfd
			}
			""";

	static final String PARK = """
			package t
			park P industrial {
				energy supply Supply {
					source Grid grid capacity 10 MW delivers 40000 MWh per year
					source Sun pv capacity 5 MW delivers 10000 MWh per year clean
				}
				production Production {
				}
				infrastructure Infra {
					item Lights energy 1000 MWh
				}
				logistics Logistics {
					item Trucks emissions 100 tCO2e
				}
				buildings Buildings {
					item Offices energy 4000 MWh
				}
				ecosystems Eco {
					item Wood removals 50 tCO2e
				}
				annual {
					energy 6000 tce
					emissions 12000 tCO2
					clean share 20 %
				}
			}
			""";
}
