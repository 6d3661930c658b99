package org.zerocarbon.lang.tests;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.lang.validation.ZcIssueCodes;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.ZcModel;
import org.zerocarbon.model.zc.ZcPackage;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ZcValidationTest {

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;

	@Test
	void machineWhoseStatesCoverTheWholeTimeIsValid() throws Exception {
		ZcModel model = parser.parse("""
				package demo
				line Cell {
				  machine VMC1 vmc {
				    rated 15 kW
				    state standby 1.2 kW for 30 %
				    state processing 9.5 kW for 70 %
				  }
				}
				""");
		validator.assertNoIssues(model);
		Machine vmc = ((org.zerocarbon.model.zc.Line) model.getElements().get(0)).getMachines().get(0);
		assertEquals("9.5", vmc.getStates().get(1).getPower().getValue().toPlainString());
		assertEquals("kW", vmc.getStates().get(1).getPower().getUnit());
	}

	@Test
	void statesThatDoNotAddUpTo100PercentAreAnError() throws Exception {
		ZcModel model = parser.parse("""
				line Cell {
				  machine VMC1 vmc {
				    state standby 1.2 kW for 30 %
				    state processing 9.5 kW for 60 %
				  }
				}
				""");
		validator.assertError(model, ZcPackage.Literals.MACHINE, ZcIssueCodes.STATE_SHARES_SUM,
				"The energy-state shares of machine 'VMC1' add up to 90 %, not 100 %");
		assertEquals(1, validator.validate(model).size());
	}

	@Test
	void aShareWrittenInHoursIsRejected() throws Exception {
		ZcModel model = parser.parse("""
				line Cell {
				  machine VMC1 vmc {
				    state processing 9.5 kW for 6 h
				  }
				}
				""");
		validator.assertError(model, ZcPackage.Literals.STATE_USE, ZcIssueCodes.STATE_SHARE_NOT_PERCENT);
		assertTrue(validator.validate(model).get(0).getMessage().contains("must be a percentage"));
	}

	@Test
	void numbersBeyondDoublePrecisionAreAnErrorNotInfinity() throws Exception {
		ZcModel model = parser.parse("""
				line Cell {
				  machine VMC1 vmc {
				    rated 1e400 kW
				    state processing 1e-400 kW for 100 %
				  }
				}
				""");
		List<org.eclipse.xtext.validation.Issue> issues = validator.validate(model).stream()
				.filter(i -> ZcIssueCodes.NUMBER_OUT_OF_RANGE.equals(i.getCode())).toList();
		assertEquals(2, issues.size(), issues::toString);
		assertEquals(3, issues.get(0).getLineNumber());
		assertTrue(issues.get(0).getMessage().startsWith("The number 1e+400 is out of the range"), issues.get(0).getMessage());
		assertEquals(4, issues.get(1).getLineNumber());
	}

	@Test
	void largeButComputableNumbersAreFine() throws Exception {
		ZcModel model = parser.parse("""
				line Cell {
				  machine VMC1 vmc {
				    rated 1.5e1 kW
				    state processing 9.5e0 kW for 100 %
				  }
				}
				""");
		validator.assertNoIssues(model);
	}
}
