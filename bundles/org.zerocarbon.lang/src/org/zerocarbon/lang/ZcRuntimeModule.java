package org.zerocarbon.lang;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.scoping.IScopeProvider;
import org.eclipse.xtext.scoping.impl.AbstractDeclarativeScopeProvider;
import org.zerocarbon.lang.scoping.ZcImportedNamespaceAwareLocalScopeProvider;

import com.google.inject.Binder;
import com.google.inject.name.Names;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.resource.IDefaultResourceDescriptionStrategy;
import org.zerocarbon.lang.conversion.ZcValueConverters;
import org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider;
import org.eclipse.xtext.parser.antlr.ISyntaxErrorMessageProvider;
import org.zerocarbon.lang.naming.ZcQualifiedNameProvider;
import org.zerocarbon.lang.resource.ZcResourceDescriptionStrategy;

/**
 * Guice bindings of the ZeroCarbon language at run time (no Equinox extension registry needed).
 */
public class ZcRuntimeModule extends AbstractZcRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return ZcValueConverters.class;
	}

	/** The generated parser reading a unit written with a space as one token (one error, no cascade). */
	@Override
	public Class<? extends org.eclipse.xtext.parser.IParser> bindIParser() {
		return org.zerocarbon.lang.parser.ZcTolerantParser.class;
	}

	/** Syntax errors placed where they belong (a block not opened: on the statement, not the next line). */
	public Class<? extends org.eclipse.xtext.validation.IDiagnosticConverter> bindIDiagnosticConverter() {
		return org.zerocarbon.lang.parser.ZcDiagnosticConverter.class;
	}

	public Class<? extends ISyntaxErrorMessageProvider> bindISyntaxErrorMessageProvider() {
		return ZcSyntaxErrorMessageProvider.class;
	}

	@Override
	public void configureIScopeProviderDelegate(Binder binder) {
		binder.bind(IScopeProvider.class).annotatedWith(Names.named(AbstractDeclarativeScopeProvider.NAMED_DELEGATE))
				.to(ZcImportedNamespaceAwareLocalScopeProvider.class);
	}

	public Class<? extends org.eclipse.xtext.linking.ILinkingDiagnosticMessageProvider> bindILinkingDiagnosticMessageProvider() {
		return org.zerocarbon.lang.linking.ZcLinkingDiagnosticMessageProvider.class;
	}

	public Class<? extends IDefaultResourceDescriptionStrategy> bindIDefaultResourceDescriptionStrategy() {
		return ZcResourceDescriptionStrategy.class;
	}

	@Override
	public Class<? extends IQualifiedNameProvider> bindIQualifiedNameProvider() {
		return ZcQualifiedNameProvider.class;
	}
}
