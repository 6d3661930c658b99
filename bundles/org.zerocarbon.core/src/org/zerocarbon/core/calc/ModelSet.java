package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.zerocarbon.model.zc.Element;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.model.zc.ZcModel;

/**
 * What a set of loaded model files offers the engine: the subjects that have a footprint (lines and parks) and
 * the methodologies to compute it with. Shared by the CLI and the workspace builder, so both pick the same.
 */
public final class ModelSet {

	private final List<EObject> subjects = new ArrayList<>();
	private final List<Methodology> methodologies = new ArrayList<>();
	private final List<RuleSet> standaloneRuleSets = new ArrayList<>();
	private final ResourceSet resources;

	/** Collects the top-level lines, parks and methodologies of every resource, ordered by qualified name. */
	public ModelSet(ResourceSet resources) {
		this.resources = resources;
		for (Resource resource : List.copyOf(resources.getResources())) {
			for (EObject root : resource.getContents()) {
				if (root instanceof ZcModel model) {
					for (Element element : model.getElements()) {
						if (element instanceof Line || element instanceof Park) {
							subjects.add(element);
						} else if (element instanceof Methodology methodology) {
							methodologies.add(methodology);
						} else if (element instanceof RuleSet ruleSet) {
							standaloneRuleSets.add(ruleSet);
						}
					}
				}
			}
		}
		subjects.sort(FootprintCalculator.BY_NAME);
		methodologies.sort(FootprintCalculator.BY_NAME);
		standaloneRuleSets.sort(FootprintCalculator.BY_NAME);
	}

	/**
	 * Whether any factor or process exchange declares an uncertainty: Monte Carlo varies only those, so without one
	 * there is nothing to simulate.
	 */
	public boolean hasUncertainty() {
		for (var contents = resources.getAllContents(); contents.hasNext();) {
			if (contents.next() instanceof org.zerocarbon.model.zc.Uncertainty) {
				return true;
			}
		}
		return false;
	}

	/** Criteria sets written outside any methodology, by qualified name. */
	public List<RuleSet> standaloneRuleSets() {
		return standaloneRuleSets;
	}

	/**
	 * The rule-sets to check: those of the methodology or the stand-alone rule-set named {@code id}; without an
	 * id, every rule-set among the models (of every methodology, and stand-alone ones).
	 */
	public List<RuleSet> ruleSets(String id) {
		if (id != null) {
			for (RuleSet ruleSet : standaloneRuleSets) {
				if (id.equals(nameOf(ruleSet)) || id.equals(ruleSet.getName())) {
					return List.of(ruleSet);
				}
			}
			return List.copyOf(byId(id).getRuleSets());
		}
		List<RuleSet> all = new ArrayList<>();
		methodologies.forEach(m -> all.addAll(m.getRuleSets()));
		all.addAll(standaloneRuleSets);
		return all;
	}

	/** Lines and parks, by qualified name. */
	public List<EObject> subjects() {
		return subjects;
	}

	/** All methodologies, by qualified name. */
	public List<Methodology> methodologies() {
		return methodologies;
	}

	/** Qualified name of a model element, as the language names it. */
	public static String nameOf(EObject element) {
		return FootprintCalculator.qualifiedName(element);
	}

	/**
	 * The methodology to compute footprints with: the one named {@code id} (qualified or simple name) if given;
	 * otherwise the only one that defines life-cycle modules.
	 *
	 * @throws CalculationException naming the available methodologies when the choice is missing or ambiguous
	 */
	public Methodology footprintMethodology(String id) {
		if (id != null) {
			return byId(id);
		}
		List<Methodology> candidates = methodologies.stream().filter(m -> !m.getModules().isEmpty()).toList();
		if (candidates.size() == 1) {
			return candidates.get(0);
		}
		throw new CalculationException((candidates.isEmpty() ? "No methodology with life-cycle modules is among the model files"
				: "Several methodologies define life-cycle modules") + "; choose one with --methodology (available: " + available() + ")");
	}

	private Methodology byId(String id) {
		return methodologies.stream().filter(m -> id.equals(nameOf(m)) || id.equals(m.getName())).findFirst()
				.orElseThrow(() -> new CalculationException("No methodology '" + id + "' among the model files (available: " + available() + ")"));
	}

	private String available() {
		List<EObject> all = new ArrayList<>(methodologies);
		all.addAll(standaloneRuleSets);
		return all.isEmpty() ? "none" : all.stream().map(ModelSet::nameOf).collect(Collectors.joining(", "));
	}
}
