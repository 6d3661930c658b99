package org.zerocarbon.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.interop.ImportReport;
import org.zerocarbon.interop.OlcaExport;
import org.zerocarbon.interop.OlcaImport;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.ZcModel;

/** openLCA JSON-LD processes become {@code process} elements whose chain gives the same GWP. */
class OlcaImportTest {

	@TempDir
	Path dir;

	@Test
	void theExportedSystemReimportsAsProcessesWithTheSameTotal() throws Exception {
		Path zip = dir.resolve("cell.zip");
		Files.write(zip, OlcaExport.zip(Footprints.line()));
		Path library = dir.resolve("olca.zc");
		ImportReport report = OlcaImport.run(zip, "cell.zip", library);
		// the subject's process and its five activities
		assertEquals(6, report.added().size(), report.added().toString());
		assertTrue(report.ignored().stream().anyMatch(s -> s.contains("unit_groups")), report.ignored().toString());
		ModelValidation.Loaded loaded = ModelValidation.create().load(List.of(URI.createFileURI(library.toString())), () -> false);
		assertEquals(List.of(), loaded.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).toList(), Files.readString(library));
		FactorLibrary lib = (FactorLibrary) ((ZcModel) loaded.resourceSet().getResources().get(0).getContents().get(0)).getElements().get(0);
		Process subject = lib.getProcesses().stream().filter(p -> p.getName().equals("DemoCell")).findFirst().orElseThrow();
		assertEquals("pcs", subject.getOutput().getAmount().getUnit());
		// computed here, not by the engine: Σ input × (provider's emission / provider's output) per piece of the subject
		double total = 0;
		for (ProcessInput input : subject.getInputs()) {
			Process provider = (Process) input.getProvider();
			double emitted = provider.getEmissions().stream().mapToDouble(e -> e.getAmount().getValue().doubleValue()).sum();
			total += input.getAmount().getValue().doubleValue() * emitted / provider.getOutput().getAmount().getValue().doubleValue();
		}
		assertEquals(5, subject.getInputs().size());
		assertEquals(Footprints.TOTAL, total, 1e-9);
		// re-import replaces, by the UUID in the source
		ImportReport again = OlcaImport.run(zip, "cell.zip", library);
		assertEquals(6, again.replaced().size());
		assertEquals(0, again.added().size());
	}
}
