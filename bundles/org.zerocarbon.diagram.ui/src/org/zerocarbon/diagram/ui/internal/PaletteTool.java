package org.zerocarbon.diagram.ui.internal;

import java.util.Arrays;
import java.util.List;

import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Scene;

/**
 * The tools of the diagram palette: what each creates or connects, on which diagram, and which nodes it accepts.
 * The rules are the grammar's: a meter belongs to a machine, an actuator controls exactly one asset, a controller
 * reads at least one sensor and drives at least one actuator (so it is created between the two).
 */
public enum PaletteTool {

	/** Selects, moves, opens and renames. */
	SELECT("Select", "S", "Select, move (drag), rename (F2 or double-click on the name)", Mode.SELECT, null, null),
	/** A new machine in the line. */
	MACHINE("Machine", "M", "Click in the diagram to add a machine to the line", Mode.CREATE, Scene.Type.LINE, null),
	/** A new meter on a machine. */
	METER("Meter", "Me", "Click a machine to add a meter to it", Mode.CREATE_ON, Scene.Type.LINE, Node.Kind.MACHINE),
	/** A material flow between two machines. */
	FLOW("Material flow", "→", "Drag from the machine the material leaves to the machine it goes to", Mode.CONNECT,
			Scene.Type.LINE, Node.Kind.MACHINE),
	/** A new asset of an energy loop. */
	ASSET("Asset", "As", "Click in the diagram to add a controlled asset to the loop", Mode.CREATE, Scene.Type.LOOP,
			null),
	/** A new sensor, optionally on an asset. */
	SENSOR("Sensor", "S", "Click in the diagram to add a sensor, or click an asset to add a sensor measuring it",
			Mode.CREATE, Scene.Type.LOOP, null),
	/** A new controller reading a sensor and driving an actuator. */
	CONTROLLER("Controller", "C", "Drag from a sensor to an actuator: the new controller reads the one and drives the other",
			Mode.CONNECT, Scene.Type.LOOP, Node.Kind.SENSOR),
	/** A new actuator controlling an asset. */
	ACTUATOR("Actuator", "A", "Click the asset the new actuator controls", Mode.CREATE_ON, Scene.Type.LOOP,
			Node.Kind.ASSET),
	/** A signal, command or action edge of a loop, by the kinds of its ends. */
	CONNECTION("Connection", "→", "Drag sensor → controller (reads), controller → actuator (drives) or actuator → asset (controls)",
			Mode.CONNECT, Scene.Type.LOOP, null),
	/** The feedback edge: an asset measured by a sensor. */
	FEEDBACK("Feedback", "↺", "Drag from an asset to the sensor that measures it: the edge that closes the loop",
			Mode.CONNECT, Scene.Type.LOOP, Node.Kind.ASSET);

	/** How a tool uses the mouse. */
	public enum Mode {
		/** The selection tool. */
		SELECT,
		/** One click on the background (or on a node it accepts). */
		CREATE,
		/** One click on a node of the accepted kind. */
		CREATE_ON,
		/** From a source node to a target node: drag, or click both. */
		CONNECT
	}

	private final String label;
	private final String glyph;
	private final String help;
	private final Mode mode;
	private final Scene.Type diagram;
	private final Node.Kind first;

	PaletteTool(String label, String glyph, String help, Mode mode, Scene.Type diagram, Node.Kind first) {
		this.label = label;
		this.glyph = glyph;
		this.help = help;
		this.mode = mode;
		this.diagram = diagram;
		this.first = first;
	}

	/** The palette label. */
	public String label() {
		return label;
	}

	/** The letters of the palette icon (the nodes' glyphs). */
	public String glyph() {
		return glyph;
	}

	/** The tooltip: what to click. */
	public String help() {
		return help;
	}

	/** How the tool uses the mouse. */
	public Mode mode() {
		return mode;
	}

	/** The tools of a diagram type, the selection tool first. */
	public static List<PaletteTool> of(Scene.Type type) {
		return Arrays.stream(values()).filter(t -> t.diagram == null || t.diagram == type).toList();
	}

	/** Whether a click (CREATE, CREATE_ON) or the start of a connection (CONNECT) may be on this node. */
	public boolean acceptsFirst(Node node) {
		return switch (mode) {
		case SELECT -> true;
		case CREATE -> this == SENSOR ? node.kind() == Node.Kind.ASSET : false;
		case CREATE_ON -> node.kind() == first;
		case CONNECT -> this == CONNECTION ? connectionKind(node.kind(), null) != null : node.kind() == first;
		};
	}

	/** Whether a connection from {@code source} may end at {@code target}. */
	public boolean acceptsSecond(Node source, Node target) {
		if (mode != Mode.CONNECT || source == target) {
			return false;
		}
		return switch (this) {
		case FLOW -> target.kind() == Node.Kind.MACHINE;
		case CONTROLLER -> target.kind() == Node.Kind.ACTUATOR;
		case FEEDBACK -> target.kind() == Node.Kind.SENSOR;
		case CONNECTION -> connectionKind(source.kind(), target.kind()) != null;
		default -> false;
		};
	}

	/**
	 * What a loop connection between two kinds of node means: "reads", "drives" or "controls"; {@code null} if
	 * nothing. With {@code target == null}: whether anything can start at the source.
	 */
	public static String connectionKind(Node.Kind source, Node.Kind target) {
		if (source == Node.Kind.SENSOR && (target == null || target == Node.Kind.CONTROLLER)) {
			return "reads";
		}
		if (source == Node.Kind.CONTROLLER && (target == null || target == Node.Kind.ACTUATOR)) {
			return "drives";
		}
		if (source == Node.Kind.ACTUATOR && (target == null || target == Node.Kind.ASSET)) {
			return "controls";
		}
		return null;
	}
}
