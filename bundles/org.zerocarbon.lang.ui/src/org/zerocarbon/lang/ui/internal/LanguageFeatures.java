package org.zerocarbon.lang.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.lsp4j.FormattingOptions;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.xtext.documentation.IEObjectDocumentationProvider;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistContext;
import org.eclipse.xtext.ide.editor.contentassist.ContentAssistEntry;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalAcceptor;
import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.contentassist.antlr.ContentAssistContextFactory;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.formatting.FormattingService;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.ILocationInFileProvider;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.ITextRegion;
import org.eclipse.xtext.util.TextRegion;
import org.zerocarbon.lang.ui.internal.Analysis.Location;
import org.zerocarbon.lang.ui.internal.Analysis.Region;
import org.zerocarbon.lang.ui.internal.TextChanges.Replacement;

import com.google.common.util.concurrent.MoreExecutors;
import com.google.inject.Injector;

/**
 * The editor features that ask Xtext's IDE services on demand (as opposed to after each reconcile): content
 * assist, hover, go to definition and formatting. Every method runs on the language thread against a
 * {@link ModelSession.Snapshot} and returns plain data.
 */
public final class LanguageFeatures {

	/** One content-assist proposal: replace {@code prefixLength} characters before the offset with the text. */
	public record Proposal(String text, String label, String description, String documentation, int prefixLength,
			String kind) {
	}

	/** Hover content: a title, the documentation comment and the element's resolved values. */
	public record HoverInfo(String title, String documentation, List<String[]> values) {
	}

	// The context factory parallelizes over its pool; it already runs on the language thread, so run inline there.
	private static final ExecutorService INLINE = MoreExecutors.newDirectExecutorService();

	private LanguageFeatures() {
	}

	/** Content-assist proposals at an offset, best first (as {@link IdeContentProposalAcceptor} orders them). */
	public static List<Proposal> proposals(ModelSession.Snapshot snapshot, int offset) {
		Injector injector = snapshot.injector();
		int at = Math.min(offset, snapshot.text().length());
		ContentAssistContextFactory factory = injector.getInstance(ContentAssistContextFactory.class);
		factory.setPool(INLINE);
		ContentAssistContext[] contexts = factory.create(snapshot.text(), new TextRegion(at, 0), at,
				snapshot.resource());
		IdeContentProposalAcceptor acceptor = injector.getInstance(IdeContentProposalAcceptor.class);
		injector.getInstance(IdeContentProposalProvider.class).createProposals(Arrays.asList(contexts), acceptor);
		List<Proposal> result = new ArrayList<>();
		for (ContentAssistEntry entry : acceptor.getEntries()) {
			String prefix = entry.getPrefix() == null ? "" : entry.getPrefix();
			String label = entry.getLabel() != null ? entry.getLabel() : entry.getProposal();
			result.add(new Proposal(entry.getProposal(), label, entry.getDescription(), entry.getDocumentation(),
					Math.min(prefix.length(), at), entry.getKind()));
		}
		return result;
	}

	/** Where the element referenced (or declared) at the offset is declared, or {@code null}. */
	public static Location declarationAt(ModelSession.Snapshot snapshot, int offset) {
		EObjectAtOffsetHelper helper = snapshot.injector().getInstance(EObjectAtOffsetHelper.class);
		EObject target = helper.resolveCrossReferencedElementAt(snapshot.resource(), offset);
		if (target == null || target.eIsProxy() || target.eResource() == null) {
			return null;
		}
		ITextRegion region = snapshot.injector().getInstance(ILocationInFileProvider.class)
				.getSignificantTextRegion(target);
		return new Location(target.eResource().getURI(), new Region(region.getOffset(), region.getLength()));
	}

	/** Hover information for the element at the offset (a referenced element, or the one written there). */
	public static HoverInfo hover(ModelSession.Snapshot snapshot, int offset) {
		Injector injector = snapshot.injector();
		EObject element = injector.getInstance(EObjectAtOffsetHelper.class).resolveElementAt(snapshot.resource(),
				offset);
		if (element == null || element.eIsProxy()) {
			return null;
		}
		QualifiedName name = injector.getInstance(IQualifiedNameProvider.class).getFullyQualifiedName(element);
		String figure = org.zerocarbon.lang.ide.KeyFigures.of(element);
		String title = kind(element) + (name == null ? "" : " " + name) + (figure == null ? "" : " (" + figure + ")");
		String documentation = injector.getInstance(IEObjectDocumentationProvider.class).getDocumentation(element);
		List<String[]> values = new ArrayList<>();
		for (EStructuralFeature feature : element.eClass().getEAllStructuralFeatures()) {
			if (feature.isDerived() || feature.isTransient() || !element.eIsSet(feature) || "name".equals(feature.getName())) {
				continue;
			}
			String value = describe(element, feature, injector);
			if (value != null && !value.isBlank()) {
				values.add(new String[] { words(feature.getName()), value });
			}
		}
		if (element.eContainer() != null && name == null && values.isEmpty() && documentation == null) {
			return null;
		}
		return new HoverInfo(title, documentation, values);
	}

	/**
	 * What the user calls an element: the keywords its text starts with ("machine", "grid factor", "state
	 * standby"), otherwise its type in words ("quantity"), never the metamodel's class name.
	 */
	public static String kind(EObject element) {
		ICompositeNode node = NodeModelUtils.getNode(element);
		List<String> keywords = new ArrayList<>();
		if (node != null) {
			for (ILeafNode leaf : node.getLeafNodes()) {
				if (leaf.isHidden()) {
					continue;
				}
				if (keywords.size() == 2 || !isWordKeyword(leaf)) {
					break;
				}
				keywords.add(leaf.getText());
			}
		}
		return keywords.isEmpty() ? words(element.eClass().getName()) : String.join(" ", keywords);
	}

	private static boolean isWordKeyword(ILeafNode leaf) {
		EObject grammar = leaf.getGrammarElement();
		boolean keyword = grammar instanceof Keyword || grammar instanceof EnumLiteralDeclaration
				|| grammar instanceof RuleCall call && call.getRule() instanceof EnumRule;
		return keyword && !leaf.getText().isEmpty() && Character.isLetter(leaf.getText().charAt(0));
	}

	/** "ratedPower" as "rated power", "StateUse" as "state use". */
	static String words(String camelCase) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < camelCase.length(); i++) {
			char c = camelCase.charAt(i);
			if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(camelCase.charAt(i - 1))) {
				text.append(' ');
			}
			text.append(Character.toLowerCase(c));
		}
		return text.toString();
	}

	/** A feature value as the user wrote it (contained values) or by name (references). */
	private static String describe(EObject element, EStructuralFeature feature, Injector injector) {
		Object value = element.eGet(feature);
		if (feature instanceof EAttribute) {
			return String.valueOf(value);
		}
		EReference reference = (EReference) feature;
		List<?> values = reference.isMany() ? (List<?>) value : List.of(value);
		// a process shows every input (what its output is made from), other lists are summarized
		if (reference.isContainment() && values.size() > 3 && !(element instanceof org.zerocarbon.model.zc.Process)) {
			return String.valueOf(values.size());
		}
		List<String> parts = new ArrayList<>();
		for (Object each : values) {
			if (!(each instanceof EObject object)) {
				continue;
			}
			if (reference.isContainment()) {
				ICompositeNode node = NodeModelUtils.getNode(object);
				parts.add(node == null ? kind(object) : NodeModelUtils.getTokenText(node));
			} else if (object.eIsProxy()) {
				parts.add("(unresolved) " + EcoreUtil.getURI(object).fragment());
			} else {
				QualifiedName target = injector.getInstance(IQualifiedNameProvider.class).getFullyQualifiedName(object);
				parts.add(target == null ? kind(object) : target.toString());
			}
		}
		return String.join(", ", parts);
	}

	/**
	 * The formatter's edits for the whole document or a range.
	 *
	 * @param length 0 formats the whole document
	 */
	public static TextChanges format(ModelSession.Snapshot snapshot, int offset, int length, int tabWidth,
			boolean spaces) {
		Document document = snapshot.ideDocument();
		int from = length == 0 ? 0 : offset;
		int to = length == 0 ? snapshot.text().length() : offset + length;
		List<TextEdit> edits = snapshot.injector().getInstance(FormattingService.class).format(snapshot.resource(),
				document, from, to - from, new FormattingOptions(tabWidth, spaces));
		List<Replacement> replacements = new ArrayList<>();
		for (TextEdit edit : edits) {
			int start = document.getOffSet(edit.getRange().getStart());
			int end = document.getOffSet(edit.getRange().getEnd());
			replacements.add(new Replacement(start, end - start, edit.getNewText()));
		}
		return TextChanges.forEditedFile(snapshot, replacements);
	}
}
