package org.zerocarbon.telemetry.tests;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.MeterSpec;
import org.zerocarbon.telemetry.TelemetrySource;
import org.zerocarbon.telemetry.csv.CsvLayout;
import org.zerocarbon.telemetry.csv.CsvSource;
import org.zerocarbon.telemetry.mtconnect.MTConnectFileSource;

/**
 * Issue 13's telemetry benchmark (run by benchmarks/telemetry-benchmark.sh): one machine-year at 1 s (31 536 000
 * samples) as a CSV file and as MTConnect Streams XML (documents of 1 000 000 observations), generated into a temp
 * directory, then read and aggregated on the calling thread. Arguments: [samples] [csv|xml]. Prints time, samples/s and the peak heap of each.
 * Targets: CSV ≤ 5 s, XML ≤ 15 s, one core, -Xmx256m. Not a test: nothing here asserts a time.
 */
public final class TelemetryBenchmark {

	private static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
	private static final int PER_DOCUMENT = 1_000_000;

	private TelemetryBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		long samples = args.length > 0 ? Long.parseLong(args[0]) : 31_536_000L;
		Path dir = Files.createTempDirectory("zc-telemetry-benchmark");
		try {
			System.out.printf("telemetry benchmark: %,d samples at 1 s, heap max %d MB, %d processor(s)%n", samples,
					Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
			String only = args.length > 1 ? args[1] : "";
			if (!only.equals("xml")) {
				csv(dir, samples);
			}
			if (!only.equals("csv")) {
				xml(dir, samples);
			}
		} finally {
			try (Stream<Path> files = Files.walk(dir)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	private static void csv(Path dir, long samples) throws Exception {
		Path csv = dir.resolve("year.csv");
		long t0 = System.nanoTime();
		writeCsv(csv, samples);
		System.out.printf("  generated CSV: %,d MB in %.1f s%n", Files.size(csv) >> 20, (System.nanoTime() - t0) / 1e9);
		CsvSource csvSource = new CsvSource(csv, CsvLayout.of("timestamp", List.of(new CsvLayout.Column("power_w", 1))));
		run("CSV", csvSource, MeterSpec.power("power_w"), samples, 5);
		Files.delete(csv);
	}

	private static void xml(Path dir, long samples) throws Exception {
		long t0 = System.nanoTime();
		List<Path> xml = writeXml(dir, samples);
		long bytes = 0;
		for (Path file : xml) {
			bytes += Files.size(file);
		}
		System.out.printf("  generated MTConnect XML: %d documents, %,d MB in %.1f s%n", xml.size(), bytes >> 20,
				(System.nanoTime() - t0) / 1e9);
		run("MTConnect XML", new MTConnectFileSource(xml, null), MeterSpec.power("p1"), samples, 15);
	}

	private static void run(String name, TelemetrySource source, MeterSpec spec, long samples, double targetS) throws Exception {
		System.gc();
		resetPeaks();
		java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu0 = threads.getCurrentThreadCpuTime();
		long t0 = System.nanoTime();
		Aggregator aggregator = Aggregator.of(spec, null, null, source);
		source.read(null, null, aggregator, null);
		MeterAggregate result = aggregator.finish();
		double seconds = (System.nanoTime() - t0) / 1e9;
		// the thread's CPU time is what one core spends, even when other processes share it
		double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
		System.out.printf("  %-14s %,d samples in %.2f s (CPU %.2f s) = %,.0f samples/s of CPU (target <= %.0f s: %s), "
				+ "peak heap %d MB; %.1f MWh, coverage %.4f, %d diagnostics%n", name, result.samples(), seconds, cpu,
				result.samples() / cpu, targetS, cpu <= targetS ? "met" : "MISSED", peakHeap() >> 20, result.energyJ() / 3.6e9,
				result.coverage(), result.diagnostics().size());
		if (result.samples() != samples) {
			System.out.println("  WARNING: expected " + samples + " samples");
		}
	}

	private static void resetPeaks() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
	}

	/** The sum of the heap pools' peaks since the reset (an upper bound of the peak heap in use). */
	private static long peakHeap() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	/** A power profile: a daily cycle with a faster wave, like a machine's load. */
	private static int watts(long i) {
		return 3000 + (int) (2500 * Math.sin(i * 2 * Math.PI / 86_400)) + (int) (i % 97) * 10;
	}

	private static void writeCsv(Path file, long samples) throws IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			out.write("timestamp,power_w\n".getBytes(StandardCharsets.US_ASCII));
			Stamp stamp = new Stamp();
			for (long i = 0; i < samples; i++) {
				out.write(stamp.at(START + i));
				out.write(',');
				writeInt(out, watts(i));
				out.write('.');
				out.write('0' + (int) (i % 10));
				out.write('\n');
			}
		}
	}

	private static List<Path> writeXml(Path dir, long samples) throws IOException {
		List<Path> files = new ArrayList<>();
		Stamp stamp = new Stamp();
		for (long first = 0, doc = 0; first < samples; first += PER_DOCUMENT, doc++) {
			long end = Math.min(samples, first + PER_DOCUMENT);
			Path file = dir.resolve(String.format("year-%04d.xml", doc));
			files.add(file);
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
				out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<MTConnectStreams xmlns=\"urn:mtconnect.org:MTConnectStreams:2.4\">\n"
						+ "<Header creationTime=\"2026-01-01T00:00:00Z\" sender=\"bench\" instanceId=\"1\" version=\"2.4.0.0\" "
						+ "deviceModelChangeTime=\"2025-01-01T00:00:00Z\" bufferSize=\"" + PER_DOCUMENT + "\" firstSequence=\""
						+ (first + 1) + "\" lastSequence=\"" + end + "\" nextSequence=\"" + (end + 1) + "\"/>\n<Streams>\n"
						+ "<DeviceStream name=\"M1\" uuid=\"m1\">\n<ComponentStream component=\"Electric\" componentId=\"e\">\n<Samples>\n")
						.getBytes(StandardCharsets.US_ASCII));
				byte[] open = "<Wattage dataItemId=\"p1\" timestamp=\"".getBytes(StandardCharsets.US_ASCII);
				byte[] mid = "\" sequence=\"".getBytes(StandardCharsets.US_ASCII);
				byte[] close = "</Wattage>\n".getBytes(StandardCharsets.US_ASCII);
				for (long i = first; i < end; i++) {
					out.write(open);
					out.write(stamp.at(START + i));
					out.write(mid);
					writeLong(out, i + 1);
					out.write('"');
					out.write('>');
					writeInt(out, watts(i));
					out.write(close);
				}
				out.write("</Samples>\n</ComponentStream>\n</DeviceStream>\n</Streams>\n</MTConnectStreams>\n"
						.getBytes(StandardCharsets.US_ASCII));
			}
		}
		return files;
	}

	/** ISO-8601 UTC stamps, the date part formatted once a day. */
	private static final class Stamp {
		private long day = Long.MIN_VALUE;
		private final byte[] text = new byte[20];

		byte[] at(long epochSecond) {
			long d = Math.floorDiv(epochSecond, 86_400);
			if (d != day) {
				day = d;
				byte[] date = LocalDateTime.ofEpochSecond(d * 86_400, 0, ZoneOffset.UTC).toLocalDate().toString()
						.getBytes(StandardCharsets.US_ASCII);
				System.arraycopy(date, 0, text, 0, 10);
				text[10] = 'T';
				text[13] = ':';
				text[16] = ':';
				text[19] = 'Z';
			}
			int s = (int) (epochSecond - d * 86_400);
			two(s / 3600, 11);
			two(s / 60 % 60, 14);
			two(s % 60, 17);
			return text;
		}

		private void two(int v, int at) {
			text[at] = (byte) ('0' + v / 10);
			text[at + 1] = (byte) ('0' + v % 10);
		}
	}

	private static void writeInt(OutputStream out, int v) throws IOException {
		writeLong(out, v);
	}

	private static void writeLong(OutputStream out, long v) throws IOException {
		if (v < 0) {
			out.write('-');
			v = -v;
		}
		if (v >= 10) {
			writeLong(out, v / 10);
		}
		out.write((int) ('0' + v % 10));
	}
}
