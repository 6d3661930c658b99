package org.zerocarbon.telemetry.model;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.Integration;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * Several files of one source read one after the other, in name order ({@code data/vmc1-*.csv}: one export per
 * week, say); the aggregator sees one series. Identity for caching: every file's size, mtime and hash.
 */
final class SequenceSource implements TelemetrySource {

	private final List<TelemetrySource> parts;
	private final List<Path> files;
	private final String description;

	SequenceSource(List<TelemetrySource> parts, List<Path> files, String description) {
		this.parts = List.copyOf(parts);
		this.files = List.copyOf(files);
		this.description = description;
	}

	@Override
	public String description() {
		return description;
	}

	@Override
	public Fingerprint fingerprint() throws IOException {
		return Fingerprint.ofFiles(new ArrayList<>(files));
	}

	@Override
	public Integration defaultIntegration() {
		return parts.isEmpty() ? TelemetrySource.super.defaultIntegration() : parts.get(0).defaultIntegration();
	}

	@Override
	public void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		SubMonitor progress = SubMonitor.convert(monitor, "Reading " + description, parts.size());
		for (TelemetrySource part : parts) {
			if (progress.isCanceled()) {
				throw new OperationCanceledException();
			}
			part.read(from, to, sink, progress.split(1));
		}
	}
}
