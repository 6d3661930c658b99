package org.zerocarbon.telemetry;

import java.io.IOException;
import java.time.Instant;

import org.eclipse.core.runtime.IProgressMonitor;

/** A place records come from: a CSV file, MTConnect streams files, an MTConnect agent, an OPC UA server. */
public interface TelemetrySource {

	/** A short human-readable description, used as the diagnostics' source (a path or a URL). */
	String description();

	/**
	 * Identity of the data for caching: the files' size + mtime + SHA-256 (the hash is computed only when size or
	 * mtime changed, remembered per path; see {@link Fingerprint#ofFiles}); null for live sources.
	 */
	Fingerprint fingerprint() throws IOException;

	/**
	 * Streams the records of [from, to) (null = unbounded) into the sink; never loads a whole file. Problems with
	 * single records are diagnostics on the sink; a source that cannot be read at all throws. Honours cancellation
	 * (throws {@link org.eclipse.core.runtime.OperationCanceledException}).
	 */
	void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException;

	/**
	 * Everything besides the data that changes what this source delivers (paths, layout, factors, URL), as stable
	 * text; part of cache keys. The default is the description.
	 */
	default String configurationKey() {
		return description();
	}

	/** The integration rule that suits how this source reports: HOLD for MTConnect (on change), else TRAPEZOID. */
	default Integration defaultIntegration() {
		return Integration.TRAPEZOID;
	}
}
