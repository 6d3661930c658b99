package org.zerocarbon.lang.parser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.antlr.runtime.MismatchedTokenException;
import org.antlr.runtime.NoViableAltException;
import org.antlr.runtime.RecognitionException;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.AbstractElement;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.EnumLiteralDeclaration;
import org.eclipse.xtext.EnumRule;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Group;
import org.eclipse.xtext.IGrammarAccess;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.ParserRule;
import org.eclipse.xtext.RuleCall;
import org.eclipse.xtext.diagnostics.Diagnostic;
import org.eclipse.xtext.nodemodel.ILeafNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.SyntaxErrorMessage;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.eclipse.xtext.parser.antlr.SyntaxErrorMessageProvider;
import org.zerocarbon.lang.conversion.ZcValueConverters.NumberOutOfRangeException;
import org.zerocarbon.lang.conversion.ZcValueConverters.UnitWithSpaceException;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.units.ZcUnits;

import com.google.inject.Inject;

/**
 * Parser messages in the language's own words: where the grammar expects a value of an enumeration (a machine type,
 * an energy state, a transport mode ...), an unknown word is named with the values it could be; a block that is not
 * opened says after what; a unit written with a space says so; a word one or two letters from a keyword asks whether
 * the keyword was meant ({@code license} for {@code licence}); an unexpected word or a closing brace too many is
 * said so, without the parser's terms ("no viable alternative", "EOF"). Everything else keeps Xtext's message.
 */
public class ZcSyntaxErrorMessageProvider extends SyntaxErrorMessageProvider {

	/** Issue code of a word that is not one of an enumeration's values. */
	public static final String UNKNOWN_VALUE = "org.zerocarbon.lang.unknownValue";

	/**
	 * Issue code of a statement whose block is not opened; its issue data are offset, length, line and column of the
	 * word the '{' should follow.
	 */
	public static final String BLOCK_NOT_OPENED = "org.zerocarbon.lang.blockNotOpened";

	/** Issue code of a unit written with a space; its issue data is the unit without the space. */
	public static final String UNIT_WITH_SPACE = "org.zerocarbon.lang.unitWithSpace";

	/** Issue code of a word that is a misspelt keyword; its issue data is the keyword. */
	public static final String MISSPELT_KEYWORD = "org.zerocarbon.lang.misspeltKeyword";

	@Inject
	private IGrammarAccess grammar;
	private volatile Set<String> keywords; // the grammar's keywords that are words, read on the first error

	/** A number beyond the exponent bound is a {@code numberOutOfRange} error, like one beyond double precision. */
	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IValueConverterErrorContext context) {
		if (context.getValueConverterException() instanceof NumberOutOfRangeException e) {
			return new SyntaxErrorMessage(e.getMessage(), ZcIssueCodes.NUMBER_OUT_OF_RANGE);
		}
		if (context.getValueConverterException() instanceof UnitWithSpaceException e) {
			return new SyntaxErrorMessage(e.getMessage(), UNIT_WITH_SPACE, new String[] { e.unit() });
		}
		return super.getSyntaxErrorMessage(context);
	}

	@Override
	public SyntaxErrorMessage getSyntaxErrorMessage(IParserErrorContext context) {
		try {
			RecognitionException e = context.getRecognitionException();
			INode current = context.getCurrentNode();
			ILeafNode previous = previousLeaf(current);
			if (e != null && e.token != null && previous != null && e.token.getText() != null) {
				String word = e.token.getText();
				EnumRule expected = current != null && current.getGrammarElement() instanceof RuleCall call && call.getRule() instanceof EnumRule rule
						? rule : expectedEnum(previous);
				if (expected != null) {
					return new SyntaxErrorMessage("unknown " + describe(expected) + " '" + word + "'; one of: " + String.join(", ", literals(expected)),
							UNKNOWN_VALUE);
				}
				// before the unit check: "10 kW stat off" is a misspelt "state" after a unit, "g CO2e" no word
				String keyword = misspeltKeyword(word);
				if (keyword != null) {
					return new SyntaxErrorMessage("unknown word '" + word + "': did you mean '" + keyword + "'?", MISSPELT_KEYWORD,
							new String[] { keyword });
				}
				if (inUnit(previous) && Character.isLetter(word.charAt(0)) && e.token.getLine() == line(previous)) {
					return new SyntaxErrorMessage("a unit is written without spaces: '" + previous.getText() + word + "', not '" + previous.getText()
							+ " " + word + "' (e.g. gCO2e/kWh)", context.getDefaultMessage() == null ? null : UNIT_WITH_SPACE);
				}
				if (e instanceof MismatchedTokenException m && m.expecting >= 0 && m.expecting < context.getTokenNames().length
						&& "'{'".equals(context.getTokenNames()[m.expecting]) && e.token.getLine() > line(previous)) {
					// placed on the word it follows (ZcDiagnosticConverter), not where the parser noticed it
					int column = NodeModelUtils.getLineAndColumn(previous, previous.getOffset()).getColumn();
					return new SyntaxErrorMessage("'{' expected after '" + previous.getText() + "' on line " + line(previous)
							+ ": the statement's block is not opened (write '{ }' for an empty one)", BLOCK_NOT_OPENED,
							new String[] { String.valueOf(previous.getOffset()), String.valueOf(previous.getLength()),
									String.valueOf(line(previous)), String.valueOf(column) });
				}
			}
			String plain = context.getDefaultMessage();
			java.util.regex.Matcher m = plain == null ? null : ANTLR_MESSAGE.matcher(plain);
			boolean antlr = m != null && m.matches();
			if (e != null && e.token != null && e.token.getType() == org.antlr.runtime.Token.EOF && antlr && m.group("mismatched") != null) {
				String expected = m.group("instead");
				ILeafNode open = "'}'".equals(expected) && context.getCurrentNode() != null
						? innermostUnclosedBrace(context.getCurrentNode().getRootNode()) : null;
				return new SyntaxErrorMessage(expectedToken(expected) + " expected before the end of the file"
						+ (open != null ? ": the block of '" + statementBefore(open) + "' on line " + line(open) + " is not closed"
								: "'}'".equals(expected) ? ": a block is not closed" : ""), Diagnostic.SYNTAX_DIAGNOSTIC);
			}
			if (e != null && e.token != null && e.token.getText() != null && plain != null) {
				if (plain.startsWith("missing EOF at ") || plain.endsWith("expecting EOF")) {
					return new SyntaxErrorMessage("}".equals(e.token.getText())
							? "'}' closes no block: a brace too many, a block above it closed too soon, or an error above it (fix that first)"
							: "unexpected '" + e.token.getText() + "' after the end of the file's last element", Diagnostic.SYNTAX_DIAGNOSTIC);
				}
				if (e instanceof NoViableAltException) {
					return new SyntaxErrorMessage("unexpected '" + e.token.getText() + "' here", Diagnostic.SYNTAX_DIAGNOSTIC);
				}
				if (antlr && !plain.contains("expecting set")) { // a set ("set null") names nothing to write
					String message = m.group("mismatched") != null
							? expectedToken(m.group("instead")) + " expected here, not '" + m.group("mismatched") + "'"
							: m.group("missing") != null ? expectedToken(m.group("missing")) + " missing before '" + m.group("before") + "'"
									: "unexpected '" + m.group("extra") + "' (" + expectedToken(m.group("wanted")) + " expected)";
					return new SyntaxErrorMessage(message, Diagnostic.SYNTAX_DIAGNOSTIC);
				}
			}
		} catch (RuntimeException ignored) {
			// the plain message below is always available
		}
		return super.getSyntaxErrorMessage(context);
	}

	/** ANTLR's messages: "mismatched input 'X' expecting Y", "missing Y at 'X'", "extraneous input 'X' expecting Y". */
	private static final java.util.regex.Pattern ANTLR_MESSAGE = java.util.regex.Pattern.compile("mismatched input '(?<mismatched>.*)' "
			+ "expecting (?<instead>.+)|missing (?<missing>.+) at '(?<before>.*)'|extraneous input '(?<extra>.*)' expecting (?<wanted>.+)");

	/** A token the parser expected, in words: a keyword as written, a name, a text in quotes, a number. */
	private static String expectedToken(String token) {
		return switch (token) {
		case "RULE_ID" -> "a name";
		case "RULE_STRING" -> "a text in quotes";
		case "RULE_INT", "RULE_EXPONENT_NUMBER" -> "a number";
		case "EOF" -> "the end of the file";
		default -> token.startsWith("'") ? token : token.toLowerCase(Locale.ROOT).replace("rule_", "");
		};
	}

	/**
	 * The keyword a word of the text is a misspelling of, or null: a word (letters only) that is no keyword and no
	 * unit symbol, and near a keyword ({@link #closestKeyword}). The rule of the {@link #MISSPELT_KEYWORD} message, for
	 * its quick fix too.
	 */
	public String misspeltKeyword(String word) {
		return isWord(word) && !keywords().contains(word) && !ZcUnits.isSymbol(word) ? closestKeyword(word, keywords()) : null;
	}

	/** The grammar's keywords that are words (no punctuation), read once. */
	private Set<String> keywords() {
		if (keywords == null) {
			Set<String> words = new TreeSet<>();
			if (grammar != null) {
				for (String keyword : GrammarUtil.getAllKeywords(grammar.getGrammar())) {
					if (isWord(keyword)) {
						words.add(keyword);
					}
				}
			}
			keywords = words;
		}
		return keywords;
	}

	private static boolean isWord(String text) {
		return text.length() > 1 && text.chars().allMatch(c -> Character.isLetter(c) || c == '_');
	}

	/**
	 * The keyword a word is most likely a misspelling of: at most one edit away for words of up to five letters, two
	 * for longer ones (case ignored); the alphabetically first of the nearest; null when none is that near.
	 */
	public static String closestKeyword(String word, Collection<String> keywords) {
		String lower = word.toLowerCase(Locale.ROOT);
		int limit = word.length() <= 5 ? 1 : 2;
		String best = null;
		int bestDistance = limit + 1;
		for (String keyword : keywords) {
			if (!isWord(keyword) || Math.abs(keyword.length() - word.length()) > limit) {
				continue;
			}
			int distance = ZcUnits.distance(lower, keyword.toLowerCase(Locale.ROOT));
			if (distance > 0 && distance < bestDistance || distance == 0 && !keyword.equals(word)) {
				best = keyword;
				bestDistance = distance;
			}
		}
		return best;
	}

	/** The enumeration the grammar expects right after the leaf (skipping optional parts), or null. */
	private static EnumRule expectedEnum(ILeafNode leaf) {
		EObject grammarElement = leaf.getGrammarElement();
		if (!(grammarElement instanceof AbstractElement element)) {
			return null;
		}
		Assignment assignment = GrammarUtil.containingAssignment(element);
		AbstractElement at = assignment != null ? assignment : element;
		if (!(at.eContainer() instanceof Group group)) {
			return null;
		}
		List<AbstractElement> elements = group.getElements();
		for (int i = elements.indexOf(at) + 1; i < elements.size(); i++) {
			AbstractElement next = elements.get(i);
			if (next instanceof Assignment a && a.getTerminal() instanceof RuleCall call && call.getRule() instanceof EnumRule rule) {
				return rule;
			}
			if (next.getCardinality() == null || next.getCardinality().equals("+")) {
				return null; // a mandatory element that is not an enumeration comes first
			}
		}
		return null;
	}

	private static boolean inUnit(ILeafNode leaf) {
		for (INode node = leaf.getParent(); node != null; node = node.getParent()) {
			if (node.getGrammarElement() instanceof RuleCall call && call.getRule() instanceof ParserRule rule
					&& (rule.getName().equals("Unit") || rule.getName().equals("UnitTerm"))) {
				return true;
			}
		}
		return false;
	}

	private static String describe(EnumRule rule) {
		String name = rule.getName();
		StringBuilder text = new StringBuilder();
		for (char c : name.toCharArray()) {
			if (Character.isUpperCase(c) && text.length() > 0) {
				text.append(' ');
			}
			text.append(Character.toLowerCase(c));
		}
		return text.toString().replace("eol treatment", "end-of-life treatment").toLowerCase(Locale.ROOT);
	}

	private static List<String> literals(EnumRule rule) {
		List<String> names = new ArrayList<>();
		for (var it = rule.getAlternatives().eAllContents(); it.hasNext();) {
			if (it.next() instanceof EnumLiteralDeclaration literal && literal.getLiteral() instanceof Keyword keyword) {
				names.add(keyword.getValue());
			}
		}
		if (names.isEmpty() && rule.getAlternatives() instanceof EnumLiteralDeclaration literal) {
			names.add(literal.getLiteral().getValue());
		}
		return names;
	}

	/** The '{' of the innermost block that the file leaves open, or null. */
	private static ILeafNode innermostUnclosedBrace(INode root) {
		java.util.Deque<ILeafNode> open = new java.util.ArrayDeque<>();
		for (ILeafNode leaf : root.getLeafNodes()) {
			if (!leaf.isHidden() && "{".equals(leaf.getText())) {
				open.push(leaf);
			} else if (!leaf.isHidden() && "}".equals(leaf.getText()) && !open.isEmpty()) {
				open.pop();
			}
		}
		return open.peek();
	}

	/** The words of the statement a '{' opens: the leaves of its line before it ("machine M vmc"), at most 40 characters. */
	private static String statementBefore(ILeafNode brace) {
		StringBuilder text = new StringBuilder();
		for (ILeafNode leaf : brace.getRootNode().getLeafNodes()) {
			if (leaf == brace) {
				break;
			}
			if (leaf.getStartLine() == brace.getStartLine() && !leaf.isHidden()) {
				text.append(text.length() == 0 ? "" : " ").append(leaf.getText());
			}
		}
		String words = text.toString();
		return words.length() > 40 ? words.substring(0, 37) + "..." : words.isEmpty() ? "{" : words;
	}

	/** The last leaf consumed before the error: the last non-hidden leaf of the current node. */
	private static ILeafNode previousLeaf(INode node) {
		for (INode at = node; at != null; at = at.getParent()) {
			ILeafNode last = null;
			for (ILeafNode leaf : at.getLeafNodes()) {
				if (!leaf.isHidden()) {
					last = leaf;
				}
			}
			if (last != null) {
				return last;
			}
		}
		return null;
	}

	private static int line(INode node) {
		return node.getStartLine();
	}
}
