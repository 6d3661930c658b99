package org.zerocarbon.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Quantifier;
import org.zerocarbon.model.zc.Variable;
import org.zerocarbon.model.zc.ZcPackage.Literals;

/**
 * Scoping. Most references resolve by qualified name through the index (with imports and the names of enclosing
 * elements, see {@code ImportedNamespaceAwareLocalScopeProvider}). Two are narrowed here:
 * <ul>
 * <li>a meter's component or operation must belong to the meter's own machine;</li>
 * <li>an operation's function must be one of its machine's functions;</li>
 * <li>a shared utility supplies machines of its own line;</li>
 * <li>a path in a criterion starts at a variable of an enclosing quantifier (innermost first).</li>
 * </ul>
 */
public class ZcScopeProvider extends AbstractZcScopeProvider {

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == Literals.METER__COMPONENT || reference == Literals.METER__OPERATION) {
			Machine machine = EcoreUtil2.getContainerOfType(context, Machine.class);
			if (machine != null) {
				return Scopes.scopeFor(reference == Literals.METER__COMPONENT ? machine.getComponents() : machine.getOperations());
			}
		}
		if (reference == Literals.OPERATION__FUNCTION) {
			Machine machine = EcoreUtil2.getContainerOfType(context, Machine.class);
			if (machine != null) {
				return Scopes.scopeFor(machine.getFunctions());
			}
		}
		if (reference == Literals.UTILITY_SUPPLY__MACHINE) {
			Line line = EcoreUtil2.getContainerOfType(context, Line.class);
			if (line != null) {
				return Scopes.scopeFor(line.getMachines());
			}
		}
		if (reference == Literals.PATH_EXPRESSION__VARIABLE) {
			List<Variable> variables = new ArrayList<>();
			for (EObject current = context; current != null; current = current.eContainer()) {
				if (current instanceof Quantifier quantifier && quantifier.getVariable() != null
						&& !EcoreUtil.isAncestor(quantifier.getCollection(), context)) {
					variables.add(quantifier.getVariable());
				}
			}
			return Scopes.scopeFor(variables);
		}
		return super.getScope(context, reference);
	}
}
