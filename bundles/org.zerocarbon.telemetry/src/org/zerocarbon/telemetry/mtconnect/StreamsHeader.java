package org.zerocarbon.telemetry.mtconnect;

/** The Header of an MTConnectStreams document: which agent run and which part of its buffer the document holds. */
public record StreamsHeader(String instanceId, long firstSequence, long lastSequence, long nextSequence, long bufferSize,
		String creationTime) {
}
