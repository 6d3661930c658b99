package org.zerocarbon.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.ui.wizards.EpdImportWizard;

/** File > Import > ZeroCarbon > EPD: registered, and imports into a library of the workspace. */
class EpdImportWizardTest {

	static final String EPD = """
			{"id": "ui-test-1", "name": "Linear guide", "declared_unit": {"qty": 1, "unit": "kg"},
			 "impacts": {"EF 3.0": {"gwp": {"A1A2A3": {"mean": 4.2, "unit": "kgCO2e"}}}}}
			""";

	@TempDir
	Path dir;

	private IProject project;

	@BeforeEach
	void createProject() throws CoreException {
		project = ResourcesPlugin.getWorkspace().getRoot().getProject("epd_import_test");
		if (!project.exists()) {
			project.create(null);
		}
		project.open(null);
	}

	@AfterEach
	void deleteProject() throws CoreException {
		project.delete(true, true, null);
	}

	@Test
	void theWizardIsAnImportWizard() {
		assertNotNull(PlatformUI.getWorkbench().getImportWizardRegistry().findWizard(EpdImportWizard.ID));
	}

	@Test
	void importsIntoANewLibraryAndReplacesOnReimport() throws Exception {
		Path json = dir.resolve("guide.json");
		Files.writeString(json, EPD);
		IFile library = project.getFile("lib/supplier-epds.zc");
		String message = EpdImportWizard.run(json, library, null, new NullProgressMonitor());
		assertTrue(message.startsWith("1 products added [LinearGuide]"), message);
		assertTrue(library.exists(), "the workspace sees the new file");
		String text = new String(library.getContents().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(text.contains("product LinearGuide \"Linear guide\" per 1 kg {"), text);
		assertTrue(text.contains("module A1-A3 4.2 kgCO2e"), text);
		message = EpdImportWizard.run(json, library, null, new NullProgressMonitor());
		assertTrue(message.startsWith("0 products added [], 1 replaced [LinearGuide]"), message);
	}

	@Test
	void aBrokenLibraryIsReportedAndKept() throws Exception {
		Path json = dir.resolve("guide.json");
		Files.writeString(json, EPD);
		IFile library = project.getFile("broken.zc");
		library.create(new ByteArrayInputStream("factors X {".getBytes(StandardCharsets.UTF_8)), true, null);
		CoreException e = assertThrows(CoreException.class, () -> EpdImportWizard.run(json, library, null, new NullProgressMonitor()));
		assertTrue(e.getMessage().contains("does not parse"), e.getMessage());
		assertEquals("factors X {", new String(library.getContents().readAllBytes(), StandardCharsets.UTF_8));
	}
}
