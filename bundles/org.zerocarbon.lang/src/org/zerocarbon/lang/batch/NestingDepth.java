package org.zerocarbon.lang.batch;

/**
 * The nesting depth of a model's text, measured before it is parsed: brackets ({@code ( [ {}) and runs of
 * {@code not} each count one level. The parser descends recursively, so a text nested a few hundred levels deep
 * would exhaust the stack; beyond {@link #MAX_DEPTH} a file is reported instead of parsed (docs/language.md).
 * Strings and comments are skipped, as the lexer does.
 */
public final class NestingDepth {

	/** The deepest nesting a model may have. Real models nest fewer than 10 levels. */
	public static final int MAX_DEPTH = 100;

	/** Where a text first nests deeper than {@link #MAX_DEPTH}: 1-based line, offset. */
	public record TooDeep(int line, int offset) {
	}

	private NestingDepth() {
	}

	/** The first place the text nests deeper than {@link #MAX_DEPTH}, or null. */
	public static TooDeep check(CharSequence text) {
		int brackets = 0;
		int nots = 0;
		int line = 1;
		int n = text.length();
		int i = 0;
		while (i < n) {
			char c = text.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			} else if (c == '"' || c == '\'') {
				i++;
				while (i < n && text.charAt(i) != c) {
					if (text.charAt(i) == '\\') {
						i++;
					} else if (text.charAt(i) == '\n') {
						line++;
					}
					i++;
				}
				i++;
				nots = 0;
			} else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
				while (i < n && text.charAt(i) != '\n') {
					i++;
				}
			} else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
				i += 2;
				while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
					if (text.charAt(i) == '\n') {
						line++;
					}
					i++;
				}
				i += 2;
			} else if (c == '(' || c == '[' || c == '{') {
				brackets++;
				if (brackets + nots > MAX_DEPTH) {
					return new TooDeep(line, i);
				}
				i++;
			} else if (c == ')' || c == ']' || c == '}') {
				brackets = Math.max(0, brackets - 1);
				nots = 0;
				i++;
			} else if (Character.isJavaIdentifierStart(c) || c == '^') {
				int start = i;
				i++;
				while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
					i++;
				}
				if (i - start == 3 && text.charAt(start) == 'n' && text.charAt(start + 1) == 'o' && text.charAt(start + 2) == 't') {
					nots++;
					if (brackets + nots > MAX_DEPTH) {
						return new TooDeep(line, start);
					}
				} else {
					nots = 0;
				}
			} else {
				if (!Character.isWhitespace(c)) {
					nots = 0;
				}
				i++;
			}
		}
		return null;
	}
}
