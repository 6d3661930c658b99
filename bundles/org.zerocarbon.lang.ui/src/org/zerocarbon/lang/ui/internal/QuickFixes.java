package org.zerocarbon.lang.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.resource.EObjectAtOffsetHelper;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.util.TextRegion;
import org.eclipse.xtext.validation.Issue;
import org.zerocarbon.lang.ui.internal.Analysis.QuickFix;

import com.google.inject.Binding;
import com.google.inject.Key;

/**
 * Asks the language's {@link IQuickFixProvider} (bound in the IDE module, if the language has one) for the fixes
 * of each issue. Offering a fix is cheap (a label); computing its edits happens only when the user picks it.
 * Language thread only.
 */
public final class QuickFixes {

	/** A picked fix, turned into edits on the language thread. */
	public interface Applicable {
		/**
		 * Computes the fix's edits. Language thread.
		 *
		 * @return the edits, or {@code null} when the document changed since the fix was offered
		 */
		TextChanges compute();
	}

	private final ModelSession.Snapshot snapshot;
	private final IQuickFixProvider provider;
	private final Document document;

	QuickFixes(ModelSession.Snapshot snapshot) {
		this.snapshot = snapshot;
		Binding<IQuickFixProvider> binding = snapshot.injector().getExistingBinding(Key.get(IQuickFixProvider.class));
		this.provider = binding == null ? null : binding.getProvider().get();
		this.document = snapshot.ideDocument();
	}

	/** Whether the language offers quick fixes at all. */
	public static boolean available(com.google.inject.Injector injector) {
		return injector.getExistingBinding(Key.get(IQuickFixProvider.class)) != null;
	}

	List<QuickFix> fixesFor(Issue issue) {
		List<QuickFix> result = new ArrayList<>(linkingFixes(issue));
		if (provider == null || issue.getCode() == null) {
			return List.copyOf(result);
		}
		Diagnostic diagnostic = toDiagnostic(issue);
		if (!provider.handlesDiagnostic(diagnostic)) {
			return List.copyOf(result);
		}
		ICodeActionService2.Options options = new ICodeActionService2.Options();
		options.setDocument(document);
		options.setResource(snapshot.resource());
		options.setURI(snapshot.resource().getURI().toString());
		options.setLanguageServerAccess(new SessionServerAccess(snapshot));
		options.setCancelIndicator(snapshot.outdated());
		CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(options.getURI()),
				diagnostic.getRange(), new CodeActionContext(List.of(diagnostic)));
		options.setCodeActionParams(params);
		for (DiagnosticResolution resolution : provider.getResolutions(options, diagnostic)) {
			if (result.stream().anyMatch(fix -> fix.label().equals(resolution.getLabel()))) {
				continue; // the same change, already offered for the unresolved reference
			}
			result.add(new QuickFix(resolution.getLabel(), () -> {
				if (snapshot.session().documentVersion() != snapshot.version()) {
					return null;
				}
				WorkspaceEdit edit = resolution.apply();
				return TextChanges.of(edit, snapshot);
			}));
		}
		return List.copyOf(result);
	}

	/**
	 * For an unresolved reference, "Change 'Y' to 'X'" for the most similar names in scope, as Xtext's Eclipse
	 * editor offers for every language (a fix of the language's provider with the same label is not offered again). Uses only the scope provider, so it works for every cross-reference of the
	 * grammar, and whatever the language's own quick-fix provider adds comes on top.
	 */
	private List<QuickFix> linkingFixes(Issue issue) {
		if (!org.eclipse.xtext.diagnostics.Diagnostic.LINKING_DIAGNOSTIC.equals(issue.getCode())) {
			return List.of();
		}
		XtextResource resource = snapshot.resource();
		INode node = snapshot.injector().getInstance(EObjectAtOffsetHelper.class).getCrossReferenceNode(resource,
				new TextRegion(issue.getOffset(), issue.getLength()));
		if (node == null || !(node.getGrammarElement() instanceof CrossReference crossReference)) {
			return List.of();
		}
		EReference reference = GrammarUtil.getReference(crossReference);
		EObject context = NodeModelUtils.findActualSemanticObjectFor(node);
		if (reference == null || context == null) {
			return List.of();
		}
		String written = NodeModelUtils.getTokenText(node);
		IQualifiedNameConverter names = snapshot.injector().getInstance(IQualifiedNameConverter.class);
		IScope scope = snapshot.injector().getInstance(IScopeProvider.class).getScope(context, reference);
		record Candidate(String name, int distance) {
		}
		List<Candidate> candidates = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (IEObjectDescription description : scope.getAllElements()) {
			String name = names.toString(description.getName());
			if (!seen.add(name)) {
				continue;
			}
			int distance = Math.min(distance(written, name), distance(written, description.getName().getLastSegment()));
			if (distance <= Math.max(2, written.length() / 3)) {
				candidates.add(new Candidate(name, distance));
			}
		}
		candidates.sort(java.util.Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
		List<QuickFix> fixes = new ArrayList<>();
		for (Candidate candidate : candidates.subList(0, Math.min(5, candidates.size()))) {
			fixes.add(new QuickFix("Change '" + written + "' to '" + candidate.name() + "'", () -> {
				if (snapshot.session().documentVersion() != snapshot.version()) {
					return null;
				}
				return TextChanges.forEditedFile(snapshot, List.of(new TextChanges.Replacement(node.getOffset(),
						node.getLength(), candidate.name())));
			}));
		}
		return fixes;
	}

	/** Case-insensitive Levenshtein distance. */
	static int distance(String a, String b) {
		String x = a.toLowerCase(java.util.Locale.ROOT);
		String y = b.toLowerCase(java.util.Locale.ROOT);
		int[] previous = new int[y.length() + 1];
		int[] current = new int[y.length() + 1];
		for (int j = 0; j <= y.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= x.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= y.length(); j++) {
				int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[y.length()];
	}

	private Diagnostic toDiagnostic(Issue issue) {
		Diagnostic diagnostic = new Diagnostic();
		diagnostic.setCode(Either.forLeft(issue.getCode()));
		diagnostic.setMessage(issue.getMessage());
		diagnostic.setSeverity(switch (issue.getSeverity()) {
			case ERROR -> DiagnosticSeverity.Error;
			case WARNING -> DiagnosticSeverity.Warning;
			case INFO -> DiagnosticSeverity.Information;
			default -> DiagnosticSeverity.Hint;
		});
		int offset = Math.min(issue.getOffset(), snapshot.text().length());
		int end = Math.min(offset + issue.getLength(), snapshot.text().length());
		diagnostic.setRange(new Range(document.getPosition(offset), document.getPosition(end)));
		// The Xtext language server passes the issue data the same way; fixes read it back from here.
		diagnostic.setData(issue.getData());
		return diagnostic;
	}
}
