package org.zerocarbon.lang.parser;

import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.zerocarbon.lang.conversion.ZcValueConverters.NumberOutOfRangeException;
import org.zerocarbon.lang.validation.ZcIssueCodes;

/** Parser messages in the language's own words. */
public class ZcSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	/** A number beyond the exponent bound is a {@code numberOutOfRange} error, like one beyond double precision. */
	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		if (context.getValueConverterException() instanceof NumberOutOfRangeException e) {
			return new SyntaxErrorMessage(e.getMessage(), ZcIssueCodes.NUMBER_OUT_OF_RANGE);
		}
		return super.getSyntaxErrorMessage(context);
	}
}
