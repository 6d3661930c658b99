package org.zerocarbon.lang.ide;

import org.eclipse.xtext.ide.editor.contentassist.IdeContentProposalProvider;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.serializer.hooks.IReferenceUpdater;
import org.eclipse.xtext.ide.server.symbol.DocumentSymbolMapper;
import org.eclipse.xtext.ide.serializer.impl.PartialSerializer;
import org.zerocarbon.lang.ide.contentassist.ZcIdeContentProposalProvider;
import org.zerocarbon.lang.ide.edit.InPlacePartialSerializer;
import org.zerocarbon.lang.ide.edit.UnsetAwareReferenceUpdater;
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

	/** Model changes (diagram edits, properties, rename) rewrite only the changed parts of an element's text. */
	public Class<? extends PartialSerializer> bindPartialSerializer() {
		return InPlacePartialSerializer.class;
	}

	/** Document symbols (outline) carry the element's key figure as their detail. */
	public Class<? extends DocumentSymbolMapper.DocumentSymbolDetailsProvider> bindDocumentSymbolDetailsProvider() {
		return KeyFigures.class;
	}

	/** Model changes may clear references (the serializer removes them from the text). */
	public Class<? extends IReferenceUpdater> bindIReferenceUpdater() {
		return UnsetAwareReferenceUpdater.class;
	}
}
