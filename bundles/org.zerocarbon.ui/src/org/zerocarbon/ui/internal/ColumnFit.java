package org.zerocarbon.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The one rule for the widths of the views' table and tree columns, applied whenever the content or the size
 * changes:
 * <ul>
 * <li>a right-aligned column (figures) is as wide as its widest cell or its header: numbers are never cut;</li>
 * <li>a left-aligned (text) column is as wide as its widest cell or header, but at most half the control's width
 * (more when the other columns leave more room), so that one long message cannot push everything else out;</li>
 * <li>figures come first: when the columns need more than there is, the text columns give way, the widest first,
 * down to {@value #TEXT_FLOOR} pixels each, so that the figures show without scrolling sideways;</li>
 * <li>the width left over goes to the widest text column; when the columns need more than there is even then, the
 * control scrolls horizontally.</li>
 * </ul>
 * Cells are measured with {@link GC#textExtent(String)} in the cell's font, from where the widget draws the text
 * (after the tree's indentation, the expander and the image). Only the rows shown are measured: a tree is fitted
 * again when a row is expanded or collapsed.
 */
public final class ColumnFit {

	/** Pixels a cell needs beside its text (the renderer's padding on both sides). */
	public static final int CELL_PADDING = 12;
	/** Pixels a header needs beside its title (padding and the resize handle). */
	public static final int HEADER_PADDING = 24;
	/** The narrowest a text column gets to make room for the figures (unless its content needs less). */
	public static final int TEXT_FLOOR = 120;
	private static final String INSTALLED = ColumnFit.class.getName();

	/** A cell's text as drawn: in its font, starting {@code offset} pixels from the left edge of its column. */
	private record Cell(int column, String text, Font font, int offset) {
	}

	private ColumnFit() {
	}

	/**
	 * Fits the columns of a table or tree now, and again whenever it is resized (and, for a tree, when a row is
	 * expanded or collapsed). Views call {@link #fit(Control)} after they change the content.
	 */
	public static void install(Control control) {
		if (control.getData(INSTALLED) != null) {
			return;
		}
		control.setData(INSTALLED, Boolean.TRUE);
		control.addListener(SWT.Resize, e -> fit(control));
		if (control instanceof Tree tree) {
			// the viewer creates the children after the Expand event: measure them once they are there
			Listener later = e -> tree.getDisplay().asyncExec(() -> fit(tree));
			tree.addListener(SWT.Expand, later);
			tree.addListener(SWT.Collapse, later);
		}
	}

	/** Fits the columns to the content shown now (and once more when the widget has laid the rows out). */
	public static void fit(Control control) {
		apply(control);
		Display display = control.getDisplay();
		display.asyncExec(() -> apply(control));
	}

	private static void apply(Control control) {
		if (control.isDisposed()) {
			return;
		}
		int available = control instanceof Table t ? t.getClientArea().width : control instanceof Tree t ? t.getClientArea().width : 0;
		if (available <= 0) {
			return;
		}
		Item[] columns = control instanceof Table t ? t.getColumns() : ((Tree) control).getColumns();
		if (columns.length == 0) {
			return;
		}
		boolean header = control instanceof Table t ? t.getHeaderVisible() : ((Tree) control).getHeaderVisible();
		int[] need = new int[columns.length];
		boolean[] number = new boolean[columns.length];
		GC gc = new GC(control);
		try {
			for (int i = 0; i < columns.length; i++) {
				int style = columns[i] instanceof TableColumn c ? c.getAlignment() : ((TreeColumn) columns[i]).getAlignment();
				number[i] = style == SWT.RIGHT;
				gc.setFont(control.getFont());
				need[i] = header && !columns[i].getText().isEmpty() ? gc.textExtent(columns[i].getText()).x + HEADER_PADDING : 0;
			}
			for (Cell cell : cells(control)) {
				gc.setFont(cell.font());
				need[cell.column()] = Math.max(need[cell.column()], cell.offset() + gc.textExtent(cell.text()).x + CELL_PADDING);
			}
		} finally {
			gc.dispose();
		}
		int[] widths = widths(need, number, available);
		for (int i = 0; i < columns.length; i++) {
			if (columns[i] instanceof TableColumn c && c.getWidth() != widths[i]) {
				c.setWidth(widths[i]);
			} else if (columns[i] instanceof TreeColumn c && c.getWidth() != widths[i]) {
				c.setWidth(widths[i]);
			}
		}
	}

	/**
	 * The rule on measured widths: figures get what they need; text gets what it needs up to half of the width
	 * available (or what the others leave, if that is more), less what the figures then still lack (the widest
	 * text column first, down to {@value #TEXT_FLOOR} px); the rest goes to the widest text column.
	 *
	 * @param need      the width each column's widest cell or header needs
	 * @param number    whether a column holds figures (right-aligned)
	 * @param available the control's width
	 */
	public static int[] widths(int[] need, boolean[] number, int available) {
		int total = 0;
		for (int n : need) {
			total += n;
		}
		int[] widths = new int[need.length];
		int used = 0;
		for (int i = 0; i < need.length; i++) {
			int cap = Math.max(available / 2, available - (total - need[i]));
			widths[i] = number[i] ? need[i] : Math.min(need[i], cap);
			used += widths[i];
		}
		// figures first: the widest text column gives way, then the next, down to the floor
		while (used > available) {
			int give = -1;
			for (int i = 0; i < need.length; i++) {
				if (!number[i] && widths[i] > Math.min(need[i], TEXT_FLOOR) && (give < 0 || widths[i] > widths[give])) {
					give = i;
				}
			}
			if (give < 0) {
				break; // every text column is at its floor: the control scrolls
			}
			int cut = Math.min(used - available, widths[give] - Math.min(need[give], TEXT_FLOOR));
			widths[give] -= cut;
			used -= cut;
		}
		int widest = -1;
		for (int i = 0; i < need.length; i++) {
			if (!number[i] && (widest < 0 || widths[i] > widths[widest])) {
				widest = i;
			}
		}
		if (used < available) {
			widths[widest < 0 ? need.length - 1 : widest] += available - used;
		}
		return widths;
	}

	/** The cells of the rows shown, with their text, font and where their text starts in the column. */
	private static List<Cell> cells(Control control) {
		List<Cell> cells = new ArrayList<>();
		int[] left = columnLefts(control);
		if (control instanceof Table table) {
			for (TableItem item : table.getItems()) {
				for (int i = 0; i < left.length; i++) {
					add(cells, i, item.getText(i), item.getFont(i), item.getImage(i), left[i], item.getTextBounds(i));
				}
			}
		} else if (control instanceof Tree tree) {
			collect(cells, tree.getItems(), left);
		}
		return cells;
	}

	private static void collect(List<Cell> cells, TreeItem[] items, int[] left) {
		for (TreeItem item : items) {
			if (item.getData() == null && item.getText().isEmpty()) {
				continue; // a viewer's placeholder for children not created yet
			}
			for (int i = 0; i < left.length; i++) {
				add(cells, i, item.getText(i), item.getFont(i), item.getImage(i), left[i], item.getTextBounds(i));
			}
			if (item.getExpanded()) {
				collect(cells, item.getItems(), left);
			}
		}
	}

	/**
	 * Where each column's left edge is, in the coordinates of the rows' bounds: the widths of the columns before it
	 * in the order shown, less the horizontal scrolling.
	 */
	public static int[] columnLefts(Control control) {
		int[] order = control instanceof Table t ? t.getColumnOrder() : ((Tree) control).getColumnOrder();
		Item[] columns = control instanceof Table t ? t.getColumns() : ((Tree) control).getColumns();
		org.eclipse.swt.widgets.ScrollBar bar = control instanceof Table t ? t.getHorizontalBar() : ((Tree) control).getHorizontalBar();
		int x = bar == null ? 0 : -bar.getSelection();
		int[] left = new int[columns.length];
		for (int index : order) {
			left[index] = x;
			x += columns[index] instanceof TableColumn c ? c.getWidth() : ((TreeColumn) columns[index]).getWidth();
		}
		return left;
	}

	private static void add(List<Cell> cells, int column, String text, Font font, Image image, int left, Rectangle textBounds) {
		if (text == null || text.isEmpty()) {
			return;
		}
		int offset;
		if (textBounds.width > 0 || textBounds.height > 0) {
			offset = Math.max(0, textBounds.x - left);
		} else {
			offset = image == null ? 0 : image.getBounds().width + 4; // not laid out yet: at least the image
		}
		cells.add(new Cell(column, text, font, offset));
	}
}
