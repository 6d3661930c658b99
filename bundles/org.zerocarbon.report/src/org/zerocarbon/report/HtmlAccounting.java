package org.zerocarbon.report;

import static org.zerocarbon.report.HtmlReport.map;
import static org.zerocarbon.report.HtmlReport.nz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.internal.Num;

/**
 * The accounting parts of the HTML report's view model: both scope-2 methods, the EN 15804+A2 GWP split by module,
 * the electricity supply by instrument and the calculation's findings. Strings, lists and maps only, as
 * {@link HtmlReport} requires.
 */
final class HtmlAccounting {

	private HtmlAccounting() {
	}

	static void put(FootprintResult r, Map<String, Object> m) {
		m.put("totalMarket", Num.kg(r.totalMarket()));
		m.put("totalMarketTonnes", Num.grouped(r.totalMarket() / 1000, 2));
		Map<Module, Map<Scope, Double>> market = r.tableMarket();
		double scope2Market = 0;
		for (Map.Entry<Module, Map<Scope, Double>> e : market.entrySet()) {
			scope2Market += e.getKey().isReportedSeparately() ? 0 : e.getValue().getOrDefault(Scope.SCOPE_2, 0.0);
		}
		m.put("scope2MarketInTable", Num.kg(scope2Market));
		gwp(r, m);
		instruments(r, m);
		findings(r, m);
	}

	/** The GWP split per module (A1–C4, their total, then module D apart), and whether any of it defaulted to fossil. */
	private static void gwp(FootprintResult r, Map<String, Object> m) {
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, Object> dRow = null;
		for (Module mod : r.table().keySet()) {
			Map<String, Object> row = gwpRow(mod.name() + " " + mod.title(), r.gwp(mod), r.totalMarket(mod));
			if (mod.isReportedSeparately()) {
				dRow = row;
			} else {
				rows.add(row);
			}
		}
		m.put("gwpRows", rows);
		m.put("gwpTotal", gwpRow("Total A1–C4", r.gwp(), r.totalMarket()));
		m.put("gwpD", dRow);
		long undeclared = r.contributions().stream().filter(c -> !c.gwp().declared()).count();
		double undeclaredKg = r.contributions().stream().filter(c -> !c.gwp().declared() && !c.module().isReportedSeparately())
				.mapToDouble(Contribution::kgCO2e).sum();
		m.put("gwpDefaulted", undeclared == 0 ? ""
				: undeclared + " of " + r.contributions().size() + " contributions (" + Num.kg(undeclaredKg)
						+ " kg CO2e of A1–C4) come from factors that declare no GWP split: they are reported as GWP-fossil.");
	}

	private static Map<String, Object> gwpRow(String label, GwpSplit g, double totalMarket) {
		return map("label", label, "fossil", Num.kg(g.fossil()), "bioEmissions", Num.kg(g.biogenicEmissions()), "bioRemovals",
				Num.kg(g.biogenicRemovals()), "luluc", Num.kg(g.luluc()), "total", Num.kg(g.total()), "market", Num.kg(totalMarket));
	}

	/** Location-based and market-based electricity rows, each list with its sum. */
	private static void instruments(FootprintResult r, Map<String, Object> m) {
		List<Map<String, Object>> location = new ArrayList<>();
		List<Map<String, Object>> marketRows = new ArrayList<>();
		double[] sums = new double[4];
		for (InstrumentUse i : r.instruments()) {
			boolean loc = i.locationBased();
			(loc ? location : marketRows).add(map("kind", loc ? i.kind().substring("location:".length()) : i.kind(), "element", nz(i.element()),
					"kWh", Num.kg(i.kWh()), "rate", Num.significant(i.kgCO2ePerKWh()), "kg", Num.kg(i.kgCO2e()), "note", nz(i.note())));
			sums[loc ? 0 : 2] += i.kWh();
			sums[loc ? 1 : 3] += i.kgCO2e();
		}
		m.put("instrumentsLocation", location);
		m.put("instrumentsMarket", marketRows);
		m.put("instrumentSums", map("locationKWh", Num.kg(sums[0]), "locationKg", Num.kg(sums[1]), "marketKWh", Num.kg(sums[2]), "marketKg",
				Num.kg(sums[3])));
	}

	private static void findings(FootprintResult r, Map<String, Object> m) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Finding f : r.findings()) {
			rows.add(map("severity", nz(f.severity()), "cls", "error".equals(f.severity()) ? "fail" : "warning".equals(f.severity()) ? "warn" : "muted",
					"code", nz(f.code()), "message", nz(f.message()), "element", nz(f.element())));
		}
		m.put("findings", rows);
		m.put("findingErrors", Integer.toString(r.findings("error").size()));
	}
}
