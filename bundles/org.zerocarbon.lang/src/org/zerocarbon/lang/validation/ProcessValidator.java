package org.zerocarbon.lang.validation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.measure.Unit;

import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.validation.Check;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.model.zc.Consumable;
import org.zerocarbon.model.zc.Credit;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.GwpSplit;
import org.zerocarbon.model.zc.MaterialUse;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.ZcUnits;

/**
 * Providers: user-defined processes (a positive reference output, no loop that consumes at least as much as it
 * produces, amounts taken from a process in its output unit) and the GWP split of factors (its parts add up to
 * the factor's value). Input units against the provider's reference unit come from {@link ExpectedKinds}.
 */
public class ProcessValidator extends ZcRuleValidator {

	/** Relative tolerance of the GWP split sum: 0.5 % of the factor's value. */
	private static final BigDecimal SPLIT_TOLERANCE = new BigDecimal("0.005");
	/** Longest loop searched for (processes in a chain). */
	private static final int MAX_LOOP = 8;

	@Check
	public void checkOutput(Process process) {
		Quantity output = process.getOutput() == null ? null : process.getOutput().getAmount();
		if (output != null && output.getValue() != null && output.getValue().signum() <= 0) {
			error("The reference output of process '" + process.getName() + "' must be positive (one run makes it), not " + text(output)
					+ ": write e.g. 'output 1 " + (output.getUnit() == null ? "kg" : output.getUnit()) + "'", output, Literals.QUANTITY__VALUE,
					ZcIssueCodes.PROCESS_OUTPUT_NOT_POSITIVE);
		}
	}

	/**
	 * A loop of processes (one consuming its own output, or P from Q from P) must produce more than it consumes: the
	 * product of the amounts per unit of output around the loop is below 1, else the system has no solution.
	 */
	@Check
	public void checkLoops(Process process) {
		for (ProcessInput input : process.getInputs()) {
			if (!(input.getProvider() instanceof Process next) || next.eIsProxy()) {
				continue;
			}
			BigDecimal gain = perUnitOfOutput(process, input);
			if (gain == null) {
				continue;
			}
			List<Process> path = new ArrayList<>(List.of(process, next));
			String loop = findLoop(process, next, gain, path);
			if (loop != null) {
				error("Process '" + process.getName() + "' consumes at least as much of its own output as it makes, through the loop " + loop
						+ ": the loop cannot be solved; reduce the input amounts so that each run makes more than the loop takes back", input,
						Literals.PROCESS_INPUT__PROVIDER, ZcIssueCodes.PROCESS_LOOP);
				return;
			}
		}
	}

	/** A loop back to {@code start} whose gain is at least 1, as "A → B → A", or null. */
	private String findLoop(Process start, Process current, BigDecimal gain, List<Process> path) {
		if (current == start) {
			return gain.compareTo(BigDecimal.ONE) >= 0 ? describe(path) + " (" + number(gain.round(new MathContext(3)))
					+ " per unit made)" : null;
		}
		if (path.size() > MAX_LOOP) {
			return null;
		}
		for (ProcessInput input : current.getInputs()) {
			if (!(input.getProvider() instanceof Process next) || next.eIsProxy() || next != start && path.contains(next)) {
				continue;
			}
			BigDecimal step = perUnitOfOutput(current, input);
			if (step == null) {
				continue;
			}
			path.add(next);
			String loop = findLoop(start, next, gain.multiply(step), path);
			path.remove(path.size() - 1);
			if (loop != null) {
				return loop;
			}
		}
		return null;
	}

	private static String describe(List<Process> path) {
		return String.join(" → ", path.stream().map(p -> "'" + p.getName() + "'").toList());
	}

	/** The input's amount per unit of the consumer's output, in units of the provider's output; null when not computable. */
	private static BigDecimal perUnitOfOutput(Process consumer, ProcessInput input) {
		Process provider = (Process) input.getProvider();
		Quantity amount = input.getAmount();
		Quantity made = consumer.getOutput() == null ? null : consumer.getOutput().getAmount();
		Quantity providerMade = provider.getOutput() == null ? null : provider.getOutput().getAmount();
		if (amount == null || made == null || providerMade == null || amount.getValue() == null || made.getValue() == null
				|| providerMade.getValue() == null || made.getValue().signum() <= 0 || providerMade.getValue().signum() <= 0) {
			return null;
		}
		String from = amount.getUnit() == null ? "parts" : amount.getUnit();
		String to = providerMade.getUnit() == null ? "parts" : providerMade.getUnit();
		if (!ZcUnits.isCompatible(from, to)) {
			return null; // the unit rule reports it
		}
		BigDecimal runs = ZcUnits.convert(amount.getValue(), from, to).divide(providerMade.getValue(), MathContext.DECIMAL64);
		return runs.multiply(providerMade.getValue()).divide(made.getValue(), MathContext.DECIMAL64);
	}

	// ------------------------------------------------------------------------------------------ amounts taken from processes

	@Check
	public void checkMaterialFromProcess(MaterialUse use) {
		checkAmountFromProcess(use.getMass(), use.getFactor(), Literals.MATERIAL_USE__FACTOR);
	}

	@Check
	public void checkConsumableFromProcess(Consumable consumable) {
		checkAmountFromProcess(consumable.getAmount(), consumable.getFactor(), Literals.CONSUMABLE__FACTOR);
	}

	@Check
	public void checkCreditFromProcess(Credit credit) {
		checkAmountFromProcess(credit.getAmount(), credit.getFactor(), Literals.CREDIT__FACTOR);
	}

	private void checkAmountFromProcess(Quantity amount, Provider provider, EReference reference) {
		if (!(provider instanceof Process process) || process.eIsProxy() || amount == null || amount.getUnit() == null) {
			return;
		}
		if (ExpectedKinds.of(amount).map(e -> !e.accepts(amount.getUnit())).orElse(false)) {
			return; // a unit of the wrong kind for the statement is reported by the unit rule
		}
		Optional<Unit<?>> unit = ExpectedKinds.referenceUnit(process);
		Optional<Unit<?>> written = ZcUnits.tryParse(amount.getUnit());
		if (unit.isEmpty() || written.isEmpty() || written.get().isCompatible(unit.get())) {
			return;
		}
		String per = process.getOutput().getAmount().getUnit();
		error("Process '" + process.getName() + "' makes " + (per == null ? "runs (no unit)" : per) + ", so " + text(amount)
				+ " cannot be taken from it: give the amount in a unit convertible to " + (per == null ? "a plain number" : per)
				+ " or use a factor", amount, Literals.QUANTITY__UNIT, ZcIssueCodes.PROVIDER_UNITS);
	}

	// ------------------------------------------------------------------------------------------ GWP split

	/** The parts of a GWP split (a part without unit is in the factor's unit) add up to the factor's value, within 0.5 %. */
	@Check
	public void checkSplitSum(GwpSplit split) {
		Quantity total = split.eContainer() instanceof EmissionFactor factor ? factor.getValue()
				: split.eContainer() instanceof DeclaredModule module ? module.getValue() : null;
		if (total == null || total.getValue() == null) {
			return;
		}
		String unit = total.getUnit();
		Quantity fossil = split.getFossil();
		if (fossil != null && fossil.getValue() != null && fossil.getUnit() == null && fossil.getValue().signum() < 0) {
			error("The GWP-fossil part cannot be negative (removals are biogenic or luluc)", fossil, Literals.QUANTITY__VALUE,
					ZcIssueCodes.NEGATIVE_QUANTITY);
			return;
		}
		BigDecimal sum = BigDecimal.ZERO;
		List<String> parts = new ArrayList<>();
		for (Quantity part : new Quantity[] { split.getFossil(), split.getBiogenic(), split.getLuluc() }) {
			if (part == null) {
				continue;
			}
			if (part.getValue() == null) {
				return;
			}
			if (part.getUnit() == null) {
				sum = sum.add(part.getValue());
			} else if (unit != null && ZcUnits.isCompatible(part.getUnit(), unit)) {
				sum = sum.add(ZcUnits.convert(part.getValue(), part.getUnit(), unit));
			} else {
				return; // the unit rule reports it
			}
			parts.add(number(part.getValue()));
		}
		BigDecimal value = total.getValue();
		BigDecimal tolerance = value.abs().multiply(SPLIT_TOLERANCE).max(new BigDecimal("1e-12"));
		if (sum.subtract(value).abs().compareTo(tolerance) > 0) {
			String u = unit == null ? "" : " " + unit;
			boolean ofFactor = split.eContainer() instanceof EmissionFactor;
			String owner = ofFactor ? "factor '" + ((EmissionFactor) split.eContainer()).getName() + "'"
					: "module " + ProductValidator.label((DeclaredModule) split.eContainer()) + " of product '"
							+ ((DeclaredProduct) split.eContainer().eContainer()).getName() + "'";
			error("The GWP split of " + owner + " adds up to " + number(sum.round(MathContext.DECIMAL64)) + u + " ("
					+ String.join(" + ", parts) + "), but the " + (ofFactor ? "factor" : "module") + " is " + number(value) + u
					+ ": the fossil, biogenic and luluc parts must add up to the " + (ofFactor ? "factor's" : "module's") + " value (within 0.5 %)",
					split.eContainer(), ofFactor ? Literals.EMISSION_FACTOR__SPLIT : Literals.DECLARED_MODULE__SPLIT, ZcIssueCodes.GWP_SPLIT_SUM);
		}
	}
}
