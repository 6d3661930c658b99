package org.zerocarbon.lang.ide;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper.DocumentSymbolDetailsProvider;
import org.zerocarbon.model.zc.Certificate;
import org.zerocarbon.model.zc.Contract;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Fuel;
import org.zerocarbon.model.zc.Generation;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.Process;
import org.zerocarbon.model.zc.ProcessEmission;
import org.zerocarbon.model.zc.ProcessInput;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Refrigerant;

/**
 * The key figure of an element, for outlines and document symbols (the symbol's detail): a factor's value, a
 * process's output and inputs, a fuel's annual amount, a refrigerant's charge and leak rate, an instrument's energy.
 */
public class KeyFigures extends DocumentSymbolDetailsProvider {

	@Override
	public String getDetails(EObject object) {
		String figure = of(object);
		return figure == null ? super.getDetails(object) : figure;
	}

	/** The key figure, or null when the element has none worth showing. */
	public static String of(EObject object) {
		if (object instanceof org.zerocarbon.model.zc.Parameter parameter) {
			return parameterValue(parameter);
		}
		if (object instanceof org.zerocarbon.model.zc.Quantity quantity && org.zerocarbon.parameters.ParameterEvaluator.isExpression(quantity)) {
			var value = org.zerocarbon.parameters.ParameterEvaluator.valueOf(quantity);
			return value == null ? "no value: the expression has a problem" : "= " + value;
		}
		if (object instanceof EmissionFactor factor) {
			return factor.getKind().getLiteral() + " " + text(factor.getValue());
		}
		if (object instanceof Process process) {
			List<String> parts = new ArrayList<>();
			parts.add("output " + (process.getOutput() == null ? "?" : text(process.getOutput().getAmount())));
			parts.add(count(process.getInputs().size(), "input"));
			if (!process.getEmissions().isEmpty()) {
				parts.add(count(process.getEmissions().size(), "direct emission"));
			}
			return String.join(", ", parts);
		}
		if (object instanceof Fuel fuel) {
			return text(fuel.getAmount()) + " per year" + ref(fuel.getFactor());
		}
		if (object instanceof Refrigerant refrigerant) {
			return "charge " + text(refrigerant.getCharge()) + ", leaks " + text(refrigerant.getLeakRate()) + " per year"
					+ ref(refrigerant.getFactor());
		}
		if (object instanceof ProcessEmission emission) {
			return text(emission.getAmount()) + " per year" + ref(emission.getFactor());
		}
		if (object instanceof Generation generation) {
			return generation.getKind().getLiteral() + " " + text(generation.getAmount()) + " per year"
					+ (generation.getRate() != null ? " at " + text(generation.getRate()) : ref(generation.getFactor()));
		}
		if (object instanceof Contract contract) {
			return contract.getKind().getLiteral() + " " + (contract.getAmount() != null ? text(contract.getAmount()) + " per year"
					: "share " + text(contract.getShare())) + (contract.getRate() != null ? " at " + text(contract.getRate()) : ref(contract.getFactor()));
		}
		if (object instanceof Certificate certificate) {
			return certificate.getType().getLiteral() + " " + text(certificate.getAmount())
					+ (certificate.getVintage() != 0 ? ", vintage " + certificate.getVintage() : "") + (certificate.isRetired() ? ", retired" : ", not retired");
		}
		return null;
	}

	/** A process input as a line of a hover or outline: "0.55 kWh from ElectricityCN". */
	public static String of(ProcessInput input) {
		Provider provider = input.getProvider();
		return text(input.getAmount()) + " from " + (provider == null || provider.eIsProxy() ? "?" : ((NamedElement) provider).getName());
	}

	/**
	 * A parameter's evaluated value (as the last evaluation left it: the baseline in editors), with its range and
	 * uncertainty: "= 1.8 kW, range 0.8 kW to 2.2 kW".
	 */
	public static String parameterValue(org.zerocarbon.model.zc.Parameter parameter) {
		if (parameter.getValue() == null) {
			return "no value";
		}
		if (org.zerocarbon.parameters.ParameterEvaluator.isExpression(parameter.getValue())) {
			// hovers may come before the validator ran on this version of the text
			org.zerocarbon.parameters.ParameterEvaluator.evaluate(java.util.List.of(parameter.eResource()));
		}
		var value = org.zerocarbon.parameters.ParameterEvaluator.valueOf(parameter.getValue());
		StringBuilder text = new StringBuilder(value == null ? "no value: its expression has a problem" : "= " + value);
		if (parameter.getMin() != null && parameter.getMax() != null) {
			text.append(", range ").append(text(parameter.getMin())).append(" to ").append(text(parameter.getMax()));
		}
		if (parameter.getUncertainty() != null && parameter.getUncertainty().getDistribution() != null) {
			text.append(", ").append(parameter.getUncertainty().getDistribution().getLiteral()).append(" uncertainty");
		}
		return text.toString();
	}

	private static String ref(Provider provider) {
		return provider == null || provider.eIsProxy() ? "" : ", " + ((NamedElement) provider).getName();
	}

	private static String count(int n, String what) {
		return n + " " + what + (n == 1 ? "" : "s");
	}

	private static String text(Quantity quantity) {
		if (quantity == null || quantity.getValue() == null) {
			return "?";
		}
		return quantity.getValue().toPlainString() + (quantity.getUnit() == null ? "" : " " + quantity.getUnit());
	}
}
