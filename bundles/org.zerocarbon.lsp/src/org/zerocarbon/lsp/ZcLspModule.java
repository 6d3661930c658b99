package org.zerocarbon.lsp;

import org.eclipse.xtext.generator.IShouldGenerate;
import org.eclipse.xtext.ide.editor.syntaxcoloring.ISemanticHighlightingCalculator;
import org.eclipse.xtext.ide.server.ILanguageServerExtension;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2;
import org.eclipse.xtext.ide.server.codeActions.QuickFixCodeActionService;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.ide.server.hover.IHoverService;

import com.google.inject.AbstractModule;

/**
 * The language's bindings that only the language server needs, mixed into the runtime and IDE modules: the
 * footprint code lenses, the quick fixes as code actions, the factor hover, semantic tokens and the server extension ({@code zerocarbon/report}).
 */
public class ZcLspModule extends AbstractModule {

	private final ReportRunner reports;

	/** @param reports writes reports for {@code zerocarbon/report}; null when the server has none */
	public ZcLspModule(ReportRunner reports) {
		this.reports = reports;
	}

	@Override
	protected void configure() {
		bind(ICodeLensService.class).to(FootprintLenses.class);
		// the quick fixes (ZcQuickfixProvider, bound by the IDE module) as code actions
		bind(ICodeActionService2.class).to(QuickFixCodeActionService.class);
		bind(IHoverService.class).to(FactorHover.class);
		bind(ISemanticHighlightingCalculator.class).to(ZcSemanticTokens.class);
		bind(ILanguageServerExtension.class).to(ZcServerExtension.class);
		// The language generates nothing, and Xtext's default (OnlyWithoutErrors) validates every built file a
		// second time to decide whether to run the no-op generator: half of a keystroke's validation.
		bind(IShouldGenerate.class).toInstance((resource, cancel) -> false);
		if (reports != null) {
			bind(ReportRunner.class).toInstance(reports);
		}
	}
}
