package org.zerocarbon.ui.internal;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ColumnPixelData;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Tables of the views and pages, built alike. */
public final class Tables {

	private Tables() {
	}

	/**
	 * A table whose columns share its width: a weight of 0 gives a column a fixed width (for the figure names), the
	 * others share the rest by weight. With {@code moduleTable}, it has headers and its numbers (from the third column)
	 * are right-aligned. The table sits in a composite of its own (the layout's), which is the control to place.
	 */
	public static Table table(Composite parent, String[] titles, int[] weights, boolean moduleTable) {
		Composite holder = new Composite(parent, SWT.NONE);
		TableColumnLayout layout = new TableColumnLayout();
		holder.setLayout(layout);
		Table widget = new Table(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
		widget.setHeaderVisible(moduleTable);
		widget.setLinesVisible(true);
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(widget, moduleTable && i >= 2 ? SWT.RIGHT : SWT.LEFT);
			column.setText(titles[i]);
			layout.setColumnData(column, weights[i] == 0 ? new ColumnPixelData(190) : new ColumnWeightData(weights[i], 50));
		}
		return widget;
	}
}
