package org.zerocarbon.lang.formatting2;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.Alternatives;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.UnorderedGroup;
import org.eclipse.xtext.formatting2.AbstractFormatter2;
import org.eclipse.xtext.formatting2.IFormattableDocument;
import org.eclipse.xtext.formatting2.regionaccess.IEObjectRegion;
import org.eclipse.xtext.formatting2.regionaccess.ISemanticRegion;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.xbase.lib.Pair;
import org.zerocarbon.lang.services.ZcGrammarAccess;
import org.zerocarbon.model.zc.Import;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;

/**
 * The formatter ({@code IFormatter2}). The layout follows the grammar, so new constructs are formatted without
 * new code: every statement inside braces starts on its own line (at most one blank line is kept), the block
 * content is indented by one tab, tokens on a line are separated by one space, and top-level elements are
 * separated by a blank line. "Statements" are found in the grammar: in a rule's {@code '{' ... '}'} group,
 * each keyword-led group and each assignment of a contained element.
 */
public class ZcFormatter extends AbstractFormatter2 {

	@Inject
	private ZcGrammarAccess grammar;

	private Set<Keyword> statementKeywords;
	private Map<EClass, Set<EStructuralFeature>> statementFeatures;

	@Override
	public void format(Object object, IFormattableDocument document) {
		if (object instanceof ZcModel model) {
			formatModel(model, document);
		} else if (object instanceof EObject eObject) {
			formatElement(eObject, document);
		} else if (object instanceof XtextResource resource) {
			for (EObject root : resource.getContents()) {
				document.format(root);
			}
		}
	}

	private void formatModel(ZcModel model, IFormattableDocument doc) {
		formatTokens(model, doc);
		boolean first = model.getName() == null;
		for (Import anImport : model.getImports()) {
			if (!first) {
				doc.prepend(anImport, it -> it.setNewLines(first(anImport, model) ? 2 : 1, first(anImport, model) ? 2 : 1, 2));
			}
			doc.format(anImport);
			first = false;
		}
		for (EObject element : model.getElements()) {
			if (!first) {
				doc.prepend(element, it -> it.setNewLines(2));
			}
			doc.format(element);
			first = false;
		}
		IEObjectRegion region = textRegionExtensions.regionForEObject(model);
		if (region != null && region.getNextHiddenRegion() != null) {
			doc.set(region.getNextHiddenRegion(), it -> it.setNewLines(1));
		}
	}

	private static boolean first(Import anImport, ZcModel model) {
		return model.getImports().indexOf(anImport) == 0;
	}

	private void formatElement(EObject object, IFormattableDocument doc) {
		formatTokens(object, doc);
		Set<EStructuralFeature> features = featuresOf(object.eClass());
		for (EObject child : object.eContents()) {
			if (features.contains(child.eContainingFeature())) {
				doc.prepend(child, it -> it.setNewLines(1, 1, 2));
			}
			doc.format(child);
		}
	}

	private void formatTokens(EObject object, IFormattableDocument doc) {
		IEObjectRegion region = textRegionExtensions.regionForEObject(object);
		if (region == null) {
			return;
		}
		for (ISemanticRegion token : region.getSemanticRegions()) {
			String text = token.getText();
			switch (text) {
				case "{" -> {
					doc.prepend(token, it -> it.oneSpace());
					doc.append(token, it -> it.setNewLines(1, 1, 2));
				}
				case "}" -> doc.prepend(token, it -> it.setNewLines(1, 1, 2));
				case "." -> {
					doc.prepend(token, it -> it.noSpace());
					doc.append(token, it -> it.noSpace());
				}
				case "(" -> doc.append(token, it -> it.noSpace());
				case ")", "," -> doc.prepend(token, it -> it.noSpace());
				default -> {
					if (token.getGrammarElement() instanceof Keyword keyword && statementKeywords().contains(keyword)) {
						doc.prepend(token, it -> it.setNewLines(1, 1, 2));
					} else if (token.getPreviousSemanticRegion() != null) {
						doc.prepend(token, it -> {
							it.lowPriority();
							it.oneSpace();
						});
					}
				}
			}
		}
		for (Pair<ISemanticRegion, ISemanticRegion> braces : textRegionExtensions.regionFor(object).keywordPairs("{", "}")) {
			doc.interior(braces.getKey(), braces.getValue(), it -> it.indent());
		}
	}

	// ------------------------------------------------------------------------------------------ grammar analysis

	private final Map<EClass, Set<EStructuralFeature>> featuresByClass = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The statement features of a class, including those a rule of a supertype declares (a fragment such as
	 * ExchangeDetails returns Exchange, the supertype of ProcessInput and DirectEmission).
	 */
	private Set<EStructuralFeature> featuresOf(EClass type) {
		return featuresByClass.computeIfAbsent(type, t -> {
			Set<EStructuralFeature> result = new HashSet<>();
			statementFeatures().forEach((declaring, features) -> {
				if (declaring.isSuperTypeOf(t)) {
					result.addAll(features);
				}
			});
			return result;
		});
	}

	private Set<Keyword> statementKeywords() {
		if (statementKeywords == null) {
			analyseGrammar();
		}
		return statementKeywords;
	}

	private Map<EClass, Set<EStructuralFeature>> statementFeatures() {
		if (statementFeatures == null) {
			analyseGrammar();
		}
		return statementFeatures;
	}

	private synchronized void analyseGrammar() {
		Set<Keyword> keywords = new HashSet<>();
		Map<EClass, Set<EStructuralFeature>> features = new HashMap<>();
		for (AbstractRule rule : grammar.getGrammar().getRules()) {
			if (!(rule instanceof ParserRule parserRule) || !(rule.getType().getClassifier() instanceof EClass type)) {
				continue;
			}
			for (Group group : groupsOf(parserRule)) {
				List<AbstractElement> elements = group.getElements();
				int open = indexOfKeyword(elements, "{");
				int close = indexOfKeyword(elements, "}");
				if (open < 0 || close < open) {
					continue;
				}
				for (int i = open + 1; i < close; i++) {
					// An assignment right after a keyword is that keyword's argument ('check' condition=Expression).
					if (!(elements.get(i) instanceof Assignment && elements.get(i - 1) instanceof Keyword keyword && !"{".equals(keyword.getValue()))) {
						collect(elements.get(i), type, keywords, features);
					}
				}
			}
		}
		statementFeatures = features;
		statementKeywords = keywords;
	}

	private static List<Group> groupsOf(ParserRule rule) {
		List<Group> groups = new java.util.ArrayList<>(EcoreUtil2.eAllOfType(rule.getAlternatives(), Group.class));
		if (rule.getAlternatives() instanceof Group group) {
			groups.add(group);
		}
		return groups;
	}

	private static int indexOfKeyword(List<AbstractElement> elements, String value) {
		for (int i = 0; i < elements.size(); i++) {
			if (elements.get(i) instanceof Keyword keyword && value.equals(keyword.getValue())) {
				return i;
			}
		}
		return -1;
	}

	/** A statement is a keyword, a keyword-led group, or the assignment of a contained element. */
	private static void collect(AbstractElement element, EClass type, Set<Keyword> keywords, Map<EClass, Set<EStructuralFeature>> features) {
		if (element instanceof Keyword keyword) {
			keywords.add(keyword);
		} else if (element instanceof Group group && !group.getElements().isEmpty()) {
			collect(group.getElements().get(0), type, keywords, features);
			// Several keyword-led statements in one group: ('declared' declared=Quantity ('epd' epd=STRING)?)
			// keeps 'epd' on the line; only the first element starts a statement.
		} else if (element instanceof UnorderedGroup || element instanceof Alternatives) {
			for (EObject child : element.eContents()) {
				if (child instanceof AbstractElement nested) {
					collect(nested, type, keywords, features);
				}
			}
		} else if (element instanceof Assignment assignment) {
			EStructuralFeature feature = type.getEStructuralFeature(assignment.getFeature());
			if (feature instanceof EReference reference && reference.isContainment()) {
				features.computeIfAbsent(type, t -> new HashSet<>()).add(feature);
			}
		}
	}
}
