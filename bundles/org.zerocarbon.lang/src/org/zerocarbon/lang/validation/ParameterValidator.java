package org.zerocarbon.lang.validation;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.CheckType;
import org.zerocarbon.model.zc.FactorSubstitution;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.ParameterSetting;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Scenario;
import org.zerocarbon.model.zc.ZcModel;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.parameters.ParameterEvaluator;
import org.zerocarbon.parameters.Scenarios;
import org.zerocarbon.units.ZcUnits;

import com.google.inject.Inject;

/**
 * Parameters and scenarios: every expression evaluates (no cycle, units that fit, parameters that exist), a scenario
 * sets parameters to values of their dimension, does not extend itself, and has a name no other file uses.
 * <p>
 * The check on the file's root runs before the checks on its quantities (the diagnostician visits a node before its
 * contents), so the evaluation it runs gives every expression its value and unit before the unit rules read them.
 */
public class ParameterValidator extends ZcRuleValidator {

	@Inject
	private IQualifiedNameProvider names;

	@Check(CheckType.FAST)
	public void checkExpressions(ZcModel model) {
		Resource resource = model.eResource();
		if (resource == null) {
			return;
		}
		for (ParameterEvaluator.Problem problem : ParameterEvaluator.evaluate(List.of(resource))) {
			if (problem.where().eResource() != resource) {
				continue; // reported by the validation of the file it is in
			}
			EObject where = problem.where();
			EStructuralFeature feature = where instanceof Parameter ? Literals.NAMED_ELEMENT__NAME
					: where instanceof org.zerocarbon.model.zc.ParameterReference ? Literals.PARAMETER_REFERENCE__PARAMETER : null;
			String code = switch (problem.code()) {
			case ParameterEvaluator.CYCLE -> ZcIssueCodes.PARAMETER_CYCLE;
			case ParameterEvaluator.UNIT_MISMATCH -> ZcIssueCodes.PARAMETER_UNIT_MISMATCH;
			default -> ZcIssueCodes.PARAMETER_UNRESOLVED;
			};
			if (problem.code().equals(ParameterEvaluator.UNRESOLVED) && where instanceof org.zerocarbon.model.zc.ParameterReference ref
					&& (ref.getParameter() == null || ref.getParameter().eIsProxy())) {
				continue; // the linker already reports the unknown name
			}
			error(problem.message(), where, feature, code);
		}
	}

	@Check
	public void checkParameter(Parameter parameter) {
		Quantity value = parameter.getValue();
		if (value == null || value.getValue() == null) {
			return;
		}
		for (Quantity bound : new Quantity[] { parameter.getMin(), parameter.getMax() }) {
			if (bound != null && bound.getValue() != null && !sameDimension(value, bound)) {
				error("The range of parameter " + parameter.getName() + " must be in the unit of its value (" + unit(value) + "), not "
						+ unit(bound), bound, null, ZcIssueCodes.PARAMETER_RANGE);
				return;
			}
		}
		if (parameter.getMin() != null && parameter.getMax() != null && parameter.getMin().getValue() != null
				&& parameter.getMax().getValue() != null) {
			double v = value.getValue().doubleValue();
			double min = convert(parameter.getMin(), value);
			double max = convert(parameter.getMax(), value);
			if (min > max) {
				error("The range of parameter " + parameter.getName() + " runs backwards: write the low end first (range " + describe(parameter.getMax())
						+ " to " + describe(parameter.getMin()) + ")", parameter.getMin(), null, ZcIssueCodes.PARAMETER_RANGE);
			} else if (v < min || v > max) {
				warning("The value of parameter " + parameter.getName() + " (" + describe(value) + ") lies outside its range " + describe(parameter.getMin())
						+ " to " + describe(parameter.getMax()), parameter, Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.PARAMETER_RANGE);
			}
		}
	}

	@Check
	public void checkScenario(Scenario scenario) {
		try {
			Scenarios.chain(scenario);
		} catch (IllegalArgumentException e) {
			error(e.getMessage(), scenario, Literals.SCENARIO__BASE, ZcIssueCodes.SCENARIO_CYCLE);
		}
		if (scenario.getSettings().isEmpty() && scenario.getSubstitutions().isEmpty() && scenario.getSupplies().isEmpty()
				&& scenario.getBase() == null) {
			warning("Scenario " + scenario.getName() + " changes nothing: it equals the baseline (add set, use factor or supply)", scenario,
					Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.EMPTY_SCENARIO);
		}
		Map<Parameter, ParameterSetting> seen = new java.util.IdentityHashMap<>();
		for (ParameterSetting setting : scenario.getSettings()) {
			Parameter parameter = setting.getParameter();
			if (parameter == null || parameter.eIsProxy()) {
				continue;
			}
			if (seen.put(parameter, setting) != null) {
				warning("Scenario " + scenario.getName() + " sets " + parameter.getName() + " twice: the last value counts", setting,
						Literals.PARAMETER_SETTING__PARAMETER, ZcIssueCodes.SCENARIO_SETTING_UNIT);
			}
			Quantity base = parameter.getValue();
			Quantity set = setting.getValue();
			if (base != null && set != null && base.getValue() != null && set.getValue() != null && !sameDimension(base, set)) {
				error("Parameter " + parameter.getName() + " is " + describe(base) + "; the scenario cannot set it to " + describe(set)
						+ " (another dimension)", set, null, ZcIssueCodes.SCENARIO_SETTING_UNIT);
			}
		}
		for (FactorSubstitution substitution : scenario.getSubstitutions()) {
			if (substitution.getFactor() != null && substitution.getFactor() == substitution.getReplaced()) {
				warning("The factor is substituted by itself: this changes nothing", substitution, Literals.FACTOR_SUBSTITUTION__FACTOR,
						ZcIssueCodes.SUBSTITUTION_UNIT);
			}
		}
		checkUniqueAcrossFiles(scenario);
	}

	private void checkUniqueAcrossFiles(Scenario scenario) {
		Resource resource = scenario.eResource();
		if (resource == null || resource.getResourceSet() == null) {
			return;
		}
		QualifiedName name = names.getFullyQualifiedName(scenario);
		if (name == null) {
			return;
		}
		for (Resource other : List.copyOf(resource.getResourceSet().getResources())) {
			if (other == resource || !other.isLoaded()) {
				continue;
			}
			for (EObject root : other.getContents()) {
				if (root instanceof ZcModel model) {
					for (var element : model.getElements()) {
						if (element instanceof Scenario s && name.equals(names.getFullyQualifiedName(s))) {
							error("Scenario " + name + " is also defined in " + other.getURI().lastSegment() + ": scenario names must be unique", scenario,
									Literals.NAMED_ELEMENT__NAME, ZcIssueCodes.DUPLICATE_SCENARIO);
							return;
						}
					}
				}
			}
		}
	}

	private static boolean sameDimension(Quantity a, Quantity b) {
		if (a.getUnit() == null || b.getUnit() == null) {
			return a.getUnit() == null && b.getUnit() == null || ZcUnits.isCompatible(a.getUnit() == null ? b.getUnit() : a.getUnit(), "%");
		}
		return ZcUnits.isCompatible(a.getUnit(), b.getUnit());
	}

	private static double convert(Quantity q, Quantity to) {
		if (q.getUnit() == null || to.getUnit() == null) {
			return q.getValue().doubleValue();
		}
		return ZcUnits.convert(q.getValue().doubleValue(), q.getUnit(), to.getUnit());
	}

	private static String unit(Quantity q) {
		return q.getUnit() == null ? "no unit" : q.getUnit();
	}

	private static String describe(Quantity q) {
		return new ParameterEvaluator.Value(q.getValue().doubleValue(), q.getUnit()).toString();
	}
}
