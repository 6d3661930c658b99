package org.zerocarbon.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.report.internal.Num;

/**
 * The CSV reports: the module × scope table, the list of all contributions and, for lines, the breakdown by
 * equipment. RFC 4180 quoting with
 * {@code \n} line ends (diff-friendly), a header row, numbers with a dot and no grouping ({@link java.util.Locale#ROOT}).
 */
public final class CsvReport {

	/** Header of {@link #moduleTable}. */
	public static final String[] TABLE_HEADER = { "module", "title", "stage", "scope1_kgCO2e", "scope2_kgCO2e", "scope3_kgCO2e",
			"total_kgCO2e", "scope2_market_kgCO2e", "total_market_kgCO2e", "gwp_fossil_kgCO2e", "gwp_biogenic_emissions_kgCO2e",
			"gwp_biogenic_removals_kgCO2e", "gwp_luluc_kgCO2e" };

	/** Header of {@link #contributions}. */
	public static final String[] CONTRIBUTIONS_HEADER = { "module", "scope", "element", "description", "activity_amount",
			"activity_unit", "factor", "kgCO2e", "primary_data", "data_quality", "element_uri", "kgCO2e_market", "gwp_fossil",
			"gwp_biogenic_emissions", "gwp_biogenic_removals", "gwp_luluc", "gwp_declared" };

	/** Header of {@link #equipment}. */
	public static final String[] EQUIPMENT_HEADER = { "element", "kind", "function", "allocation_rule", "basis_amount", "basis_unit",
			"allocation_factor", "own_kgCO2e", "utilities_kgCO2e", "total_kgCO2e", "moduleD_kgCO2e", "total_market_kgCO2e" };

	/** Header of {@link #instruments}. */
	public static final String[] INSTRUMENTS_HEADER = { "method", "kind", "element", "kWh", "kgCO2e_per_kWh", "kgCO2e", "note",
			"element_uri" };

	/** Header of {@link #findings}. */
	public static final String[] FINDINGS_HEADER = { "severity", "code", "element", "message", "element_uri" };

	/** The row label of the A1–C4 total in {@link #moduleTable}. */
	public static final String TOTAL_ROW = "TOTAL";

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

	private CsvReport() {
	}

	/**
	 * The module × scope table: one row per module that has contributions (EN 15804 order), then a row
	 * {@value #TOTAL_ROW} with the A1–C4 sums, module D excluded (D's row, if any, stays in the table above it and is
	 * marked by its stage BEYOND). Figures in kg CO2e with three decimals.
	 */
	public static String moduleTable(FootprintResult result) {
		FootprintResult r = result.normalized();
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
			p.printRecord((Object[]) TABLE_HEADER);
			Map<Module, Map<Scope, Double>> market = r.tableMarket();
			double scope2Market = 0;
			for (Map.Entry<Module, Map<Scope, Double>> row : r.table().entrySet()) {
				Module m = row.getKey();
				double s2m = market.get(m).getOrDefault(Scope.SCOPE_2, 0.0);
				scope2Market += m.isReportedSeparately() ? 0 : s2m;
				GwpSplit g = r.gwp(m);
				p.printRecord(m.name(), m.title(), m.stage().name(), kg(row.getValue().getOrDefault(Scope.SCOPE_1, 0.0)),
						kg(row.getValue().getOrDefault(Scope.SCOPE_2, 0.0)), kg(row.getValue().getOrDefault(Scope.SCOPE_3, 0.0)), kg(r.total(m)), kg(s2m),
						kg(r.totalMarket(m)), kg(g.fossil()), kg(g.biogenicEmissions()), kg(g.biogenicRemovals()), kg(g.luluc()));
			}
			GwpSplit g = r.gwp();
			p.printRecord(TOTAL_ROW, "Total A1-C4 (module D excluded)", "", kg(r.total(Scope.SCOPE_1)), kg(r.total(Scope.SCOPE_2)),
					kg(r.total(Scope.SCOPE_3)), kg(r.total()), kg(scope2Market), kg(r.totalMarket()), kg(g.fossil()), kg(g.biogenicEmissions()),
					kg(g.biogenicRemovals()), kg(g.luluc()));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/**
	 * Every contribution in canonical order, numbers written losslessly (the shortest decimal that reads back to
	 * the same double).
	 */
	public static String contributions(FootprintResult result) {
		FootprintResult r = result.normalized();
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
			p.printRecord((Object[]) CONTRIBUTIONS_HEADER);
			for (Contribution c : r.contributions()) {
				p.printRecord(c.module().name(), c.scope().name(), c.element(), c.description(), Num.plain(c.activityAmount()),
						c.activityUnit(), c.factor(), Num.plain(c.kgCO2e()), c.primaryData(),
						c.dataQuality() == null ? "" : Num.plain(c.dataQuality()), c.elementUri(), Num.plain(c.kgCO2eMarket()),
						Num.plain(c.gwp().fossil()), Num.plain(c.gwp().biogenicEmissions()), Num.plain(c.gwp().biogenicRemovals()),
						Num.plain(c.gwp().luluc()), c.gwp().declared());
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/**
	 * The breakdown by equipment of a line: a row per machine (own inventory, allocated shared utilities, total), a
	 * row per function of a multi-function machine (kind {@code function}: its basis amount, allocation factor and
	 * allocated total) and a row per shared utility (kind {@code utility}: its own footprint, minus what was
	 * allocated to machines in the utilities column, and the rest in the total column, so the total column adds up to
	 * the line's A1–C4 total). Numbers lossless.
	 */
	public static String equipment(FootprintResult result) {
		FootprintResult r = result.normalized();
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
			p.printRecord((Object[]) EQUIPMENT_HEADER);
			for (Equipment e : r.equipment()) {
				double allocated = e.supply() == null ? 0 : e.supply().allocatedKgCO2e();
				p.printRecord(e.element(), e.kind(), "", e.allocation() == null ? "" : e.allocation().rule(), "", "", "",
						Num.plain(e.ownKgCO2e()), Num.plain(e.supply() == null ? e.utilitiesKgCO2e() : -allocated),
						Num.plain(e.kgCO2e() - allocated), Num.plain(e.moduleD()),
						// a utility is allocated to its machines by their share of its output, the same share of either
						// figure, so its market-based rest is its market-based footprint times the unallocated share
						Num.plain(e.kgCO2eMarket() - (e.kgCO2e() == 0 ? 0 : allocated * e.kgCO2eMarket() / e.kgCO2e())));
				if (e.allocation() != null) {
					for (FunctionResult f : e.allocation().functions()) {
						p.printRecord(e.element(), "function", f.name(), e.allocation().rule(), Num.plain(f.amount()), e.allocation().unit(),
								Num.plain(f.factor()), "", "", Num.plain(f.kgCO2e()), Num.plain(f.moduleD()), Num.plain(f.kgCO2eMarket()));
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/**
	 * The electricity supply: a row per location-based supply kind and per market-based instrument applied (GHG
	 * Protocol Scope 2 hierarchy, in the order applied), with the energy it covered, its rate and emissions. The
	 * location rows add up to scope 2 location-based electricity, the market rows to market-based. Numbers lossless.
	 */
	public static String instruments(FootprintResult result) {
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
			p.printRecord((Object[]) INSTRUMENTS_HEADER);
			for (InstrumentUse i : result.normalized().instruments()) {
				p.printRecord(i.locationBased() ? "location" : "market", i.kind(), i.element(), Num.plain(i.kWh()), Num.plain(i.kgCO2ePerKWh()),
						Num.plain(i.kgCO2e()), i.note(), i.elementUri());
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	/** The calculation's findings (over-claimed certificates, missing factors ...), errors first. */
	public static String findings(FootprintResult result) {
		StringWriter out = new StringWriter();
		try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
			p.printRecord((Object[]) FINDINGS_HEADER);
			for (Finding f : result.normalized().findings()) {
				p.printRecord(f.severity(), f.code(), f.element(), f.message(), f.elementUri());
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	private static String kg(double value) {
		return Num.fixed(value, 3);
	}
}
