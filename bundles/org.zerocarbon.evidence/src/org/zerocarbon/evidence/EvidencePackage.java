package org.zerocarbon.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.CriteriaChecker;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.diagram.DiagramSvg;
import org.zerocarbon.diagram.Scene;
import org.zerocarbon.diagram.SceneBuilder;
import org.zerocarbon.diagram.SceneLayout;
import org.zerocarbon.diagram.ScenePainter;
import org.zerocarbon.diagram.SvgPainter;
import org.zerocarbon.evidence.internal.Computation;
import org.zerocarbon.evidence.internal.Git;
import org.zerocarbon.evidence.internal.IndexPage;
import org.zerocarbon.evidence.internal.PdfPainter;
import org.zerocarbon.evidence.internal.Sections;
import org.zerocarbon.lang.data.DataLocations;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.report.ReportFormat;
import org.zerocarbon.report.ReportOptions;
import org.zerocarbon.report.ReportWriter;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * Builds the evidence package for tenders (issue 14): one zip a verifier can check without the product, and
 * re-check with it ({@link EvidenceVerifier}). The same models, data and options give a byte-identical zip
 * ({@link DeterministicZip}).
 * <p>
 * Layout: {@code index.html} (the overview, linking everything), {@code manifest.json} (format, tool and
 * methodology versions, git state of the models, headline figures, SHA-256 of every other file),
 * {@code reports/} (JSON, CSV, HTML and PDF of every subject), {@code criteria/compliance-matrix.csv|html},
 * {@code diagrams/} (SVG and PDF of every chosen line, energy loop and park), {@code measured/} (per-meter aggregates, units in
 * the headers), {@code models/} (the .zc files with the data files and declarations they cite, in their folder
 * layout below the project root), {@code provenance/} (factors with source and licence, declarations).
 * <p>
 * Paths of the machine that built the package do not enter its text files: the project root is written
 * {@code models/} (see {@link Computation#relocate}).
 */
public final class EvidencePackage {

	/** The package format written to manifest.json. */
	public static final String FORMAT = "zerocarbon-evidence-1";

	/**
	 * Options of a package.
	 *
	 * @param methodology the methodology's qualified or simple name; null for the only one with life-cycle modules
	 * @param subjects    qualified names of the lines and parks to report (with their diagrams); empty for all
	 * @param loops       qualified names of the energy loops whose diagrams go in; null for all, empty for none
	 * @param iterations  Monte Carlo iterations (recorded, so a verifier recomputes alike)
	 * @param seed        Monte Carlo seed
	 * @param pdf         whether the PDF reports are included (about a second per subject)
	 * @param measured    further measured-data contributors (e.g. raw samples of one day)
	 * @param signer      the key that signs manifest.json ({@link ManifestSignature}); null for no signature
	 */
	public record Options(String methodology, List<String> subjects, List<String> loops, int iterations, long seed, boolean pdf,
			List<MeasuredEvidence> measured, ManifestSignature.Signer signer) {
		public Options {
			subjects = subjects == null ? List.of() : List.copyOf(subjects);
			loops = loops == null ? null : List.copyOf(loops);
			measured = measured == null ? List.of() : List.copyOf(measured);
		}

		/** Every subject and loop, the default methodology, 1000 iterations, seed 42, with PDFs and the raw samples of the representative day. */
		public static Options defaults() {
			return new Options(null, List.of(), null, 1000, 42, true, List.of(RawDay.representative()), null);
		}

		public Options withMethodology(String id) {
			return new Options(id, subjects, loops, iterations, seed, pdf, measured, signer);
		}

		public Options withSubjects(List<String> names) {
			return new Options(methodology, names, loops, iterations, seed, pdf, measured, signer);
		}

		/** The energy loops whose diagrams go in, by qualified name; null for all of them, empty for none. */
		public Options withLoops(List<String> names) {
			return new Options(methodology, subjects, names, iterations, seed, pdf, measured, signer);
		}

		public Options withIterations(int n) {
			return new Options(methodology, subjects, loops, n, seed, pdf, measured, signer);
		}

		public Options withSeed(long s) {
			return new Options(methodology, subjects, loops, iterations, s, pdf, measured, signer);
		}

		public Options withSigner(ManifestSignature.Signer key) {
			return new Options(methodology, subjects, loops, iterations, seed, pdf, measured, key);
		}

		public Options withPdf(boolean on) {
			return new Options(methodology, subjects, loops, iterations, seed, on, measured, signer);
		}

		public Options withMeasured(List<MeasuredEvidence> contributors) {
			return new Options(methodology, subjects, loops, iterations, seed, pdf, contributors, signer);
		}
	}

	/** What was built: the zip and its entry names. */
	public record Built(Path zip, List<String> entries, List<FootprintResult> results) {
	}

	private EvidencePackage() {
	}

	/**
	 * Builds the package and writes it atomically.
	 *
	 * @param files   the .zc files
	 * @param root    the project root the package's paths are relative to; null for the files' common folder
	 * @param options what to include
	 * @param zip     the zip to write
	 * @param monitor progress and cancellation; may be null
	 * @throws CalculationException when the models have errors or a file lies outside the root
	 */
	public static Built build(List<Path> files, Path root, Options options, Path zip, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Building the evidence package", 100);
		List<Path> models = files.stream().map(f -> f.toAbsolutePath().normalize()).sorted().distinct().toList();
		if (models.isEmpty()) {
			throw new CalculationException("no model files given");
		}
		Path base = root == null ? commonFolder(models) : root.toAbsolutePath().normalize();
		Computation computation = Computation.run(models, options.methodology(), options.iterations(), options.seed(), progress.split(30));
		SortedMap<String, byte[]> entries = new TreeMap<>();
		ResourceSet resources = computation.loaded().resourceSet();

		// models, their data files and the declarations they cite
		for (Path model : models) {
			put(entries, inside(model, base), Files.readAllBytes(model));
		}
		List<List<?>> declarations = new ArrayList<>();
		for (EObject element : contents(resources)) {
			if (element instanceof DataSource source && !source.isLive() && source.getFormat() != org.zerocarbon.model.zc.DataFormat.OPCUA) {
				List<Path> data = new ArrayList<>(DataLocations.files(source));
				if (source.getProbe() != null) {
					DataLocations.folderOf(source.eResource()).ifPresent(f -> data.addAll(DataLocations.files(f, source.getProbe())));
				}
				for (Path file : data) {
					entries.putIfAbsent(inside(file, base), Files.readAllBytes(file));
				}
			} else if (element instanceof DeclaredProduct product) {
				String where = "";
				if (product.getFile() != null && !product.getFile().isBlank()) {
					var folder = DataLocations.folderOf(product.eResource());
					Path file = folder.map(f -> f.resolve(product.getFile()).normalize()).orElse(null);
					if (file != null && Files.isRegularFile(file) && file.startsWith(base)) {
						where = inside(file, base);
						entries.putIfAbsent(where, Files.readAllBytes(file));
					} else {
						where = "not in the project: " + product.getFile();
					}
				}
				declarations.add(List.of(ModelSet.nameOf(product), n(product.getEpd()), where, n(product.getSource()), n(product.getLicence()),
						Sections.location(org.eclipse.emf.ecore.util.EcoreUtil.getURI(product).toString(), resources, base)));
			}
		}
		progress.split(5);
		// the chosen lines, parks and loops: one filter for all three, so that a name that is not there is an error alike
		List<EObject> subjects = chosen(computation.subjects(), options.subjects().isEmpty() ? null : options.subjects(), "line or park");
		List<EObject> loops = chosen(loops(resources), options.loops(), "energy loop");

		// reports of the chosen subjects
		List<FootprintResult> results = new ArrayList<>();
		SubMonitor reporting = progress.split(40).setWorkRemaining(subjects.size());
		for (EObject subject : subjects) {
			FootprintResult result = computation.results().get(computation.subjects().indexOf(subject));
			results.add(result);
			java.util.Set<ReportFormat> formats = options.pdf() ? EnumSet.allOf(ReportFormat.class) : TEXT_FORMATS;
			for (Map.Entry<String, byte[]> report : reports(result, subject, formats, base, reporting.split(1)).entrySet()) {
				entries.put("reports/" + report.getKey(), report.getValue());
			}
		}

		// diagrams of the chosen lines, parks and loops
		for (EObject element : union(subjects, loops)) {
			if (SceneBuilder.supports(element)) {
				String name = diagram(element);
				// one scene painted twice: the SVG as the diagram editor's export writes it, and the same picture as PDF
				Scene scene = SceneLayout.layout(new SceneBuilder().build(element));
				SvgPainter svg = new SvgPainter(scene.width(), scene.height());
				ScenePainter.paint(scene, svg);
				byte[] svgBytes = utf8(svg.toSvg());
				put(entries, name + ".svg", svgBytes);
				if (options.pdf()) {
					put(entries, name + ".pdf", PdfPainter.of(scene, java.util.HexFormat.of().parseHex(sha256(svgBytes))));
				}
			}
		}
		progress.split(10);

		// criteria, measured data, provenance
		List<Sections.Row> rows = new ArrayList<>();
		CriteriaChecker checker = new CriteriaChecker(computation.measurements());
		for (RuleSet ruleSet : computation.models().ruleSets(null)) {
			for (CriterionResult result : checker.check(List.of(ruleSet), resources)) {
				rows.add(new Sections.Row(ModelSet.nameOf(ruleSet), result, Sections.evidence(result, resources, base)));
			}
		}
		put(entries, "criteria/compliance-matrix.csv", utf8(Sections.matrixCsv(rows)));
		put(entries, "criteria/compliance-matrix.html", utf8(Sections.matrixHtml(rows)));
		Sections.measured(results, base).forEach((name, text) -> put(entries, name, utf8(text)));
		for (MeasuredEvidence contributor : options.measured()) {
			contributor.files(results, resources).forEach((name, text) -> put(entries, "measured/" + name, utf8(Computation.relocate(text, base))));
		}
		put(entries, "provenance/factors.csv", utf8(Sections.factors(results)));
		if (!declarations.isEmpty()) {
			put(entries, "provenance/declarations.csv", utf8(org.zerocarbon.evidence.internal.Texts.csv(
					List.of("product", "epd", "file", "source", "licence", "declared at"), declarations)));
		}
		progress.split(5);

		Git git = Git.of(base);
		String version = toolVersion();
		put(entries, "index.html", utf8(IndexPage.render(version, computation, results, rows, entries.keySet(), git)));
		byte[] manifest = utf8(manifest(version, computation, results, loops, options, git, entries));
		entries.put("manifest.json", manifest);
		if (options.signer() != null) {
			entries.put(ManifestSignature.SIGNATURE, ManifestSignature.sign(manifest, options.signer()));
		}
		byte[] bytes = DeterministicZip.of(entries);
		ReportWriter.writeAtomically(zip, bytes);
		progress.split(10);
		return new Built(zip, List.copyOf(entries.keySet()), List.copyOf(results));
	}

	/** The report formats without the PDF. */
	static final java.util.Set<ReportFormat> TEXT_FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.CSV, ReportFormat.HTML);

	/**
	 * The report files of one subject, by file name; the text formats relocated (see {@link Computation#relocate}).
	 * Used alike by the builder and the verifier.
	 */
	static SortedMap<String, byte[]> reports(FootprintResult result, EObject subject, java.util.Set<ReportFormat> formats, Path root,
			IProgressMonitor monitor) throws IOException {
		String name = ModelSet.nameOf(subject);
		ReportOptions options = ReportOptions.defaults().withBaseName(org.zerocarbon.evidence.internal.Texts.fileName(name));
		if (formats.contains(ReportFormat.HTML) && SceneBuilder.supports(subject)) {
			options = options.withDiagram(DiagramSvg.inline(subject));
		}
		Path tmp = Files.createTempDirectory("zc-evidence-reports");
		SortedMap<String, byte[]> out = new TreeMap<>();
		try {
			for (Path file : ReportWriter.write(result, formats, tmp, options, monitor)) {
				byte[] bytes = Files.readAllBytes(file);
				String fileName = file.getFileName().toString();
				if (!fileName.endsWith(".pdf")) {
					bytes = utf8(Computation.relocate(new String(bytes, StandardCharsets.UTF_8), root));
				}
				out.put(fileName, bytes);
			}
		} finally {
			try (Stream<Path> walk = Files.walk(tmp)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			}
		}
		return out;
	}

	private static String manifest(String version, Computation computation, List<FootprintResult> results, List<EObject> loops, Options options,
			Git git, SortedMap<String, byte[]> entries) {
		JsonObject manifest = new JsonObject();
		manifest.addProperty("format", FORMAT);
		JsonObject tool = new JsonObject();
		tool.addProperty("name", "ZeroCarbon Workbench");
		tool.addProperty("version", version);
		manifest.add("tool", tool);
		JsonObject methodology = new JsonObject();
		FootprintResult.MethodologyRef ref = results.get(0).methodology();
		methodology.addProperty("id", ref == null ? ModelSet.nameOf(computation.methodology()) : ref.id());
		methodology.addProperty("version", ref == null ? null : ref.version());
		methodology.addProperty("title", ref == null ? null : ref.title());
		methodology.addProperty("selector", ModelSet.nameOf(computation.methodology()));
		manifest.add("methodology", methodology);
		JsonObject calculation = new JsonObject();
		calculation.addProperty("iterations", options.iterations());
		calculation.addProperty("seed", options.seed());
		manifest.add("calculation", calculation);
		JsonObject models = new JsonObject();
		models.addProperty("gitCommit", git.commit());
		models.addProperty("workingTree", git.state());
		manifest.add("models", models);
		JsonArray subjects = new JsonArray();
		for (FootprintResult r : results) {
			JsonObject s = new JsonObject();
			s.addProperty("name", r.subject().name());
			s.addProperty("kind", r.subject().kind());
			s.addProperty("report", "reports/" + org.zerocarbon.evidence.internal.Texts.fileName(r.subject().name()) + ".json");
			s.addProperty("locationBasedKgCO2e", r.total());
			s.addProperty("marketBasedKgCO2e", r.totalMarket());
			if (r.scope2() != null) {
				s.addProperty("scope2LocationBasedKgCO2e", r.scope2().locationBasedKgCO2e());
				s.addProperty("scope2MarketBasedKgCO2e", r.scope2().marketBasedKgCO2e());
			}
			s.addProperty("moduleDKgCO2e", r.moduleD());
			subjects.add(s);
		}
		manifest.add("subjects", subjects);
		JsonArray energyLoops = new JsonArray();
		for (EObject loop : loops) {
			JsonObject l = new JsonObject();
			l.addProperty("name", ModelSet.nameOf(loop));
			l.addProperty("diagram", diagram(loop) + ".svg");
			energyLoops.add(l);
		}
		manifest.add("loops", energyLoops);
		JsonObject hashes = new JsonObject();
		entries.forEach((name, bytes) -> hashes.addProperty(name, sha256(bytes)));
		manifest.add("files", hashes);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(manifest) + "\n";
	}

	/** SHA-256 as lower-case hex. */
	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every Java platform", e);
		}
	}

	static String toolVersion() {
		var bundle = org.osgi.framework.FrameworkUtil.getBundle(EvidencePackage.class);
		return bundle == null ? "development" : bundle.getVersion().toString();
	}

	/**
	 * The qualified names of the energy loops among loaded models, sorted: what {@link Options#loops()} chooses from
	 * (the export wizard offers them).
	 */
	public static List<String> loopNames(ResourceSet resources) {
		return loops(resources).stream().map(ModelSet::nameOf).toList();
	}

	private static List<EObject> loops(ResourceSet resources) {
		return contents(resources).stream().filter(EnergyLoop.class::isInstance).sorted(Comparator.comparing(ModelSet::nameOf)).toList();
	}

	/**
	 * The elements a filter chooses, in the order of {@code available}: all of them for null, otherwise those named.
	 *
	 * @throws CalculationException naming each name that is not among them, and those there are
	 */
	private static List<EObject> chosen(List<EObject> available, List<String> names, String what) {
		if (names == null) {
			return available;
		}
		List<String> there = available.stream().map(ModelSet::nameOf).toList();
		List<String> unknown = names.stream().filter(n -> !there.contains(n)).distinct().toList();
		if (!unknown.isEmpty()) {
			throw new CalculationException("no " + what + " " + String.join(", ", unknown) + " among the models; "
					+ (there.isEmpty() ? "they have none" : "they have " + String.join(", ", there)));
		}
		return available.stream().filter(e -> names.contains(ModelSet.nameOf(e))).toList();
	}

	private static List<EObject> union(List<EObject> a, List<EObject> b) {
		List<EObject> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** The diagram's path without extension, e.g. diagrams/energyloop-housing.AirLoop. */
	private static String diagram(EObject element) {
		return "diagrams/" + element.eClass().getName().toLowerCase(java.util.Locale.ROOT) + "-"
				+ org.zerocarbon.evidence.internal.Texts.fileName(ModelSet.nameOf(element));
	}

	private static List<EObject> contents(ResourceSet resources) {
		List<EObject> out = new ArrayList<>();
		for (Resource resource : List.copyOf(resources.getResources())) {
			for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
				out.add(it.next());
			}
		}
		return out;
	}

	private static String inside(Path file, Path root) {
		Path abs = file.toAbsolutePath().normalize();
		if (!abs.startsWith(root)) {
			throw new CalculationException(abs + " lies outside the project root " + root + "; give a root that holds every model and data file");
		}
		return "models/" + root.relativize(abs).toString().replace('\\', '/');
	}

	private static Path commonFolder(List<Path> files) {
		Path common = files.get(0).getParent();
		for (Path file : files) {
			while (!file.startsWith(common)) {
				common = common.getParent();
			}
		}
		return common;
	}

	private static void put(SortedMap<String, byte[]> entries, String name, byte[] bytes) {
		Objects.requireNonNull(bytes);
		if (entries.putIfAbsent(name, bytes) != null) {
			throw new IllegalStateException("two files of the package are named " + name);
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String n(String text) {
		return text == null ? "" : text;
	}
}
