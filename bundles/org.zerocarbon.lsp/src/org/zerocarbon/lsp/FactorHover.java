package org.zerocarbon.lsp;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.hover.HoverService;
import org.zerocarbon.lang.ide.KeyFigures;
import org.zerocarbon.model.zc.EmissionFactor;

/**
 * Hovers: on a factor (its reference or its declaration) its value, source, licence, year and region, the facts a
 * reviewer checks before trusting a figure; on other elements their key figure (as the outline's detail shows it)
 * and documentation comment.
 */
public class FactorHover extends HoverService {

	@Override
	public String getContents(EObject element) {
		String documentation = super.getContents(element);
		if (element instanceof EmissionFactor factor) {
			return factor(factor) + (documentation == null || documentation.isBlank() ? "" : "\n\n" + documentation);
		}
		String figure = KeyFigures.of(element);
		if (figure == null) {
			return documentation;
		}
		return "`" + figure + "`" + (documentation == null || documentation.isBlank() ? "" : "\n\n" + documentation);
	}

	/** Markdown: "**CN_2023** grid factor `582 gCO2e/kWh`", then source, licence, year, region, caveat and URL. */
	static String factor(EmissionFactor factor) {
		StringBuilder text = new StringBuilder("**").append(factor.getName()).append("** ").append(factor.getKind().getLiteral())
				.append(" factor `").append(valueOf(factor)).append('`');
		line(text, "Source", factor.getSource());
		line(text, "Licence", factor.getLicence());
		if (factor.getYear() != 0) {
			line(text, "Year", Integer.toString(factor.getYear()));
		}
		line(text, "Region", factor.getRegion());
		line(text, "Caveat", factor.getCaveat());
		line(text, "URL", factor.getUrl());
		if (factor.getSource() == null) {
			text.append("\n\n*No source given: a reviewer cannot check this figure.*");
		}
		return text.toString();
	}

	private static String valueOf(EmissionFactor factor) {
		if (factor.getValue() == null || factor.getValue().getValue() == null) {
			return "?";
		}
		return factor.getValue().getValue().toPlainString() + (factor.getValue().getUnit() == null ? "" : " " + factor.getValue().getUnit());
	}

	private static void line(StringBuilder text, String label, String value) {
		if (value != null && !value.isBlank()) {
			text.append("\n\n").append(label).append(": ").append(value);
		}
	}
}
