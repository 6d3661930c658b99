package org.zerocarbon.telemetry.model;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zerocarbon.model.zc.DataColumn;
import org.zerocarbon.model.zc.DataFormat;
import org.zerocarbon.model.zc.DataSource;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeteredQuantity;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.StateThreshold;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;
import org.zerocarbon.telemetry.MeterSpec;

/**
 * What a meter of the model aggregates, as the telemetry bundle needs it: the bound item and its signal (a power
 * column or WATTAGE item is power; an energy column is a counter when marked so, else energy per record; an
 * ELECTRICAL_ENERGY item is a counter), the sampling interval and gap threshold, the state, program and part-count
 * items (the meter's own, else the CSV source's columns), power thresholds and the zone of the day buckets.
 */
final class MeterBinding {

	private MeterBinding() {
	}

	/**
	 * The spec of a meter whose source is given.
	 *
	 * @param item the resolved value channel (a column name, dataItemId or node id)
	 * @throws IllegalArgumentException when the binding cannot be made (the validator reports the same in the editor)
	 */
	static MeterSpec spec(Meter meter, String item, MeteredQuantity measured, Double rolloverJ, LiveSources.Events events) {
		DataSource source = meter.getSource();
		MeterSpec spec;
		if (meter.getCurrentItem() != null) {
			spec = MeterSpec.derived(meter.getCurrentItem(), meter.getVoltageItem(), meter.getPowerFactorItem(),
					meter.getPhases() == null ? 1 : meter.getPhases());
		} else if (measured == MeteredQuantity.ENERGY) {
			boolean counter = source.getFormat() != DataFormat.CSV || column(source, item).map(DataColumn::isCounter).orElse(true);
			spec = counter ? MeterSpec.counter(item).withRollover(rolloverJ) : MeterSpec.interval(item);
		} else {
			spec = MeterSpec.power(item);
		}
		Duration nominal = duration(meter.getInterval()).orElse(Duration.ofSeconds(1));
		spec = spec.withInterval(nominal, duration(meter.getGap()).orElse(null));
		String program = events.program();
		String parts = events.parts();
		if (events.state() != null || events.powerState() != null) {
			spec = spec.withState(events.state(), events.powerState(), java.util.Map.of());
		}
		if (!meter.getThresholds().isEmpty()) {
			List<MeterSpec.Threshold> bands = new ArrayList<>();
			for (StateThreshold threshold : meter.getThresholds()) {
				bands.add(new MeterSpec.Threshold(threshold.getState().getLiteral(), watts(threshold.getLimit())));
			}
			bands.add(new MeterSpec.Threshold("processing", null));
			spec = spec.withThresholds(bands);
		}
		if (program != null || parts != null) {
			spec = spec.withProgram(program, parts);
		}
		return spec.withZone(zone(source));
	}

	/** What the meter measures: as declared, else what its item holds (an energy column or item: energy). */
	static MeteredQuantity measured(Meter meter) {
		if (meter.isSetMeasures()) {
			return meter.getMeasures();
		}
		DataSource source = meter.getSource();
		if (meter.getCurrentItem() != null) {
			return MeteredQuantity.POWER;
		}
		if (source.getFormat() == DataFormat.CSV && meter.getDataItem() != null) {
			return column(source, meter.getDataItem()).flatMap(c -> ZcUnits.kindOf(c.getUnit()))
					.map(k -> k == QuantityKind.ENERGY ? MeteredQuantity.ENERGY : MeteredQuantity.POWER).orElse(MeteredQuantity.POWER);
		}
		if (meter.getItemType() != null && meter.getItemType().equalsIgnoreCase("ELECTRICAL_ENERGY")) {
			return MeteredQuantity.ENERGY;
		}
		return meter.getRollover() != null ? MeteredQuantity.ENERGY : MeteredQuantity.POWER;
	}

	static Optional<DataColumn> column(DataSource source, String name) {
		return source.getColumns().stream().filter(c -> c.getName().equals(name)).findFirst();
	}

	/** The factor from a column's unit to SI (W, J, A, V, 1). */
	static double toSi(String unit) {
		for (String si : new String[] { "W", "J", "A", "V" }) {
			if (ZcUnits.isCompatible(unit, si)) {
				return ZcUnits.convert(1, unit, si);
			}
		}
		if (ZcUnits.kindOf(unit).filter(k -> k == QuantityKind.RATIO).isPresent()) {
			return ZcUnits.convert(1, unit, "%") / 100;
		}
		throw new IllegalArgumentException("'" + unit + "' is not a power, energy, current, voltage or ratio");
	}

	static ZoneId zone(DataSource source) {
		try {
			return source.getZone() == null ? ZoneOffset.UTC : ZoneId.of(source.getZone());
		} catch (java.time.DateTimeException e) {
			throw new IllegalArgumentException("'" + source.getZone() + "' is not a time zone");
		}
	}

	static Double joules(Quantity q) {
		return q == null || q.getValue() == null ? null : ZcUnits.convert(q.getValue().doubleValue(), q.getUnit(), "J");
	}

	private static Double watts(Quantity q) {
		return q == null || q.getValue() == null ? null : ZcUnits.convert(q.getValue().doubleValue(), q.getUnit(), "W");
	}

	private static Optional<Duration> duration(Quantity q) {
		if (q == null || q.getValue() == null || q.getUnit() == null) {
			return Optional.empty();
		}
		BigDecimal ms = BigDecimal.valueOf(ZcUnits.convert(q.getValue().doubleValue(), q.getUnit(), "ms"));
		return ms.signum() > 0 ? Optional.of(Duration.ofMillis(Math.max(1, ms.longValue()))) : Optional.empty();
	}
}
