package org.zerocarbon.lang.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.zerocarbon.lang.ide.contentassist.ZcIdeContentProposalProvider;
import org.zerocarbon.lang.ide.quickfix.ZcQuickfixProvider;

/**
 * Guice bindings of the generic IDE services (content assist, quick fixes ...), used by the workbench editor and
 * by a language server alike.
 */
public class ZcIdeModule extends AbstractZcIdeModule {

	public Class<? extends IdeContentProposalProvider> bindIdeContentProposalProvider() {
		return ZcIdeContentProposalProvider.class;
	}

	public Class<? extends IQuickFixProvider> bindIQuickFixProvider() {
		return ZcQuickfixProvider.class;
	}
}
