package org.zerocarbon.diagram;

import java.util.ArrayList;
import java.util.List;

import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.Contract;
import org.zerocarbon.model.zc.Generation;
import org.zerocarbon.model.zc.Instrument;
import org.zerocarbon.model.zc.Site;

/**
 * The legend line naming the energy instruments a line or park buys its electricity through (its site's and its
 * own), for market-based scope 2: "Market-based supply: site Plant: onsite RoofPV 40 MWh, ppa WindPPA 80 MWh,
 * certificate Gec2025 60 MWh; residual mix CN_RES".
 */
final class SupplyLegend {

	private SupplyLegend() {
	}

	/** Adds the line if there are instruments or a residual mix; nothing otherwise. */
	static void add(Scene scene, Site site, List<Instrument> own, String ownLabel) {
		List<String> parts = new ArrayList<>();
		if (site != null && !site.eIsProxy() && !site.getInstruments().isEmpty()) {
			parts.add("site " + EquipmentFigures.safe(site.getName()) + ": " + list(site.getInstruments()));
		}
		if (!own.isEmpty()) {
			parts.add(ownLabel + ": " + list(own));
		}
		String residual = site == null || site.eIsProxy() || site.getResidual() == null ? null : site.getResidual().getName();
		if (parts.isEmpty() && residual == null) {
			return;
		}
		scene.legend("Market-based supply: " + String.join("; ", parts)
				+ (residual == null ? "" : (parts.isEmpty() ? "" : "; ") + "residual mix " + residual));
	}

	private static String list(List<Instrument> instruments) {
		List<String> texts = new ArrayList<>();
		for (Instrument i : instruments) {
			String kind = i instanceof Generation g && g.getKind() != null ? g.getKind().getLiteral()
					: i instanceof Contract c && c.getKind() != null ? c.getKind().getLiteral()
					: i instanceof Certificate ? "certificate" : "instrument";
			String amount = Quantities.format(i.getAmount());
			if (amount == null && i instanceof Contract c && Quantities.format(c.getShare()) != null) {
				amount = "share " + Quantities.format(c.getShare());
			}
			texts.add(kind + " " + EquipmentFigures.safe(i.getName()) + (amount == null ? "" : " " + amount));
		}
		return String.join(", ", texts);
	}
}
