package org.zerocarbon.telemetry.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.zerocarbon.telemetry.MeterAggregate;

/**
 * Aggregates of earlier reads, in memory: by the data's identity, binding and period (a hit means the data need not
 * be read), and by binding alone (the last good aggregate, used — marked stale — when a source fails). Bounded: the
 * least recently used entries go first. Thread-safe.
 */
public final class MeasurementCache {

	private static final int LIMIT = 512;

	private final Map<String, MeterAggregate> byKey = lru();
	private final Map<String, MeterAggregate> lastGood = lru();
	private long hits;
	private long misses;

	public synchronized MeterAggregate get(String key) {
		MeterAggregate aggregate = byKey.get(key);
		if (aggregate == null) {
			misses++;
		} else {
			hits++;
		}
		return aggregate;
	}

	public synchronized void put(String key, String binding, MeterAggregate aggregate) {
		byKey.put(key, aggregate);
		if (!aggregate.hasErrors() || aggregate.samples() > 0) {
			lastGood.put(binding, aggregate);
		}
	}

	/** The last good aggregate of a binding, or null. */
	public synchronized MeterAggregate last(String binding) {
		return lastGood.get(binding);
	}

	/** Reads answered from the cache (for tests and the benchmark). */
	public synchronized long hits() {
		return hits;
	}

	/** Reads that had to read data. */
	public synchronized long misses() {
		return misses;
	}

	public synchronized void clear() {
		byKey.clear();
		lastGood.clear();
	}

	private static Map<String, MeterAggregate> lru() {
		return new LinkedHashMap<>(16, 0.75f, true) {
			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, MeterAggregate> eldest) {
				return size() > LIMIT;
			}
		};
	}
}
