package org.zerocarbon.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Identity of a source's data, for caching: one entry per file (path, size, mtime, SHA-256). Two fingerprints are
 * equal when the data is. {@link #asString()} is stable across runs.
 */
public record Fingerprint(List<Entry> entries) {

	/** One file's identity. */
	public record Entry(String path, long size, long lastModifiedMillis, String sha256) {
	}

	/** Path → the last size, mtime and hash seen, so a hash is computed only when size or mtime changed. */
	private static final Map<Path, Entry> HASHES = new ConcurrentHashMap<>();

	public Fingerprint {
		entries = List.copyOf(entries);
	}

	/** The fingerprint of the given files (sorted by path); hashes are remembered per path. */
	public static Fingerprint ofFiles(Collection<Path> files) throws IOException {
		List<Entry> result = new ArrayList<>();
		for (Path file : files) {
			result.add(entry(file));
		}
		result.sort(Comparator.comparing(Entry::path));
		return new Fingerprint(result);
	}

	/** A fingerprint of something that is not a file (e.g. a fixed text). */
	public static Fingerprint ofText(String label, String text) {
		return new Fingerprint(List.of(new Entry(label, text.length(), 0, sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
	}

	static Entry entry(Path file) throws IOException {
		Path key = file.toAbsolutePath().normalize();
		long size = Files.size(key);
		long mtime = Files.getLastModifiedTime(key).toMillis();
		Entry known = HASHES.get(key);
		if (known != null && known.size() == size && known.lastModifiedMillis() == mtime) {
			return known;
		}
		Entry fresh = new Entry(key.toString(), size, mtime, sha256(key));
		HASHES.put(key, fresh);
		return fresh;
	}

	private static String sha256(Path file) throws IOException {
		MessageDigest digest = digest();
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(file)) {
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("the JDK has no SHA-256", e);
		}
	}

	/** "path|size|mtime|sha256;..." — stable, usable as (part of) a cache key. */
	public String asString() {
		StringBuilder text = new StringBuilder();
		for (Entry entry : entries) {
			if (!text.isEmpty()) {
				text.append(';');
			}
			text.append(entry.path()).append('|').append(entry.size()).append('|').append(entry.lastModifiedMillis())
					.append('|').append(entry.sha256());
		}
		return text.toString();
	}
}
