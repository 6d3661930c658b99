package org.zerocarbon.telemetry.cache;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.eclipse.core.runtime.IProgressMonitor;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * Aggregates by (source fingerprint, source configuration, meter spec, period), in memory and optionally in a
 * directory (one JSON file per key, written atomically: a temp file, then ATOMIC_MOVE). A lookup with an unchanged
 * fingerprint reads no data; only the fingerprint is taken (sizes and mtimes; a hash only for changed files).
 *
 * <p>Live sources (no fingerprint) are read only when {@code refreshLive} is true, never on a mere lookup. When a
 * read fails and an earlier aggregate of the same source, spec and period exists, that one is returned marked stale,
 * with the failure as an error diagnostic; without one the failure is thrown.
 */
public final class AggregateCache {

	private static final int MEMORY_ENTRIES = 512;

	private final Path directory;
	private final Map<String, MeterAggregate> memory = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, MeterAggregate> eldest) {
			return size() > MEMORY_ENTRIES;
		}
	};
	/** binding (source configuration + spec + period) → the last good aggregate, for live refreshes and failures */
	private final Map<String, MeterAggregate> lastGood = new LinkedHashMap<>();

	/** @param directory where aggregates are kept across sessions, or null for memory only */
	public AggregateCache(Path directory) {
		this.directory = directory;
	}

	/**
	 * The aggregate of {@code spec} over [from, to) of {@code source}: cached if the data and binding are unchanged,
	 * else read (through {@code monitor}) and cached.
	 */
	public MeterAggregate aggregate(TelemetrySource source, MeterSpec spec, Instant from, Instant to, boolean refreshLive,
			IProgressMonitor monitor) throws TelemetryException {
		String binding = source.configurationKey() + "\n" + spec.key() + "\n" + from + "\n" + to;
		Fingerprint fingerprint;
		try {
			fingerprint = source.fingerprint();
		} catch (IOException e) {
			return stale(binding, new TelemetryException(source.description(), "cannot read the data: " + e.getMessage(), e));
		}
		String key = fingerprint == null ? null : hash(binding + "\n" + fingerprint.asString());
		if (key != null) {
			MeterAggregate hit = lookup(key, binding + "\n" + fingerprint.asString());
			if (hit != null) {
				remember(binding, hit);
				return hit;
			}
		} else if (!refreshLive) {
			synchronized (this) {
				MeterAggregate last = lastGood.get(binding);
				if (last != null) {
					return last;
				}
			}
		}
		MeterAggregate fresh;
		try {
			Aggregator aggregator = Aggregator.of(spec, from, to, source);
			source.read(from, to, aggregator, monitor);
			fresh = aggregator.finish();
		} catch (TelemetryException e) {
			return stale(binding, e);
		}
		if (key != null) {
			store(key, binding + "\n" + fingerprint.asString(), fresh);
		}
		remember(binding, fresh);
		return fresh;
	}

	private MeterAggregate stale(String binding, TelemetryException failure) throws TelemetryException {
		MeterAggregate last;
		synchronized (this) {
			last = lastGood.get(binding);
		}
		if (last == null) {
			throw failure;
		}
		return last.asStale(Diagnostic.error(failure.source(), failure.line(), null, failure.getMessage()
				+ "; showing the last good aggregate (stale)"));
	}

	private synchronized void remember(String binding, MeterAggregate aggregate) {
		lastGood.put(binding, aggregate);
	}

	private MeterAggregate lookup(String key, String fullKey) {
		synchronized (this) {
			MeterAggregate hit = memory.get(key);
			if (hit != null) {
				return hit;
			}
		}
		if (directory == null) {
			return null;
		}
		Path file = directory.resolve(key + ".json");
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			JsonObject json = JsonParser.parseReader(in).getAsJsonObject();
			if (!fullKey.equals(json.get("key").getAsString())) {
				return null;
			}
			MeterAggregate aggregate = AggregateJson.fromJson(json.getAsJsonObject("aggregate"));
			synchronized (this) {
				memory.put(key, aggregate);
			}
			return aggregate;
		} catch (IOException | RuntimeException e) {
			return null; // unreadable or of another version: recompute and overwrite
		}
	}

	private void store(String key, String fullKey, MeterAggregate aggregate) {
		synchronized (this) {
			memory.put(key, aggregate);
		}
		if (directory == null) {
			return;
		}
		JsonObject json = new JsonObject();
		json.addProperty("key", fullKey);
		json.add("aggregate", AggregateJson.toJson(aggregate));
		try {
			Files.createDirectories(directory);
			Path temp = Files.createTempFile(directory, key, ".tmp");
			try {
				try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
					out.write(json.toString());
				}
				try {
					Files.move(temp, directory.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE);
				} catch (AtomicMoveNotSupportedException e) {
					Files.move(temp, directory.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
				}
			} finally {
				Files.deleteIfExists(temp);
			}
		} catch (IOException e) {
			// the cache is an optimisation: a failed write only costs a later re-read
		}
	}

	/** Forgets everything in memory (the directory stays). */
	public synchronized void clearMemory() {
		memory.clear();
	}

	private static String hash(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
