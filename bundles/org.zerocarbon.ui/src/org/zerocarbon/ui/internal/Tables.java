package org.zerocarbon.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/** Tables of the views and pages, built alike. */
public final class Tables {

	private Tables() {
	}

	/**
	 * A table whose columns {@link ColumnFit} sizes to their content. With {@code moduleTable}, it has headers and its
	 * numbers (from the third column) are right-aligned. The table sits in a composite of its own, which is the
	 * control to place. Call {@link ColumnFit#fit} after changing its rows.
	 */
	public static Table table(Composite parent, String[] titles, boolean moduleTable) {
		Composite holder = new Composite(parent, SWT.NONE);
		holder.setLayout(new FillLayout());
		Table widget = new Table(holder, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
		widget.setHeaderVisible(moduleTable);
		widget.setLinesVisible(true);
		for (int i = 0; i < titles.length; i++) {
			TableColumn column = new TableColumn(widget, moduleTable && i >= 2 ? SWT.RIGHT : SWT.LEFT);
			column.setText(titles[i]);
			column.setWidth(60);
		}
		ColumnFit.install(widget);
		return widget;
	}
}
