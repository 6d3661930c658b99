package org.zerocarbon.lang.ui.internal;

import org.eclipse.xtext.AbstractRule;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.TerminalRule;

import com.google.inject.Injector;

/** The grammar's single-line comment syntax, for Toggle Comment. */
public final class CommentSyntax {

	/** The prefix of Xtext's standard terminals, used only until the language has started. */
	private static final String STANDARD_PREFIX = "//";
	private static volatile String prefix;

	private CommentSyntax() {
	}

	/** The line-comment prefix, read from the grammar's {@code SL_COMMENT} terminal. */
	public static String lineCommentPrefix() {
		String known = prefix;
		if (known != null) {
			return known;
		}
		Injector injector = LanguageAccess.get().injectorIfReady();
		if (injector == null) {
			return STANDARD_PREFIX;
		}
		String found = STANDARD_PREFIX;
		for (AbstractRule rule : GrammarUtil.allRules(injector.getInstance(IGrammarAccess.class).getGrammar())) {
			if (rule instanceof TerminalRule && "SL_COMMENT".equals(rule.getName())) {
				Keyword first = EcoreUtil2.getAllContentsOfType(rule, Keyword.class).stream().findFirst().orElse(null);
				if (first != null) {
					found = first.getValue();
				}
				break;
			}
		}
		prefix = found;
		return found;
	}
}
