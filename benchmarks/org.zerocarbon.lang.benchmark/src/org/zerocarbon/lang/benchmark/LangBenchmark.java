package org.zerocarbon.lang.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.resource.impl.ResourceDescriptionsData;
import org.eclipse.xtext.resource.XtextResourceSet;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.zerocarbon.lang.batch.ModelValidation;
import org.zerocarbon.lang.batch.Problem;
import org.zerocarbon.lang.batch.ZcLanguage;

import com.google.inject.Injector;

/**
 * Parse + validate throughput of the ZeroCarbon language on a generated workspace: a park of 10,000 machines in
 * about 100,000 lines and 200 files (one factor library, one site, 197 line files of about 51 machines, one park
 * referencing every line). Prints the figures; it asserts nothing (see benchmarks/lang-benchmark.sh).
 * <ul>
 * <li>full validation: {@link ModelValidation#validate} over all files, as {@code zcw validate} and a full build do;</li>
 * <li>the same with an index of exported names installed on the resource set ({@link ResourceDescriptionsData}), as
 * Xtext's incremental builder and language server have it;</li>
 * <li>re-validation after a one-file change: the changed line file is re-parsed in the loaded resource set, its
 * index entry replaced, then it and the park that references it are linked and validated again, as an incremental
 * build does.</li>
 * </ul>
 */
public final class LangBenchmark {

	private static final int MACHINES = 10_000;
	private static final int LINE_FILES = 197;

	public static void main(String[] args) throws IOException {
		Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("zc-bench");
		int lines = generate(dir);
		List<Path> files;
		try (Stream<Path> walk = Files.list(dir)) {
			files = walk.filter(p -> p.toString().endsWith(".zc")).sorted().toList();
		}
		List<URI> uris = files.stream().map(p -> URI.createFileURI(p.toString())).toList();
		System.out.printf(Locale.ROOT, "workspace: %d files, %,d lines, %,d machines (%s)%n", files.size(), lines, MACHINES, dir);

		long start = System.nanoTime();
		Injector injector = ZcLanguage.injector();
		System.out.printf(Locale.ROOT, "language setup: %.2f s%n", seconds(start));

		ModelValidation validation = ModelValidation.create();
		for (int run = 1; run <= 2; run++) {
			System.gc();
			start = System.nanoTime();
			List<Problem> problems = validation.validate(uris, () -> false);
			double elapsed = seconds(start);
			Runtime rt = Runtime.getRuntime();
			System.out.printf(Locale.ROOT, "full parse+validate run %d: %.2f s (%,.0f lines/s), %d problems, heap used %d MB of max %d MB%n",
					run, elapsed, lines / elapsed, problems.size(), (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
			if (!problems.isEmpty()) {
				System.out.println("  first problem: " + problems.get(0));
			}
		}

		// The same work with an index of exported names installed on the resource set (as Xtext's incremental
		// builder and language server do): cross-file lookups become hash look-ups instead of a walk over all files.
		XtextResourceSet set = null;
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		for (int run = 1; run <= 2; run++) {
			System.gc();
			set = injector.getInstance(XtextResourceSet.class);
			start = System.nanoTime();
			long phase = start;
			for (URI uri : uris) {
				set.getResource(uri, true);
			}
			double parse = seconds(phase);
			phase = System.nanoTime();
			List<IResourceDescription> descriptions = new ArrayList<>();
			for (Resource resource : set.getResources()) {
				descriptions.add(((XtextResource) resource).getResourceServiceProvider().getResourceDescriptionManager()
						.getResourceDescription(resource));
			}
			ResourceDescriptionsData.ResourceSetAdapter.installResourceDescriptionsData(set, new ResourceDescriptionsData(descriptions));
			double index = seconds(phase);
			phase = System.nanoTime();
			EcoreUtil.resolveAll(set);
			double link = seconds(phase);
			phase = System.nanoTime();
			int issues = 0;
			for (Resource resource : new ArrayList<>(set.getResources())) {
				issues += validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl).size();
			}
			double validate = seconds(phase);
			double elapsed = seconds(start);
			Runtime rt = Runtime.getRuntime();
			System.out.printf(Locale.ROOT,
					"full parse+validate with name index, run %d: %.2f s (%,.0f lines/s; parse %.2f, index %.2f, link %.2f, validate %.2f), %d issues, heap used %d MB%n",
					run, elapsed, lines / elapsed, parse, index, link, validate, issues, (rt.totalMemory() - rt.freeMemory()) >> 20);
		}
		if (set == null) {
			return;
		}
		XtextResource changed = (XtextResource) set.getResource(uris.get(files.indexOf(dir.resolve("line-100.zc"))), false);
		XtextResource park = (XtextResource) set.getResource(URI.createFileURI(dir.resolve("park.zc").toString()), false);
		String original = changed.getParseResult().getRootNode().getText();
		List<Double> times = new ArrayList<>();
		for (int run = 1; run <= 5; run++) {
			String edited = original.replaceFirst("rated 15 kW", "rated " + (15 + run) + " kW");
			start = System.nanoTime();
			changed.reparse(edited);
			ResourceDescriptionsData.ResourceSetAdapter.findResourceDescriptionsData(set)
					.addDescription(changed.getURI(), changed.getResourceServiceProvider().getResourceDescriptionManager().getResourceDescription(changed));
			int issues = 0;
			for (Resource resource : List.of(changed, park)) {
				EcoreUtil.resolveAll(resource);
				List<Issue> found = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
				issues += found.size();
			}
			double elapsed = seconds(start);
			times.add(elapsed);
			System.out.printf(Locale.ROOT, "re-validate after a one-file change, run %d: %.3f s (%d issues)%n", run, elapsed, issues);
		}
		times.sort(Comparator.naturalOrder());
		System.out.printf(Locale.ROOT, "re-validate median: %.3f s%n", times.get(times.size() / 2));
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	/** Writes the workspace; returns the number of lines written. */
	static int generate(Path dir) throws IOException {
		Files.createDirectories(dir);
		int lines = 0;
		lines += write(dir.resolve("factors.zc"), """
				package bench.lib

				factors Library {
					grid factor CN = 582 gCO2e/kWh {
						region "CN"
						source "Ember via Our World in Data"
						licence "CC BY 4.0"
					}
					material factor Steel = 1.91 tCO2/t {
						basis co2
						source "worldsteel"
						licence "cite the source"
					}
					transport factor Truck = 0.126 kgCO2e/tkm {
						source "UK DEFRA"
						licence "Open Government Licence v3.0"
					}
				}
				""");
		lines += write(dir.resolve("site.zc"), """
				package bench

				import bench.lib.*

				site Plant {
					region "CN"
					grid CN
				}
				""");
		StringBuilder park = new StringBuilder("package bench\n\npark Park industrial {\n\tsite Plant\n\tproduction Lines {\n\t\tlines ");
		int machine = 0;
		for (int file = 0; file < LINE_FILES; file++) {
			int count = MACHINES / LINE_FILES + (file < MACHINES % LINE_FILES ? 1 : 0);
			StringBuilder text = new StringBuilder("package bench\n\nimport bench.lib.*\n\nline L").append(file).append(" {\n\tsite Plant\n");
			String previous = null;
			for (int i = 0; i < count; i++, machine++) {
				String name = "M" + machine;
				text.append("\tmachine ").append(name).append(" vmc {\n")
						.append("\t\trated 15 kW\n")
						.append("\t\tstate standby 1.2 kW for 30 %\n")
						.append("\t\tstate processing 9.5 kW for 70 %\n")
						.append("\t\tcomponent Spindle spindle 11 kW\n")
						.append("\t\tsubassembly Frame { material 5200 kg factor Steel }\n")
						.append("\t\ttransport 9 t over 700 km by truck factor Truck\n")
						.append("\t\toperation OP rate 12 parts/h\n")
						.append("\t\tmeter Op operation OP every 1 s\n")
						.append("\t}\n");
				if (previous != null) {
					text.append("\tflow ").append(previous).append(" -> ").append(name).append(" rate 12 parts/h\n");
				}
				previous = name;
			}
			text.append("}\n");
			lines += write(dir.resolve("line-" + file + ".zc"), text.toString());
			park.append(file == 0 ? "" : ", ").append("L").append(file);
		}
		park.append("\n\t}\n\tannual {\n\t\tenergy 11200 tce\n\t\temissions 31800 tCO2\n\t\tclean share 40 %\n\t}\n}\n");
		lines += write(dir.resolve("park.zc"), park.toString());
		return lines;
	}

	private static int write(Path file, String text) throws IOException {
		Files.writeString(file, text);
		return (int) text.lines().count();
	}

	private LangBenchmark() {
	}
}
