package org.zerocarbon.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.zerocarbon.model.zc.DirectEmission;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.Quantity;

/**
 * The user-defined {@link Process}es a line's machines and utilities use (wherever they may use a factor:
 * materials, transports, consumables, end of life, credits, fuels, refrigerants, process emissions), and,
 * transitively, the processes those take inputs from. Plain emission factors are not drawn.
 * <p>
 * Collapsed (the default), one synthetic node "Background processes" names the largest few (by how many of the
 * line's machines and utilities depend on them) with an edge to each machine or utility that uses one. Expanded,
 * every process is a node with its reference output, and edges run from provider to consumer: process → machine
 * or utility (labelled with what it uses), process → process (labelled with the input amount). Loops between
 * processes stay loops; ELK layered breaks them for layering and routes the reversed edges back.
 */
final class BackgroundProcesses {

	/** Fill of process nodes. */
	static final Rgb FILL = new Rgb(0xf7, 0xf0, 0xe3);
	/** The id of the collapsed node. */
	static final String COLLAPSED_ID = "background_processes";
	/** How many processes the collapsed node names. */
	static final int NAMED = 4;

	/** A direct use: the activity (a material, a fuel ...) of a consumer that draws on a process. */
	private record Use(EObject consumer, EObject activity) {
	}

	private BackgroundProcesses() {
	}

	/**
	 * Adds the processes the consumers use to the scene, with their edges and a legend line; nothing if they use
	 * none.
	 *
	 * @param scene     the line's scene
	 * @param consumers the machines and utilities drawn, with their nodes, in drawing order
	 * @param expanded  one node per process instead of one summary node
	 */
	static void add(Scene scene, Map<? extends EObject, Node> consumers, boolean expanded) {
		Map<Process, List<Use>> direct = new LinkedHashMap<>();
		for (EObject consumer : consumers.keySet()) {
			collect(consumer, consumer, direct);
			for (var it = consumer.eAllContents(); it.hasNext();) {
				collect(consumer, it.next(), direct);
			}
		}
		if (direct.isEmpty()) {
			return;
		}
		Set<Process> all = upstream(direct.keySet());
		if (expanded) {
			expanded(scene, consumers, direct, all);
		} else {
			collapsed(scene, consumers, direct, all);
		}
	}

	private static void collect(EObject consumer, EObject activity, Map<Process, List<Use>> into) {
		for (EObject target : activity.eCrossReferences()) {
			if (target instanceof Process p && !p.eIsProxy()) {
				List<Use> uses = into.computeIfAbsent(p, k -> new ArrayList<>());
				uses.add(new Use(consumer, activity));
			}
		}
	}

	/** The given processes and every process reached through their inputs, breadth first. */
	private static Set<Process> upstream(Set<Process> start) {
		Set<Process> all = new LinkedHashSet<>(start);
		Deque<Process> queue = new ArrayDeque<>(start);
		while (!queue.isEmpty()) {
			for (Process input : inputs(queue.poll())) {
				if (all.add(input)) {
					queue.add(input);
				}
			}
		}
		return all;
	}

	/** The processes a process takes inputs from (resolved ones), in text order, without repeats. */
	private static Set<Process> inputs(Process p) {
		Set<Process> found = new LinkedHashSet<>();
		for (ProcessInput in : p.getInputs()) {
			if (in.getProvider() instanceof Process q && !q.eIsProxy()) {
				found.add(q);
			}
		}
		return found;
	}

	private static void collapsed(Scene scene, Map<? extends EObject, Node> consumers, Map<Process, List<Use>> direct,
			Set<Process> all) {
		Node n = scene.add(new Node(COLLAPSED_ID, Node.Kind.PROCESSES, null, "Background processes"));
		n.glyph("P").fill(FILL);
		n.subtitle(all.size() + (all.size() == 1 ? " user-defined process" : " user-defined processes")
				+ ", collapsed");
		Map<Process, Integer> users = users(direct, all);
		List<Process> largest = all.stream()
				.sorted(Comparator.comparingInt((Process p) -> -users.get(p))).limit(NAMED).toList();
		for (Process p : largest) {
			int count = users.get(p);
			String output = output(p);
			n.badge(safe(p.getName()) + (output == null ? "" : " (" + output + ")") + " · " + count
					+ (count == 1 ? " user" : " users"));
		}
		if (all.size() > NAMED) {
			n.badge("+ " + (all.size() - NAMED) + " more");
		}
		n.tooltip("Processes the line uses, directly or through other processes' inputs: "
				+ all.stream().map(p -> safe(p.getName())).collect(Collectors.joining(", ")));
		// One edge per machine or utility using a process, labelled with the processes it uses.
		Map<EObject, Set<String>> byConsumer = new LinkedHashMap<>();
		for (EObject consumer : consumers.keySet()) {
			for (Map.Entry<Process, List<Use>> d : direct.entrySet()) {
				for (Use u : d.getValue()) {
					if (u.consumer() == consumer) {
						byConsumer.computeIfAbsent(consumer, k -> new LinkedHashSet<>()).add(safe(d.getKey().getName()));
					}
				}
			}
		}
		int i = 0;
		for (Map.Entry<EObject, Set<String>> c : byConsumer.entrySet()) {
			Node target = consumers.get(c.getKey());
			scene.add(new Edge("process" + (i++) + "_" + n.id() + "_" + target.id(), Edge.Kind.PROVIDES, null, n, target))
					.label(few(new ArrayList<>(c.getValue())));
		}
		scene.legend("Background processes (collapsed): " + all.size() + " user-defined "
				+ (all.size() == 1 ? "process" : "processes") + " the machines and utilities use; "
				+ "expand them to see each process, its inputs and loops");
	}

	private static void expanded(Scene scene, Map<? extends EObject, Node> consumers, Map<Process, List<Use>> direct,
			Set<Process> all) {
		Set<String> ids = new java.util.HashSet<>();
		for (Node n : scene.nodes()) {
			ids.add(n.id());
		}
		Map<Process, Node> nodes = new HashMap<>();
		for (Process p : all) {
			String id = "process_" + safe(p.getName());
			for (int k = 2; !ids.add(id); k++) {
				id = "process_" + safe(p.getName()) + "_" + k;
			}
			Node n = scene.add(new Node(id, Node.Kind.PROCESS, p, safe(p.getName())));
			n.glyph("P").fill(FILL).tooltip(p.getDescription());
			String output = output(p);
			n.subtitle("process" + (output == null ? "" : " · output " + output));
			int fromProcesses = inputs(p).size();
			int count = p.getInputs().size();
			if (count > 0) {
				n.badge(count + (count == 1 ? " input" : " inputs") + (fromProcesses == 0 ? ""
						: fromProcesses == count ? (count == 1 ? ", from a process" : ", all from processes")
						: ", " + fromProcesses + (fromProcesses == 1 ? " from a process" : " from processes")));
			}
			for (DirectEmission e : p.getEmissions()) {
				String amount = Quantities.format(e.getAmount());
				if (amount != null) {
					n.badge("emits " + amount + (e.getPart() == null ? "" : " " + e.getPart().getLiteral()));
				}
			}
			if (p.getSource() != null) {
				n.badge(SceneBuilder.shorten(p.getSource(), 40));
			}
			nodes.put(p, n);
		}
		int i = 0;
		for (Map.Entry<Process, List<Use>> d : direct.entrySet()) {
			Node source = nodes.get(d.getKey());
			Map<EObject, List<String>> amounts = new LinkedHashMap<>();
			Map<EObject, EObject> first = new HashMap<>();
			for (Use u : d.getValue()) {
				amounts.computeIfAbsent(u.consumer(), k -> new ArrayList<>()).add(activity(u.activity()));
				first.putIfAbsent(u.consumer(), u.activity());
			}
			for (Map.Entry<EObject, List<String>> c : amounts.entrySet()) {
				Node target = consumers.get(c.getKey());
				scene.add(new Edge("process" + (i++) + "_" + source.id() + "_" + target.id(), Edge.Kind.PROVIDES,
						first.get(c.getKey()), source, target)).label(few(c.getValue()));
			}
		}
		for (Process p : all) {
			Node target = nodes.get(p);
			for (ProcessInput in : p.getInputs()) {
				if (in.getProvider() instanceof Process q && nodes.containsKey(q)) {
					Edge e = scene.add(new Edge("process" + (i++) + "_" + nodes.get(q).id() + "_" + target.id(),
							Edge.Kind.PROVIDES, in, nodes.get(q), target));
					String amount = Quantities.format(in.getAmount());
					if (amount != null) {
						e.label(amount);
					}
				}
			}
		}
		scene.legend("Background processes: brown arrows run from a process to what uses it (a machine, a utility "
				+ "or another process's input) with the amount; loops between processes are solved exactly");
	}

	/** For how many of the line's machines and utilities each process matters, directly or through inputs. */
	private static Map<Process, Integer> users(Map<Process, List<Use>> direct, Set<Process> all) {
		Map<Process, Set<EObject>> users = new HashMap<>();
		for (Process p : all) {
			users.put(p, new java.util.HashSet<>());
		}
		for (Map.Entry<Process, List<Use>> d : direct.entrySet()) {
			Set<EObject> consumers = d.getValue().stream().map(Use::consumer).collect(Collectors.toSet());
			// Everything upstream of a directly used process serves the same consumers.
			for (Process q : upstream(Set.of(d.getKey()))) {
				users.get(q).addAll(consumers);
			}
		}
		Map<Process, Integer> counts = new HashMap<>();
		users.forEach((p, s) -> counts.put(p, s.size()));
		return counts;
	}

	/** What an activity draws: "material 10 kg", "fuel 1800 m3". */
	private static String activity(EObject activity) {
		String kind = switch (activity.eClass().getName()) {
		case "MaterialUse" -> "material";
		case "ProcessEmission" -> "emission";
		case "EndOfLife" -> "end of life";
		default -> activity.eClass().getName().toLowerCase(java.util.Locale.ROOT);
		};
		for (String name : new String[] { "mass", "amount", "charge" }) {
			EStructuralFeature f = activity.eClass().getEStructuralFeature(name);
			if (f != null && activity.eGet(f) instanceof Quantity q && Quantities.format(q) != null) {
				return kind + " " + Quantities.format(q);
			}
		}
		return kind;
	}

	private static String output(Process p) {
		return p.getOutput() == null ? null : Quantities.format(p.getOutput().getAmount());
	}

	/** The first two texts, and how many more. */
	private static String few(List<String> texts) {
		String shown = String.join(", ", texts.subList(0, Math.min(2, texts.size())));
		return texts.size() > 2 ? shown + " + " + (texts.size() - 2) + " more" : shown;
	}

	private static String safe(String name) {
		return name == null ? "(unnamed)" : name;
	}
}
