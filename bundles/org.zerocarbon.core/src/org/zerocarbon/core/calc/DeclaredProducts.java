package org.zerocarbon.core.calc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.DeclaredModule;
import org.zerocarbon.model.zc.DeclaredProduct;
import org.zerocarbon.model.zc.LifeCycleModule;

/**
 * The module values of a declared product (an EPD) the engine uses: one value per module or module range, the
 * scenario marked default where a module has several (else the first, with a note), and a range in place of the single
 * modules it covers (the validator reports such an overlap as an error; the engine never counts a value twice).
 */
final class DeclaredProducts {

	private DeclaredProducts() {
	}

	/** The values used, in the order written. */
	static List<DeclaredModule> chosen(DeclaredProduct product, List<String> notes) {
		Map<String, DeclaredModule> byModule = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (DeclaredModule module : product.getModules()) {
			if (module.getModule() == null || module.getValue() == null) {
				continue;
			}
			String key = label(module);
			counts.merge(key, 1, Integer::sum);
			DeclaredModule known = byModule.get(key);
			if (known == null || module.isDefaultScenario() && !known.isDefaultScenario()) {
				byModule.put(key, module);
			}
		}
		for (Map.Entry<String, Integer> count : counts.entrySet()) {
			DeclaredModule used = byModule.get(count.getKey());
			if (count.getValue() > 1 && !used.isDefaultScenario() && notes != null) {
				notes.add("Product " + Names.qualifiedName(product) + " declares " + count.getValue() + " values for module " + count.getKey()
						+ " and none is the default: the first (" + (used.getScenario() == null ? "no scenario" : "scenario \"" + used.getScenario() + "\"")
						+ ") is used.");
			}
		}
		List<DeclaredModule> ranges = byModule.values().stream().filter(DeclaredModule::isRange).toList();
		List<DeclaredModule> chosen = new ArrayList<>();
		for (DeclaredModule module : byModule.values()) {
			boolean covered = !module.isRange() && ranges.stream().anyMatch(r -> first(r) <= first(module) && first(module) <= last(r));
			if (covered) {
				if (notes != null) {
					notes.add("Product " + Names.qualifiedName(product) + ": module " + label(module) + " is covered by a range and is not counted again.");
				}
				continue;
			}
			chosen.add(module);
		}
		return chosen;
	}

	/** The values of the product stage (A1 to A3). */
	static List<DeclaredModule> productStage(DeclaredProduct product) {
		return chosen(product, null).stream().filter(m -> last(m) <= LifeCycleModule.A3_VALUE).toList();
	}

	/** The engine's module a value is reported in: its own, or the first of its range (A1-A3 is reported as A1). */
	static Module module(DeclaredModule module) {
		return Module.valueOf(module.getModule().getName());
	}

	/** "A1-A3", "C3". */
	static String label(DeclaredModule module) {
		return module.getModule().getLiteral() + (module.isRange() && module.getToModule() != null ? "-" + module.getToModule().getLiteral() : "");
	}

	private static int first(DeclaredModule module) {
		return module.getModule().getValue();
	}

	private static int last(DeclaredModule module) {
		return module.isRange() && module.getToModule() != null ? module.getToModule().getValue() : module.getModule().getValue();
	}
}
