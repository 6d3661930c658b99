package org.zerocarbon.diagram.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ui.internal.BackgroundProcessesAction;
import org.zerocarbon.diagram.ui.internal.DiagramCanvas;
import org.zerocarbon.diagram.ui.internal.DiagramContent;
import org.zerocarbon.diagram.ui.internal.DiagramModel;
import org.zerocarbon.diagram.ui.internal.ElementInfo;
import org.zerocarbon.diagram.ui.internal.PaletteTool;
import org.zerocarbon.diagram.ui.internal.PinOperation;
import org.zerocarbon.diagram.ui.internal.SemanticEdits;

/**
 * The diagram editor's gestures turned into edits: the canvas's requests (create, connect, rename, delete, move)
 * become model edits written back into the text, or pins of the layout sidecar, each one undoable step of the
 * file's history.
 */
final class EditorEdits {

	private final DiagramEditor editor;

	EditorEdits(DiagramEditor editor) {
		this.editor = editor;
	}

	/** The canvas's requests, passed on to the edits and the editor. */
	final class CanvasHandler implements DiagramCanvas.Handler {
		@Override
		public void selected(List<String> ids) {
			editor.selectionProvider.fire();
		}

		@Override
		public void moved(Map<String, Position> topLeft) {
			move(topLeft);
		}

		@Override
		public void create(PaletteTool tool, int x, int y, String on) {
			EditorEdits.this.create(tool, on);
		}

		@Override
		public void connect(PaletteTool tool, String source, String target) {
			EditorEdits.this.connect(tool, source, target);
		}

		@Override
		public void rename(String id, String name) {
			EditorEdits.this.rename(id, name);
		}

		@Override
		public void delete() {
			deleteSelection();
		}

		@Override
		public void open(String id) {
			editor.showInText(id);
		}

		@Override
		public void toolDone() {
			editor.palette.select(PaletteTool.SELECT);
		}

		@Override
		public void status(String message) {
			editor.status(message);
		}

		@Override
		public void zoomed(boolean fit) {
			editor.statusLine.zoomed(fit);
		}
	}

	/** Pins the moved nodes where they were dropped (relative to their compartment), undoably. */
	private void move(Map<String, Position> topLeft) {
		if (editor.content == null || editor.subjectKey == null) {
			return;
		}
		Map<String, Position> before = editor.sidecar.pins(editor.subjectKey);
		Map<String, Position> after = new HashMap<>(before);
		List<String> names = new ArrayList<>();
		topLeft.forEach((id, p) -> editor.content.scene().node(id).ifPresent(n -> {
			ElementInfo info = editor.content.info(id);
			Node parent = n.parent();
			Position pin = parent == null ? p : new Position(p.x() - parent.x(), p.y() - parent.y());
			after.put(info.pinKey(), pin);
			names.add(n.title());
		}));
		String label = names.size() == 1 ? "Move " + names.get(0) : "Move " + names.size() + " nodes";
		execute(new PinOperation(label, editor.undoContext, editor.sidecar, editor.subjectKey, before, after, editor::redraw));
	}

	/** Clears the shown diagram's pins: every node goes back to the automatic layout. Undoable. */
	void relayout() {
		if (editor.subjectKey == null) {
			return;
		}
		editor.canvas.tooltip().hide(); // its figure is about to move
		Map<String, Position> before = editor.sidecar.pins(editor.subjectKey);
		if (before.isEmpty()) {
			editor.status("Nothing is pinned: the diagram is laid out automatically already.");
			editor.redraw();
			return;
		}
		execute(new PinOperation("Re-layout", editor.undoContext, editor.sidecar, editor.subjectKey, before, Map.of(), editor::redraw));
	}

	private void execute(org.eclipse.core.commands.operations.IUndoableOperation operation) {
		try {
			editor.history().execute(operation, null, null);
		} catch (org.eclipse.core.commands.ExecutionException e) {
			editor.error(operation.getLabel(), e.getMessage());
		}
	}

	private void create(PaletteTool tool, String on) {
		DiagramContent.Subject subject = editor.content.subject();
		SemanticEdits.Edit edit = switch (tool) {
		case MACHINE -> SemanticEdits.addMachine(subject.fragment());
		case METER -> SemanticEdits.addMeter(fragment(on));
		case ASSET -> SemanticEdits.addAsset(subject.fragment());
		case SENSOR -> SemanticEdits.addSensor(subject.fragment(), on == null ? null : fragment(on));
		case ACTUATOR -> SemanticEdits.addActuator(fragment(on));
		default -> null;
		};
		if (edit != null) {
			apply(edit, tool != PaletteTool.METER);
		}
	}

	private void connect(PaletteTool tool, String source, String target) {
		String s = fragment(source);
		String t = fragment(target);
		SemanticEdits.Edit edit = switch (tool) {
		case FLOW -> SemanticEdits.addFlow(s, t);
		case CONTROLLER -> SemanticEdits.addController(s, t);
		case FEEDBACK -> SemanticEdits.measure(s, t);
		case CONNECTION -> {
			Node.Kind from = editor.content.scene().node(source).orElseThrow().kind();
			yield switch (from) {
			case SENSOR -> SemanticEdits.connect(t, s, true);
			case CONTROLLER -> SemanticEdits.connect(s, t, false);
			default -> SemanticEdits.control(s, t);
			};
		}
		default -> null;
		};
		if (edit != null) {
			apply(edit, tool == PaletteTool.CONTROLLER);
		}
	}

	private void rename(String id, String name) {
		String problem = SemanticEdits.checkName(name);
		if (problem != null) {
			editor.error("Rename", problem);
			return;
		}
		ElementInfo info = editor.content.info(id);
		if (info == null || !info.hasElement()) {
			return;
		}
		SemanticEdits.Edit edit = SemanticEdits.rename(info.fragment(), name);
		// Keep the node where the user put it: its pin moves to the new qualified name.
		String oldKey = info.pinKey();
		apply(edit, true).thenRun(() -> editor.asyncExec(() -> movePin(oldKey, name)));
	}

	private void movePin(String oldKey, String newName) {
		Map<String, Position> pins = editor.sidecar.pins(editor.subjectKey);
		Position pin = pins.remove(oldKey);
		if (pin == null) {
			return;
		}
		int dot = oldKey.lastIndexOf('.');
		pins.put(dot < 0 ? newName : oldKey.substring(0, dot + 1) + newName, pin);
		editor.sidecar.setPins(editor.subjectKey, pins);
		try {
			editor.sidecar.write();
		} catch (IOException e) {
			editor.status("Cannot store the diagram layout: " + e.getMessage());
		}
		editor.redraw();
	}

	/** Deletes the selected figures' elements (and what cannot exist without them). */
	void deleteSelection() {
		if (editor.content == null || editor.content.scene() == null || editor.canvas.selection().isEmpty()) {
			return;
		}
		List<SemanticEdits.Target> targets = new ArrayList<>();
		for (String id : editor.canvas.selection()) {
			String refusal = addTarget(id, targets);
			if (refusal != null) {
				editor.error("Delete", refusal);
				return;
			}
		}
		if (!targets.isEmpty()) {
			editor.canvas.tooltip().hide(); // its figure is about to go
			editor.canvas.select(List.of());
			apply(SemanticEdits.delete(targets), false);
		}
	}

	/** Adds what deleting a figure means; returns why it cannot be deleted, or {@code null}. */
	private String addTarget(String id, List<SemanticEdits.Target> targets) {
		ElementInfo info = editor.content.info(id);
		java.util.Optional<Edge> edge = editor.content.scene().edges().stream().filter(e -> e.id().equals(id)).findFirst();
		if (edge.isEmpty()) {
			Node.Kind kind = editor.content.scene().node(id).map(Node::kind).orElse(null);
			if (kind == Node.Kind.PROCESS || kind == Node.Kind.PROCESSES) {
				return BackgroundProcessesAction.NOT_DELETED;
			}
			if (info == null || !info.hasElement()) {
				return "This box is drawn from the model's figures and is not an element of the text.";
			}
			targets.add(new SemanticEdits.ElementTarget(info.fragment()));
			return null;
		}
		Edge e = edge.get();
		String source = fragment(e.source().id());
		String target = fragment(e.target().id());
		return switch (e.kind()) {
		case MATERIAL -> add(targets, new SemanticEdits.ElementTarget(info.fragment()));
		case SIGNAL -> add(targets, new SemanticEdits.ListReference(target, true, source));
		case COMMAND -> add(targets, new SemanticEdits.ListReference(source, false, target));
		case FEEDBACK -> add(targets, new SemanticEdits.SensorAsset(target));
		case ACTION -> "An actuator controls exactly one asset. Connect it to another asset instead, or delete the actuator.";
		case ENERGY -> editor.content.subject().type() == Scene.Type.LINE && info != null && info.hasElement()
				? add(targets, new SemanticEdits.ElementTarget(info.fragment())) // a utility's supply of a machine
				: "Energy flows are computed from the park's sources and consumers. Change their figures in the text.";
		case PROVIDES -> BackgroundProcessesAction.NOT_DELETED;
		};
	}

	private static String add(List<SemanticEdits.Target> targets, SemanticEdits.Target target) {
		targets.add(target);
		return null;
	}

	private String fragment(String figureId) {
		ElementInfo info = editor.content.info(figureId);
		return info == null ? null : info.fragment();
	}

	/** Runs a model edit; afterwards selects the created element (if asked) and reports what else happened. */
	private CompletableFuture<?> apply(SemanticEdits.Edit edit, boolean selectCreated) {
		editor.lastProblem = null;
		CompletableFuture<?> done = editor.model.modify(edit);
		editor.track(done);
		return done.whenComplete((result, failure) -> editor.asyncExec(() -> {
			if (failure != null) {
				editor.error(edit.label(), DiagramModel.message(failure));
				return;
			}
			if (selectCreated && edit.outcome().created() != null) {
				editor.selectAfterRedraw = edit.outcome().created();
				editor.scheduleRedraw();
			}
			List<String> notes = edit.outcome().notes();
			editor.status(notes.isEmpty() ? edit.label() + ": done." : edit.label() + ": also deleted " + String.join(", ", notes) + ".");
		}));
	}
}
