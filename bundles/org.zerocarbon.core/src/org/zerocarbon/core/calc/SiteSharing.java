package org.zerocarbon.core.calc;

import static org.zerocarbon.core.calc.Names.format;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.Site;

/** The pro-rata part of a site's instruments that one of its consumers (a line or a park) gets: its share of the site's consumption. */
final class SiteSharing {

	private SiteSharing() {
	}

	/**
	 * @param subject the line or park
	 * @param annual  its annual electricity consumption in kWh
	 * @return {@code annual / Σ annual consumption of every line and park on the site} (1 when it is alone or the site has
	 *         no instruments)
	 */
	static double share(EObject subject, double annual, Site site, Methodology methodology, List<String> notes) {
		if (site == null || site.getInstruments().isEmpty() || annual <= 0 || subject.eResource() == null
				|| subject.eResource().getResourceSet() == null) {
			return 1;
		}
		double total = annual;
		int others = 0;
		// lines and parks are top-level elements: walking the files' elements, not every object, keeps this cheap
		for (EObject next : Names.topLevelElements(subject.eResource().getResourceSet())) {
			if (next == subject) {
				continue;
			}
			try {
				if (next instanceof Line line && line.getSite() == site) {
					total += LineInventory.of(line, methodology, Measurements.NONE).annualKWh();
					others++;
				} else if (next instanceof Park park && park.getSite() == site) {
					total += ParkInventory.consumption(park);
					others++;
				}
			} catch (CalculationException e) {
				notes.add("The consumption of " + Names.qualifiedName((EObject) next) + " on site " + site.getName() + " cannot be computed ("
						+ e.getMessage() + "); it is left out of the pro-rata sharing of the site's instruments.");
			}
		}
		double share = annual / total;
		if (others > 0) {
			notes.add("Site " + site.getName() + " feeds " + (others + 1) + " lines and parks; this subject uses " + format(annual) + " of "
					+ format(total) + " kWh a year and gets " + String.format(java.util.Locale.ROOT, "%.4g", 100 * share)
					+ " % of each of the site's instruments.");
		}
		return share;
	}
}
