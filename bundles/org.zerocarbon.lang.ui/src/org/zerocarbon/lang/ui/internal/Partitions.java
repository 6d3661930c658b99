package org.zerocarbon.lang.ui.internal;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension3;
import org.eclipse.jface.text.IDocumentPartitioner;
import org.eclipse.jface.text.rules.EndOfLineRule;
import org.eclipse.jface.text.rules.FastPartitioner;
import org.eclipse.jface.text.rules.IPredicateRule;
import org.eclipse.jface.text.rules.MultiLineRule;
import org.eclipse.jface.text.rules.RuleBasedPartitionScanner;
import org.eclipse.jface.text.rules.SingleLineRule;
import org.eclipse.jface.text.rules.Token;

/**
 * Comments and strings as document partitions. They are the only tokens that can span lines; keeping them in
 * partitions of their own lets the presentation reconciler re-colour just the damaged lines of the code between
 * them. The delimiters are those of Xtext's standard terminals ({@code org.eclipse.xtext.common.Terminals}), which
 * the grammar uses.
 */
public final class Partitions {

	/** The partitioning this editor installs (separate from the default one other tools may use). */
	public static final String PARTITIONING = "org.zerocarbon.lang.ui.partitioning";
	/** Comment partition type. */
	public static final String COMMENT = "__zc_comment";
	/** String partition type. */
	public static final String STRING = "__zc_string";
	/** All partition types, including the default one. */
	public static final String[] TYPES = { IDocument.DEFAULT_CONTENT_TYPE, COMMENT, STRING };

	private Partitions() {
	}

	/** Installs the partitioner on a document, once. */
	public static void install(IDocument document) {
		if (!(document instanceof IDocumentExtension3 extension) || extension.getDocumentPartitioner(PARTITIONING) != null) {
			return;
		}
		RuleBasedPartitionScanner scanner = new RuleBasedPartitionScanner();
		Token comment = new Token(COMMENT);
		Token string = new Token(STRING);
		scanner.setPredicateRules(new IPredicateRule[] { new MultiLineRule("/*", "*/", comment, (char) 0, true),
				new EndOfLineRule("//", comment), new MultiLineRule("\"", "\"", string, '\\', true),
				new SingleLineRule("'", "'", string, '\\') });
		IDocumentPartitioner partitioner = new FastPartitioner(scanner, new String[] { COMMENT, STRING });
		extension.setDocumentPartitioner(PARTITIONING, partitioner);
		partitioner.connect(document);
	}
}
