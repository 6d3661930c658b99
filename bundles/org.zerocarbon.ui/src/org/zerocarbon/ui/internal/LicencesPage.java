package org.zerocarbon.ui.internal;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.about.InstallationPage;

/** Help &gt; About &gt; Installation Details &gt; Licences: every bundle the product runs, with its licence. */
public class LicencesPage extends InstallationPage {

	private static final String[] COLUMNS = { "Bundle", "Symbolic name", "Version", "Licence" };

	@Override
	public void createControl(Composite parent) {
		// no module table: only the header is wanted, and Tables.table shows it for module tables alone
		Table table = Tables.table(parent, COLUMNS, false);
		table.setHeaderVisible(true);
		Composite holder = table.getParent();
		// the dialog lays its pages out in a grid: without grid data the table keeps its preferred size (about 210
		// pixels wide, every column cut to a few letters)
		if (parent.getLayout() instanceof org.eclipse.swt.layout.GridLayout) {
			holder.setLayoutData(new org.eclipse.swt.layout.GridData(org.eclipse.swt.SWT.FILL, org.eclipse.swt.SWT.FILL, true, true));
		}
		TableViewer viewer = new TableViewer(table);
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		viewer.setLabelProvider(new Labels());
		viewer.setInput(Licences.ofRunningBundles());
		ColumnFit.fit(table);
		setControl(holder);
	}

	private static final class Labels extends LabelProvider implements ITableLabelProvider {
		@Override
		public Image getColumnImage(Object element, int column) {
			return null;
		}

		@Override
		public String getColumnText(Object element, int column) {
			Licences.Entry entry = (Licences.Entry) element;
			return switch (column) {
				case 0 -> entry.name();
				case 1 -> entry.symbolicName();
				case 2 -> entry.version();
				default -> entry.licence() == null ? "(see the bundle)" : entry.licence();
			};
		}
	}
}
