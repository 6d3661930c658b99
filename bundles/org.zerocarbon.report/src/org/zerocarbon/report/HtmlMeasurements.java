package org.zerocarbon.report;

import static org.zerocarbon.report.HtmlReport.map;
import static org.zerocarbon.report.HtmlReport.nz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.core.footprint.FootprintResult.Share;
import org.zerocarbon.report.internal.Num;
import org.zerocarbon.report.internal.SvgCharts;

/**
 * The measured-data part of the HTML report's view model: per meter its source, period, energy, coverage, longest
 * gap and achieved interval, energy per day as a column chart, time and energy per state (a stacked bar) and per
 * program, parts and energy per part, and whether B6 came from it. Strings, lists and maps only.
 */
final class HtmlMeasurements {

	/** Colours of the energy states off, standby, ready, warmup, processing and anything else. */
	private static final String[] STATE_COLOURS = { "#9e9e9e", "#d4a72c", "#5b9bd5", "#c55a11", "#2e8b57", "#7030a0" };
	private static final List<String> STATES = List.of("off", "standby", "ready", "warmup", "processing");

	private HtmlMeasurements() {
	}

	static void put(FootprintResult r, Map<String, Object> m) {
		List<Map<String, Object>> meters = new ArrayList<>();
		for (Measurement x : r.measurements()) {
			double[] days = x.days().stream().mapToDouble(FootprintResult.DayEnergy::kWh).toArray();
			String[] labels = x.days().stream().map(FootprintResult.DayEnergy::date).toArray(String[]::new);
			double hours = x.states().stream().mapToDouble(Share::hours).sum();
			double[] stateHours = new double[x.states().size()];
			String[] colours = new String[x.states().size()];
			List<Map<String, Object>> states = new ArrayList<>();
			for (int i = 0; i < x.states().size(); i++) {
				Share s = x.states().get(i);
				stateHours[i] = s.hours();
				int c = STATES.indexOf(s.name());
				colours[i] = STATE_COLOURS[c < 0 ? STATE_COLOURS.length - 1 : c];
				states.add(map("name", nz(s.name()), "hours", Num.grouped(s.hours(), 1), "share", Num.percent(hours > 0 ? s.hours() / hours : 0),
						"kWh", Num.grouped(s.kWh(), 1), "meanKW", s.hours() > 0 ? Num.significant(s.kWh() / s.hours()) : "—", "swatch",
						SvgCharts.swatch(colours[i], 10)));
			}
			List<Map<String, Object>> programs = new ArrayList<>();
			for (Share p : x.programs()) {
				programs.add(map("name", nz(p.name()), "hours", Num.grouped(p.hours(), 1), "kWh", Num.grouped(p.kWh(), 1), "parts",
						String.valueOf(p.parts()), "perPart", p.parts() > 0 ? Num.significant(p.kWh() / p.parts()) : "—"));
			}
			meters.add(map("meter", nz(x.meter()), "element", nz(x.element()), "scope", nz(x.scope()), "source", nz(x.source()),
					"from", nz(x.from()), "to", nz(x.to()), "samples", Num.grouped(x.samples(), 0), "kWh", Num.grouped(x.kWh(), 1),
					"coverage", Num.percent(x.coverage()), "gap", Num.significant(x.longestGapHours()) + " h",
					"gapStart", nz(x.longestGapStart()), "interval", Double.isNaN(x.intervalSeconds()) ? "—" : Num.significant(x.intervalSeconds()) + " s",
					"parts", String.valueOf(x.parts()), "perPart", x.parts() > 0 ? Num.significant(x.kWhPerPart()) : "—",
					"annual", x.usedForB6() ? Num.grouped(x.annualKWh(), 0) + " kWh a year" : "not used (B6 declared)",
					"stale", x.stale(), "problems", x.problems(),
					"dayChart", days.length == 0 ? "" : SvgCharts.columns(days, labels, "kWh", 360, 90),
					"stateBar", stateHours.length == 0 ? "" : SvgCharts.stackedBar(stateHours, colours, 0, hours, 360, 16),
					"states", states, "programs", programs));
		}
		m.put("measurements", meters);
	}
}
