package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zerocarbon.core.footprint.FootprintResult.DayEnergy;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.Measurement;
import org.zerocarbon.core.footprint.FootprintResult.Share;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Meter;
import org.zerocarbon.model.zc.MeterScope;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.UseStageBasis;
import org.zerocarbon.telemetry.Diagnostic;
import org.zerocarbon.telemetry.MeterAggregate;

/**
 * The use stage (B6) from measured energy, and its reconciliation with the declared state powers.
 * <p>
 * The methodology decides ({@code use stage declared|measured|reconciled}): declared B6 is power × share × operating
 * hours per year × life; measured B6 takes a machine's machine-scope meter and extrapolates its period to a year by
 * the line's operating profile:
 * <pre>
 * operating time T_on = measured time in every state but off
 * B6 per year, state s (not off) = hours per year × E_s / T_on
 * B6 per year, off               = (8,760 h − hours per year) × E_off / T_off
 * </pre>
 * (the mean power of each state over the time the machine ran, times the hours the profile says it runs, and the
 * off-state draw over the rest of the year). Without a state signal or thresholds the period's mean power is taken
 * for the whole year (8,760 h), and the note says so. {@code reconciled} also compares measured with declared: the
 * state shares of the operating time (declared shares renormalised without off) in percentage points, and the annual
 * energy relatively; a deviation above the methodology's tolerance (default 10 %) is a finding on the machine.
 */
final class MeasuredUse {

	static final double HOURS_PER_YEAR = 8760;
	private static final double DEFAULT_TOLERANCE = 0.10;
	private static final int MAX_PROBLEMS = 20;

	/** B6 electricity of one machine from its measurement: kWh per year by state, and what was noted. */
	record Use(Machine machine, Meter meter, Map<String, Double> annualKWhByState, double annualKWh) {
	}

	private final Measurements measurements;
	private final UseStageBasis basis;
	private final double tolerance;
	private final List<Measurement> rows = new ArrayList<>();
	private final List<Finding> findings = new ArrayList<>();

	MeasuredUse(Measurements measurements, Methodology methodology) {
		this.measurements = measurements == null ? Measurements.NONE : measurements;
		this.basis = methodology.getUseStage() == null ? UseStageBasis.DECLARED : methodology.getUseStage();
		this.tolerance = methodology.getTolerance() == null ? DEFAULT_TOLERANCE
				: Quantities.fraction(methodology.getTolerance(), "the methodology's reconciliation tolerance");
	}

	/** The measured data of the line's meters, one row each. */
	List<Measurement> rows() {
		return rows;
	}

	/** Reconciliation deviations and data problems, with the machine or meter they are about. */
	List<Finding> findings() {
		return findings;
	}

	/**
	 * Records the measurements of a machine's meters; returns the measured B6 when the methodology takes B6 from
	 * measurement and the machine has a machine-scope meter with data, else null (B6 stays declared).
	 */
	Use machine(Machine machine, double hours, double life, List<String> notes) {
		Use use = null;
		for (Meter meter : machine.getMeters()) {
			MeterAggregate aggregate = meter.getSource() == null ? null : measurements.of(meter);
			if (aggregate == null) {
				continue;
			}
			problems(meter, aggregate);
			Use candidate = null;
			if (use == null && meter.getScope() == MeterScope.MACHINE && aggregate.coveredSeconds() > 0) {
				candidate = extrapolate(machine, meter, aggregate, hours, basis != UseStageBasis.DECLARED ? notes : null);
				if (basis == UseStageBasis.RECONCILED) {
					reconcile(machine, aggregate, candidate, hours);
				}
				if (basis != UseStageBasis.DECLARED) {
					use = candidate;
				}
			}
			rows.add(row(machine, meter, aggregate, use != null && candidate == use ? use.annualKWh() : Double.NaN));
		}
		if (use == null && basis != UseStageBasis.DECLARED && !machine.getStates().isEmpty()) {
			notes.add("Machine " + machine.getName() + " has no machine meter with data; its B6 comes from the declared state powers although the "
					+ "methodology takes the use stage from measurement.");
		}
		if (use != null) {
			notes.add("B6 of machine " + machine.getName() + " comes from measurement (meter " + use.meter().getName() + "): "
					+ format(use.annualKWh()) + " kWh a year × " + format(life) + " years.");
		}
		return use;
	}

	/** The measured B6 activities (electricity per state over the life), to be supplied like declared B6. */
	static List<Activity> activities(Use use, double life, ElectricitySupply.Mix grid) {
		List<Activity> activities = new ArrayList<>();
		for (Map.Entry<String, Double> state : use.annualKWhByState().entrySet()) {
			double kwh = state.getValue() * life;
			if (kwh != 0) {
				activities.add(Activity.electricity(use.machine(), Module.B6, "electricity, " + state.getKey() + " state (measured)", kwh, grid,
						use.machine()));
			}
		}
		return activities;
	}

	private static Use extrapolate(Machine machine, Meter meter, MeterAggregate a, double hours, List<String> notes) {
		Map<String, Double> byState = new java.util.LinkedHashMap<>();
		String period = a.periodStart() + " to " + a.periodEnd() + " (coverage " + percent(a.coverage()) + ", longest gap "
				+ format(a.longestGapSeconds() / 3600) + " h)";
		if (a.perState().isEmpty()) {
			double kwh = a.meanPowerW() / 1000 * HOURS_PER_YEAR;
			byState.put("measured", kwh);
			if (notes != null) {
				notes.add("Meter " + meter.getName() + " of machine " + machine.getName() + " has no state signal or power thresholds: its mean power of "
						+ format(a.meanPowerW() / 1000) + " kW over " + period + " is taken for the whole year (8,760 h).");
			}
			return new Use(machine, meter, byState, kwh);
		}
		double onSeconds = 0;
		for (Map.Entry<String, MeterAggregate.Share> s : a.perState().entrySet()) {
			onSeconds += s.getKey().equals(off()) ? 0 : s.getValue().seconds();
		}
		double total = 0;
		List<String> shares = new ArrayList<>();
		for (Map.Entry<String, MeterAggregate.Share> s : a.perState().entrySet()) {
			MeterAggregate.Share share = s.getValue();
			double kwh;
			if (s.getKey().equals(off())) {
				kwh = share.seconds() > 0 ? (HOURS_PER_YEAR - Math.min(hours, HOURS_PER_YEAR)) * share.energyJ() / share.seconds() / 1000 : 0;
			} else {
				kwh = onSeconds > 0 ? hours * share.energyJ() / onSeconds / 1000 : 0;
				shares.add(s.getKey() + " " + percent(onSeconds > 0 ? share.seconds() / onSeconds : 0));
			}
			byState.put(s.getKey(), kwh);
			total += kwh;
		}
		if (notes != null) {
			notes.add("Measured B6 of machine " + machine.getName() + " (meter " + meter.getName() + ", " + period + "): operating time (not off) "
					+ format(onSeconds / 3600) + " h of " + format(a.coveredSeconds() / 3600) + " h measured (" + String.join(", ", shares)
					+ "); extrapolated to " + format(hours) + " operating hours a year at the measured power of each state, and the off-state "
					+ "draw over the other " + format(HOURS_PER_YEAR - Math.min(hours, HOURS_PER_YEAR)) + " h: " + format(total) + " kWh a year.");
		}
		return new Use(machine, meter, byState, total);
	}

	/** Measured against declared: state shares of the operating time, and the annual energy. */
	private void reconcile(Machine machine, MeterAggregate a, Use measured, double hours) {
		if (machine.getStates().isEmpty()) {
			return;
		}
		double declaredOff = 0;
		double declaredKWh = 0;
		for (StateUse state : machine.getStates()) {
			double share = Quantities.fraction(state.getShare(), "machine " + machine.getName());
			declaredKWh += Quantities.in(state.getPower(), "kW", "machine " + machine.getName()) * share * hours;
			declaredOff += state.getState() == EnergyState.OFF ? share : 0;
		}
		if (!a.perState().isEmpty()) {
			double onSeconds = a.perState().entrySet().stream().filter(e -> !e.getKey().equals(off())).mapToDouble(e -> e.getValue().seconds()).sum();
			for (StateUse state : machine.getStates()) {
				if (state.getState() == EnergyState.OFF || onSeconds <= 0 || declaredOff >= 1) {
					continue;
				}
				double declared = Quantities.fraction(state.getShare(), "machine " + machine.getName());
				double declaredOfOn = declared / (1 - declaredOff);
				MeterAggregate.Share share = a.perState().get(state.getState().getLiteral());
				double measuredShare = share == null ? 0 : share.seconds() / onSeconds;
				if (Math.abs(measuredShare - declaredOfOn) > tolerance) {
					findings.add(new Finding("warning", "measuredDeviation", "Machine " + machine.getName() + ": measured " + state.getState().getLiteral()
							+ " share " + percent(measuredShare) + ", declared " + percent(declared) + (declaredOff > 0 ? " (" + percent(declaredOfOn)
									+ " of the time it is not off)" : "") + ": a deviation of " + format(Math.round(100 * Math.abs(measuredShare - declaredOfOn)))
							+ " percentage points, above the tolerance of " + percent(tolerance) + ".", Names.qualifiedName(machine), Names.uri(machine)));
				}
			}
		}
		double operatingKWh = measured.annualKWh() - measured.annualKWhByState().getOrDefault(off(), 0.0);
		double declaredOperating = declaredKWh;
		if (declaredOperating > 0 && Math.abs(operatingKWh - declaredOperating) / declaredOperating > tolerance) {
			findings.add(new Finding("warning", "measuredDeviation", "Machine " + machine.getName() + ": measured energy in the operating hours "
					+ format(Math.round(operatingKWh)) + " kWh a year, declared " + format(Math.round(declaredOperating)) + " kWh: "
					+ percent(Math.abs(operatingKWh - declaredOperating) / declaredOperating) + " apart, above the tolerance of " + percent(tolerance)
					+ ".", Names.qualifiedName(machine), Names.uri(machine)));
		}
	}

	private void problems(Meter meter, MeterAggregate a) {
		// errors and warnings of the data (bad rows, timestamps out of order, a counter running backwards); infos such
		// as a daily part-count reset are only listed in the report
		long errors = a.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).count();
		if (errors > 0) {
			Diagnostic first = a.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).findFirst().get();
			findings.add(new Finding("warning", "measurementData", "Meter " + meter.getName() + ": " + errors + " problem" + (errors == 1 ? "" : "s")
					+ " in its data, the first: " + describe(first) + " (the records were skipped).", Names.qualifiedName(meter), Names.uri(meter)));
		}
		if (a.stale()) {
			findings.add(new Finding("warning", "staleMeasurement", "Meter " + meter.getName() + ": its source could not be read; the last good data "
					+ "(" + a.periodStart() + " to " + a.periodEnd() + ") is used.", Names.qualifiedName(meter), Names.uri(meter)));
		}
	}

	private static Measurement row(Machine machine, Meter meter, MeterAggregate a, double annualKWh) {
		List<DayEnergy> days = new ArrayList<>();
		a.energyPerDayJ().forEach((day, j) -> days.add(new DayEnergy(day.toString(), j / 3.6e6)));
		List<Share> states = new ArrayList<>();
		a.perState().forEach((s, v) -> states.add(new Share(s, v.seconds() / 3600, v.energyJ() / 3.6e6, v.parts())));
		List<Share> programs = new ArrayList<>();
		a.perProgram().forEach((s, v) -> programs.add(new Share(s, v.seconds() / 3600, v.energyJ() / 3.6e6, v.parts())));
		List<String> problems = new ArrayList<>();
		for (Diagnostic d : a.diagnostics()) {
			if (d.severity() != Diagnostic.Severity.INFO && problems.size() < MAX_PROBLEMS) {
				problems.add(describe(d));
			}
		}
		long more = a.diagnostics().stream().filter(d -> d.severity() != Diagnostic.Severity.INFO).count() - problems.size();
		if (more > 0) {
			problems.add("... and " + more + " more");
		}
		String element = meter.getScope() == MeterScope.COMPONENT && meter.getComponent() != null ? Names.qualifiedName(meter.getComponent())
				: meter.getScope() == MeterScope.OPERATION && meter.getOperation() != null ? Names.qualifiedName(meter.getOperation())
						: Names.qualifiedName(machine);
		return new Measurement(Names.qualifiedName(meter), Names.uri(meter), element, meter.getScope().getLiteral(),
				meter.getSource().getName() + " (" + meter.getSource().getFormat().getLiteral() + " " + meter.getSource().getLocation() + ")",
				iso(a.periodStart()), iso(a.periodEnd()), a.samples(), a.energyJ() / 3.6e6, a.coverage(), a.longestGapSeconds() / 3600,
				a.longestGapStart() == null ? null : iso(a.longestGapStart()), a.samplingIntervalSeconds(), a.parts(), days, states, programs,
				annualKWh, a.stale(), problems);
	}

	private static String describe(Diagnostic d) {
		return (d.source() == null ? "" : d.source()) + (d.line() > 0 ? ":" + d.line() : "")
				+ (d.epochMillis() != null ? " at " + Instant.ofEpochMilli(d.epochMillis()) : "") + ": " + d.message();
	}

	private static String iso(Instant instant) {
		return instant == null ? null : instant.toString();
	}

	private static String off() {
		return EnergyState.OFF.getLiteral();
	}

	private static String percent(double fraction) {
		return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
	}

	/** Whether any machine of the line has a meter reading a data source (for the calculator's notes). */
	static boolean hasSources(Line line) {
		return line.getMachines().stream().flatMap(m -> m.getMeters().stream()).anyMatch(m -> m.getSource() != null);
	}
}
