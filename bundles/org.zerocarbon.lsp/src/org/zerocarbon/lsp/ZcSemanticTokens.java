package org.zerocarbon.lsp;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.ide.editor.syntaxcoloring.IHighlightedPositionAcceptor;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.NamedElement;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.ZcPackage;

/**
 * Semantic tokens for editors that colour by the language server (Xtext's default calculator marks nothing): a
 * declared name and every reference to it get the token type of what they name (a line or park as a class, a
 * machine as a struct, a factor as a read-only variable, a methodology as a namespace), declarations with the
 * "declaration" modifier; units get the type "type". The ids are LSP token types and modifiers, which Xtext's
 * semantic tokens service encodes.
 */
public class ZcSemanticTokens implements ISemanticHighlightingCalculator {

	@Override
	public void provideHighlightingFor(XtextResource resource, IHighlightedPositionAcceptor acceptor, CancelIndicator cancel) {
		if (resource == null || resource.getParseResult() == null) {
			return;
		}
		for (INode node : resource.getParseResult().getRootNode().getAsTreeIterable()) {
			if (cancel.isCanceled()) {
				return;
			}
			if (node.getGrammarElement() instanceof CrossReference reference && node.getLength() > 0) {
				EObject owner = NodeModelUtils.findActualSemanticObjectFor(node);
				EReference feature = org.eclipse.xtext.GrammarUtil.getReference(reference, owner == null ? null : owner.eClass());
				Object target = owner == null || feature == null || feature.isMany() ? null : owner.eGet(feature, false);
				acceptor.addPosition(node.getOffset(), node.getLength(), type(target instanceof EObject e && !e.eIsProxy() ? e : null));
			}
		}
		for (var contents = resource.getAllContents(); contents.hasNext();) {
			EObject object = contents.next();
			if (object instanceof NamedElement named && named.getName() != null) {
				for (INode name : NodeModelUtils.findNodesForFeature(object, ZcPackage.Literals.NAMED_ELEMENT__NAME)) {
					acceptor.addPosition(name.getOffset(), name.getLength(), type(object), "declaration");
				}
			} else if (object instanceof Quantity) {
				for (INode unit : NodeModelUtils.findNodesForFeature(object, ZcPackage.Literals.QUANTITY__UNIT)) {
					acceptor.addPosition(unit.getOffset(), unit.getLength(), "type");
				}
			}
		}
	}

	private static String type(EObject element) {
		if (element instanceof Line || element instanceof Park) {
			return "class";
		}
		if (element instanceof Machine) {
			return "struct";
		}
		if (element instanceof EmissionFactor) {
			return "variable";
		}
		if (element instanceof Methodology) {
			return "namespace";
		}
		return "property";
	}
}
