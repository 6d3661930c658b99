package org.zerocarbon.lang.tests;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.formatter.FormatterTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.inject.Inject;

@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ZcFormatterTest {

	@Inject
	private FormatterTestHelper formatter;

	@Test
	void aCrampedLineIsLaidOutOneStatementPerLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("package demo line Cell{machine VMC1 vmc{rated 15 kW state standby 1.2 kW for 30 % "
					+ "state processing   9.5 kW for 70 %}}");
			request.setExpectation("""
					package demo

					line Cell {
						machine VMC1 vmc {
							rated 15 kW
							state standby 1.2 kW for 30 %
							state processing 9.5 kW for 70 %
						}
					}
					""");
		});
	}

	@Test
	void numbersWithAnExponentStayAsWritten() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("factors F{material factor A=2.5e-4 kgCO2e/g{source \"s\" licence \"l\"} material factor B = 1.2E+6 kgCO2e/t "
					+ "{source \"s\" licence \"l\"}}");
			request.setExpectation("""
					factors F {
						material factor A = 2.5e-4 kgCO2e/g {
							source "s"
							licence "l"
						}
						material factor B = 1.2E+6 kgCO2e/t {
							source "s"
							licence "l"
						}
					}
					""");
		});
	}

	@Test
	void functionsOfAMultiFunctionMachineGetOneStatementPerLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("line Cell{machine MT millturn{function Milling \"B-axis\"{hours 1100 h   capacity 12 parts/h} "
					+ "function Turning{share 40 %} operation OP16 for   Milling rate 12 parts/h}}");
			request.setExpectation("""
					line Cell {
						machine MT millturn {
							function Milling "B-axis" {
								hours 1100 h
								capacity 12 parts/h
							}
							function Turning {
								share 40 %
							}
							operation OP16 for Milling rate 12 parts/h
						}
					}
					""");
		});
	}

	@Test
	void importsFactorsAndBlocksAreIndented() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("package a.b import x.y.* import z.*\nfactors F { grid factor G = 1 kgCO2e/kWh { region \"DE\" year 2023 } }"
					+ " site S { region \"DE\" grid G }");
			request.setExpectation("""
					package a.b

					import x.y.*
					import z.*

					factors F {
						grid factor G = 1 kgCO2e/kWh {
							region "DE"
							year 2023
						}
					}

					site S {
						region "DE"
						grid G
					}
					""");
		});
	}

	@Test
	void criteriaPathsAndParenthesesHaveNoInnerSpaces() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("criteria C { criterion K { severity error message \"m\" check every Machine m satisfies "
					+ "( m . ratedPower >  5 kW ) } }");
			request.setExpectation("""
					criteria C {
						criterion K {
							severity error
							message "m"
							check every Machine m satisfies (m.ratedPower > 5 kW)
						}
					}
					""");
		});
	}

	@Test
	void oneBlankLineBetweenStatementsIsKeptButNotMore() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("line L {\n\tmachine A vmc {\n\t}\n\n\n\n\tmachine B vmc {\n\t}\n}\n");
			request.setExpectation("line L {\n\tmachine A vmc {\n\t}\n\n\tmachine B vmc {\n\t}\n}\n");
		});
	}

	@Test
	void instrumentsScope1ProcessesAndAccountingRulesGetOneStatementPerLine() {
		formatter.assertFormatted(request -> {
			request.setToBeFormatted("factors F{material factor S=1.9 kgCO2e/kg{split fossil 1.85 biogenic 0.05 calorific 20 MJ/kg}"
					+ " process P \"p\"{output 1 kg{uncertainty lognormal gsd 1.05} input 0.5 kWh from G{data primary source \"m\" "
					+ "uncertainty lognormal gsd 1.1} emits 0.2 kgCO2e   biogenic data primary source \"s\"}}"
					+ " site S{region \"CN\" grid G residual R onsite PV 40 MWh per year rate 0 gCO2e/kWh tariff T share 10 % factor R "
					+ "certificate C gec 60 MWh vintage 2025 market \"CN\" tracking \"X\" retired}"
					+ " line L{site S profile{shifts 2 output 24 parts/h} machine M washer{fuel Gas 10 m3 per year factor N "
					+ "refrigerant Ch charge 2 kg leaks 4 % per year recovered 80 % factor R1 emission E 1 kgCO2e per year}}"
					+ " park K industrial{buildings B{item O energy 1 MWh area 10 m2{fuel Boiler 5 m3 per year factor N}}}"
					+ " methodology M{account fuel as B6 in scope1 conversion calorific{electricity 0.1229 kgce/kWh heat 0.03412 kgce/MJ}"
					+ " vintage between 2024 and 2026 clean share contractual}");
			request.setExpectation("""
					factors F {
						material factor S = 1.9 kgCO2e/kg {
							split fossil 1.85 biogenic 0.05
							calorific 20 MJ/kg
						}
						process P "p" {
							output 1 kg {
								uncertainty lognormal gsd 1.05
							}
							input 0.5 kWh from G {
								data primary
								source "m"
								uncertainty lognormal gsd 1.1
							}
							emits 0.2 kgCO2e biogenic
							data primary
							source "s"
						}
					}

					site S {
						region "CN"
						grid G
						residual R
						onsite PV 40 MWh per year rate 0 gCO2e/kWh
						tariff T share 10 % factor R
						certificate C gec 60 MWh vintage 2025 market "CN" tracking "X" retired
					}

					line L {
						site S
						profile {
							shifts 2
							output 24 parts/h
						}
						machine M washer {
							fuel Gas 10 m3 per year factor N
							refrigerant Ch charge 2 kg leaks 4 % per year recovered 80 % factor R1
							emission E 1 kgCO2e per year
						}
					}

					park K industrial {
						buildings B {
							item O energy 1 MWh area 10 m2 {
								fuel Boiler 5 m3 per year factor N
							}
						}
					}

					methodology M {
						account fuel as B6 in scope1
						conversion calorific {
							electricity 0.1229 kgce/kWh
							heat 0.03412 kgce/MJ
						}
						vintage between 2024 and 2026
						clean share contractual
					}
					""");
		});
	}

	static Stream<Path> examples() {
		return Examples.files().stream();
	}

	/** The examples are written in the canonical layout, so formatting them changes nothing. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void examplesAreAlreadyFormatted(Path file) {
		String text = Examples.read(file);
		formatter.assertFormatted(request -> {
			// The serializer's text-region access nests the criteria expressions' assigned actions differently from
			// the parser's; the serializer itself is covered by ZcRoundTripTest.
			request.setUseSerializer(false);
			request.setToBeFormatted(text);
			request.setExpectation(text);
		});
	}
}
