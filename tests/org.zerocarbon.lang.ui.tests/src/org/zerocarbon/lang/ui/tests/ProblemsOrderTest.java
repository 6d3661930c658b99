package org.zerocarbon.lang.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.ui.internal.views.markers.MarkerLocationField;
import org.eclipse.ui.views.markers.MarkerItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.lang.batch.Problem.Severity;
import org.zerocarbon.workspace.ZcMarkers;

/**
 * The Problems view's Location column orders our markers by line number (issue 17: "line 165" came before
 * "line 17"). Sorted with the view's own comparator of that column, on markers made as the builder makes them.
 */
@SuppressWarnings("restriction")
class ProblemsOrderTest {

	private IProject project;
	private IFile file;

	@BeforeEach
	void createFile() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("zc-problems-order");
		project.create(null);
		project.open(null);
		file = project.getFile("model.zc");
		file.create(new ByteArrayInputStream(new byte[0]), true, null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	private IMarker marker(int line) throws CoreException {
		return ZcMarkers.create(file, new Problem(file.getLocationURI().toString(), line, 1, -1, 0, Severity.WARNING,
				"org.zerocarbon.lang.test", "a warning on line " + line, null));
	}

	@Test
	void theLocationColumnSortsLine17BeforeLine165() throws CoreException {
		IMarker line2 = marker(2);
		IMarker line17 = marker(17);
		IMarker line165 = marker(165);
		MarkerLocationField location = new MarkerLocationField();
		List<IMarker> sorted = Stream.of(line165, line17, line2).map(Item::new).sorted(location::compare).map(Item::getMarker).toList();
		assertEquals(List.of(line2, line17, line165), sorted);
		assertEquals(17, line17.getAttribute(IMarker.LINE_NUMBER, -1), "the view labels it 'line 17' from the line number");
	}

	/** A row of the view, as the view reads it: the marker's attributes. */
	private static final class Item extends MarkerItem {
		private final IMarker marker;

		Item(IMarker marker) {
			this.marker = marker;
		}

		@Override
		public IMarker getMarker() {
			return marker;
		}

		@Override
		public String getAttributeValue(String attribute, String defaultValue) {
			return marker.getAttribute(attribute, defaultValue);
		}

		@Override
		public int getAttributeValue(String attribute, int defaultValue) {
			return marker.getAttribute(attribute, defaultValue);
		}

		@Override
		public boolean getAttributeValue(String attribute, boolean defaultValue) {
			return marker.getAttribute(attribute, defaultValue);
		}
	}
}
