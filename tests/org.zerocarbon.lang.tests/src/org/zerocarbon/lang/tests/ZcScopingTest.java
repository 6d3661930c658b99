package org.zerocarbon.lang.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.eclipse.xtext.testing.util.ParseHelper;
import org.eclipse.xtext.testing.validation.ValidationTestHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zerocarbon.model.zc.Asset;
import org.zerocarbon.model.zc.Comparison;
import org.zerocarbon.model.zc.Criterion;
import org.zerocarbon.model.zc.EmissionFactor;
import org.zerocarbon.model.zc.EnergyLoop;
import org.zerocarbon.model.zc.FactorLibrary;
import org.zerocarbon.model.zc.Line;
import org.zerocarbon.model.zc.Machine;
import org.zerocarbon.model.zc.PathExpression;
import org.zerocarbon.model.zc.Quantifier;
import org.zerocarbon.model.zc.RuleSet;
import org.zerocarbon.model.zc.Site;
import org.zerocarbon.model.zc.ZcModel;

import com.google.inject.Inject;
import com.google.inject.Provider;

/** References across files: qualified names, imports, the own package, and the two narrowed scopes. */
@ExtendWith(InjectionExtension.class)
@InjectWith(ZcInjectorProvider.class)
class ZcScopingTest {

	@Inject
	private ParseHelper<ZcModel> parser;
	@Inject
	private ValidationTestHelper validator;
	@Inject
	private Provider<ResourceSet> resourceSets;

	private static final String LIBRARY = """
			package zc.lib.grid
			factors Grid {
				grid factor DE_2023 = 381 gCO2e/kWh { region "DE" source "s" licence "l" }
			}
			""";

	@Test
	void aFactorIsFoundThroughAWildcardImportWithoutItsLibraryName() throws Exception {
		ResourceSet set = resourceSets.get();
		ZcModel library = parser.parse(LIBRARY, set);
		ZcModel site = parser.parse("package plant\nimport zc.lib.grid.*\nsite S { region \"DE\" grid DE_2023 }", set);
		validator.assertNoIssues(site);
		EmissionFactor factor = ((FactorLibrary) library.getElements().get(0)).getFactors().get(0);
		assertSame(factor, ((Site) site.getElements().get(0)).getGrid());
	}

	@Test
	void aFactorIsFoundByItsFullyQualifiedName() throws Exception {
		ResourceSet set = resourceSets.get();
		parser.parse(LIBRARY, set);
		ZcModel site = parser.parse("site S { region \"DE\" grid zc.lib.grid.DE_2023 }", set);
		validator.assertNoIssues(site);
		assertEquals("DE_2023", ((Site) site.getElements().get(0)).getGrid().getName());
	}

	@Test
	void withoutImportAFactorInAnotherPackageIsNotVisible() throws Exception {
		ResourceSet set = resourceSets.get();
		parser.parse(LIBRARY, set);
		ZcModel site = parser.parse("package plant\nsite S { grid DE_2023 }", set);
		assertTrue(((Site) site.getElements().get(0)).getGrid().eIsProxy());
		assertFalse(validator.validate(site).isEmpty());
	}

	@Test
	void elementsOfTheSamePackageAreVisibleAcrossFilesWithoutImport() throws Exception {
		ResourceSet set = resourceSets.get();
		parser.parse(LIBRARY, set);
		ZcModel sites = parser.parse("package housing\nimport zc.lib.grid.*\nsite Plant { region \"DE\" grid DE_2023 }", set);
		ZcModel cell = parser.parse("package housing\nline Cell { site Plant\nmachine VMC1 vmc { } }", set);
		ZcModel loop = parser.parse("package housing\nloop L { asset S standby machine Cell.VMC1 }", set);
		ZcModel park = parser.parse("package elsewhere\npark P industrial { production Prod { lines housing.Cell } }", set);
		validator.assertNoIssues(cell);
		validator.assertNoIssues(loop);
		validator.assertNoIssues(park);
		Line line = (Line) cell.getElements().get(0);
		assertSame(sites.getElements().get(0), line.getSite());
		Asset asset = ((EnergyLoop) loop.getElements().get(0)).getAssets().get(0);
		assertSame(line.getMachines().get(0), asset.getMachine());
	}

	@Test
	void aMeterSeesOnlyTheComponentsOfItsOwnMachine() throws Exception {
		ZcModel model = parser.parse("""
				line L {
					machine A vmc { component Spindle spindle 10 kW }
					machine B vmc { component Axes feed 3 kW
						meter M component Spindle every 1 s }
				}
				""");
		Machine b = ((Line) model.getElements().get(0)).getMachines().get(1);
		assertTrue(b.getMeters().get(0).getComponent().eIsProxy(), "A's spindle is not B's");
		ZcModel fixed = parser.parse("line L { machine B vmc { component Axes feed 3 kW\nmeter M component Axes every 1 s } }");
		validator.assertNoIssues(fixed);
	}

	@Test
	void pathsStartAtTheVariablesOfEnclosingQuantifiers() throws Exception {
		ZcModel model = parser.parse("""
				criteria C { criterion K { severity error message "m"
					check every Machine m satisfies some Meter x in m.meters satisfies x.scope = operation } }
				""");
		validator.assertNoIssues(model);
		Criterion criterion = ((RuleSet) model.getElements().get(0)).getCriteria().get(0);
		Quantifier outer = (Quantifier) criterion.getCondition();
		Quantifier inner = (Quantifier) outer.getBody();
		assertSame(outer.getVariable(), ((PathExpression) inner.getCollection()).getVariable());
		assertSame(inner.getVariable(), ((PathExpression) ((Comparison) inner.getBody()).getLeft()).getVariable());

		ZcModel outside = parser.parse("""
				criteria C { criterion K { severity error message "m"
					check (every Machine m satisfies m.ratedPower > 1 kW) and m.ratedPower > 2 kW } }
				""");
		assertFalse(validator.validate(outside).isEmpty(), "m is not visible outside its quantifier");
	}
}
