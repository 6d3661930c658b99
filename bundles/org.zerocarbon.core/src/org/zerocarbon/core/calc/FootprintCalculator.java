package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.zerocarbon.core.footprint.FootprintResult;
import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.DataQuality;
import org.zerocarbon.core.footprint.FootprintResult.Driver;
import org.zerocarbon.core.footprint.FootprintResult.Equipment;
import org.zerocarbon.core.footprint.FootprintResult.FactorProvenance;
import org.zerocarbon.core.footprint.FootprintResult.FunctionResult;
import org.zerocarbon.core.footprint.FootprintResult.FunctionalUnitResult;
import org.zerocarbon.core.footprint.FootprintResult.Indicator;
import org.zerocarbon.core.footprint.FootprintResult.ThresholdCheck;
import org.zerocarbon.core.footprint.FootprintResult.UncertaintyResult;
import org.zerocarbon.core.footprint.FootprintResult.UtilityShare;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.core.footprint.Scope;
import org.zerocarbon.core.lca.MonteCarlo;
import org.zerocarbon.core.lca.MonteCarloResult;
import org.zerocarbon.core.lca.ProductSystem;
import org.zerocarbon.core.lca.ProductSystemSolver;
import org.zerocarbon.core.lca.UncertainParameter;
import org.zerocarbon.model.zc.ComparisonOperator;
import org.zerocarbon.model.zc.Consumable;
import org.zerocarbon.model.zc.Credit;
import org.zerocarbon.model.zc.ConsumableKind;
import org.zerocarbon.model.zc.DataKind;
import org.zerocarbon.model.zc.DataQualityRule;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.EndOfLife;
import org.zerocarbon.model.zc.EnergySource;
import org.zerocarbon.model.zc.EnergySupplySystem;
import org.zerocarbon.model.zc.FunctionalUnit;
import org.zerocarbon.model.zc.GenericSystem;
import org.zerocarbon.model.zc.Installation;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MaterialUse;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ModuleSpec;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.ParkItem;
import org.zerocarbon.model.zc.ParkSystem;
import org.zerocarbon.model.zc.Operation;
import org.zerocarbon.model.zc.Pedigree;
import org.zerocarbon.model.zc.ProcessFunction;
import org.zerocarbon.model.zc.QualityMetric;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Site;
import org.zerocarbon.model.zc.SourceKind;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.Subassembly;
import org.zerocarbon.model.zc.Transport;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Computes the carbon footprint of a line or a park the way a methodology definition says.
 * <p>
 * The model is turned into an inventory of <i>activities</i> (an element, a life-cycle module, an amount with
 * its unit, and either an emission factor or a declared CO2e value). The activities and the factors become a
 * {@link ProductSystem}: one process per activity, one per emission factor, and a root process for the
 * assessed subject that demands every activity once. Solving it gives each activity's upstream-inclusive
 * contribution ({@link ProductSystemSolver#intensities}), so shared factors and, where factor processes have
 * inputs of their own, loops are handled by the same exact solver. The same system drives the Monte Carlo run.
 * <p>
 * For a line, every machine is a process of its own that demands its activities, and the line demands the
 * machines. A multi-function machine (one that declares {@link ProcessFunction functions}) is split by the
 * methodology's allocation rule ({@link Allocation}): the line demands one process per function, and each function
 * demands its allocation factor of the machine, so the footprint per function is the function process's
 * upstream-inclusive intensity.
 * <p>
 * The methodology decides which modules are inside the boundary (modules it does not list are left out, with a
 * note), which scope each module reports to, which functional units are computed and which data-quality
 * thresholds apply. Nothing about a particular standard is written here.
 * <p>
 * Conventions (documented in every result's notes where they apply): the use stage B6 is power per energy
 * state × share of time × operating hours per year × service life × the site's grid factor; B2 consumables
 * are consumed {@code life / interval} times and B4 spare parts replaced {@code ceil(life / interval) − 1}
 * times; end-of-life shares apply to the machine's modelled material mass; module D holds the credits the model
 * declares (recovered amount × credit factor, negative) and carbon-sink removals, reported separately and never
 * netted (a negative end-of-life factor, which the validator rejects, would go there too).
 */
public final class FootprintCalculator {

	/** Name of the one indicator the engine computes (GWP 100 as CO2 equivalents). */
	public static final String GWP = "GWP100";

	/**
	 * @param iterations Monte Carlo iterations (0: no uncertainty analysis)
	 * @param seed       Monte Carlo seed
	 * @param threads    Monte Carlo threads (results do not depend on it)
	 */
	public record Options(int iterations, long seed, int threads) {
		/** 1,000 iterations, seed 42, all cores. */
		public static final Options DEFAULT = new Options(1000, 42, Runtime.getRuntime().availableProcessors());
		/** No Monte Carlo run. */
		public static final Options DETERMINISTIC = new Options(0, 42, 1);
	}

	private final Options options;

	public FootprintCalculator(Options options) {
		this.options = options;
	}

	/** One inventory entry; see the class comment. */
	private record Activity(EObject element, Module module, String description, double amount, String unit,
			EmissionFactor factor, double declaredKgCO2e, boolean primary, EObject owner) {
	}

	/**
	 * How a line's activities hang together: the equipment that owns them (machines, then shared utilities), the
	 * split of multi-function machines and what each shared utility delivers to which machine. Parks have none: their
	 * activities are demanded by the subject directly.
	 */
	private record Topology(List<EObject> owners, Map<EObject, Allocation.Result> allocations, Map<Utility, SharedUtility.Result> utilities) {
		static final Topology NONE = new Topology(List.of(), Map.of(), Map.of());
	}

	/** What machines and shared utilities have in common: an inventory over the line's life. */
	private record Inventoried(EObject owner, String where, List<Subassembly> parts, List<Transport> transports, Installation installation,
			List<Consumable> consumables, List<StateUse> states, List<EndOfLife> endOfLife, List<Credit> credits) {

		static Inventoried of(Machine m) {
			return new Inventoried(m, "machine " + m.getName(), m.getParts(), m.getTransports(), m.getInstallation(), m.getConsumables(),
					m.getStates(), m.getEndOfLife(), m.getCredits());
		}

		static Inventoried of(Utility u) {
			return new Inventoried(u, "utility " + u.getName(), u.getParts(), u.getTransports(), u.getInstallation(), u.getConsumables(),
					u.getStates(), u.getEndOfLife(), u.getCredits());
		}
	}

	/**
	 * Computes the footprint of a subject: a {@link Line} (life cycle) or a {@link Park} (one year).
	 *
	 * @throws CalculationException when the model lacks what the calculation needs, or for another subject type
	 */
	public FootprintResult calculate(EObject subject, Methodology methodology, IProgressMonitor monitor) {
		if (subject instanceof Line line) {
			return calculate(line, methodology, monitor);
		}
		if (subject instanceof Park park) {
			return calculate(park, methodology, monitor);
		}
		throw new CalculationException("A footprint is computed for lines and parks, not for " + subject.eClass().getName());
	}

	/** Computes the life-cycle footprint of a line over its service life. */
	public FootprintResult calculate(Line line, Methodology methodology, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Computing the footprint of " + line.getName(), 10);
		List<String> notes = new ArrayList<>();
		String where = "line " + line.getName();
		double life = serviceLifeYears(line, methodology, notes);
		double hours = line.getProfile() != null && line.getProfile().getHoursPerYear() != null
				? Quantities.in(line.getProfile().getHoursPerYear(), "h", where + ", hours per year")
				: missing(notes, where + " has no operating hours per year; 4,000 h assumed", 4000);
		notes.add("Use stage over " + format(life) + " years of " + format(hours) + " operating hours each.");
		Site site = line.getSite();
		EmissionFactor grid = site == null ? null : site.getGrid();
		if (grid == null) {
			notes.add("Missing data: " + where + " has no site grid factor; electricity (B6, A5) is not counted.");
		}
		List<Activity> activities = new ArrayList<>();
		Map<EObject, Allocation.Result> allocations = new LinkedHashMap<>();
		List<EObject> owners = new ArrayList<>(line.getMachines());
		owners.addAll(line.getUtilities());
		for (Machine machine : line.getMachines()) {
			equipmentActivities(Inventoried.of(machine), grid, life, hours, activities, notes);
			Allocation.Result allocation = Allocation.of(machine, methodology, notes);
			if (allocation != null) {
				allocations.put(machine, allocation);
				notes.add("Machine " + machine.getName() + " is split between its functions by the methodology's '" + allocation.describe() + "': "
						+ String.join(", ", allocation.shares().stream().map(s -> s.function().getName() + " "
								+ String.format(Locale.ROOT, "%.2f %%", 100 * s.factor())).toList()) + ".");
			}
		}
		Map<Utility, SharedUtility.Result> utilities = new LinkedHashMap<>();
		for (Utility utility : line.getUtilities()) {
			SharedUtility.Result supplied = SharedUtility.of(utility, hours, life, notes);
			utilities.put(utility, supplied);
			equipmentActivities(Inventoried.of(utility), grid, life, hours, activities, notes);
			utilityElectricity(supplied, grid, life, activities, notes);
			notes.add(utilityNote(supplied));
		}
		notes.add("Spare parts (B4) are replaced ceil(life / interval) − 1 times; consumables (B2) used life / interval times.");
		notes.add("Market-based scope 2 equals location-based: no energy contract or direct green-power supply is modelled for "
				+ (site == null ? "the line" : "site " + site.getName()) + ".");
		progress.worked(2);
		Inventory inventory = solve(activities, methodology, notes, progress.split(6), new Topology(owners, allocations, utilities));
		int machines = line.getMachines().size();
		List<FunctionalUnitResult> units = new ArrayList<>();
		for (FunctionalUnit unit : methodology.getFunctionalUnits()) {
			double amount = switch (unit.getKind()) {
				case MACHINE_HOUR -> hours * life * machines;
				case YEAR -> life;
				case MACHINE -> machines;
				case PIECE -> {
					notes.add("Functional unit '" + unit.getName() + "' (per piece) is not computed: the model does not state the "
							+ "line's output rate.");
					yield 0;
				}
			};
			if (amount > 0) {
				units.add(new FunctionalUnitResult(unit.getName(), amount, inventory.total / amount));
			}
		}
		double scope2 = inventory.total(Scope.SCOPE_2);
		FootprintResult result = inventory.result(new FootprintResult.Subject(qualifiedName(line), "line", fileOf(line)), methodology,
				units, new FootprintResult.Scope2(scope2, scope2),
				new CriteriaChecker().check(methodology, line.eResource().getResourceSet()), List.of(), notes);
		progress.worked(2);
		return result.normalized();
	}

	/**
	 * Computes the annual footprint of a park from its energy supply and the items of its systems, and the park
	 * indicators (t CO2 per tce of energy consumption; clean-energy share).
	 */
	public FootprintResult calculate(Park park, Methodology methodology, IProgressMonitor monitor) {
		SubMonitor progress = SubMonitor.convert(monitor, "Computing the footprint of park " + park.getName(), 10);
		List<String> notes = new ArrayList<>();
		List<Activity> activities = new ArrayList<>();
		double supplied = 0;
		double clean = 0;
		double directGreenKwh = 0;
		EmissionFactor gridFactor = null;
		for (ParkSystem system : park.getSystems()) {
			String where = "park system " + system.getName();
			if (system instanceof EnergySupplySystem supply) {
				for (EnergySource source : supply.getSources()) {
					if (source.getAnnualEnergy() == null) {
						continue;
					}
					double kwh = Quantities.in(source.getAnnualEnergy(), "kWh", where + ", source " + source.getName());
					supplied += kwh;
					if (source.isClean()) {
						clean += kwh;
					}
					if (source.getKind() == SourceKind.GREEN_DIRECT) {
						directGreenKwh += kwh;
					}
					if (source.getFactor() != null) {
						gridFactor = source.getKind() == SourceKind.GRID ? source.getFactor() : gridFactor;
						activities.add(new Activity(source, Module.B6, "electricity supplied by " + source.getKind().getLiteral(), kwh,
								"kWh", source.getFactor(), 0, false, null));
					} else if (!source.isClean()) {
						notes.add("Missing data: energy source " + source.getName() + " has no emission factor and is not declared clean; "
								+ "its emissions are not counted.");
					}
				}
			} else if (system instanceof GenericSystem generic) {
				for (ParkItem item : generic.getItems()) {
					if (item.getEmissions() != null) {
						activities.add(new Activity(item, Module.B1, "direct emissions of " + generic.getKind().getLiteral(), 1, "a", null,
								Quantities.in(item.getEmissions(), "kgCO2e", where + ", item " + item.getName()), false, null));
					}
					if (item.getRemovals() != null) {
						activities.add(new Activity(item, Module.D, "removals by carbon sinks", 1, "a", null,
								-Quantities.in(item.getRemovals(), "kgCO2e", where + ", item " + item.getName()), false, null));
					}
				}
			}
		}
		notes.add("Annual figures (functional unit: one year of park operation). Carbon-sink removals are reported "
				+ "separately (module D) and never netted.");
		notes.add("Consumers inside the park (production lines, infrastructure, buildings) draw on the energy supply; "
				+ "their electricity is counted once, at the supply.");
		Inventory inventory = solve(activities, methodology, notes, progress.split(7), Topology.NONE);
		double location = inventory.total(Scope.SCOPE_2);
		double market = location;
		if (gridFactor != null && directGreenKwh > 0) {
			// Location-based: what the direct green supply would have drawn from the grid is counted at the grid
			// average; market-based: the direct supply is contractual zero-carbon electricity.
			location += directGreenKwh * Quantities.factor(gridFactor, "park " + park.getName()).kgCO2ePerUnit();
			notes.add("Location-based scope 2 counts the " + format(directGreenKwh / 1000) + " MWh of direct green-power supply at "
					+ "the grid average; market-based counts it as zero.");
		}
		List<Indicator> indicators = new ArrayList<>();
		if (supplied > 0) {
			indicators.add(new Indicator("clean-energy share", 100 * clean / supplied, "%",
					"clean energy supplied / all energy supplied, from the energy-supply system"));
		}
		double tce = Quantities.in(quantity(supplied, "kWh"), "tce", "park " + park.getName());
		double scope12TCO2 = (inventory.total(Scope.SCOPE_1) + market) / 1000;
		if (tce > 0) {
			indicators.add(new Indicator("carbon emissions per unit of energy consumption", scope12TCO2 / tce, "tCO2/tce",
					"scope 1 + market-based scope 2 emissions / energy supplied (computed from the energy-supply system)"));
		}
		if (park.getAnnual() != null && park.getAnnual().getEnergy() != null && park.getAnnual().getEmissions() != null) {
			double declaredTce = Quantities.in(park.getAnnual().getEnergy(), "tce", "park " + park.getName() + ", annual energy");
			double declaredT = Quantities.in(park.getAnnual().getEmissions(), "kgCO2e", "park " + park.getName() + ", annual emissions")
					/ 1000;
			indicators.add(new Indicator("carbon emissions per unit of energy consumption (declared figures)", declaredT / declaredTce,
					"tCO2/tce", "declared annual emissions / declared annual energy consumption"));
		}
		List<FunctionalUnitResult> units = List.of(new FunctionalUnitResult("year", 1, inventory.total));
		progress.worked(3);
		return inventory.result(new FootprintResult.Subject(qualifiedName(park), "park", fileOf(park)), methodology, units,
				new FootprintResult.Scope2(location, market), new CriteriaChecker().check(methodology, park.eResource().getResourceSet()),
				indicators, notes).normalized();
	}

	private static Quantity quantity(double value, String unit) {
		Quantity q = org.zerocarbon.model.zc.ZcFactory.eINSTANCE.createQuantity();
		q.setValue(java.math.BigDecimal.valueOf(value));
		q.setUnit(unit);
		return q;
	}

	/**
	 * The electricity of a shared utility given per year or per unit generated (B6); energy states are counted like
	 * a machine's by {@link #equipmentActivities}.
	 */
	private static void utilityElectricity(SharedUtility.Result supplied, EmissionFactor grid, double life, List<Activity> activities,
			List<String> notes) {
		Utility utility = supplied.utility();
		String where = "utility " + utility.getName();
		double kwh;
		String description;
		if (utility.getElectricity() != null) {
			kwh = Quantities.in(utility.getElectricity(), "kWh", where + ", electricity per year") * life;
			description = "electricity";
		} else if (utility.getSpecificEnergy() != null) {
			double specific = Quantities.in(utility.getSpecificEnergy(), "kWh/" + supplied.calculationUnit(), where + ", specific energy");
			kwh = specific * supplied.generated();
			description = "electricity, " + format(specific) + " kWh per " + supplied.unit() + " generated";
		} else {
			return;
		}
		if (grid == null || kwh == 0) {
			return;
		}
		activities.add(new Activity(utility, Module.B6, description, kwh, "kWh", grid, 0, false, utility));
	}

	private static String utilityNote(SharedUtility.Result supplied) {
		Utility utility = supplied.utility();
		if (supplied.delivered() == 0) {
			return "Shared utility " + utility.getName() + " delivers nothing to the line's machines: its footprint is counted in the line but "
					+ "allocated to no machine.";
		}
		return "Shared utility " + utility.getName() + " delivers " + format(supplied.delivered()) + " " + supplied.unit() + " over the life to "
				+ supplied.demands().stream().map(d -> d.machine().getName()).distinct().count() + " machines"
				+ (supplied.leakage() > 0 ? " and loses " + format(100 * supplied.leakage()) + " % of what it generates to leaks ("
						+ format(supplied.generated()) + " " + supplied.unit() + " generated)" : "")
				+ "; its footprint, leaks included, is allocated to the machines in proportion to their demand.";
	}

	private static void equipmentActivities(Inventoried equipment, EmissionFactor grid, double life, double hours, List<Activity> activities,
			List<String> notes) {
		EObject owner = equipment.owner();
		String where = equipment.where();
		double massKg = 0;
		for (Subassembly part : equipment.parts()) {
			boolean primary = part.getData() == DataKind.PRIMARY;
			if (part.getDeclared() != null) {
				activities.add(new Activity(part, Module.A1, "declared A1–A3 value" + (part.getEpd() == null ? "" : " (" + part.getEpd() + ")"),
						1, "piece", null, Quantities.in(part.getDeclared(), "kgCO2e", where + ", subassembly " + part.getName()), primary, owner));
			}
			for (MaterialUse material : part.getMaterials()) {
				double kg = Quantities.in(material.getMass(), "kg", where + ", subassembly " + part.getName());
				massKg += kg;
				if (material.getFactor() == null) {
					notes.add("Missing data: material of " + where + " / " + part.getName() + " has no emission factor.");
					continue;
				}
				activities.add(new Activity(part, Module.A1, "material " + material.getFactor().getName(), kg, "kg", material.getFactor(), 0,
						primary, owner));
			}
		}
		for (Transport transport : equipment.transports()) {
			double tkm = Quantities.in(transport.getMass(), "t", where + ", transport")
					* Quantities.in(transport.getDistance(), "km", where + ", transport");
			if (transport.getFactor() == null) {
				notes.add("Missing data: a transport leg of " + where + " has no emission factor.");
				continue;
			}
			activities.add(new Activity(owner, Module.A4, "transport by " + transport.getMode().getLiteral(), tkm, "tkm",
					transport.getFactor(), 0, false, owner));
		}
		Installation installation = equipment.installation();
		if (installation != null) {
			if (installation.getEnergy() != null && grid != null) {
				activities.add(new Activity(owner, Module.A5, "installation energy",
						Quantities.in(installation.getEnergy(), "kWh", where + ", installation"), "kWh", grid, 0, false, owner));
			}
			if (installation.getEmissions() != null) {
				activities.add(new Activity(owner, Module.A5, "installation emissions", 1, "piece", null,
						Quantities.in(installation.getEmissions(), "kgCO2e", where + ", installation"), false, owner));
			}
		}
		for (Consumable consumable : equipment.consumables()) {
			double interval = Quantities.in(consumable.getInterval(), "a", where + ", " + consumable.getName() + " interval");
			double amount = consumable.getAmount() == null ? 0 : Quantities.in(consumable.getAmount(), "kg", where + ", " + consumable.getName());
			boolean spare = consumable.getKind() == ConsumableKind.SPARE;
			double times = spare ? Math.max(0, Math.ceil(life / interval - 1e-9) - 1) : life / interval;
			if (consumable.getFactor() == null) {
				notes.add("Missing data: " + where + " / " + consumable.getName() + " has no emission factor.");
				continue;
			}
			activities.add(new Activity(consumable, spare ? Module.B4 : Module.B2,
					(spare ? "replacement of " : "consumable ") + consumable.getName() + " (" + format(times) + " times)", amount * times, "kg",
					consumable.getFactor(), 0, false, owner));
		}
		if (grid != null) {
			for (StateUse state : equipment.states()) {
				double kw = Quantities.in(state.getPower(), "kW", where + ", state " + state.getState().getLiteral());
				double share = Quantities.fraction(state.getShare(), where + ", state " + state.getState().getLiteral());
				double kwh = kw * share * hours * life;
				if (kwh != 0) {
					activities.add(new Activity(owner, Module.B6, "electricity, " + state.getState().getLiteral() + " state", kwh, "kWh", grid, 0,
							false, owner));
				}
			}
		}
		for (EndOfLife eol : equipment.endOfLife()) {
			double share = Quantities.fraction(eol.getShare(), where + ", end of life");
			if (eol.getFactor() == null) {
				notes.add("Missing data: end of life (" + eol.getTreatment().getLiteral() + ") of " + where + " has no emission factor.");
				continue;
			}
			boolean credit = Quantities.factor(eol.getFactor(), where).kgCO2ePerUnit() < 0;
			Module module = credit ? Module.D : switch (eol.getTreatment()) {
				case LANDFILL -> Module.C4;
				default -> Module.C3;
			};
			activities.add(new Activity(owner, module, "end of life, " + eol.getTreatment().getLiteral(), massKg * share, "kg",
					eol.getFactor(), 0, false, owner));
		}
		for (Credit credit : equipment.credits()) {
			// module D: the recovered amount times the credit factor (negative), in the unit the factor applies per
			if (credit.getFactor() == null) {
				continue;
			}
			String unit = Quantities.factor(credit.getFactor(), where + ", credit " + credit.getName()).activityUnit();
			double amount = Quantities.in(credit.getAmount(), unit, where + ", credit " + credit.getName());
			activities.add(new Activity(credit, Module.D, "credit, " + (credit.getDescription() == null ? credit.getName() : credit.getDescription()),
					amount, unit, credit.getFactor(), 0, false, owner));
		}
	}

	/** The solved inventory: contributions with their module and scope, and what the reports need of the factors. */
	private final class Inventory {
		final List<Contribution> contributions = new ArrayList<>();
		final Map<EmissionFactor, Boolean> factorsUsed = new LinkedHashMap<>();
		double total;
		UncertaintyResult uncertainty;
		final List<Equipment> equipment = new ArrayList<>();

		double total(Scope scope) {
			return contributions.stream().filter(c -> c.scope() == scope && !c.module().isReportedSeparately())
					.mapToDouble(Contribution::kgCO2e).sum();
		}

		FootprintResult result(FootprintResult.Subject subject, Methodology methodology, List<FunctionalUnitResult> units,
				FootprintResult.Scope2 scope2, List<FootprintResult.CriterionResult> criteria, List<Indicator> indicators, List<String> notes) {
			List<FactorProvenance> factors = new ArrayList<>();
			for (EmissionFactor factor : factorsUsed.keySet()) {
				factors.add(new FactorProvenance(qualifiedName(factor), factor.getValue().getValue().doubleValue(), factor.getValue().getUnit(),
						factor.getRegion(), factor.getYear() == 0 ? null : factor.getYear(), factor.getSource(), factor.getLicence()));
			}
			return new FootprintResult(subject, new FootprintResult.MethodologyRef(qualifiedName(methodology), methodology.getVersion(),
					methodology.getTitle(), fileOf(methodology)), contributions, units, scope2, dataQuality(methodology, notes), uncertainty,
					criteria, factors, indicators, notes, equipment);
		}

		DataQuality dataQuality(Methodology methodology, List<String> notes) {
			double a13 = 0;
			double primaryA13 = 0;
			double weighted = 0;
			double weights = 0;
			for (Contribution c : contributions) {
				double magnitude = Math.abs(c.kgCO2e());
				if (c.module() == Module.A1 || c.module() == Module.A2 || c.module() == Module.A3) {
					a13 += magnitude;
					primaryA13 += c.primaryData() ? magnitude : 0;
				}
				if (c.dataQuality() != null) {
					weighted += c.dataQuality() * magnitude;
					weights += magnitude;
				}
			}
			double primaryShare = a13 == 0 ? 0 : primaryA13 / a13;
			Double rating = weights == 0 ? null : weighted / weights;
			List<ThresholdCheck> checks = new ArrayList<>();
			for (DataQualityRule rule : methodology.getDataQuality()) {
				checks.add(check(rule, rating, notes));
			}
			for (ModuleSpec spec : methodology.getModules()) {
				Module module = Module.valueOf(spec.getModule().getName());
				if (spec.isRequired() && contributions.stream().noneMatch(c -> c.module() == module)) {
					checks.add(new ThresholdCheck("module " + module, "required by the methodology", 0, false,
							"Required module " + module + " (" + module.title() + ") has no data in the model."));
				}
			}
			return new DataQuality(primaryShare, rating, checks);
		}

		ThresholdCheck check(DataQualityRule rule, Double rating, List<String> notes) {
			String requirement = rule.getMetric().getLiteral()
					+ (rule.getModules().isEmpty() ? "" : " of " + String.join(" ", rule.getModules().stream().map(m -> m.getName()).toList()))
					+ " " + rule.getOperator().getLiteral() + " " + rule.getValue().getValue().toPlainString()
					+ (rule.getValue().getUnit() == null ? "" : " " + rule.getValue().getUnit());
			if (rule.getMetric() == QualityMetric.PRIMARY_SHARE) {
				Set<Module> modules = new LinkedHashSet<>();
				rule.getModules().forEach(m -> modules.add(Module.valueOf(m.getName())));
				double all = 0;
				double primary = 0;
				for (Contribution c : contributions) {
					if (modules.isEmpty() || modules.contains(c.module())) {
						all += Math.abs(c.kgCO2e());
						primary += c.primaryData() ? Math.abs(c.kgCO2e()) : 0;
					}
				}
				double actual = all == 0 ? 0 : 100 * primary / all;
				double threshold = Quantities.in(rule.getValue(), "%", "data-quality rule " + requirement);
				boolean met = compare(actual, rule.getOperator(), threshold);
				return new ThresholdCheck("primary-data share", requirement, actual, met,
						String.format(Locale.ROOT, "Primary data cover %.1f %% of the emissions in scope (required: %s %s %%).", actual,
								rule.getOperator().getLiteral(), format(threshold)));
			}
			double threshold = rule.getValue().getValue().doubleValue();
			if (rating == null) {
				return new ThresholdCheck("pedigree rating", requirement, 0, false, "No pedigree scores in the model: the data-quality rating is unknown.");
			}
			boolean met = compare(rating, rule.getOperator(), threshold);
			return new ThresholdCheck("pedigree rating", requirement, rating, met, String.format(Locale.ROOT,
					"Emission-weighted pedigree rating %.2f (1 best .. 5 worst; required: %s %s).", rating, rule.getOperator().getLiteral(),
					format(threshold)));
		}
	}

	private static boolean compare(double actual, ComparisonOperator operator, double threshold) {
		return switch (operator) {
			case LT -> actual < threshold;
			case LE -> actual <= threshold;
			case GT -> actual > threshold;
			case GE -> actual >= threshold;
			case EQ -> actual == threshold;
			case NE -> actual != threshold;
			default -> false;
		};
	}

	/**
	 * Builds and solves the product system of the activities inside the methodology's boundary: the subject demands
	 * its machines (or, for a multi-function machine, its functions, which demand their allocation factor of the
	 * machine); a machine demands its activities and what it draws from shared utilities; a shared utility is a
	 * process whose reference output is what it delivers over the life, so each machine's demand carries its share of
	 * the utility's footprint, leaks included, and the utility is counted once; activities demand emission factors.
	 * Module D activities are in the system but demanded by nothing: they are reported separately and never netted.
	 */
	private Inventory solve(List<Activity> activities, Methodology methodology, List<String> notes, SubMonitor progress, Topology topology) {
		progress.setWorkRemaining(10);
		Map<Module, ModuleSpec> specs = new EnumMap<>(Module.class);
		for (ModuleSpec spec : methodology.getModules()) {
			specs.put(Module.valueOf(spec.getModule().getName()), spec);
		}
		Set<Module> outside = new java.util.TreeSet<>();
		List<Activity> inside = new ArrayList<>();
		for (Activity activity : activities) {
			if (specs.containsKey(activity.module())) {
				inside.add(activity);
			} else {
				outside.add(activity.module());
			}
		}
		if (!outside.isEmpty()) {
			notes.add("Outside the methodology's system boundary, not counted: modules " + outside + ".");
		}
		ProductSystem.Builder builder = ProductSystem.builder();
		int gwp = builder.indicator(GWP);
		int root = builder.process("subject");
		Map<EObject, Integer> ownerProcesses = new java.util.HashMap<>();
		Map<ProcessFunction, Integer> functionProcesses = new LinkedHashMap<>();
		for (EObject owner : topology.owners()) {
			SharedUtility.Result supplied = topology.utilities().get(owner);
			boolean delivers = supplied != null && supplied.delivered() > 0;
			// a utility's run is its whole life's delivery; one that delivers nothing is demanded by the subject directly
			int process = builder.process(qualifiedName(owner), delivers ? supplied.delivered() : 1);
			ownerProcesses.put(owner, process);
			if (delivers) {
				continue;
			}
			Allocation.Result allocation = topology.allocations().get(owner);
			if (allocation == null) {
				builder.input(root, process, 1);
				continue;
			}
			for (Allocation.Share share : allocation.shares()) {
				int function = builder.process(qualifiedName(share.function()) + " | function");
				functionProcesses.put(share.function(), function);
				builder.input(function, process, share.factor());
				builder.input(root, function, 1);
			}
		}
		for (SharedUtility.Result supplied : topology.utilities().values()) {
			for (SharedUtility.Demand demand : supplied.demands()) {
				Integer consumer = ownerProcesses.get(demand.machine());
				if (consumer != null && demand.amount() != 0) {
					builder.input(consumer, ownerProcesses.get(supplied.utility()), demand.amount());
				}
			}
		}
		Map<EmissionFactor, Integer> factorProcesses = new LinkedHashMap<>();
		Map<EmissionFactor, Quantities.FactorValue> factorValues = new LinkedHashMap<>();
		int[] activityProcess = new int[inside.size()];
		for (int k = 0; k < inside.size(); k++) {
			Activity activity = inside.get(k);
			int process = builder.process(qualifiedName(activity.element()) + " | " + activity.module() + " | " + activity.description());
			activityProcess[k] = process;
			if (!activity.module().isReportedSeparately()) {
				builder.input(activity.owner() == null ? root : ownerProcesses.getOrDefault(activity.owner(), root), process, 1);
			}
			if (activity.factor() == null) {
				builder.intervention(process, gwp, activity.declaredKgCO2e());
				continue;
			}
			EmissionFactor factor = activity.factor();
			Quantities.FactorValue value = factorValues.computeIfAbsent(factor, f -> Quantities.factor(f, "activity " + activity.description()));
			int factorProcess = factorProcesses.computeIfAbsent(factor, f -> {
				int p = builder.process("factor " + qualifiedName(f));
				builder.intervention(p, gwp, value.kgCO2ePerUnit());
				return p;
			});
			double amount;
			try {
				amount = Quantities.convert(activity.amount(), activity.unit(), value.activityUnit());
			} catch (IllegalArgumentException e) {
				throw new CalculationException(activity.element(), qualifiedName(activity.element()) + ": " + activity.description() + " is in "
						+ activity.unit() + " but factor '" + factor.getName() + "' applies per " + value.activityUnit());
			}
			builder.input(process, factorProcess, amount);
		}
		ProductSystem system = builder.build();
		ProductSystemSolver solver = new ProductSystemSolver(system);
		double[] lambda = solver.intensities(system.values(), gwp);
		double[] demand = new double[system.processCount()];
		demand[root] = 1;
		double[] scaling = solver.solve(demand).scaling();
		progress.worked(3);
		Inventory inventory = new Inventory();
		// EMF computes a URI fragment by searching the element's position in its containing list; several
		// activities share an element, so each URI is computed once (a line of 10,000 machines stays linear).
		Map<EObject, String> uris = new java.util.HashMap<>();
		Map<EObject, double[]> ownTotals = new java.util.HashMap<>(); // owner -> {A-C, D}
		for (int k = 0; k < inside.size(); k++) {
			Activity activity = inside.get(k);
			ModuleSpec spec = specs.get(activity.module());
			Scope scope = Scope.valueOf(spec.getScope() == null ? "SCOPE_3" : spec.getScope().getName().toUpperCase(Locale.ROOT).replace("SCOPE", "SCOPE_"));
			boolean separately = activity.module().isReportedSeparately();
			// module D is demanded by nothing: it is reported as if its activity ran once, beside the total
			double kg = lambda[activityProcess[k]] * (separately ? 1 : scaling[activityProcess[k]]);
			EmissionFactor factor = activity.factor();
			if (factor != null) {
				inventory.factorsUsed.put(factor, true);
			}
			if (activity.owner() != null) {
				ownTotals.computeIfAbsent(activity.owner(), o -> new double[2])[separately ? 1 : 0] += kg;
			}
			boolean primary = activity.primary() || (factor != null && factor.getData() == DataKind.PRIMARY);
			inventory.contributions.add(new Contribution(qualifiedName(activity.element()),
					uris.computeIfAbsent(activity.element(), e -> EcoreUtil.getURI(e).toString()),
					activity.module(), scope, activity.description(), activity.amount(), activity.unit(),
					factor == null ? null : qualifiedName(factor), kg, primary, factor == null ? null : rating(factor.getPedigree())));
		}
		inventory.total = inventory.contributions.stream().filter(c -> !c.module().isReportedSeparately()).mapToDouble(Contribution::kgCO2e).sum();
		// what each machine draws from each utility (a machine may draw in several states): amount and kg CO2e
		Map<EObject, Map<SharedUtility.Result, double[]>> drawnBy = new java.util.HashMap<>();
		Map<EObject, Double> allocated = new java.util.HashMap<>();
		for (SharedUtility.Result supplied : topology.utilities().values()) {
			int utility = ownerProcesses.get(supplied.utility());
			for (SharedUtility.Demand drawn : supplied.demands()) {
				Integer consumer = ownerProcesses.get(drawn.machine());
				if (consumer == null || drawn.amount() == 0) {
					continue;
				}
				double kg = drawn.amount() * lambda[utility] * scaling[consumer];
				double[] sum = drawnBy.computeIfAbsent(drawn.machine(), m -> new LinkedHashMap<>()).computeIfAbsent(supplied, s -> new double[2]);
				sum[0] += drawn.amount();
				sum[1] += kg;
				allocated.merge(supplied.utility(), kg, Double::sum);
			}
		}
		for (EObject owner : topology.owners()) {
			double[] own = ownTotals.getOrDefault(owner, new double[2]);
			SharedUtility.Result supplied = topology.utilities().get(owner);
			if (supplied != null) {
				int process = ownerProcesses.get(owner);
				FootprintResult.Supply supply = new FootprintResult.Supply(((Utility) owner).getKind().getLiteral(), supplied.unit(),
						supplied.delivered(), supplied.leakage(), supplied.generated(), supplied.delivered() > 0 ? lambda[process] : 0,
						allocated.getOrDefault(owner, 0.0), supplied.leakage() * own[0]);
				inventory.equipment.add(new Equipment(qualifiedName(owner), uris.computeIfAbsent(owner, e -> EcoreUtil.getURI(e).toString()),
						"utility", own[0], 0, own[1], List.of(), null, supply));
				continue;
			}
			List<UtilityShare> drawn = new ArrayList<>();
			drawnBy.getOrDefault(owner, Map.of()).forEach((from, sum) -> drawn.add(new UtilityShare(qualifiedName(from.utility()), sum[0],
					from.unit(), sum[0] / from.delivered(), sum[1])));
			double fromUtilities = drawn.stream().mapToDouble(UtilityShare::kgCO2e).sum();
			Allocation.Result allocation = topology.allocations().get(owner);
			FootprintResult.AllocationResult split = null;
			if (allocation != null) {
				List<FunctionResult> functions = new ArrayList<>();
				for (Allocation.Share share : allocation.shares()) {
					int process = functionProcesses.get(share.function());
					List<String> operations = ((Machine) owner).getOperations().stream().filter(o -> o.getFunction() == share.function())
							.map(Operation::getName).toList();
					functions.add(new FunctionResult(share.function().getName(), EcoreUtil.getURI(share.function()).toString(), share.amount(),
							share.factor(), lambda[process] * scaling[process], own[1] * share.factor(), operations));
				}
				split = new FootprintResult.AllocationResult(allocation.describe(), allocation.basis(), allocation.unit(), functions);
			}
			inventory.equipment.add(new Equipment(qualifiedName(owner), uris.computeIfAbsent(owner, e -> EcoreUtil.getURI(e).toString()),
					"machine", own[0], fromUtilities, own[1], drawn, split, null));
		}
		if (options.iterations() > 0) {
			inventory.uncertainty = monteCarlo(system, root, factorProcesses, factorValues, gwp, progress.split(7));
			if (inventory.uncertainty == null) {
				notes.add("No emission factor in the boundary declares an uncertainty distribution: no Monte Carlo analysis.");
			}
		}
		return inventory;
	}

	private UncertaintyResult monteCarlo(ProductSystem system, int root, Map<EmissionFactor, Integer> processes,
			Map<EmissionFactor, Quantities.FactorValue> values, int gwp, SubMonitor progress) {
		List<UncertainParameter> parameters = new ArrayList<>();
		for (Map.Entry<EmissionFactor, Integer> entry : processes.entrySet()) {
			Uncertainty u = entry.getKey().getUncertainty();
			if (u == null || u.getDistribution() == null) {
				continue;
			}
			double median = values.get(entry.getKey()).kgCO2ePerUnit();
			String unit = entry.getKey().getValue().getUnit();
			String where = "uncertainty of factor " + entry.getKey().getName();
			double scale = median / entry.getKey().getValue().getValue().doubleValue(); // factor unit -> kgCO2e per activity unit
			var distribution = switch (u.getDistribution()) {
				case LOGNORMAL -> UncertainParameter.logNormal(median, u.getGsd().doubleValue());
				case NORMAL -> UncertainParameter.normal(median, Quantities.in(u.getSd(), unit, where) * scale);
				case TRIANGULAR -> UncertainParameter.triangular(Quantities.in(u.getMin(), unit, where) * scale,
						Quantities.in(u.getMode(), unit, where) * scale, Quantities.in(u.getMax(), unit, where) * scale);
				case UNIFORM -> UncertainParameter.uniform(Quantities.in(u.getMin(), unit, where) * scale,
						Quantities.in(u.getMax(), unit, where) * scale);
			};
			parameters.add(new UncertainParameter(qualifiedName(entry.getKey()), UncertainParameter.Kind.INTERVENTION,
					system.interventionPosition(entry.getValue(), gwp), distribution));
		}
		if (parameters.isEmpty()) {
			return null;
		}
		double[] demand = new double[system.processCount()];
		demand[root] = 1;
		MonteCarloResult result = new MonteCarlo(system, demand, parameters).run(options.iterations(), options.seed(), options.threads(),
				progress);
		MonteCarlo.Statistics stats = result.statistics(gwp);
		List<Driver> drivers = result.sensitivity(gwp).stream().limit(10)
				.map(s -> new Driver(s.parameter().name(), s.correlation(), s.varianceShare())).toList();
		return new UncertaintyResult(result.iterations(), result.seed(), stats.mean(), stats.standardDeviation(), stats.p5(), stats.p50(),
				stats.p95(), drivers);
	}

	/** Mean of the five pedigree scores (1 best .. 5 worst), or null without a pedigree. */
	static Double rating(Pedigree pedigree) {
		if (pedigree == null) {
			return null;
		}
		int[] scores = { pedigree.getReliability(), pedigree.getCompleteness(), pedigree.getTemporal(), pedigree.getGeographical(),
				pedigree.getTechnological() };
		double sum = 0;
		int count = 0;
		for (int score : scores) {
			if (score >= 1 && score <= 5) {
				sum += score;
				count++;
			}
		}
		return count == 0 ? null : sum / count;
	}

	private static double serviceLifeYears(Line line, Methodology methodology, List<String> notes) {
		String where = "line " + line.getName();
		if (line.getProfile() != null && line.getProfile().getServiceLife() != null) {
			double life = Quantities.in(line.getProfile().getServiceLife(), "a", where + ", service life");
			var rule = methodology.getServiceLife();
			if (rule != null && rule.getMinLife() != null && rule.getMaxLife() != null) {
				double min = Quantities.in(rule.getMinLife(), "a", "methodology service-life rule");
				double max = Quantities.in(rule.getMaxLife(), "a", "methodology service-life rule");
				if (life < min || life > max) {
					notes.add("The service life of " + format(life) + " years is outside the methodology's range " + format(min) + "–"
							+ format(max) + " years.");
				}
			}
			return life;
		}
		if (methodology.getServiceLife() != null && methodology.getServiceLife().getDefaultLife() != null) {
			double life = Quantities.in(methodology.getServiceLife().getDefaultLife(), "a", "methodology service life");
			notes.add(where + " states no service life; the methodology's reference service life of " + format(life) + " years is used.");
			return life;
		}
		return missing(notes, where + " states no service life and the methodology has none; 10 years assumed", 10);
	}

	private static double missing(List<String> notes, String note, double assumed) {
		notes.add("Assumption: " + note + ".");
		return assumed;
	}

	static String format(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return String.format(Locale.ROOT, "%,d", (long) value);
		}
		return String.format(Locale.ROOT, "%,.4g", value);
	}

	/**
	 * Qualified name as the language gives it: the file's package plus the names of the containers, e.g.
	 * {@code housing.Cell.VMC1}; emission factors are named in their package without the library name
	 * ({@code zc.lib.grid.DE_2023}), as the language's qualified-name provider does.
	 */
	static String qualifiedName(EObject element) {
		List<String> segments = new ArrayList<>();
		for (EObject e = element; e != null; e = e.eContainer()) {
			if (e instanceof org.zerocarbon.model.zc.FactorLibrary && element instanceof EmissionFactor) {
				continue;
			}
			if (e instanceof ZcModel model) {
				if (model.getName() != null) {
					segments.add(model.getName());
				}
			} else {
				var nameFeature = e.eClass().getEStructuralFeature("name");
				Object name = nameFeature == null ? null : e.eGet(nameFeature);
				if (name != null) {
					segments.add(name.toString());
				}
			}
		}
		java.util.Collections.reverse(segments);
		return String.join(".", segments);
	}

	static String fileOf(EObject element) {
		return element.eResource() == null ? "" : element.eResource().getURI().lastSegment();
	}

	/** Orders elements by qualified name; used to keep outputs deterministic. */
	static final Comparator<EObject> BY_NAME = Comparator.comparing(FootprintCalculator::qualifiedName);
}
