package org.zerocarbon.diagram.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.resources.IMarker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Text;
import org.zerocarbon.diagram.Edge;
import org.zerocarbon.diagram.Figure;
import org.zerocarbon.diagram.FontSpec;
import org.zerocarbon.diagram.Node;
import org.zerocarbon.diagram.Position;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.ui.GcPainter;

/**
 * The diagram viewer: paints a laid-out {@link Scene} with the {@link GcPainter} (double-buffered), zooms and
 * scrolls, hit-tests the mouse, selects, drags nodes, runs the palette's tools and renames in place. It knows
 * nothing of the model: every change it wants is a call on its {@link Handler}, and the new picture comes back as
 * a new scene.
 * <p>
 * Keys: Delete, F2 (rename), Escape (cancel, back to selecting), {@code +}/{@code -} (zoom), {@code 0} (fit),
 * {@code 1} (100 %), arrows (scroll). Mouse: Ctrl+wheel zooms at the pointer; the middle button, or the left
 * button with Space held, pans; a double-click on a node's name renames it, elsewhere opens it in the text.
 */
public final class DiagramCanvas extends Canvas {

	/** What the canvas asks of its editor. All calls come on the UI thread. */
	public interface Handler {
		/** The selection changed to these figure ids. */
		void selected(List<String> ids);

		/** The user dragged these nodes to new absolute top-left corners. */
		void moved(Map<String, Position> topLeft);

		/** A creation tool was clicked at a diagram point, on a figure or ({@code on == null}) the background. */
		void create(PaletteTool tool, int x, int y, String on);

		/** A connection tool connected two nodes. */
		void connect(PaletteTool tool, String source, String target);

		/** The user typed a new name for a figure's element. */
		void rename(String id, String name);

		/** Delete was pressed with a selection. */
		void delete();

		/** A figure was double-clicked outside its name. */
		void open(String id);

		/** A tool finished or was cancelled; the palette goes back to selecting. */
		void toolDone();

		/** A short message for the status line. */
		void status(String message);

		/** The user zoomed, by Fit or otherwise: the status line shows the zoom ({@link #zoom()}). */
		void zoomed(boolean fit);
	}

	/** Zoom limits and step. */
	static final double MIN_ZOOM = 0.1;
	static final double MAX_ZOOM = 4;
	static final double STEP = 1.25;
	/** Fit never magnifies more than this: a small diagram is not blown up to fill a big window. */
	static final double MAX_FIT = 1.5;
	/**
	 * The smallest zoom a diagram opens at: titles and figures stay readable (text is greeked below
	 * {@link GcPainter#TEXT_HIDDEN_BELOW}, 40 %). A diagram that fits at this zoom or more opens fitted (never
	 * magnified); a larger one opens at this zoom, scrolled.
	 */
	public static final double READABLE_ZOOM = 0.75;
	/** Margin of a laid-out scene (SceneLayout's), right of the rightmost figure. */
	private static final int SCENE_MARGIN = 16;

	private static final Rgb SELECTION = new Rgb(0x1a, 0x73, 0xe8);
	private static final Rgb ACCEPT = new Rgb(0x2e, 0x9d, 0x4f);
	private static final Rgb ERROR = new Rgb(0xd3, 0x2f, 0x2f);
	private static final Rgb WARNING = new Rgb(0xf0, 0xa2, 0x02);
	private static final Rgb BACKDROP = new Rgb(0xe8, 0xeb, 0xef);
	private static final Rgb MUTED = new Rgb(0x5b, 0x67, 0x74);
	private static final int DRAG_THRESHOLD = 4;

	private enum Drag {
		NONE, PENDING_MOVE, MOVE, PAN, CONNECT
	}

	private final Handler handler;
	private final GcPainter.Resources resources;
	private final CanvasTooltip tooltip = new CanvasTooltip(this);
	private Scene scene;
	private Map<String, Figure> figures = Map.of();
	private Map<String, ElementInfo> infos = Map.of();
	private Map<String, ProblemBadges.Badge> badges = Map.of();
	private String message = "Drawing the diagram…";
	private final Set<String> selection = new LinkedHashSet<>();
	private double zoom = 1;
	private int originX;
	private int originY;
	private boolean fitted;
	/** Until the user zooms, a resize (a maximize) zooms again by the opening rule, or fits after "Fit". */
	private boolean autoZoom = true;
	private boolean fitRequested;
	private PaletteTool tool = PaletteTool.SELECT;

	private Drag drag = Drag.NONE;
	private int downX;
	private int downY;
	private int mouseX;
	private int mouseY;
	private int panOriginX;
	private int panOriginY;
	private boolean space;
	private Node connectFrom;
	private final RenameField rename;

	/** A canvas in the parent; {@code handler} receives the user's requests. */
	public DiagramCanvas(Composite parent, Handler handler) {
		super(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
		this.handler = handler;
		this.resources = new GcPainter.Resources(getDisplay());
		this.rename = new RenameField(this, id -> infos.containsKey(id) ? infos.get(id).name() : null, handler::rename);
		addListener(SWT.Paint, this::paint);
		addListener(SWT.Resize, e -> resized());
		addListener(SWT.MouseDown, this::mouseDown);
		addListener(SWT.MouseMove, this::mouseMove);
		addListener(SWT.MouseUp, this::mouseUp);
		addListener(SWT.MouseDoubleClick, this::doubleClick);
		addListener(SWT.MouseVerticalWheel, this::wheel);
		addListener(SWT.MouseHover, e -> tooltip.show(drag == Drag.NONE ? tipAt(e.x, e.y) : null, e.x, e.y));
		addListener(SWT.MouseExit, e -> tooltip.hide());
		addListener(SWT.KeyDown, this::keyDown);
		addListener(SWT.KeyUp, e -> space = e.character == ' ' ? false : space);
		addListener(SWT.Traverse, e -> {
			if (e.detail == SWT.TRAVERSE_ESCAPE || e.detail == SWT.TRAVERSE_ARROW_NEXT
					|| e.detail == SWT.TRAVERSE_ARROW_PREVIOUS) {
				e.doit = false;
			}
		});
		addListener(SWT.Dispose, e -> resources.dispose());
		getHorizontalBar().addListener(SWT.Selection, e -> {
			tooltip.hide();
			originX = getHorizontalBar().getSelection();
			redraw();
		});
		getVerticalBar().addListener(SWT.Selection, e -> {
			tooltip.hide();
			originY = getVerticalBar().getSelection();
			redraw();
		});
	}

	// ---- content ------------------------------------------------------------------------------------

	/**
	 * Shows a new drawing; keeps zoom, scroll position, the selection of figures that still exist and an open
	 * rename field. The first drawing is fitted into the window (never magnified).
	 */
	public void setContent(Scene scene, Map<String, ElementInfo> infos) {
		if (rename.renaming() != null && (scene == null || scene.node(rename.renaming()).isEmpty())) {
			rename.cancel(); // the element went away; a redraw of the others leaves the field open
		}
		this.scene = scene;
		this.figures = index(scene);
		this.infos = infos;
		if (scene == null) {
			selection.clear();
		} else {
			selection.removeIf(id -> figure(id).isEmpty());
		}
		drag = Drag.NONE;
		tooltip.hide(); // a tooltip of a figure that moved or went away would stay over the new drawing
		if (scene != null && getClientArea().width > 0) {
			if (!fitted) {
				fitted = true;
				zoom = openingZoom();
			} else if (autoZoom) {
				// until the user zooms, the zoom follows the drawing (a build's badges, an edit) as it follows the window
				zoom = automaticZoom();
			}
		}
		updateScrollBars();
		redraw();
	}

	/** The text shown when there is no scene (loading, or a file without diagrams). */
	public void setMessage(String message) {
		this.message = message;
		redraw();
	}

	/** Sets the problem badges, by figure id. */
	public void setBadges(Map<String, ProblemBadges.Badge> badges) {
		this.badges = badges;
		redraw();
	}

	/** The scene shown, or {@code null}. */
	public Scene scene() {
		return scene;
	}

	/** The problem badges shown, by figure id. */
	public Map<String, ProblemBadges.Badge> badges() {
		return badges;
	}

	/** The tooltip of the hovered figure. */
	public CanvasTooltip tooltip() {
		return tooltip;
	}

	private Optional<Figure> figure(String id) {
		return Optional.ofNullable(figures.get(id));
	}

	/** The scene's figures by id: selection, badges and renaming look them up on every paint. */
	private static Map<String, Figure> index(Scene scene) {
		Map<String, Figure> byId = new java.util.HashMap<>();
		if (scene != null) {
			scene.edges().forEach(e -> byId.put(e.id(), e));
			scene.nodes().forEach(n -> byId.put(n.id(), n));
		}
		return byId;
	}

	// ---- tools and selection --------------------------------------------------------------------------

	/** Switches the palette tool; any half-made connection is dropped. */
	public void setTool(PaletteTool tool) {
		this.tool = tool;
		connectFrom = null;
		drag = Drag.NONE;
		setCursor(tool == PaletteTool.SELECT ? null : getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
		if (tool != PaletteTool.SELECT) {
			handler.status(tool.help());
		}
		redraw();
	}

	/** The active tool. */
	public PaletteTool tool() {
		return tool;
	}

	/** The selected figure ids, in selection order. */
	public List<String> selection() {
		return List.copyOf(selection);
	}

	/** Selects figures by id (ids not in the scene are ignored) and tells the handler. */
	public void select(List<String> ids) {
		selection.clear();
		for (String id : ids) {
			if (figure(id).isPresent()) {
				selection.add(id);
			}
		}
		handler.selected(selection());
		redraw();
	}

	/** Scrolls so that the figure is visible. */
	public void reveal(String id) {
		figure(id).ifPresent(f -> {
			int[] b = bounds(f);
			Rectangle client = getClientArea();
			int x = (int) (b[0] * zoom);
			int y = (int) (b[1] * zoom);
			int w = (int) (b[2] * zoom);
			int h = (int) (b[3] * zoom);
			if (x < originX || x + w > originX + client.width) {
				originX = x - Math.max(0, (client.width - w) / 2);
			}
			if (y < originY || y + h > originY + client.height) {
				originY = y - Math.max(0, (client.height - h) / 2);
			}
			updateScrollBars();
			redraw();
		});
	}

	// ---- zoom and scroll ---------------------------------------------------------------------------------

	/** The zoom factor, 1 = 100 %. */
	public double zoom() {
		return zoom;
	}

	/** Sets the zoom, keeping the diagram point under the given canvas point where it is. */
	public void setZoom(double value, int anchorX, int anchorY) {
		double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, value));
		tooltip.hide();
		autoZoom = false; // the user's zoom stays through resizes
		double dx = (anchorX + originX) / zoom;
		double dy = (anchorY + originY) / zoom;
		zoom = z;
		originX = (int) Math.round(dx * z - anchorX);
		originY = (int) Math.round(dy * z - anchorY);
		updateScrollBars();
		redraw();
		handler.zoomed(false);
	}

	/** Zooms in one step around the centre of the window. */
	public void zoomIn() {
		Rectangle c = getClientArea();
		setZoom(zoom * STEP, c.width / 2, c.height / 2);
	}

	/** Zooms out one step around the centre of the window. */
	public void zoomOut() {
		Rectangle c = getClientArea();
		setZoom(zoom / STEP, c.width / 2, c.height / 2);
	}

	/** Shows the whole diagram (never magnified beyond {@value #MAX_FIT}). */
	public void fit() {
		fitted = true;
		autoZoom = true;
		fitRequested = true;
		zoom = Math.max(MIN_ZOOM, fitZoom());
		originX = 0;
		originY = 0;
		updateScrollBars();
		redraw();
		handler.zoomed(true);
	}

	/**
	 * The zoom that shows the whole diagram. Its width is that of the figures, not of the legend below them: a long
	 * legend line would otherwise shrink a two-machine line to 43 %; the legend may then need a scroll.
	 */
	private double fitZoom() {
		Rectangle c = getClientArea();
		if (scene == null || scene.width() == 0 || scene.height() == 0 || c.width <= 0 || c.height <= 0) {
			return 1;
		}
		return Math.min(MAX_FIT, Math.min((double) c.width / contentWidth(), (double) c.height / scene.height()));
	}

	/** The width of the figures (and the title), without the legend's. */
	public int contentWidth() {
		int right = 0;
		for (Figure f : figures.values()) {
			int[] b = bounds(f);
			right = Math.max(right, b[0] + b[2]);
		}
		return right == 0 ? scene.width() : Math.min(scene.width(), right + SCENE_MARGIN);
	}

	/** The opening zoom: fitted when the diagram fits at {@link #READABLE_ZOOM} or more (at most 100 %), else that. */
	public double openingZoom() {
		double fit = fitZoom();
		return fit >= READABLE_ZOOM ? Math.min(1, fit) : READABLE_ZOOM;
	}

	/** The zoom while the user has not chosen one: the fit they asked for, else the opening zoom. */
	private double automaticZoom() {
		return fitRequested ? Math.max(MIN_ZOOM, fitZoom()) : openingZoom();
	}

	private void resized() {
		if (autoZoom && fitted && scene != null && getClientArea().width > 0) {
			zoom = automaticZoom();
			originX = 0;
			originY = 0;
			redraw();
		}
		updateScrollBars();
	}

	/** The scroll position in canvas pixels. */
	public int[] origin() {
		return new int[] { originX, originY };
	}

	private void scrollBy(int dx, int dy) {
		tooltip.hide();
		originX += dx;
		originY += dy;
		updateScrollBars();
		redraw();
	}

	private void updateScrollBars() {
		Rectangle client = getClientArea();
		int width = scene == null ? 0 : (int) Math.ceil(scene.width() * zoom);
		int height = scene == null ? 0 : (int) Math.ceil(scene.height() * zoom);
		originX = Math.max(0, Math.min(originX, width - client.width));
		originY = Math.max(0, Math.min(originY, height - client.height));
		configure(getHorizontalBar(), width, client.width, originX);
		configure(getVerticalBar(), height, client.height, originY);
	}

	private static void configure(ScrollBar bar, int content, int visible, int selection) {
		if (bar == null) {
			return;
		}
		bar.setMaximum(Math.max(1, content));
		bar.setThumb(Math.max(1, Math.min(visible, content)));
		bar.setPageIncrement(Math.max(1, visible * 9 / 10));
		bar.setIncrement(24);
		bar.setSelection(selection);
		bar.setEnabled(content > visible);
	}

	/** Diagram x of a canvas x. */
	int toDiagramX(int x) {
		return (int) Math.floor((x + originX) / zoom);
	}

	/** Diagram y of a canvas y. */
	int toDiagramY(int y) {
		return (int) Math.floor((y + originY) / zoom);
	}

	/** Canvas point of a diagram point (for tests that click on figures). */
	public int[] toCanvas(int x, int y) {
		return new int[] { (int) Math.round(x * zoom) - originX, (int) Math.round(y * zoom) - originY };
	}

	// ---- painting ------------------------------------------------------------------------------------

	private void paint(Event e) {
		GC gc = e.gc;
		Rectangle client = getClientArea();
		GcPainter painter = new GcPainter(gc, resources);
		painter.setBackground(BACKDROP);
		painter.fillRectangle(0, 0, client.width, client.height);
		if (scene == null) {
			painter.setForeground(MUTED);
			painter.setFont(FontSpec.NORMAL);
			painter.drawText(message == null ? "" : message, 16, 16);
			return;
		}
		Transform transform = new Transform(getDisplay());
		try {
			transform.translate(-originX, -originY);
			transform.scale((float) zoom, (float) zoom);
			gc.setTransform(transform);
			// A painter per transform: it draws text at the zoomed size (see GcPainter).
			GcPainter zoomed = new GcPainter(gc, resources);
			int x = toDiagramX(0);
			int y = toDiagramY(0);
			ScenePainter.paint(scene, zoomed, x, y, (int) Math.ceil(client.width / zoom) + 1,
					(int) Math.ceil(client.height / zoom) + 1);
			paintOverlays(zoomed);
		} finally {
			gc.setTransform(null);
			transform.dispose();
		}
	}

	/** Selection, hover targets, problem badges, the ghosts of dragged nodes and the connection being drawn. */
	private void paintOverlays(GcPainter p) {
		int thin = Math.max(1, (int) Math.round(2 / zoom));
		p.setAlpha(255);
		p.setLineDash(null);
		for (String id : selection) {
			figure(id).ifPresent(f -> outline(p, f, SELECTION, thin));
		}
		Node hovered = nodeAt(mouseX, mouseY);
		if (tool != PaletteTool.SELECT && hovered != null) {
			boolean ok = connectFrom != null ? tool.acceptsSecond(connectFrom, hovered) : tool.acceptsFirst(hovered);
			if (ok) {
				outline(p, hovered, ACCEPT, thin);
			}
		}
		for (Map.Entry<String, ProblemBadges.Badge> badge : badges.entrySet()) {
			figure(badge.getKey()).ifPresent(f -> paintBadge(p, f, badge.getValue()));
		}
		if (drag == Drag.MOVE) {
			int dx = toDiagramX(mouseX) - toDiagramX(downX);
			int dy = toDiagramY(mouseY) - toDiagramY(downY);
			p.setForeground(SELECTION);
			p.setLineWidth(thin);
			p.setLineDash(new int[] { 4, 3 });
			for (Node n : movedNodes()) {
				p.drawRoundRectangle(n.x() + dx, n.y() + dy, n.width(), n.height(), 12, 12);
			}
			p.setLineDash(null);
		}
		if (connectFrom != null) {
			p.setForeground(ACCEPT);
			p.setLineWidth(thin);
			p.setLineDash(new int[] { 5, 4 });
			Node f = connectFrom; // from the side the flow leaves by: the bottom of a line laid out top to bottom
			p.drawLine(scene.vertical() ? f.x() + f.width() / 2 : f.x() + f.width(),
					scene.vertical() ? f.y() + f.height() : f.y() + f.height() / 2, toDiagramX(mouseX), toDiagramY(mouseY));
			p.setLineDash(null);
		}
		p.setLineWidth(1);
	}

	private static void outline(GcPainter p, Figure f, Rgb colour, int width) {
		p.setForeground(colour);
		p.setLineWidth(width);
		if (f instanceof Node n) {
			p.drawRoundRectangle(n.x() - 3, n.y() - 3, n.width() + 6, n.height() + 6, 14, 14);
		} else if (f instanceof Edge e) {
			p.setAlpha(110);
			p.setLineWidth(e.strokeWidth() + 5);
			p.drawPolyline(e.points());
			p.setAlpha(255);
		}
	}

	private static void paintBadge(GcPainter p, Figure f, ProblemBadges.Badge badge) {
		int[] anchor = badgeAnchor(f);
		int d = 16;
		p.setBackground(badge.severity() == IMarker.SEVERITY_ERROR ? ERROR : WARNING);
		p.fillOval(anchor[0], anchor[1], d, d);
		p.setForeground(Rgb.WHITE);
		p.setLineWidth(1);
		p.drawOval(anchor[0], anchor[1], d, d);
		p.setFont(new FontSpec(11, true, false));
		String text = badge.messages().size() > 1 ? Integer.toString(Math.min(9, badge.messages().size())) : "!";
		int w = p.textExtent(text).width();
		p.drawText(text, anchor[0] + (d - w) / 2 + 1, anchor[1] + 1);
	}

	/** The top-left corner of a figure's problem badge: on a node's top-right corner, at an edge's middle. */
	private static int[] badgeAnchor(Figure f) {
		if (f instanceof Node n) {
			return new int[] { n.x() + n.width() - 10, n.y() - 6 };
		}
		int[] pts = ((Edge) f).points();
		int i = Math.max(0, (pts.length / 4) * 2 - 2);
		return new int[] { (pts[i] + pts[Math.min(pts.length - 2, i + 2)]) / 2 - 8,
				(pts[i + 1] + pts[Math.min(pts.length - 1, i + 3)]) / 2 - 8 };
	}

	private static int[] bounds(Figure f) {
		return f instanceof Node n ? new int[] { n.x(), n.y(), n.width(), n.height() } : ((Edge) f).bounds();
	}

	// ---- mouse ----------------------------------------------------------------------------------------

	private Figure figureAt(int canvasX, int canvasY) {
		if (scene == null) {
			return null;
		}
		return scene.hit(toDiagramX(canvasX), toDiagramY(canvasY)).orElse(null);
	}

	private Node nodeAt(int canvasX, int canvasY) {
		if (scene == null) {
			return null;
		}
		int x = toDiagramX(canvasX);
		int y = toDiagramY(canvasY);
		Node best = null;
		for (Node n : scene.nodes()) {
			if (n.hits(x, y, 0)) {
				best = n;
			}
		}
		return best;
	}

	private void mouseDown(Event e) {
		tooltip.hide();
		setFocus();
		mouseX = downX = e.x;
		mouseY = downY = e.y;
		if (scene == null) {
			return;
		}
		if (e.button == 2 || e.button == 1 && space) {
			drag = Drag.PAN;
			panOriginX = originX;
			panOriginY = originY;
			setCursor(getDisplay().getSystemCursor(SWT.CURSOR_SIZEALL));
			return;
		}
		if (e.button != 1) {
			// The context menu acts on what is under the pointer.
			Figure f = figureAt(e.x, e.y);
			if (f != null && !selection.contains(f.id())) {
				select(List.of(f.id()));
			}
			return;
		}
		switch (tool.mode()) {
		case SELECT -> selectDown(e);
		case CREATE, CREATE_ON -> createDown(e);
		case CONNECT -> connectDown(e);
		}
	}

	private void selectDown(Event e) {
		Figure f = figureAt(e.x, e.y);
		boolean toggle = (e.stateMask & (SWT.MOD1 | SWT.SHIFT)) != 0;
		if (f == null) {
			if (!toggle && !selection.isEmpty()) {
				select(List.of());
			}
			return;
		}
		if (toggle) {
			List<String> ids = new ArrayList<>(selection);
			if (!ids.remove(f.id())) {
				ids.add(f.id());
			}
			select(ids);
			return;
		}
		if (!selection.contains(f.id())) {
			select(List.of(f.id()));
		}
		if (f instanceof Node) {
			drag = Drag.PENDING_MOVE;
		}
	}

	private void createDown(Event e) {
		Node on = nodeAt(e.x, e.y);
		if (tool.mode() == PaletteTool.Mode.CREATE_ON || on != null && !on.isCompartment()) {
			if (on == null || !tool.acceptsFirst(on)) {
				handler.status(tool.help());
				return;
			}
			PaletteTool used = tool;
			finishTool();
			handler.create(used, toDiagramX(e.x), toDiagramY(e.y), on.id());
			return;
		}
		PaletteTool used = tool;
		finishTool();
		handler.create(used, toDiagramX(e.x), toDiagramY(e.y), null);
	}

	private void connectDown(Event e) {
		Node on = nodeAt(e.x, e.y);
		if (connectFrom == null) {
			if (on == null || !tool.acceptsFirst(on)) {
				handler.status(tool.help());
				return;
			}
			connectFrom = on;
			drag = Drag.CONNECT;
			redraw();
			return;
		}
		// Second click of click-click connecting.
		completeConnection(on);
	}

	private void completeConnection(Node target) {
		Node source = connectFrom;
		if (target == null || target == source) {
			return; // still waiting for a target
		}
		if (!tool.acceptsSecond(source, target)) {
			handler.status("A " + tool.label().toLowerCase() + " cannot go from " + source.title() + " to "
					+ target.title() + ". " + tool.help() + ".");
			return;
		}
		PaletteTool used = tool;
		finishTool();
		handler.connect(used, source.id(), target.id());
	}

	private void finishTool() {
		connectFrom = null;
		drag = Drag.NONE;
		setTool(PaletteTool.SELECT);
		handler.toolDone();
	}

	private void mouseMove(Event e) {
		int oldX = mouseX;
		int oldY = mouseY;
		mouseX = e.x;
		mouseY = e.y;
		if (drag != Drag.NONE) {
			tooltip.hide(); // it would cover the drop target
		}
		switch (drag) {
		case PAN -> {
			originX = panOriginX - (e.x - downX);
			originY = panOriginY - (e.y - downY);
			updateScrollBars();
			redraw();
		}
		case PENDING_MOVE -> {
			if (Math.abs(e.x - downX) + Math.abs(e.y - downY) >= DRAG_THRESHOLD) {
				drag = Drag.MOVE;
				redraw();
			}
		}
		case MOVE, CONNECT -> redraw();
		case NONE -> {
			if (tool != PaletteTool.SELECT || connectFrom != null) {
				redraw();
			}
			if ((oldX != e.x || oldY != e.y) && tooltip.isVisible() && tooltip.differs(tipAt(e.x, e.y))) {
				tooltip.hide(); // onto another figure: its own tooltip comes when the pointer rests again
			}
		}
		}
	}

	private void mouseUp(Event e) {
		mouseX = e.x;
		mouseY = e.y;
		switch (drag) {
		case PAN -> {
			drag = Drag.NONE;
			setCursor(tool == PaletteTool.SELECT ? null : getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
		}
		case MOVE -> {
			drag = Drag.NONE;
			int dx = toDiagramX(e.x) - toDiagramX(downX);
			int dy = toDiagramY(e.y) - toDiagramY(downY);
			if (dx != 0 || dy != 0) {
				Map<String, Position> moved = new LinkedHashMap<>();
				for (Node n : movedNodes()) {
					moved.put(n.id(), new Position(n.x() + dx, n.y() + dy));
				}
				handler.moved(moved);
			}
			redraw();
		}
		case CONNECT -> {
			Node on = nodeAt(e.x, e.y);
			if (on != null && on != connectFrom) {
				completeConnection(on);
			} else {
				// A click on the source: wait for a click on the target.
				drag = Drag.NONE;
				handler.status("Now click the target. Escape cancels.");
			}
			redraw();
		}
		default -> drag = Drag.NONE;
		}
	}

	/** The selected nodes that move when dragged: not the edges, and not nodes inside a moving compartment. */
	private List<Node> movedNodes() {
		List<Node> nodes = new ArrayList<>();
		for (String id : selection) {
			figure(id).filter(Node.class::isInstance).map(Node.class::cast).ifPresent(nodes::add);
		}
		nodes.removeIf(n -> {
			for (Node p = n.parent(); p != null; p = p.parent()) {
				if (nodes.contains(p)) {
					return true;
				}
			}
			return false;
		});
		return nodes;
	}

	private void doubleClick(Event e) {
		if (e.button != 1 || tool != PaletteTool.SELECT || scene == null) {
			return;
		}
		drag = Drag.NONE;
		Figure f = figureAt(e.x, e.y);
		if (f == null) {
			return;
		}
		if (f instanceof Node n && onTitle(n, e) && infos.get(f.id()) != null && infos.get(f.id()).hasElement()) {
			beginRename(f.id()); // a process of another file has no element here: the double-click opens it
			return;
		}
		handler.open(f.id());
	}

	private boolean onTitle(Node n, Event e) {
		int[] t = n.titleBox();
		int x = toDiagramX(e.x) - n.x();
		int y = toDiagramY(e.y) - n.y();
		return x >= t[0] - 2 && x <= t[0] + t[2] + 2 && y >= t[1] - 2 && y <= t[1] + t[3] + 2;
	}

	private void wheel(Event e) {
		tooltip.hide();
		if ((e.stateMask & SWT.MOD1) != 0) {
			e.doit = false;
			setZoom(e.count > 0 ? zoom * STEP : zoom / STEP, e.x, e.y);
		}
	}

	/** The tooltip text of the figure at a canvas point, or {@code null}. */
	private String tipAt(int canvasX, int canvasY) {
		Figure f = figureAt(canvasX, canvasY);
		return f == null ? null : CanvasTooltip.text(f, infos.get(f.id()), badges.get(f.id()));
	}

	// ---- keys -------------------------------------------------------------------------------------------

	private void keyDown(Event e) {
		tooltip.hide();
		switch (e.keyCode) {
		case SWT.DEL -> handler.delete();
		case SWT.F2 -> {
			if (selection.size() == 1) {
				beginRename(selection.iterator().next());
			}
		}
		case SWT.ESC -> {
			if (tool != PaletteTool.SELECT || drag != Drag.NONE) {
				finishTool();
			} else {
				select(List.of());
			}
		}
		case SWT.ARROW_LEFT -> scrollBy(-48, 0);
		case SWT.ARROW_RIGHT -> scrollBy(48, 0);
		case SWT.ARROW_UP -> scrollBy(0, -48);
		case SWT.ARROW_DOWN -> scrollBy(0, 48);
		default -> character(e.character);
		}
	}

	private void character(char c) {
		switch (c) {
		case '+', '=' -> zoomIn();
		case '-' -> zoomOut();
		case '0' -> fit();
		case '1' -> {
			Rectangle client = getClientArea();
			setZoom(1, client.width / 2, client.height / 2);
		}
		case ' ' -> space = true;
		default -> {
			// Other keys are not the diagram's.
		}
		}
	}

	// ---- rename in place --------------------------------------------------------------------------------

	/**
	 * Opens the in-place name field on a figure whose element has a name ({@link RenameField}).
	 *
	 * @return whether the field opened
	 */
	public boolean beginRename(String id) {
		rename.cancel();
		ElementInfo info = infos.get(id);
		Optional<Node> node = figure(id).filter(Node.class::isInstance).map(Node.class::cast);
		if (info == null || info.name() == null || node.isEmpty()) {
			handler.status("Only named elements can be renamed here.");
			return false;
		}
		reveal(id);
		int size = Math.max(6, (int) Math.round(FontSpec.TITLE.size() * zoom));
		rename.open(node.get(), info.name(), zoom, resources.font(new FontSpec(size, true, false)));
		return true;
	}

	/** The open rename field, or {@code null} (for tests). */
	public Text renameField() {
		return rename.field();
	}

	/** Commits the open rename field, if any. */
	public void commitRename() {
		rename.commit();
	}

	@Override
	public void setCursor(Cursor cursor) {
		if (!isDisposed()) {
			super.setCursor(cursor);
		}
	}
}
