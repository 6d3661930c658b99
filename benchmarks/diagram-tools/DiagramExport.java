import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.diagram.DiagramSvg;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.model.zc.NamedElement;

/**
 * Writes one SVG per line, energy loop and park found in the .zc files of a directory:
 * {@code DiagramExport <model-dir> <out-dir>}. Run by benchmarks/diagram-export.sh.
 */
public final class DiagramExport {

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: diagram-export.sh <model directory> <output directory>");
			System.exit(2);
		}
		Path models = Path.of(args[0]);
		Path out = Path.of(args[1]);
		List<URI> uris = new ArrayList<>();
		try (Stream<Path> files = Files.walk(models)) {
			files.filter(f -> f.toString().endsWith(".zc")).sorted()
					.forEach(f -> uris.add(URI.createFileURI(f.toAbsolutePath().toString())));
		}
		if (uris.isEmpty()) {
			System.err.println("no .zc files under " + models);
			System.exit(1);
		}
		// On a plain class path no plugin.xml registers the metamodel, which the DSL's resources refer to.
		org.eclipse.emf.ecore.EPackage.Registry.INSTANCE.putIfAbsent(org.zerocarbon.model.zc.ZcPackage.eNS_URI,
				org.zerocarbon.model.zc.ZcPackage.eINSTANCE);
		ModelValidation.Loaded loaded = ModelValidation.create().load(uris, () -> false);
		long errors = loaded.problems().stream()
				.filter(p -> p.severity() == org.zerocarbon.lang.batch.Problem.Severity.ERROR).count();
		if (errors > 0) {
			// Diagrams need only the structure; unresolved factor libraries and the like do not stop them.
			System.err.println("note: the models have " + errors + " errors (zcw validate lists them); drawing anyway");
		}
		ResourceSet set = loaded.resourceSet();
		Files.createDirectories(out);
		int written = 0;
		for (var resource : List.copyOf(set.getResources())) {
			if (!uris.contains(resource.getURI())) {
				continue; // libraries loaded alongside (factor libraries) have no diagrams
			}
			for (EObject root : resource.getContents()) {
				for (var it = root.eAllContents(); it.hasNext();) {
					EObject element = it.next();
					if (SceneBuilder.supports(element) && element instanceof NamedElement named) {
						String kind = element.eClass().getName().toLowerCase();
						Path file = out.resolve(kind + "-" + named.getName() + ".svg");
						Files.writeString(file, DiagramSvg.of(element), StandardCharsets.UTF_8);
						System.out.println(file);
						written++;
					}
				}
			}
		}
		if (written == 0) {
			System.err.println("no line, energy loop or park in " + models);
			System.exit(1);
		}
	}
}
