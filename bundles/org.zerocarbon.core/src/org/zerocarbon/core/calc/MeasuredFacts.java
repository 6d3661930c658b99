package org.zerocarbon.core.calc;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcFactory;
import org.zerocarbon.telemetry.MeterAggregate;

/**
 * Puts the measured facts of every meter on its transient {@code measured} feature, so that criteria written by
 * standards engineers can use them like any other attribute ({@code some Meter x in m.meters satisfies
 * x.measured.coverage >= 95 %}). A meter without data gets none, and a path through it is absent (false).
 */
final class MeasuredFacts {

	private MeasuredFacts() {
	}

	static void attach(ResourceSet models, Measurements measurements) {
		for (Resource resource : List.copyOf(models.getResources())) {
			for (var it = resource.getAllContents(); it.hasNext();) {
				if (it.next() instanceof Meter meter) {
					MeterAggregate aggregate = meter.getSource() == null ? null : measurements.of(meter);
					org.zerocarbon.model.zc.MeasuredFacts facts = aggregate == null ? null : of(aggregate);
					if (meter.getMeasured() != facts) {
						meter.setMeasured(facts);
					}
				}
			}
		}
	}

	static org.zerocarbon.model.zc.MeasuredFacts of(MeterAggregate a) {
		org.zerocarbon.model.zc.MeasuredFacts facts = ZcFactory.eINSTANCE.createMeasuredFacts();
		facts.setCoverage(quantity(100 * a.coverage(), "%"));
		facts.setLongestGap(quantity(a.longestGapSeconds() / 3600, "h"));
		if (!Double.isNaN(a.samplingIntervalSeconds())) {
			facts.setInterval(quantity(a.samplingIntervalSeconds(), "s"));
		}
		facts.setEnergy(quantity(a.energyJ() / 3.6e6, "kWh"));
		facts.setPeriod(quantity(a.periodSeconds() / 3600, "h"));
		facts.setSamples((int) Math.min(Integer.MAX_VALUE, a.samples()));
		facts.setOperationLevel(!a.perProgram().isEmpty());
		facts.setStale(a.stale());
		return facts;
	}

	private static Quantity quantity(double value, String unit) {
		Quantity q = ZcFactory.eINSTANCE.createQuantity();
		q.setValue(Double.isFinite(value) ? BigDecimal.valueOf(value) : BigDecimal.ZERO);
		q.setUnit(unit);
		return q;
	}
}
