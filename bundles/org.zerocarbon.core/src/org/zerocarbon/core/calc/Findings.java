package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;

import org.zerocarbon.core.footprint.FootprintResult.Contribution;
import org.zerocarbon.core.footprint.FootprintResult.Finding;
import org.zerocarbon.core.footprint.Module;
import org.zerocarbon.model.zc.Methodology;

/** Findings every result gets: missing data, an undeclared GWP split, and no silent zero. */
final class Findings {

	private Findings() {
	}

	/**
	 * @param missing the element each missing-data note is about (the finding is marked there), else the subject
	 */
	static void complete(InventoryCalculation.Solved inventory, String subject, Methodology methodology, List<String> notes,
			List<Finding> findings, Map<String, EObject> missing) {
		for (String note : List.copyOf(notes)) {
			if (note.startsWith("Missing data:") && findings.stream().noneMatch(f -> note.contains(f.message()))) {
				// electricity without a grid and park sources without a factor have their error findings already
				boolean electricity = note.contains("electricity (B6, A5) is not counted") || note.contains("energy source");
				if (!electricity) {
					Module module = note.contains("material of") ? Module.A1 : note.contains("transport leg") ? Module.A4
							: note.contains("end of life") ? Module.C3 : null;
					boolean required = module != null && methodology.getModules().stream()
							.anyMatch(m -> m.isRequired() && m.getModule() != null && m.getModule().getName().equals(module.name()));
					findings.add(new Finding(required ? "error" : "warning", "missingFactor", note.substring("Missing data: ".length())
							+ (required ? " Module " + module + " is required by the methodology." : ""),
							missing.containsKey(note) ? Names.qualifiedName(missing.get(note)) : subject,
							missing.containsKey(note) ? Names.uri(missing.get(note)) : null));
				}
			}
		}
		double undeclared = inventory.contributions.stream().filter(c -> !c.gwp().declared()).mapToDouble(c -> Math.abs(c.kgCO2e())).sum();
		if (undeclared > 0) {
			notes.add("GWP split (EN 15804+A2): factors and values without a declared split are reported as GWP-fossil ("
					+ format(undeclared) + " kg CO2e); biogenic emissions and removals are kept apart.");
		}
		double total = inventory.contributions.stream().filter(c -> !c.module().isReportedSeparately()).mapToDouble(Contribution::kgCO2e).sum();
		if (total == 0) {
			String why = inventory.contributions.isEmpty()
					? "no activity inside the methodology's boundary has an emission factor or a declared value"
					: "its activities add up to 0";
			String message = "The footprint of " + subject + " is 0 kg CO2e: " + why + ".";
			notes.add(message);
			findings.add(new Finding(findings.stream().anyMatch(f -> f.severity().equals("error")) ? "warning" : "info", "zeroResult", message,
					subject, null));
		}
	}
}
