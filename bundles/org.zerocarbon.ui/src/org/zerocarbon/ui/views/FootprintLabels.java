package org.zerocarbon.ui.views;

import java.util.Comparator;

import org.eclipse.jface.viewers.ITableFontProvider;
import org.eclipse.jface.viewers.ITableLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Image;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.ui.internal.Figures;
import org.zerocarbon.ui.internal.Icons;

/** The content and label providers of the Footprint view's tables and tree. */
final class FootprintLabels {

	private FootprintLabels() {
	}

	/**
	 * The equipment of a footprint, the largest first: machines (their own inventory and their share of the shared
	 * utilities) and the utilities themselves; a multi-function machine has its functions below it.
	 */
	static final class EquipmentContent implements ITreeContentProvider {
		@Override
		public Object[] getElements(Object input) {
			if (!(input instanceof FootprintResult result)) {
				return new Object[0];
			}
			return result.equipment().stream()
					.sorted(Comparator.comparingDouble(FootprintResult.Equipment::kgCO2e).reversed().thenComparing(FootprintResult.Equipment::element))
					.toArray();
		}

		@Override
		public Object[] getChildren(Object parent) {
			return parent instanceof FootprintResult.Equipment e && e.allocation() != null ? e.allocation().functions().toArray() : new Object[0];
		}

		@Override
		public Object getParent(Object element) {
			return null;
		}

		@Override
		public boolean hasChildren(Object element) {
			return getChildren(element).length > 0;
		}
	}

	/** Cells of text (no images by default); a cell in bold when {@link #isBold} says so. */
	abstract static class TextLabels extends LabelProvider implements ITableLabelProvider, ITableFontProvider {
		private final Font bold;

		TextLabels(Font bold) {
			this.bold = bold;
		}

		@Override
		public Image getColumnImage(Object element, int column) {
			return null;
		}

		@Override
		public Font getFont(Object element, int column) {
			return isBold(element, column) ? bold : null;
		}

		abstract boolean isBold(Object element, int column);
	}

	/** The equipment tree's cells: shares are of the footprint the viewer shows; machines in bold. */
	static final class EquipmentLabels extends TextLabels {
		private final Viewer viewer;

		EquipmentLabels(Viewer viewer, Font bold) {
			super(bold);
			this.viewer = viewer;
		}

		@Override
		public String getColumnText(Object element, int column) {
			FootprintResult result = (FootprintResult) viewer.getInput();
			return FootprintFigures.equipmentText(element, column, result == null ? 0 : result.total());
		}

		@Override
		boolean isBold(Object element, int column) {
			return column == 0 && element instanceof FootprintResult.Equipment;
		}
	}

	/** The figures beside the table: names in bold, thresholds with a pass or warning icon. */
	static final class FactLabels extends TextLabels {
		private final Icons icons;

		FactLabels(Icons icons, Font bold) {
			super(bold);
			this.icons = icons;
		}

		@Override
		public Image getColumnImage(Object element, int column) {
			FootprintFigures.Fact fact = (FootprintFigures.Fact) element;
			return column == 0 && fact.met() != null ? icons.get(fact.met() ? "pass" : "fail_warning") : null;
		}

		@Override
		public String getColumnText(Object element, int column) {
			FootprintFigures.Fact fact = (FootprintFigures.Fact) element;
			return column == 0 ? fact.name() : fact.value();
		}

		@Override
		boolean isBold(Object element, int column) {
			return column == 0;
		}
	}

	/** Rows given as their cells' texts; a row whose first cell starts with "Total" or is the baseline in bold. */
	static final class ArrayLabels extends TextLabels {
		ArrayLabels(Font bold) {
			super(bold);
		}

		@Override
		public String getColumnText(Object element, int column) {
			String[] cells = (String[]) element;
			return column < cells.length ? cells[column] : "";
		}

		@Override
		boolean isBold(Object element, int column) {
			String first = ((String[]) element)[0];
			return first.startsWith("Total") || first.equals(ScenarioTab.BASELINE);
		}
	}

	/** The module table's cells: module, title, scopes 1-3 and their sum; the total row in bold. */
	static final class RowLabels extends TextLabels {
		RowLabels(Font bold) {
			super(bold);
		}

		@Override
		public String getColumnText(Object element, int column) {
			FootprintView.Row row = (FootprintView.Row) element;
			return switch (column) {
				case 0 -> row.module();
				case 1 -> row.title();
				case 2, 3, 4 -> Figures.number(row.byScope()[column - 2]);
				default -> Figures.number(row.sum());
			};
		}

		@Override
		boolean isBold(Object element, int column) {
			return ((FootprintView.Row) element).total();
		}
	}
}
