package org.zerocarbon.lang.validation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;


import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;
import org.zerocarbon.lang.resource.ZcResourceDescriptionStrategy;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.lang.units.ExpectedKinds.Expectation;
import org.zerocarbon.model.zc.Actuator;
import org.zerocarbon.model.zc.Controller;
import org.zerocarbon.model.zc.Credit;
import org.zerocarbon.model.zc.Consumable;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.EndOfLife;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.EnergySource;
import org.zerocarbon.model.zc.EnergyState;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MaterialFlow;
import org.zerocarbon.model.zc.MaterialUse;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.ZcModel;
import org.zerocarbon.model.zc.ModuleSpec;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.Pedigree;
import org.zerocarbon.model.zc.ProcessFunction;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Saving;
import org.zerocarbon.model.zc.SavingBasis;
import org.zerocarbon.model.zc.Sensor;
import org.zerocarbon.model.zc.ServiceLifeRule;
import org.zerocarbon.model.zc.Site;
import org.zerocarbon.model.zc.StateUse;
import org.zerocarbon.model.zc.Transport;
import org.zerocarbon.model.zc.Uncertainty;
import org.zerocarbon.model.zc.Utility;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

import com.google.inject.Inject;

/**
 * Validation rules of the ZeroCarbon DSL. Every rule reports a stable issue code from {@link ZcIssueCodes}
 * so that quick fixes, markers and CI filters can key on it. Messages say what is wrong and what to write instead.
 * The rules of one concern live in their own validator, joined here: units and ranges ({@link QuantityValidator}),
 * shared utilities, criteria, energy supply ({@link SupplyValidator}), scope 1 ({@link Scope1Validator}) and
 * processes and the GWP split ({@link ProcessValidator}); this class keeps machines, factors, sites, loops and
 * methodologies.
 */
@ComposedChecks(validators = { ParameterValidator.class, QuantityValidator.class, UtilityValidator.class, CriteriaValidator.class, SupplyValidator.class,
		Scope1Validator.class, ProcessValidator.class, ProductValidator.class, MeasurementValidator.class })
public class ZcValidator extends AbstractZcValidator {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	@Inject
	private IScopeProvider scopeProvider;

	// ------------------------------------------------------------------------------------------ quantities

	/** The shares of time a machine spends in its energy states must cover the whole operating time. */
	@Check
	public void checkStateSharesCoverOperatingTime(Machine machine) {
		checkStateShares(machine, "machine", machine.getStates());
	}

	/** The same for a shared utility's energy states. */
	@Check
	public void checkStateSharesCoverOperatingTime(Utility utility) {
		checkStateShares(utility, "utility", utility.getStates());
	}

	private void checkStateShares(NamedElement owner, String what, List<StateUse> states) {
		if (states.isEmpty()) {
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (StateUse use : states) {
			Quantity share = use.getShare();
			if (share == null || share.getValue() == null) {
				return; // a syntax error is already reported
			}
			if (!"%".equals(share.getUnit())) {
				error("The share of time in state '" + use.getState().getLiteral() + "' must be a percentage (e.g. 40 %), not '"
						+ (share.getUnit() == null ? share.getValue().toPlainString() : share.getUnit()) + "'", use,
						Literals.STATE_USE__SHARE, ZcIssueCodes.STATE_SHARE_NOT_PERCENT, "%");
				return;
			}
			sum = sum.add(share.getValue());
		}
		if (sum.compareTo(HUNDRED) != 0) {
			error("The energy-state shares of " + what + " '" + owner.getName() + "' add up to " + sum.stripTrailingZeros().toPlainString()
					+ " %, not 100 %", owner, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.STATE_SHARES_SUM);
		}
	}

	/**
	 * A replacement character in the text is nearly always a file saved in another encoding (Latin-1, Windows-1252)
	 * and read as UTF-8: its accented letters are lost. Said once per file, where it first happens.
	 */
	@Check
	public void checkTextEncoding(ZcModel model) {
		ICompositeNode node = NodeModelUtils.getNode(model);
		if (node == null) {
			return;
		}
		String text = node.getRootNode().getText();
		int at = text.indexOf('\uFFFD');
		if (at >= 0) {
			getMessageAcceptor().acceptWarning("Bytes here are not UTF-8 and were read as '\uFFFD': the file was probably saved in "
					+ "another encoding (Latin-1, Windows-1252). Save it as UTF-8 so that names and descriptions keep their letters",
					model, at, 1, ZcIssueCodes.NOT_UTF8);
		}
	}

	/**
	 * A credit factor is a benefit beyond the system boundary: it is written as a negative value, so that a credit
	 * can never be mistaken for a burden (and the sign in reports is the sign in the model).
	 */
	@Check
	public void checkCreditFactorIsNegative(EmissionFactor factor) {
		Quantity value = factor.getValue();
		if (factor.getKind() == FactorKind.CREDIT && value != null && value.getValue() != null && value.getValue().signum() >= 0) {
			error("The credit factor '" + factor.getName() + "' is a benefit beyond the system boundary (module D) and is written as a "
					+ "negative value, e.g. -" + value.getValue().toPlainString() + (value.getUnit() == null ? "" : " " + value.getUnit()), value,
					Literals.QUANTITY__VALUE, ZcIssueCodes.CREDIT_SIGN);
		}
	}

	/** A module D credit uses a credit factor per the dimension of its recovered amount (kg with a factor per kg ...). */
	@Check
	public void checkCredit(Credit credit) {
		if (!(credit.getFactor() instanceof EmissionFactor factor) || factor.eIsProxy()) {
			return; // a process as a credit provider: its reference unit is checked by the process rules
		}
		if (factor.getKind() != FactorKind.CREDIT) {
			checkFactorKind(factor, credit, Literals.CREDIT__FACTOR, FactorKind.CREDIT);
			return;
		}
		Quantity amount = credit.getAmount();
		Quantity value = factor.getValue();
		if (amount == null || value == null || amount.getUnit() == null || value.getUnit() == null
				|| ZcUnits.tryParse(amount.getUnit()).isEmpty() || ZcUnits.tryParse(value.getUnit()).isEmpty()) {
			return;
		}
		if (!ZcUnits.isCompatible(amount.getUnit() + "*" + value.getUnit(), "kgCO2e")) {
			error("The credit '" + credit.getName() + "' recovers " + text(amount) + ", but its factor '" + factor.getName() + "' is per "
					+ ZcUnits.kindOf(value.getUnit()).map(k -> k.label().replace("an emission factor per ", "")).orElse(value.getUnit())
					+ " (" + value.getUnit() + "): give the recovered amount in a unit the factor applies to", amount, Literals.QUANTITY__UNIT,
					ZcIssueCodes.CREDIT_UNITS);
		}
	}

	// ------------------------------------------------------------------------------------------ machines

	@Check
	public void checkStatesAreListedOnce(Machine machine) {
		checkStatesOnce(machine, "machine", machine.getStates());
	}

	@Check
	public void checkStatesAreListedOnce(Utility utility) {
		checkStatesOnce(utility, "utility", utility.getStates());
	}

	private void checkStatesOnce(NamedElement owner, String what, List<StateUse> states) {
		Set<EnergyState> seen = EnumSet.noneOf(EnergyState.class);
		for (StateUse use : states) {
			if (!seen.add(use.getState())) {
				error("The energy state '" + use.getState().getLiteral() + "' is listed twice for " + what + " '" + owner.getName() + "'", use,
						Literals.STATE_USE__STATE, ZcIssueCodes.DUPLICATE_STATE);
			}
		}
	}

	@Check
	public void checkStatePowerWithinRating(Machine machine) {
		checkStatePowers(machine, machine.getRatedPower(), machine.getStates());
	}

	@Check
	public void checkStatePowerWithinRating(Utility utility) {
		checkStatePowers(utility, utility.getRatedPower(), utility.getStates());
	}

	private void checkStatePowers(NamedElement owner, Quantity rated, List<StateUse> states) {
		if (!isOfKind(rated, QuantityKind.POWER)) {
			return;
		}
		BigDecimal ratedWatts = ZcUnits.convert(rated.getValue(), rated.getUnit(), "W");
		for (StateUse use : states) {
			Quantity power = use.getPower();
			if (isOfKind(power, QuantityKind.POWER) && ZcUnits.convert(power.getValue(), power.getUnit(), "W").compareTo(ratedWatts) > 0) {
				warning("The mean power in state '" + use.getState().getLiteral() + "' (" + text(power) + ") is above the rated power of '"
						+ owner.getName() + "' (" + text(rated) + ")", use, Literals.STATE_USE__POWER, ZcIssueCodes.STATE_POWER_ABOVE_RATED);
			}
		}
	}

	@Check
	public void checkEndOfLifeShares(Machine machine) {
		checkEndOfLife(machine, "machine", machine.getEndOfLife());
	}

	@Check
	public void checkEndOfLifeShares(Utility utility) {
		checkEndOfLife(utility, "utility", utility.getEndOfLife());
	}

	private void checkEndOfLife(NamedElement owner, String what, List<EndOfLife> endOfLife) {
		BigDecimal sum = BigDecimal.ZERO;
		for (EndOfLife eol : endOfLife) {
			if (!isOfKind(eol.getShare(), QuantityKind.RATIO)) {
				return;
			}
			BigDecimal share = ZcUnits.convert(eol.getShare().getValue(), eol.getShare().getUnit(), "%");
			if (share.compareTo(HUNDRED) > 0) {
				return; // that share alone is reported
			}
			sum = sum.add(share);
		}
		if (sum.compareTo(HUNDRED) > 0) {
			error("The end-of-life shares of " + what + " '" + owner.getName() + "' add up to " + sum.stripTrailingZeros().toPlainString()
					+ " %, more than 100 %", owner, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.END_OF_LIFE_SHARES);
		}
	}

	/** The allocation bases a function can declare, with the statement that declares each. */
	private static final List<EReference> BASIS_FEATURES = List.of(Literals.PROCESS_FUNCTION__HOURS, Literals.PROCESS_FUNCTION__CAPACITY,
			Literals.PROCESS_FUNCTION__OUTPUT, Literals.PROCESS_FUNCTION__MASS, Literals.PROCESS_FUNCTION__ENERGY, Literals.PROCESS_FUNCTION__VALUE);

	/**
	 * Declared allocation shares are the allocation factors themselves: every function has one and they add up to
	 * 100 % (ISO 14044: the allocated inputs and outputs equal the unallocated ones).
	 */
	@Check
	public void checkAllocationShares(Machine machine) {
		List<ProcessFunction> functions = machine.getFunctions();
		List<ProcessFunction> declaring = functions.stream().filter(f -> f.getShare() != null).toList();
		if (declaring.isEmpty()) {
			return;
		}
		if (declaring.size() < functions.size()) {
			String others = String.join(", ", declaring.stream().map(f -> "'" + f.getName() + "'").toList());
			for (ProcessFunction function : functions) {
				if (function.getShare() == null) {
					error("Function '" + function.getName() + "' of machine '" + machine.getName() + "' declares no allocation share, but " + others
							+ (declaring.size() == 1 ? " does" : " do") + ": give every function its share (they add up to 100 %)", function,
							Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.ALLOCATION_SHARES_SUM);
				}
			}
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		for (ProcessFunction function : functions) {
			if (!isOfKind(function.getShare(), QuantityKind.RATIO)) {
				return; // the unit rule reports it
			}
			sum = sum.add(ZcUnits.convert(function.getShare().getValue(), function.getShare().getUnit(), "%"));
		}
		if (sum.compareTo(HUNDRED) != 0) {
			error("The allocation shares of the functions of machine '" + machine.getName() + "' add up to "
					+ sum.stripTrailingZeros().toPlainString() + " %, not 100 %", machine, Literals.NAMED_ELEMENT__NAME,
					ZcIssueCodes.ALLOCATION_SHARES_SUM);
		}
	}

	/**
	 * An allocation basis is usable only if every function of the machine declares it, in units of one kind; a
	 * bare economic value must not be negative.
	 */
	@Check
	public void checkAllocationBasisAmounts(Machine machine) {
		List<ProcessFunction> functions = machine.getFunctions();
		for (EReference feature : BASIS_FEATURES) {
			List<ProcessFunction> declaring = functions.stream().filter(f -> f.eGet(feature) != null).toList();
			if (declaring.isEmpty()) {
				continue;
			}
			String keyword = feature.getName();
			for (ProcessFunction function : functions) {
				if (function.eGet(feature) == null) {
					warning("Function '" + function.getName() + "' of machine '" + machine.getName() + "' declares no " + keyword + ", but '"
							+ declaring.get(0).getName() + "' does: a methodology that allocates by " + keyword
							+ " cannot split this machine; add '" + keyword + " <amount>'", function, Literals.NAMED_ELEMENT__NAME,
							ZcIssueCodes.ALLOCATION_BASIS_INCOMPLETE, keyword);
				}
			}
			Expectation expected = ExpectedKinds.of(feature);
			Quantity first = null;
			for (ProcessFunction function : declaring) {
				Quantity amount = (Quantity) function.eGet(feature);
				if (amount.getValue() == null
						|| amount.getUnit() != null && expected.kinds().stream().noneMatch(kind -> kind.accepts(amount.getUnit()))) {
					continue; // a unit of the wrong kind is reported by the unit rule
				}
				if (amount.getUnit() == null && amount.getValue().signum() < 0) {
					error("The " + keyword + " of function '" + function.getName() + "' cannot be negative", amount, Literals.QUANTITY__VALUE,
							ZcIssueCodes.NEGATIVE_QUANTITY);
				}
				if (first == null) {
					first = amount;
				} else if (!comparable(first, amount)) {
					error("The " + keyword + " of function '" + function.getName() + "' (" + text(amount) + ") cannot be compared with that of '"
							+ ((ProcessFunction) first.eContainer()).getName() + "' (" + text(first) + "): write the " + keyword
							+ " of every function of '" + machine.getName() + "' in units of one kind", amount,
							amount.getUnit() == null ? Literals.QUANTITY__VALUE : Literals.QUANTITY__UNIT, ZcIssueCodes.ALLOCATION_BASIS_UNITS);
				}
			}
		}
	}

	/** Both bare numbers, or both with units of one dimension; unparsable units count as comparable (reported elsewhere). */
	private static boolean comparable(Quantity a, Quantity b) {
		if (a.getUnit() == null || b.getUnit() == null) {
			return a.getUnit() == null && b.getUnit() == null;
		}
		if (ZcUnits.tryParse(a.getUnit()).isEmpty() || ZcUnits.tryParse(b.getUnit()).isEmpty()) {
			return true;
		}
		return ZcUnits.isCompatible(a.getUnit(), b.getUnit());
	}

	@Check
	public void checkFlowConnectsTwoMachines(MaterialFlow flow) {
		if (flow.getSource() != null && flow.getSource() == flow.getTarget() && !flow.getSource().eIsProxy()) {
			error("A material flow cannot connect machine '" + flow.getSource().getName() + "' to itself", flow,
					Literals.MATERIAL_FLOW__TARGET, ZcIssueCodes.FLOW_TO_ITSELF);
		}
	}

	// ------------------------------------------------------------------------------------------ factors

	@Check
	public void checkMaterialFactor(MaterialUse use) {
		checkFactorKind(use.getFactor(), use, Literals.MATERIAL_USE__FACTOR, FactorKind.MATERIAL);
	}

	@Check
	public void checkTransportFactor(Transport transport) {
		if (transport.getFactor() == null) {
			warning("This transport leg has no freight factor, so module A4 will be incomplete: add 'factor <transport factor>'",
					transport, Literals.TRANSPORT__MODE, ZcIssueCodes.MISSING_FACTOR, FactorKind.TRANSPORT.getLiteral());
			return;
		}
		checkFactorKind(transport.getFactor(), transport, Literals.TRANSPORT__FACTOR, FactorKind.TRANSPORT);
	}

	@Check
	public void checkConsumableFactor(Consumable consumable) {
		if (consumable.getFactor() == null) {
			warning("The " + consumable.getKind().getLiteral() + " '" + consumable.getName()
					+ "' has no emission factor, so modules B2-B4 will be incomplete: add 'factor <material factor>'", consumable,
					Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.MISSING_FACTOR, FactorKind.MATERIAL.getLiteral());
			return;
		}
		checkNoCredit(consumable.getFactor(), consumable, Literals.CONSUMABLE__FACTOR);
	}

	@Check
	public void checkEndOfLifeFactor(EndOfLife eol) {
		checkNoCredit(eol.getFactor(), eol, Literals.END_OF_LIFE__FACTOR);
	}

	/** Credit factors belong in module D ('credit' statements) only; a burden never takes one. */
	private void checkNoCredit(Provider provider, EObject owner, EReference reference) {
		if (provider instanceof EmissionFactor factor && !factor.eIsProxy() && factor.getKind() == FactorKind.CREDIT) {
			error("'" + factor.getName() + "' is a credit factor: credits are module D and belong in a 'credit <name> <amount> factor "
					+ factor.getName() + "' statement, not here", owner, reference, ZcIssueCodes.FACTOR_KIND_MISMATCH,
					reference == Literals.END_OF_LIFE__FACTOR ? FactorKind.WASTE.getLiteral() : FactorKind.MATERIAL.getLiteral());
		}
	}

	@Check
	public void checkSourceFactor(EnergySource source) {
		EmissionFactor factor = source.getFactor();
		if (factor != null && !factor.eIsProxy() && factor.getKind() != FactorKind.GRID && factor.getKind() != FactorKind.FUEL) {
			error("The energy source '" + source.getName() + "' needs a grid or fuel factor, but '" + factor.getName() + "' is a "
					+ factor.getKind().getLiteral() + " factor", source, Literals.ENERGY_SOURCE__FACTOR, ZcIssueCodes.FACTOR_KIND_MISMATCH,
					FactorKind.GRID.getLiteral());
		}
	}

	private void checkFactorKind(Provider provider, EObject owner, EReference reference, FactorKind expected) {
		if (provider instanceof EmissionFactor factor && !factor.eIsProxy() && factor.getKind() != expected) {
			error("A " + expected.getLiteral() + " factor is needed here, but '" + factor.getName() + "' is a " + factor.getKind().getLiteral()
					+ " factor", owner, reference, ZcIssueCodes.FACTOR_KIND_MISMATCH, expected.getLiteral());
		}
	}

	@Check
	public void checkFactorProvenance(EmissionFactor factor) {
		if (factor.getSource() == null || factor.getSource().isBlank()) {
			warning("The factor '" + factor.getName() + "' has no source: say where the figure comes from (source \"...\")", factor,
					Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.FACTOR_WITHOUT_SOURCE);
		}
		if (factor.getLicence() == null || factor.getLicence().isBlank()) {
			warning("The factor '" + factor.getName() + "' has no licence: say under which terms it may be shared (licence \"...\")",
					factor, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.FACTOR_WITHOUT_LICENCE);
		}
	}

	@Check
	public void checkPedigree(Pedigree pedigree) {
		checkScore(pedigree, pedigree.getReliability(), Literals.PEDIGREE__RELIABILITY);
		checkScore(pedigree, pedigree.getCompleteness(), Literals.PEDIGREE__COMPLETENESS);
		checkScore(pedigree, pedigree.getTemporal(), Literals.PEDIGREE__TEMPORAL);
		checkScore(pedigree, pedigree.getGeographical(), Literals.PEDIGREE__GEOGRAPHICAL);
		checkScore(pedigree, pedigree.getTechnological(), Literals.PEDIGREE__TECHNOLOGICAL);
	}

	private void checkScore(Pedigree pedigree, int score, EAttribute attribute) {
		if (score < 1 || score > 5) {
			error("The " + attribute.getName() + " score must be between 1 (best) and 5 (worst), not " + score, pedigree, attribute,
					ZcIssueCodes.PEDIGREE_RANGE);
		}
	}

	@Check
	public void checkUncertainty(Uncertainty uncertainty) {
		switch (uncertainty.getDistribution()) {
			case LOGNORMAL -> {
				if (uncertainty.getGsd() != null && uncertainty.getGsd().compareTo(BigDecimal.ONE) <= 0) {
					error("The geometric standard deviation of a lognormal distribution must be above 1, not "
							+ uncertainty.getGsd().toPlainString(), uncertainty, Literals.UNCERTAINTY__GSD, ZcIssueCodes.UNCERTAINTY_INVALID);
				}
			}
			case TRIANGULAR, UNIFORM -> {
				Quantity min = uncertainty.getMin();
				Quantity max = uncertainty.getMax();
				if (convertible(min, max) && compare(min, max) >= 0) {
					error("The lower bound (" + text(min) + ") must be below the upper bound (" + text(max) + ")", uncertainty,
							Literals.UNCERTAINTY__MIN, ZcIssueCodes.UNCERTAINTY_INVALID);
				} else if (uncertainty.getMode() != null && convertible(min, uncertainty.getMode()) && convertible(max, uncertainty.getMode())
						&& (compare(uncertainty.getMode(), min) < 0 || compare(uncertainty.getMode(), max) > 0)) {
					error("The mode (" + text(uncertainty.getMode()) + ") must lie between the bounds", uncertainty,
							Literals.UNCERTAINTY__MODE, ZcIssueCodes.UNCERTAINTY_INVALID);
				}
			}
			default -> {
			}
		}
	}

	// ------------------------------------------------------------------------------------------ sites

	@Check
	public void checkSiteGrid(Site site) {
		EmissionFactor grid = site.getGrid();
		if (grid != null && !grid.eIsProxy()) {
			if (grid.getKind() != FactorKind.GRID) {
				error("The grid of site '" + site.getName() + "' must be a grid factor, but '" + grid.getName() + "' is a "
						+ grid.getKind().getLiteral() + " factor", site, Literals.SITE__GRID, ZcIssueCodes.FACTOR_KIND_MISMATCH,
						FactorKind.GRID.getLiteral());
			} else if (site.getRegion() != null && grid.getRegion() != null && !site.getRegion().equalsIgnoreCase(grid.getRegion())) {
				warning("Site '" + site.getName() + "' is in region '" + site.getRegion() + "' but its grid factor '" + grid.getName()
						+ "' is for region '" + grid.getRegion() + "'", site, Literals.SITE__GRID, ZcIssueCodes.GRID_REGION_MISMATCH,
						grid.getRegion());
			}
		}
		if (site.getRegion() == null) {
			return;
		}
		IScope scope = scopeProvider.getScope(site, Literals.SITE__GRID);
		Set<String> regions = new TreeSet<>();
		List<String> ofRegion = new ArrayList<>();
		for (IEObjectDescription description : scope.getAllElements()) {
			if (!FactorKind.GRID.getLiteral().equals(ZcResourceDescriptionStrategy.factorKind(description))) {
				continue;
			}
			String region = ZcResourceDescriptionStrategy.factorRegion(description);
			if (region == null) {
				continue;
			}
			regions.add(region);
			if (region.equalsIgnoreCase(site.getRegion())) {
				ofRegion.add(description.getName().toString());
			}
		}
		if (ofRegion.isEmpty() && grid == null) {
			error("No grid factor for region '" + site.getRegion() + "' in the visible factor libraries"
					+ (regions.isEmpty() ? "; import a factor library" : "; known regions: " + String.join(", ", regions)), site,
					Literals.SITE__REGION, ZcIssueCodes.UNKNOWN_GRID_REGION, regions.toArray(String[]::new));
		} else if (grid == null) {
			warning("Site '" + site.getName() + "' names no grid factor: add 'grid " + ofRegion.get(0) + "'", site,
					Literals.SITE__REGION, ZcIssueCodes.MISSING_GRID_FACTOR, ofRegion.toArray(String[]::new));
		}
	}

	// ------------------------------------------------------------------------------------------ loops

	@Check
	public void checkSoftwareSavingIsControlled(Saving saving) {
		if (saving.getBasis() != SavingBasis.SOFTWARE || saving.getAsset() == null || saving.getAsset().eIsProxy()
				|| !(saving.eContainer() instanceof EnergyLoop loop)) {
			return;
		}
		for (Controller controller : loop.getControllers()) {
			for (Actuator actuator : controller.getOutputs()) {
				if (actuator.getAsset() == saving.getAsset()) {
					return;
				}
			}
		}
		warning("The software-enabled saving '" + saving.getName() + "' is claimed on '" + saving.getAsset().getName()
				+ "', but no controller drives an actuator on it", saving, Literals.SAVING__ASSET, ZcIssueCodes.SAVING_WITHOUT_CONTROL);
	}

	@Check
	public void checkLoopIsClosed(EnergyLoop loop) {
		for (Sensor sensor : loop.getSensors()) {
			if (loop.getControllers().stream().noneMatch(c -> c.getInputs().contains(sensor))) {
				warning("Sensor '" + sensor.getName() + "' is read by no controller, so it does not close a loop", sensor,
						Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.OPEN_LOOP);
			}
		}
		for (Actuator actuator : loop.getActuators()) {
			if (loop.getControllers().stream().noneMatch(c -> c.getOutputs().contains(actuator))) {
				warning("Actuator '" + actuator.getName() + "' is driven by no controller, so it does not close a loop", actuator,
						Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.OPEN_LOOP);
			}
		}
	}

	// ------------------------------------------------------------------------------------------ methodologies

	@Check
	public void checkModulesListedOnce(Methodology methodology) {
		Set<org.zerocarbon.model.zc.LifeCycleModule> seen = EnumSet.noneOf(org.zerocarbon.model.zc.LifeCycleModule.class);
		for (ModuleSpec spec : methodology.getModules()) {
			if (!seen.add(spec.getModule())) {
				error("Module " + spec.getModule().getLiteral() + " is listed twice in methodology '" + methodology.getName() + "'", spec,
						Literals.MODULE_SPEC__MODULE, ZcIssueCodes.DUPLICATE_MODULE);
			}
		}
	}

	@Check
	public void checkServiceLifeRange(ServiceLifeRule rule) {
		Quantity min = rule.getMinLife();
		Quantity max = rule.getMaxLife();
		Quantity life = rule.getDefaultLife();
		if (convertible(min, max) && compare(min, max) > 0) {
			error("The shortest service life (" + text(min) + ") is longer than the longest (" + text(max) + ")", rule,
					Literals.SERVICE_LIFE_RULE__MIN_LIFE, ZcIssueCodes.SERVICE_LIFE_RANGE);
		} else if (convertible(life, min) && convertible(life, max) && (compare(life, min) < 0 || compare(life, max) > 0)) {
			error("The default service life (" + text(life) + ") lies outside " + text(min) + " to " + text(max), rule,
					Literals.SERVICE_LIFE_RULE__DEFAULT_LIFE, ZcIssueCodes.SERVICE_LIFE_RANGE);
		}
	}

	// ------------------------------------------------------------------------------------------ helpers

	private static boolean isOfKind(Quantity quantity, QuantityKind kind) {
		return quantity != null && quantity.getValue() != null && quantity.getUnit() != null && kind.accepts(quantity.getUnit());
	}

	private static boolean convertible(Quantity a, Quantity b) {
		return a != null && b != null && a.getValue() != null && b.getValue() != null && a.getUnit() != null && b.getUnit() != null
				&& ZcUnits.isCompatible(a.getUnit(), b.getUnit());
	}

	private static int compare(Quantity a, Quantity b) {
		return ZcUnits.convert(a.getValue(), a.getUnit(), b.getUnit()).compareTo(b.getValue());
	}

	private static String text(Quantity quantity) {
		return quantity.getValue().toPlainString() + (quantity.getUnit() == null ? "" : " " + quantity.getUnit());
	}
}
