package org.zerocarbon.lsp;

import org.eclipse.xtext.ide.server.ILanguageServerExtension;
import org.eclipse.xtext.ide.server.codelens.ICodeLensService;
import org.eclipse.xtext.ide.server.hover.IHoverService;

import com.google.inject.AbstractModule;

/**
 * The language's bindings that only the language server needs, mixed into the runtime and IDE modules: the
 * footprint code lenses, the factor hover and the server extension ({@code zerocarbon/report}).
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
		bind(IHoverService.class).to(FactorHover.class);
		bind(ILanguageServerExtension.class).to(ZcServerExtension.class);
		if (reports != null) {
			bind(ReportRunner.class).toInstance(reports);
		}
	}
}
