package org.zerocarbon.parameters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.EList;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.zerocarbon.model.zc.FactorSubstitution;
import org.zerocarbon.model.zc.Instrument;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.ParameterSetting;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Scenario;
import org.zerocarbon.model.zc.ScenarioSupply;

/**
 * What a scenario changes, and the scenario applied to a copy of the model.
 * <p>
 * A scenario's effect is its chain of {@code extends} from the outermost base to itself: each one's settings
 * replace the earlier ones' for the same parameter, its factor substitutions and supply instruments add up.
 * Applying a scenario never touches the loaded model: {@link #apply} copies the model's resources and changes the
 * copy, so evaluating scenarios is a pure function from (model, scenario) to a model, and scenarios may be
 * evaluated side by side on different threads.
 */
public final class Scenarios {

	/** Issue code of a scenario that extends itself through its bases. */
	public static final String CYCLE = "scenarioCycle";

	/**
	 * The changes of a scenario and its bases.
	 *
	 * @param chain         the scenarios from the outermost base to the scenario itself
	 * @param overrides     parameter → the value it takes (last setting wins)
	 * @param substitutions provider replaced → provider used instead
	 * @param supplies      the supply additions, in chain order
	 */
	public record Changes(List<Scenario> chain, Map<Parameter, Quantity> overrides, Map<Provider, Provider> substitutions,
			List<ScenarioSupply> supplies) {

		/** Whether only parameter values change (the product system's structure is the baseline's). */
		public boolean amountsOnly() {
			return substitutions.isEmpty() && supplies.isEmpty();
		}
	}

	private Scenarios() {
	}

	/**
	 * The chain of {@code scenario}: its bases, outermost first, then itself.
	 *
	 * @throws IllegalArgumentException naming the cycle when the scenario extends itself through its bases
	 */
	public static List<Scenario> chain(Scenario scenario) {
		List<Scenario> chain = new ArrayList<>();
		Map<Scenario, Boolean> seen = new IdentityHashMap<>();
		for (Scenario s = scenario; s != null && !s.eIsProxy(); s = s.getBase()) {
			if (seen.put(s, Boolean.TRUE) != null) {
				chain.add(0, s);
				throw new IllegalArgumentException("Scenario " + scenario.getName() + " extends itself: "
						+ chain.reversed().stream().map(Scenario::getName).collect(Collectors.joining(" → ")));
			}
			chain.add(0, s);
		}
		return chain;
	}

	/** The changes of {@code scenario} and its bases ({@link #chain}). */
	public static Changes changes(Scenario scenario) {
		List<Scenario> chain = chain(scenario);
		Map<Parameter, Quantity> overrides = new LinkedHashMap<>();
		Map<Provider, Provider> substitutions = new LinkedHashMap<>();
		List<ScenarioSupply> supplies = new ArrayList<>();
		for (Scenario s : chain) {
			for (ParameterSetting setting : s.getSettings()) {
				if (setting.getParameter() != null && !setting.getParameter().eIsProxy() && setting.getValue() != null) {
					overrides.put(setting.getParameter(), setting.getValue());
				}
			}
			for (FactorSubstitution substitution : s.getSubstitutions()) {
				if (substitution.getReplaced() != null && substitution.getFactor() != null) {
					substitutions.put(substitution.getReplaced(), substitution.getFactor());
				}
			}
			supplies.addAll(s.getSupplies());
		}
		return new Changes(List.copyOf(chain), overrides, substitutions, List.copyOf(supplies));
	}

	/**
	 * A copy of {@code resources} with {@code scenario} applied (null: the baseline) and its parameters evaluated.
	 * The copy's resources keep the originals' URIs (so data files beside a model are found), in a resource set of
	 * their own.
	 */
	public static Applied apply(Collection<? extends Resource> resources, Scenario scenario) {
		Applied copy = copy(resources);
		Changes changes = scenario == null ? new Changes(List.of(), Map.of(), Map.of(), List.of()) : changes(scenario);
		for (Map.Entry<Provider, Provider> substitution : changes.substitutions().entrySet()) {
			substitute(copy, copy.of(substitution.getKey()), copy.of(substitution.getValue()));
		}
		for (ScenarioSupply supply : changes.supplies()) {
			EList<Instrument> target = supply.getSite() != null ? copy.of(supply.getSite()).getInstruments()
					: supply.getLine() != null ? copy.of(supply.getLine()).getInstruments()
							: supply.getPark() != null ? copy.of(supply.getPark()).getInstruments() : null;
			if (target != null) {
				for (Instrument instrument : supply.getInstruments()) {
					target.add(EcoreUtil.copy(copy.of(instrument))); // references inside it point into the copy
				}
			}
		}
		copy.evaluate(changes.overrides());
		return copy;
	}

	/**
	 * A scenario's model: a copy of the loaded model, the map from the originals into it, and the problems of its
	 * last evaluation. {@link #evaluate} re-evaluates it with other parameter values: a scenario that changes only
	 * amounts reuses the copy (the structure is the baseline's), so a thousand such scenarios cost a thousand
	 * evaluations, not a thousand copies. A copy belongs to one thread at a time.
	 */
	public static final class Applied {
		private final ResourceSet set = new ResourceSetImpl();
		private final EcoreUtil.Copier copier = new EcoreUtil.Copier(true, true);
		private List<ParameterEvaluator.Problem> problems = List.of();
		private ParameterEvaluator.Plan plan;

		private Applied() {
		}

		/** The copied resources. */
		public ResourceSet resourceSet() {
			return set;
		}

		/** The copy of an element of the loaded model (the element itself when it was not copied). */
		@SuppressWarnings("unchecked")
		public <T extends EObject> T of(T original) {
			EObject copied = copier.get(original);
			return copied == null ? original : (T) copied;
		}

		/** The problems of the last evaluation (empty when every expression has a value). */
		public List<ParameterEvaluator.Problem> problems() {
			return problems;
		}

		/**
		 * Evaluates the copy's parameters with {@code overrides} (keys and values are elements of the loaded model).
		 *
		 * @return the problems found
		 */
		public List<ParameterEvaluator.Problem> evaluate(Map<Parameter, Quantity> overrides) {
			Map<Parameter, Quantity> mapped = new IdentityHashMap<>();
			overrides.forEach((p, q) -> mapped.put(of(p), of(q)));
			if (plan == null) {
				plan = ParameterEvaluator.plan(set.getResources(), true); // after the scenario's changes: they are part of it
			}
			problems = ParameterEvaluator.evaluate(plan, mapped);
			return problems;
		}
	}

	/** Replaces every reference to {@code replaced} (outside scenarios) by {@code by}. */
	private static void substitute(Applied copy, Provider replaced, Provider by) {
		for (EStructuralFeature.Setting setting : EcoreUtil.UsageCrossReferencer.find(replaced, copy.set)) {
			EObject owner = setting.getEObject();
			if (EcoreUtil2Lite.inScenario(owner) || !(setting.getEStructuralFeature() instanceof EReference reference) || !reference.isChangeable()) {
				continue;
			}
			if (reference.isMany()) {
				@SuppressWarnings("unchecked")
				EList<EObject> list = (EList<EObject>) owner.eGet(reference);
				int index = list.indexOf(replaced);
				if (index >= 0) {
					list.set(index, by);
				}
			} else {
				owner.eSet(reference, by);
			}
		}
	}

	/** Whether an element lies inside a scenario (its references are the scenario's own, not the model's). */
	private static final class EcoreUtil2Lite {
		static boolean inScenario(EObject object) {
			for (EObject o = object; o != null; o = o.eContainer()) {
				if (o instanceof Scenario) {
					return true;
				}
			}
			return false;
		}
	}

	/** A deep copy of resources, cross-references between them redirected into the copy; not yet evaluated. */
	private static Applied copy(Collection<? extends Resource> resources) {
		Applied copy = new Applied();
		List<Resource> originals = List.copyOf(resources);
		for (Resource original : originals) {
			EcoreUtil.resolveAll(original);
		}
		for (Resource original : originals) {
			URI uri = original.getURI();
			Resource target = new ResourceImpl(uri);
			copy.set.getResources().add(target);
			target.getContents().addAll(copy.copier.copyAll(original.getContents()));
		}
		copy.copier.copyReferences();
		return copy;
	}
}
