package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.diagnostics.Severity;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.eclipse.xtext.validation.Issue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.Parameter;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;
import com.google.inject.Provider;

/**
 * Parameters and expressions (issue 16): values with units through + - * /, precedence, the parameters in scope, and
 * each bad input as an error on its line: a cycle naming the parameters, a unit mismatch inside an expression, a
 * scenario setting a parameter that does not exist or to another dimension, two scenarios of one name.
 */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ParameterRulesTest {

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;
	@Inject
	private Provider<ResourceSet> resourceSets;

	private ZcModel parse(String text) throws Exception {
		ZcModel model = parser.parse(text, URI.createURI("test.zc"), resourceSets.get());
		assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
		return model;
	}

	private List<Issue> issues(String text) throws Exception {
		return validator.validate(parse(text));
	}

	private static String line(String parameters, String machineBody) {
		return "line L {\n" + parameters + "\n machine M vmc {\n" + machineBody + "\n }\n}\n";
	}

	@Test
	void expressionsEvaluateWithTheirUnits() throws Exception {
		// rated = SpindlePower + 4 kW = 15 kW + 4 kW = 19 kW; Standby = 2 * (1.5 kW - 500 W) = 2 * 1.0 kW = 2 kW
		// (500 W converted to the left operand's unit, kW); idle share 100 % - 3 * 20 % = 40 %.
		ZcModel model = parse(line("""
				parameter SpindlePower = 15 kW
				parameter Standby "standby draw" = 2 * (1.5 kW - 500 W)
				parameter Busy = 20 %
				""", """
				rated SpindlePower + 4 kW
				state standby Standby for 100 % - 3 * Busy
				state processing SpindlePower for 60 %
				"""));
		IssueAssertions.assertNone(validator.validate(model));
		Machine machine = ((Line) model.getElements().get(0)).getMachines().get(0);
		assertEquals(19.0, machine.getRatedPower().getValue().doubleValue(), 1e-12);
		assertEquals("kW", machine.getRatedPower().getUnit());
		assertEquals(2.0, machine.getStates().get(0).getPower().getValue().doubleValue(), 1e-12);
		assertEquals("kW", machine.getStates().get(0).getPower().getUnit());
		assertEquals(40.0, machine.getStates().get(0).getShare().getValue().doubleValue(), 1e-9);
		assertEquals("%", machine.getStates().get(0).getShare().getUnit());
	}

	@Test
	void multiplicationBindsTighterAndUnitsMultiply() throws Exception {
		// 2 kW * 3 h = 6 kW*h (energy, kept as kW*h); 1 + 2 * 3 = 7 (not 9): the machine's electricity of a utility
		// is not used here, so check through a parameter read back.
		ZcModel model = parse("parameter E = 2 kW * 3 h\nparameter N = 1 + 2 * 3\nparameter Q = (10 kW) / 4\n");
		IssueAssertions.assertNone(validator.validate(model));
		Parameter e = (Parameter) model.getElements().get(0);
		assertEquals(6.0, e.getValue().getValue().doubleValue(), 1e-12);
		assertEquals("kW*h", e.getValue().getUnit());
		assertEquals(7.0, ((Parameter) model.getElements().get(1)).getValue().getValue().doubleValue(), 1e-12);
		assertEquals(2.5, ((Parameter) model.getElements().get(2)).getValue().getValue().doubleValue(), 1e-12);
		assertEquals("kW", ((Parameter) model.getElements().get(2)).getValue().getUnit());
	}

	@Test
	void aCycleIsAnErrorThatNamesIt() throws Exception {
		List<Issue> issues = issues("parameter A = B + 1 kW\nparameter B = C\nparameter C = A * 2\n");
		List<Issue> cycles = issues.stream().filter(i -> ZcIssueCodes.PARAMETER_CYCLE.equals(i.getCode())).toList();
		assertEquals(3, cycles.size(), () -> "one error on each parameter of the cycle: " + issues);
		for (Issue issue : cycles) {
			assertEquals(Severity.ERROR, issue.getSeverity());
			assertTrue(issue.getMessage().contains("A → B → C → A"), issue.getMessage());
		}
		assertEquals(List.of(1, 2, 3), cycles.stream().map(Issue::getLineNumber).sorted().toList());
	}

	@Test
	void aUnitMismatchInsideAnExpressionIsAnErrorOnItsLine() throws Exception {
		List<Issue> issues = issues(line("parameter P = 15 kW", "\n rated P + 4 kWh\n"));
		Issue mismatch = issues.stream().filter(i -> ZcIssueCodes.PARAMETER_UNIT_MISMATCH.equals(i.getCode())).findFirst()
				.orElseThrow(() -> new AssertionError("no unit mismatch in " + issues));
		assertEquals(5, mismatch.getLineNumber());
		assertTrue(mismatch.getMessage().contains("4 kWh") && mismatch.getMessage().contains("15 kW"), mismatch.getMessage());
		Machine machine = ((Line) parse(line("parameter P = 15 kW", "\n rated P + 4 kWh\n")).getElements().get(0)).getMachines().get(0);
		validator.validate((ZcModel) machine.eResource().getContents().get(0));
		assertNull(machine.getRatedPower().getValue(), "a failed expression has no value");
	}

	@Test
	void anUnknownParameterIsALinkingErrorOnItsLine() throws Exception {
		List<Issue> issues = issues(line("", " rated Spindle + 4 kW"));
		assertTrue(issues.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR && i.getLineNumber() == 4 && i.getMessage().contains("Spindle")),
				() -> issues.toString());
	}

	@Test
	void aUnitWhereANumberIsMissingSaysSo() throws Exception {
		List<Issue> issues = issues(line("", " rated kW"));
		assertTrue(issues.stream().anyMatch(i -> i.getLineNumber() == 4
				&& i.getMessage().equals("'kW' is a unit, not a parameter: the number is missing (for example 11 kW)")), () -> issues.toString());
	}

	@Test
	void scenarioRules() throws Exception {
		String base = line("parameter P = 15 kW", " rated P");
		List<Issue> unknown = issues(base + "scenario S { set Nothing = 2 kW }\n");
		assertTrue(unknown.stream().anyMatch(i -> i.getSeverity() == Severity.ERROR && i.getLineNumber() == 7
				&& i.getMessage().equals("Scenario S sets 'Nothing', but no parameter of that name exists: declare it with 'parameter Nothing = …' or write its qualified name (Line.Parameter)")),
				() -> unknown.toString());
		IssueAssertions.assertOnly(issues(base + "scenario S { set L.P = 2 kWh }\n"), ZcIssueCodes.SCENARIO_SETTING_UNIT, Severity.ERROR,
				"Parameter P is 15 kW; the scenario cannot set it to 2 kWh (another dimension)");
		List<Issue> cycle = issues(base + "scenario A extends B { set L.P = 2 kW }\nscenario B extends A { set L.P = 3 kW }\n");
		assertEquals(2, cycle.stream().filter(i -> ZcIssueCodes.SCENARIO_CYCLE.equals(i.getCode())).count(), () -> cycle.toString());
		List<Issue> twice = issues(base + "scenario A { set L.P = 2 kW }\nscenario A { set L.P = 3 kW }\n");
		assertEquals(List.of(7, 8), twice.stream().filter(i -> i.getSeverity() == Severity.ERROR).map(Issue::getLineNumber).sorted()
				.collect(Collectors.toList()), () -> twice.toString());
		IssueAssertions.assertNone(issues(base + "scenario Lower \"lower spindle\" { set L.P = 11 kW }\nscenario Lowest extends Lower { set L.P = 9 kW }\n"));
	}
}
