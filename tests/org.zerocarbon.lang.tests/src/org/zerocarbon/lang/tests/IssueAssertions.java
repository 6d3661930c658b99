package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.validation.Issue;

/** Assertions on validation issues shared by the rule tests. */
final class IssueAssertions {

	private IssueAssertions() {
	}

	/** Exactly one issue, with that code, severity and message start. */
	static void assertOnly(List<Issue> issues, String code, Severity severity, String message) {
		assertEquals(1, issues.size(), () -> describe(issues));
		assertEquals(code, issues.get(0).getCode(), issues.get(0)::toString);
		assertEquals(severity, issues.get(0).getSeverity(), issues.get(0)::toString);
		assertTrue(issues.get(0).getMessage().startsWith(message), issues.get(0).getMessage());
	}

	/** No issue at all. */
	static void assertNone(List<Issue> issues) {
		assertTrue(issues.isEmpty(), () -> describe(issues));
	}

	static String describe(List<Issue> issues) {
		return issues.stream().map(Issue::toString).collect(Collectors.joining("\n"));
	}
}
