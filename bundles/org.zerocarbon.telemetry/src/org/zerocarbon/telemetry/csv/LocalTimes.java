package org.zerocarbon.telemetry.csv;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns local wall-clock times of one zone into instants, in the order they are read. A time in a spring-forward
 * gap does not exist ({@link #NONEXISTENT}); a time in a fall-back overlap is ambiguous and resolved by order: the
 * earlier offset (summer time) until the local clock goes backwards inside the overlap, then the later one.
 * Offsets are cached per local minute, so a year of 1 s rows asks the zone rules half a million times, not 31 million.
 */
final class LocalTimes {

	static final long NONEXISTENT = Long.MIN_VALUE;

	private final ZoneRules rules;
	private final ZoneOffset fixed;

	private long cachedMinute = Long.MIN_VALUE;
	private int cachedOffsetS;
	private int cachedLaterOffsetS;
	private int cachedValid;

	private boolean secondPass;
	private long lastAmbiguousLocal = Long.MIN_VALUE;
	/** Set when the last call resolved an ambiguous time (the caller notes it once per overlap). */
	boolean ambiguous;
	/** Set when an overlap starts being read (the first ambiguous time since the last unambiguous one). */
	boolean overlapStarted;

	LocalTimes(ZoneId zone) {
		this.rules = zone.getRules();
		this.fixed = rules.isFixedOffset() ? rules.getOffset(java.time.Instant.EPOCH) : null;
	}

	/** Epoch ms of the local time {@code localMillis} (ms since 1970-01-01T00:00 local), or {@link #NONEXISTENT}. */
	long toEpochMillis(long localMillis) {
		ambiguous = false;
		overlapStarted = false;
		if (fixed != null) {
			return localMillis - fixed.getTotalSeconds() * 1000L;
		}
		long minute = Math.floorDiv(localMillis, 60_000L);
		if (minute != cachedMinute) {
			LocalDateTime local = LocalDateTime.ofEpochSecond(minute * 60, 0, ZoneOffset.UTC);
			List<ZoneOffset> offsets = rules.getValidOffsets(local);
			cachedValid = offsets.size();
			if (cachedValid > 0) {
				cachedOffsetS = offsets.get(0).getTotalSeconds();
				cachedLaterOffsetS = offsets.get(offsets.size() - 1).getTotalSeconds();
				if (cachedValid == 2 && cachedOffsetS < cachedLaterOffsetS) { // earlier = the larger (summer) offset
					int swap = cachedOffsetS;
					cachedOffsetS = cachedLaterOffsetS;
					cachedLaterOffsetS = swap;
				}
			}
			cachedMinute = minute;
		}
		if (cachedValid == 0) {
			return NONEXISTENT;
		}
		if (cachedValid == 1) {
			secondPass = false;
			lastAmbiguousLocal = Long.MIN_VALUE;
			return localMillis - cachedOffsetS * 1000L;
		}
		ambiguous = true;
		if (lastAmbiguousLocal == Long.MIN_VALUE) {
			overlapStarted = true;
		} else if (localMillis < lastAmbiguousLocal) {
			secondPass = true;
		}
		lastAmbiguousLocal = localMillis;
		return localMillis - (secondPass ? cachedLaterOffsetS : cachedOffsetS) * 1000L;
	}
}
