package org.zerocarbon.telemetry.mtconnect;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.Fingerprint;
import org.zerocarbon.telemetry.Integration;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.TelemetrySource;

/**
 * A live MTConnect agent, read by paging {@code /sample?from=…&count=…} through {@code nextSequence} until the
 * agent's {@code lastSequence}. A read covers what the agent's buffer still holds; it remembers the agent run
 * (instanceId) and where it stopped, so the next read goes on from there:
 * <ul>
 * <li>a new instanceId (the agent restarted) is a warning, and reading starts again at the new run's
 * firstSequence;</li>
 * <li>a buffer overrun (the agent's firstSequence is past the sequence wanted, or it answers OUT_OF_RANGE) is a
 * warning naming the lost sequences, and every data item seen so far becomes unavailable from the last instant read
 * (a gap), then reading goes on at firstSequence;</li>
 * <li>an agent that is down or does not answer within the timeout is a {@link TelemetryException} with a clear
 * message (the caller keeps its last good aggregate, marked stale).</li>
 * </ul>
 * Live sources have no fingerprint: they are refreshed on demand or on a schedule, never on a save.
 */
public final class MTConnectAgentSource implements TelemetrySource, AutoCloseable {

	private static final int MAX_PAGES = 100_000;

	private final URI base;
	private final String device;
	private final Duration timeout;
	private final int count;
	/** Made at the first read, so that a source only asked for its key opens nothing; closed by {@link #close()}. */
	private HttpClient client;

	private String instanceId;
	private long nextSequence = -1;
	private long lastTime = Long.MIN_VALUE;
	private final Map<String, Boolean> seenChannels = new LinkedHashMap<>(); // id -> is a sample

	/**
	 * @param base    the agent's URL, e.g. http://agent:5000/
	 * @param device  a device name to restrict the stream to, or null for all
	 * @param timeout for connecting and for each response
	 * @param count   observations per page
	 */
	public MTConnectAgentSource(URI base, String device, Duration timeout, int count) {
		this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
		this.device = device;
		this.timeout = timeout;
		this.count = count;
	}

	@Override
	public String description() {
		return base.toString();
	}

	@Override
	public String configurationKey() {
		return "mtconnect-agent|" + base + "|" + device + "|" + count;
	}

	@Override
	public Fingerprint fingerprint() {
		return null;
	}

	@Override
	public Integration defaultIntegration() {
		return Integration.HOLD;
	}

	/**
	 * Closes the HTTP client (its selector thread ends). The paging state is kept: a later read connects again and
	 * goes on where the last one stopped.
	 */
	@Override
	public synchronized void close() {
		if (client != null) {
			client.close();
			client = null;
		}
	}

	/** The agent run last read, null before the first read. */
	public synchronized String instanceId() {
		return instanceId;
	}

	@Override
	public synchronized void read(Instant from, Instant to, RecordSink sink, IProgressMonitor monitor) throws TelemetryException {
		SubMonitor progress = SubMonitor.convert(monitor, "Reading " + base, IProgressMonitor.UNKNOWN);
		RecordSink tracking = new Tracking(sink);
		long want = nextSequence;
		for (int page = 0; page < MAX_PAGES; page++) {
			progress.checkCanceled();
			Page answer = fetch(want, want, from, to, tracking);
			if (answer.outOfRange) {
				answer = fetch(-1, want, from, to, tracking); // from the start of the buffer, reporting the overrun
			}
			StreamsHeader header = answer.header;
			if (instanceId != null && !instanceId.equals(header.instanceId())) {
				// the parser dropped this page's observations (they belong to another run): read the new run from its start
				sink.diagnostic(Diagnostic.warning(base.toString(), -1, null, "the agent restarted (instanceId " + instanceId
						+ " -> " + header.instanceId() + "); reading again from its first sequence " + header.firstSequence()));
				instanceId = header.instanceId();
				want = header.firstSequence();
				continue;
			}
			instanceId = header.instanceId();
			if (header.nextSequence() > header.lastSequence()) {
				nextSequence = header.nextSequence();
				return; // caught up
			}
			if (want >= 0 && header.nextSequence() <= want) {
				throw new TelemetryException(base.toString(), "the agent's nextSequence does not advance (" + want + " asked, "
						+ header.nextSequence() + " answered)");
			}
			nextSequence = header.nextSequence();
			want = nextSequence;
			progress.worked(1);
		}
		throw new TelemetryException(base.toString(), "more than " + MAX_PAGES + " pages; the agent does not stop");
	}

	private void overrun(long want, StreamsHeader header, RecordSink sink) {
		sink.diagnostic(Diagnostic.warning(base.toString(), -1, lastTime == Long.MIN_VALUE ? null : lastTime,
				"the agent's buffer overran: sequences " + want + " to " + (header.firstSequence() - 1)
						+ " are lost; the gap is not integrated"));
		if (lastTime != Long.MIN_VALUE) {
			for (Map.Entry<String, Boolean> channel : seenChannels.entrySet()) {
				sink.unavailable(channel.getKey(), lastTime + 1);
			}
		}
	}

	private record Page(StreamsHeader header, boolean outOfRange) {
	}

	/**
	 * One page from {@code fromSequence} (-1: from the buffer's start). {@code overrunFrom} is the sequence wanted
	 * (-1 if none): a buffer that starts past it has overrun.
	 */
	private Page fetch(long fromSequence, long overrunFrom, Instant from, Instant to, RecordSink sink) throws TelemetryException {
		String path = (device == null ? "" : device + "/") + "sample?" + (fromSequence >= 0 ? "from=" + fromSequence + "&" : "")
				+ "count=" + count;
		URI uri = base.resolve(path);
		HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/xml").GET().build();
		HttpResponse<InputStream> response;
		try {
			if (client == null) {
				client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
			}
			response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		} catch (HttpTimeoutException e) {
			throw new TelemetryException(uri.toString(), "the MTConnect agent did not answer within " + timeout.toMillis() + " ms", e);
		} catch (ConnectException e) {
			throw new TelemetryException(uri.toString(), "the MTConnect agent is not reachable (" + describe(e) + ")", e);
		} catch (IOException e) {
			throw new TelemetryException(uri.toString(), "reading from the MTConnect agent failed: " + describe(e), e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TelemetryException(uri.toString(), "interrupted", e);
		}
		StreamsParser parser = new StreamsParser(uri.toString(), sink, from == null ? null : from.toEpochMilli(),
				to == null ? null : to.toEpochMilli(), null, new java.util.HashMap<>());
		try (InputStream body = response.body()) {
			String expected = instanceId;
			StreamsHeader header = parser.parse(body, h -> {
				if (expected != null && !expected.equals(h.instanceId())) {
					return Long.MAX_VALUE; // another agent run: read again from its start (see read)
				}
				if (overrunFrom >= 0 && h.firstSequence() > overrunFrom) {
					overrun(overrunFrom, h, sink); // before this page's observations, so the gap comes first
				}
				return fromSequence - 1;
			});
			return new Page(header, false);
		} catch (TelemetryException e) {
			if (e.getMessage().contains("OUT_OF_RANGE") && fromSequence >= 0) {
				return new Page(null, true);
			}
			if (response.statusCode() != 200 && !e.getMessage().contains("MTConnectError")) {
				throw new TelemetryException(uri.toString(), "the MTConnect agent answered HTTP " + response.statusCode(), e);
			}
			throw e;
		} catch (IOException e) {
			throw new TelemetryException(uri.toString(), "reading from the MTConnect agent failed: " + describe(e), e);
		}
	}

	private static String describe(Exception e) {
		return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
	}

	/** Passes records on and remembers the channels and the last instant, for reporting an overrun's gap. */
	private final class Tracking implements RecordSink {
		private final RecordSink sink;

		Tracking(RecordSink sink) {
			this.sink = sink;
		}

		@Override
		public void value(String channel, long epochMillis, double si) {
			seenChannels.putIfAbsent(channel, true);
			lastTime = Math.max(lastTime, epochMillis);
			sink.value(channel, epochMillis, si);
		}

		@Override
		public void unavailable(String channel, long epochMillis) {
			lastTime = Math.max(lastTime, epochMillis);
			sink.unavailable(channel, epochMillis);
		}

		@Override
		public void event(EventKind kind, String channel, long epochMillis, String value) {
			lastTime = Math.max(lastTime, epochMillis);
			sink.event(kind, channel, epochMillis, value);
		}

		@Override
		public void diagnostic(Diagnostic diagnostic) {
			sink.diagnostic(diagnostic);
		}
	}
}
