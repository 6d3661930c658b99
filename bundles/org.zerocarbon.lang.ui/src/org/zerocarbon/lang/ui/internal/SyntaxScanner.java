package org.zerocarbon.lang.ui.internal;

import java.util.Map;

import org.antlr.runtime.ANTLRStringStream;
import org.antlr.runtime.CommonToken;
import org.antlr.runtime.Token;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.rules.IToken;
import org.eclipse.jface.text.rules.ITokenScanner;
import org.eclipse.xtext.ide.editor.syntaxcoloring.HighlightingStyles;
import org.eclipse.xtext.parser.antlr.ITokenDefProvider;
import org.eclipse.xtext.parser.antlr.Lexer;
import org.eclipse.xtext.parser.antlr.LexerBindings;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.name.Names;

/**
 * Lexical colouring with the language's own ANTLR lexer: the token names of the grammar decide the colour
 * (keywords, strings, numbers, comments), so a grammar change needs no change here. Lexing is cheap and local,
 * unlike parsing, so it runs on the UI thread, one damaged region at a time.
 */
final class SyntaxScanner implements ITokenScanner {

	private Lexer lexer;
	private Map<Integer, String> tokenNames;
	private int base;
	private int tokenOffset;
	private int tokenLength;
	private final SingleStyleScanner plain = new SingleStyleScanner(HighlightingStyles.DEFAULT_ID);
	private boolean fallback;

	@Override
	public void setRange(IDocument document, int offset, int length) {
		base = offset;
		fallback = false;
		plain.setRange(document, offset, length);
		Injector injector = LanguageAccess.get().injectorIfReady();
		if (injector == null) {
			// The language is still starting; show plain text now, the editor re-colours once it is ready.
			fallback = true;
			return;
		}
		if (lexer == null) {
			lexer = injector.getInstance(Key.get(Lexer.class, Names.named(LexerBindings.RUNTIME)));
			tokenNames = injector.getInstance(ITokenDefProvider.class).getTokenDefMap();
		}
		try {
			lexer.setCharStream(new ANTLRStringStream(document.get(offset, length)));
		} catch (BadLocationException e) {
			fallback = true;
		}
	}

	@Override
	public IToken nextToken() {
		if (fallback) {
			return plain.nextToken();
		}
		Token token = lexer.nextToken();
		if (token == null || token.getType() == Token.EOF) {
			return org.eclipse.jface.text.rules.Token.EOF;
		}
		CommonToken common = (CommonToken) token;
		tokenOffset = base + common.getStartIndex();
		tokenLength = common.getStopIndex() - common.getStartIndex() + 1;
		String name = tokenNames.get(token.getType());
		if (name != null && name.startsWith("RULE_WS")) {
			return org.eclipse.jface.text.rules.Token.WHITESPACE;
		}
		return new org.eclipse.jface.text.rules.Token(Styles.attribute(styleOf(name)));
	}

	/** Maps an ANTLR token name (e.g. {@code 'machine'}, {@code RULE_STRING}) to a highlighting style id. */
	static String styleOf(String tokenName) {
		if (tokenName == null) {
			return HighlightingStyles.INVALID_TOKEN_ID;
		}
		if (tokenName.length() > 2 && tokenName.startsWith("'") && tokenName.endsWith("'")) {
			// Keywords made of letters are keywords; the others ({ } = -> ...) are punctuation.
			return Character.isLetter(tokenName.charAt(1)) ? HighlightingStyles.KEYWORD_ID
					: HighlightingStyles.PUNCTUATION_ID;
		}
		if (tokenName.contains("COMMENT")) {
			return HighlightingStyles.COMMENT_ID;
		}
		if (tokenName.contains("STRING")) {
			return HighlightingStyles.STRING_ID;
		}
		if (tokenName.contains("INT") || tokenName.contains("DECIMAL") || tokenName.contains("NUMBER")) {
			return HighlightingStyles.NUMBER_ID;
		}
		if (tokenName.equals("RULE_ANY_OTHER")) {
			return HighlightingStyles.INVALID_TOKEN_ID;
		}
		return HighlightingStyles.DEFAULT_ID;
	}

	@Override
	public int getTokenOffset() {
		return fallback ? plain.getTokenOffset() : tokenOffset;
	}

	@Override
	public int getTokenLength() {
		return fallback ? plain.getTokenLength() : tokenLength;
	}
}
