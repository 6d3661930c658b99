package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.ui.ZcPerspectiveFactory;
import org.zerocarbon.ui.views.FootprintView;
import org.zerocarbon.ui.views.MeterView;

/**
 * The Meters view is a tab of the ZeroCarbon Engineering perspective, in the Footprint view's folder, and shows
 * the example cell's two metered machines with the figures of their week of data (examples/housing-cell/data/README.md:
 * VMC1 756.0 kWh at 99.80 % coverage, HMC1 1,488.5 kWh at 99.60 %).
 */
@ExtendWith(Examples.class)
class MeterViewTest {

	@Test
	void theMetersViewIsATabBesideTheFootprintView() throws Exception {
		IWorkbenchPage page = PlatformUI.getWorkbench().showPerspective(ZcPerspectiveFactory.ID, page().getWorkbenchWindow());
		page.resetPerspective();
		assertNotNull(page.findViewReference(MeterView.ID), "the Meters view is part of the perspective");
		assertTrue(List.of(page.getShowViewShortcuts()).contains(MeterView.ID), "Window > Show View offers it");
		IViewPart footprint = page.showView(FootprintView.ID);
		IViewPart meters = page.showView(MeterView.ID);
		IViewPart[] stack = page.getViewStack(meters);
		assertNotNull(stack);
		assertTrue(List.of(stack).contains(footprint), "in the Footprint view's folder");
	}

	@Test
	void theExampleCellsMetersWithTheirWeek() throws Exception {
		MeterView view = (MeterView) page().showView(MeterView.ID);
		List<Measurement> rows = view.show(Examples.project(Examples.CELL));

		Measurement vmc1 = row(rows, "VMC1_Main");
		Measurement hmc1 = row(rows, "HMC1_Main");
		// the README's figures are rounded to 0.1 kWh and 0.01 %
		assertEquals(756.0, vmc1.kWh(), 0.1);
		assertEquals(0.998, vmc1.coverage(), 0.00005);
		assertEquals(1488.5, hmc1.kWh(), 0.1);
		assertEquals(0.996, hmc1.coverage(), 0.00005);
		assertShown(view, "VMC1_Main", 756.0, "99.8 %");
		assertShown(view, "HMC1_Main", 1488.5, "99.6 %");
	}

	/** The table's row of the meter shows its energy (one decimal, thousands separated) and coverage. */
	private static void assertShown(MeterView view, String meter, double kWh, String coverage) {
		List<String> rows = new ArrayList<>();
		for (TableItem item : view.table().getItems()) {
			rows.add(item.getText(0) + " | " + item.getText(2) + " | " + item.getText(3));
			if (item.getText(0).endsWith(meter)) {
				assertTrue(item.getText(2).matches("\\d{1,3}(,\\d{3})*\\.\\d"), item.getText(2));
				assertEquals(kWh, Double.parseDouble(item.getText(2).replace(",", "")), 0.1 + 1e-9);
				assertEquals(coverage, item.getText(3));
				return;
			}
		}
		throw new AssertionError("no row of " + meter + " in " + rows);
	}

	private static Measurement row(List<Measurement> rows, String meter) {
		return rows.stream().filter(m -> m.meter().endsWith(meter)).findFirst()
				.orElseThrow(() -> new AssertionError("no row of " + meter + " in " + rows.stream().map(Measurement::meter).toList()));
	}
}
