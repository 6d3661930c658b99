package org.zerocarbon.telemetry.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;
import org.zerocarbon.telemetry.cache.AggregateCache;
import org.zerocarbon.telemetry.cache.AggregateJson;
import org.zerocarbon.telemetry.csv.CsvLayout;
import org.zerocarbon.telemetry.csv.CsvSource;

class AggregateCacheTest {

	@TempDir
	Path dir;

	/** Counts the reads of the source it wraps; can be made to fail. */
	private static final class Counting implements TelemetrySource {
		final TelemetrySource inner;
		int reads;
		boolean fail;
		final boolean live;

		Counting(TelemetrySource inner, boolean live) {
			this.inner = inner;
			this.live = live;
		}

		@Override
		public String description() {
			return inner.description();
		}

		@Override
		public Fingerprint fingerprint() throws IOException {
			return live ? null : inner.fingerprint();
		}

		@Override
		public void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
			reads++;
			if (fail) {
				throw new TelemetryException("http://agent:5000/", "the MTConnect agent did not answer within 300 ms");
			}
			inner.read(from, to, sink, monitor);
		}
	}

	private Path csv(String text) throws IOException {
		Path file = dir.resolve("data.csv");
		Files.writeString(file, text);
		return file;
	}

	private static final String DATA = "t,p\n2026-03-02T07:00:00Z,1000\n2026-03-02T07:00:01Z,3000\n";

	private static CsvSource source(Path file) {
		return new CsvSource(file, CsvLayout.of("t", List.of(new CsvLayout.Column("p", 1))));
	}

	@Test
	void anUnchangedFingerprintReadsNoData() throws Exception {
		// trapezoid (1000 + 3000) / 2 * 1 s = 2000 J
		Path file = csv(DATA);
		Path cacheDir = dir.resolve("cache");
		Counting source = new Counting(source(file), false);
		AggregateCache cache = new AggregateCache(cacheDir);
		MeterSpec spec = MeterSpec.power("p");
		MeterAggregate first = cache.aggregate(source, spec, null, null, false, null);
		MeterAggregate again = cache.aggregate(source, spec, null, null, false, null);
		assertEquals(2000, first.energyJ(), 1e-9);
		assertEquals(first, again);
		assertEquals(1, source.reads);
		// a new cache over the same directory (a new session) reads no data either
		MeterAggregate fromDisk = new AggregateCache(cacheDir).aggregate(source, spec, null, null, false, null);
		assertEquals(1, source.reads);
		assertEquals(first, fromDisk);
		try (Stream<Path> files = Files.list(cacheDir)) {
			assertEquals(1, files.filter(f -> f.toString().endsWith(".json")).count(), "one file, no temp files left");
		}
		// another binding (spec) is another key
		cache.aggregate(source, spec.withIntegration(org.zerocarbon.telemetry.Integration.HOLD), null, null, false, null);
		assertEquals(2, source.reads);
	}

	@Test
	void changedDataIsReadAgain() throws Exception {
		Path file = csv(DATA);
		Counting source = new Counting(source(file), false);
		AggregateCache cache = new AggregateCache(null);
		cache.aggregate(source, MeterSpec.power("p"), null, null, false, null);
		Files.writeString(file, DATA.replace("3000", "5000"));
		Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
		MeterAggregate changed = cache.aggregate(source, MeterSpec.power("p"), null, null, false, null);
		assertEquals(2, source.reads);
		assertEquals(3000, changed.energyJ(), 1e-9); // (1000 + 5000) / 2
	}

	@Test
	void liveSourcesRefreshOnDemandAndFailuresKeepTheLastGoodAggregateStale() throws Exception {
		Counting live = new Counting(source(csv(DATA)), true);
		AggregateCache cache = new AggregateCache(null);
		MeterSpec spec = MeterSpec.power("p");
		assertThrows(TelemetryException.class, () -> {
			Counting down = new Counting(live.inner, true);
			down.fail = true;
			new AggregateCache(null).aggregate(down, spec, null, null, true, null);
		}, "no last good aggregate: the failure is thrown");
		MeterAggregate good = cache.aggregate(live, spec, null, null, true, null);
		cache.aggregate(live, spec, null, null, false, null); // a save: no refresh
		assertEquals(1, live.reads);
		live.fail = true;
		MeterAggregate stale = cache.aggregate(live, spec, null, null, true, null);
		assertEquals(2, live.reads);
		assertTrue(stale.stale());
		assertFalse(good.stale());
		assertEquals(good.energyJ(), stale.energyJ());
		assertTrue(stale.hasErrors());
		assertTrue(stale.diagnostics().get(stale.diagnostics().size() - 1).message().contains("did not answer within 300 ms"));
	}

	@Test
	void jsonRoundTripKeepsEverything() throws Exception {
		MeterSpec spec = MeterSpec.power("p").withState("state", null, null).withProgram("prog", "count");
		Path file = csv("t,p,state,prog,count\n2026-03-02T07:00:00Z,1000,ACTIVE,O1,1\n2026-03-02T07:00:01Z,3000,READY,O1,2\n"
				+ "2026-03-02T07:00:02Z,x,READY,O1,2\n");
		CsvSource source = new CsvSource(file, CsvLayout.of("t", List.of(new CsvLayout.Column("p", 1))).withEvents("state", "prog", "count"));
		MeterAggregate aggregate = new AggregateCache(null).aggregate(source, spec, null, null, false, null);
		assertFalse(aggregate.diagnostics().isEmpty());
		assertEquals(aggregate, AggregateJson.fromJson(AggregateJson.toJson(aggregate)));
	}
}
