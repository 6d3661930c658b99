package org.zerocarbon.telemetry.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.model.zc.DataFormat;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.telemetry.Aggregator;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.EventKind;
import org.zerocarbon.telemetry.MeterAggregate;
import org.zerocarbon.telemetry.RecordSink;
import org.zerocarbon.telemetry.TelemetryException;
import org.zerocarbon.telemetry.mtconnect.MTConnectAgentSource;

/**
 * The meters of one live MTConnect agent, read together: an agent's {@code /sample} stream holds every data item
 * of its devices, and its client keeps one paging state (where it stopped), so the first meter of an agent that is
 * read makes one pass over the agent's buffer that feeds an {@link Aggregator} per meter of that agent (every source
 * with the same URL, in every model of the run). One connection and one pass per agent and run, however many
 * meters; a failure is the failure of each of them.
 */
final class AgentReads {

	private AgentReads() {
	}

	/** The agent's URL as the key of its connection (a trailing slash and the case of scheme and host do not matter). */
	static String url(DataSource source) {
		String url = source.getLocation() == null ? "" : source.getLocation().trim();
		int path = url.indexOf('/', url.indexOf("://") + 3);
		String authority = path < 0 ? url : url.substring(0, path);
		String rest = path < 0 ? "/" : url.substring(path);
		return authority.toLowerCase(Locale.ROOT) + (rest.endsWith("/") ? rest : rest + "/");
	}

	/** Reads the agent of {@code first} for it and for every other meter of the same agent; returns first's aggregate. */
	static MeterAggregate read(ModelMeasurements.Prepared first, ModelMeasurements run) {
		MTConnectAgentSource agent = (MTConnectAgentSource) first.telemetry();
		String url = url(first.meter().getSource());
		List<ModelMeasurements.Prepared> group = new ArrayList<>(List.of(first));
		for (Meter other : meters(first.meter(), url)) {
			if (other != first.meter() && !run.done(other)) {
				ModelMeasurements.Prepared prepared = run.prepare(other);
				if (prepared.known() != null) {
					run.readWith(prepared, prepared.known(), true);
				} else {
					group.add(prepared);
				}
			}
		}
		List<Aggregator> aggregators = new ArrayList<>();
		Instant from = first.period()[0];
		Instant to = first.period()[1];
		for (ModelMeasurements.Prepared prepared : group) {
			aggregators.add(Aggregator.of(prepared.spec(), prepared.period()[0], prepared.period()[1], agent));
			from = from == null || prepared.period()[0] == null ? null : min(from, prepared.period()[0]);
			to = to == null || prepared.period()[1] == null ? null : max(to, prepared.period()[1]);
		}
		try {
			agent.read(from, to, new FanOut(aggregators), run.progressOfOneRead());
		} catch (TelemetryException e) {
			Diagnostic why = Diagnostic.error(e.source(), e.line(), null, e.getMessage());
			group.forEach(prepared -> run.readWith(prepared, run.failed(prepared.binding(), why), true));
			return run.memoised(first.meter());
		} finally {
			agent.close(); // the run is over for this agent; a later read opens a new connection
		}
		for (int i = 0; i < group.size(); i++) {
			run.readWith(group.get(i), aggregators.get(i).finish(), false);
		}
		return run.memoised(first.meter());
	}

	/** The meters of the run's models whose source is a live MTConnect agent at {@code url}. */
	private static List<Meter> meters(Meter meter, String url) {
		List<Meter> meters = new ArrayList<>();
		Resource own = meter.eResource();
		ResourceSet set = own == null ? null : own.getResourceSet();
		List<Resource> resources = set == null ? own == null ? List.of() : List.of(own) : List.copyOf(set.getResources());
		for (Resource resource : resources) {
			for (TreeIterator<?> it = resource.getAllContents(); it.hasNext();) {
				if (it.next() instanceof Meter other && other.getSource() != null && !other.getSource().eIsProxy()
						&& other.getSource().isLive() && other.getSource().getFormat() == DataFormat.MTCONNECT
						&& url.equals(url(other.getSource()))) {
					meters.add(other);
				}
			}
		}
		return meters;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** Passes every record to each meter's aggregator (each keeps its own channels and period). */
	private record FanOut(List<Aggregator> sinks) implements RecordSink {
		@Override
		public void value(String channel, long epochMillis, double si) {
			for (Aggregator sink : sinks) {
				sink.value(channel, epochMillis, si);
			}
		}

		@Override
		public void unavailable(String channel, long epochMillis) {
			for (Aggregator sink : sinks) {
				sink.unavailable(channel, epochMillis);
			}
		}

		@Override
		public void event(EventKind kind, String channel, long epochMillis, String value) {
			for (Aggregator sink : sinks) {
				sink.event(kind, channel, epochMillis, value);
			}
		}

		@Override
		public void diagnostic(Diagnostic diagnostic) {
			for (Aggregator sink : sinks) {
				sink.diagnostic(diagnostic);
			}
		}
	}
}
