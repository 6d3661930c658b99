package org.zerocarbon.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.core.calc.CalculationException;
import org.zerocarbon.core.calc.ModelSet;
import org.zerocarbon.evidence.internal.Computation;
import org.zerocarbon.evidence.internal.Texts;
import org.zerocarbon.report.ReportFormat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Checks an evidence package: the zip is read safely ({@link SafeZip}); every file's SHA-256 must match
 * manifest.json, with no file missing or added; then the footprints are recomputed from the packaged models
 * (extracted into a temporary folder) with the methodology and Monte Carlo settings the manifest records, and each
 * subject's JSON report must reproduce byte for byte. Every failure is reported, naming its file.
 */
public final class EvidenceVerifier {

	/**
	 * The outcome.
	 *
	 * @param failures what failed, one sentence each naming the file; empty when the package verifies
	 * @param notes    what was checked
	 */
	public record Verification(List<String> failures, List<String> notes) {
		public boolean ok() {
			return failures.isEmpty();
		}
	}

	private EvidenceVerifier() {
	}

	/**
	 * @throws SafeZip.UnsafeZipException when the zip is hostile or malformed (nothing is extracted)
	 * @throws IOException                when it cannot be read
	 */
	public static Verification verify(Path zip, IProgressMonitor monitor) throws IOException {
		return verify(zip, SafeZip.Limits.DEFAULT, monitor);
	}

	/** As {@link #verify(Path, IProgressMonitor)}, with other zip limits. */
	public static Verification verify(Path zip, SafeZip.Limits limits, IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Verifying " + zip.getFileName(), 100);
		List<String> failures = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		SortedMap<String, byte[]> entries = SafeZip.read(zip, limits);
		byte[] manifestBytes = entries.get("manifest.json");
		if (manifestBytes == null) {
			failures.add("manifest.json: missing; this is not an evidence package");
			return new Verification(failures, notes);
		}
		JsonObject manifest;
		try {
			manifest = JsonParser.parseString(new String(manifestBytes, StandardCharsets.UTF_8)).getAsJsonObject();
		} catch (JsonParseException | IllegalStateException e) {
			failures.add("manifest.json: not valid JSON: " + e.getMessage());
			return new Verification(failures, notes);
		}
		if (!EvidencePackage.FORMAT.equals(string(manifest, "format"))) {
			failures.add("manifest.json: format '" + string(manifest, "format") + "', expected " + EvidencePackage.FORMAT);
			return new Verification(failures, notes);
		}
		JsonObject files = manifest.has("files") && manifest.get("files").isJsonObject() ? manifest.getAsJsonObject("files") : new JsonObject();
		int checked = 0;
		for (Map.Entry<String, JsonElement> file : files.entrySet()) {
			byte[] bytes = entries.get(file.getKey());
			if (bytes == null) {
				failures.add(file.getKey() + ": listed in manifest.json but missing from the package");
			} else if (!EvidencePackage.sha256(bytes).equals(file.getValue().getAsString())) {
				failures.add(file.getKey() + ": SHA-256 " + EvidencePackage.sha256(bytes) + " differs from manifest.json's "
						+ file.getValue().getAsString() + " (the file was changed)");
			} else {
				checked++;
			}
		}
		for (String name : entries.keySet()) {
			if (!name.equals("manifest.json") && !SIGNATURES.contains(name) && !files.has(name)) {
				failures.add(name + ": not listed in manifest.json (a file was added)");
			}
		}
		notes.add(checked + " of " + files.size() + " file hashes match manifest.json");
		checkSignature(entries, manifestBytes, failures, notes);
		progress.split(10);
		recompute(entries, manifest, failures, notes, progress.split(90));
		return new Verification(failures, notes);
	}

	/** The entries besides manifest.json that it does not list: the signatures of it. */
	private static final java.util.Set<String> SIGNATURES = java.util.Set.of(ManifestSignature.SIGNATURE, ManifestSignature.PLAIN_SIGNATURE,
			ManifestSignature.CERTIFICATES);

	/** The CMS signature, else the plain signature of earlier packages, else a note that there is none. */
	private static void checkSignature(SortedMap<String, byte[]> entries, byte[] manifest, List<String> failures, List<String> notes) {
		byte[] cms = entries.get(ManifestSignature.SIGNATURE);
		byte[] plain = entries.get(ManifestSignature.PLAIN_SIGNATURE);
		byte[] certificates = entries.get(ManifestSignature.CERTIFICATES);
		String problem = null;
		if (cms != null) {
			problem = ManifestSignature.check(manifest, cms, notes);
		} else if (plain == null && certificates == null) {
			notes.add("manifest.json is not signed");
		} else if (plain == null || certificates == null) {
			problem = (plain == null ? ManifestSignature.PLAIN_SIGNATURE : ManifestSignature.CERTIFICATES) + ": missing beside "
					+ (plain == null ? ManifestSignature.CERTIFICATES : ManifestSignature.PLAIN_SIGNATURE);
		} else {
			problem = ManifestSignature.checkPlain(manifest, plain, certificates, notes);
		}
		if (problem != null) {
			failures.add(problem);
		}
	}

	private static void recompute(SortedMap<String, byte[]> entries, JsonObject manifest, List<String> failures, List<String> notes,
			IProgressMonitor monitor) throws IOException {
		SubMonitor progress = SubMonitor.convert(monitor, "Recomputing the footprints", 100);
		Path tmp = Files.createTempDirectory("zc-evidence-verify");
		try {
			Path root = tmp.resolve("models");
			SafeZip.extract(entries, "models/", tmp);
			List<Path> models = entries.keySet().stream().filter(n -> n.startsWith("models/") && n.endsWith(".zc"))
					.map(n -> tmp.resolve(n)).toList();
			if (models.isEmpty()) {
				failures.add("models/: no .zc files in the package; nothing can be recomputed");
				return;
			}
			JsonObject methodology = manifest.has("methodology") ? manifest.getAsJsonObject("methodology") : new JsonObject();
			JsonObject calculation = manifest.has("calculation") ? manifest.getAsJsonObject("calculation") : new JsonObject();
			int iterations = calculation.has("iterations") ? calculation.get("iterations").getAsInt() : 1000;
			long seed = calculation.has("seed") ? calculation.get("seed").getAsLong() : 42;
			Computation computation;
			try {
				computation = Computation.run(models, string(methodology, "selector"), iterations, seed, progress.split(50));
			} catch (CalculationException e) {
				failures.add("models/: the packaged models cannot be recomputed: " + Computation.relocate(e.getMessage(), root));
				return;
			}
			TreeSet<String> expected = new TreeSet<>();
			if (manifest.has("subjects")) {
				manifest.getAsJsonArray("subjects").forEach(s -> expected.add(string(s.getAsJsonObject(), "name")));
			}
			SubMonitor each = progress.split(50).setWorkRemaining(Math.max(1, expected.size()));
			int reproduced = 0;
			for (String name : expected) {
				int index = -1;
				for (int i = 0; i < computation.subjects().size(); i++) {
					if (ModelSet.nameOf(computation.subjects().get(i)).equals(name)) {
						index = i;
					}
				}
				String report = "reports/" + Texts.fileName(name) + ".json";
				if (index < 0) {
					failures.add(report + ": the subject " + name + " is no longer among the packaged models' lines and parks");
					continue;
				}
				EObject subject = computation.subjects().get(index);
				byte[] again = EvidencePackage.reports(computation.results().get(index), subject, EnumSet.of(ReportFormat.JSON), root, each.split(1))
						.get(Texts.fileName(name) + ".json");
				byte[] packaged = entries.get(report);
				if (packaged == null) {
					failures.add(report + ": missing, so the figures of " + name + " cannot be compared");
				} else if (!Arrays.equals(packaged, again)) {
					failures.add(report + ": the figures do not reproduce from the packaged models: " + firstDifference(packaged, again));
				} else {
					reproduced++;
				}
			}
			notes.add(reproduced + " of " + expected.size() + " JSON reports reproduce byte for byte from the packaged models");
		} finally {
			try (Stream<Path> walk = Files.walk(tmp)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(p);
				}
			}
		}
	}

	/** "line N: packaged '...', recomputed '...'" */
	static String firstDifference(byte[] packaged, byte[] again) {
		String[] a = new String(packaged, StandardCharsets.UTF_8).split("\n", -1);
		String[] b = new String(again, StandardCharsets.UTF_8).split("\n", -1);
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			String x = i < a.length ? a[i].trim() : "(end of file)";
			String y = i < b.length ? b[i].trim() : "(end of file)";
			if (!x.equals(y)) {
				return "line " + (i + 1) + ": packaged " + shorten(x) + ", recomputed " + shorten(y);
			}
		}
		return "the bytes differ (white space)";
	}

	private static String shorten(String text) {
		return "'" + (text.length() > 160 ? text.substring(0, 160) + "..." : text) + "'";
	}

	private static String string(JsonObject object, String key) {
		JsonElement e = object.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}
}
