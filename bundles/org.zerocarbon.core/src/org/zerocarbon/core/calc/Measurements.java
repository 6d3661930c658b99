package org.zerocarbon.core.calc;

import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.telemetry.MeterAggregate;

/**
 * The measured data of the model's meters, as the engine sees it: one aggregate per meter that reads a data source,
 * over the source's period. The engine never reads data itself; the caller (builder, CLI) binds meters to their
 * sources, reads and caches the aggregates ({@code org.zerocarbon.telemetry.model}) and hands them in, so that a
 * calculation with the same aggregates is reproducible without the data files.
 */
@FunctionalInterface
public interface Measurements {

	/** No measured data: B6 comes from the declared state powers. */
	Measurements NONE = meter -> null;

	/** The aggregate of the meter, or null when it reads no data source or its data could not be read. */
	MeterAggregate of(Meter meter);
}
