package org.zerocarbon.lang.parser;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.util.IAcceptor;
import org.eclipse.xtext.validation.DiagnosticConverterImpl;
import org.eclipse.xtext.validation.Issue;

/**
 * Xtext's conversion of diagnostics into issues, except that a syntax error that knows better where it belongs
 * than where the parser noticed it ({@link ZcSyntaxErrorMessageProvider#BLOCK_NOT_OPENED}: the statement whose
 * block is missing, not the next line) is placed there. Its issue data holds offset, length, line and column.
 */
public class ZcDiagnosticConverter extends DiagnosticConverterImpl {

	@Override
	public void convertResourceDiagnostic(Resource.Diagnostic diagnostic, Severity severity, IAcceptor<Issue> acceptor) {
		super.convertResourceDiagnostic(diagnostic, severity, issue -> acceptor.accept(placed(issue)));
	}

	private static Issue placed(Issue issue) {
		String[] data = issue.getData();
		if (!ZcSyntaxErrorMessageProvider.BLOCK_NOT_OPENED.equals(issue.getCode()) || data == null || data.length < 4
				|| !(issue instanceof Issue.IssueImpl placed)) {
			return issue;
		}
		try {
			int offset = Integer.parseInt(data[0]);
			int length = Integer.parseInt(data[1]);
			int line = Integer.parseInt(data[2]);
			int column = Integer.parseInt(data[3]);
			placed.setOffset(offset);
			placed.setLength(length);
			placed.setLineNumber(line);
			placed.setColumn(column);
			placed.setLineNumberEnd(line);
			placed.setColumnEnd(column + length);
		} catch (NumberFormatException e) {
			// not our data after all: keep the parser's place
		}
		return issue;
	}
}
