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
