package org.zerocarbon.diagram.ui.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.zerocarbon.lang.ide.edit.ModelEditException;
import org.zerocarbon.lang.ide.edit.ModelElements;
import org.zerocarbon.model.zc.Actuator;
import org.zerocarbon.model.zc.ActuatorKind;
import org.zerocarbon.model.zc.Asset;
import org.zerocarbon.model.zc.AssetKind;
import org.zerocarbon.model.zc.ControlStrategy;
import org.zerocarbon.model.zc.Controller;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineType;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.MeasuredQuantity;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeterScope;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Saving;
import org.zerocarbon.model.zc.Sensor;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.UtilitySupply;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.model.zc.ZcModel;

/**
 * The model changes behind the diagram's gestures, as functions on a freshly parsed {@link ZcModel} (elements are
 * found by their URI fragments, which a fresh parse of the same text reproduces). They are plain EMF: the caller
 * runs them through the language's change serializer, which turns them into minimal text edits.
 * <p>
 * New elements get the grammar's required parts with neutral defaults (a machine of type {@code other}, a meter
 * on the whole machine every second, a sensor measuring power every second) and the next free name. Deleting an
 * element also deletes what cannot exist without it (the flows of a machine and the utilities' supplies of it, the
 * actuators of an asset, a controller left without sensors or actuators) and says so in {@link Outcome#notes()}.
 */
public final class SemanticEdits {

	/** What a name must look like (the grammar's ID terminal). */
	public static final Pattern ID = Pattern.compile("\\^?[A-Za-z_][A-Za-z0-9_]*");

	private static final ZcFactory F = ZcFactory.eINSTANCE;

	/** What a change did, filled in while it runs (on the language thread) and read after it completed. */
	public static final class Outcome {
		private volatile String created;
		private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();

		/** The name of the element the change created, or {@code null}. */
		public String created() {
			return created;
		}

		/** What else the change did, for the status line. */
		public List<String> notes() {
			return List.copyOf(notes);
		}
	}

	/**
	 * A model change with a label for the undo menu.
	 *
	 * @param label   the undo label, e.g. "Add machine"
	 * @param change  the change to run on a fresh parse
	 * @param outcome what it did, once it ran
	 */
	public record Edit(String label, Consumer<ZcModel> change, Outcome outcome) {
	}

	/**
	 * A change the model's rules do not allow; its message says why and what to do instead. A
	 * {@link ModelEditException}, so that the change serializer reports it as a refusal, with nothing changed.
	 */
	public static final class Refused extends ModelEditException {
		private static final long serialVersionUID = 1L;

		/** @param message what is not allowed and what to do instead */
		public Refused(String message) {
			super(message);
		}
	}

	private SemanticEdits() {
	}

	private static Edit edit(String label, java.util.function.BiConsumer<ZcModel, Outcome> body) {
		Outcome outcome = new Outcome();
		return new Edit(label, model -> body.accept(model, outcome), outcome);
	}

	/** The element at a fragment of the model's resource; a refusal that says so if the text changed meanwhile. */
	static <T extends EObject> T find(ZcModel model, String fragment, Class<T> type) {
		return ModelElements.at(model, fragment, type);
	}

	// ---- creating ---------------------------------------------------------------------------------------

	/** Adds a machine ({@code machine MachineN other { }}) to a line. */
	public static Edit addMachine(String line) {
		return edit("Add machine", (model, out) -> {
			Line l = find(model, line, Line.class);
			Machine m = F.createMachine();
			m.setName(freeName(l, "Machine"));
			m.setType(MachineType.OTHER);
			l.getMachines().add(m);
			out.created = m.getName();
		});
	}

	/** Adds a meter on the whole machine, read every second. */
	public static Edit addMeter(String machine) {
		return edit("Add meter", (model, out) -> {
			Machine m = find(model, machine, Machine.class);
			Meter meter = F.createMeter();
			meter.setName(freeName(m.eContainer(), m.getName() + "_Meter"));
			meter.setScope(MeterScope.MACHINE);
			meter.setInterval(quantity(1, "s"));
			m.getMeters().add(meter);
			out.created = meter.getName();
		});
	}

	/** Adds a material flow from one machine to another of the same line. */
	public static Edit addFlow(String source, String target) {
		return edit("Add material flow", (model, out) -> {
			Machine s = find(model, source, Machine.class);
			Machine t = find(model, target, Machine.class);
			if (!(s.eContainer() instanceof Line line) || t.eContainer() != line) {
				throw new Refused("Material flows connect machines of the same line.");
			}
			for (MaterialFlow f : line.getFlows()) {
				if (f.getSource() == s && f.getTarget() == t) {
					throw new Refused("There is a material flow from " + s.getName() + " to " + t.getName() + " already.");
				}
			}
			MaterialFlow flow = F.createMaterialFlow();
			flow.setSource(s);
			flow.setTarget(t);
			line.getFlows().add(flow);
		});
	}

	/** Adds an asset of kind {@code other} to a loop. */
	public static Edit addAsset(String loop) {
		return edit("Add asset", (model, out) -> {
			EnergyLoop l = find(model, loop, EnergyLoop.class);
			Asset a = F.createAsset();
			a.setName(freeName(l, "Asset"));
			a.setKind(AssetKind.OTHER);
			l.getAssets().add(a);
			out.created = a.getName();
		});
	}

	/** Adds a sensor measuring power every second, on an asset if one is given. */
	public static Edit addSensor(String loop, String asset) {
		return edit("Add sensor", (model, out) -> {
			EnergyLoop l = find(model, loop, EnergyLoop.class);
			Sensor s = F.createSensor();
			s.setName(freeName(l, "Sensor"));
			s.setMeasures(MeasuredQuantity.POWER);
			s.setSampling(quantity(1, "s"));
			if (asset != null) {
				s.setAsset(find(model, asset, Asset.class));
			}
			l.getSensors().add(s);
			out.created = s.getName();
		});
	}

	/** Adds an on/off actuator controlling an asset. */
	public static Edit addActuator(String asset) {
		return edit("Add actuator", (model, out) -> {
			Asset a = find(model, asset, Asset.class);
			EnergyLoop l = (EnergyLoop) a.eContainer();
			Actuator act = F.createActuator();
			act.setName(freeName(l, "Actuator"));
			act.setKind(ActuatorKind.SWITCH);
			act.setAsset(a);
			l.getActuators().add(act);
			out.created = act.getName();
		});
	}

	/** Adds a rule-based controller reading a sensor and driving an actuator. */
	public static Edit addController(String sensor, String actuator) {
		return edit("Add controller", (model, out) -> {
			Sensor s = find(model, sensor, Sensor.class);
			Actuator a = find(model, actuator, Actuator.class);
			EnergyLoop l = (EnergyLoop) s.eContainer();
			Controller c = F.createController();
			c.setName(freeName(l, "Controller"));
			c.setStrategy(ControlStrategy.RULE);
			c.getInputs().add(s);
			c.getOutputs().add(a);
			l.getControllers().add(c);
			out.created = c.getName();
		});
	}

	// ---- connecting --------------------------------------------------------------------------------------

	/** Lets a controller read one more sensor ({@code input}) or drive one more actuator. */
	public static Edit connect(String controller, String value, boolean input) {
		return edit(input ? "Connect sensor to controller" : "Connect controller to actuator", (model, out) -> {
			Controller c = find(model, controller, Controller.class);
			Class<? extends EObject> type = input ? Sensor.class : Actuator.class;
			EObject v = find(model, value, type);
			List<? extends EObject> list = input ? c.getInputs() : c.getOutputs();
			if (list.contains(v)) {
				throw new Refused(c.getName() + (input ? " reads " : " drives ") + ContentBuilder.nameOf(v) + " already.");
			}
			if (v instanceof Sensor s) {
				c.getInputs().add(s);
			} else {
				c.getOutputs().add((Actuator) v);
			}
		});
	}

	/** Makes an actuator control an asset (an actuator controls exactly one). */
	public static Edit control(String actuator, String asset) {
		return edit("Connect actuator to asset", (model, out) -> {
			find(model, actuator, Actuator.class).setAsset(find(model, asset, Asset.class));
		});
	}

	/** The feedback edge: a sensor measures an asset. */
	public static Edit measure(String asset, String sensor) {
		return edit("Add feedback", (model, out) -> {
			find(model, sensor, Sensor.class).setAsset(find(model, asset, Asset.class));
		});
	}

	// ---- renaming ----------------------------------------------------------------------------------------

	/** Why a name cannot be given to an element, or {@code null} if it can. Checks the syntax only. */
	public static String checkName(String name) {
		if (name == null || name.isBlank()) {
			return "A name cannot be empty.";
		}
		if (!ID.matcher(name).matches()) {
			return "'" + name + "' is not a name: use letters, digits and _, not starting with a digit.";
		}
		return null;
	}

	/** Renames an element; references to it in the file follow. */
	public static Edit rename(String element, String name) {
		return edit("Rename to " + name, (model, out) -> {
			String problem = checkName(name);
			if (problem != null) {
				throw new Refused(problem);
			}
			EObject e = model.eResource().getEObject(element);
			EStructuralFeature feature = e == null ? null : e.eClass().getEStructuralFeature("name");
			if (feature == null) {
				throw new Refused("The element is no longer in the text, or has no name.");
			}
			if (e.eContainer() != null) {
				for (EObject sibling : e.eContainer().eContents()) {
					if (sibling != e && sibling.eClass() == e.eClass() && name.equals(sibling.eGet(feature))) {
						throw new Refused("There is a " + e.eClass().getName().toLowerCase() + " named " + name + " already.");
					}
				}
			}
			e.eSet(feature, name);
			out.created = name;
		});
	}

	// ---- deleting ----------------------------------------------------------------------------------------

	/** What to delete: an element, or one reference of an element (an edge that is not an element). */
	public sealed interface Target {
	}

	/** Deletes an element (a node, a material flow). */
	public record ElementTarget(String fragment) implements Target {
	}

	/** Removes a controller's input ({@code reads}) or output ({@code drives}). */
	public record ListReference(String controller, boolean input, String value) implements Target {
	}

	/** Unsets a sensor's asset (a feedback edge). */
	public record SensorAsset(String sensor) implements Target {
	}

	/** Deletes elements and references, with what cannot exist without them. */
	public static Edit delete(List<Target> targets) {
		return edit(targets.size() == 1 ? "Delete" : "Delete " + targets.size() + " elements", (model, out) -> {
			List<EObject> elements = new ArrayList<>();
			for (Target t : targets) {
				switch (t) {
				case ElementTarget e -> elements.add(find(model, e.fragment(), EObject.class));
				case ListReference r -> removeReference(model, r);
				case SensorAsset s -> find(model, s.sensor(), Sensor.class).setAsset(null);
				}
			}
			Set<EObject> deleted = new HashSet<>();
			for (EObject e : elements) {
				deleteWithDependents(e, deleted, out, true);
			}
		});
	}

	private static void removeReference(ZcModel model, ListReference r) {
		Controller c = find(model, r.controller(), Controller.class);
		List<? extends EObject> list = r.input() ? c.getInputs() : c.getOutputs();
		EObject value = find(model, r.value(), EObject.class);
		if (list.size() == 1 && list.contains(value)) {
			throw new Refused(c.getName() + (r.input() ? " reads no other sensor" : " drives no other actuator")
					+ ": a controller needs at least one. Connect another one first, or delete the controller.");
		}
		list.remove(value);
	}

	private static void deleteWithDependents(EObject e, Set<EObject> deleted, Outcome out, boolean asked) {
		if (!deleted.add(e) || e.eContainer() == null) {
			return;
		}
		if (!asked) {
			String name = ContentBuilder.nameOf(e);
			out.notes.add(e.eClass().getName().toLowerCase() + (name != null ? " " + name : ""));
		}
		if (e instanceof Machine m && m.eContainer() instanceof Line line) {
			for (MaterialFlow f : List.copyOf(line.getFlows())) {
				if (f.getSource() == m || f.getTarget() == m) {
					flowDeleted(f, deleted, out);
				}
			}
			for (Utility u : line.getUtilities()) {
				for (UtilitySupply supply : List.copyOf(u.getSupplies())) {
					if (supply.getMachine() == m && deleted.add(supply)) {
						out.notes.add("supply of " + nameOrUnnamed(m) + " by " + u.getName());
						removeWithReferences(supply);
					}
				}
			}
		} else if (e instanceof Sensor s && s.eContainer() instanceof EnergyLoop loop) {
			for (Controller c : List.copyOf(loop.getControllers())) {
				if (c.getInputs().contains(s) && c.getInputs().size() == 1) {
					deleteWithDependents(c, deleted, out, false);
				}
			}
		} else if (e instanceof Actuator a && a.eContainer() instanceof EnergyLoop loop) {
			for (Controller c : List.copyOf(loop.getControllers())) {
				if (c.getOutputs().contains(a) && c.getOutputs().size() == 1) {
					deleteWithDependents(c, deleted, out, false);
				}
			}
		} else if (e instanceof Asset a && a.eContainer() instanceof EnergyLoop loop) {
			for (Actuator act : List.copyOf(loop.getActuators())) {
				if (act.getAsset() == a) {
					deleteWithDependents(act, deleted, out, false);
				}
			}
			for (Saving s : loop.getSavings()) {
				if (s.getAsset() == a) {
					s.setAsset(null);
				}
			}
		}
		removeWithReferences(e);
	}

	private static void flowDeleted(MaterialFlow f, Set<EObject> deleted, Outcome out) {
		if (deleted.add(f)) {
			out.notes.add("flow " + nameOrUnnamed(f.getSource()) + " → " + nameOrUnnamed(f.getTarget()));
			removeWithReferences(f);
		}
	}

	/**
	 * Removes an element and what else in its file still refers to it or to its contents (a sensor's asset, an
	 * entry of a controller's list, an asset's machine). References from other files are left alone: the
	 * change serializer refuses the change and names them, so the user decides.
	 */
	private static void removeWithReferences(EObject e) {
		List<EObject> removed = new ArrayList<>();
		removed.add(e);
		e.eAllContents().forEachRemaining(removed::add);
		Map<EObject, Collection<EStructuralFeature.Setting>> usages = EcoreUtil.UsageCrossReferencer.findAll(removed,
				e.eResource());
		for (Collection<EStructuralFeature.Setting> settings : usages.values()) {
			for (EStructuralFeature.Setting setting : List.copyOf(settings)) {
				if (EcoreUtil.isAncestor(e, setting.getEObject())) {
					continue; // goes with the element
				}
				EStructuralFeature feature = setting.getEStructuralFeature();
				if (feature.isMany()) {
					((List<?>) setting.getEObject().eGet(feature)).removeAll(removed);
				} else {
					setting.getEObject().eUnset(feature);
				}
			}
		}
		EcoreUtil.remove(e);
	}

	private static String nameOrUnnamed(Machine m) {
		return m == null || m.getName() == null ? "(unnamed)" : m.getName();
	}

	// ---- shared --------------------------------------------------------------------------------------------

	/** {@code base} followed by the first number that no element in the container's tree is named with. */
	static String freeName(EObject container, String base) {
		Set<String> taken = new HashSet<>();
		for (var it = container.eAllContents(); it.hasNext();) {
			String name = ContentBuilder.nameOf(it.next());
			if (name != null) {
				taken.add(name);
			}
		}
		int n = 1;
		while (taken.contains(base + n)) {
			n++;
		}
		return base + n;
	}

	private static Quantity quantity(int value, String unit) {
		Quantity q = F.createQuantity();
		q.setValue(BigDecimal.valueOf(value));
		q.setUnit(unit);
		return q;
	}
}
