package org.zerocarbon.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.report.internal.Num;

/**
 * How one row of the market-based electricity supply changed between two footprints: a contractual instrument
 * (direct line, on-site generation, PPA, certificate, tariff, supplier), the residual mix or the grid-average
 * fallback. Rows are matched by kind and element; their differences add up to the change of the market-based
 * scope 2 electricity. A matched row is explained like a contribution: {@code dueToEnergy = (e1 − e0) · r0} and
 * {@code dueToRate = e1 · (r1 − r0)}, which add up to the difference.
 *
 * @param kind       e.g. {@code certificate}, {@code residual}
 * @param element    the instrument (or site for the residual mix)
 * @param oldKWh     energy it covered before (0 when added)
 * @param newKWh     energy it covers now (0 when removed)
 * @param oldRate    kg CO2e/kWh before, or null when added
 * @param newRate    kg CO2e/kWh now, or null when removed
 * @param oldKgCO2e  emissions before
 * @param newKgCO2e  emissions now
 */
public record InstrumentChange(String kind, String element, double oldKWh, double newKWh, Double oldRate, Double newRate, double oldKgCO2e,
		double newKgCO2e) {

	/** new − old. */
	public double difference() {
		return newKgCO2e - oldKgCO2e;
	}

	/** The part of the difference caused by the energy it covers: (e1 − e0) · r0 (all of it for an added row). */
	public double dueToEnergy() {
		return oldRate == null || newRate == null ? difference() : (newKWh - oldKWh) * oldRate;
	}

	/** The part caused by its rate: e1 · (r1 − r0). */
	public double dueToRate() {
		return difference() - dueToEnergy();
	}

	/** In plain words, e.g. "certificate GEC2025: 500,000 → 300,000 kWh at 0 kg CO2e/kWh". */
	public String explanation() {
		String what = kind + " " + element + ": ";
		if (oldRate == null) {
			return what + "added, " + Num.significant(newKWh) + " kWh at " + Num.significant(newRate) + " kg CO2e/kWh";
		}
		if (newRate == null) {
			return what + "removed, was " + Num.significant(oldKWh) + " kWh at " + Num.significant(oldRate) + " kg CO2e/kWh";
		}
		boolean energy = !FootprintDelta.same(oldKWh, newKWh);
		boolean rate = !FootprintDelta.same(oldRate, newRate);
		String energyText = Num.significant(oldKWh) + " → " + Num.significant(newKWh) + " kWh";
		String rateText = Num.significant(oldRate) + " → " + Num.significant(newRate) + " kg CO2e/kWh";
		if (energy && rate) {
			return what + energyText + " (" + Num.signedKg(dueToEnergy()) + " kg); rate " + rateText + " (" + Num.signedKg(dueToRate()) + " kg)";
		}
		return what + (energy ? energyText + " at " + Num.significant(newRate) + " kg CO2e/kWh" : "rate " + rateText);
	}

	/** Canonical order of the changes: the largest absolute difference first, then kind and element. */
	static final Comparator<InstrumentChange> ORDER = Comparator.comparingDouble((InstrumentChange c) -> -Math.abs(c.difference()))
			.thenComparing(InstrumentChange::kind).thenComparing(InstrumentChange::element);

	/** The market-based rows of two results that changed, matched by kind and element. */
	static List<InstrumentChange> between(FootprintResult a, FootprintResult b) {
		Map<String, double[]> olds = market(a);
		Map<String, double[]> news = market(b);
		TreeMap<String, Boolean> keys = new TreeMap<>();
		olds.keySet().forEach(k -> keys.put(k, true));
		news.keySet().forEach(k -> keys.put(k, true));
		List<InstrumentChange> changes = new ArrayList<>();
		for (String key : keys.keySet()) {
			double[] o = olds.get(key);
			double[] n = news.get(key);
			if (o != null && n != null && FootprintDelta.same(o[0], n[0]) && FootprintDelta.same(o[1], n[1])) {
				continue;
			}
			String[] kindAndElement = key.split("\u0000", 2);
			changes.add(new InstrumentChange(kindAndElement[0], kindAndElement[1], o == null ? 0 : o[0], n == null ? 0 : n[0],
					o == null ? null : rate(o), n == null ? null : rate(n), o == null ? 0 : o[1], n == null ? 0 : n[1]));
		}
		changes.sort(ORDER);
		return changes;
	}

	/** By kind and element: energy and emissions of the market-based rows (a row applied twice is added up). */
	private static Map<String, double[]> market(FootprintResult r) {
		Map<String, double[]> rows = new TreeMap<>();
		for (InstrumentUse use : r.instruments()) {
			if (!use.locationBased()) {
				double[] sum = rows.computeIfAbsent(use.kind() + "\u0000" + Objects.requireNonNullElse(use.element(), ""), k -> new double[3]);
				sum[0] += use.kWh();
				sum[1] += use.kgCO2e();
				sum[2] = use.kgCO2ePerKWh();
			}
		}
		return rows;
	}

	private static double rate(double[] row) {
		return row[0] != 0 ? row[1] / row[0] : row[2];
	}
}
