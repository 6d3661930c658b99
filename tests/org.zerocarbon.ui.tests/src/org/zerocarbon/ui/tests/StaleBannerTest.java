package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zerocarbon.lang.ui.tests.Workbench.page;
import static org.zerocarbon.lang.ui.tests.Workbench.waitUntil;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.ui.tests.Workbench;
import org.zerocarbon.ui.views.FootprintView;

/** While the model has errors the Footprint view keeps the last good figures under a "Reports are stale" banner. */
@ExtendWith(Examples.class)
class StaleBannerTest {

	@Test
	void theFootprintViewSaysTheReportsAreStaleUntilTheErrorIsFixed() throws Exception {
		FootprintView view = (FootprintView) page().showView(FootprintView.ID);
		IFile cell = Workbench.file(Examples.CELL, "model/cell.zc");
		view.show(cell);
		waitUntil("the footprint is shown", () -> view.emptyMessage() == null);
		assertNull(view.staleBanner(), "a good build shows no banner");
		int rows = view.table().getItemCount();

		// one error: "rated" takes a power, and kWh is an energy (cell.zc line 20, the first machine)
		String good = Files.readString(cell.getLocation().toFile().toPath());
		assertTrue(good.contains("\t\trated 30 kW\n"));
		set(cell, good.replaceFirst("\t\trated 30 kW\n", "\t\trated 30 kWh\n"));
		waitUntil("the banner is shown", () -> view.staleBanner() != null);
		assertTrue(view.staleBanner().startsWith("Reports are stale: the model has 1 error (last good build "), view.staleBanner());
		assertNull(view.emptyMessage(), "the last good figures stay");
		assertEquals(rows, view.table().getItemCount());
		assertTrue(Examples.project(Examples.CELL).getFile("reports/STALE.txt").exists());

		set(cell, good);
		waitUntil("the banner is gone", () -> view.staleBanner() == null && view.emptyMessage() == null);
		assertTrue(!Examples.project(Examples.CELL).getFile("reports/STALE.txt").exists());
	}

	private static void set(IFile file, String text) throws Exception {
		file.setContents(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
	}
}
