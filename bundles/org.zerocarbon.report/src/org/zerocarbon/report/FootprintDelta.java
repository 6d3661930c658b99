package org.zerocarbon.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.internal.Num;

/**
 * What changed between two footprints (two model versions, or a model against a baseline report read with
 * {@link JsonReport#read}) and why.
 * <p>
 * Contributions are matched by {@link Key} (element, module, scope, description, factor name). A matched pair
 * whose emissions differ is explained by its inputs: the activity amount changed, the factor changed (its
 * value per activity unit, as the provenance records it or as implied by emissions ÷ activity), or both; the
 * difference is then split into a part due to the activity, {@code (a1 − a0) · f0}, and a part due to the
 * factor, {@code a1 · (f1 − f0)}, which add up to the whole. Unmatched contributions are {@link Change#ADDED}
 * or {@link Change#REMOVED}.
 * <p>
 * Instances are immutable; everything is in canonical order, so {@link #toMarkdown()} is deterministic.
 */
public final class FootprintDelta {

	/** Why a contribution changed. */
	public enum Change {
		/** Only in the new result. */
		ADDED,
		/** Only in the old result. */
		REMOVED,
		/** The activity amount changed, the factor did not. */
		ACTIVITY,
		/** The factor (value per activity unit) changed, the activity amount did not. */
		FACTOR,
		/** Both changed. */
		ACTIVITY_AND_FACTOR
	}

	/** How contributions are matched between the two results. */
	public record Key(String element, Module module, Scope scope, String description, String factor) {

		/** Canonical order: module, scope, element, description, factor (as {@link Contribution#ORDER}). */
		public static final Comparator<Key> ORDER = Comparator.comparing(Key::module).thenComparing(Key::scope)
				.thenComparing(Key::element).thenComparing(Key::description).thenComparing(k -> k.factor() == null ? "" : k.factor());

		static Key of(Contribution c) {
			return new Key(Objects.requireNonNullElse(c.element(), ""), c.module(), c.scope(),
					Objects.requireNonNullElse(c.description(), ""), c.factor());
		}
	}

	/** One cell of the module × scope table, old and new. */
	public record CellChange(Module module, Scope scope, double oldKgCO2e, double newKgCO2e) {
		/** new − old. */
		public double difference() {
			return newKgCO2e - oldKgCO2e;
		}
	}

	/**
	 * A contribution that changed, with the inputs that explain it.
	 *
	 * @param key           what was matched
	 * @param change        why it changed
	 * @param activityUnit  the activity unit (the new one, or the old one for a removal)
	 * @param oldActivity   old activity amount (0 when added)
	 * @param newActivity   new activity amount (0 when removed)
	 * @param oldFactor     old kg CO2e per activity unit, or null when unknown (added, or no activity)
	 * @param newFactor     new kg CO2e per activity unit, or null when unknown (removed, or no activity)
	 * @param oldKgCO2e     old emissions
	 * @param newKgCO2e     new emissions
	 * @param dueToActivity the part of the difference caused by the activity change
	 * @param dueToFactor   the part caused by the factor change; {@code dueToActivity + dueToFactor} is the difference
	 */
	public record ContributionChange(Key key, Change change, String activityUnit, double oldActivity, double newActivity,
			Double oldFactor, Double newFactor, double oldKgCO2e, double newKgCO2e, double dueToActivity, double dueToFactor) {
		/** new − old. */
		public double difference() {
			return newKgCO2e - oldKgCO2e;
		}

		/** One line in plain words, e.g. "activity 21,000 → 23,000 kWh; factor 0.381 → 0.35 kg CO2e/kWh". */
		public String explanation() {
			return switch (change) {
			case ADDED -> "added: " + Num.significant(newActivity) + " " + unit() + factorText(newFactor);
			case REMOVED -> "removed: was " + Num.significant(oldActivity) + " " + unit() + factorText(oldFactor);
			case ACTIVITY -> "activity " + Num.significant(oldActivity) + " → " + Num.significant(newActivity) + " " + unit();
			case FACTOR -> oldFactor == null || newFactor == null ? "declared value changed"
					: "factor " + Num.significant(oldFactor) + " → " + Num.significant(newFactor) + " kg CO2e/" + unit();
			case ACTIVITY_AND_FACTOR -> "activity " + Num.significant(oldActivity) + " → " + Num.significant(newActivity) + " "
					+ unit() + " (" + Num.signedKg(dueToActivity) + " kg); factor "
					+ (oldFactor == null ? "?" : Num.significant(oldFactor)) + " → " + (newFactor == null ? "?" : Num.significant(newFactor))
					+ " kg CO2e/" + unit() + " (" + Num.signedKg(dueToFactor) + " kg)";
			};
		}

		private String unit() {
			return activityUnit == null ? "" : activityUnit;
		}

		private static String factorText(Double f) {
			return f == null ? "" : " at " + Num.significant(f) + " kg CO2e per unit";
		}
	}

	/**
	 * A factor whose provenance differs between the two results (value, unit or source).
	 */
	public record FactorChange(String name, FactorProvenance oldFactor, FactorProvenance newFactor) {
	}

	private static final double RELATIVE_TOLERANCE = 1e-9;

	private final String oldLabel;
	private final String newLabel;
	private final double oldTotal;
	private final double newTotal;
	private final double oldModuleD;
	private final double newModuleD;
	private final List<CellChange> cells;
	private final List<ContributionChange> changes;
	private final List<FactorChange> factorChanges;
	private final double oldTotalMarket;
	private final double newTotalMarket;
	private final List<InstrumentChange> instrumentChanges;

	private FootprintDelta(String oldLabel, String newLabel, double oldTotal, double newTotal, double oldModuleD, double newModuleD,
			List<CellChange> cells, List<ContributionChange> changes, List<FactorChange> factorChanges, double oldTotalMarket,
			double newTotalMarket, List<InstrumentChange> instrumentChanges) {
		this.oldLabel = oldLabel;
		this.newLabel = newLabel;
		this.oldTotal = oldTotal;
		this.newTotal = newTotal;
		this.oldModuleD = oldModuleD;
		this.newModuleD = newModuleD;
		this.cells = List.copyOf(cells);
		this.changes = List.copyOf(changes);
		this.factorChanges = List.copyOf(factorChanges);
		this.oldTotalMarket = oldTotalMarket;
		this.newTotalMarket = newTotalMarket;
		this.instrumentChanges = List.copyOf(instrumentChanges);
	}

	/**
	 * Compares two results.
	 *
	 * @param oldResult the baseline
	 * @param newResult the result to compare with it
	 * @return the delta, labelled "old" and "new" (see {@link #withLabels})
	 */
	public static FootprintDelta between(FootprintResult oldResult, FootprintResult newResult) {
		Objects.requireNonNull(oldResult, "oldResult");
		Objects.requireNonNull(newResult, "newResult");
		FootprintResult a = oldResult.normalized();
		FootprintResult b = newResult.normalized();

		List<CellChange> cells = new ArrayList<>();
		Set<Module> modules = EnumSet.noneOf(Module.class);
		a.contributions().forEach(c -> modules.add(c.module()));
		b.contributions().forEach(c -> modules.add(c.module()));
		for (Module m : modules) {
			for (Scope s : Scope.values()) {
				double o = a.total(m, s);
				double n = b.total(m, s);
				if (!same(o, n)) {
					cells.add(new CellChange(m, s, o, n));
				}
			}
		}

		Map<Key, Aggregate> olds = aggregate(a.contributions());
		Map<Key, Aggregate> news = aggregate(b.contributions());
		Map<String, FactorProvenance> oldFactors = byName(a.factors());
		Map<String, FactorProvenance> newFactors = byName(b.factors());
		Set<Key> keys = new TreeSet<>(Key.ORDER);
		keys.addAll(olds.keySet());
		keys.addAll(news.keySet());
		List<ContributionChange> changes = new ArrayList<>();
		for (Key key : keys) {
			ContributionChange change = compare(key, olds.get(key), news.get(key), oldFactors.get(key.factor()), newFactors.get(key.factor()));
			if (change != null) {
				changes.add(change);
			}
		}
		changes.sort(Comparator.comparingDouble((ContributionChange c) -> -Math.abs(c.difference())).thenComparing(ContributionChange::key, Key.ORDER));

		List<FactorChange> factorChanges = new ArrayList<>();
		Set<String> names = new TreeSet<>(oldFactors.keySet());
		names.addAll(newFactors.keySet());
		for (String name : names) {
			FactorProvenance o = oldFactors.get(name);
			FactorProvenance n = newFactors.get(name);
			if (o == null || n == null || !same(o.value(), n.value()) || !Objects.equals(o.unit(), n.unit())
					|| !Objects.equals(o.source(), n.source()) || !Objects.equals(o.year(), n.year())) {
				factorChanges.add(new FactorChange(name, o, n));
			}
		}
		return new FootprintDelta("old", "new", a.total(), b.total(), a.moduleD(), b.moduleD(), cells, changes, factorChanges, a.totalMarket(),
				b.totalMarket(), InstrumentChange.between(a, b));
	}

	/** A copy with other names for the two sides, e.g. "main" and "this branch". */
	public FootprintDelta withLabels(String oldName, String newName) {
		return new FootprintDelta(oldName, newName, oldTotal, newTotal, oldModuleD, newModuleD, cells, changes, factorChanges, oldTotalMarket,
				newTotalMarket, instrumentChanges);
	}

	/** Name of the old side. */
	public String oldLabel() {
		return oldLabel;
	}

	/** Name of the new side. */
	public String newLabel() {
		return newLabel;
	}

	/** Old total kg CO2e (A–C, module D excluded). */
	public double oldTotal() {
		return oldTotal;
	}

	/** New total kg CO2e (A–C, module D excluded). */
	public double newTotal() {
		return newTotal;
	}

	/** Old module D. */
	public double oldModuleD() {
		return oldModuleD;
	}

	/** New module D. */
	public double newModuleD() {
		return newModuleD;
	}

	/** new − old total. */
	public double totalDifference() {
		return newTotal - oldTotal;
	}

	/** Old total kg CO2e (A–C) with scope 2 market-based. */
	public double oldTotalMarket() {
		return oldTotalMarket;
	}

	/** New total kg CO2e (A–C) with scope 2 market-based. */
	public double newTotalMarket() {
		return newTotalMarket;
	}

	/** new − old market-based total. */
	public double totalMarketDifference() {
		return newTotalMarket - oldTotalMarket;
	}

	/**
	 * The market-based electricity rows (instruments, residual mix) that changed, the largest first; their
	 * differences add up to {@link #dueToInstruments()}.
	 */
	public List<InstrumentChange> instrumentChanges() {
		return instrumentChanges;
	}

	/** The part of the market-based total's change explained by the market-based electricity supply, by instrument. */
	public double dueToInstruments() {
		return instrumentChanges.stream().mapToDouble(InstrumentChange::difference).sum();
	}

	/** The module × scope cells whose value changed, in EN 15804 and scope order. */
	public List<CellChange> cells() {
		return cells;
	}

	/** Contributions that changed, the largest absolute difference first. */
	public List<ContributionChange> changes() {
		return changes;
	}

	/** Factors whose provenance (value, unit, source, year) differs, or that exist on one side only, by name. */
	public List<FactorChange> factorChanges() {
		return factorChanges;
	}

	/** The part of the total difference (A1–C4) explained by changed factors of matched contributions. */
	public double dueToFactors() {
		return sum(c -> c.change() != Change.ADDED && c.change() != Change.REMOVED, ContributionChange::dueToFactor);
	}

	/** The part of the total difference (A1–C4) explained by changed activity amounts of matched contributions. */
	public double dueToActivities() {
		return sum(c -> c.change() != Change.ADDED && c.change() != Change.REMOVED, ContributionChange::dueToActivity);
	}

	/** Emissions (A1–C4) of contributions only in the new result. */
	public double added() {
		return sum(c -> c.change() == Change.ADDED, ContributionChange::difference);
	}

	/** The (negative) difference (A1–C4) from contributions only in the old result. */
	public double removed() {
		return sum(c -> c.change() == Change.REMOVED, ContributionChange::difference);
	}

	/** By factor name, the part of the total difference (A1–C4) that its changed value explains; largest first. */
	public Map<String, Double> dueToFactor() {
		Map<String, Double> byName = new TreeMap<>();
		for (ContributionChange c : changes) {
			if (!c.key().module().isReportedSeparately() && c.dueToFactor() != 0 && c.key().factor() != null) {
				byName.merge(c.key().factor(), c.dueToFactor(), Double::sum);
			}
		}
		List<Map.Entry<String, Double>> entries = new ArrayList<>(byName.entrySet());
		entries.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())).thenComparing(Map.Entry::getKey));
		Map<String, Double> sorted = new LinkedHashMap<>();
		entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	private double sum(Predicate<ContributionChange> filter, ToDoubleFunction<ContributionChange> part) {
		return changes.stream().filter(c -> !c.key().module().isReportedSeparately()).filter(filter).mapToDouble(part).sum();
	}

	/** True when nothing changed. */
	public boolean isEmpty() {
		return cells.isEmpty() && changes.isEmpty() && factorChanges.isEmpty() && same(oldModuleD, newModuleD)
				&& same(oldTotalMarket, newTotalMarket) && instrumentChanges.isEmpty();
	}

	/**
	 * The delta as Markdown (for the CLI and pull-request comments): the totals, the changed module × scope
	 * cells, and the changed contributions with their explanation (at most {@code limit} rows, the largest first).
	 */
	public String toMarkdown(int limit) {
		StringBuilder md = new StringBuilder();
		md.append("### Footprint delta: ").append(esc(oldLabel)).append(" → ").append(esc(newLabel)).append("\n\n");
		md.append("| | ").append(esc(oldLabel)).append(" | ").append(esc(newLabel)).append(" | Δ | Δ % |\n");
		md.append("|---|---:|---:|---:|---:|\n");
		md.append("| Total A1–C4 (kg CO2e) | ").append(Num.kg(oldTotal)).append(" | ").append(Num.kg(newTotal)).append(" | ")
				.append(Num.signedKg(totalDifference())).append(" | ").append(relative(oldTotal, newTotal)).append(" |\n");
		md.append("| Module D (kg CO2e, reported separately) | ").append(Num.kg(oldModuleD)).append(" | ").append(Num.kg(newModuleD))
				.append(" | ").append(Num.signedKg(newModuleD - oldModuleD)).append(" | ").append(relative(oldModuleD, newModuleD)).append(" |\n");
		md.append("| Total A1–C4, scope 2 market-based (kg CO2e) | ").append(Num.kg(oldTotalMarket)).append(" | ").append(Num.kg(newTotalMarket))
				.append(" | ").append(Num.signedKg(totalMarketDifference())).append(" | ").append(relative(oldTotalMarket, newTotalMarket))
				.append(" |\n");
		if (isEmpty()) {
			md.append("\nNo change.\n");
			return md.toString();
		}
		md.append("\nOf the change in the total: ").append(Num.signedKg(dueToFactors())).append(" kg from changed factors");
		Map<String, Double> byFactor = dueToFactor();
		if (!byFactor.isEmpty()) {
			md.append(" (");
			int i = 0;
			for (Map.Entry<String, Double> e : byFactor.entrySet()) {
				if (i++ == 5) {
					md.append(", …");
					break;
				}
				md.append(i > 1 ? ", " : "").append(esc(e.getKey())).append(' ').append(Num.signedKg(e.getValue()));
			}
			md.append(')');
		}
		md.append(", ").append(Num.signedKg(dueToActivities())).append(" kg from changed activity amounts, ").append(Num.signedKg(added()))
				.append(" kg added, ").append(Num.signedKg(removed())).append(" kg removed.\n");
		if (!cells.isEmpty()) {
			md.append("\n#### By module × scope (kg CO2e)\n\n| Module | Scope | ").append(esc(oldLabel)).append(" | ").append(esc(newLabel))
					.append(" | Δ |\n|---|---|---:|---:|---:|\n");
			for (CellChange c : cells) {
				md.append("| ").append(c.module()).append(' ').append(c.module().title()).append(" | ").append(c.scope().label()).append(" | ")
						.append(Num.kg(c.oldKgCO2e())).append(" | ").append(Num.kg(c.newKgCO2e())).append(" | ").append(Num.signedKg(c.difference()))
						.append(" |\n");
			}
		}
		if (!changes.isEmpty()) {
			md.append("\n#### Why: contributions that changed\n\n| Element | Module | Scope | Input | Δ kg CO2e | Explanation |\n|---|---|---|---|---:|---|\n");
			int n = 0;
			for (ContributionChange c : changes) {
				if (n++ == limit) {
					md.append("\n… and ").append(changes.size() - limit).append(" more.\n");
					break;
				}
				Key k = c.key();
				md.append("| ").append(esc(k.element())).append(" | ").append(k.module()).append(" | ").append(k.scope().label()).append(" | ")
						.append(esc(k.description())).append(k.factor() == null ? "" : " (" + esc(k.factor()) + ")").append(" | ")
						.append(Num.signedKg(c.difference())).append(" | ").append(esc(c.explanation())).append(" |\n");
			}
		}
		if (!instrumentChanges.isEmpty()) {
			md.append("\n#### Market-based scope 2 by instrument\n\nOf the change in the market-based total: ")
					.append(Num.signedKg(dueToInstruments())).append(" kg from the electricity supply, ")
					.append(Num.signedKg(totalMarketDifference() - dueToInstruments())).append(" kg from everything else.\n\n")
					.append("| Kind | Instrument | Δ kg CO2e | Explanation |\n|---|---|---:|---|\n");
			for (InstrumentChange c : instrumentChanges) {
				md.append("| ").append(esc(c.kind())).append(" | ").append(esc(c.element())).append(" | ").append(Num.signedKg(c.difference()))
						.append(" | ").append(esc(c.explanation())).append(" |\n");
			}
		}
		if (!factorChanges.isEmpty()) {
			md.append("\n#### Factors whose provenance changed\n\n| Factor | ").append(esc(oldLabel)).append(" | ").append(esc(newLabel))
					.append(" |\n|---|---|---|\n");
			for (FactorChange f : factorChanges) {
				md.append("| ").append(esc(f.name())).append(" | ").append(esc(describe(f.oldFactor()))).append(" | ")
						.append(esc(describe(f.newFactor()))).append(" |\n");
			}
		}
		return md.toString();
	}

	/** {@link #toMarkdown(int)} with at most 20 contribution rows. */
	public String toMarkdown() {
		return toMarkdown(20);
	}

	@Override
	public String toString() {
		return toMarkdown();
	}

	static String describe(FactorProvenance f) {
		if (f == null) {
			return "—";
		}
		StringBuilder s = new StringBuilder(Num.significant(f.value())).append(' ').append(Objects.toString(f.unit(), ""));
		if (f.source() != null) {
			s.append(", ").append(f.source());
		}
		if (f.year() != null) {
			s.append(' ').append(f.year());
		}
		return s.toString();
	}

	private static String relative(double o, double n) {
		if (o == 0) {
			return n == 0 ? "0.0 %" : "—";
		}
		double r = (n - o) / Math.abs(o);
		String s = Num.percent(r);
		return r > 0 && !s.equals(Num.percent(0)) ? "+" + s : s;
	}

	private static String esc(String s) {
		return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
	}

	static boolean same(double x, double y) {
		return Math.abs(x - y) <= RELATIVE_TOLERANCE * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
	}

	private static final class Aggregate {
		double activity;
		double kg;
		String unit;
	}

	private static Map<Key, Aggregate> aggregate(List<Contribution> contributions) {
		Map<Key, Aggregate> map = new TreeMap<>(Key.ORDER);
		for (Contribution c : contributions) {
			Aggregate agg = map.computeIfAbsent(Key.of(c), k -> new Aggregate());
			agg.activity += c.activityAmount();
			agg.kg += c.kgCO2e();
			if (agg.unit == null) {
				agg.unit = c.activityUnit();
			}
		}
		return map;
	}

	private static Map<String, FactorProvenance> byName(List<FactorProvenance> factors) {
		Map<String, FactorProvenance> map = new LinkedHashMap<>();
		for (FactorProvenance f : factors) {
			map.putIfAbsent(f.name(), f);
		}
		return map;
	}

	private static Double intensity(Aggregate agg, FactorProvenance provenance) {
		if (agg.activity != 0) {
			return agg.kg / agg.activity;
		}
		return provenance == null ? null : provenance.value();
	}

	private static ContributionChange compare(Key key, Aggregate o, Aggregate n, FactorProvenance of, FactorProvenance nf) {
		if (o == null) {
			return new ContributionChange(key, Change.ADDED, n.unit, 0, n.activity, null, intensity(n, nf), 0, n.kg, n.kg, 0);
		}
		if (n == null) {
			return new ContributionChange(key, Change.REMOVED, o.unit, o.activity, 0, intensity(o, of), null, o.kg, 0, -o.kg, 0);
		}
		if (same(o.kg, n.kg) && same(o.activity, n.activity)) {
			return null;
		}
		Double f0 = intensity(o, of);
		Double f1 = intensity(n, nf);
		boolean activityChanged = !same(o.activity, n.activity) || !Objects.equals(o.unit, n.unit);
		boolean factorChanged = f0 == null || f1 == null || !same(f0, f1);
		double diff = n.kg - o.kg;
		if (activityChanged && !factorChanged) {
			return new ContributionChange(key, Change.ACTIVITY, n.unit, o.activity, n.activity, f0, f1, o.kg, n.kg, diff, 0);
		}
		if (!activityChanged) {
			return new ContributionChange(key, Change.FACTOR, n.unit, o.activity, n.activity, f0, f1, o.kg, n.kg, 0, diff);
		}
		double dueToActivity = f0 == null ? 0 : (n.activity - o.activity) * f0;
		return new ContributionChange(key, Change.ACTIVITY_AND_FACTOR, n.unit, o.activity, n.activity, f0, f1, o.kg, n.kg,
				dueToActivity, diff - dueToActivity);
	}
}
