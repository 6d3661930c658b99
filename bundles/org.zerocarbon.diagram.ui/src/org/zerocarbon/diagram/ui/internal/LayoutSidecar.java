package org.zerocarbon.diagram.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.report.ReportWriter;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The positions a user pinned in the diagrams of one model file, kept in a hidden sidecar next to it
 * ({@code cell.zc} → {@code .cell.zc.layout}) so that the model text stays free of layout and its diffs clean.
 * <p>
 * The file is small JSON, keyed by qualified names so that it survives edits elsewhere in the model:
 *
 * <pre>
 * { "format": "zerocarbon-layout-1",
 *   "diagrams": { "housing.Cell": { "housing.Cell.TC1": { "x": 120, "y": 80 } } } }
 * </pre>
 *
 * A position is a node's top-left corner in diagram units, relative to its compartment for nested nodes. Keys in
 * sorted order make the output deterministic. A missing, unreadable or corrupt sidecar means "nothing pinned"
 * (with a warning in the log): the layout is only a convenience and never stops a diagram from opening. Writes
 * go to a temporary file that is then moved over the sidecar, so a crash never leaves half a file; a file
 * without pins is deleted.
 */
public final class LayoutSidecar {

	/** The format tag written into every sidecar. */
	public static final String FORMAT = "zerocarbon-layout-1";

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	private final IFile sidecar;
	private final Map<String, Map<String, Position>> diagrams = new TreeMap<>();

	private LayoutSidecar(IFile sidecar) {
		this.sidecar = sidecar;
	}

	/** The sidecar of a model file: a hidden file next to it. */
	public static IFile of(IFile model) {
		IContainer folder = model.getParent();
		return folder.getFile(IPath.fromOSString("." + model.getName() + ".layout"));
	}

	/** Reads the sidecar of a model file; never fails (see the class comment). */
	public static LayoutSidecar read(IFile model) {
		LayoutSidecar result = new LayoutSidecar(of(model));
		Path path = result.path();
		if (path == null || !Files.isRegularFile(path)) {
			return result;
		}
		try {
			result.parse(Files.readString(path, StandardCharsets.UTF_8));
		} catch (IOException | JsonParseException | IllegalStateException | ClassCastException e) {
			ILog.of(LayoutSidecar.class).warn("Ignoring the diagram layout in " + result.sidecar.getFullPath()
					+ " (nodes are laid out automatically until one is moved again): " + e.getMessage());
			result.diagrams.clear();
		}
		return result;
	}

	private void parse(String text) {
		JsonElement root = JsonParser.parseString(text);
		if (!root.isJsonObject()) {
			throw new JsonParseException("not a JSON object");
		}
		JsonObject object = root.getAsJsonObject();
		if (!object.has("diagrams") || !object.get("diagrams").isJsonObject()) {
			throw new JsonParseException("no \"diagrams\" object");
		}
		for (Map.Entry<String, JsonElement> diagram : object.getAsJsonObject("diagrams").entrySet()) {
			if (!diagram.getValue().isJsonObject()) {
				continue;
			}
			Map<String, Position> pins = new TreeMap<>();
			for (Map.Entry<String, JsonElement> pin : diagram.getValue().getAsJsonObject().entrySet()) {
				// Skip single bad entries rather than lose every pin of the file.
				if (pin.getValue().isJsonObject() && pin.getValue().getAsJsonObject().has("x")
						&& pin.getValue().getAsJsonObject().has("y")) {
					JsonObject p = pin.getValue().getAsJsonObject();
					pins.put(pin.getKey(), new Position(p.get("x").getAsInt(), p.get("y").getAsInt()));
				}
			}
			if (!pins.isEmpty()) {
				diagrams.put(diagram.getKey(), pins);
			}
		}
	}

	/** The pins of one diagram (a copy), by pin key. */
	public Map<String, Position> pins(String diagram) {
		return new TreeMap<>(diagrams.getOrDefault(diagram, Map.of()));
	}

	/** Every diagram's pins (a deep copy another thread may read), by diagram key. */
	public Map<String, Map<String, Position>> allPins() {
		Map<String, Map<String, Position>> copy = new TreeMap<>();
		diagrams.forEach((diagram, pins) -> copy.put(diagram, Map.copyOf(pins)));
		return copy;
	}

	/** Replaces the pins of one diagram (in memory; {@link #write} stores them). */
	public void setPins(String diagram, Map<String, Position> pins) {
		if (pins.isEmpty()) {
			diagrams.remove(diagram);
		} else {
			diagrams.put(diagram, new TreeMap<>(pins));
		}
	}

	/** The JSON text of the sidecar. */
	String toJson() {
		JsonObject root = new JsonObject();
		root.addProperty("format", FORMAT);
		JsonObject all = new JsonObject();
		for (Map.Entry<String, Map<String, Position>> diagram : diagrams.entrySet()) {
			JsonObject pins = new JsonObject();
			for (Map.Entry<String, Position> pin : diagram.getValue().entrySet()) {
				JsonObject p = new JsonObject();
				p.addProperty("x", pin.getValue().x());
				p.addProperty("y", pin.getValue().y());
				pins.add(pin.getKey(), p);
			}
			all.add(diagram.getKey(), pins);
		}
		root.add("diagrams", all);
		return GSON.toJson(root) + "\n";
	}

	/**
	 * Writes the sidecar atomically (or deletes it when nothing is pinned), then refreshes the workspace in the
	 * background.
	 *
	 * @throws IOException if the file cannot be written; the message names it
	 */
	public void write() throws IOException {
		Path path = path();
		if (path == null) {
			throw new IOException("The layout of " + sidecar.getFullPath() + " cannot be stored: the folder is not on the local disk.");
		}
		if (diagrams.isEmpty()) {
			Files.deleteIfExists(path);
		} else {
			ReportWriter.writeAtomically(path, toJson().getBytes(StandardCharsets.UTF_8));
		}
		refresh();
	}

	/** The workspace file of the sidecar. */
	public IFile file() {
		return sidecar;
	}

	private Path path() {
		IPath location = sidecar.getLocation();
		return location == null ? null : location.toPath();
	}

	private void refresh() {
		// The workspace lock may be held by a build; the refresh must not block the UI thread behind it.
		Job job = Job.create("Refreshing " + sidecar.getName(), monitor -> {
			try {
				sidecar.refreshLocal(IResource.DEPTH_ZERO, monitor);
				return Status.OK_STATUS;
			} catch (CoreException e) {
				return new Status(IStatus.WARNING, LayoutSidecar.class, "Cannot refresh " + sidecar.getFullPath(), e);
			}
		});
		job.setSystem(true);
		job.setRule(sidecar.getParent());
		job.schedule();
	}
}
