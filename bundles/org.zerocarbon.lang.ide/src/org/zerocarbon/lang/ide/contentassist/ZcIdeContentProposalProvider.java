package org.zerocarbon.lang.ide.contentassist;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IIdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.zerocarbon.lang.resource.ZcResourceDescriptionStrategy;
import org.zerocarbon.lang.services.ZcGrammarAccess;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.lang.units.ExpectedKinds.Expectation;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.ZcUnits;

import com.google.common.base.Predicate;
import com.google.inject.Inject;

/**
 * Content assist beyond keywords and references: after a number it proposes the units of the kind the feature
 * expects (after {@code rated 15} the powers: W, kW, MW ...), and factor references list only factors of the kind
 * the reference needs (a material factor for a material, a grid factor for a site), and processes where a provider
 * (a factor or a process) is referenced.
 */
public class ZcIdeContentProposalProvider extends IdeContentProposalProvider {

	@Inject
	private ZcGrammarAccess grammar;

	@Override
	protected void _createProposals(Assignment assignment, ContentAssistContext context, IIdeContentProposalAcceptor acceptor) {
		if (assignment == grammar.getLiteralQuantityAccess().getUnitAssignment_1()) {
			// Above keywords and references (Xtext's defaults are a few hundred), best unit first.
			int priority = 1000;
			for (String unit : unitsFor(context.getCurrentModel())) {
				ContentAssistEntry entry = getProposalCreator().createProposal(unit, context);
				if (entry != null) {
					entry.setKind(ContentAssistEntry.KIND_UNIT);
					acceptor.accept(entry, priority--);
				}
			}
			return;
		}
		super._createProposals(assignment, context, acceptor);
	}

	/** The unit symbols to propose where a quantity's unit is written, best first. */
	public static List<String> unitsFor(EObject model) {
		Optional<Expectation> expected = model instanceof Quantity quantity ? ExpectedKinds.of(quantity) : Optional.empty();
		Set<String> units = new LinkedHashSet<>();
		if (expected.isPresent()) {
			units.addAll(expected.get().symbols());
		} else {
			units.addAll(ZcUnits.symbols());
		}
		return new ArrayList<>(units);
	}

	@Override
	protected Predicate<IEObjectDescription> getCrossrefFilter(CrossReference reference, ContentAssistContext context) {
		Predicate<IEObjectDescription> filter = super.getCrossrefFilter(reference, context);
		EReference feature = GrammarUtil.getReference(reference);
		FactorKind kind = factorKindFor(feature);
		if (kind == null) {
			return filter;
		}
		return description -> filter.apply(description) && fits(description, kind);
	}

	/**
	 * Whether an indexed element fits a reference that needs a factor of a kind: a factor of that kind, or (where a
	 * provider is referenced) a process, which can be used wherever a factor is.
	 */
	public static boolean fits(IEObjectDescription description, FactorKind kind) {
		return kind.getLiteral().equals(ZcResourceDescriptionStrategy.factorKind(description))
				|| Literals.PROCESS.isSuperTypeOf(description.getEClass());
	}

	/** The factor kind a reference needs, or null when any factor (or no factor) fits. */
	public static FactorKind factorKindFor(EReference reference) {
		if (reference == Literals.SITE__GRID) {
			return FactorKind.GRID;
		}
		if (reference == Literals.SITE__RESIDUAL) {
			return FactorKind.RESIDUAL;
		}
		if (reference == Literals.FUEL__FACTOR) {
			return FactorKind.FUEL;
		}
		if (reference == Literals.REFRIGERANT__FACTOR) {
			return FactorKind.REFRIGERANT;
		}
		if (reference == Literals.MATERIAL_USE__FACTOR || reference == Literals.CONSUMABLE__FACTOR) {
			return FactorKind.MATERIAL;
		}
		if (reference == Literals.TRANSPORT__FACTOR) {
			return FactorKind.TRANSPORT;
		}
		if (reference == Literals.CREDIT__FACTOR) {
			return FactorKind.CREDIT;
		}
		return null;
	}
}
