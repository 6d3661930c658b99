package org.zerocarbon.lang.ide.quickfix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.ide.editor.quickfix.AbstractDeclarativeIdeQuickfixProvider;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolutionAcceptor;
import org.eclipse.xtext.ide.editor.quickfix.ITextModification;
import org.eclipse.xtext.ide.editor.quickfix.QuickFix;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.zerocarbon.lang.ide.contentassist.ZcIdeContentProposalProvider;
import org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider;
import org.zerocarbon.lang.resource.ZcResourceDescriptionStrategy;
import org.zerocarbon.lang.units.ExpectedKinds;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Quantity;
import org.zerocarbon.model.zc.Site;
import org.zerocarbon.model.zc.Transport;
import org.zerocarbon.model.zc.ZcPackage.Literals;
import org.zerocarbon.units.QuantityKind;
import org.zerocarbon.units.ZcUnits;

import com.google.inject.Inject;

/**
 * Quick fixes for the common mistakes, as text edits through the Xtext IDE services (so they work in the
 * workbench editor and over the language server alike): a unit of the wrong dimension, an unknown or missing unit,
 * a unit written with a space, an unresolved factor, a missing factor, an unknown grid region, a site without grid
 * factor and a credit factor written as a positive value.
 */
public class ZcQuickfixProvider extends AbstractDeclarativeIdeQuickfixProvider {

	/** Xtext's issue code of an unresolved reference. */
	public static final String LINKING = "org.eclipse.xtext.diagnostics.Diagnostic.Linking";

	@Inject
	private IScopeProvider scopeProvider;

	@QuickFix(ZcIssueCodes.WRONG_DIMENSION)
	public void fixWrongDimension(DiagnosticResolutionAcceptor acceptor) {
		// The proposals depend on the quantity, so every slot computes its own; unused slots are not offered.
		replacements(acceptor, 4, "Change the unit", (index, diagnostic, object, document) -> {
			List<String> proposals = dimensionProposals(object, document.getSubstring(diagnostic.getRange()));
			return index < proposals.size() ? proposals.get(index) : null;
		});
	}

	/** Units of the expected kind for a quantity whose unit has the wrong dimension, most likely first. */
	public static List<String> dimensionProposals(EObject object, String wrongUnit) {
		if (!(object instanceof Quantity quantity)) {
			return List.of();
		}
		return ExpectedKinds.of(quantity).map(expected -> {
			List<String> result = new ArrayList<>();
			for (QuantityKind kind : expected.kinds()) {
				for (String symbol : kind.symbols()) {
					if (wrongUnit.startsWith(symbol) && wrongUnit.length() - symbol.length() <= 2
							|| symbol.startsWith(wrongUnit) && symbol.length() - wrongUnit.length() <= 2) {
						result.add(symbol);
					}
				}
			}
			for (QuantityKind kind : expected.kinds()) {
				if (!result.contains(kind.preferredSymbol())) {
					result.add(kind.preferredSymbol());
				}
			}
			for (ExpectedKinds.Other other : expected.others()) {
				if (!result.contains(other.example())) {
					result.add(other.example());
				}
			}
			return result;
		}).orElse(List.of());
	}

	@QuickFix(ZcIssueCodes.UNKNOWN_UNIT)
	public void fixUnknownUnit(DiagnosticResolutionAcceptor acceptor) {
		replacements(acceptor, 1, "Use the known unit", (index, diagnostic, object, document) -> {
			String written = document.getSubstring(diagnostic.getRange());
			for (String symbol : written.split("[*/^]")) {
				if (!symbol.isEmpty() && !ZcUnits.isSymbol(symbol) && !symbol.chars().allMatch(Character::isDigit)) {
					String suggestion = ZcUnits.suggest(symbol);
					return suggestion == null ? null : written.replace(symbol, suggestion);
				}
			}
			return null;
		});
	}

	/** "license": the word is the error's range, replaced by the keyword it is nearest to. */
	@QuickFix(ZcSyntaxErrorMessageProvider.MISSPELT_KEYWORD)
	public void fixMisspeltKeyword(DiagnosticResolutionAcceptor acceptor) {
		replacements(acceptor, 1, "Correct the keyword",
				(index, diagnostic, object, document) -> syntaxMessages.misspeltKeyword(document.getSubstring(diagnostic.getRange()).strip()));
	}

	/** The parser messages' own rule for a misspelt keyword, with the grammar's keywords it has read. */
	@Inject
	private ZcSyntaxErrorMessageProvider syntaxMessages;

	/** "582 g CO2e/kWh": the unit is the error's range, written again without its spaces. */
	@QuickFix(org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider.UNIT_WITH_SPACE)
	public void fixUnitWithSpace(DiagnosticResolutionAcceptor acceptor) {
		replacements(acceptor, 1, "Write the unit without spaces", (index, diagnostic, object, document) -> {
			String written = document.getSubstring(diagnostic.getRange());
			String joined = written.replaceAll("\\s+", "");
			return joined.equals(written) || joined.isEmpty() ? null : joined;
		});
	}

	@QuickFix(ZcIssueCodes.MISSING_UNIT)
	public void fixMissingUnit(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the unit", replaceWith((diagnostic, object, document) -> {
			if (!(object instanceof Quantity quantity)) {
				return null;
			}
			return ExpectedKinds.of(quantity).map(e -> document.getSubstring(diagnostic.getRange()) + " " + e.preferredSymbol())
					.orElse(null);
		}));
	}

	@QuickFix(ZcIssueCodes.STATE_SHARE_NOT_PERCENT)
	public void fixShareNotPercent(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Write the share in %", (ITextModification) (diagnostic, object, document) -> {
			String share = document.getSubstring(diagnostic.getRange());
			String[] parts = share.trim().split("\\s+", 2);
			return List.of(new TextEdit(diagnostic.getRange(), parts[0] + " %"));
		});
	}

	@QuickFix(ZcIssueCodes.CREDIT_SIGN)
	public void fixCreditSign(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Write the credit as a negative value", replaceWith((diagnostic, object, document) -> {
			String value = document.getSubstring(diagnostic.getRange()).trim();
			return value.startsWith("-") || value.isEmpty() ? null : "-" + value;
		}));
	}

	@QuickFix(LINKING)
	public void fixUnresolvedFactor(DiagnosticResolutionAcceptor acceptor) {
		replacements(acceptor, 3, "Use a known factor", (index, diagnostic, object, document) -> {
			EReference reference = unresolvedFactorReference(object);
			if (reference == null) {
				return null;
			}
			String written = document.getSubstring(diagnostic.getRange());
			List<String> names = factorNames(object, reference);
			names.sort(Comparator.comparingInt(name -> ZcUnits.distance(simple(name), written.toLowerCase(Locale.ROOT))));
			return index < names.size() ? shortest(names.get(index), object, reference) : null;
		});
	}

	@QuickFix(ZcIssueCodes.MISSING_FACTOR)
	public void fixMissingFactor(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add a transport factor", replaceWith((diagnostic, object, document) -> {
			Transport transport = EcoreUtil2.getContainerOfType(object, Transport.class);
			if (transport == null) {
				return null;
			}
			List<String> names = factorNames(transport, Literals.TRANSPORT__FACTOR);
			return names.isEmpty() ? null : document.getSubstring(diagnostic.getRange()) + " factor " + names.get(0);
		}));
	}

	@QuickFix(ZcIssueCodes.UNKNOWN_GRID_REGION)
	public void fixUnknownGridRegion(DiagnosticResolutionAcceptor acceptor) {
		replacements(acceptor, 3, "Use a known grid region", (index, diagnostic, object, document) -> {
			List<String> regions = gridRegions(object);
			String written = document.getSubstring(diagnostic.getRange()).replace("\"", "").toLowerCase(Locale.ROOT);
			regions.sort(Comparator.comparingInt(region -> ZcUnits.distance(region.toLowerCase(Locale.ROOT), written)));
			return index < regions.size() ? "\"" + regions.get(index) + "\"" : null;
		});
	}

	@QuickFix(ZcIssueCodes.MISSING_GRID_FACTOR)
	public void fixMissingGridFactor(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add the grid factor of the region", replaceWith((diagnostic, object, document) -> {
			Site site = EcoreUtil2.getContainerOfType(object, Site.class);
			if (site == null || site.getRegion() == null) {
				return null;
			}
			for (IEObjectDescription description : scopeProvider.getScope(site, Literals.SITE__GRID).getAllElements()) {
				if (FactorKind.GRID.getLiteral().equals(ZcResourceDescriptionStrategy.factorKind(description))
						&& site.getRegion().equalsIgnoreCase(ZcResourceDescriptionStrategy.factorRegion(description))) {
					return document.getSubstring(diagnostic.getRange()) + "\n\t\tgrid " + description.getName();
				}
			}
			return null;
		}));
	}

	/**
	 * A line whose machines use electricity on no grid factor (B6 would be 0): add a site of the project (else a site
	 * stub on the first grid factor in scope), or give the line's site a grid factor (when it is in this file).
	 */
	@QuickFix(ZcIssueCodes.USE_STAGE_WITHOUT_GRID)
	public void fixUseStageWithoutGrid(DiagnosticResolutionAcceptor acceptor) {
		acceptor.accept("Add a site with a grid factor", (ITextModification) (diagnostic, object, document) -> {
			Line line = EcoreUtil2.getContainerOfType(object, Line.class);
			if (line == null || line.getSite() != null) {
				return List.of();
			}
			String text = document.getContents();
			int brace = text.indexOf('{', document.getOffSet(diagnostic.getRange().getEnd()));
			if (brace < 0) {
				return List.of();
			}
			List<String> sites = names(line, Literals.LINE__SITE, null);
			String indent = indentOf(text, brace) + "\t";
			TextEdit reference;
			if (!sites.isEmpty()) {
				reference = insert(document, brace + 1, "\n" + indent + "site " + sites.get(0));
				return List.of(reference);
			}
			List<String> grids = names(line, Literals.SITE__GRID, FactorKind.GRID);
			if (grids.isEmpty()) {
				return List.of();
			}
			String site = line.getName() + "Site";
			ICompositeNode node = NodeModelUtils.findActualNodeFor(line);
			String stub = "site " + site + " \"Site of line " + line.getName() + "\" {\n\tgrid " + grids.get(0) + "\n}\n\n";
			// the later edit first: applied one after the other, the offsets of the earlier one stay valid
			return List.of(insert(document, brace + 1, "\n" + indent + "site " + site), insert(document, node.getOffset(), stub));
		});
		acceptor.accept("Add a grid factor to the line's site", (ITextModification) (diagnostic, object, document) -> {
			Line line = EcoreUtil2.getContainerOfType(object, Line.class);
			Site site = line == null ? null : line.getSite();
			if (site == null || site.eIsProxy() || site.getGrid() != null || site.eResource() != line.eResource()) {
				return List.of(); // a site in another file: its own quick fix (missing grid factor) adds it there
			}
			List<String> grids = names(site, Literals.SITE__GRID, FactorKind.GRID);
			List<String> ofRegion = site.getRegion() == null ? List.of() : gridsOfRegion(site);
			String grid = !ofRegion.isEmpty() ? ofRegion.get(0) : grids.isEmpty() ? null : grids.get(0);
			ICompositeNode node = NodeModelUtils.findActualNodeFor(site);
			String text = document.getContents();
			int brace = node == null || grid == null ? -1 : text.indexOf('{', node.getOffset());
			if (brace < 0) {
				return List.of();
			}
			List<INode> regionNodes = NodeModelUtils.findNodesForFeature(site, Literals.SITE__REGION);
			int at = regionNodes.isEmpty() ? brace + 1 : regionNodes.get(0).getEndOffset();
			return List.of(insert(document, at, "\n" + indentOf(text, brace) + "\tgrid " + grid));
		});
	}

	private static TextEdit insert(org.eclipse.xtext.ide.server.Document document, int offset, String text) {
		return new TextEdit(new Range(document.getPosition(offset), document.getPosition(offset)), text);
	}

	/** The leading tabs and blanks of the text line holding an offset. */
	private static String indentOf(String text, int offset) {
		int start = text.lastIndexOf('\n', offset) + 1;
		int end = start;
		while (end < text.length() && (text.charAt(end) == '\t' || text.charAt(end) == ' ')) {
			end++;
		}
		return text.substring(start, end);
	}

	/** The names under which the elements a reference may point to are visible from the context, of a factor kind if given. */
	private List<String> names(EObject context, EReference reference, FactorKind kind) {
		List<String> names = new ArrayList<>();
		for (IEObjectDescription description : scopeProvider.getScope(context, reference).getAllElements()) {
			if (kind == null || kind.getLiteral().equals(ZcResourceDescriptionStrategy.factorKind(description))) {
				String name = description.getName().toString();
				String simple = description.getName().getLastSegment();
				if (!names.contains(name) && !names.contains(simple)) {
					names.add(name);
				}
			}
		}
		names.sort(Comparator.comparingInt(String::length));
		return names;
	}

	private List<String> gridsOfRegion(Site site) {
		List<String> names = new ArrayList<>();
		for (IEObjectDescription description : scopeProvider.getScope(site, Literals.SITE__GRID).getAllElements()) {
			if (FactorKind.GRID.getLiteral().equals(ZcResourceDescriptionStrategy.factorKind(description))
					&& site.getRegion().equalsIgnoreCase(ZcResourceDescriptionStrategy.factorRegion(description))) {
				names.add(description.getName().toString());
			}
		}
		names.sort(Comparator.comparingInt(String::length));
		return names;
	}

	// ------------------------------------------------------------------------------------------ helpers

	/** The request being answered, so that labels can name what a fix writes. */
	private final ThreadLocal<Request> request = new ThreadLocal<>();

	private record Request(Options options, Diagnostic diagnostic) {
	}

	@Override
	public List<DiagnosticResolution> getResolutions(Options options, Diagnostic diagnostic) {
		Request previous = request.get();
		request.set(new Request(options, diagnostic));
		try {
			return super.getResolutions(options, diagnostic);
		} finally {
			request.set(previous);
		}
	}

	/**
	 * Up to {@code count} fixes that replace the diagnostic's range, each labelled with what it writes ("Change 'kWh'
	 * to 'kW'"). A slot without a replacement is not offered. Without a request to look at (never in practice), the
	 * slots are offered under numbered generic labels and may turn out to have no edit.
	 */
	private void replacements(DiagnosticResolutionAcceptor acceptor, int count, String generic, IndexedReplacement replacement) {
		Request current = request.get();
		EObject object = current == null ? null : objectAt(current);
		for (int i = 0; i < count; i++) {
			int index = i;
			Replacement slot = (diagnostic, context, document) -> replacement.compute(index, diagnostic, context, document);
			if (object == null) {
				acceptor.accept(generic + (count == 1 ? "" : " (" + (i + 1) + ")"), replaceWith(slot));
				continue;
			}
			String written;
			String text;
			try {
				written = current.options().getDocument().getSubstring(current.diagnostic().getRange());
				text = slot.compute(current.diagnostic(), object, current.options().getDocument());
			} catch (RuntimeException e) {
				continue; // a stale range: nothing to offer
			}
			if (text != null) {
				acceptor.accept("Change '" + unquoted(written.strip()) + "' to '" + unquoted(text) + "'", replaceWith(slot));
			}
		}
	}

	private static String unquoted(String text) {
		return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
	}

	/** The element the diagnostic is on, as the modification context will find it. */
	private static EObject objectAt(Request current) {
		if (!(current.options().getResource() instanceof XtextResource resource) || resource.getParseResult() == null
				|| current.options().getDocument() == null) {
			return null;
		}
		int offset = current.options().getDocument().getOffSet(current.diagnostic().getRange().getStart());
		INode leaf = NodeModelUtils.findLeafNodeAtOffset(resource.getParseResult().getRootNode(), offset);
		return leaf == null ? null : NodeModelUtils.findActualSemanticObjectFor(leaf);
	}

	@FunctionalInterface
	private interface IndexedReplacement {
		String compute(int index, Diagnostic diagnostic, EObject object, org.eclipse.xtext.ide.server.Document document);
	}

	/** A text modification that replaces the diagnostic's range; a null replacement means "no edit". */
	private static ITextModification replaceWith(Replacement replacement) {
		return (diagnostic, object, document) -> {
			String text = replacement.compute(diagnostic, object, document);
			return text == null ? List.of() : List.of(new TextEdit(diagnostic.getRange(), text));
		};
	}

	@FunctionalInterface
	private interface Replacement {
		String compute(Diagnostic diagnostic, EObject object, org.eclipse.xtext.ide.server.Document document);
	}

	private static EReference unresolvedFactorReference(EObject object) {
		for (EObject current = object; current != null; current = current.eContainer()) {
			for (EReference reference : current.eClass().getEAllReferences()) {
				if (!reference.isContainment() && !reference.isMany()
						&& (reference.getEReferenceType() == Literals.EMISSION_FACTOR || reference.getEReferenceType() == Literals.PROVIDER)
						&& current.eGet(reference, false) instanceof EObject target && target.eIsProxy()) {
					return reference;
				}
			}
		}
		return null;
	}

	private List<String> factorNames(EObject context, EReference reference) {
		FactorKind kind = ZcIdeContentProposalProvider.factorKindFor(reference);
		EObject owner = context;
		while (owner != null && !reference.getEContainingClass().isInstance(owner)) {
			owner = owner.eContainer();
		}
		List<String> names = new ArrayList<>();
		for (IEObjectDescription description : scopeProvider.getScope(owner == null ? context : owner, reference).getAllElements()) {
			if (kind == null || ZcIdeContentProposalProvider.fits(description, kind)) {
				names.add(description.getName().toString());
			}
		}
		return names;
	}

	/** The shortest name under which the factor is visible from the context (the simple name when imported). */
	private String shortest(String qualifiedName, EObject context, EReference reference) {
		String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
		return factorNames(context, reference).contains(simple) ? simple : qualifiedName;
	}

	private static String simple(String qualifiedName) {
		return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
	}

	private List<String> gridRegions(EObject object) {
		Site site = EcoreUtil2.getContainerOfType(object, Site.class);
		List<String> regions = new ArrayList<>();
		if (site == null) {
			return regions;
		}
		for (IEObjectDescription description : scopeProvider.getScope(site, Literals.SITE__GRID).getAllElements()) {
			String region = ZcResourceDescriptionStrategy.factorRegion(description);
			if (region != null && FactorKind.GRID.getLiteral().equals(ZcResourceDescriptionStrategy.factorKind(description))
					&& !regions.contains(region)) {
				regions.add(region);
			}
		}
		return regions;
	}
}
