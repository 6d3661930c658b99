package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.model.zc.AllocationKind;
import org.zerocarbon.model.zc.BinaryExpression;
import org.zerocarbon.model.zc.BooleanOperator;
import org.zerocarbon.model.zc.Comparison;
import org.zerocarbon.model.zc.ComparisonOperator;
import org.zerocarbon.model.zc.Distribution;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.FactorKind;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.GasBasis;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.MachineFunction;
import org.zerocarbon.model.zc.MeterScope;
import org.zerocarbon.model.zc.Methodology;
import org.zerocarbon.model.zc.NotExpression;
import org.zerocarbon.model.zc.Park;
import org.zerocarbon.model.zc.Quantifier;
import org.zerocarbon.model.zc.QuantifierKind;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.model.zc.SourceKind;
import org.zerocarbon.model.zc.TwinLoad;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ZcParsingTest {

	@Inject
	private ParseHelper<ZcModel> parser;

	private ZcModel parse(String text) throws Exception {
		ZcModel model = parser.parse(text);
		assertTrue(model.eResource().getErrors().isEmpty(), () -> "syntax errors: " + model.eResource().getErrors());
		return model;
	}

	@Test
	void factorWithProvenancePedigreeAndUncertainty() throws Exception {
		ZcModel model = parse("""
				package zc.lib.grid
				factors Grid "grid" {
					grid factor US "US" = 0.39 kgCO2/kWh {
						basis co2 region "US" year 2022 source "EIA" url "https://eia.gov" licence "public domain" caveat "CO2 only"
						data primary
						pedigree reliability 2 completeness 2 temporal 2 geographical 1 technological 2
						uncertainty triangular between 0.3 kgCO2/kWh and 0.5 kgCO2/kWh mode 0.39 kgCO2/kWh
					}
				}
				""");
		assertEquals("zc.lib.grid", model.getName());
		EmissionFactor factor = ((FactorLibrary) model.getElements().get(0)).getFactors().get(0);
		assertEquals(FactorKind.GRID, factor.getKind());
		assertEquals(GasBasis.CO2, factor.getBasis());
		assertEquals(2022, factor.getYear());
		assertEquals("0.39", factor.getValue().getValue().toPlainString());
		assertEquals("kgCO2/kWh", factor.getValue().getUnit());
		assertEquals(Distribution.TRIANGULAR, factor.getUncertainty().getDistribution());
		assertEquals("0.5", factor.getUncertainty().getMax().getValue().toPlainString());
		assertEquals(1, factor.getPedigree().getGeographical());
	}

	/** Numbers in scientific notation, as engineering data often comes; plain decimals are unchanged. */
	@Test
	void numbersWithAnExponent() throws Exception {
		ZcModel model = parse("""
				factors F {
					material factor A = 2.5e-4 kgCO2e/g { source "s" licence "l" }
					material factor B = 3E6 kgCO2e/t { source "s" licence "l" }
					material factor C = 1.25e+2 kgCO2e/kg { source "s" licence "l" }
					credit factor Cr = -1.5e1 kgCO2e/kg { source "s" licence "l" }
					material factor E = 7.5 kgCO2e/kg { source "s" licence "l" }
				}
				""");
		List<String> values = ((FactorLibrary) model.getElements().get(0)).getFactors().stream()
				.map(f -> f.getValue().getValue().toPlainString()).toList();
		assertEquals(List.of("0.00025", "3000000", "125", "-15", "7.5"), values);
		assertEquals("kgCO2e/g", ((FactorLibrary) model.getElements().get(0)).getFactors().get(0).getValue().getUnit());
	}

	/** A unit that starts with e after a space is still a unit, not an exponent. */
	@Test
	void anExponentNeedsItsDigitsWithoutSpaces() throws Exception {
		ZcModel model = parser.parse("""
				line L {
					machine M vmc {
						rated 5 e6
					}
				}
				""");
		Machine machine = ((Line) model.getElements().get(0)).getMachines().get(0);
		assertEquals("5", machine.getRatedPower().getValue().toPlainString());
		assertEquals("e6", machine.getRatedPower().getUnit(), "read as the (unknown) unit e6, which the validator reports");
	}

	@Test
	void machineWithEveryKindOfStatement() throws Exception {
		ZcModel model = parse("""
				line L {
					profile { shifts 3 hours 6000 h per year service life 20 a }
					twin T maps thermal electrical every 500 ms
					machine M millturn "desc" {
						rated 40 kW
						state processing 20 kW for 100 %
						component S spindle 25 kW { state processing 15 kW for 100 % }
						subassembly Bed { material 3 t factor X declared 2 tCO2e epd "EPD-1" data primary }
						transport 5 t over 300 km by rail factor R
						installation energy 100 kWh emissions 5 kgCO2e
						consumable Coolant 200 l every 1 a factor C
						spare Belt 2 kg every 2 a
						end of life reuse 30 %
						operation OP "op" rate 6 parts/h { processing 500 s standby 20 s }
						meter Mo operation OP every 1 s item "WATTAGE"
					}
				}
				""");
		Line line = (Line) model.getElements().get(0);
		assertEquals(3, line.getProfile().getShifts());
		assertEquals(List.of(TwinLoad.THERMAL, TwinLoad.ELECTRICAL), line.getTwin().getLoads());
		Machine machine = line.getMachines().get(0);
		assertEquals(MachineFunction.SPINDLE, machine.getComponents().get(0).getFunction());
		assertEquals("EPD-1", machine.getParts().get(0).getEpd());
		assertEquals("l", machine.getConsumables().get(0).getAmount().getUnit());
		assertEquals(MeterScope.OPERATION, machine.getMeters().get(0).getScope());
		assertEquals(2, machine.getOperations().get(0).getTimes().size());
	}

	@Test
	void parkAndMethodology() throws Exception {
		ZcModel model = parse("""
				park P hightech {
					energy supply E { source W wind capacity 5 MW delivers 9000 MWh per year clean source S storage capacity 2 MWh }
					ecosystems G { item Forest removals 100 tCO2e }
					annual { energy 100 tce emissions 200 tCO2 clean share 35 % }
				}
				methodology M { version "1" module B6 required in scope2 weight 100 % allocation by economic gwp AR5 }
				""");
		Park park = (Park) model.getElements().get(0);
		assertEquals(SourceKind.WIND, ((org.zerocarbon.model.zc.EnergySupplySystem) park.getSystems().get(0)).getSources().get(0).getKind());
		assertTrue(((org.zerocarbon.model.zc.EnergySupplySystem) park.getSystems().get(0)).getSources().get(0).isClean());
		assertEquals("tce", park.getAnnual().getEnergy().getUnit());
		Methodology methodology = (Methodology) model.getElements().get(1);
		assertTrue(methodology.getModules().get(0).isRequired());
		assertEquals(AllocationKind.ECONOMIC, methodology.getAllocations().get(0).getBasis());
		assertFalse(methodology.getAllocations().get(0).isSetMachineType(), "no 'for': the rule applies to every type");
	}

	@Test
	void criteriaExpressionsHaveTheUsualPrecedence() throws Exception {
		ZcModel model = parse("""
				criteria C { criterion K { severity warning clause "x" message "m"
					check every Machine m where m.ratedPower >= 5 kW or not m.type = cmm satisfies m.ratedPower < 1 MW and true } }
				""");
		Quantifier quantifier = (Quantifier) ((RuleSet) model.getElements().get(0)).getCriteria().get(0).getCondition();
		assertEquals(QuantifierKind.EVERY, quantifier.getKind());
		BinaryExpression filter = assertInstanceOf(BinaryExpression.class, quantifier.getFilter());
		assertEquals(BooleanOperator.OR, filter.getOperator());
		assertInstanceOf(NotExpression.class, filter.getRight());
		BinaryExpression body = assertInstanceOf(BinaryExpression.class, quantifier.getBody(), "the body extends to the right");
		assertEquals(BooleanOperator.AND, body.getOperator());
		assertEquals(ComparisonOperator.LT, ((Comparison) body.getLeft()).getOperator());
	}

	@Test
	void keywordsAreAllowedInsideQualifiedNamesButNotAsNames() throws Exception {
		assertEquals("zc.lib.transport", parse("package zc.lib.transport").getName());
		assertFalse(parser.parse("line transport { }").eResource().getErrors().isEmpty());
		assertEquals("transport", ((Line) parse("line ^transport { }").getElements().get(0)).getName());
	}

	@Test
	void syntaxErrorsAreReportedAtTheirLine() throws Exception {
		ZcModel model = parser.parse("line L {\n machine M vmc {\n rated = 11 kW\n }\n}\n");
		assertEquals(1, model.eResource().getErrors().size(), model.eResource().getErrors()::toString);
		assertEquals(3, model.eResource().getErrors().get(0).getLine());
	}
}
