package org.zerocarbon.lang.scoping;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.scoping.impl.ImportNormalizer;
import org.eclipse.xtext.scoping.impl.ImportedNamespaceAwareLocalScopeProvider;
import org.zerocarbon.model.zc.ZcModel;

/**
 * Imports plus one convention: everything in a file's own package is visible without an import, across files,
 * as in Java. ({@code line Cell { site Plant }} finds {@code housing.Plant} declared in another file of package
 * {@code housing}.)
 */
public class ZcImportedNamespaceAwareLocalScopeProvider extends ImportedNamespaceAwareLocalScopeProvider {

	@Override
	protected List<ImportNormalizer> getImportedNamespaceResolvers(EObject context, boolean ignoreCase) {
		List<ImportNormalizer> resolvers = super.getImportedNamespaceResolvers(context, ignoreCase);
		if (context instanceof ZcModel model && model.getName() != null && !model.getName().isBlank()) {
			List<ImportNormalizer> withPackage = new ArrayList<>(resolvers);
			withPackage.add(new ImportNormalizer(QualifiedName.create(model.getName().split("\\.")), true, ignoreCase));
			return withPackage;
		}
		return resolvers;
	}
}
