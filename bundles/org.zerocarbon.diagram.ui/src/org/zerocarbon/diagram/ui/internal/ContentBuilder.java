package org.zerocarbon.diagram.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.util.ITextRegion;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Figure;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.lang.ui.edit.ModelElementRef;
import org.zerocarbon.lang.ui.internal.ModelSession;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.FunctionalUnit;
import org.zerocarbon.model.zc.FunctionalUnitKind;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Injector;

/**
 * Draws a parsed model file on the language thread: finds the file's diagrams, builds and lays out the one asked
 * for with the user's pins, and records what the UI needs to know about each figure's element. One builder serves
 * one editor and is confined to the language thread: it keeps the last layout and reuses it when a redraw has the
 * same geometry.
 */
final class ContentBuilder {

	private final IQualifiedNameProvider names;
	private final ILocationInFileProvider locations;
	private final IFile file;
	// The last drawing and what its layout depended on (SceneLayout.layoutKey).
	private String lastKey;
	private Scene lastScene;
	private boolean expandProcesses;

	/** @param file the workspace file drawn, for the selection's element references */
	ContentBuilder(Injector injector, IFile file) {
		this.names = injector.getInstance(IQualifiedNameProvider.class);
		this.locations = injector.getInstance(ILocationInFileProvider.class);
		this.file = file;
	}

	/** Whether line diagrams draw each background process (see {@link SceneBuilder#backgroundProcesses}). */
	ContentBuilder backgroundProcesses(boolean expanded) {
		expandProcesses = expanded;
		return this;
	}

	/**
	 * The drawing of a resource.
	 *
	 * @param resource the parsed file
	 * @param wanted   the key of the diagram to draw; the first one if it is {@code null} or gone
	 * @param allPins  every diagram's pins by diagram key, each by {@link ElementInfo#pinKey()}
	 * @param version  the document version the resource was parsed from
	 */
	DiagramContent build(Resource resource, String wanted, Map<String, Map<String, Position>> allPins, long version) {
		return build(resource, wanted, allPins, Map.of(), version);
	}

	/**
	 * The drawing of a resource, with the footprints of its lines (the last build's) on their machines.
	 *
	 * @param footprints footprint results by the qualified name of their line or park
	 */
	DiagramContent build(Resource resource, String wanted, Map<String, Map<String, Position>> allPins,
			Map<String, FootprintResult> footprints, long version) {
		List<DiagramContent.Subject> subjects = new ArrayList<>();
		List<EObject> elements = new ArrayList<>();
		if (!resource.getContents().isEmpty() && resource.getContents().get(0) instanceof ZcModel model) {
			for (EObject element : model.getElements()) {
				if (SceneBuilder.supports(element)) {
					subjects.add(subject(resource, element));
					elements.add(element);
				}
			}
		}
		if (subjects.isEmpty()) {
			return new DiagramContent(List.of(), null, null, Map.of(), version);
		}
		int index = 0;
		for (int i = 0; i < subjects.size(); i++) {
			if (subjects.get(i).key().equals(wanted)) {
				index = i;
			}
		}
		SceneBuilder builder = new SceneBuilder().backgroundProcesses(expandProcesses);
		FootprintResult footprint = footprints.get(subjects.get(index).key());
		if (footprint != null && elements.get(index) instanceof Line line) {
			builder.footprints(perMachineHour(line, footprint));
		}
		Scene scene = builder.build(elements.get(index));
		Map<String, ElementInfo> infos = new HashMap<>();
		for (Node n : scene.nodes()) {
			infos.put(n.id(), info(resource, n));
		}
		for (Edge e : scene.edges()) {
			infos.put(e.id(), info(resource, e));
		}
		Map<String, Position> pins = allPins.getOrDefault(subjects.get(index).key(), Map.of());
		Map<String, Position> byNode = new HashMap<>();
		for (ElementInfo info : infos.values()) {
			Position pin = pins.get(info.pinKey());
			if (pin != null) {
				byNode.put(info.figureId(), pin);
			}
		}
		String key = SceneLayout.layoutKey(scene, byNode);
		if (key.equals(lastKey)) {
			// The change did not touch the geometry (a description, a comment, a figure of the same width): keep
			// the layout, without ELK; the language thread is shared with the text editor.
			SceneLayout.copyLayout(lastScene, scene);
		} else {
			SceneLayout.layout(scene, byNode);
		}
		lastKey = key;
		lastScene = scene;
		return new DiagramContent(List.copyOf(subjects), subjects.get(index), scene, Map.copyOf(infos), version);
	}

	private DiagramContent.Subject subject(Resource resource, EObject element) {
		String fragment = resource.getURIFragment(element);
		QualifiedName qn = names.getFullyQualifiedName(element);
		String kind = element instanceof Line ? "Line" : element instanceof EnergyLoop ? "Loop" : "Park";
		Scene.Type type = element instanceof Line ? Scene.Type.LINE
				: element instanceof EnergyLoop ? Scene.Type.LOOP : Scene.Type.PARK;
		String name = nameOf(element);
		return new DiagramContent.Subject(qn != null ? qn.toString() : fragment, kind + " " + (name == null ? "(unnamed)" : name),
				type, fragment);
	}

	private ElementInfo info(Resource resource, Figure figure) {
		EObject element = figure.element();
		if (element == null || element.eResource() == null) {
			return new ElementInfo(figure.id(), null, null, null, null, -1, 0, -1, 0, null, null);
		}
		ITextRegion name = locations.getSignificantTextRegion(element);
		if (element.eResource() != resource) {
			// A background process of a library file, a line of a park: opened there, never edited from this diagram;
			// pinned by figure id, as they always were.
			IFile other = ModelSession.fileOf(element.eResource().getURI());
			return new ElementInfo(figure.id(), null, null, null, element.eClass().getName(), -1, 0, -1, 0, null,
					other == null || name == null ? null : new ElementInfo.Definition(other, name.getOffset(), name.getLength()));
		}
		QualifiedName qn = names.getFullyQualifiedName(element);
		ICompositeNode node = NodeModelUtils.findActualNodeFor(element);
		return new ElementInfo(figure.id(), resource.getURIFragment(element), qn == null ? null : qn.toString(),
				nameOf(element), element.eClass().getName(), node == null ? -1 : node.getOffset(),
				node == null ? 0 : node.getLength(), name == null ? -1 : name.getOffset(),
				name == null ? 0 : name.getLength(), ModelElementRef.of(file, element), null);
	}

	/**
	 * Each machine's kg CO2e per machine-hour: its footprint (A–C, shared utilities included) over the hours it
	 * runs in the assessed period, which is the methodology's machine-hour functional unit divided by the number
	 * of machines (the engine counts machine-hours as hours × life × machines). Empty if the methodology has no
	 * machine-hour unit or the result does not cover the line's machines.
	 */
	static Map<String, Double> perMachineHour(Line line, FootprintResult result) {
		Set<String> machineHourUnits = new HashSet<>();
		for (Resource r : line.eResource().getResourceSet().getResources()) {
			for (EObject root : r.getContents()) {
				if (root instanceof ZcModel model) {
					for (EObject element : model.getElements()) {
						if (element instanceof Methodology m) {
							for (FunctionalUnit unit : m.getFunctionalUnits()) {
								if (unit.getKind() == FunctionalUnitKind.MACHINE_HOUR) {
									machineHourUnits.add(unit.getName());
								}
							}
						}
					}
				}
			}
		}
		List<FootprintResult.Equipment> machines = result.equipment().stream().filter(e -> "machine".equals(e.kind())).toList();
		double machineHours = result.functionalUnits().stream().filter(u -> machineHourUnits.contains(u.name()))
				.mapToDouble(FootprintResult.FunctionalUnitResult::amount).findFirst().orElse(0);
		if (machineHours <= 0 || machines.isEmpty()) {
			return Map.of();
		}
		double hoursPerMachine = machineHours / machines.size();
		Map<String, Double> perHour = new HashMap<>();
		for (FootprintResult.Equipment e : machines) {
			String name = e.element().substring(e.element().lastIndexOf('.') + 1);
			perHour.put(name, e.kgCO2e() / hoursPerMachine);
		}
		return perHour;
	}

	static String nameOf(EObject element) {
		EStructuralFeature feature = element.eClass().getEStructuralFeature("name");
		return feature != null && element.eGet(feature) instanceof String s ? s : null;
	}
}
