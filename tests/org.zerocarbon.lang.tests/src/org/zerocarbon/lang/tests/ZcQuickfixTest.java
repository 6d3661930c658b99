package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.xtext.ide.editor.quickfix.DiagnosticResolution;
import org.eclipse.xtext.ide.editor.quickfix.IQuickFixProvider;
import org.eclipse.xtext.ide.server.Document;
import org.eclipse.xtext.ide.server.ILanguageServerAccess;
import org.eclipse.xtext.ide.server.codeActions.ICodeActionService2.Options;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.zerocarbon.lang.ide.quickfix.ZcQuickfixProvider;
import org.zerocarbon.lang.validation.ZcIssueCodes;

/**
 * Quick fixes through the Xtext IDE quick-fix service: each fix is applied as the editor or a language client
 * would apply it, and the fixed text must validate without the issue.
 */
class ZcQuickfixTest {

	/** Applies the fixes for the one issue with that code, in order; returns the fixed texts (one per applicable fix). */
	private static List<String> fixes(String text, String code) {
		return labelledFixes(text, code).stream().map(Fix::text).toList();
	}

	/** A fix as offered: its label and the text it makes. */
	private record Fix(String label, String text) {
	}

	/** The labels of the fixes for the one issue with that code, in order. */
	private static List<String> labels(String text, String code) {
		return labelledFixes(text, code).stream().map(Fix::label).toList();
	}

	private static List<Fix> labelledFixes(String text, String code) {
		IdeFixture ide = new IdeFixture();
		XtextResource resource = ide.load("test.zc", text);
		List<Issue> issues = ide.injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl)
				.stream().filter(issue -> code.equals(issue.getCode())).toList();
		assertEquals(1, issues.size(), "expected one issue " + code);
		Issue issue = issues.get(0);
		Document document = new Document(1, text);
		Diagnostic diagnostic = new Diagnostic(new Range(document.getPosition(issue.getOffset()),
				document.getPosition(issue.getOffset() + issue.getLength())), issue.getMessage());
		diagnostic.setCode(code);
		diagnostic.setSeverity(issue.getSeverity() == org.eclipse.xtext.diagnostics.Severity.ERROR ? DiagnosticSeverity.Error
				: DiagnosticSeverity.Warning);
		Options options = new Options();
		options.setDocument(document);
		options.setResource(resource);
		options.setURI(resource.getURI().toString());
		options.setLanguageServerAccess(access(ide.resourceSet));
		options.setCancelIndicator(CancelIndicator.NullImpl);
		List<Fix> fixed = new ArrayList<>();
		for (DiagnosticResolution resolution : ide.injector.getInstance(IQuickFixProvider.class).getResolutions(options, diagnostic)) {
			WorkspaceEdit edit = resolution.apply();
			List<TextEdit> edits = edit.getChanges() == null ? List.of() : edit.getChanges().getOrDefault(resource.getURI().toString(), List.of());
			if (!edits.isEmpty()) {
				fixed.add(new Fix(resolution.getLabel(), document.applyChanges(edits).getContents()));
			}
		}
		return fixed;
	}

	/** The issue has exactly one fix, with that label, and it makes that text, which validates clean. */
	private static void assertOneFix(String text, String code, String fixed, String label) {
		assertEquals(List.of(fixed), fixes(text, code));
		assertClean(fixed);
		assertEquals(List.of(label), labels(text, code));
	}

	private static void assertClean(String text) {
		IdeFixture ide = new IdeFixture();
		XtextResource resource = ide.load("fixed.zc", text);
		List<Issue> issues = ide.injector.getInstance(IResourceValidator.class).validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
		assertTrue(issues.isEmpty(), () -> issues + "\n" + text);
	}

	@Test
	void anEnergyWhereAPowerIsExpectedBecomesThePower() {
		List<String> fixed = fixes("line L { machine M vmc { rated 15 kWh } }", ZcIssueCodes.WRONG_DIMENSION);
		assertEquals("line L { machine M vmc { rated 15 kW } }", fixed.get(0));
		assertClean(fixed.get(0));
		assertEquals("Change 'kWh' to 'kW'", labels("line L { machine M vmc { rated 15 kWh } }", ZcIssueCodes.WRONG_DIMENSION).get(0));
	}

	@Test
	void aPowerWhereAnEnergyIsExpectedBecomesTheEnergy() {
		List<String> fixed = fixes("line L { machine M vmc { installation energy 300 kW } }", ZcIssueCodes.WRONG_DIMENSION);
		assertEquals("line L { machine M vmc { installation energy 300 kWh } }", fixed.get(0));
		assertClean(fixed.get(0));
	}

	@Test
	void anUnknownUnitIsReplacedByTheKnownSpelling() {
		List<String> fixed = fixes("line L { machine M vmc { rated 15 KW } }", ZcIssueCodes.UNKNOWN_UNIT);
		assertEquals(List.of("line L { machine M vmc { rated 15 kW } }"), fixed);
		assertClean(fixed.get(0));
		assertEquals(List.of("Change 'KW' to 'kW'"), labels("line L { machine M vmc { rated 15 KW } }", ZcIssueCodes.UNKNOWN_UNIT));
	}

	@Test
	void aUnitWrittenWithASpaceIsJoined() {
		assertOneFix("factors F { grid factor G = 582 g CO2e/kWh { source \"s\" licence \"l\" } }",
				org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider.UNIT_WITH_SPACE,
				"factors F { grid factor G = 582 gCO2e/kWh { source \"s\" licence \"l\" } }", "Change 'g CO2e/kWh' to 'gCO2e/kWh'");
	}

	@Test
	void aMisspeltKeywordBecomesTheKeyword() {
		assertOneFix("factors F { grid factor G = 582 gCO2e/kWh { source \"s\" license \"l\" } }",
				org.zerocarbon.lang.parser.ZcSyntaxErrorMessageProvider.MISSPELT_KEYWORD,
				"factors F { grid factor G = 582 gCO2e/kWh { source \"s\" licence \"l\" } }", "Change 'license' to 'licence'");
	}

	@Test
	void aPositiveCreditFactorBecomesNegative() {
		String factor = "factors F { credit factor C = %s kgCO2e/kg { source \"s\" licence \"l\" } }";
		List<String> fixed = fixes(factor.formatted("1.5"), ZcIssueCodes.CREDIT_SIGN);
		assertEquals(List.of(factor.formatted("-1.5")), fixed);
		assertClean(fixed.get(0));
	}

	@Test
	void aMissingUnitIsAdded() {
		List<String> fixed = fixes("line L { machine M vmc { rated 15 } }", ZcIssueCodes.MISSING_UNIT);
		assertEquals(List.of("line L { machine M vmc { rated 15 kW } }"), fixed);
	}

	@Test
	void aShareInHoursBecomesPercent() {
		List<String> fixed = fixes("line L { machine M vmc { state processing 5 kW for 100 h } }", ZcIssueCodes.STATE_SHARE_NOT_PERCENT);
		assertEquals(List.of("line L { machine M vmc { state processing 5 kW for 100 % } }"), fixed);
		assertClean(fixed.get(0));
	}

	@Test
	void anUnresolvedFactorIsReplacedByTheClosestFactorOfTheRightKind() {
		List<String> fixed = fixes("import lib.*\nline L { machine M vmc { subassembly S { material 10 kg factor Stel } } }",
				ZcQuickfixProvider.LINKING);
		assertEquals("import lib.*\nline L { machine M vmc { subassembly S { material 10 kg factor Steel } } }", fixed.get(0));
		assertEquals("Change 'Stel' to 'Steel'", labels("import lib.*\nline L { machine M vmc { subassembly S { material 10 kg factor Stel } } }",
				ZcQuickfixProvider.LINKING).get(0));
		assertFalse(fixed.stream().anyMatch(t -> t.contains("factor DE") || t.contains("factor Truck")), fixed::toString);
		assertClean(fixed.get(0));
	}

	@Test
	void aMissingTransportFactorIsAdded() {
		List<String> fixed = fixes("line L { machine M vmc { transport 2 t over 100 km by truck } }", ZcIssueCodes.MISSING_FACTOR);
		assertEquals(List.of("line L { machine M vmc { transport 2 t over 100 km by truck factor lib.Truck } }"), fixed);
		assertClean(fixed.get(0));
	}

	@Test
	void anUnknownGridRegionIsReplacedByTheClosestKnownRegion() {
		List<String> fixed = fixes("import lib.*\nsite S { region \"FX\" }", ZcIssueCodes.UNKNOWN_GRID_REGION);
		assertEquals("import lib.*\nsite S { region \"FR\" }", fixed.get(0));
		assertEquals("Change 'FX' to 'FR'", labels("import lib.*\nsite S { region \"FX\" }", ZcIssueCodes.UNKNOWN_GRID_REGION).get(0));
		assertEquals(2, fixed.size(), "both known regions are offered: " + fixed);
	}

	@Test
	void aSiteWithoutGridFactorGetsTheFactorOfItsRegion() {
		List<String> fixed = fixes("site S {\n\tregion \"DE\"\n}", ZcIssueCodes.MISSING_GRID_FACTOR);
		assertEquals(List.of("site S {\n\tregion \"DE\"\n\t\tgrid lib.DE\n}"), fixed);
		assertClean(fixed.get(0));
	}

	private static ILanguageServerAccess access(ResourceSet resourceSet) {
		return new ILanguageServerAccess() {
			@Override
			public <T> CompletableFuture<T> doRead(String uri, Function<Context, T> function) {
				throw new UnsupportedOperationException();
			}

			@Override
			public <T> T doSyncRead(String uri, Function<Context, T> function) {
				throw new UnsupportedOperationException();
			}

			@Override
			public <T> CompletableFuture<T> doReadIndex(Function<? super IndexContext, ? extends T> function) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void addBuildListener(IBuildListener listener) {
			}

			@Override
			public LanguageClient getLanguageClient() {
				return null;
			}

			@Override
			public ResourceSet newLiveScopeResourceSet(URI uri) {
				return resourceSet;
			}

			@Override
			public InitializeParams getInitializeParams() {
				InitializeParams params = new InitializeParams();
				ClientCapabilities capabilities = new ClientCapabilities();
				WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
				workspace.setWorkspaceEdit(new WorkspaceEditCapabilities());
				capabilities.setWorkspace(workspace);
				params.setCapabilities(capabilities);
				return params;
			}

			@Override
			public InitializeResult getInitializeResult() {
				return new InitializeResult();
			}
		};
	}

	// ------------------------------------------------------------------------------------------ issue 11: no silent zero

	private static final String B6 = "methodology M { module B6 required }\n";
	private static final String LINE = "line Cell {\n\tmachine M vmc {\n\t\tstate processing 5 kW for 100 %\n\t}\n}\n";

	@Test
	void aLineWithoutSiteGetsASiteOfTheProject() {
		String site = "import lib.*\nsite Plant {\n\tgrid DE\n}\n";
		List<String> fixed = fixes(site + B6 + LINE, ZcIssueCodes.USE_STAGE_WITHOUT_GRID);
		assertEquals(List.of(site + B6 + LINE.replace("line Cell {", "line Cell {\n\tsite Plant")), fixed);
		assertClean(fixed.get(0));
	}

	@Test
	void aLineWithoutSiteInAProjectWithoutSitesGetsASiteStubOnAGridFactor() {
		List<String> fixed = fixes(B6 + LINE, ZcIssueCodes.USE_STAGE_WITHOUT_GRID);
		assertEquals(1, fixed.size(), fixed::toString);
		assertEquals(B6 + "site CellSite \"Site of line Cell\" {\n\tgrid lib.DE\n}\n\n" + LINE.replace("line Cell {", "line Cell {\n\tsite CellSite"),
				fixed.get(0));
		assertClean(fixed.get(0));
	}

	@Test
	void aSiteWithoutGridGetsTheGridFactorOfItsRegion() {
		String site = "site Plant {\n\tregion \"FR\"\n}\n";
		List<String> fixed = fixes(site + B6 + LINE.replace("line Cell {", "line Cell {\n\tsite Plant"), ZcIssueCodes.USE_STAGE_WITHOUT_GRID);
		assertEquals(List.of(site.replace("\"FR\"", "\"FR\"\n\tgrid lib.FR") + B6 + LINE.replace("line Cell {", "line Cell {\n\tsite Plant")),
				fixed);
		assertClean(fixed.get(0));
	}

	@Test
	void anUnresolvedFuelFactorIsReplacedByAFuelFactorOrAProcess() {
		String text = "factors F {\n\tfuel factor Gas = 2 kgCO2/m3 { basis co2 source \"s\" licence \"l\" }\n}\n"
				+ "line L { machine M vmc { fuel Burner 10 m3 per year factor Gs } }";
		List<String> fixed = fixes(text, ZcQuickfixProvider.LINKING);
		assertEquals(text.replace("factor Gs", "factor Gas"), fixed.get(0));
		assertFalse(fixed.stream().anyMatch(t -> t.contains("factor Steel") || t.contains("factor DE")), fixed::toString);
	}
}
