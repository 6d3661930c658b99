package org.zerocarbon.diagram.ui.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.zerocarbon.diagram.FontSpec;
import org.zerocarbon.diagram.Rgb;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.ui.GcPainter;

/**
 * The palette beside the diagram: a vertical tool bar with one radio item per tool of the shown diagram type
 * (plain SWT; GEF's palette is not on Maven Central). Icons are drawn with the diagram's own painter: the glyph
 * disc the nodes carry, so the palette looks like what it creates.
 */
public final class Palette {

	private static final Rgb DISC = new Rgb(0x3b, 0x4a, 0x5a);
	private static final Rgb ARROW = new Rgb(0x33, 0x44, 0x55);
	private static final Rgb FEEDBACK = new Rgb(0xc0, 0x39, 0x2b);

	private final ToolBar bar;
	private final Consumer<PaletteTool> onSelect;
	private final Map<PaletteTool, ToolItem> items = new EnumMap<>(PaletteTool.class);
	private final List<Image> images = new ArrayList<>();
	private final GcPainter.Resources resources;
	private Scene.Type type;

	/**
	 * A palette in the parent.
	 *
	 * @param onSelect called with the tool the user picks
	 */
	public Palette(Composite parent, Consumer<PaletteTool> onSelect) {
		this.bar = new ToolBar(parent, SWT.VERTICAL | SWT.FLAT | SWT.RIGHT);
		this.onSelect = onSelect;
		this.resources = new GcPainter.Resources(parent.getDisplay());
		bar.addListener(SWT.Dispose, e -> {
			images.forEach(Image::dispose);
			resources.dispose();
		});
	}

	/** The tool bar widget. */
	public ToolBar control() {
		return bar;
	}

	/** Shows the tools of a diagram type (no change if it is the type shown), with the selection tool active. */
	public void show(Scene.Type diagram) {
		if (diagram == type) {
			return;
		}
		type = diagram;
		for (ToolItem item : bar.getItems()) {
			item.dispose();
		}
		items.clear();
		images.forEach(Image::dispose);
		images.clear();
		for (PaletteTool tool : diagram == null ? List.of(PaletteTool.SELECT) : PaletteTool.of(diagram)) {
			ToolItem item = new ToolItem(bar, SWT.RADIO);
			item.setText(tool.label());
			item.setToolTipText(tool.help());
			Image icon = icon(tool);
			images.add(icon);
			item.setImage(icon);
			item.setData(tool);
			item.addListener(SWT.Selection, e -> {
				if (item.getSelection()) {
					onSelect.accept(tool);
				}
			});
			items.put(tool, item);
		}
		select(PaletteTool.SELECT);
		bar.getParent().layout(true, true);
	}

	/** Marks a tool as the active one (without telling the listener). */
	public void select(PaletteTool tool) {
		items.forEach((t, item) -> item.setSelection(t == tool));
	}

	/** The tool item of a tool, or {@code null} if the shown diagram has no such tool (for tests). */
	public ToolItem item(PaletteTool tool) {
		return items.get(tool);
	}

	private Image icon(PaletteTool tool) {
		int size = 20;
		Image image = new Image(bar.getDisplay(), size, size);
		GC gc = new GC(image);
		try {
			// The bar's own background rather than transparency, which images drawn with a GC do not keep.
			gc.setBackground(bar.getBackground());
			gc.fillRectangle(0, 0, size, size);
			GcPainter p = new GcPainter(gc, resources);
			if (tool == PaletteTool.SELECT) {
				p.setBackground(ARROW);
				p.fillPolygon(new int[] { 5, 2, 5, 17, 9, 13, 12, 19, 14, 18, 11, 12, 16, 12 });
			} else if (tool.mode() == PaletteTool.Mode.CONNECT && tool != PaletteTool.CONTROLLER) {
				Rgb colour = tool == PaletteTool.FEEDBACK ? FEEDBACK : ARROW;
				p.setForeground(colour);
				p.setBackground(colour);
				p.setLineWidth(2);
				p.setLineDash(tool == PaletteTool.FEEDBACK ? new int[] { 3, 2 } : null);
				p.drawPolyline(new int[] { 2, 6, 10, 6, 10, 14, 13, 14 });
				p.setLineDash(null);
				p.fillPolygon(new int[] { 18, 14, 12, 10, 12, 18 });
			} else {
				p.setBackground(DISC);
				p.fillOval(1, 1, size - 2, size - 2);
				p.setForeground(Rgb.WHITE);
				p.setFont(new FontSpec(tool.glyph().length() > 1 ? 8 : 10, true, false));
				int w = p.textExtent(tool.glyph()).width();
				p.drawText(tool.glyph(), (size - w) / 2, tool.glyph().length() > 1 ? 5 : 4);
			}
		} finally {
			gc.dispose();
		}
		return image;
	}

}
