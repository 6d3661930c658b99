package org.zerocarbon.lang.linking;

import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.diagnostics.DiagnosticMessage;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.linking.impl.LinkingDiagnosticMessageProvider;
import org.zerocarbon.model.zc.ParameterSetting;
import org.zerocarbon.model.zc.ZcPackage;
import org.zerocarbon.units.ZcUnits;

/**
 * Unresolved names in the language's words. A parameter name that is really a unit ({@code rated kW}: the number
 * is missing) says so; a scenario setting an unknown parameter says which scenario.
 */
public class ZcLinkingDiagnosticMessageProvider extends LinkingDiagnosticMessageProvider {

	@Override
	public DiagnosticMessage getUnresolvedProxyMessage(ILinkingDiagnosticContext context) {
		if (context.getReference().getEReferenceType() == ZcPackage.Literals.PARAMETER) {
			String name = context.getLinkText();
			String message;
			if (ZcUnits.tryParse(name).isPresent() && !(context.getContext() instanceof ParameterSetting)) {
				message = "'" + name + "' is a unit, not a parameter: the number is missing (for example 11 " + name + ")";
			} else if (context.getContext() instanceof ParameterSetting setting && setting.eContainer() instanceof org.zerocarbon.model.zc.Scenario s) {
				message = "Scenario " + s.getName() + " sets '" + name + "', but no parameter of that name exists: declare it with "
						+ "'parameter " + name + " = …' or write its qualified name (Line.Parameter)";
			} else {
				message = "Unknown parameter '" + name + "': declare it with 'parameter " + name + " = …' in this file, its line, machine or park, "
						+ "or write its qualified name";
			}
			return new DiagnosticMessage(message, Severity.ERROR, Diagnostic.LINKING_DIAGNOSTIC);
		}
		return super.getUnresolvedProxyMessage(context);
	}
}
