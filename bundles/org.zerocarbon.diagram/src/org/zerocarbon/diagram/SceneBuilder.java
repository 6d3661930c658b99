package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.model.zc.Actuator;
import org.zerocarbon.model.zc.AnnualFigures;
import org.zerocarbon.model.zc.Asset;
import org.zerocarbon.model.zc.Controller;
import org.zerocarbon.model.zc.DigitalTwin;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.EnergySource;
import org.zerocarbon.model.zc.EnergySupplySystem;
import org.zerocarbon.model.zc.GenericSystem;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ParkItem;
import org.zerocarbon.model.zc.ParkSystem;
import org.zerocarbon.model.zc.ProductionSystem;
import org.zerocarbon.model.zc.Saving;
import org.zerocarbon.model.zc.Sensor;
import org.zerocarbon.model.zc.Setpoint;
import org.zerocarbon.model.zc.SourceKind;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.UtilitySupply;

/**
 * Turns a model element into a {@link Scene} that is not laid out yet: nodes with their text and preferred
 * sizes, edges with their labels. It reads the EMF model only (no engine), so every figure it shows comes
 * straight from the DSL text.
 * <p>
 * Supported subjects: {@link Line} (machines, material flows, and the shared utilities that feed machines),
 * {@link EnergyLoop} and {@link Park}.
 */
public final class SceneBuilder {

	/** Fill of a machine that draws none of the line's power; shares blend towards {@link #HOT}. */
	static final Rgb COOL = new Rgb(0xf4, 0xf7, 0xfb);
	/** Fill of the machine that draws all of the line's power. */
	static final Rgb HOT = new Rgb(0xf2, 0x8e, 0x2b);
	static final Rgb CLEAN = new Rgb(0xdf, 0xf2, 0xdc);
	static final Rgb FOSSIL = new Rgb(0xee, 0xe8, 0xe0);
	static final Rgb SENSOR = new Rgb(0xe3, 0xee, 0xfa);
	static final Rgb CONTROLLER = new Rgb(0xfd, 0xf1, 0xd6);
	static final Rgb ACTUATOR = new Rgb(0xee, 0xe6, 0xf7);
	static final Rgb ASSET = new Rgb(0xe9, 0xec, 0xef);
	static final Rgb SYSTEM = new Rgb(0xfa, 0xfb, 0xfc);

	private final TextMetrics metrics;
	private Map<String, Double> footprints = Map.of();
	private boolean expandProcesses;

	/** A builder measuring text with {@link FontMetricsTable}. */
	public SceneBuilder() {
		this(FontMetricsTable.INSTANCE);
	}

	/** A builder measuring text with the given metrics. */
	public SceneBuilder(TextMetrics metrics) {
		this.metrics = metrics;
	}

	/**
	 * Footprints of a line's machines, computed elsewhere (the engine, by the last build): with them, machines
	 * carry a badge with their kg CO2e per machine-hour and are coloured by their share of the line's footprint
	 * instead of their share of its power.
	 *
	 * @param kgCO2ePerMachineHour machine name to kg CO2e per machine-hour (A–C, shared utilities included)
	 * @return this builder
	 */
	public SceneBuilder footprints(Map<String, Double> kgCO2ePerMachineHour) {
		footprints = Map.copyOf(kgCO2ePerMachineHour);
		return this;
	}

	/**
	 * Whether a line's background processes (the user-defined processes its machines and utilities use, and their
	 * inputs) are drawn one node each, with their loops, instead of as one collapsed node (the default).
	 *
	 * @param expanded {@code true} for one node per process
	 * @return this builder
	 */
	public SceneBuilder backgroundProcesses(boolean expanded) {
		expandProcesses = expanded;
		return this;
	}

	/** Whether {@link #build} can draw the element. */
	public static boolean supports(EObject subject) {
		return subject instanceof Line || subject instanceof EnergyLoop || subject instanceof Park;
	}

	/**
	 * The scene of a line, an energy loop or a park.
	 *
	 * @param subject the element to draw
	 * @return a scene with preferred node sizes and no positions
	 * @throws IllegalArgumentException if the element is of another type
	 */
	public Scene build(EObject subject) {
		Scene scene;
		if (subject instanceof Line line) {
			scene = line(line);
		} else if (subject instanceof EnergyLoop loop) {
			scene = loop(loop);
		} else if (subject instanceof Park park) {
			scene = park(park);
		} else {
			throw new IllegalArgumentException("no diagram for a " + (subject == null ? "null element"
					: subject.eClass().getName()) + "; diagrams exist for lines, energy loops and parks");
		}
		for (Node n : scene.nodes()) {
			NodeMetrics.preferredSize(n, metrics);
		}
		tallEnoughForEdges(scene);
		return scene;
	}

	// ---- line --------------------------------------------------------------------------------------

	private Scene line(Line line) {
		Scene scene = new Scene(Scene.Type.LINE, heading("Line", line.getName(), line.getDescription()));
		Map<Machine, Double> average = new LinkedHashMap<>();
		double total = 0;
		for (Machine m : line.getMachines()) {
			Double kw = averagePower(m);
			if (kw != null) {
				average.put(m, kw);
				total += kw;
			}
		}
		double footprint = 0;
		for (Machine m : line.getMachines()) {
			footprint += footprints.getOrDefault(m.getName(), 0.0);
		}
		boolean byFootprint = footprint > 0;
		DigitalTwin twin = line.getTwin();
		Map<Machine, Node> nodes = new HashMap<>();
		for (Machine m : line.getMachines()) {
			Node n = new Node(safe(m.getName()), Node.Kind.MACHINE, m, safe(m.getName()));
			n.glyph(EquipmentFigures.glyph(m)).tooltip(m.getDescription());
			String type = m.getType() == null ? "machine" : m.getType().getLiteral();
			String rated = Quantities.format(m.getRatedPower());
			n.subtitle(rated == null ? type : type + " · " + rated + " rated");
			Double kw = average.get(m);
			if (kw != null) {
				double share = total > 0 ? kw / total : 0;
				n.badge("≈ " + Quantities.number(kw, 1) + " kWh per machine-hour · "
						+ Quantities.number(share * 100, 0) + " % of line");
				n.fill(COOL.mix(HOT, share * 2.5));
			} else {
				n.fill(COOL);
			}
			Double kg = footprints.get(m.getName());
			if (byFootprint) {
				double share = kg == null ? 0 : kg / footprint;
				if (kg != null) {
					n.badge(Quantities.number(kg, kg < 10 ? 2 : 1) + " kg CO2e per machine-hour · "
							+ Quantities.number(share * 100, 0) + " % of footprint");
				}
				n.fill(COOL.mix(HOT, share * 2.5));
			}
			if (!m.getMeters().isEmpty()) {
				n.badge(m.getMeters().size() + (m.getMeters().size() == 1 ? " meter" : " meters")
						+ (twin != null ? " → twin " + safe(twin.getName()) : ""));
			}
			EquipmentFigures.scope1(n, m.getFuels(), m.getRefrigerants(), m.getProcessEmissions());
			nodes.put(m, scene.add(n));
		}
		Map<Utility, Node> utilities = new LinkedHashMap<>();
		for (Utility u : line.getUtilities()) {
			utilities.put(u, scene.add(EquipmentFigures.utility(u)));
		}
		int i = 0;
		for (MaterialFlow f : line.getFlows()) {
			Node s = nodes.get(f.getSource());
			Node t = nodes.get(f.getTarget());
			if (s == null || t == null) {
				continue; // an unresolved reference: the validator reports it, the diagram leaves it out
			}
			Edge e = scene.add(new Edge("flow" + (i++) + "_" + s.id() + "_" + t.id(), Edge.Kind.MATERIAL, f, s, t));
			String rate = Quantities.format(f.getRate());
			if (rate != null) {
				e.label(rate);
			}
		}
		if (byFootprint) {
			scene.legend("Fill: share of the line's footprint per machine-hour (A–C, shared utilities included); "
					+ "badges: energy and kg CO2e per machine-hour");
		} else {
			scene.legend("Fill: share of the line's average electrical power (state powers × time shares); "
					+ "badge: energy per machine-hour");
		}
		for (Map.Entry<Utility, Node> u : utilities.entrySet()) {
			for (UtilitySupply s : u.getKey().getSupplies()) {
				Node m = nodes.get(s.getMachine());
				if (m == null) {
					continue; // an unresolved machine: the validator reports it
				}
				Edge e = scene.add(new Edge("supply" + (i++) + "_" + u.getValue().id() + "_" + m.id(), Edge.Kind.ENERGY, s, u.getValue(), m))
						.strokeWidth(2);
				String amount = Quantities.format(s.getAmount());
				if (amount != null) {
					e.label(amount + (s.isSetState() ? " in " + s.getState().getLiteral() : s.isAnnual() ? " per year" : ""));
				}
			}
		}
		scene.legend("Arrows: material flows with their rates");
		if (!utilities.isEmpty()) {
			scene.legend("Shared utilities feed the machines they supply (what each draws on the arrow); their footprint is allocated to "
					+ "the machines by demand");
		}
		if (twin != null) {
			String loads = twin.getLoads().stream().map(l -> l.getLiteral()).collect(Collectors.joining(", "));
			String rate = Quantities.format(twin.getUpdateRate());
			scene.legend("Digital twin " + safe(twin.getName()) + (loads.isEmpty() ? "" : " maps " + loads)
					+ (rate == null ? "" : " every " + rate) + "; metered machines feed it");
		}
		Map<EObject, Node> consumers = new LinkedHashMap<>();
		line.getMachines().forEach(m -> consumers.put(m, nodes.get(m)));
		consumers.putAll(utilities);
		BackgroundProcesses.add(scene, consumers, expandProcesses);
		SupplyLegend.add(scene, line.getSite(), line.getInstruments(), "line");
		return scene;
	}

	/** Σ state power × time share in kW, or {@code null} if the machine declares no usable states. */
	static Double averagePower(Machine m) {
		double sum = 0;
		boolean any = false;
		for (StateUse s : m.getStates()) {
			Double kw = Quantities.kilowatts(s.getPower());
			Double pct = Quantities.percent(s.getShare());
			if (kw != null && pct != null) {
				sum += kw * pct / 100;
				any = true;
			}
		}
		return any ? sum : null;
	}

	// ---- energy loop -------------------------------------------------------------------------------

	private Scene loop(EnergyLoop loop) {
		Scene scene = new Scene(Scene.Type.LOOP, heading("Energy loop", loop.getName(), loop.getDescription()));
		Map<EObject, Node> nodes = new HashMap<>();
		for (Sensor s : loop.getSensors()) {
			Node n = new Node(safe(s.getName()), Node.Kind.SENSOR, s, safe(s.getName())).glyph("S").fill(SENSOR);
			n.subtitle((s.getMeasures() == null ? "measures" : s.getMeasures().getLiteral())
					+ (s.getAsset() == null ? "" : " of " + safe(s.getAsset().getName())));
			String sampling = Quantities.format(s.getSampling());
			if (sampling != null) {
				n.badge("sampled every " + sampling);
			}
			n.tooltip(s.getLocation());
			nodes.put(s, scene.add(n));
		}
		for (Controller c : loop.getControllers()) {
			Node n = new Node(safe(c.getName()), Node.Kind.CONTROLLER, c, safe(c.getName())).glyph("C")
					.fill(CONTROLLER).tooltip(c.getDescription());
			n.subtitle((c.getStrategy() == null ? "" : c.getStrategy().getLiteral() + " ") + "controller");
			for (Setpoint p : c.getSetpoints()) {
				String v = Quantities.format(p.getValue());
				n.badge("set-point " + safe(p.getName()) + (v == null ? "" : " = " + v));
			}
			nodes.put(c, scene.add(n));
		}
		for (Actuator a : loop.getActuators()) {
			Node n = new Node(safe(a.getName()), Node.Kind.ACTUATOR, a, safe(a.getName())).glyph("A").fill(ACTUATOR);
			n.subtitle(a.getKind() == null ? "actuator" : a.getKind().getLiteral());
			nodes.put(a, scene.add(n));
		}
		for (Asset a : loop.getAssets()) {
			Node n = new Node(safe(a.getName()), Node.Kind.ASSET, a, safe(a.getName())).glyph("As").fill(ASSET)
					.tooltip(a.getDescription());
			String rated = Quantities.format(a.getRatedPower());
			String kind = a.getKind() == null ? "asset" : a.getKind().getLiteral();
			n.subtitle(kind + (rated != null ? " · " + rated : "")
					+ (a.getMachine() != null ? " · machine " + safe(a.getMachine().getName()) : ""));
			for (Saving sv : loop.getSavings()) {
				if (sv.getAsset() == a) {
					n.badge("saving " + safe(sv.getName()) + ": " + Quantities.format(sv.getAmount()));
				}
			}
			nodes.put(a, scene.add(n));
		}
		int i = 0;
		int closed = 0;
		for (Controller c : loop.getControllers()) {
			Node cn = nodes.get(c);
			for (Sensor s : c.getInputs()) {
				Node sn = nodes.get(s);
				if (sn != null) {
					scene.add(new Edge("signal" + (i++) + "_" + sn.id() + "_" + cn.id(), Edge.Kind.SIGNAL, c, sn, cn));
				}
			}
			for (Actuator a : c.getOutputs()) {
				Node an = nodes.get(a);
				if (an != null) {
					scene.add(new Edge("command" + (i++) + "_" + cn.id() + "_" + an.id(), Edge.Kind.COMMAND, c, cn, an));
				}
			}
			String open = openReason(c);
			if (open == null) {
				closed++;
			} else {
				cn.flag("⚠ open loop: " + open);
				scene.problem("Open loop at controller " + cn.id() + ": " + open);
			}
		}
		for (Actuator a : loop.getActuators()) {
			Node an = nodes.get(a);
			Node target = nodes.get(a.getAsset());
			if (target != null) {
				scene.add(new Edge("action" + (i++) + "_" + an.id() + "_" + target.id(), Edge.Kind.ACTION, a, an, target));
			}
		}
		for (Sensor s : loop.getSensors()) {
			Node sn = nodes.get(s);
			Node asset = nodes.get(s.getAsset());
			if (asset != null) {
				scene.add(new Edge("feedback" + (i++) + "_" + asset.id() + "_" + sn.id(), Edge.Kind.FEEDBACK, s, asset,
						sn).label("measured"));
			}
		}
		scene.legend("Sensors → controllers → actuators → assets; dashed: feedback (the asset measured by a sensor)");
		scene.legend("Closed loops: " + closed + " of " + loop.getControllers().size()
				+ " controllers read a sensor on an asset they drive");
		return scene;
	}

	/**
	 * Why a controller's loop is not closed, or {@code null} if it is: closed means some input sensor
	 * measures an asset that some output actuator acts on.
	 */
	static String openReason(Controller c) {
		if (c.getInputs().isEmpty()) {
			return "reads no sensor";
		}
		if (c.getOutputs().isEmpty()) {
			return "drives no actuator";
		}
		for (Actuator a : c.getOutputs()) {
			for (Sensor s : c.getInputs()) {
				if (a.getAsset() != null && a.getAsset() == s.getAsset()) {
					return null;
				}
			}
		}
		return "no sensor it reads measures an asset it drives";
	}

	// ---- park --------------------------------------------------------------------------------------

	private Scene park(Park park) {
		Scene scene = new Scene(Scene.Type.PARK, heading("Park", park.getName(), park.getDescription()));
		Node hub = null;
		List<Node> sources = new ArrayList<>();
		Map<Node, Double> sourceEnergy = new HashMap<>();
		Map<Node, Double> consumerEnergy = new LinkedHashMap<>();
		Node production = null;
		for (ParkSystem system : park.getSystems()) {
			Node box = scene.add(new Node(safe(system.getName()), Node.Kind.SYSTEM, system, safe(system.getName())))
					.fill(SYSTEM).tooltip(system.getDescription());
			box.subtitle(systemLabel(system));
			if (system instanceof EnergySupplySystem supply) {
				for (EnergySource s : supply.getSources()) {
					boolean isHub = hub == null && s.getKind() == SourceKind.MICROGRID;
					Node n = box.add(new Node(safe(s.getName()), isHub ? Node.Kind.HUB : Node.Kind.SOURCE, s,
							safe(s.getName())));
					n.glyph(sourceGlyph(s.getKind())).fill(s.isClean() ? CLEAN : FOSSIL).tooltip(s.getDescription());
					String cap = Quantities.format(s.getCapacity());
					n.subtitle((s.getKind() == null ? "source" : s.getKind().getLiteral())
							+ (cap == null ? "" : " · " + cap) + (s.isClean() ? " · clean" : ""));
					Double mwh = Quantities.megawattHours(s.getAnnualEnergy());
					if (mwh != null) {
						n.badge("delivers " + Quantities.format(s.getAnnualEnergy()) + " per year");
					}
					if (isHub) {
						n.badge("distributes the park's energy");
						hub = n;
					} else if (mwh != null && mwh > 0) {
						sources.add(n);
						sourceEnergy.put(n, mwh);
					}
				}
				if (hub == null && !sources.isEmpty()) {
					hub = box.add(new Node(safe(system.getName()) + "_grid", Node.Kind.HUB, null, "Park grid"))
							.glyph("⏚").subtitle("distribution").fill(FOSSIL);
				}
			} else if (system instanceof ProductionSystem ps) {
				production = box;
				for (Line l : ps.getLines()) {
					Node n = box.add(new Node(safe(system.getName()) + "_" + safe(l.getName()), Node.Kind.LINE, l,
							safe(l.getName())));
					n.glyph("L").fill(COOL).subtitle(EquipmentFigures.machines(l.getMachines().size())).tooltip(l.getDescription());
				}
			} else if (system instanceof GenericSystem gs) {
				for (ParkItem item : gs.getItems()) {
					Node n = box.add(new Node(safe(system.getName()) + "_" + safe(item.getName()), Node.Kind.ITEM, item,
							safe(item.getName())));
					n.fill(COOL).tooltip(item.getDescription());
					if (item.getDescription() != null) {
						n.subtitle(shorten(item.getDescription(), 40));
					}
					String e = Quantities.format(item.getEnergy());
					if (e != null) {
						n.badge("uses " + e + " per year");
					}
					String em = Quantities.format(item.getEmissions());
					if (em != null) {
						n.badge("emits " + em + " per year");
					}
					String rm = Quantities.format(item.getRemovals());
					if (rm != null) {
						n.badge("removes " + rm + " per year");
					}
					EquipmentFigures.scope1(n, item.getFuels(), item.getRefrigerants(), item.getProcessEmissions());
					Double mwh = Quantities.megawattHours(item.getEnergy());
					if (mwh != null && mwh > 0) {
						consumerEnergy.put(n, mwh);
					}
				}
			}
		}
		double delivered = sourceEnergy.values().stream().mapToDouble(Double::doubleValue).sum();
		double used = consumerEnergy.values().stream().mapToDouble(Double::doubleValue).sum();
		if (production != null && delivered - used > 0) {
			consumerEnergy.put(production, delivered - used);
		}
		if (hub != null) {
			double max = 0;
			for (double v : sourceEnergy.values()) {
				max = Math.max(max, v);
			}
			for (double v : consumerEnergy.values()) {
				max = Math.max(max, v);
			}
			int i = 0;
			for (Node s : sources) {
				double v = sourceEnergy.get(s);
				scene.add(new Edge("energy" + (i++) + "_" + s.id(), Edge.Kind.ENERGY, s.element(), s, hub))
						.strokeWidth(width(v, max)).label(mwh(v));
			}
			for (Map.Entry<Node, Double> c : consumerEnergy.entrySet()) {
				Node n = c.getKey();
				String text = mwh(c.getValue()) + (n == production ? " (rest)" : "");
				scene.add(new Edge("energy" + (i++) + "_" + n.id(), Edge.Kind.ENERGY, n.element(), hub, n))
						.strokeWidth(width(c.getValue(), max)).label(text);
			}
		}
		scene.legend("Energy flows per year, widths proportional to the energy"
				+ (production != null ? "; production gets what the listed consumers leave" : ""));
		AnnualFigures a = park.getAnnual();
		if (a != null) {
			List<String> figures = new ArrayList<>();
			if (a.getEnergy() != null) {
				figures.add("energy " + Quantities.format(a.getEnergy()));
			}
			if (a.getEmissions() != null) {
				figures.add("emissions " + Quantities.format(a.getEmissions()));
			}
			if (a.getEnergy() != null && a.getEmissions() != null && a.getEnergy().getValue().signum() > 0) {
				double ratio = a.getEmissions().getValue().doubleValue() / a.getEnergy().getValue().doubleValue();
				figures.add("intensity " + Quantities.number(ratio, 2) + " " + a.getEmissions().getUnit() + "/"
						+ a.getEnergy().getUnit());
			}
			if (a.getCleanShare() != null) {
				figures.add("clean-energy share " + Quantities.format(a.getCleanShare()));
			}
			scene.legend("Indicators (annual): " + String.join(" · ", figures));
		}
		SupplyLegend.add(scene, park.getSite(), park.getInstruments(), "park");
		return scene;
	}

	private static int width(double value, double max) {
		// 2 to 24 units: thin flows stay visible, the largest does not swamp its neighbours.
		return max <= 0 ? 2 : (int) Math.max(2, Math.round(24 * value / max));
	}

	private static String mwh(double value) {
		return Quantities.number(value, 0) + " MWh";
	}

	private static String systemLabel(ParkSystem system) {
		if (system instanceof EnergySupplySystem) {
			return "energy supply";
		}
		if (system instanceof ProductionSystem) {
			return "production";
		}
		if (system instanceof GenericSystem g && g.getKind() != null) {
			return g.getKind().getLiteral();
		}
		return "system";
	}

	private static String sourceGlyph(SourceKind kind) {
		if (kind == null) {
			return "?";
		}
		return switch (kind) {
		case GRID -> "G";
		case PV -> "PV";
		case WIND -> "W";
		case STORAGE -> "B";
		case GREEN_DIRECT -> "GD";
		case MICROGRID -> "MG";
		case CHP -> "CHP";
		};
	}

	/**
	 * Thick energy edges need room side by side where they meet a node; otherwise ELK stacks them on one
	 * another. A node grows to the sum of the widths on its busier side plus a gap per edge.
	 */
	private static void tallEnoughForEdges(Scene scene) {
		Map<Node, Integer> in = new HashMap<>();
		Map<Node, Integer> out = new HashMap<>();
		for (Edge e : scene.edges()) {
			out.merge(e.source(), e.strokeWidth() + 10, Integer::sum);
			in.merge(e.target(), e.strokeWidth() + 10, Integer::sum);
		}
		for (Node n : scene.nodes()) {
			if (!n.isCompartment()) {
				int need = Math.max(in.getOrDefault(n, 0), out.getOrDefault(n, 0)) + 10;
				if (need > n.height()) {
					n.size(n.width(), need);
				}
			}
		}
	}

	// ---- shared ------------------------------------------------------------------------------------

	private static String heading(String type, String name, String description) {
		return type + " " + safe(name) + (description == null || description.isEmpty() ? "" : " — " + description);
	}

	static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
	}

	private static String safe(String name) {
		return name == null ? "(unnamed)" : name;
	}
}
