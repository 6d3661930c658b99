package org.zerocarbon.workspace;

/**
 * The workspace's measured data: aggregates are cached across builds (a save that touches neither data nor bindings
 * re-reads nothing); live sources (MTConnect agents, OPC UA servers) are read only when the user asks.
 */
public final class MeasuredData {

	private MeasuredData() {
	}

	/** The next build reads the live sources once (then schedule a build of the projects concerned). */
	public static void refreshLiveSources() {
		ReportStage.refreshMeasurements();
	}

	/** Forgets every cached aggregate: the next build reads all data again. */
	public static void clearCache() {
		ReportStage.MEASUREMENTS.clear();
	}
}
