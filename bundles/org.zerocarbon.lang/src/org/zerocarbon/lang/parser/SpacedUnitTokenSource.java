package org.zerocarbon.lang.parser;

import java.util.ArrayList;
import java.util.List;

import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.antlr.runtime.TokenSource;
import org.zerocarbon.lang.parser.antlr.internal.InternalZcLexer;

/**
 * The lexer's tokens, with one repair: a unit written with a space after a number ({@code 582 g CO2e/kWh}) becomes
 * one name token {@code g CO2e}, so that the parser reads the whole unit and the rest of the file as it was meant
 * instead of a cascade of errors. The unit's value converter then reports the space as one error
 * ({@link ZcSyntaxErrorMessageProvider#UNIT_WITH_SPACE}).
 * <p>
 * Only the shape {@code number name name/...} (or {@code *}) on one line is joined: a name directly after a
 * number's unit followed by a unit operator is never valid otherwise, so correct files lex exactly as before.
 */
final class SpacedUnitTokenSource implements TokenSource {

	private final TokenSource source;
	/** Tokens read ahead of the parser. */
	private final List<Token> ahead = new ArrayList<>();
	/** Type of the last token handed out that is not whitespace or a comment. */
	private int lastVisible = Token.INVALID_TOKEN_TYPE;

	SpacedUnitTokenSource(TokenSource source) {
		this.source = source;
	}

	@Override
	public Token nextToken() {
		Token token = peek(0);
		ahead.remove(0);
		if (token.getType() == InternalZcLexer.RULE_ID && isNumber(lastVisible) && token instanceof CommonToken first) {
			Token space = peek(0);
			Token second = peek(1);
			Token operator = peek(2);
			if (space.getType() == InternalZcLexer.RULE_WS && !space.getText().contains("\n") && !space.getText().contains("\r")
					&& second.getType() == InternalZcLexer.RULE_ID && second instanceof CommonToken last
					&& ("/".equals(operator.getText()) || "*".equals(operator.getText()))) {
				ahead.remove(0);
				ahead.remove(0);
				CommonToken joined = new CommonToken(first);
				joined.setStopIndex(last.getStopIndex());
				joined.setText(first.getText() + space.getText() + last.getText());
				token = joined;
			}
		}
		if (!isHidden(token.getType())) {
			lastVisible = token.getType();
		}
		return token;
	}

	private Token peek(int index) {
		while (ahead.size() <= index) {
			ahead.add(source.nextToken());
		}
		return ahead.get(index);
	}

	private static boolean isNumber(int type) {
		return type == InternalZcLexer.RULE_INT || type == InternalZcLexer.RULE_EXPONENT_NUMBER;
	}

	private static boolean isHidden(int type) {
		return type == InternalZcLexer.RULE_WS || type == InternalZcLexer.RULE_SL_COMMENT || type == InternalZcLexer.RULE_ML_COMMENT;
	}

	@Override
	public String getSourceName() {
		return source.getSourceName();
	}
}
