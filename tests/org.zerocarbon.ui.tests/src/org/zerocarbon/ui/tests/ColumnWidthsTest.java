package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Item;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.ZcPerspectiveFactory;
import org.zerocarbon.ui.internal.ColumnFit;
import org.zerocarbon.ui.views.CriteriaView;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.ui.views.MeterView;

/**
 * Issue 17: at the default size (a 1400x900 window, the perspective's own layout), no cell of the Footprint view (all
 * its tabs), the Meters view or the Criteria view is wider than its column. A cell's text needs its width
 * ({@link GC#textExtent(String)} in the cell's font) plus the pixels from the column's left edge to where the widget
 * draws it (indentation, expander, image) plus {@value #MARGIN} pixels; a header its title plus {@value #MARGIN}.
 * Figures (right-aligned) are never cut, nor scrolled out of view while a text column is wider than
 * {@link ColumnFit#TEXT_FLOOR}; a text column may cut its cells only when it already has half of the table's width
 * (a long message must not push the other columns out) or when the columns fill the table.
 */
@ExtendWith(Examples.class)
class ColumnWidthsTest {

	/** Pixels beside a text that the cell renderer's padding takes at the least. */
	private static final int MARGIN = 4;

	@Test
	void noCellIsWiderThanItsColumnAtTheDefaultSize() throws Exception {
		var window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
		window.getShell().setBounds(0, 0, 1400, 900);
		PlatformUI.getWorkbench().showPerspective(ZcPerspectiveFactory.ID, window);
		page().resetPerspective();
		Workbench.flush();
		IDE.openEditor(page(), Workbench.file(Examples.CELL, "model/cell.zc"), true);
		FootprintView footprint = (FootprintView) page().showView(FootprintView.ID);
		waitUntil("the footprint is shown", () -> footprint.emptyMessage() == null);
		Widgets.waitForJobs(FootprintView.scenarioJobs());
		waitUntil("the scenarios are compared", () -> footprint.comparisonMessage() == null && footprint.comparisonTable().getItemCount() == 4);
		List<String> cut = new ArrayList<>();
		for (int tab = 0; tab < footprint.tabs().getItemCount(); tab++) {
			footprint.tabs().setSelection(tab);
			settle();
			Control shown = footprint.tabs().getSelection().getControl();
			for (Table table : Widgets.find((org.eclipse.swt.widgets.Composite) shown.getParent(), Table.class, t -> t.isVisible())) {
				check(table, footprint.tabs().getSelection().getText(), cut);
			}
			for (Tree tree : Widgets.find((org.eclipse.swt.widgets.Composite) shown.getParent(), Tree.class, t -> t.isVisible())) {
				expandAll(tree, tree.getItems());
				settle();
				check(tree, footprint.tabs().getSelection().getText(), cut);
			}
		}
		footprint.tabs().setSelection(0);
		settle();
		check(footprint.factsTable(), "figures", cut);
		// stricter for the module table, the first thing a user reads: at the default size every figure column, Total
		// last, is in view without scrolling (the sash gives the table the room, the chart the rest)
		assertEquals(List.of(), beyondTheRightEdge(footprint.table()), "module table columns scrolled out of its "
				+ footprint.table().getClientArea().width + " px");

		MeterView meters = (MeterView) page().showView(MeterView.ID);
		waitUntil("the meters are shown", () -> !meters.show(Examples.project(Examples.CELL)).isEmpty());
		settle();
		check(meters.table(), "Meters", cut);

		CriteriaView criteria = (CriteriaView) page().showView(CriteriaView.ID);
		waitUntil("the criteria are shown", () -> criteria.viewer().getTree().getItemCount() > 0);
		Tree tree = criteria.viewer().getTree();
		expandAll(tree, tree.getItems()); // as a user's clicks on the expanders do
		settle();
		assertTrue(Widgets.allItems(tree).size() > 20, "the criteria of the example are expanded");
		check(tree, "Criteria", cut);
		assertEquals(List.of(), cut, "cells wider than their columns");
	}

	/**
	 * The rule on measured widths, worked by hand. The Footprint view's module table, 780 px wide: Module 70,
	 * Title 388 (module D's long title), four figure columns 75 + 90 + 75 + 100 = 340. Title's cap is
	 * max(780 / 2, 780 - (798 - 388)) = 390, so it first gets its 388; the columns then need 798, 18 more than
	 * there are, which Title gives: 370. With no room even then (500 px for two texts of 300 and 200 and figures of
	 * 400), both texts go down to the floor of 120 and the table scrolls: 120 + 120 + 400 = 640.
	 */
	@Test
	void textGivesWayToFiguresDownToTheFloor() {
		assertArrayEquals(new int[] { 70, 370, 75, 90, 75, 100 }, ColumnFit.widths(new int[] { 70, 388, 75, 90, 75, 100 },
				new boolean[] { false, false, true, true, true, true }, 780));
		assertArrayEquals(new int[] { 120, 120, 400 }, ColumnFit.widths(new int[] { 300, 200, 400 },
				new boolean[] { false, false, true }, 500));
		// room to spare: the widest text column takes it (70 + 200 + 100 = 370 of 500: 130 more for the 200)
		assertArrayEquals(new int[] { 70, 330, 100 }, ColumnFit.widths(new int[] { 70, 200, 100 },
				new boolean[] { false, false, true }, 500));
	}

	/** Expands every row as a click on its expander does: the Expand event (the viewer creates the children), then the row. */
	private static void expandAll(Tree tree, TreeItem[] items) {
		for (TreeItem item : items) {
			if (item.getItemCount() > 0) {
				Event event = new Event();
				event.item = item;
				tree.notifyListeners(SWT.Expand, event);
				item.setExpanded(true);
				Workbench.flush();
				expandAll(tree, item.getItems());
			}
		}
	}

	private static void settle() throws InterruptedException {
		long until = System.currentTimeMillis() + 500;
		while (System.currentTimeMillis() < until) {
			Workbench.flush();
			Thread.sleep(20);
		}
	}

	/** The columns of a table that end beyond its visible width, with where they end. */
	private static List<String> beyondTheRightEdge(Table table) {
		List<String> beyond = new ArrayList<>();
		int x = 0;
		for (int index : table.getColumnOrder()) {
			TableColumn column = table.getColumn(index);
			x += column.getWidth();
			if (x > table.getClientArea().width) {
				beyond.add(column.getText() + " ends at " + x);
			}
		}
		return beyond;
	}

	private static void check(Control control, String where, List<String> cut) {
		Item[] columns = control instanceof Table t ? t.getColumns() : ((Tree) control).getColumns();
		int[] width = new int[columns.length];
		boolean[] number = new boolean[columns.length];
		int[] left = new int[columns.length];
		int[] order = control instanceof Table t ? t.getColumnOrder() : ((Tree) control).getColumnOrder();
		var bar = control instanceof Table t ? t.getHorizontalBar() : ((Tree) control).getHorizontalBar();
		int x = bar == null ? 0 : -bar.getSelection();
		for (int index : order) {
			width[index] = columns[index] instanceof TableColumn c ? c.getWidth() : ((TreeColumn) columns[index]).getWidth();
			number[index] = (columns[index] instanceof TableColumn c ? c.getAlignment() : ((TreeColumn) columns[index]).getAlignment()) == SWT.RIGHT;
			left[index] = x;
			x += width[index];
		}
		int client = control instanceof Table t ? t.getClientArea().width : ((Tree) control).getClientArea().width;
		int half = client / 2;
		// the columns fill the control: a text column may then cut its cells, having given way to the figures
		boolean full = x + (bar == null ? 0 : bar.getSelection()) >= client;
		boolean textAboveFloor = false;
		for (int i = 0; i < columns.length; i++) {
			textAboveFloor |= !number[i] && width[i] > ColumnFit.TEXT_FLOOR;
		}
		for (int i = 0; i < columns.length; i++) {
			if (number[i] && left[i] + width[i] > client && textAboveFloor) {
				cut.add(where + ": the figures of '" + columns[i].getText() + "' end at " + (left[i] + width[i])
						+ " px, beyond the " + client + " px shown, while a text column could give way");
			}
		}
		boolean header = control instanceof Table t ? t.getHeaderVisible() : ((Tree) control).getHeaderVisible();
		GC gc = new GC(control);
		try {
			for (int i = 0; i < columns.length; i++) {
				gc.setFont(control.getFont());
				if (header && gc.textExtent(columns[i].getText()).x + MARGIN > width[i]) {
					cut.add(where + ": header '" + columns[i].getText() + "' (" + width[i] + " px)");
				}
			}
			List<Object[]> cells = new ArrayList<>(); // text, font, text bounds, column
			if (control instanceof Table table) {
				for (TableItem item : table.getItems()) {
					for (int i = 0; i < columns.length; i++) {
						cells.add(new Object[] { item.getText(i), item.getFont(i), item.getTextBounds(i), i });
					}
				}
			} else {
				for (TreeItem item : Widgets.allItems((Tree) control)) {
					if (visible(item)) {
						for (int i = 0; i < columns.length; i++) {
							cells.add(new Object[] { item.getText(i), item.getFont(i), item.getTextBounds(i), i });
						}
					}
				}
			}
			for (Object[] cell : cells) {
				String text = (String) cell[0];
				int i = (Integer) cell[3];
				if (text.isEmpty()) {
					continue;
				}
				gc.setFont((Font) cell[1]);
				int offset = Math.max(0, ((Rectangle) cell[2]).x - left[i]);
				int needed = offset + gc.textExtent(text).x + MARGIN;
				boolean atTheCap = !number[i] && (width[i] >= half || full);
				if (needed > width[i] && !atTheCap) {
					cut.add(where + ": '" + text + "' needs " + needed + " px, column '" + columns[i].getText() + "' has " + width[i]);
				}
			}
		} finally {
			gc.dispose();
		}
	}

	private static boolean visible(TreeItem item) {
		for (TreeItem parent = item.getParentItem(); parent != null; parent = parent.getParentItem()) {
			if (!parent.getExpanded()) {
				return false;
			}
		}
		return true;
	}
}
