package org.zerocarbon.lang.parser;

import org.antlr.runtime.TokenSource;
import org.eclipse.xtext.parser.antlr.XtextTokenStream;
import org.zerocarbon.lang.parser.antlr.ZcParser;

/**
 * The generated parser, reading the lexer's tokens through {@link SpacedUnitTokenSource}: a unit written with a
 * space is one error instead of a cascade.
 */
public class ZcTolerantParser extends ZcParser {

	@Override
	protected XtextTokenStream createTokenStream(TokenSource tokenSource) {
		return super.createTokenStream(new SpacedUnitTokenSource(tokenSource));
	}
}
