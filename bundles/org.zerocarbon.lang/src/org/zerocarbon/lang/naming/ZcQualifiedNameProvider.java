package org.zerocarbon.lang.naming;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.DefaultDeclarativeQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.zerocarbon.model.zc.Provider;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.Variable;

/**
 * Qualified names: package + container names + name (e.g. {@code demo.Cell.VMC1}). Emission factors and processes (providers) are named
 * in their package, without the library name ({@code zc.lib.grid.DE_2023}): a library only groups factors and can
 * be split or renamed without breaking references. Quantified variables of
 * criteria are local to their expression and get no qualified name, so they are neither exported nor checked for
 * uniqueness across a rule-set.
 */
public class ZcQualifiedNameProvider extends DefaultDeclarativeQualifiedNameProvider {

	@Override
	public QualifiedName getFullyQualifiedName(EObject object) {
		if (object instanceof Variable) {
			return null;
		}
		if (object instanceof Provider factor && factor.getName() != null && factor.eContainer() instanceof FactorLibrary library
				&& library.eContainer() != null) {
			QualifiedName packageName = getFullyQualifiedName(library.eContainer());
			return packageName == null ? QualifiedName.create(factor.getName()) : packageName.append(factor.getName());
		}
		return super.getFullyQualifiedName(object);
	}
}
