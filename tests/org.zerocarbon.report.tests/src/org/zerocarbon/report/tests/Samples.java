package org.zerocarbon.report.tests;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.AllocationResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.CriterionResult;
import org.zerocarbon.core.footprint.FootprintResult.DataQuality;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.Evidence;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.FootprintResult.GwpSplit;
import org.zerocarbon.core.footprint.FootprintResult.InstrumentUse;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.FootprintResult.MethodologyRef;
import org.zerocarbon.core.footprint.FootprintResult.Scope2;
import org.zerocarbon.core.footprint.FootprintResult.Subject;
import org.zerocarbon.core.footprint.FootprintResult.Supply;
import org.zerocarbon.core.footprint.FootprintResult.ThresholdCheck;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.footprint.FootprintResult.UtilityShare;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;

/**
 * Hand-built results: a six-machine housing cell line over A1–A5, B2–B6, C1–C4 and D, and a tiny one whose
 * figures are checked by hand.
 */
final class Samples {

	static final double GRID_CN = 0.582; // kg CO2e/kWh, Ember via Our World in Data 2023
	static final double STEEL = 1.91; // kg CO2/kg crude steel, worldsteel 2021
	static final double ALU = 15.1; // kg CO2e/kg primary aluminium, IAI 2022
	static final double HGV = 0.126; // kg CO2e/tkm, DEFRA
	static final double RAIL = 0.032;
	static final double SEA = 0.0154;
	static final double GAS = 0.202; // kg CO2e/kWh natural gas; source deliberately not recorded

	static final String[] MACHINES = { "VMC1", "VMC2", "HMC1", "TC1", "TC2", "WASH1" };
	static final double[] CAST_IRON_KG = { 6200, 6200, 11800, 4300, 4300, 1500 };
	static final double[] ALU_KG = { 180, 180, 260, 120, 120, 60 };
	static final double[] PROCESSING_KWH_PER_YEAR = { 38000, 36500, 52000, 24000, 25500, 18000 };
	static final double[] STANDBY_KWH_PER_YEAR = { 6100, 6000, 8800, 4200, 4300, 2600 };
	static final int YEARS = 10;

	private Samples() {
	}

	static String el(String machine) {
		return "demo.HousingCell." + machine;
	}

	/** The housing cell line: 6 machines, a compressor, the hall heating; ~80 contributions. */
	static FootprintResult housingCell() {
		List<Contribution> cs = new ArrayList<>();
		for (int i = 0; i < MACHINES.length; i++) {
			String m = el(MACHINES[i]);
			String uri = "platform:/resource/demo/housing-cell.zc#//@machines." + i;
			double mass = CAST_IRON_KG[i] + ALU_KG[i] + 900;
			cs.add(new Contribution(m, uri, Module.A1, Scope.SCOPE_3, "machine bed and column, cast iron", CAST_IRON_KG[i], "kg", "steel.crude.world",
					CAST_IRON_KG[i] * STEEL, false, 3.0));
			cs.add(new Contribution(m, uri, Module.A1, Scope.SCOPE_3, "housings and covers, aluminium", ALU_KG[i], "kg", "aluminium.primary.world",
					ALU_KG[i] * ALU, false, 2.5));
			cs.add(new Contribution(m, uri, Module.A1, Scope.SCOPE_3, "CNC controller and drives (EPD)", 1, "unit", null, 820 + 40 * i, true, 1.5));
			cs.add(new Contribution(m, uri, Module.A2, Scope.SCOPE_3, "castings to manufacturer, truck", CAST_IRON_KG[i] / 1000 * 450, "tkm",
					"freight.hgv", CAST_IRON_KG[i] / 1000 * 450 * HGV, false, 3.0));
			cs.add(new Contribution(m, uri, Module.A3, Scope.SCOPE_3, "assembly and run-off, electricity", 2400 + 300 * i, "kWh", "grid.CN.2023",
					(2400 + 300 * i) * GRID_CN, true, 1.5));
			cs.add(new Contribution(m, uri, Module.A4, Scope.SCOPE_3, "delivery to site, rail", mass / 1000 * 1200, "tkm", "freight.rail",
					mass / 1000 * 1200 * RAIL, false, 2.0));
			cs.add(new Contribution(m, uri, Module.A5, Scope.SCOPE_3, "installation and commissioning, electricity", 800, "kWh", "grid.CN.2023",
					800 * GRID_CN, true, 2.0));
			cs.add(new Contribution(m, uri, Module.B2, Scope.SCOPE_3, "coolant and lubricants over service life", 120 * YEARS, "kg",
					"lubricant.generic", 120 * YEARS * 1.1, false, 4.0));
			cs.add(new Contribution(m, uri, Module.B4, Scope.SCOPE_3, "spindle replacement", 2, "unit", null, 2 * 310.0, false, 3.5));
			cs.add(new Contribution(m, uri, Module.B6, Scope.SCOPE_2, "electricity, processing state", PROCESSING_KWH_PER_YEAR[i] * YEARS, "kWh",
					"grid.CN.2023", PROCESSING_KWH_PER_YEAR[i] * YEARS * GRID_CN, true, 1.0));
			cs.add(new Contribution(m, uri, Module.B6, Scope.SCOPE_2, "electricity, standby state", STANDBY_KWH_PER_YEAR[i] * YEARS, "kWh",
					"grid.CN.2023", STANDBY_KWH_PER_YEAR[i] * YEARS * GRID_CN, true, 1.0));
			cs.add(new Contribution(m, uri, Module.C1, Scope.SCOPE_1, "dismantling, diesel crane", 60, "l", "diesel.combustion", 60 * 2.68, false, 3.0));
			cs.add(new Contribution(m, uri, Module.C2, Scope.SCOPE_3, "transport to recycler, truck", mass / 1000 * 80, "tkm", "freight.hgv",
					mass / 1000 * 80 * HGV, false, 3.0));
			cs.add(new Contribution(m, uri, Module.C3, Scope.SCOPE_3, "shredding and sorting", mass, "kg", "waste.shredding", mass * 0.015, false, 4.0));
			cs.add(new Contribution(m, uri, Module.C4, Scope.SCOPE_3, "landfill of residues", 400, "kg", "waste.landfill.inert", 400 * 0.0052, false, 4.0));
			cs.add(new Contribution(m, uri, Module.D, Scope.SCOPE_3, "recycling credit, cast iron", CAST_IRON_KG[i] * 0.9, "kg", "steel.crude.world",
					-CAST_IRON_KG[i] * 0.9 * STEEL * 0.55, false, 3.0));
		}
		String air = "demo.HousingCell.CompressedAir";
		cs.add(new Contribution(air, null, Module.A1, Scope.SCOPE_3, "screw compressor (EPD)", 1, "unit", null, 2150, true, 1.5));
		cs.add(new Contribution(air, null, Module.B3, Scope.SCOPE_3, "compressor overhaul", 2, "unit", null, 2 * 95.0, false, 3.0));
		cs.add(new Contribution(air, null, Module.B6, Scope.SCOPE_2, "electricity, compressed air", 41000.0 * YEARS, "kWh", "grid.CN.2023",
				41000.0 * YEARS * GRID_CN, true, 1.0));
		String hall = "demo.HousingCell.Hall";
		cs.add(new Contribution(hall, null, Module.B6, Scope.SCOPE_1, "space heating, natural gas", 30000.0 * YEARS, "kWh", "natural-gas.combustion",
				30000.0 * YEARS * GAS, false, 3.5));
		cs.add(new Contribution(hall, null, Module.B5, Scope.SCOPE_3, "LED retrofit of hall lighting", 1, "unit", null, 640, false, 4.0));

		double total = cs.stream().filter(c -> c.module() != Module.D).mapToDouble(Contribution::kgCO2e).sum();
		double machineHours = 6 * 4000.0 * YEARS;
		double parts = 1_200_000;
		List<FunctionalUnitResult> fus = List.of(new FunctionalUnitResult("machine-hour", machineHours, total / machineHours),
				new FunctionalUnitResult("part", parts, total / parts));
		double scope2 = cs.stream().filter(c -> c.scope() == Scope.SCOPE_2 && c.module() != Module.D).mapToDouble(Contribution::kgCO2e).sum();
		Scope2 s2 = new Scope2(scope2, scope2 * 0.62);

		double a1a3 = cs.stream().filter(c -> c.module().ordinal() <= Module.A3.ordinal()).mapToDouble(Contribution::kgCO2e).sum();
		double a1a3Primary = cs.stream().filter(c -> c.module().ordinal() <= Module.A3.ordinal() && c.primaryData())
				.mapToDouble(Contribution::kgCO2e).sum();
		double share = a1a3Primary / a1a3;
		DataQuality dq = new DataQuality(share, 2.1, List.of(
				new ThresholdCheck("primaryShareA1A3", "primary data share of A1–A3 ≥ 60 %", share, share >= 0.6,
						"castings and aluminium use world-average factors; ask the foundry for an EPD"),
				new ThresholdCheck("rating", "data-quality rating ≤ 3.0", 2.1, true, "emission-weighted pedigree rating")));

		UncertaintyResult u = new UncertaintyResult(5000, 42L, total * 1.012, total * 0.085, total * 0.88, total * 1.005, total * 1.16,
				List.of(new Driver("grid.CN.2023", 0.86, 0.71), new Driver("steel.crude.world", 0.38, 0.14),
						new Driver("demo.HousingCell.HMC1 processing hours", 0.29, 0.08), new Driver("aluminium.primary.world", 0.21, 0.04)));

		List<CriterionResult> criteria = List.of(
				new CriterionResult("zcu.meteringPerOperation", "Energy logged per operation", "ISO/TR 37115-1 (as reported), metering", "error",
						CriterionResult.Status.PASS, "all 6 machines have a per-operation energy meter",
						List.of(new Evidence(el("VMC1"), null, true, "meter VMC1.E1, 1 s resolution"),
								new Evidence(el("HMC1"), null, true, "meter HMC1.E1, 1 s resolution"))),
				new CriterionResult("zcu.digitalTwin", "Digital twin maps thermal and electrical load", "ISO/TR 37115-1 (as reported), digital twin",
						"error", CriterionResult.Status.FAIL, "the twin maps electrical load only",
						List.of(new Evidence("demo.HousingCell.Twin", null, false, "no thermal channels bound"))),
				new CriterionResult("zcu.closedLoop", "Closed-loop energy management", "ISO/TR 37115-1 (as reported), energy management", "warning",
						CriterionResult.Status.NOT_APPLICABLE, "no energy management system in this model", List.of()),
				new CriterionResult("tr24122.primaryData", "Primary data for key inputs", "ISO/TR 24122 (as reported), data", "warning",
						share >= 0.6 ? CriterionResult.Status.PASS : CriterionResult.Status.FAIL,
						"primary data share of A1–A3 is " + Math.round(share * 100) + " %",
						List.of(new Evidence(el("VMC1"), null, true, "controller EPD"), new Evidence(el("VMC1"), null, false, "castings: world average"))));

		List<FactorProvenance> factors = List.of(
				new FactorProvenance("grid.CN.2023", GRID_CN, "kgCO2e/kWh", "CN", 2023, "Ember via Our World in Data", "CC BY 4.0"),
				new FactorProvenance("steel.crude.world", STEEL, "kgCO2/kg", "world", 2021, "worldsteel", "cited figure"),
				new FactorProvenance("aluminium.primary.world", ALU, "kgCO2e/kg", "world", 2022, "International Aluminium Institute", "cited figure"),
				new FactorProvenance("freight.hgv", HGV, "kgCO2e/tkm", "UK", 2015, "UK DEFRA (older)", "Open Government Licence"),
				new FactorProvenance("freight.rail", RAIL, "kgCO2e/tkm", "UK", 2015, "UK DEFRA (older)", "Open Government Licence"),
				new FactorProvenance("natural-gas.combustion", GAS, "kgCO2e/kWh", null, null, null, null),
				new FactorProvenance("diesel.combustion", 2.68, "kgCO2e/l", null, null, "user supplied", null),
				new FactorProvenance("lubricant.generic", 1.1, "kgCO2e/kg", null, null, "user supplied", null),
				new FactorProvenance("waste.shredding", 0.015, "kgCO2e/kg", null, null, "user supplied", null),
				new FactorProvenance("waste.landfill.inert", 0.0052, "kgCO2e/kg", null, null, "user supplied", null));

		List<Indicator> indicators = List.of(new Indicator("carbon intensity of energy use", 2.31, "t CO2/tce",
				"emissions per unit of energy consumption (coal equivalent)"));
		List<String> notes = List.of("Service life 10 years, 4,000 machine-hours per machine and year.",
				"No citable open factor for cast iron: crude steel (worldsteel) used as a proxy.",
				"Natural gas factor has no recorded source; supply one before tendering.");
		return new FootprintResult(new Subject("demo.HousingCell", "line", "examples/cnc-line/housing-cell.zc"),
				new MethodologyRef("zc.cnc-footprint", "0.3", "CNC machine tool footprint (example after ISO/TR 24122)", "methodologies/cnc.zcm"),
				cs, fus, s2, dq, u, criteria, factors, indicators, notes);
	}

	/**
	 * The housing cell with a breakdown by equipment: VMC1 drawing on a compressed-air station, TC1 split between
	 * milling and turning. The figures only need to be consistent with each other, not with the contributions:
	 * <pre>
	 * AirStation own 5,000; delivers 90,000 Nm3, leaks 20 % -> generates 112,500 Nm3; 5,000 / 90,000 kg per Nm3;
	 *            VMC1 draws 36,000 Nm3 = 40 % -> 2,000 kg allocated; leaks 20 % x 5,000 = 1,000 kg
	 * VMC1       own 100,000 + air 2,000 = 102,000; module D -1,000
	 * TC1        own 100,000; hours 2,400 h / 1,600 h -> factors 0.6 / 0.4 -> 60,000 / 40,000; D -500 -> -300 / -200
	 * </pre>
	 */
	static FootprintResult withEquipment() {
		FootprintResult r = housingCell();
		List<Equipment> equipment = List.of(
				new Equipment(el("VMC1"), null, "machine", 100_000, 2_000, -1_000,
						List.of(new UtilityShare(el("AirStation"), 36_000, "Nm3", 0.4, 2_000)), null, null),
				new Equipment(el("TC1"), null, "machine", 100_000, 0, -500, List.of(),
						new AllocationResult("allocation by hours for millturn", "hours", "h",
								List.of(new FunctionResult("Milling", null, 2400, 0.6, 60_000, -300, List.of("OP10")),
										new FunctionResult("Turning", null, 1600, 0.4, 40_000, -200, List.of()))),
						null),
				new Equipment(el("AirStation"), null, "utility", 5_000, 0, 0, List.of(), null,
						new Supply("compressedAir", "Nm3", 90_000, 0.2, 112_500, 5_000.0 / 90_000, 2_000, 1_000)));
		return new FootprintResult(r.subject(), r.methodology(), r.contributions(), r.functionalUnits(), r.scope2(), r.dataQuality(),
				r.uncertainty(), r.criteria(), r.factors(), r.indicators(), r.notes(), equipment);
	}

	/**
	 * A tiny result whose figures are worked out by hand: 21,000 kWh × 0.381 = 8,001 kg (B6, scope 2); 2,000 kg
	 * steel × 1.91 = 3,820 kg (A1, scope 3); module D −500 kg. Total 11,821 kg.
	 */
	static FootprintResult tiny() {
		List<Contribution> cs = List.of(
				new Contribution("m.VMC", null, Module.B6, Scope.SCOPE_2, "electricity", 21000, "kWh", "grid.DE", 21000 * 0.381, true, 1.0),
				new Contribution("m.VMC", null, Module.A1, Scope.SCOPE_3, "steel", 2000, "kg", "steel", 2000 * 1.91, false, 3.0),
				new Contribution("m.VMC", null, Module.D, Scope.SCOPE_3, "recycling credit", 1000, "kg", "steel.credit", -500, false, 3.0));
		return new FootprintResult(new Subject("m.VMC", "machine", "m.zc"), new MethodologyRef("zc.test", "1.0", "Test", null), cs,
				List.of(new FunctionalUnitResult("machine-hour", 40000, 11821.0 / 40000)), new Scope2(8001, 4000),
				new DataQuality(0, null, List.of()), null, List.of(),
				List.of(new FactorProvenance("grid.DE", 0.381, "kgCO2e/kWh", "DE", 2023, "Ember via Our World in Data", "CC BY 4.0"),
						new FactorProvenance("steel", 1.91, "kgCO2/kg", "world", 2021, "worldsteel", "cited figure"),
						new FactorProvenance("steel.credit", -0.5, "kgCO2e/kg", "world", null, "user supplied", null)),
				List.of(), List.of());
	}

	/**
	 * The housing cell with another grid factor for all grid.CN.2023 electricity and the processing hours of one
	 * machine scaled.
	 */
	static FootprintResult variant(double gridFactor, String machine, double hoursFactor) {
		FootprintResult r = housingCell();
		List<Contribution> cs = new ArrayList<>();
		for (Contribution c : r.contributions()) {
			double activity = c.activityAmount();
			if (c.element().equals(el(machine)) && c.description().equals("electricity, processing state")) {
				activity *= hoursFactor;
			}
			double kg = "grid.CN.2023".equals(c.factor()) ? activity * gridFactor : c.kgCO2e() * (activity / c.activityAmount());
			cs.add(new Contribution(c.element(), c.elementUri(), c.module(), c.scope(), c.description(), activity, c.activityUnit(), c.factor(), kg,
					c.primaryData(), c.dataQuality()));
		}
		List<FactorProvenance> fs = new ArrayList<>();
		for (FactorProvenance f : r.factors()) {
			fs.add(f.name().equals("grid.CN.2023") ? new FactorProvenance(f.name(), gridFactor, f.unit(), f.region(), 2024, f.source(), f.licence()) : f);
		}
		return new FootprintResult(r.subject(), r.methodology(), cs, r.functionalUnits(), r.scope2(), r.dataQuality(), r.uncertainty(),
				r.criteria(), fs, r.indicators(), r.notes());
	}

	/**
	 * A line with contractual instruments and a factor with a declared GWP split, worked out by hand:
	 * <pre>
	 * B6 electricity 100,000 kWh on grid.CN (0.582)   location 100,000 × 0.582 = 58,200 kg (fossil only, not declared)
	 *    market: PPA WindPPA      40,000 kWh × 0    =      0
	 *            certificate GEC   {@code certificateKWh} × 0 = 0
	 *            residual CN_RES  the rest × 0.62   (30,000 kWh: 18,600 kg)
	 * A1 timber 1,000 kg × 0.5 = 500 kg, declared: fossil 0.4, biogenic +1.6 / −1.6, luluc 0.1 per kg
	 *    -> fossil 400, biogenic emissions 1,600, removals −1,600, luluc 100 (market = location: no electricity)
	 * total location 58,700; market 18,600 + 500 = 19,100 (with 30,000 kWh of certificates)
	 * GWP A1–C4: fossil 58,600, biogenic emissions 1,600, removals −1,600, luluc 100, total 58,700, not declared
	 * </pre>
	 */
	static FootprintResult accounting(double certificateKWh) {
		String uri = "platform:/resource/demo/cell.zc#//@elements.1";
		double residualKWh = 100_000 - 40_000 - certificateKWh;
		double market = residualKWh * 0.62;
		List<Contribution> cs = List.of(
				new Contribution("demo.Cell.VMC1", uri, Module.B6, Scope.SCOPE_2, "electricity, processing state", 100_000, "kWh", "grid.CN.2023",
						58_200, true, 1.0, GwpSplit.fossilOnly(58_200), market),
				new Contribution("demo.Cell.VMC1", uri, Module.A1, Scope.SCOPE_3, "guards, timber", 1_000, "kg", "timber", 500, false, 3.0,
						new GwpSplit(400, 1_600, -1_600, 100, true), 500));
		List<InstrumentUse> instruments = List.of(
				new InstrumentUse("demo.Plant", null, "location:grid", 100_000, 0.582, 58_200, "grid average of site Plant"),
				new InstrumentUse("demo.Plant.WindPPA", null, "ppa", 40_000, 0, 0, "PPA, 40,000 kWh of the line's 100,000"),
				new InstrumentUse("demo.Plant.GEC2025", null, "certificate", certificateKWh, 0, 0, "retired, tracking IREC-1"),
				new InstrumentUse("demo.Plant", null, "residual", residualKWh, 0.62, market, "residual mix CN_RESIDUAL_2023 for the rest"));
		List<Finding> findings = List.of(
				new Finding("warning", "functionalUnitNotComputed", "Part (piece) not computed: the line's profile has no output rate", "demo.Cell",
						"platform:/resource/demo/cell.zc#//@elements.1"),
				new Finding("error", "overClaim", "Certificate GEC2025 claims 50,000 kWh; only 30,000 kWh were left to cover",
						"demo.Plant.GEC2025", "platform:/resource/demo/cell.zc#//@elements.0/@instruments.1"));
		List<FunctionalUnitResult> fus = List.of(
				new FunctionalUnitResult("MillingHour", 8_000, 58_700.0 / 8_000, null, "hours in processing: 2 machines × 4,000 h"),
				new FunctionalUnitResult("AirDelivered", 100_000, 0.0015, "demo.Cell.Air", "delivered: 100,000 Nm3"));
		return new FootprintResult(new Subject("demo.Cell", "line", "cell.zc"), new MethodologyRef("zc.test", "1.0", "Test", null), cs, fus,
				new Scope2(58_200, market), new DataQuality(0, null, List.of()), null, List.of(),
				List.of(new FactorProvenance("grid.CN.2023", GRID_CN, "kgCO2e/kWh", "CN", 2023, "Ember via Our World in Data", "CC BY 4.0"),
						new FactorProvenance("timber", 0.5, "kgCO2e/kg", "world", 2024, "supplier EPD", "cited figure")),
				List.of(), List.of("Site instruments shared pro rata by consumption."),
				List.of(new Equipment("demo.Cell.VMC1", uri, "machine", 58_700, 0, 0, List.of(), null, null, 500 + market)), instruments, findings);
	}

	/** {@link #accounting} with one machine meter's week of data (B6 from it) and one operation meter not used for B6. */
	static FootprintResult measured() {
		List<FootprintResult.Measurement> rows = List.of(
				new FootprintResult.Measurement("demo.Cell.VMC1.VMC1_Main", "platform:/resource/demo/cell.zc#//@elements.1/@machines.0/@meters.0",
						"demo.Cell.VMC1", "machine", "Shopfloor (mtconnect data/*.xml)", "2026-11-02T00:00:00Z", "2026-11-09T00:00:00Z", 60_480,
						812.5, 0.97, 0.5, "2026-11-04T12:00:00Z", 10, 1_400,
						List.of(new FootprintResult.DayEnergy("2026-11-02", 120), new FootprintResult.DayEnergy("2026-11-03", 130.5)),
						List.of(new FootprintResult.Share("off", 40, 4, 0), new FootprintResult.Share("processing", 90, 800.5, 0)),
						List.of(new FootprintResult.Share("O1234", 60, 500, 900)), 25_000, false, List.of("data/a.xml:12: value 'x' is not a number")),
				new FootprintResult.Measurement("demo.Cell.VMC1.VMC1_OP20", null, "demo.Cell.VMC1.OP20", "operation", "Log (csv data/op20.csv)",
						"2026-11-02T00:00:00Z", "2026-11-02T01:00:00Z", 1, 0, 0, 1, null, Double.NaN, 0, List.of(), List.of(), List.of(), Double.NaN,
						true, List.of()));
		return accounting(30_000).withMeasurements(rows);
	}

	/** A copy with the contributions (and criteria, factors) in reverse order: must give the same reports. */
	static FootprintResult shuffled(FootprintResult r) {
		List<Contribution> cs = new ArrayList<>(r.contributions());
		java.util.Collections.reverse(cs);
		List<CriterionResult> cr = new ArrayList<>(r.criteria());
		java.util.Collections.reverse(cr);
		List<FactorProvenance> fs = new ArrayList<>(r.factors());
		java.util.Collections.reverse(fs);
		List<Equipment> es = new ArrayList<>(r.equipment());
		java.util.Collections.reverse(es);
		return new FootprintResult(r.subject(), r.methodology(), cs, r.functionalUnits(), r.scope2(), r.dataQuality(), r.uncertainty(), cr, fs,
				r.indicators(), r.notes(), es);
	}
}
