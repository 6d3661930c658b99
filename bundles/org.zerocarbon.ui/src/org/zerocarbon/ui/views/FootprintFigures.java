package org.zerocarbon.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.ui.internal.Figures;

/**
 * The texts of the Footprint view: the figures beside the module table (both scope-2 methods, the GWP split, the
 * findings ...), the rows of the GWP-split tab and of the equipment tree.
 */
final class FootprintFigures {

	/** Column titles of the GWP split table. */
	static final String[] GWP_COLUMNS = { "Module", "Title", "GWP-fossil", "GWP-biogenic emissions", "GWP-biogenic removals", "GWP-luluc",
			"GWP-total", "market-based" };

	private FootprintFigures() {
	}

	/** The GWP split by module: A1–C4, their total, then module D apart; the last column with scope 2 market-based. */
	static List<String[]> gwpRows(FootprintResult result) {
		List<String[]> rows = new ArrayList<>();
		String[] moduleD = null;
		for (Module module : result.table().keySet()) {
			String[] row = gwpRow(module.name(), module.title(), result.gwp(module), result.totalMarket(module));
			if (module.isReportedSeparately()) {
				moduleD = row;
				moduleD[1] += " (reported separately)";
			} else {
				rows.add(row);
			}
		}
		rows.add(gwpRow("Total", "A1–C4", result.gwp(), result.totalMarket()));
		if (moduleD != null) {
			rows.add(moduleD);
		}
		return rows;
	}

	private static String[] gwpRow(String module, String title, FootprintResult.GwpSplit g, double market) {
		return new String[] { module, title, Figures.number(g.fossil()), Figures.number(g.biogenicEmissions()), Figures.number(g.biogenicRemovals()),
				Figures.number(g.luluc()), Figures.number(g.total()), Figures.number(market) };
	}

	/**
	 * A figure beside the table: a name, its value, and for data-quality thresholds whether they are met.
	 *
	 * @param met null for plain figures
	 */
	public record Fact(String name, String value, Boolean met) {
	}

	/** The figures shown beside the module table. */
	public static List<Fact> facts(FootprintResult result) {
		List<Fact> facts = new ArrayList<>();
		facts.add(new Fact("Total (A1–C4)", Figures.kg(result.total()) + " (scope 2 location-based)", null));
		facts.add(new Fact("Total, market-based", Figures.kg(result.totalMarket()) + " (scope 2 market-based)", null));
		if (result.moduleD() != 0) {
			facts.add(new Fact("Module D (separately)", Figures.kg(result.moduleD()), null));
		}
		for (FootprintResult.FunctionalUnitResult unit : result.functionalUnits()) {
			String of = unit.element() == null ? "" : " of " + unit.element().substring(unit.element().lastIndexOf('.') + 1);
			facts.add(new Fact("Per " + unit.name() + of, Figures.perUnit(unit.kgCO2ePerUnit()) + " kg CO2e" + " (" + Figures.number(unit.amount()) + " " + unit.name()
					+ (unit.basis() == null ? "" : "; " + unit.basis()) + ")", null));
		}
		if (result.scope2() != null) {
			facts.add(new Fact("Scope 2 (location)", Figures.kg(result.scope2().locationBasedKgCO2e()), null));
			facts.add(new Fact("Scope 2 (market)", Figures.kg(result.scope2().marketBasedKgCO2e()), null));
		}
		FootprintResult.GwpSplit split = result.gwp();
		facts.add(new Fact("GWP-fossil / -luluc", Figures.kg(split.fossil()) + " / " + Figures.kg(split.luluc()), null));
		facts.add(new Fact("GWP-biogenic", "emissions " + Figures.kg(split.biogenicEmissions()) + ", removals " + Figures.kg(split.biogenicRemovals()),
				null));
		if (!split.declared()) {
			facts.add(new Fact("GWP split", "partly defaulted: factors without a declared split count as fossil", null));
		}
		for (FootprintResult.Finding finding : result.findings()) {
			facts.add(new Fact("Finding (" + finding.severity() + ")", finding.message() + " [" + finding.code() + "]",
					"info".equals(finding.severity()) ? null : Boolean.FALSE));
		}
		FootprintResult.DataQuality quality = result.dataQuality();
		if (quality != null) {
			facts.add(new Fact("Primary data (A1–A3)", Figures.percent(quality.primaryShareA1A3()), null));
			if (quality.rating() != null) {
				facts.add(new Fact("Data-quality rating", Figures.number(quality.rating()) + " (1 best, 5 worst)", null));
			}
			for (FootprintResult.ThresholdCheck check : quality.checks()) {
				facts.add(new Fact(check.met() ? "Threshold met" : "Threshold not met", check.message(), check.met()));
			}
		}
		FootprintResult.UncertaintyResult u = result.uncertainty();
		if (u != null) {
			facts.add(new Fact("Uncertainty, 90 %", Figures.number(u.p5()) + " – " + Figures.number(u.p95()) + " kg CO2e (" + u.iterations()
					+ " iterations, seed " + u.seed() + ")", null));
		}
		return facts;
	}

	/**
	 * The text of an equipment row: a machine's share is of the line's total; a shared utility's footprint is
	 * already in its machines' figures, so its row says how much of it they carry instead.
	 */
	static String equipmentText(Object element, int column, double total) {
		if (element instanceof FootprintResult.Equipment e) {
			String name = e.element().substring(e.element().lastIndexOf('.') + 1);
			boolean utility = e.supply() != null;
			return switch (column) {
				case 0 -> utility ? name + " (shared " + e.supply().utilityKind() + ")" : name;
				case 1 -> Figures.number(e.kgCO2e());
				case 2 -> utility ? Figures.percent(e.kgCO2e() == 0 ? 0 : e.supply().allocatedKgCO2e() / e.kgCO2e()) + " in machines"
						: total == 0 ? "" : Figures.percent(e.kgCO2e() / total);
				case 3 -> utility || e.utilitiesKgCO2e() == 0 ? "" : Figures.number(e.utilitiesKgCO2e());
				case 4 -> e.moduleD() == 0 ? "" : Figures.number(e.moduleD());
				default -> Figures.number(e.kgCO2eMarket());
			};
		}
		if (element instanceof FootprintResult.FunctionResult f) {
			return switch (column) {
				case 0 -> f.name() + " (" + Figures.percent(f.factor()) + " allocated)";
				case 1 -> Figures.number(f.kgCO2e());
				case 2 -> total == 0 ? "" : Figures.percent(f.kgCO2e() / total);
				case 3 -> "";
				case 4 -> f.moduleD() == 0 ? "" : Figures.number(f.moduleD());
				default -> Figures.number(f.kgCO2eMarket());
			};
		}
		return "";
	}
}
