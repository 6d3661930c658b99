package org.zerocarbon.telemetry.mtconnect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.Integration;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.Streams;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * Recorded MTConnect Streams documents ({@code /sample} or {@code /current} responses), one document per file, plain
 * or gzip (by the magic bytes). Files are read in name order; within one agent run (instanceId) an observation whose
 * sequence was already read from an earlier file is skipped, so overlapping recordings do not count twice. Channels
 * are dataItemIds. Values are converted from the type's MTConnect units to SI (POWER_FACTOR PERCENT → 1).
 * MTConnect reports on change, so the default integration is {@link Integration#HOLD}.
 */
public final class MTConnectFileSource implements TelemetrySource {

	private final List<Path> files;
	private final Path probeFile;
	private final String description;
	private Probe probe;
	private final Map<String, DataItemInfo> seen = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * @param files     the Streams documents (at least one)
	 * @param probeFile a probe (Devices) document for type binding and units, or null
	 */
	public MTConnectFileSource(List<Path> files, Path probeFile) {
		if (files.isEmpty()) {
			throw new IllegalArgumentException("no MTConnect files");
		}
		this.files = files.stream().sorted().toList();
		this.probeFile = probeFile;
		this.description = files.size() == 1 ? files.get(0).toString()
				: files.get(0).getParent() + " (" + files.size() + " MTConnect files)";
	}

	/**
	 * The files matching a glob such as {@code data/mtconnect/vmc1-*.xml*} (the pattern applies to file names in its
	 * directory); a plain path is one file.
	 */
	public static List<Path> glob(Path base, String pattern) throws TelemetryException {
		Path full = base.resolve(pattern);
		String name = full.getFileName().toString();
		if (name.indexOf('*') < 0 && name.indexOf('?') < 0 && name.indexOf('[') < 0 && name.indexOf('{') < 0) {
			return List.of(full);
		}
		Path dir = full.getParent();
		List<Path> result = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, name)) {
			for (Path entry : entries) {
				if (Files.isRegularFile(entry)) {
					result.add(entry);
				}
			}
		} catch (IOException e) {
			throw new TelemetryException(dir.toString(), "cannot list the directory: " + e.getMessage(), e);
		}
		if (result.isEmpty()) {
			throw new TelemetryException(full.toString(), "no file matches");
		}
		result.sort(null);
		return result;
	}

	public List<Path> files() {
		return files;
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public String configurationKey() {
		return "mtconnect|" + files + "|" + probeFile;
	}

	@Override
	public Fingerprint fingerprint() throws IOException {
		List<Path> all = new ArrayList<>(files);
		if (probeFile != null) {
			all.add(probeFile);
		}
		return Fingerprint.ofFiles(all);
	}

	@Override
	public Integration defaultIntegration() {
		return Integration.HOLD;
	}

	/** The probe, read once; null without a probe file. */
	public synchronized Probe probe() throws TelemetryException {
		if (probe == null && probeFile != null) {
			probe = Probe.read(probeFile);
		}
		return probe;
	}

	/**
	 * The dataItemId of "type[:subType]": from the probe if there is one, else from the element names of the
	 * streams (read until found). Null if none or several match (several: an error diagnostic names them).
	 */
	public String resolve(String type, String subType, String device, RecordSink diagnostics) throws TelemetryException {
		List<DataItemInfo> found;
		if (probe() != null) {
			found = probe.find(type, subType, device);
		} else {
			found = new ArrayList<>();
			for (Path file : files) {
				scanTypes(file);
				found = seen.values().stream().filter(i -> i.matches(type, subType) && (device == null || device.equals(i.device())))
						.toList();
				if (!found.isEmpty()) {
					break;
				}
			}
		}
		if (found.size() == 1) {
			return found.get(0).id();
		}
		if (diagnostics != null) {
			String query = type + (subType == null ? "" : ":" + subType);
			diagnostics.diagnostic(Diagnostic.error(description, -1, null, found.isEmpty() ? "no data item of type " + query
					: "several data items of type " + query + ": " + found.stream().map(DataItemInfo::id).toList()
							+ "; bind one by its dataItemId"));
		}
		return null;
	}

	/** The data items seen in the streams read so far (type from the element name). */
	public Map<String, DataItemInfo> seenDataItems() {
		return Map.copyOf(seen);
	}

	private void scanTypes(Path file) throws TelemetryException {
		RecordSink ignore = new RecordSink() {
			@Override
			public void value(String channel, long epochMillis, double si) {
			}

			@Override
			public void unavailable(String channel, long epochMillis) {
			}

			@Override
			public void event(org.zerocarbon.telemetry.EventKind kind, String channel, long epochMillis, String value) {
			}

			@Override
			public void diagnostic(Diagnostic diagnostic) {
			}
		};
		parse(file, parser(file, null, null, ignore), null);
	}

	private boolean staxOnly;
	private int staxDocuments;

	/**
	 * The same files read by the StAX reader only, without the byte-level fast path in front of it (for comparing
	 * the two).
	 */
	public MTConnectFileSource staxOnly() {
		MTConnectFileSource copy = new MTConnectFileSource(files, probeFile);
		copy.staxOnly = true;
		return copy;
	}

	/** How many documents of the last read went through StAX (the fast path gave up on them, or staxOnly). */
	public int staxDocuments() {
		return staxDocuments;
	}

	@Override
	public void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		staxDocuments = 0;
		SubMonitor progress = SubMonitor.convert(monitor, "Reading " + description, files.size());
		Map<String, Long> readThrough = new LinkedHashMap<>(); // agent run -> highest sequence read
		String[] instance = { null };
		for (Path file : files) {
			progress.checkCanceled();
			progress.subTask(file.getFileName().toString());
			StreamsParser parser = parser(file, from, to, sink);
			parser.setMonitor(progress);
			StreamsHeader header = parse(file, parser, h -> {
				String id = h.instanceId();
				if (instance[0] != null && !instance[0].equals(id)) {
					sink.diagnostic(Diagnostic.info(file.toString(), -1, null, "agent instance changed from " + instance[0]
							+ " to " + id + " (the agent restarted)"));
				}
				instance[0] = id;
				return readThrough.getOrDefault(id, -1L);
			});
			readThrough.merge(header.instanceId() == null ? "" : header.instanceId(), parser.maxSequence(), Math::max);
			if (staxOnly || parser.fellBack()) {
				staxDocuments++;
			}
			progress.worked(1);
		}
	}

	private StreamsParser parser(Path file, Instant from, Instant to, RecordSink sink) throws TelemetryException {
		Probe declared = probe();
		return new StreamsParser(file.toString(), sink, from == null ? null : from.toEpochMilli(),
				to == null ? null : to.toEpochMilli(), declared == null ? null : declared.items(), seen);
	}

	private StreamsHeader parse(Path file, StreamsParser parser, java.util.function.ToLongFunction<StreamsHeader> skip)
			throws TelemetryException {
		Streams.Counting[] counter = new Streams.Counting[1];
		try {
			if (staxOnly) {
				try (InputStream in = Streams.open(file, counter)) {
					return parser.parse(in, skip);
				}
			}
			return parser.parse(() -> Streams.open(file, counter), skip);
		} catch (IOException e) {
			throw new TelemetryException(file.toString(), "cannot read the file: " + e.getMessage(), e);
		}
	}
}
