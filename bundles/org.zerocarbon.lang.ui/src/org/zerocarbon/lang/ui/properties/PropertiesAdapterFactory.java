package org.zerocarbon.lang.ui.properties;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.emf.common.util.URI;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.zerocarbon.lang.ui.ZcEditor;
import org.zerocarbon.lang.ui.edit.ModelElementRef;
import org.zerocarbon.lang.ui.internal.Analysis.OutlineNode;
import org.zerocarbon.lang.ui.internal.ModelSession;

/**
 * Connects the ZeroCarbon editor to the Properties view (registered in plugin.xml): the editor gets a
 * {@link ModelPropertySheetPage}, and the outline's nodes are model elements.
 */
public final class PropertiesAdapterFactory implements IAdapterFactory {

	@Override
	public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
		if (adapterType == IPropertySheetPage.class && adaptable instanceof ZcEditor) {
			return adapterType.cast(new ModelPropertySheetPage());
		}
		if (adapterType == ModelElementRef.class && adaptable instanceof OutlineNode node) {
			URI uri = URI.createURI(node.uri());
			IFile file = ModelSession.fileOf(uri.trimFragment());
			return file == null ? null : adapterType.cast(new ModelElementRef(file, uri.fragment(), node.kind(), node.label()));
		}
		return null;
	}

	@Override
	public Class<?>[] getAdapterList() {
		return new Class<?>[] { IPropertySheetPage.class, ModelElementRef.class };
	}
}
